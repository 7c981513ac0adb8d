// A restart of `pnpm start` skips `migrate` (about a second: the migrator reads and hashes every
// migration, then the data syncs and the outlines' comparison run) when the database was last
// migrated by this very build. What a migrate leaves depends only on the migration files, the
// code and the packages (the reference data, PostGIS): the bundle carries a digest of its sources
// and of the lockfile (api/build-if-changed.mjs), the migration files are hashed here. Each
// `migrate` stamps the database with that fingerprint, or clears the stamp when it runs from the
// sources (tsx: tests, CLI), which have no such digest; any difference means a full migrate.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

// Replaced by the bundle's build (esbuild `define`); undeclared when running from the sources.
declare const __REPERE_BUILD_DIGEST__: string | undefined;

/** The digest of the sources the running bundle was built from, or null from the sources. */
export function buildDigest(): string | null {
  return typeof __REPERE_BUILD_DIGEST__ === 'string' ? __REPERE_BUILD_DIGEST__ : null;
}

/** This build's fingerprint for a migrate: its sources' digest and the migrations' files. */
export function migrateFingerprint(migrationsFolder: string, build = buildDigest()): string | null {
  if (!build) return null;
  const hash = createHash('sha256').update(build).update('\0');
  for (const name of readdirSync(migrationsFolder).sort()) {
    const dir = join(migrationsFolder, name);
    for (const file of readdirSync(dir).sort()) {
      hash
        .update(`${name}/${file}`)
        .update('\0')
        .update(readFileSync(join(dir, file)))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

const prefix = 'repere migrate ';

/** The fingerprint of the build that last migrated `db` in full, or null. */
export async function migratedBy(db: Db): Promise<string | null> {
  if (db.kind !== 'pglite') return null;
  const [row] = await db.rows<{ stamp: string | null }>(sql`/* migrate-stamp-read */
    SELECT obj_description(to_regclass('drizzle.__drizzle_migrations'), 'pg_class') AS stamp`);
  return row?.stamp?.startsWith(prefix) ? row.stamp.slice(prefix.length) : null;
}

/**
 * Kept in the comment of drizzle's own table: no migration of ours, and a database whose
 * migrations were never run has none. Null clears it (a restore, a migrate from the sources).
 * Embedded databases only: a server database is migrated by `pnpm repere db migrate`, never at start.
 */
export async function stampMigrated(db: Db, fingerprint: string | null): Promise<void> {
  if (fingerprint !== null && !/^[0-9a-f]+$/.test(fingerprint)) throw new Error('A fingerprint is a hex digest.');
  if (db.kind !== 'pglite') return;
  const [row] = await db.rows<{ exists: boolean }>(
    sql`/* migrate-stamp-table */ SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists`,
  );
  if (!row?.exists) return;
  await db.exec(
    `COMMENT ON TABLE drizzle.__drizzle_migrations IS ${fingerprint === null ? 'NULL' : `'${prefix}${fingerprint}'`}`,
  );
}
