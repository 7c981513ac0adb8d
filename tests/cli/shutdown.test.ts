// Graceful stop of `pnpm start` on SIGTERM: no new connection is accepted, a request in flight
// (its body still arriving) is answered, then the process exits 0; one that never completes is
// cut at SHUTDOWN_TIMEOUT_MS, and so is a referral purge waiting on a lock. A second signal while
// starting exits at once.
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { embeddedDatabase, portOf, startServer } from '../support/cli.ts';
import { clustersAvailable, startPrimary } from '../support/pg-cluster.ts';
import { limit } from '../support/time.ts';

const db = embeddedDatabase('stop');
const server = db.server;

const body = JSON.stringify({ query: '{ departments { code } }' });

/** A POST /graphql whose body is held back after its first half. */
async function halfSent(port: number): Promise<{ socket: Socket; finish(): Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  // A reset (the server cut the request) ends the exchange like a close; without a listener it
  // would be an uncaught exception in the test runner.
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    socket,
    async finish() {
      socket.write(body.slice(10));
      await closed;
      return received;
    },
  };
}

describe('pnpm start on SIGTERM', { timeout: limit(240_000) }, () => {
  it('refuses new connections, answers the request in flight, then exits 0', async () => {
    const api = server();
    try {
      const port = await portOf(api);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const inFlight = await halfSent(port);
      api.child.kill('SIGTERM');
      await api.waitFor(/"msg":"shutting down"/);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      // The server closes the connection after answering (it is stopping), so `finish` ends.
      const answer = await inFlight.finish();
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(answer).toMatch(/"departments":\[\{"code":"01"\}/);
      const exit = await api.exited;
      expect(exit.code).toBe(0);
      expect(api.stdout()).toMatch(/"msg":"stopped"/);
    } finally {
      await api.stop('SIGKILL');
    }
  });

  it('a SIGTERM while starting is kept: the server finishes starting, then stops cleanly', async () => {
    const api = server();
    try {
      await api.waitFor(/"msg":"database open"/);
      api.child.kill('SIGTERM');
      const exit = await api.exited;
      expect(exit, `${api.stdout()}\n${api.stderr()}`).toEqual({ code: 0, signal: null });
      expect(api.stdout()).toMatch(/"msg":"shutting down"[\s\S]*"msg":"stopped"/);
    } finally {
      await api.stop('SIGKILL');
    }
  });

  it('does not wait past SHUTDOWN_TIMEOUT_MS for a request that never completes', async () => {
    const api = server({ SHUTDOWN_TIMEOUT_MS: '1000' });
    try {
      const port = await portOf(api);
      const stuck = await halfSent(port);
      const started = Date.now();
      api.child.kill('SIGTERM');
      const exit = await api.exited;
      const elapsed = Date.now() - started;
      // It exited although the request was never sent whole (without the grace period it would
      // wait for it for ever); how long closing takes after the grace period depends on the
      // machine's load, so only the lower bound is checked: the test's time limit guards a hang.
      expect(exit, `${api.stdout()}\n${api.stderr()}`).toEqual({ code: 0, signal: null });
      expect(elapsed).toBeGreaterThanOrEqual(1000);
      stuck.socket.destroy();
    } finally {
      await api.stop('SIGKILL');
    }
  });
});

describe('pnpm start asked twice to stop while starting', { timeout: limit(240_000) }, () => {
  it('exits at once, 130 on SIGINT and 143 on SIGTERM, without waiting for the database', async () => {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      // A database that accepts connections and never answers: starting waits on it.
      const held = new Set<Socket>();
      const silent = createServer((socket) => void held.add(socket));
      silent.listen(0, '127.0.0.1');
      await once(silent, 'listening');
      const connected = once(silent, 'connection');
      const api = startServer({
        NODE_ENV: 'production',
        DATABASE_URL: `postgres://repere:secret@127.0.0.1:${(silent.address() as { port: number }).port}/repere`,
        DATABASE_CONNECT_TIMEOUT_MS: '60000',
      });
      try {
        await connected;
        api.child.kill(signal);
        await api.waitFor(/"msg":"stop requested while starting/);
        api.child.kill(signal);
        const exit = await api.exited;
        expect(exit, `${api.stdout()}\n${api.stderr()}`).toEqual({ code, signal: null });
        expect(api.stdout()).not.toMatch(/listening/);
      } finally {
        await api.stop('SIGKILL');
        for (const socket of held) socket.destroy();
        silent.close();
      }
    }
  });
});

// The purge's DELETE waits on a lock the test holds (SHARE mode: reads go on, writes wait).
describe.runIf(clustersAvailable)('pnpm start and the referral purge', { timeout: limit(300_000) }, () => {
  it('a purge waiting on a lock is given SHUTDOWN_TIMEOUT_MS, then the process exits 1; none starts once a stop is asked', async () => {
    const cluster = await startPrimary();
    const url = cluster.url('repere');
    const sql = postgres(url, { max: 3, onnotice: () => {} });
    let release = () => {};
    try {
      const db = await openDb({ databaseUrl: url, poolSize: 1 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      const locked = new Promise<void>((resolve, reject) => {
        sql
          .begin(async (tx) => {
            await tx`LOCK TABLE referrals IN SHARE MODE`;
            resolve();
            await new Promise<void>((done) => {
              release = done;
            });
          })
          .catch(reject);
      });
      await locked;
      const env = { NODE_ENV: 'production', DATABASE_URL: url, SEED_DEMO: 'false' };

      // Stopped while starting: no purge starts, so nothing waits on the lock. The start is held
      // at its first query (the migrations count) until the stop is asked: without that hold, a
      // busy machine could deliver the signal after the server listens, when a purge has started.
      let resume = () => {};
      const held = new Promise<void>((resolve, reject) => {
        sql
          .begin(async (tx) => {
            await tx`LOCK TABLE drizzle.__drizzle_migrations IN ACCESS EXCLUSIVE MODE`;
            resolve();
            await new Promise<void>((done) => {
              resume = done;
            });
          })
          .catch(reject);
      });
      await held;
      const early = startServer({ ...env, SHUTDOWN_TIMEOUT_MS: String(limit(600_000)) });
      try {
        await early.waitFor(/"msg":"database open"/);
        early.child.kill('SIGTERM');
        await early.waitFor(/"msg":"stop requested while starting/);
        resume();
        const exit = await early.exited;
        expect(exit, `${early.stdout()}\n${early.stderr()}`).toEqual({ code: 0, signal: null });
        expect(early.stdout()).toMatch(/"msg":"stop requested while starting[\s\S]*"msg":"stopped"/);
      } finally {
        resume();
        await early.stop('SIGKILL');
      }

      // Stopped while a purge waits: cut after the grace period.
      const api = startServer({ ...env, SHUTDOWN_TIMEOUT_MS: '1000' });
      try {
        await portOf(api);
        await expect
          .poll(async () => {
            const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND query LIKE '%referrals-purge%'`;
            return row?.n;
          })
          .toBe(1);
        api.child.kill('SIGTERM');
        const exit = await api.exited;
        expect(exit, `${api.stdout()}\n${api.stderr()}`).toEqual({ code: 1, signal: null });
        expect(api.stdout()).toMatch(/"msg":"referral purge still running after the grace period: exiting"/);
      } finally {
        await api.stop('SIGKILL');
      }
    } finally {
      release();
      await sql.end();
      await cluster.remove();
    }
  });
});
