// All SQL of partner API keys. Keys arrive hashed; only a short prefix is kept in clear.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  usageCount: number;
  lastUsedAt: string | null;
}

const columns = sql`k.id, k.name, k.prefix, ${iso(sql`k.created_at`)} AS "createdAt",
  ${iso(sql`k.revoked_at`)} AS "revokedAt", k.usage_count::float8 AS "usageCount", ${iso(sql`k.last_used_at`)} AS "lastUsedAt"`;

/** Counts one use of a live key and returns its id; null when unknown or revoked. */
export async function useApiKey(db: Db, keyHash: string): Promise<string | null> {
  const [row] = await db.rows<{ id: string }>(sql`/* api-key-use */
    UPDATE api_keys SET usage_count = usage_count + 1, last_used_at = now()
    WHERE key_hash = ${keyHash} AND revoked_at IS NULL RETURNING id`);
  return row?.id ?? null;
}

export async function insertApiKey(
  db: Db,
  key: { name: string; keyHash: string; prefix: string; createdBy: string | null },
): Promise<ApiKeyRow> {
  const [row] = await db.rows<ApiKeyRow>(sql`/* api-key-insert */
    WITH k AS (
      INSERT INTO api_keys (name, key_hash, prefix, created_by)
      VALUES (${key.name}, ${key.keyHash}, ${key.prefix}, ${key.createdBy}::uuid) RETURNING *
    ) SELECT ${columns} FROM k`);
  return row as ApiKeyRow;
}

export async function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return db.rows<ApiKeyRow>(sql`/* api-keys-list */
    SELECT ${columns} FROM api_keys k ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC, k.id`);
}

/** Revokes a key; null when unknown. Revoking twice keeps the first date. */
export async function revokeApiKey(db: Db, id: string): Promise<ApiKeyRow | null> {
  const [row] = await db.rows<ApiKeyRow>(sql`/* api-key-revoke */
    WITH k AS (
      UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = ${id}::uuid RETURNING *
    ) SELECT ${columns} FROM k`);
  return row ?? null;
}
