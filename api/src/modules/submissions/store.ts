// All SQL of contributions: stored before any answer, idempotent on a retry, decided once.
import type { ReportReason, SubmissionKind, SubmissionStatus } from '@repere/shared/enums';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { badInput } from '../../errors.ts';

export interface SubmissionRow {
  id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  structureId: string | null;
  departmentCode: string | null;
  proposed: Record<string, unknown> | null;
  base: Record<string, unknown> | null;
  reason: ReportReason | null;
  comment: string | null;
  submitterContact: Record<string, unknown> | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  revisionNumber: number | null;
  requestHash: string | null;
  /** Imported: where from, and the record's id there. */
  source: string | null;
  sourceId: string | null;
}

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const columns = sql`x.id, x.kind::text AS kind, x.status::text AS status, x.structure_id AS "structureId",
  x.department_code AS "departmentCode", x.proposed, x.base, x.reason::text AS reason, x.comment,
  x.submitter_contact AS "submitterContact", ${iso(sql`x.created_at`)} AS "createdAt",
  ${iso(sql`x.decided_at`)} AS "decidedAt", x.decided_by AS "decidedBy", x.decision_reason AS "decisionReason",
  x.revision_number AS "revisionNumber", x.request_hash AS "requestHash", x.source, x.source_id AS "sourceId"`;

