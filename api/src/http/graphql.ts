// Apollo Server on Node's own HTTP server: Apollo executes, this file owns the HTTP details
// (body limit, caching headers, request ids).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { type ErrorDetail, isErrorKey } from '@repere/shared/errors';
import { allows } from '@repere/shared/policy';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { type Context, viewerLevel } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type Replicas, readingFrom } from '../db/replicas.ts';
import { isDatabaseUnavailable, retryAfterSeconds } from '../db/unavailable.ts';
import { type ErrorCode, isExpected, unavailableMessage } from '../errors.ts';
import { limits } from '../limits.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Links } from '../mail/messages.ts';
import { createExchange, readSessionCookie } from '../modules/accounts/exchange.ts';
import { prepareDecoy } from '../modules/accounts/secrets.ts';
import { identify } from '../modules/accounts/sessions.ts';
import { markSessionWrite } from '../modules/accounts/store.ts';
import { createAuditTrail } from '../modules/audit/trail.ts';
import type { Geocoder } from '../modules/places/geocoder.ts';
import { viewFor } from '../modules/structures/visibility.ts';
import { RateLimitedError, type RateLimits } from '../rate-limits.ts';
import { schema } from '../schema.ts';
import { maxBodyBytes, maxUploadBytes, readBody } from './body.ts';
import { createFastPath, createPersistedQueries, fastContentType, readFastRequest } from './fast.ts';
import { limitsPlugin } from './limits-plugin.ts';
import { precheck } from './precheck.ts';
import { bearerToken, clientIp, header, isJson, isTls, sameOrigin } from './request.ts';
import { legacyStatus, sendRequestError } from './status.ts';

/** Keys of the errors Apollo and graphql-js raise themselves (ours carry their own). */
const keyByCode: Partial<Record<ErrorCode, ErrorDetail>> = {
  GRAPHQL_PARSE_FAILED: { key: 'syntaxError', params: {} },
  GRAPHQL_VALIDATION_FAILED: { key: 'invalidQuery', params: {} },
  BAD_USER_INPUT: { key: 'invalidVariables', params: {} },
  OPERATION_RESOLUTION_FAILURE: { key: 'unknownOperation', params: {} },
  PERSISTED_QUERY_NOT_FOUND: { key: 'persistedQueryNotFound', params: {} },
  PERSISTED_QUERY_NOT_SUPPORTED: { key: 'persistedQueryNotSupported', params: {} },
};
const internal = { key: 'internal', params: {} } as const;
const serviceUnavailable = { key: 'serviceUnavailable', params: { seconds: retryAfterSeconds } } as const;

// Which executor answered each GraphQL request: the access log says it.
const executors = new WeakMap<ServerResponse, 'compiled' | 'apollo'>();
export const executorOf = (res: ServerResponse) => executors.get(res);

