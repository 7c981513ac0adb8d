// The HTTP application: routes, request ids, access logs, graceful shutdown.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { checkReady } from '../db/ready.ts';
import type { Replicas } from '../db/replicas.ts';
import { isDatabaseUnavailable, retryAfterSeconds } from '../db/unavailable.ts';
import { unavailableMessage } from '../errors.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { backOfficeLinks } from '../mail/messages.ts';
import type { Geocoder } from '../modules/places/geocoder.ts';
import { createRateLimits } from '../rate-limits.ts';
import { createAdminStatic } from './admin-static.ts';
import { createExplorerStatic, wantsExplorer } from './explorer-static.ts';
import { createExports, exportPaths } from './exports.ts';
import { createGraphqlHandler, executorOf, sendError } from './graphql.ts';
import { createMetrics, routeOf } from './metrics.ts';
import { createOutlines } from './outlines.ts';
import { type TrustProxy, trustsAnyProxy } from './proxy.ts';
import { identifyClient } from './request.ts';

export interface App {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(timeoutMs?: number): Promise<void>;
}

const requestIdPattern = /^[\w.-]{1,64}$/;

export interface AppOptions {
  /** RATE_LIMIT_MULTIPLIER: scales every rate limit. */
  rateLimitMultiplier?: number;
  /** TRUST_PROXY: the reverse proxies in front (`true`: one hop). */
  trustProxy?: TrustProxy | boolean;
  geocoder?: Geocoder | null;
  /** Rate-limit counters in Redis (REDIS_URL) instead of the database. */
  redis?: Redis | null;
  rateLimitNamespace?: string;
  /** Rate-limit counters in this process only (a single instance, e.g. tests). */
  rateLimitsInMemory?: boolean;
  /** Outgoing mail (default: none, each mail dropped with a warning). */
  mailer?: Mailer;
  /** PUBLIC_URL: the address in mails' links. */
  publicUrl?: string;
  /** METRICS_TOKEN: /metrics answers with this bearer token only (absent: no /metrics). */
  metricsToken?: string | null;
  /** false: no hot path for queries, Apollo answers everything (tests compare the two). */
  fastPath?: boolean;
  /** DATABASE_REPLICA_URLS, opened; REPLICA_MAX_LAG_SECONDS is also the read-your-writes window. */
  replicas?: Replicas | null;
  replicaMaxLagSeconds?: number;
}

export async function createApp(db: Db, log: Logger, options: AppOptions = {}): Promise<App> {
  const mailer = options.mailer ?? createMailer({ kind: 'none' }, 'Repère <ne-pas-repondre@repere.localhost>', log);
  const replicaStates = options.replicas ? () => options.replicas?.states() ?? [] : undefined;
  const metrics = createMetrics(options.metricsToken ?? null, { replicas: replicaStates, pool: () => db.pool() });
  const trust = typeof options.trustProxy === 'object' ? options.trustProxy : { hops: options.trustProxy ? 1 : 0 };
  const graphql = await createGraphqlHandler(db, {
    limits: createRateLimits(db, options.rateLimitMultiplier ?? 1, {
      redis: options.redis,
      namespace: options.rateLimitNamespace,
      memory: options.rateLimitsInMemory,
      onRefused: (limit) => metrics.rateLimited(limit),
    }),
    // The handler reads the client identified below with `trust`; this boolean is its fallback.
    trustProxy: trustsAnyProxy(trust),
    geocoder: options.geocoder ?? null,
    mailer: mailer,
    links: backOfficeLinks(options.publicUrl ?? 'http://localhost:4000'),
    plugins: [metrics.plugin],
    onOperation: metrics.operation,
    fastPath: options.fastPath,
    replicas: options.replicas
      ? { set: options.replicas, readYourWritesSeconds: options.replicaMaxLagSeconds ?? 5 }
      : null,
  });
  const admin = createAdminStatic();
  const explorer = createExplorerStatic();
  const outlines = createOutlines(db);
  const exports = createExports(() => options.replicas?.pick() ?? db);
  // The access line has fixed fields, none a credential: redaction (its safety net for every
  // other line) tripled the cost of the one line every request writes.
  const accessLog = log.child({}, { redact: [] });
  const server = createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    identifyClient(req, trust);
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    const reqLog = log.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.on('finish', () => {
      metrics.request(
        routeOf(url.pathname),
        req.method ?? 'GET',
        res.statusCode,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
      // Path only: query strings may hold search terms typed by the public.
      accessLog.info(
        {
          requestId,
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          executor: executorOf(res),
        },
        'request',
      );
    });
    try {
      if (url.pathname === '/graphql') {
        if (wantsExplorer(req, url)) return await explorer.page(req, res);
        if (req.method !== 'GET' && req.method !== 'POST') {
          res.setHeader('Allow', 'GET, POST');
          return sendError(res, 405, 'BAD_REQUEST', 'Use GET or POST on /graphql.', {
            key: 'methodNotAllowed',
            params: { allowed: ['GET', 'POST'] },
          });
        }
        return await graphql.handle(req, res, url, requestId, reqLog);
      }
      if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return await admin(req, res, url.pathname);
      if (url.pathname.startsWith('/explorer/')) return await explorer.asset(req, res, url.pathname);
      if (exportPaths.includes(url.pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
        return await exports(req, res, url.pathname);
      }
      if (url.pathname === '/geo/departments.geojson' && (req.method === 'GET' || req.method === 'HEAD')) {
        return await outlines(req, res);
      }
      if (url.pathname === '/healthz') return json(res, 200, { status: 'ok' });
      if (url.pathname === '/metrics' && (await metrics.handle(req, res))) return;
      if (url.pathname === '/readyz') {
        // The same shape as /healthz (`status`), with what it checked.
        const { ok, ...checked } = await checkReady(db);
        // Replicas are reported; one down or late is skipped, so it does not make the API unready.
        const replicas = options.replicas?.states();
        return json(res, ok ? 200 : 503, {
          status: ok ? 'ok' : 'unavailable',
          ...checked,
          ...(replicas && { replicas }),
        });
      }
      return sendError(res, 404, 'NOT_FOUND', 'Not found. The API is at /graphql.', { key: 'noSuchPath', params: {} });
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        // Sessions, API keys and rate limits are read before GraphQL runs: the same 503.
        reqLog.warn({ reason: (error as Error).message }, 'database unavailable');
        if (res.headersSent) return void res.end();
        res.setHeader('Retry-After', String(retryAfterSeconds));
        return sendError(res, 503, 'SERVICE_UNAVAILABLE', unavailableMessage, {
          key: 'serviceUnavailable',
          params: { seconds: retryAfterSeconds },
        });
      }
      reqLog.error({ err: error }, 'request failed');
      if (!res.headersSent) {
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.', { key: 'internal', params: {} });
      } else res.end();
    }
  });
  server.keepAliveTimeout = 5000;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    async close(timeoutMs = 10_000) {
      // Stop accepting, let in-flight requests finish, then force the rest.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
      await closed;
      clearTimeout(timer);
      await graphql.stop();
      await mailer.flush();
    },
  };
}

function json(res: import('node:http').ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