export interface NewSubmission {
  kind: SubmissionKind;
  structureId?: string | null;
  departmentCode?: string | null;
  proposed?: unknown;
  base?: unknown;
  reason?: ReportReason | null;
  comment?: string | null;
  submitterContact?: unknown;
  submitterUserId?: string | null;
  idempotencyKey?: string | null;
  /** Who submits (account, API key or hashed address): keys are per submitter. */
  idempotencyScope: string;
  requestHash: string;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Stores a contribution (committed when this returns). With an idempotency key this submitter
 * already used, returns the first contribution instead, or refuses a different request under it.
 */
export async function insertSubmission(db: Db, s: NewSubmission): Promise<SubmissionRow> {
  const [inserted] = await db.rows<SubmissionRow>(sql`/* submission-insert */
    WITH x AS (
      INSERT INTO submissions (kind, structure_id, department_code, proposed, base, reason, comment,
        submitter_contact, submitter_user_id, idempotency_key, idempotency_scope, request_hash)
      VALUES (${s.kind}::submission_kind, ${s.structureId ?? null}::uuid, ${s.departmentCode ?? null},
        ${json(s.proposed)}::text::jsonb, ${json(s.base)}::text::jsonb, ${s.reason ?? null}::report_reason,
        ${s.comment ?? null}, ${json(s.submitterContact)}::text::jsonb, ${s.submitterUserId ?? null}::uuid,
        ${s.idempotencyKey ?? null}, ${s.idempotencyKey ? s.idempotencyScope : null}, ${s.requestHash})
      ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING
      RETURNING *
    ) SELECT ${columns} FROM x`);
  if (inserted) return inserted;
  const [first] = await db.rows<SubmissionRow>(sql`/* submission-by-key */
    SELECT ${columns} FROM submissions x
    WHERE x.idempotency_scope = ${s.idempotencyScope} AND x.idempotency_key = ${s.idempotencyKey ?? null}`);
  if (!first) throw new Error('submission neither inserted nor found');
  if (first.requestHash !== s.requestHash) {
    throw badInput('idempotencyKey: already used for a different request.', {
      key: 'idempotencyReused',
      params: { field: 'idempotencyKey' },
    });
  }
  return first;
}

export interface ImportedSubmission {
  kind: 'NEW_STRUCTURE' | 'CORRECTION';
  structureId: string | null;
  departmentCode: string;
  proposed: unknown;
  base: unknown;
  comment: string;
  submitterUserId: string | null;
  source: string;
  sourceId: string;
  /** Of the record's content: the same record imported again is this one. */
  sourceDigest: string;
}

/** Stores an imported record; null when this very record (source, id, content) is already in. */
export async function insertImportedSubmission(db: Db, s: ImportedSubmission): Promise<string | null> {
  const [row] = await db.rows<{ id: string }>(sql`/* submission-import */
    INSERT INTO submissions (kind, structure_id, department_code, proposed, base, comment, submitter_user_id,
      request_hash, source, source_id, source_digest)
    VALUES (${s.kind}::submission_kind, ${s.structureId}::uuid, ${s.departmentCode}, ${json(s.proposed)}::text::jsonb,
      ${json(s.base)}::text::jsonb, ${s.comment}, ${s.submitterUserId}::uuid, ${s.sourceDigest}, ${s.source},
      ${s.sourceId}, ${s.sourceDigest})
    ON CONFLICT (source, source_id, source_digest) DO NOTHING
    RETURNING id`);
  return row?.id ?? null;
}

/** The submission that brought this very record (source, id, content), if any. */
export async function importedRecord(db: Db, source: string, sourceId: string, digest: string) {
  const [row] = await db.rows<{ id: string; structureId: string | null }>(sql`/* submission-by-source-record */
    SELECT id, structure_id AS "structureId" FROM submissions
    WHERE source = ${source} AND source_id = ${sourceId} AND source_digest = ${digest}`);
  return row ?? null;
}

/** The listing an earlier version of this record became (its approved import), if any. */
export async function listingOfSource(db: Db, source: string, sourceId: string): Promise<string | null> {
  const [row] = await db.rows<{ structureId: string }>(sql`/* submission-listing-of-source */
    SELECT structure_id AS "structureId" FROM submissions
    WHERE source = ${source} AND source_id = ${sourceId} AND status = 'APPROVED' AND structure_id IS NOT NULL
    ORDER BY decided_at DESC LIMIT 1`);
  return row?.structureId ?? null;
}

export async function findSubmission(db: Db, id: string, lock = false): Promise<SubmissionRow | null> {
  const [row] = await db.rows<SubmissionRow>(sql`/* submission-by-id */
    SELECT ${columns} FROM submissions x WHERE x.id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`);
  return row ?? null;
}

export interface QueueFilter {
  status?: SubmissionStatus | null;
  kinds?: SubmissionKind[] | null;
  departmentCode?: string | null;
  /** Only those waiting for at least this many days. */
  olderThanDays?: number | null;
  structureId?: string | null;
}

/** Oldest first: the queue's order. */
export async function listSubmissions(
  db: Db,
  f: QueueFilter,
  first: number,
  after: { at: string; id: string } | null,
): Promise<{ rows: SubmissionRow[]; total: () => Promise<number> }> {
  const where: SQL[] = [sql`true`];
  if (f.status) where.push(sql`x.status = ${f.status}::submission_status`);
  if (f.kinds?.length) {
    where.push(
      sql`x.kind IN (${sql.join(
        f.kinds.map((k) => sql`${k}::submission_kind`),
        sql`, `,
      )})`,
    );
  }
  if (f.departmentCode) where.push(sql`x.department_code = ${f.departmentCode}`);
  if (f.structureId) where.push(sql`x.structure_id = ${f.structureId}::uuid`);
  if (f.olderThanDays != null) where.push(sql`x.created_at <= now() - make_interval(days => ${f.olderThanDays}::int)`);
  const page = after ? [...where, sql`(x.created_at, x.id) > (${after.at}::timestamptz, ${after.id}::uuid)`] : where;
  const rows = await db.rows<SubmissionRow>(sql`/* submissions-queue */
    SELECT ${columns} FROM submissions x WHERE ${sql.join(page, sql` AND `)}
    ORDER BY x.created_at, x.id LIMIT ${first + 1}`);
  return {
    rows,
    total: async () => {
      const [row] = await db.rows<{ n: number }>(sql`/* submissions-count */
        SELECT count(*)::int AS n FROM submissions x WHERE ${sql.join(where, sql` AND `)}`);
      return row?.n ?? 0;
    },
  };
}

export interface Decision {
  id: string;
  status: 'APPROVED' | 'REJECTED';
  decidedBy: string | null;
  reason?: string | null;
  structureId?: string | null;
  revisionNumber?: number | null;
}

/** Records the decision; the caller holds the row lock and checked it was still PENDING. */
export async function recordDecision(db: Db, d: Decision): Promise<void> {
  await db.rows(sql`/* submission-decide */
    UPDATE submissions SET status = ${d.status}::submission_status, decided_at = now(),
      decided_by = ${d.decidedBy}::uuid, decision_reason = ${d.reason ?? null},
      structure_id = coalesce(${d.structureId ?? null}::uuid, structure_id),
      revision_number = ${d.revisionNumber ?? null}
    WHERE id = ${d.id}::uuid AND status = 'PENDING'`);
}
