// Runs once per test run: prepares a migrated database the workers start from.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { ensureAdminBuilt } from '../browser/build.ts';
import { adminUrl, templateDatabase, withDatabase } from './server-db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    databaseTemplate: string;
  }
}

/** The file filters given on the command line (`vitest run api browser/near.test.ts`). */
function fileFilters(): string[] {
  const args = process.argv.slice(process.argv.indexOf('run') + 1);
  return args.filter((arg, i) => !arg.startsWith('-') && !args[i - 1]?.startsWith('--config'));
}

export default async function setup(project: TestProject) {
  // The browser files would each rebuild a stale admin/dist, two at once: build it here, once.
  const filters = fileFilters();
  if (!filters.length || filters.some((f) => f.includes('browser'))) ensureAdminBuilt();
  const url = process.env.DATABASE_URL;
  const started = Date.now();
  if (url) {
    const admin = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
    const template = templateDatabase(url);
    await admin.exec(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE "${template}"`);
    await admin.close();
    const db = await openDb({ databaseUrl: withDatabase(url, template), poolSize: 1 });
    await migrate(db);
    await db.close();
    project.provide('databaseTemplate', template);
    project.provide('pgliteDump', '');
    console.log(`[setup] server database template "${template}" migrated in ${Date.now() - started} ms`);
    return async () => {
      // Workers clone the template into databases of their own: drop them all afterwards.
      const cleanup = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
      const prefix = template.replace(/_template$/, '');
      const rows = await cleanup.rows<{ datname: string }>(
        sql`SELECT datname FROM pg_database WHERE datname LIKE ${`${prefix}_%`}`,
      );
      for (const { datname } of rows) await cleanup.exec(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await cleanup.close();
    };
  }
  const db = await openDb({ memory: true });
  await migrate(db);
  const dump = await db.dumpDataDir();
  await db.close();
  const dir = mkdtempSync(join(tmpdir(), 'repere-test-'));
  const file = join(dir, 'pglite.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  project.provide('databaseTemplate', '');
  console.log(`[setup] embedded database migrated and dumped in ${Date.now() - started} ms`);
  return () => rmSync(dir, { recursive: true, force: true });
}
