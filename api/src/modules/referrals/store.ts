// All SQL of referrals. Every read is scoped to the asking professional: the sender, or a
// member of the receiving structure. Nobody else reaches a row through these statements.
import type { ReferralStatus, Urgency } from '@repere/shared/enums';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Purged this long after closing, or after sending when never closed. */
export const purgeAfterDays = 90;

export interface ReferralRow {
  id: string;
  fromStructureId: string;
  toStructureId: string;
  senderId: string | null;
  urgency: Urgency;
  message: string;
  status: ReferralStatus;
  createdAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  purgeAt: string;
}

export interface Reader {
  userId: string;
  structureIds: string[];
}

const iso = (column: SQL) => sql`to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const columns = sql`r.id, r.from_structure_id AS "fromStructureId", r.to_structure_id AS "toStructureId",
  r.sender_id AS "senderId", r.urgency::text AS urgency, r.message, r.status::text AS status,
  ${iso(sql`r.created_at`)} AS "createdAt", ${iso(sql`r.acknowledged_at`)} AS "acknowledgedAt",
  ${iso(sql`r.closed_at`)} AS "closedAt",
  ${iso(sql`coalesce(r.closed_at, r.created_at) + make_interval(days => ${purgeAfterDays}::int)`)} AS "purgeAt"`;

const inStructures = (ids: string[]) =>
  ids.length
    ? sql`r.to_structure_id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`false`;

/** The rows this reader may read: sent by them, or received by one of their structures. */
const readable = (reader: Reader) =>
  sql`(r.sender_id = ${reader.userId}::uuid OR ${inStructures(reader.structureIds)})`;

export async function insertReferral(
  db: Db,
  r: { fromStructureId: string; toStructureId: string; senderId: string; urgency: Urgency; message: string },
): Promise<ReferralRow> {
  const [row] = await db.rows<ReferralRow>(sql`/* referral-insert */
    WITH r AS (
      INSERT INTO referrals (from_structure_id, to_structure_id, sender_id, urgency, message)
      VALUES (${r.fromStructureId}::uuid, ${r.toStructureId}::uuid, ${r.senderId}::uuid, ${r.urgency}::urgency, ${r.message})
      RETURNING *
    ) SELECT ${columns} FROM r`);
  return row as ReferralRow;
}

export type Box = 'INBOX' | 'SENT';

export async function listReferrals(
  db: Db,
  reader: Reader,
  box: Box | null,
  first: number,
  after: { at: string; id: string } | null,
): Promise<ReferralRow[]> {
  const where: SQL[] = [readable(reader)];
  if (box === 'INBOX') where.push(inStructures(reader.structureIds));
  if (box === 'SENT') where.push(sql`r.sender_id = ${reader.userId}::uuid`);
  if (after) where.push(sql`(r.created_at, r.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return db.rows<ReferralRow>(sql`/* referrals-list */
    SELECT ${columns} FROM referrals r WHERE ${sql.join(where, sql` AND `)}
    ORDER BY r.created_at DESC, r.id DESC LIMIT ${first + 1}`);
}

/** Moves a received referral on (SENT → ACKNOWLEDGED → CLOSED); null when not the reader's to move. */
export async function advanceReferral(
  db: Db,
  reader: Reader,
  id: string,
  to: 'ACKNOWLEDGED' | 'CLOSED',
): Promise<ReferralRow | null> {
  const from = to === 'ACKNOWLEDGED' ? sql`r.status = 'SENT'` : sql`r.status IN ('SENT', 'ACKNOWLEDGED')`;
  const [row] = await db.rows<ReferralRow>(sql`/* referral-advance */
    WITH r AS (
      UPDATE referrals r SET status = ${to}::referral_status,
        acknowledged_at = CASE WHEN ${to} = 'ACKNOWLEDGED' THEN now() ELSE r.acknowledged_at END,
        acknowledged_by = CASE WHEN ${to} = 'ACKNOWLEDGED' THEN ${reader.userId}::uuid ELSE r.acknowledged_by END,
        closed_at = CASE WHEN ${to} = 'CLOSED' THEN now() ELSE r.closed_at END,
        closed_by = CASE WHEN ${to} = 'CLOSED' THEN ${reader.userId}::uuid ELSE r.closed_by END
      WHERE r.id = ${id}::uuid AND ${inStructures(reader.structureIds)} AND ${from}
      RETURNING r.*
    ) SELECT ${columns} FROM r`);
  return row ?? null;
}

/** A referral the reader may read (any status), to explain why a move was refused. */
export async function findReadable(db: Db, reader: Reader, id: string): Promise<ReferralRow | null> {
  const [row] = await db.rows<ReferralRow>(sql`/* referral-readable */
    SELECT ${columns} FROM referrals r WHERE r.id = ${id}::uuid AND ${readable(reader)}`);
  return row ?? null;
}

/** The advisory lock key of the purge ('Rprg'): with N instances, one purge runs at a time. */
export const purgeLockKey = 0x52707267;

/**
 * Deletes referrals past their time (every server runs this hourly; the CLI on demand).
 * Null: another instance holds the purge lock and is doing it now.
 */
export async function purgeReferrals(db: Db): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.rows<{ got: boolean }>(sql`/* referrals-purge-lock */
      SELECT pg_try_advisory_xact_lock(${purgeLockKey}::bigint) AS got`);
    if (!lock?.got) return null;
    const rows = await tx.rows(sql`/* referrals-purge */
      DELETE FROM referrals WHERE coalesce(closed_at, created_at) < now() - make_interval(days => ${purgeAfterDays}::int)
      RETURNING id`);
    return rows.length;
  });
}
