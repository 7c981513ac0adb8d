// Runs once per test run: prepares a migrated database the workers start from.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { adminUrl, templateDatabase } from './server-db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    databaseTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const started = Date.now();
  if (url) {
    const admin = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
    const template = templateDatabase(url);
    await admin.exec(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE); CREATE DATABASE "${template}"`);
    await admin.close();
    const db = await openDb({ databaseUrl: withDatabase(url, template), poolSize: 1 });
    await migrate(db);
    await db.close();
    project.provide('databaseTemplate', template);
    project.provide('pgliteDump', '');
    console.log(`[setup] server database template "${template}" migrated in ${Date.now() - started} ms`);
    return;
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

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
