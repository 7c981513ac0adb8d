// The database as `pnpm start` would open it: a new embedded one is migrated and seeded.
import { pino } from 'pino';
import type { Db } from '../db/client.ts';
import { openConfiguredDb } from '../db/open.ts';
import { parseEnv } from '../env.ts';

export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const env = parseEnv();
  const db = await openConfiguredDb(env, pino({ level: 'silent' }), { prepare: true });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
