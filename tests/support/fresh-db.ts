// Fresh databases copied from the run's migrated template (see global-setup.ts): no test
// migrates or loads the reference geography itself.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { adminUrl, prefixOf, withDatabase } from './server-db.ts';

/** A copy of the migrated embedded data dir at `dir`/pglite; returns its path. */
export function freshDataDir(dir: string): string {
  const template = inject('pgliteDir');
  if (!template) throw new Error('no embedded template in this run (see support/global-setup.ts)');
  const dataDir = join(dir, 'pglite');
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

async function onServer(url: string, script: string): Promise<void> {
  const admin = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
  try {
    await admin.exec(script);
  } finally {
    await admin.close();
  }
}

/** A server database `<run prefix>_<suffix>` cloned from the template; returns its URL and a drop. */
export async function freshServerDb(url: string, suffix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject('databaseTemplate');
  const name = `${prefixOf(template)}_${suffix}`;
  await onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await onServer(url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: withDatabase(url, name),
    drop: () => onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
