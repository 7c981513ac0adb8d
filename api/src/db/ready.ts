import type { Db } from './client.ts';
import { appliedMigrationCount, expectedMigrationCount } from './migrate.ts';

export interface Readiness {
  ok: boolean;
  database: 'up' | 'down';
  migrations: { applied: number; expected: number };
}

/** Ready when the database answers and every migration of this build is applied. */
export async function checkReady(db: Db): Promise<Readiness> {
  const expected = expectedMigrationCount();
  try {
    const applied = await appliedMigrationCount(db);
    return { ok: applied === expected, database: 'up', migrations: { applied, expected } };
  } catch {
    return { ok: false, database: 'down', migrations: { applied: 0, expected } };
  }
}
