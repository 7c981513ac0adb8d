// Fresh databases copied from the run's migrated template (see global-setup.ts): no test
// migrates or loads the reference geography itself.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { adminUrl, prefixOf, withDatabase } from './server-db.ts';

/** A migrated embedded data dir at `dir`/pglite (a copy of the run's template); returns its path. */
export async function freshDataDir(dir: string): Promise<string> {
  const dataDir = join(dir, 'pglite');
  const template = inject('pgliteDir');
  if (template) {
    cpSync(template, dataDir, { recursive: true });
    return dataDir;
  }
  // A server run has no embedded template (only the CLI tests need one): its one user migrates
  // it here, while the other worker goes on, rather than every worker waiting in the setup.
  const db = await openDb({ pgliteDir: dataDir });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
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
