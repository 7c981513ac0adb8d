// Configuration from the environment, parsed once at boot; every error is listed at once.
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { parseTrustProxy } from './http/proxy.ts';

const boolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  /**
   * Read replicas of DATABASE_URL, comma-separated: anonymous and partner reads (and an account's
   * reads when it has not written in the last REPLICA_MAX_LAG_SECONDS) go to one that is up.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((value, ctx) => {
      const urls = value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean);
      for (const url of urls) {
        if (!/^postgres(ql)?:\/\/./.test(url)) {
          // The URL may hold a password: the message names its position, not its text.
          ctx.issues.push({
            code: 'custom',
            message: `entry ${urls.indexOf(url) + 1} is not a postgres:// URL`,
            input: '',
          });
          return z.NEVER;
        }
      }
      return urls;
    })
    .optional(),
  /** A replica further behind the primary than this is skipped; also the read-your-writes window. */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0.5).max(3600).default(5),
  /** How long a connection to DATABASE_URL may take before the request gets a 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  PGLITE_DIR: z.string().min(1).default('./.data/pglite'),
  /** Load the demo data into a new embedded database (never into a server database). */
  SEED_DEMO: boolean.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_MULTIPLIER: z.coerce.number().positive().default(1),
  /** Shared rate-limit counters in Redis (else in the database). */
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
  /** Prefix of the rate-limit keys: deployments (or test runs) sharing one Redis keep apart. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores')
    .default('repere'),
  /**
   * Reverse proxies in front: `false`, `true` (one), a hop count or their addresses/CIDRs. Only
   * the X-Forwarded-For entries they wrote, and X-Forwarded-Proto from them, are believed.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const trust = parseTrustProxy(value);
      if (typeof trust !== 'string') return trust;
      ctx.issues.push({ code: 'custom', message: trust, input: value });
      return z.NEVER;
    }),
  /** `ban`: street addresses to coordinates with the Base Adresse Nationale (when moderators give none). */
  GEOCODER: z.enum(['none', 'ban']).default('none'),
  GEOCODER_URL: z.url().default('https://api-adresse.data.gouv.fr'),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().min(10).default(10000),
  MAX_QUERY_BREADTH: z.coerce.number().int().min(10).default(300),
  /** Lexical tokens in a query: the parser stops past it (before any other work). */
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).default(5000),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(1).default(100),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(1).default(50),
  /** Outgoing mail (verification, password reset): smtp:// or smtps:// URL; else the outbox folder. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional(),
  /** Where mail goes without SMTP_URL (default: `outbox` beside the embedded data dir). */
  MAIL_OUTBOX: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Repère <ne-pas-repondre@repere.localhost>'),
  /** The address people open (links in mails); default http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  /** /metrics (Prometheus) only with `Authorization: Bearer <this>`; unset, there is no /metrics. */
  METRICS_TOKEN: z.string().min(16, 'must have at least 16 characters').optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema
    .refine((env) => !env.DATABASE_REPLICA_URLS?.length || env.DATABASE_URL, {
      message: 'read replicas need DATABASE_URL (the primary)',
      path: ['DATABASE_REPLICA_URLS'],
    })
    .safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** The outbox folder: MAIL_OUTBOX, or `outbox` beside the embedded database's folder. */
export function outboxDir(env: Env): string {
  return resolve(env.MAIL_OUTBOX ?? join(dirname(resolve(env.PGLITE_DIR)), 'outbox'));
}
