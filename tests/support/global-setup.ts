// Runs once per test run: migrates the databases every test starts from, so that no test
// migrates or loads the reference geography again. Embedded: a data dir (copied for the child
// processes of the CLI and server tests) and its dump (loaded by each worker). Server: a
// template database (cloned by CREATE DATABASE … TEMPLATE).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { ensureAdminBuilt, ensureExplorerBuilt } from '../browser/build.ts';
import { adminUrl, likePrefix, runBase, runPrefix, templateOf, withDatabase } from './server-db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A gzipped migrated embedded database ('' on a server run). */
    pgliteDump: string;
    /** A migrated embedded data dir, to copy ('' on a server run). */
    pgliteDir: string;
    /** The migrated server database to clone ('' on an embedded run). */
    databaseTemplate: string;
  }
}

/** The file filters given on the command line (`vitest run api browser/near.test.ts`). */
function fileFilters(): string[] {
  const args = process.argv.slice(process.argv.indexOf('run') + 1);
  return args.filter((arg, i) => !arg.startsWith('-') && !args[i - 1]?.startsWith('--config'));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Migrates a new embedded data dir in `dir`/pglite and writes its dump beside it. */
async function embeddedTemplate(dir: string): Promise<{ dataDir: string; dump: string }> {
  const dataDir = join(dir, 'pglite');
  const db = await openDb({ pgliteDir: dataDir });
  try {
    await migrate(db);
    const dump = join(dir, 'pglite.tar.gz');
    writeFileSync(dump, Buffer.from(await (await db.dumpDataDir()).arrayBuffer()));
    return { dataDir, dump };
  } finally {
    await db.close();
  }
}

/** Makes the run's template database; drops what runs that died left behind. */
async function serverTemplate(url: string): Promise<string> {
  const prefix = runPrefix(url);
  const admin = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
  try {
    const rows = await admin.rows<{ datname: string }>(
      sql`SELECT datname FROM pg_database WHERE datname LIKE ${likePrefix(runBase(url))}`,
    );
    for (const { datname } of rows) {
      const pid = Number(datname.slice(runBase(url).length).split('_')[0]);
      if (pid && !alive(pid)) await admin.exec(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.exec(`CREATE DATABASE "${templateOf(prefix)}"`);
  } finally {
    await admin.close();
  }
  const db = await openDb({ databaseUrl: withDatabase(url, templateOf(prefix)), poolSize: 1 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  return templateOf(prefix);
}

async function dropRunDatabases(url: string): Promise<void> {
  const admin = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
  try {
    const rows = await admin.rows<{ datname: string }>(
      sql`SELECT datname FROM pg_database WHERE datname LIKE ${likePrefix(`${runPrefix(url)}_`)}`,
    );
    for (const { datname } of rows) await admin.exec(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}

export default async function setup(project: TestProject) {
  // The browser files would each rebuild a stale build, two at once: build them here, once.
  const filters = fileFilters();
  if (!filters.length || filters.some((f) => f.includes('browser'))) {
    ensureAdminBuilt();
    ensureExplorerBuilt();
  }
  const url = process.env.DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'repere-test-'));
  const teardown = async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url) await dropRunDatabases(url);
  };
  try {
    const started = Date.now();
    if (url) {
      // No embedded template: the CLI tests, which always use the embedded database, migrate
      // their own on a server run (see fresh-db.ts).
      const template = await serverTemplate(url);
      project.provide('databaseTemplate', template);
      project.provide('pgliteDir', '');
      project.provide('pgliteDump', '');
      console.log(`[setup] server database template "${template}" migrated in ${Date.now() - started} ms`);
    } else {
      const { dataDir, dump } = await embeddedTemplate(dir);
      project.provide('databaseTemplate', '');
      project.provide('pgliteDir', dataDir);
      project.provide('pgliteDump', dump);
      console.log(`[setup] embedded database migrated and dumped in ${Date.now() - started} ms`);
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
