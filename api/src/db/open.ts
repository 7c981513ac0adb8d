// Opens the configured database; a new embedded one (copied from the image when there is a
// current one, see image.ts) is migrated and given the demo data.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Env } from '../env.ts';
import { type Db, openDb } from './client.ts';
import { currentImage } from './image.ts';
import { appliedMigrationCount, migrate, migrationsFolder } from './migrate.ts';
import { migratedBy, migrateFingerprint } from './migrate-stamp.ts';
import { seedDemo } from './seed.ts';

export async function openConfiguredDb(env: Env, log: Logger, options: { prepare: boolean }): Promise<Db> {
  const started = Date.now();
  const image =
    options.prepare && !env.DATABASE_URL && !existsSync(join(resolve(env.PGLITE_DIR), 'PG_VERSION'))
      ? currentImage()
      : null;
  const db = await openDb({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
    template: image ?? undefined,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  log.info({ driver: db.kind, fromImage: image !== null, ms: Date.now() - started }, 'database open');
  if (!options.prepare || db.kind !== 'pglite') return db;
  await prepareEmbedded(db, env, log, { fromImage: image !== null, started });
  return db;
}

/**
 * Migrates an embedded database (seeds a new one), unless this build migrated it last time
 * (see migrate-stamp.ts): then nothing can have changed that a migrate would redo.
 */
export async function prepareEmbedded(
  db: Db,
  env: Pick<Env, 'SEED_DEMO'>,
  log: Logger,
  options: { fromImage: boolean; started: number; fingerprint?: string | null },
): Promise<void> {
  const { fromImage, started } = options;
  const fingerprint = options.fingerprint === undefined ? migrateFingerprint(migrationsFolder) : options.fingerprint;
  if (!fromImage && fingerprint !== null && (await migratedBy(db)) === fingerprint) {
    log.info({ ms: Date.now() - started }, 'database migrated by this build already: migrate skipped');
    return;
  }
  const fresh = fromImage || (await appliedMigrationCount(db)) === 0;
  await migrate(db, fingerprint);
  log.info({ ms: Date.now() - started }, 'database migrated');
  if (fresh && env.SEED_DEMO) {
    const seeded = await seedDemo(db);
    log.info({ ...seeded, ms: Date.now() - started }, 'new embedded database: demo data loaded');
  }
}
