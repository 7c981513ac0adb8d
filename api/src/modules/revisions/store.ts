// All SQL reading revisions (moderators only: they hold protected values).
import type { RevisionAction } from '@repere/shared/enums';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { StructureDocument } from '../structures/editing.ts';

export interface RevisionRow {
  id: string;
  structureId: string;
  number: number;
  at: string;
  actorId: string | null;
  action: RevisionAction;
  submissionId: string | null;
  before: StructureDocument | null;
  after: StructureDocument;
}

const columns = sql`r.id, r.structure_id AS "structureId", r.number,
  to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, r.actor_id AS "actorId",
  r.action::text AS action, r.submission_id AS "submissionId", r.before, r.after`;

export async function listRevisions(db: Db, structureId: string): Promise<RevisionRow[]> {
  return db.rows<RevisionRow>(sql`/* revisions-of-structure */
    SELECT ${columns} FROM revisions r WHERE r.structure_id = ${structureId}::uuid ORDER BY r.number DESC`);
}

export async function findRevision(db: Db, id: string): Promise<RevisionRow | null> {
  const [row] = await db.rows<RevisionRow>(
    sql`/* revision-by-id */ SELECT ${columns} FROM revisions r WHERE r.id = ${id}::uuid`,
  );
  return row ?? null;
}
