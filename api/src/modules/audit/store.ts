// All SQL of the audit log. Entries hold ids, action names and field names: no listing data.
import type { AuditAction } from '@repere/shared/enums';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export interface AuditEntryInput {
  action: AuditAction;
  actorId?: string | null;
  structureId?: string | null;
  subjectUserId?: string | null;
  apiKeyId?: string | null;
  referralId?: string | null;
  fields?: string[];
  count?: number;
}

export interface AuditRow {
  id: string;
  at: string;
  action: AuditAction;
  actorId: string | null;
  structureId: string | null;
  subjectUserId: string | null;
  apiKeyId: string | null;
  referralId: string | null;
  fields: string[];
  count: number;
}

export async function writeAudit(db: Db, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const json = JSON.stringify(
    entries.map((e) => ({
      action: e.action,
      actor_id: e.actorId ?? null,
      structure_id: e.structureId ?? null,
      subject_user_id: e.subjectUserId ?? null,
      api_key_id: e.apiKeyId ?? null,
      referral_id: e.referralId ?? null,
      fields: e.fields ?? [],
      count: e.count ?? 1,
    })),
  );
  await db.rows(sql`/* audit-write */
    INSERT INTO audit_log (action, actor_id, structure_id, subject_user_id, api_key_id, referral_id, fields, count)
    SELECT action::audit_action, actor_id, structure_id, subject_user_id, api_key_id, referral_id, fields, count
    FROM jsonb_to_recordset(${json}::text::jsonb) AS x(action text, actor_id uuid, structure_id uuid,
      subject_user_id uuid, api_key_id uuid, referral_id uuid, fields text[], count int)`);
}

export interface AuditFilter {
  actions?: AuditAction[] | null;
  actorId?: string | null;
  structureId?: string | null;
  subjectUserId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Newest first, keyset on (at, id). */
export async function listAudit(
  db: Db,
  filter: AuditFilter,
  first: number,
  after: { at: string; id: string } | null,
): Promise<{ rows: AuditRow[]; total: () => Promise<number> }> {
  const where: SQL[] = [sql`true`];
  if (filter.actions?.length) {
    where.push(
      sql`a.action IN (${sql.join(
        filter.actions.map((x) => sql`${x}::audit_action`),
        sql`, `,
      )})`,
    );
  }
  if (filter.actorId) where.push(sql`a.actor_id = ${filter.actorId}::uuid`);
  if (filter.structureId) where.push(sql`a.structure_id = ${filter.structureId}::uuid`);
  if (filter.subjectUserId) where.push(sql`a.subject_user_id = ${filter.subjectUserId}::uuid`);
  if (filter.from) where.push(sql`a.at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) where.push(sql`a.at < ${filter.to.toISOString()}::timestamptz`);
  const page = after ? [...where, sql`(a.at, a.id) < (${after.at}::timestamptz, ${after.id}::uuid)`] : where;
  const rows = await db.rows<AuditRow>(sql`/* audit-list */
    SELECT a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, a.action::text AS action,
      a.actor_id AS "actorId", a.structure_id AS "structureId", a.subject_user_id AS "subjectUserId",
      a.api_key_id AS "apiKeyId", a.referral_id AS "referralId", a.fields, a.count
    FROM audit_log a WHERE ${sql.join(page, sql` AND `)}
    ORDER BY a.at DESC, a.id DESC LIMIT ${first + 1}`);
  return {
    rows,
    total: async () => {
      const [row] = await db.rows<{ n: number }>(sql`/* audit-count */
        SELECT count(*)::int AS n FROM audit_log a WHERE ${sql.join(where, sql` AND `)}`);
      return row?.n ?? 0;
    },
  };
}
