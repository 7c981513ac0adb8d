// /metrics in Prometheus format (prom-client), off unless METRICS_TOKEN is set, then only with
// `Authorization: Bearer <token>`. Labels hold routes, methods, statuses, operation names and
// limiter names: never who asked, an address, an id or a search.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolUsage } from '../db/client.ts';
import type { ReplicaState } from '../db/replicas.ts';

/** The routes requests are counted under (anything else is `other`: paths are the caller's). */
const routes = ['/graphql', '/healthz', '/readyz', '/metrics', '/geo/departments.geojson'];
export const routeOf = (path: string) =>
  routes.includes(path)
    ? path
    : path.startsWith('/admin')
      ? '/admin'
      : path.startsWith('/exports/')
        ? '/exports'
        : path.startsWith('/explorer/')
          ? '/explorer'
          : 'other';

/** Operation names are the caller's choice: well-formed ones, up to this many, else `other`. */
const maxOperationNames = 200;

export interface Metrics {
  request(route: string, method: string, status: number, seconds: number): void;
  rateLimited(limiter: string): void;
  /** A GraphQL operation answered, by name and outcome (the first error code, or `ok`). */
  operation(operationName: string | null, outcome: string): void;
  plugin: ApolloServerPlugin;
  /** Answers GET /metrics; false when metrics are off (the caller answers 404). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export interface MetricSources {
  /** The primary's connection pool (a server database), read at each scrape. */
  pool?: () => PoolUsage | null;
  /** Read replicas' states (DATABASE_REPLICA_URLS), read at each scrape. */
  replicas?: () => ReplicaState[];
}

export function createMetrics(token: string | null, sources: MetricSources = {}): Metrics {
  const registry = new Registry();
  if (token) collectDefaultMetrics({ register: registry, prefix: 'repere_' });
  if (sources.pool?.()) {
    const pool = sources.pool;
    new Gauge({
      name: 'repere_db_pool_connections',
      help: "The primary database's connection pool: its size, and how many are busy or awaited.",
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const usage = pool();
        if (!usage) return;
        this.set({ state: 'size' }, usage.size);
        this.set({ state: 'busy' }, usage.busy);
        this.set({ state: 'waiting' }, usage.waiting);
      },
    });
  }
  if (sources.replicas) {
    const states = sources.replicas;
    new Gauge({
      name: 'repere_db_replica_lag_seconds',
      help: 'How far each read replica is behind the primary (-1: unknown, e.g. down).',
      labelNames: ['replica'],
      registers: [registry],
      collect() {
        for (const r of states()) this.set({ replica: r.name }, r.lagSeconds ?? -1);
      },
    });
    new Gauge({
      name: 'repere_db_replica_up',
      help: 'Whether each read replica takes reads (1), or is skipped as late or down (0).',
      labelNames: ['replica'],
      registers: [registry],
      collect() {
        for (const r of states()) this.set({ replica: r.name }, r.status === 'up' ? 1 : 0);
      },
    });
  }
  const requests = new Counter({
    name: 'repere_http_requests_total',
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'repere_http_request_duration_seconds',
    help: 'HTTP request duration by route.',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operations = new Counter({
    name: 'repere_graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (ok, or the first error code).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'repere_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit, by limiter.',
    labelNames: ['limiter'],
    registers: [registry],
  });
  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name) return 'unnamed';
    if (!/^[A-Za-z_]\w{0,63}$/.test(name)) return 'other';
    if (names.has(name)) return name;
    if (names.size >= maxOperationNames) return 'other';
    names.add(name);
    return name;
  };
  const allowed = (header: string | undefined) => {
    if (!token || !header?.startsWith('Bearer ')) return false;
    const given = Buffer.from(header.slice(7));
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return {
    request(route, method, status, seconds) {
      requests.inc({ route, method: ['GET', 'POST', 'HEAD'].includes(method) ? method : 'other', status });
      latency.observe({ route }, seconds);
    },
    rateLimited(limiter) {
      refusals.inc({ limiter });
    },
    operation(operationName, outcome) {
      operations.inc({ operation: operationLabel(operationName), outcome });
    },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ operationName, response }) {
            const body = response.body.kind === 'single' ? response.body.singleResult : null;
            const code = body?.errors?.[0]?.extensions?.code;
            operations.inc({ operation: operationLabel(operationName), outcome: code ? String(code) : 'ok' });
          },
        };
      },
    },
    async handle(req, res) {
      if (!token) return false;
      res.setHeader('Cache-Control', 'no-store');
      if (!allowed(req.headers.authorization)) {
        res.statusCode = 401;
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.end('Bearer token required.\n');
        return true;
      }
      res.setHeader('Content-Type', registry.contentType);
      res.end(await registry.metrics());
      return true;
    },
  };
}
