// HTTP status of GraphQL request errors, per GraphQL over HTTP: a request that never executed
// (syntax, validation, variables, limits) is a 400 for application/graphql-response+json and
// a 200 for legacy application/json clients, who read `errors` alone.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';

const requestErrors = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Apollo's status for a complete response, made 200 for legacy clients' request errors. */
export function legacyStatus(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith('application/json')) return status;
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
    return errors.length && errors.every((e) => requestErrors.has(e.extensions?.code ?? '')) ? 200 : status;
  } catch {
    return status;
  }
}

/** The media type the client prefers of the two GraphQL over HTTP defines (application/json by default). */
function responseType(req: IncomingMessage): string {
  let best = { type: 'application/json', q: 0 };
  for (const part of (req.headers.accept ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const known = type === 'application/graphql-response+json' || type === 'application/json';
    if (known && q > best.q) best = { type, q };
  }
  return best.type;
}

/** A GraphQL request error before Apollo: 400 for application/graphql-response+json, else 200. */
export function sendRequestError(req: IncomingMessage, res: ServerResponse, error: GraphQLError) {
  const type = responseType(req);
  res.statusCode = type === 'application/json' ? 200 : 400;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Cache-Control', 'private, no-store');
  const { http: _http, ...extensions } = error.extensions;
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}
