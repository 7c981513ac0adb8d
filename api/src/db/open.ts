// Opens the configured database; a new embedded one is migrated and given the demo data.
import type { Logger } from 'pino';
import type { Env } from '../env.ts';
import { type Db, openDb } from './client.ts';
import { appliedMigrationCount, migrate } from './migrate.ts';
import { seedDemo } from './seed.ts';

export async function openConfiguredDb(env: Env, log: Logger, options: { prepare: boolean }): Promise<Db> {
  const started = Date.now();
  const db = await openDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  log.info({ driver: db.kind, ms: Date.now() - started }, 'database open');
  if (!options.prepare || db.kind !== 'pglite') return db;
  const fresh = (await appliedMigrationCount(db)) === 0;
  await migrate(db);
  if (fresh && env.SEED_DEMO) {
    const seeded = await seedDemo(db);
    log.info({ ...seeded, ms: Date.now() - started }, 'new embedded database: demo data loaded');
  }
  return db;
}
