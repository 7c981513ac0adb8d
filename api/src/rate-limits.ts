// Rate limits (rate-limiter-flexible), counted in the database's `rate_limits` table, or in
// Redis when REDIS_URL is set, so that every API instance shares them. Keys are hashed: the
// store holds no address or email. Every count is one atomic increment that answers whether it
// was within the limit, so concurrent requests cannot all pass a check made before counting.
import { rateLimits as table } from '@repere/drizzle/schema';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
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
  /**
   * Login attempts per 15 minutes, counted before the password is checked (a success is not
   * counted): per account and address, so a guesser elsewhere cannot lock the owner out; per
   * address whatever the account; and a looser ceiling per account, whatever the address.
   */
  loginAttemptsPerAccountAndIp: 10,
  loginAttemptsPerIp: 30,
  loginAttemptsPerAccount: 100,
  /** Registrations per hour and address. */
  registrationsPerIp: 10,
  /** Mails asked for (registrations, password resets) per hour: per client address, per recipient. */
  mailRequestsPerIp: 20,
  mailsPerRecipient: 5,
  /** Contributions (new listings, corrections, reports) per hour and address. */
  contributionsPerIp: 30,
};

export type Requester = { kind: 'ip'; ip: string } | { kind: 'key'; id: string } | { kind: 'user'; id: string };

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      `Too many requests: retry in ${retryAfterSeconds} s.`,
      { key: 'rateLimited', params: { seconds: retryAfterSeconds } },
      { retryAfter: retryAfterSeconds },
    );
  }
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export interface RateLimits {
  /** Counts one request; throws RateLimitedError over quota. */
  request(requester: Requester): Promise<void>;
  /**
   * Counts a login attempt before its password is checked; throws RateLimitedError over quota.
   * Returns the scopes whose limit this attempt just reached.
   */
  loginAttempt(email: string, ip: string): Promise<LoginScope[]>;
  /** The right password: the attempt is not counted, and this account's count from this address restarts. */
  loginSucceeded(email: string, ip: string): Promise<void>;
  registration(ip: string): Promise<void>;
  /** A request that mails `recipient` (registration, password reset): no inbox can be flooded. */
  mail(recipient: string, ip: string): Promise<void>;
  contribution(ip: string): Promise<void>;
}

export type LoginScope = 'account-ip' | 'ip' | 'account';

export interface RateLimitStore {
  /** Counters in Redis instead of the database. */
  redis?: Redis | null;
  /** Counters in this process only (a single instance, e.g. tests). */
  memory?: boolean;
  /** Prefix of every key (separates deployments, or test runs, sharing a Redis). */
  namespace?: string;
  /** Told of each refusal, by limit (`request`, `loginAttempt`, …): metrics. */
  onRefused?: (limit: keyof RateLimits) => void;
}

