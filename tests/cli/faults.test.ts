// A PostgreSQL restart under a running API: clean 503s with Retry-After while it is down
// (quickly, no hang, no crash, no stack), /readyz says so, and normal answers come back
// without restarting the API. Runs wherever PostgreSQL 15 is installed: it starts its own cluster.
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { portOf, startServer } from '../support/cli.ts';
import { clustersAvailable, startPrimary } from '../support/pg-cluster.ts';
import { stopChildren } from '../support/processes.ts';
import { limit } from '../support/time.ts';

afterAll(stopChildren);

describe.runIf(clustersAvailable)('a database restart under a running API', { timeout: limit(300_000) }, () => {
  it('answers 503 with Retry-After while the database is down, then recovers by itself', async () => {
    const cluster = await startPrimary();
    const url = cluster.url('repere');
    let api: ReturnType<typeof startServer> | undefined;
    try {
      const db = await openDb({ databaseUrl: url, poolSize: 1 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      api = startServer({
        NODE_ENV: 'production',
        DATABASE_URL: url,
        RATE_LIMIT_MULTIPLIER: '1000',
        DATABASE_CONNECT_TIMEOUT_MS: '2000',
      });
      const base = `http://127.0.0.1:${await portOf(api)}`;
      const query = (headers: Record<string, string> = {}) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ departments { code } }' }),
        });
      const up = await query();
      expect(up.status).toBe(200);
      expect(((await up.json()) as { data: { departments: unknown[] } }).data.departments.length).toBeGreaterThan(100);

      await cluster.stop();
      // Anonymous (rate limits then resolvers), a session token (looked up before GraphQL): each a clean 503.
      const attempts: Record<string, string>[] = [
        {},
        {},
        { authorization: 'Bearer not-a-real-session-token-0000000000' },
      ];
      for (const headers of attempts) {
        const started = Date.now();
        const down = await query(headers);
        const elapsed = Date.now() - started;
        const text = await down.text();
        expect(down.status, text).toBe(503);
        expect(down.headers.get('retry-after')).toBe('2');
        const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(body.errors[0]?.message).toMatch(/temporarily unavailable/);
        expect(text).not.toMatch(/ECONNREFUSED|stack|\bat \w+ \(|postgres/i);
        expect(elapsed).toBeLessThan(limit(3000));
      }
      const readyDown = await fetch(`${base}/readyz`);
      expect(readyDown.status).toBe(503);
      expect(await readyDown.json()).toMatchObject({ status: 'unavailable', database: 'down' });
      expect(api.child.exitCode).toBeNull();

      await cluster.start();
      const back = Date.now();
      let recovered = 0;
      await expect
        .poll(
          async () => {
            recovered = (await query()).status;
            return recovered;
          },
          { timeout: 5000, interval: 100 },
        )
        .toBe(200);
      console.log(`[faults] normal answers ${Date.now() - back} ms after PostgreSQL was back`);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(api.stdout()).not.toMatch(/"level":(50|60).*database/);
    } finally {
      await api?.stop();
      await cluster.remove();
    }
  });
});
