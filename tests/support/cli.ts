// The CLI and the server as an operator runs them (`pnpm repere …`, `pnpm start`), in child
// processes, each on the database its env names: the run's own DATABASE_URL, PGLITE_DIR and
// REPERE_PASSWORD are never passed on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { freshDataDir } from './fresh-db.ts';
import { run, type Started, start, stopChildren } from './processes.ts';
import { limit } from './time.ts';

export const root = new URL('../..', import.meta.url).pathname;

function operatorEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, PGLITE_DIR: _dir, REPERE_PASSWORD: _password, ...rest } = process.env;
  return { ...rest, ...env };
}

/** `pnpm repere …args`, run to its end. */
export function repere(args: string[], env: Record<string, string>, input?: string) {
  return run('node', ['--import', 'tsx', 'api/src/cli/main.ts', ...args], { cwd: root, env: operatorEnv(env), input });
}

/** `pnpm start` on any free port of 127.0.0.1 (see `portOf`). */
export function startServer(env: Record<string, string>): Started {
  return start('node', ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: root,
    env: operatorEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
  });
}

/** The port a started server listens on, once it says so. */
export async function portOf(server: Started): Promise<number> {
  return Number((await server.waitFor(/"port":(\d+)/))[1]);
}

/**
 * A migrated embedded database of a test file's own, in a temporary folder removed after its
 * tests (with every child still running). `setup` runs once it exists (seeding, say).
 */
export function embeddedDatabase(name: string, setup?: (dataDir: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), `repere-${name}-`));
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await freshDataDir(dir);
    await setup?.(dataDir);
  }, limit(300_000));
  afterAll(async () => {
    await stopChildren();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** The temporary folder (the database is in it). */
    dir,
    get dataDir() {
      return dataDir;
    },
    /** `pnpm repere …` on this database. */
    repere: (args: string[], env: Record<string, string> = {}, input?: string) =>
      repere(args, { PGLITE_DIR: dataDir, ...env }, input),
    /**
     * `pnpm start` on this database as in production: outside NODE_ENV=test, libraries install
     * signal handlers of their own.
     */
    server: (env: Record<string, string> = {}) =>
      startServer({ NODE_ENV: 'production', PGLITE_DIR: dataDir, SEED_DEMO: 'false', ...env }),
  };
}
