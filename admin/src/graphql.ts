// The one way the back office talks to the API: a same-origin POST of JSON, so that the
// httpOnly session cookie counts (the API ignores it on GETs and cross-site requests).
import { HttpError } from 'react-admin';
import type { TypedDocumentString } from './gql/graphql.ts';
import { localizeServerError } from './i18n/server-errors.ts';
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
  extensions?: { code?: string; key?: unknown; params?: unknown; issues?: unknown };
}

/**
 * Runs one operation written with `graphql(...)` (see src/gql/, generated from schema.graphql):
 * its variables and its result are typed; an operation without variables takes none.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new HttpError('repere.errors.network', 0);
  }
  let body: { data?: TResult; errors?: GraphqlError[] };
  try {
    body = await res.json();
  } catch {
    throw new HttpError(`HTTP ${res.status}`, res.status || 500);
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const status = statusByCode[code] ?? (res.ok ? 500 : res.status);
    // Shown in the interface's language, by its key; the errors keep the API's own message.
    const message = localizeServerError(error, i18nProvider.translate);
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
