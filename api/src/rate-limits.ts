// Rate limits (rate-limiter-flexible), counted in the database's `rate_limits` table, or in
// Redis when REDIS_URL is set, so that every API instance shares them. Keys are hashed: the
// store holds no address or email.
import { rateLimits as table } from '@repere/drizzle/schema';
import type { Redis } from 'ioredis';
import {
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterStoreAbstract,
} from 'rate-limiter-flexible';
import type { Db } from './db/client.ts';
import { AppError } from './errors.ts';
import { digest } from './modules/accounts/secrets.ts';

/** Production defaults, scaled by RATE_LIMIT_MULTIPLIER. */
export const defaultLimits = {
  /** Requests per minute. */
  anonymousPerIp: 60,
  partnerPerKey: 1200,
  sessionPerUser: 600,
  /** Failed logins per 15 minutes. */
  loginFailuresPerAccount: 10,
  loginFailuresPerIp: 30,
  /** Registrations per hour and address. */
  registrationsPerIp: 10,
  /** Contributions (new listings, corrections, reports) per hour and address. */
  contributionsPerIp: 30,
};

export type Requester = { kind: 'ip'; ip: string } | { kind: 'key'; id: string } | { kind: 'user'; id: string };

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests: retry in ${retryAfterSeconds} s.`, { retryAfter: retryAfterSeconds });
  }
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export interface RateLimits {
  /** Counts one request; throws RateLimitedError over quota. */
  request(requester: Requester): Promise<void>;
  /** Throws when failed logins for this account or address are over quota. */
  loginAllowed(email: string, ip: string): Promise<void>;
  /** Counts a failed login; returns the scopes whose limit this failure just reached. */
  loginFailed(email: string, ip: string): Promise<('account' | 'ip')[]>;
  loginSucceeded(email: string): Promise<void>;
  registration(ip: string): Promise<void>;
  contribution(ip: string): Promise<void>;
}

export interface RateLimitStore {
  /** Counters in Redis instead of the database. */
  redis?: Redis | null;
  /** Prefix of every key (separates deployments, or test runs, sharing a Redis). */
  namespace?: string;
}

export function createRateLimits(db: Db, multiplier: number, store: RateLimitStore = {}): RateLimits {
  const limiter = (prefix: string, points: number, duration: number): RateLimiterStoreAbstract => {
    const keyPrefix = `${store.namespace ?? 'repere'}:${prefix}`;
    const scaled = Math.max(1, Math.round(points * multiplier));
    if (store.redis) {
      // While Redis is unreachable, each instance counts in memory rather than failing requests.
      const insuranceLimiter = new RateLimiterMemory({ keyPrefix, points: scaled, duration });
      return new RateLimiterRedis({ storeClient: store.redis, keyPrefix, points: scaled, duration, insuranceLimiter });
    }
    return new RateLimiterDrizzle({
      storeClient: db.drizzle,
      schema: table,
      keyPrefix,
      points: scaled,
      duration,
      clearExpiredByTimeout: false,
    });
  };
  const perRequest = {
    ip: limiter('req-ip', defaultLimits.anonymousPerIp, 60),
    key: limiter('req-key', defaultLimits.partnerPerKey, 60),
    user: limiter('req-user', defaultLimits.sessionPerUser, 60),
  };
  const failures = {
    account: limiter('login-account', defaultLimits.loginFailuresPerAccount, 15 * 60),
    ip: limiter('login-ip', defaultLimits.loginFailuresPerIp, 15 * 60),
  };
  const registrations = limiter('register-ip', defaultLimits.registrationsPerIp, 60 * 60);
  const contributions = limiter('contribute-ip', defaultLimits.contributionsPerIp, 60 * 60);

  async function consume(l: RateLimiterStoreAbstract, key: string): Promise<RateLimiterRes> {
    try {
      return await l.consume(digest(key));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(error));
      throw error;
    }
  }

  async function blocked(l: RateLimiterStoreAbstract, key: string): Promise<void> {
    const res = await l.get(digest(key));
    if (res && res.consumedPoints >= l.points) throw new RateLimitedError(retryAfter(res));
  }

  return {
    async request(r) {
      if (r.kind === 'ip') await consume(perRequest.ip, r.ip);
      else if (r.kind === 'key') await consume(perRequest.key, r.id);
      else await consume(perRequest.user, r.id);
    },
    async loginAllowed(email, ip) {
      await blocked(failures.account, email);
      await blocked(failures.ip, ip);
    },
    async loginFailed(email, ip) {
      const reached: ('account' | 'ip')[] = [];
      for (const [scope, l, key] of [
        ['account', failures.account, email],
        ['ip', failures.ip, ip],
      ] as const) {
        const res = await l.penalty(digest(key), 1);
        if (res.consumedPoints === l.points) reached.push(scope);
      }
      return reached;
    },
    async loginSucceeded(email) {
      await failures.account.delete(digest(email));
    },
    async registration(ip) {
      await consume(registrations, ip);
    },
    async contribution(ip) {
      await consume(contributions, ip);
    },
  };
}
