// `pnpm start` as a newcomer runs it after `pnpm install`: the bundle (api/dist/server.mjs) on
// a new embedded data dir, copied from the database image, then restarted on that data dir,
// where it skips the migrate this build already ran. The bundle and the image are brought up to
// date first, as `pnpm start` and `pnpm install` would (each does nothing when current).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, start, stopChildren } from '../support/processes.ts';
import { limit } from '../support/time.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'repere-start-'));
const dataDir = join(dir, 'data', 'pglite');

beforeAll(async () => {
  const { DATABASE_URL: _server, ...env } = process.env;
  for (const args of [['api/build-if-changed.mjs'], ['--import', 'tsx', 'api/src/cli/main.ts', 'db', 'image']]) {
    const done = await run('node', args, { cwd: root, env });
    expect(done.status, `node ${args.join(' ')}:\n${done.stdout}\n${done.stderr}`).toBe(0);
  }
}, limit(600_000));
afterAll(async () => {
  await stopChildren();
  rmSync(dir, { recursive: true, force: true });
});

function server() {
  const { DATABASE_URL: _server, REDIS_URL: _redis, ...rest } = process.env;
  return start('node', ['api/dist/server.mjs'], {
    cwd: root,
    env: { ...rest, NODE_ENV: 'production', PGLITE_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
  });
}

/** What an anonymous caller sees of the demo data. */
async function demoCount(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ structures(first: 1) { totalCount edges { node { name } } } }' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { structures: { totalCount: number; edges: unknown[] } } };
  expect(body.data.structures.edges).toHaveLength(1);
  return body.data.structures.totalCount;
}

/** Starts the bundle, checks it ready and answering, stops it; returns its log and the count. */
async function startAndStop(): Promise<{ log: string; count: number }> {
  const api = server();
  try {
    const port = Number((await api.waitFor(/"port":(\d+)/))[1]);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const count = await demoCount(port);
    api.child.kill('SIGTERM');
    const exit = await api.exited;
    expect(exit, `${api.stdout()}\n${api.stderr()}`).toEqual({ code: 0, signal: null });
    return { log: api.stdout(), count };
  } finally {
    await api.stop('SIGKILL');
  }
}

describe('node api/dist/server.mjs (pnpm start)', { timeout: limit(300_000) }, () => {
  it('makes a new data dir from the image with the demo data, then restarts on it without migrating', async () => {
    const first = await startAndStop();
    expect(first.log).toMatch(/"fromImage":true[^\n]*"msg":"database open"/);
    expect(first.log).toMatch(/"msg":"database migrated"/);
    expect(first.log).toMatch(/"msg":"new embedded database: demo data loaded"/);
    expect(first.count).toBeGreaterThan(0);

    const again = await startAndStop();
    expect(again.log).toMatch(/"fromImage":false[^\n]*"msg":"database open"/);
    expect(again.log).toMatch(/"msg":"database migrated by this build already: migrate skipped"/);
    expect(again.log).not.toMatch(/"msg":"database migrated"|demo data loaded/);
    expect(again.count).toBe(first.count);
  });

  it('stops cleanly on a SIGTERM sent to pnpm alone, as a process manager sends it', async () => {
    const { DATABASE_URL: _server, REDIS_URL: _redis, ...rest } = process.env;
    const api = start('pnpm', ['start'], {
      cwd: root,
      env: { ...rest, NODE_ENV: 'production', PGLITE_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    });
    try {
      const port = Number((await api.waitFor(/"port":(\d+)/))[1]);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      // pnpm's own exit: a server left behind (the signal stopping at a shell) would still answer.
      const pnpmExit = new Promise<number | null>((resolve) => api.child.once('exit', (code) => resolve(code)));
      api.child.kill('SIGTERM');
      expect(await pnpmExit, `${api.stdout()}\n${api.stderr()}`).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      expect(api.stdout()).toMatch(/"signal":"SIGTERM"[^\n]*"msg":"shutting down"/);
      expect(api.stdout()).toMatch(/"msg":"stopped"/);
    } finally {
      await api.stop('SIGKILL');
    }
  });
});
