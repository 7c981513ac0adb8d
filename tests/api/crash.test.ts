// No contribution is ever lost: the server is killed (SIGKILL) right after the contribution is
// committed and before any answer; after a restart on the same database, it is in the queue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portOf, repere, startServer } from '../support/cli.ts';
import { freshDataDir, freshServerDb } from '../support/fresh-db.ts';
import { type Started, stopChildren } from '../support/processes.ts';
import { limit } from '../support/time.ts';

const dir = mkdtempSync(join(tmpdir(), 'repere-crash-'));
const password = 'mot de passe du moderateur';
let database: Record<string, string>;
let dropDatabase: (() => Promise<void>) | null = null;

afterAll(async () => {
  await stopChildren();
  rmSync(dir, { recursive: true, force: true });
  await dropDatabase?.();
});

/** A fresh database of the kind this run tests, copied from the run's migrated template. */
async function freshDatabase(): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL;
  if (!url) return { PGLITE_DIR: await freshDataDir(dir), SEED_DEMO: 'false' };
  const fresh = await freshServerDb(url, 'crash');
  dropDatabase = fresh.drop;
  return { DATABASE_URL: fresh.url };
}

async function startOn(extra: Record<string, string> = {}): Promise<{ server: Started; port: number }> {
  const server = startServer({ ...database, LOG_LEVEL: 'info', ...extra });
  try {
    return { server, port: await portOf(server) };
  } catch (error) {
    await server.stop('SIGKILL');
    throw error;
  }
}

describe('a contribution survives a crash between the write and the answer', () => {
  // The CLI and two servers each open the database.
  it('is in the queue after a restart', { timeout: limit(300_000) }, async () => {
    database = await freshDatabase();
    // The moderator is made by the CLI.
    const created = await repere(['user', 'create', '--email', 'modo@crash.fr', '--role', 'MODERATOR'], {
      ...database,
      LOG_LEVEL: 'info',
      REPERE_PASSWORD: password,
    });
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);

    const doomed = await startOn({ NODE_ENV: 'test', REPERE_FAILPOINT: 'after-contribution-stored' });
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
    expect((await doomed.server.exited).signal).toBe('SIGKILL');

    const restarted = await startOn();
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
      await restarted.server.stop();
    }
  });
});
