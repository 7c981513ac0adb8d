import { openDb } from '../db/client.ts';
import { appliedMigrationCount, migrate } from '../db/migrate.ts';
import { parseEnv } from '../env.ts';

/** `db migrate`: applies migrations, the policy mirror and the reference geography. */
export async function dbMigrate(): Promise<void> {
  const env = parseEnv();
  const db = await openDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    const before = await appliedMigrationCount(db);
    await migrate(db);
    const after = await appliedMigrationCount(db);
    console.log(`Migrations: ${after} applied (${after - before} new). Reference geography loaded.`);
  } finally {
    await db.close();
  }
}