/** Masks unexpected errors: their details go to the log, never to the caller. */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  if (isDatabaseUnavailable(unwrapResolverError(error))) {
    return {
      message: unavailableMessage,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: retryAfterSeconds, ...serviceUnavailable },
    };
  }
  const code = formatted.extensions?.code;
  if (isExpected(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    const detail = isErrorKey(extensions.key) ? {} : (keyByCode[code] ?? { key: 'badRequest', params: {} });
    return { ...formatted, extensions: { ...extensions, ...detail } };
  }
  return { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', ...internal } };
}

export interface GraphqlOptions {
  limits: RateLimits;
  geocoder: Geocoder | null;
  mailer: Mailer;
  links: Links;
  /** More Apollo plugins (metrics). */
  plugins?: ApolloServerPlugin<Context>[];
  /** Operations answered without Apollo (http/fast.ts), by name and outcome (metrics). */
  onOperation?: (operationName: string | null, outcome: string) => void;
  /** Behind a reverse proxy: trust X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy: boolean;
  /** false: every operation through Apollo (tests compare the two paths' answers). */
  fastPath?: boolean;
  /** Read replicas (DATABASE_REPLICA_URLS), and how long an account reads the primary after a write. */
  replicas?: { set: Replicas; readYourWritesSeconds: number } | null;
}

export async function createGraphqlHandler(db: Db, options: GraphqlOptions) {
  // Automatic persisted queries (APQ): Apollo registers and answers them; the hot path reads
  // the same texts, so a short GET with only a hash runs compiled too.
  const persisted = createPersistedQueries();
  const apollo = new ApolloServer<Context>({
    persistedQueries: { cache: persisted },
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
      // Browsers get our own explorer (explorer-static.ts). Apollo's landing page loaded Apollo's
      // CDN and answered any GET that preferred HTML, even one with a query, as cacheable HTML.
      ApolloServerPluginLandingPageDisabled(),
      // Cache-Control is set below from the viewer; Apollo's hints would wrap every resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
      limitsPlugin,
      {
        async requestDidStart() {
          return {
            // Queries read from a replica when one is fit; a mutation, and anything a query
            // writes, go to the primary, and the account then reads the primary for a while.
            async didResolveOperation({ operation, contextValue }) {
              if (!options.replicas) return;
              if (operation?.operation !== 'query') return markWrite(contextValue);
              const reading = readingContext(contextValue);
              if (reading) contextValue.db = reading.db;
            },
            async didEncounterErrors({ errors, contextValue }) {
              for (const error of errors) {
                if (isExpected(error.extensions?.code)) continue;
                if (isDatabaseUnavailable(error)) {
                  contextValue.log.warn({ path: error.path, reason: error.message }, 'database unavailable');
                  continue;
                }
                contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
              }
            },
            // A request the database could not serve is a 503 that asks to come back, not a 200.
            async willSendResponse({ errors, response }) {
              if (!errors?.some((e) => isDatabaseUnavailable(e))) return;
              response.http.status = 503;
              response.http.headers.set('retry-after', String(retryAfterSeconds));
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  await prepareDecoy();
  const fast = createFastPath(schema, { formatError, onOperation: options.onOperation, persisted });

  /** Who sent it (the session cookie counts only on a same-origin POST of JSON: see below). */
  const credentialsOf = (req: IncomingMessage) => {
    const cookie = readSessionCookie(req.headers.cookie);
    const cookieUsable = cookie !== null && req.method === 'POST' && isJson(req) && sameOrigin(req);
    return {
      bearer: bearerToken(req.headers.authorization),
      cookie: cookieUsable ? cookie : null,
      apiKey: header(req, 'x-api-key'),
    };
  };

  /**
   * Past the usual limit, only a moderator's request is read on (the back office's import): who
   * sent it is known from the headers before any of the body is read, let alone parsed.
   */
  async function bodyLimit(req: IncomingMessage): Promise<number> {
    const declared = Number(req.headers['content-length']);
    if (!(declared > maxBodyBytes && declared <= maxUploadBytes)) return maxBodyBytes;
    const found = await identify(db, credentialsOf(req));
    return found.ok && allows('moderator', viewerLevel(found.viewer)) ? maxUploadBytes : maxBodyBytes;
  }

  /** After an account's write, its reads go to the primary for a while (on every instance). */
  function markWrite(context: Context): Promise<void> {
    const replicas = options.replicas;
    if (!replicas || context.viewer.kind !== 'user') return Promise.resolve();
    return markSessionWrite(db, context.viewer.sessionId, replicas.readYourWritesSeconds);
  }

  /**
   * The context of a query that may read from a replica (one is fit, and the account has not
   * written lately), or null: read from the primary. A write inside the query goes to the
   * primary, with what follows it, and marks the session.
   */
  function readingContext(context: Context): Context | null {
    if (!options.replicas || !context.mayReadReplica) return null;
    const replica = options.replicas.set.pick();
    if (!replica) return null;
    const reading = readingFrom(replica, db, () => {
      markWrite(context).catch((error: unknown) => context.log.error({ err: error }, 'session write mark failed'));
    });
    return { ...context, db: reading };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, reqLog: Logger) {
    let body: unknown;
    if (req.method === 'POST') {
      // GraphQL over HTTP: JSON only. Also keeps cross-site forms (no preflight) out.
      if (!isJson(req)) {
        return sendError(res, 415, 'BAD_REQUEST', 'POST /graphql needs Content-Type: application/json.', {
          key: 'needsJson',
          params: {},
        });
      }
      const limit = await bodyLimit(req);
      const text = await readBody(req, limit);
      if (text === 'aborted') return void res.destroy();
      if (text === 'tooLarge') {
        res.setHeader('Connection', 'close');
        const maxMb = limit / 1024 / 1024;
        return sendError(res, 413, 'BAD_USER_INPUT', `Request body larger than ${maxMb} MB.`, {
          key: 'bodyTooLarge',
          params: { maxMb },
        });
      }
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON.', {
          key: 'invalidJson',
          params: {},
        });
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
    if (cookie !== null && req.method === 'POST' && !sameOrigin(req)) {
      return sendError(res, 403, 'FORBIDDEN', 'Cross-site request refused.', { key: 'crossSite', params: {} });
    }
    const identified = await identify(db, credentialsOf(req));
    if (!identified.ok) {
      return sendError(res, 401, 'UNAUTHENTICATED', identified.message, { key: identified.key, params: {} });
    }
    const { viewer, apiKeyId, readPrimary } = identified;
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
      return sendError(res, 429, 'RATE_LIMITED', error.message, {
        key: 'rateLimited',
        params: { seconds: error.retryAfterSeconds },
      });
    }
    const { exchange, extras } = createExchange(ip, isTls(req, options.trustProxy));
    if (identified.staleCookie) exchange.clearCookie();
    const actorId = viewer.kind === 'user' ? viewer.userId : null;
    const contextValue: Context = {
      viewer,
      view: viewFor(viewer),
      apiKeyId,
      db,
      log: reqLog,
      requestId,
      // The audit trail is written to the primary, whichever database the request reads.
      audit: createAuditTrail(db, () => actorId),
      http: exchange,
      limits: options.limits,
      geocoder: options.geocoder,
      mailer: options.mailer,
      links: options.links,
      mayReadReplica: !readPrimary,
    };
    // The hot path answers queries only: they read from a replica when one is fit.
    const compiled = await answerFast(req, url, body, readingContext(contextValue) ?? contextValue);
    executors.set(res, compiled ? 'compiled' : 'apollo');
    const result = compiled ?? (await answerApollo(req, url, body, contextValue));
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
    // Apollo's own word wins: an unknown persisted query (private, no-cache) is asked again.
    const cacheable =
      req.method === 'GET' &&
      !credentials &&
      viewer.kind === 'anonymous' &&
      status === 200 &&
      !result.headers.has('cache-control');
    res.setHeader('Cache-Control', cacheable ? 'public, max-age=60' : 'private, no-store');
    res.statusCode = status;
    if (result.body.kind === 'complete') {
      if (cacheable) {
        // A cache that holds this answer asks again with its ETag: 304 when nothing changed.
        const etag = etagOf(result.body.string);
        res.setHeader('ETag', etag);
        if (matchesEtag(req.headers['if-none-match'], etag)) {
          res.statusCode = 304;
          return void res.end();
        }
      }
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  /** The hot path's answer (http/fast.ts), or null for Apollo to answer. */
  async function answerFast(
    req: IncomingMessage,
    url: URL,
    body: unknown,
    context: Context,
  ): Promise<HTTPGraphQLResponse | null> {
    if (options.fastPath === false) return null;
    const contentType = fastContentType(req.headers.accept);
    if (!contentType) return null;
    // Apollo reads GET parameters only without a body type, or a JSON one.
    if (req.method === 'GET' && req.headers['content-type'] !== undefined) return null;
    const request = readFastRequest(req.method, body, req.method === 'GET' ? url.searchParams : null);
    if (!request) return null;
    const answer = await fast.run(request, context, contentType);
    return (
      answer && {
        status: answer.status,
        headers: new HeaderMap(answer.headers),
        body: { kind: 'complete', string: answer.body },
      }
    );
  }

  async function answerApollo(
    req: IncomingMessage,
    url: URL,
    body: unknown,
    context: Context,
  ): Promise<HTTPGraphQLResponse> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    return await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
  }

  return { handle, stop: () => apollo.stop() };
}

/** A strong validator of an anonymous GET's answer: its bytes' hash. */
function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match names this ETag (weak comparison, as RFC 9110 says for GET), or is `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** An error answered before GraphQL runs (or outside it), in the GraphQL errors shape. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode | 'INTERNAL_SERVER_ERROR',
  message: string,
  detail: ErrorDetail,
) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, key: detail.key, params: detail.params } }] }));
}
