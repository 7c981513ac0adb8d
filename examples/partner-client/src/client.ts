// A small GraphQL client over fetch: sends a typed document (src/gql/) and returns its typed
// result, or throws an ApiError carrying the API's error code.
import type { TypedDocumentString } from './gql/graphql.ts';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A partner key (sent as X-Api-Key): a higher quota than anonymous callers; it sees the same listings. */
  apiKey?: string;
}

/** An error the API answered (its `extensions.code`, e.g. RATE_LIMITED), or an HTTP failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Body<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Returns `request`: one operation, its variables (none for an operation without), its result. */
export function createClient({ url, apiKey }: ClientOptions) {
  return async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<TResult> {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(apiKey ? { 'x-api-key': apiKey } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) throw new ApiError(`HTTP ${res.status} from ${url}`, 'HTTP_ERROR', res.status);
    // The shape the GraphQL over HTTP spec gives; `data` is typed by the document sent.
    const body = (await res.json()) as Body<TResult>;
    const error = body.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', res.status);
    if (!body.data) throw new ApiError(`HTTP ${res.status}: no data`, 'HTTP_ERROR', res.status);
    return body.data;
  };
}

export type Request = ReturnType<typeof createClient>;
