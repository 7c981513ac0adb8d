// Per-request rate limits taken from the shared store in leases: one write per lease, never
// more than the limit let through, exact (one write per request) below 400 points.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRateLimits, leaseSize, RateLimitedError } from '../../api/src/rate-limits.ts';
import { type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});

async function counted(namespace: string): Promise<number> {
  const [row] = await api.db.rows<{ n: number }>(
    sql`SELECT coalesce(sum(points), 0)::int AS n FROM rate_limits WHERE key LIKE ${`${namespace}:%`}`,
  );
  return row?.n ?? 0;
}

describe('rate-limit leases', () => {
  it('sizes leases from the limit: exact below 400 points, at most 50', () => {
    expect(leaseSize(60)).toBe(1);
    expect(leaseSize(399)).toBe(1);
    expect(leaseSize(1200)).toBe(6);
    expect(leaseSize(6_000_000)).toBe(50);
  });

  it('counts a lease at once, serves it from memory, and takes the next when it is used', async () => {
    // 60 × 10 = 600 points a minute: leases of 3.
    const limits = createRateLimits(api.db, 10, { namespace: 'lease-a' });
    const ip = { kind: 'ip', ip: '198.51.100.7' } as const;
    await limits.request(ip);
    expect(await counted('lease-a')).toBe(3);
    await Promise.all([limits.request(ip), limits.request(ip)]);
    expect(await counted('lease-a')).toBe(3);
    await limits.request(ip);
    expect(await counted('lease-a')).toBe(6);
  });

  it('never lets more than the limit through, leases or not, and refuses past it', async () => {
    // 60 × 7 = 420 points: leases of 2, so the last point is counted alone.
    const limits = createRateLimits(api.db, 7, { namespace: 'lease-b' });
    const ip = { kind: 'ip', ip: '198.51.100.8' } as const;
    let passed = 0;
    let refused = 0;
    for (let i = 0; i < 430; i++) {
      try {
        await limits.request(ip);
        passed += 1;
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        refused += 1;
      }
    }
    expect(passed).toBe(420);
    expect(refused).toBe(10);
  });
});