export function createRateLimits(db: Db, multiplier: number, store: RateLimitStore = {}): RateLimits {
  const limiter = (prefix: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${store.namespace ?? 'repere'}:${prefix}`;
    const scaled = Math.max(1, Math.round(points * multiplier));
    if (store.memory) return new RateLimiterMemory({ keyPrefix, points: scaled, duration });
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
  // Per-request counters are taken from the shared store in leases (see leased()).
  const perRequest = {
    ip: leased(limiter('req-ip', defaultLimits.anonymousPerIp, 60), !store.memory),
    key: leased(limiter('req-key', defaultLimits.partnerPerKey, 60), !store.memory),
    user: leased(limiter('req-user', defaultLimits.sessionPerUser, 60), !store.memory),
  };
  // Checked in this order: a refused attempt counts only up to where it was refused, so one
  // address's burst on an account never reaches the account's ceiling.
  const logins = [
    ['account-ip', limiter('login-account-ip', defaultLimits.loginAttemptsPerAccountAndIp, 15 * 60)],
    ['ip', limiter('login-ip', defaultLimits.loginAttemptsPerIp, 15 * 60)],
    ['account', limiter('login-account', defaultLimits.loginAttemptsPerAccount, 15 * 60)],
  ] as const;
  const loginKey = (scope: LoginScope, email: string, ip: string) =>
    scope === 'account-ip' ? `${email}\n${ip}` : scope === 'ip' ? ip : email;
  const registrations = limiter('register-ip', defaultLimits.registrationsPerIp, 60 * 60);
  const mailIp = limiter('mail-ip', defaultLimits.mailRequestsPerIp, 60 * 60);
  const mailRecipient = limiter('mail-to', defaultLimits.mailsPerRecipient, 60 * 60);
  const contributions = limiter('contribute-ip', defaultLimits.contributionsPerIp, 60 * 60);

  async function consume(l: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
    try {
      return await l.consume(digest(key));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(error));
      throw error;
    }
  }

  const limits: RateLimits = {
    async request(r) {
      if (r.kind === 'ip') await perRequest.ip(digest(r.ip));
      else if (r.kind === 'key') await perRequest.key(digest(r.id));
      else await perRequest.user(digest(r.id));
    },
    async loginAttempt(email, ip) {
      const reached: LoginScope[] = [];
      const counted: [RateLimiterAbstract, string][] = [];
      try {
        for (const [scope, l] of logins) {
          const key = loginKey(scope, email, ip);
          const res = await consume(l, key);
          counted.push([l, key]);
          if (res.consumedPoints === l.points) reached.push(scope);
        }
      } catch (error) {
        await Promise.all(counted.map(([l, key]) => l.reward(digest(key), 1)));
        throw error;
      }
      return reached;
    },
    async loginSucceeded(email, ip) {
      await Promise.all(
        logins.map(([scope, l]) => {
          const key = digest(loginKey(scope, email, ip));
          return scope === 'account-ip' ? l.delete(key) : l.reward(key, 1);
        }),
      );
    },
    async registration(ip) {
      await consume(registrations, ip);
    },
    async mail(recipient, ip) {
      await consume(mailIp, ip);
      await consume(mailRecipient, recipient);
    },
    async contribution(ip) {
      await consume(contributions, ip);
    },
  };
  const onRefused = store.onRefused;
  if (!onRefused) return limits;
  // Each refusal is reported (and still thrown) whichever limit refused it.
  const reported = { ...limits };
  for (const name of Object.keys(limits) as (keyof RateLimits)[]) {
    const call = limits[name] as (...args: unknown[]) => Promise<unknown>;
    (reported as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await call(...args);
      } catch (error) {
        if (error instanceof RateLimitedError) onRefused(name);
        throw error;
      }
    };
  }
  return reported;
}

/** Points taken at once from the shared store for per-request counting: 1 (exact) below 400. */
export function leaseSize(points: number): number {
  return Math.max(1, Math.min(50, Math.floor(points / 200)));
}

/**
 * Per-request counting without a write to the shared store on every request: an instance takes
 * `leaseSize(points)` points at once (one atomic increment, refused past the limit as before)
 * and serves them from memory until they are used or the window ends. The store never lets
 * more than its limit through in a window; points an instance holds unused are counted, so a
 * caller may be refused up to (lease − 1) requests early per instance (under 0.5% of the
 * limit). Near the limit a lease is refused and undone, and requests count one by one again.
 */
function leased(l: RateLimiterAbstract, enabled: boolean): (key: string) => Promise<void> {
  const lease = enabled ? leaseSize(l.points) : 1;
  const held = new Map<string, { left: number; until: number }>();
  const pending = new Map<string, Promise<void>>();
  const one = async (key: string, points: number): Promise<RateLimiterRes> => {
    try {
      return await l.consume(key, points);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(error));
      throw error;
    }
  };
  const take = async (key: string): Promise<void> => {
    try {
      const res = await l.consume(key, lease);
      if (held.size > 10_000) {
        const now = Date.now();
        for (const [k, h] of held) if (h.until <= now || h.left === 0) held.delete(k);
      }
      held.set(key, { left: lease, until: Date.now() + res.msBeforeNext });
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // Not enough left for a lease: undo it; this request is then counted alone.
      await l.reward(key, lease);
    }
  };
  return async function count(key: string): Promise<void> {
    if (lease === 1) {
      await one(key, 1);
      return;
    }
    for (let tries = 0; tries < 3; tries++) {
      const h = held.get(key);
      if (h && h.left > 0 && Date.now() < h.until) {
        h.left -= 1;
        return;
      }
      let taking = pending.get(key);
      if (!taking) {
        taking = take(key).finally(() => pending.delete(key));
        pending.set(key, taking);
      }
      await taking;
      const now = held.get(key);
      if (!now || now.left === 0 || Date.now() >= now.until) break;
    }
    await one(key, 1);
  };
}
