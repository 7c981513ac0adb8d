// The one way the back office talks to the API: a same-origin POST of JSON, so that the
// httpOnly session cookie counts (the API ignores it on GETs and cross-site requests).
import { HttpError } from 'react-admin';
import { localizeServerMessage } from './i18n/serverMessages.ts';
import { i18nProvider } from './i18nProvider.ts';

/** GraphQL error codes (extensions.code) as the HTTP statuses react-admin understands. */
const statusByCode: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}

export async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new HttpError('repere.errors.network', 0);
  }
  let body: { data?: T; errors?: GraphqlError[] };
  try {
    body = await res.json();
  } catch {
    throw new HttpError(`HTTP ${res.status}`, res.status || 500);
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const status = statusByCode[code] ?? (res.ok ? 500 : res.status);
    // Shown in the interface's language; the errors keep the API's own message (and its paths).
    const message = localizeServerMessage(error.message, i18nProvider.translate);
    throw new HttpError(message, status, { code, errors: body.errors });
  }
  if (!body.data) throw new HttpError(`HTTP ${res.status}`, res.status || 500);
  return body.data;
}

/**
 * An error as a notification. Its message is already in the interface's language (or as the
 * API sent it): given as its own default, so it is not looked up as a translation key.
 */
export function notifyError(notify: (message: string, options?: object) => void, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  notify(message, { type: 'error', messageArgs: { _: message } });
}

/**
 * Several rows by id in one request, by aliases (`s0: field(id: $id0) { … }`): what react-admin's
 * getMany asks for. Unknown or hidden ids come back null and are left out.
 */
export async function fetchByIds<T>(field: string, fields: string, ids: readonly unknown[]): Promise<T[]> {
  if (!ids.length) return [];
  const vars = ids.map((_, i) => `$id${i}: ID!`).join(', ');
  const selections = ids.map((_, i) => `s${i}: ${field}(id: $id${i}) { ${fields} }`).join(' ');
  const variables = Object.fromEntries(ids.map((id, i) => [`id${i}`, String(id)]));
  const data = await gql<Record<string, T | null>>(`query ByIds(${vars}) { ${selections} }`, variables);
  return Object.values(data).filter((row): row is T => row !== null);
}
