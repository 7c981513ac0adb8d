// All SQL of the self-assessment scale. Evaluations leave one trace only: a count per day
// and band (no item, no answer, no time of day, nothing about the person).

import { initialScale } from '@repere/drizzle/seed/scale-data';
import type { ScaleContent } from '@repere/shared/assessment';
import type { ScaleBand } from '@repere/shared/enums';
import { sql } from 'drizzle-orm';
import { type Db, pgErrorCode } from '../../db/client.ts';

export interface ScaleRow {
  version: number;
  content: ScaleContent;
  publishedAt: string;
}

export async function currentScale(db: Db): Promise<ScaleRow | null> {
  const [row] = await db.rows<ScaleRow>(sql`/* scale-current */
    SELECT version, content, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedAt"
    FROM assessment_scales ORDER BY version DESC LIMIT 1`);
  return row ?? null;
}

/** A new version (the old ones stay, so answers can be traced to the text they were given). */
/**
 * Inserts version n+1; null when `expectedVersion` is given and the current one is another
 * (someone published meanwhile), or when a concurrent publish took n+1 first.
 */
export async function publishScale(
  db: Db,
  content: ScaleContent,
  publishedBy: string | null,
  expectedVersion?: number | null,
): Promise<number | null> {
  try {
    const [row] = await db.rows<{ version: number }>(sql`/* scale-publish */
      INSERT INTO assessment_scales (version, content, published_by)
      SELECT coalesce(max(version), 0) + 1, ${JSON.stringify(content)}::text::jsonb, ${publishedBy}::uuid
      FROM assessment_scales
      HAVING ${expectedVersion ?? null}::int IS NULL OR coalesce(max(version), 0) = ${expectedVersion ?? null}::int
      RETURNING version`);
    return row?.version ?? null;
  } catch (error) {
    // A unique violation on the version: a concurrent publish took it first.
    if (pgErrorCode(error) === '23505') return null;
    throw error;
  }
}

/** The first version, on a database that has none (run by `db migrate`). */
export async function ensureScale(db: Db): Promise<void> {
  await db.rows(sql`/* scale-ensure */
    INSERT INTO assessment_scales (version, content)
    SELECT 1, ${JSON.stringify(initialScale)}::text::jsonb WHERE NOT EXISTS (SELECT 1 FROM assessment_scales)`);
}

/** The only trace of an evaluation. `day` is the Paris date. */
export async function countEvaluation(db: Db, day: string, band: ScaleBand): Promise<void> {
  await db.rows(sql`/* scale-count */
    INSERT INTO assessment_daily_counts (day, band, count) VALUES (${day}::date, ${band}::scale_band, 1)
    ON CONFLICT (day, band) DO UPDATE SET count = assessment_daily_counts.count + 1`);
}

export async function dailyCounts(db: Db, days: number) {
  return db.rows<{ day: string; band: ScaleBand; count: number }>(sql`/* scale-counts */
    SELECT day::text AS day, band::text AS band, count FROM assessment_daily_counts
    WHERE day > current_date - ${days}::int ORDER BY day DESC, band`);
}
