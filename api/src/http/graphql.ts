// Apollo Server on Node's own HTTP server: Apollo executes, this file owns the HTTP details
// (body limit, caching headers, request ids).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Context } from '../context.ts';
import type { Db } from '../db/client.ts';
import { isExpected } from '../errors.ts';
import { limits } from '../limits.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Links } from '../mail/messages.ts';
import { createExchange, readSessionCookie } from '../modules/accounts/exchange.ts';
import { prepareDecoy } from '../modules/accounts/secrets.ts';
import { identify } from '../modules/accounts/sessions.ts';
import { createAuditTrail } from '../modules/audit/trail.ts';
import type { Geocoder } from '../modules/places/geocoder.ts';
import { viewFor } from '../modules/structures/visibility.ts';
import { RateLimitedError, type RateLimits } from '../rate-limits.ts';
import { schema } from '../schema.ts';
import { maxBodyBytes, readBody } from './body.ts';
import { limitsPlugin } from './limits-plugin.ts';
import { precheck } from './precheck.ts';
import { bearerToken, clientIp, header, isJson, isTls, sameOrigin } from './request.ts';
import { legacyStatus, sendRequestError } from './status.ts';

/** Masks unexpected errors: their details go to the log, never to the caller. */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isExpected(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export interface GraphqlOptions {
  limits: RateLimits;
  geocoder: Geocoder | null;
  mailer: Mailer;
  links: Links;
  /** More Apollo plugins (metrics). */
  plugins?: ApolloServerPlugin<Context>[];
  /** Behind a reverse proxy: trust X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy: boolean;
}

export async function createGraphqlHandler(db: Db, options: GraphqlOptions) {
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // CSRF is handled in handle(): the cookie counts only on a same-origin POST of JSON.
    // Apollo's own check would refuse the plain anonymous GETs that partners cache.
    csrfPrevention: false,
    // The server stops Apollo itself on SIGTERM/SIGINT (server.ts). Apollo's own handlers would
    // stop it concurrently, and a second stop() awaiting the first never returns (Apollo 5
    // resolves that barrier only on failure): `pnpm start` then hung on SIGTERM.
    stopOnTerminationSignals: false,
    formatError,
    // The cheapest limit, first: the parser stops counting past it.
    parseOptions: { maxTokens: limits.tokens() },
    plugins: [
      ...(options.plugins ?? []),
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
  await prepareDecoy();

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, reqLog: Logger) {
    let body: unknown;
    if (req.method === 'POST') {
      // GraphQL over HTTP: JSON only. Also keeps cross-site forms (no preflight) out.
      if (!isJson(req)) {
        return sendError(res, 415, 'BAD_REQUEST', 'POST /graphql needs Content-Type: application/json.');
      }
      const text = await readBody(req);
      if (text === 'aborted') return void res.destroy();
      if (text === 'tooLarge') {
        res.setHeader('Connection', 'close');
        return sendError(res, 413, 'BAD_USER_INPUT', `Request body larger than ${maxBodyBytes / 1024 / 1024} MB.`);
      }
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON.');
      }
    }
    // Over-limit queries go before any database work (sessions, rate limits).
    const refused = precheck(
      req.method === 'GET' ? url.searchParams.get('query') : (body as { query?: unknown })?.query,
      schema,
    );
    if (refused) return sendRequestError(req, res, refused);
    res.setHeader('Vary', 'Authorization, X-Api-Key, Cookie');
    const cookie = readSessionCookie(req.headers.cookie);
    // CSRF: the session cookie counts only on a same-origin POST of JSON, which a cross-site
    // page cannot send without a CORS preflight (refused here); SameSite=Strict adds to it.
    const cookieUsable = cookie !== null && req.method === 'POST' && isJson(req) && sameOrigin(req);
    if (cookie !== null && req.method === 'POST' && !sameOrigin(req)) {
      return sendError(res, 403, 'FORBIDDEN', 'Cross-site request refused.');
    }
    const identified = await identify(db, {
      bearer: bearerToken(req.headers.authorization),
      cookie: cookieUsable ? cookie : null,
      apiKey: header(req, 'x-api-key'),
    });
    if (!identified.ok) return sendError(res, 401, 'UNAUTHENTICATED', identified.message);
    const { viewer, apiKeyId } = identified;
    const ip = clientIp(req, options.trustProxy);
    try {
      await options.limits.request(
        apiKeyId
          ? { kind: 'key', id: apiKeyId }
          : viewer.kind === 'user'
            ? { kind: 'user', id: viewer.userId }
            : { kind: 'ip', ip },
      );
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
      return sendError(res, 429, 'RATE_LIMITED', error.message);
    }
    const { exchange, extras } = createExchange(ip, isTls(req, options.trustProxy));
    if (identified.staleCookie) exchange.clearCookie();
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const actorId = viewer.kind === 'user' ? viewer.userId : null;
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => ({
        viewer,
        view: viewFor(viewer),
        apiKeyId,
        db,
        log: reqLog,
        requestId,
        audit: createAuditTrail(db, () => actorId),
        http: exchange,
        limits: options.limits,
        geocoder: options.geocoder,
        mailer: options.mailer,
        links: options.links,
      }),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    const cookies: string[] = [];
    for (const [key, value] of extras.headers) {
      if (key === 'Set-Cookie') cookies.push(value);
      else res.setHeader(key, value);
    }
    if (cookies.length) res.setHeader('Set-Cookie', cookies);
    // Only anonymous GETs may be kept by shared caches; anything with credentials never.
    const credentials = Boolean(req.headers.authorization || req.headers['x-api-key'] || req.headers.cookie);
    const status =
      extras.status ??
      (result.body.kind === 'complete'
        ? legacyStatus(result.status ?? 200, result.headers.get('content-type'), result.body.string)
        : result.status) ??
      200;
    const cacheable = req.method === 'GET' && !credentials && viewer.kind === 'anonymous' && status === 200;
    res.setHeader('Cache-Control', cacheable ? 'public, max-age=60' : 'private, no-store');
    res.statusCode = status;
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
