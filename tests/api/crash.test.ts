// No contribution is ever lost: the server is killed (SIGKILL) right after the contribution is
// committed and before any answer; after a restart on the same database, it is in the queue.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { adminUrl, withDatabase } from '../support/server-db.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'repere-crash-'));
const password = 'mot de passe du moderateur';
let database: Record<string, string>;
let dropDatabase: (() => Promise<void>) | null = null;

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropDatabase?.();
});

/** A fresh database of the kind this run tests: a PGlite dir, or a copy of the server template. */
async function freshDatabase(): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL;
  if (!url) return { PGLITE_DIR: join(dir, 'pglite'), SEED_DEMO: 'false' };
  const name = `repere_crash_${process.pid}`;
  const admin = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE "${name}" TEMPLATE "${inject('databaseTemplate')}"`);
  await admin.close();
  dropDatabase = async () => {
    const a = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
    await a.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await a.close();
  };
  return { DATABASE_URL: withDatabase(url, name) };
}

function env(extra: Record<string, string> = {}) {
  const { DATABASE_URL: _url, PGLITE_DIR: _dir, ...rest } = process.env;
  return { ...rest, ...database, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...extra };
}

async function startServer(extra: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('node', ['--import', 'tsx', 'api/src/server.ts'], { cwd: root, env: env(extra) });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  const deadline = Date.now() + 120_000;
  while (!/"port":\d+/.test(out) && Date.now() < deadline && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = Number(/"port":(\d+)/.exec(out)?.[1]);
  if (!port) throw new Error(`server did not start: ${out}`);
  return { child, port };
}

const exited = (child: ChildProcess) =>
  new Promise<string | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(child.signalCode)
      : child.on('exit', (_code, signal) => resolve(signal)),
  );

describe('a contribution survives a crash between the write and the answer', () => {
  it('is in the queue after a restart', async () => {
    database = await freshDatabase();
    // The moderator is made by the CLI (which also migrates a new embedded database).
    const created = spawnSync(
      'node',
      ['--import', 'tsx', 'api/src/cli/main.ts', 'user', 'create', '--email', 'modo@crash.fr', '--role', 'MODERATOR'],
      {
        cwd: root,
        env: env({ REPERE_PASSWORD: password }),
        encoding: 'utf8',
        timeout: 170_000,
      },
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);

    const doomed = await startServer({ NODE_ENV: 'test', REPERE_FAILPOINT: 'after-contribution-stored' });
    const answer = await fetch(`http://127.0.0.1:${doomed.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { submitStructure(idempotencyKey: "crash-essai-1", input: { name: "Accueil Survivant", kind: ASSOCIATION,
          services: [LISTENING_SUPPORT], address: { postalCode: "80000", city: "Amiens" }, location: { lat: 49.894, lon: 2.296 } }) {
          submission { id } } }`,
      }),
    }).then(
      () => 'answered',
      () => 'connection lost',
    );
    expect(answer).toBe('connection lost');
    expect(await exited(doomed.child)).toBe('SIGKILL');

    const restarted = await startServer();
    try {
      const gql = async (query: string, headers: Record<string, string> = {}) =>
        (
          await fetch(`http://127.0.0.1:${restarted.port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ query }),
          })
        ).json();
      const login = await gql(`mutation { login(email: "modo@crash.fr", password: "${password}") { token } }`);
      const auth = { authorization: `Bearer ${login.data.login.token}` };
      const queue = await gql('{ submissions(status: PENDING) { totalCount edges { node { id proposed } } } }', auth);
      expect(queue.data.submissions.totalCount).toBe(1);
      expect(queue.data.submissions.edges[0].node.proposed.name).toBe('Accueil Survivant');
      // The client's retry with the same key gets that very submission, not a duplicate.
      const retry =
        await gql(`mutation { submitStructure(idempotencyKey: "crash-essai-1", input: { name: "Accueil Survivant", kind: ASSOCIATION,
          services: [LISTENING_SUPPORT], address: { postalCode: "80000", city: "Amiens" }, location: { lat: 49.894, lon: 2.296 } }) {
          submission { id } } }`);
      expect(retry.data.submitStructure.submission.id).toBe(queue.data.submissions.edges[0].node.id);
    } finally {
      restarted.child.kill('SIGTERM');
      await exited(restarted.child);
    }
  }, 180_000); // two servers start on fresh databases, each migrated first
});
