// Apollo Server on Node's own HTTP server: Apollo executes, this file owns the HTTP details
// (body limit, caching headers, request ids).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Context, Viewer } from '../context.ts';
import type { Db } from '../db/client.ts';
import { isExpected } from '../errors.ts';
import { schema } from '../schema.ts';
import { limitsPlugin } from './limits-plugin.ts';

const maxBodyBytes = 2 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Masks unexpected errors: their details go to the log, never to the caller. */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isExpected(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export async function createGraphqlHandler(db: Db) {
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // CSRF: anonymous reads carry no credentials; cookie sessions (issue 3) accept only
    // POST with application/json, which a cross-site form cannot send without a preflight.
    csrfPrevention: false,
    formatError,
    plugins: [
      limitsPlugin,
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const error of errors) {
                if (isExpected(error.extensions?.code)) continue;
                contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, reqLog: Logger) {
    const viewer: Viewer = { kind: 'anonymous' };
    let body: unknown;
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        // The rest of the body is not read: close the connection rather than reuse it.
        res.setHeader('Connection', 'close');
        return sendError(res, 413, 'BAD_USER_INPUT', `Request body larger than ${maxBodyBytes / 1024 / 1024} MB.`);
      }
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON.');
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => ({ viewer, db, log: reqLog, requestId }),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    // Only anonymous GETs may be kept by shared caches; anything with credentials never.
    const credentials = Boolean(req.headers.authorization || req.headers['x-api-key'] || req.headers.cookie);
    const cacheable = req.method === 'GET' && !credentials && (result.status ?? 200) === 200;
    res.setHeader('Cache-Control', cacheable ? 'public, max-age=60' : 'private, no-store');
    res.setHeader('Vary', 'Authorization, X-Api-Key, Cookie');
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  return { handle, stop: () => apollo.stop() };
}

export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
