// Reading what a request says about itself: credentials, client address, TLS, origin.
import type { IncomingMessage } from 'node:http';
import { type Client, resolveClient, type TrustProxy } from './proxy.ts';

export function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first.trim() || null : null;
}

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

export function isJson(req: IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}

// The client as app.ts identified it with the configured proxies, once per request.
const clients = new WeakMap<IncomingMessage, Client>();

/** Reads the client's address and scheme, believing forwarded headers only from our proxies. */
export function identifyClient(req: IncomingMessage, trust: TrustProxy): Client {
  const client = resolveClient(req, trust);
  clients.set(req, client);
  return client;
}

/** Identified already, or now (`true`: one proxy hop). */
function clientOf(req: IncomingMessage, trust: TrustProxy | boolean): Client {
  return clients.get(req) ?? resolveClient(req, typeof trust === 'boolean' ? { hops: trust ? 1 : 0 } : trust);
}

/** No Origin (non-browser clients) or an Origin naming this very scheme and host. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const scheme = clientOf(req, false).tls ? 'https:' : 'http:';
  try {
    const url = new URL(origin);
    return url.protocol === scheme && url.host === req.headers.host;
  } catch {
    return false;
  }
}

export function clientIp(req: IncomingMessage, trust: TrustProxy | boolean): string {
  return clientOf(req, trust).ip;
}

export function isTls(req: IncomingMessage, trust: TrustProxy | boolean): boolean {
  return clientOf(req, trust).tls;
}
