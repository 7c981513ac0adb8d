// The change feed's reads: what changed in a view since a date, and what left it (tombstones).
// `structure_feed` is written by triggers only (migration `change-feed`), one row per audience and
// structure from the first time the audience could list it.
//
// Why not `structures.updated_at`: it moves on every write, hidden fields included (internal
// notes, a CONFIDENTIAL listing's street, a professional contact), so "changed since" on it would
// tell an anonymous partner when something it may not see was edited. A feed row's `changed_at`
// moves only when the digest of what its audience sees changes (feed-document.ts).
import { issueParams } from '@repere/shared/issues';
import type { Audience } from '@repere/shared/policy';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { badInput } from '../../errors.ts';
import { feedAudience, type StructureView } from './visibility.ts';

const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

// `new Date` takes year 0 and years up to ±275,760, which PostgreSQL's timestamps refuse: such a
// `since` would fail the query (an internal error for the caller's typo), so it is refused first.
const earliest = new Date('0001-01-01T00:00:00Z').getTime();
const latest = new Date('9999-12-31T23:59:59.999Z').getTime();

/** Whether the feed can compare with `date` (years 1 to 9999). */
export const inFeedRange = (date: Date) => date.getTime() >= earliest && date.getTime() <= latest;

const notADateTime = 'not an ISO 8601 date-time (e.g. 2026-01-31T00:00:00Z).';

/** A `since` argument: a date-time, in the years the database holds. */
export const sinceInput = z
  .date({ error: notADateTime })
  .refine(inFeedRange, { message: notADateTime, params: issueParams('invalidType', { expected: 'date' }) });

/**
 * The row (alias s) changed in this view at or after `since`. Staff read the professionals' feed
 * (feedAudience): their updates also count edits of fields only they see, by `updated_at`.
 */
export function changedSince(view: StructureView, since: Date): SQL {
  const feed = sql`EXISTS (SELECT 1 FROM structure_feed f WHERE f.audience = ${feedAudience(view)}
    AND f.structure_id = s.id AND f.changed_at >= ${iso(since)})`;
  return view.audience === 'staff' ? sql`(${feed} OR s.updated_at >= ${iso(since)})` : feed;
}

const at = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Where the next sync should start: now, or the start of the oldest write still in flight (its
 * changes, stamped later than that, are not visible yet). Read before the feed itself, in a
 * statement of its own, so that anything the feed read misses is stamped at or after it.
 * Only this database's writers count: a long transaction in another database of the same
 * server writes no feed row, and would hold every partner's checkpoint back for nothing.
 */
export async function feedCheckpoint(db: Db): Promise<string> {
  const [row] = await db.rows<{ at: string }>(sql`/* feed-checkpoint */
    SELECT ${at(sql`date_trunc('milliseconds', least(clock_timestamp(), (SELECT min(xact_start)
      FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
        AND datname = current_database())))`)} AS at`);
  return row?.at ?? new Date().toISOString();
}

export interface FeedEntry {
  id: string;
  listed: boolean;
  /** When the view last changed (or the listing left it), to the microsecond. */
  at: string;
}

export interface FeedKey {
  at: string;
  id: string;
}

/** Feed rows changed at or after `since`, in (changed_at, id) order, after `after`. */
export async function feedEntries(
  db: Db,
  audience: Audience,
  since: Date,
  after: FeedKey | null,
  limit: number,
  only: 'all' | 'removed' = 'all',
): Promise<FeedEntry[]> {
  return db.rows<FeedEntry>(sql`/* feed-entries */
    SELECT f.structure_id AS id, f.listed, ${at(sql`f.changed_at`)} AS at
    FROM structure_feed f
    WHERE f.audience = ${audience} AND f.changed_at >= ${iso(since)}
      ${only === 'removed' ? sql`AND NOT f.listed` : sql``}
      ${after ? sql`AND (f.changed_at, f.structure_id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
    ORDER BY f.changed_at, f.structure_id
    LIMIT ${sql.raw(String(Math.trunc(limit)))}`);
}

/** Every departure from an audience's view since `since`, page by page (exports). */
export async function* removedSince(db: Db, audience: Audience, since: Date): AsyncGenerator<FeedEntry> {
  let after: FeedKey | null = null;
  for (;;) {
    const page = await feedEntries(db, audience, since, after, 500, 'removed');
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < 500) return;
    after = { at: last.at, id: last.id };
  }
}

// A cursor's time, in the years the database holds (year 0 is a valid ISO date-time that
// PostgreSQL refuses: the query would fail, an internal error for a forged cursor).
const cursorTime = z.iso.datetime().refine((s) => inFeedRange(new Date(s)));

/** Opaque feed cursors: the position and the walk's checkpoint, kept for every page of it. */
const cursorPayload = z.object({
  l: z.literal('changes'),
  at: cursorTime,
  id: z.uuid(),
  cp: cursorTime,
});

export function encodeFeedCursor(key: FeedKey, checkpoint: string): string {
  return Buffer.from(JSON.stringify({ l: 'changes', at: key.at, id: key.id, cp: checkpoint })).toString('base64url');
}

export function decodeFeedCursor(cursor: string): FeedKey & { checkpoint: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('after: not a cursor returned by structureChanges.', {
      key: 'badCursor',
      params: { field: 'after' },
    });
  }
  const result = cursorPayload.safeParse(parsed);
  if (!result.success)
    throw badInput('after: not a cursor returned by structureChanges.', {
      key: 'badCursor',
      params: { field: 'after' },
    });
  return { at: result.data.at, id: result.data.id, checkpoint: result.data.cp };
}
