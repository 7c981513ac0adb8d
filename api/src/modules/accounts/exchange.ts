// What resolvers may know and set of the HTTP exchange: the session cookie, the client's
// address (rate limits only, never stored or logged) and extra response headers.
import { parseCookie, stringifySetCookie } from 'cookie';

export const sessionCookie = 'repere_session';

export interface HttpExchange {
  /** The client's address as the rate limits see it. */
  ip: string;
  /** Behind TLS: cookies get `Secure`. */
  secure: boolean;
  setCookie(token: string, maxAgeSeconds: number): void;
  clearCookie(): void;
  /** Extra headers and an HTTP status for the response (Retry-After with 429). */
  setHeader(name: string, value: string): void;
  setStatus(status: number): void;
}

export interface ResponseExtras {
  headers: [string, string][];
  status: number | null;
}

export function createExchange(ip: string, secure: boolean): { exchange: HttpExchange; extras: ResponseExtras } {
  const extras: ResponseExtras = { headers: [], status: null };
  const cookie = (value: string, maxAge: number) =>
    stringifySetCookie({ name: sessionCookie, value, httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge });
  return {
    extras,
    exchange: {
      ip,
      secure,
      setCookie: (token, maxAge) => extras.headers.push(['Set-Cookie', cookie(token, maxAge)]),
      clearCookie: () => extras.headers.push(['Set-Cookie', cookie('', 0)]),
      setHeader: (name, value) => extras.headers.push([name, value]),
      setStatus: (status) => {
        extras.status = status;
      },
    },
  };
}

export function readSessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  return parseCookie(header)[sessionCookie] ?? null;
}
