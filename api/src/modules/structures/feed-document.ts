// What each audience sees of a structure, as SQL the change feed's triggers run (migration
// `change-feed`): generated from the field registry and the policy table, so the feed follows
// them by construction. A field added to the registry is in the document; a hidden one never is,
// so an edit the audience may not see leaves its digest, and its `changed_at`, unchanged.
import { createHash } from 'node:crypto';
import { type Visibility, visibilities } from '@repere/shared/enums';
import { type AccessLevel, audiences, type FieldGroup, visibleFor } from '@repere/shared/policy';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { type FieldRegistry, type FieldSpec, rowGroup, structureFields } from './registry.ts';

const dialect = new PgDialect();

function text(query: SQL): string {
  const { sql: out, params } = dialect.sqlToQuery(query);
  if (params.length) throw new Error('feed document: a registry column has a bound parameter');
  return out;
}

function visibilityIn(list: Visibility[]): string {
  for (const v of list) if (!visibilities.includes(v)) throw new Error(`not a visibility: ${v}`);
  return list.length ? `s.visibility IN (${list.map((v) => `'${v}'::visibility`).join(', ')})` : 'false';
}

/** `expr` where `level` may see `group`, NULL elsewhere (no CASE when it sees it on every listed row). */
function guard(group: FieldGroup, level: AccessLevel, expr: string): string | null {
  const seen = visibleFor(group, level);
  if (seen.length === 0) return null;
  if (visibleFor(rowGroup, level).every((v) => seen.includes(v))) return expr;
  return `CASE WHEN ${visibilityIn(seen)} THEN ${expr} END`;
}

const notices = `(SELECT jsonb_agg(jsonb_build_array(n.kind, n.starts_on, n.ends_on, n.message)
    ORDER BY n.starts_on, n.kind, n.ends_on, n.message) FROM structure_notices n WHERE n.structure_id = s.id)`;

/** The field's values as `level` sees them: [key, SQL] pairs (none: it sees none of them). */
function values(name: string, spec: FieldSpec, level: AccessLevel): [string, string][] {
  if (name === 'notices') {
    const expr = guard(spec.group, level, notices);
    return expr ? [[name, expr]] : [];
  }
  return spec.columns.flatMap((column): [string, string][] => {
    if ('special' in column && column.special === 'street') {
      const expr = guard(spec.group, level, 'p.street');
      return expr ? [[column.key, expr]] : [];
    }
    if ('special' in column) {
      const exact = visibleFor(spec.group, level);
      const approximate = spec.approximate ? visibleFor(spec.approximate, level).filter((v) => !exact.includes(v)) : [];
      const cases = [
        ...(exact.length ? [`WHEN ${visibilityIn(exact)} THEN ST_AsText(p.location::geometry)`] : []),
        ...(approximate.length
          ? [`WHEN ${visibilityIn(approximate)} THEN ST_AsText(repere_snap(p.location)::geometry)`]
          : []),
      ];
      return cases.length ? [[column.key, `CASE ${cases.join(' ')} END`]] : [];
    }
    const expr = guard(spec.group, level, text(column.sql));
    return expr ? [[column.key, expr]] : [];
  });
}

/** jsonb_build_object takes at most 100 arguments: the document is built in chunks. */
function documentOf(registry: FieldRegistry, level: AccessLevel): string {
  const pairs = Object.entries(registry).flatMap(([name, spec]) => values(name, spec, level));
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) {
    const chunk = pairs.slice(i, i + 40).map(([key, expr]) => `'${key.replace(/'/g, "''")}', ${expr}`);
    chunks.push(`jsonb_build_object(${chunk.join(',\n      ')})`);
  }
  return chunks.length ? chunks.join(' || ') : `'{}'::jsonb`;
}

/** The function's text, from a registry (tests may pass another). */
export function feedDocumentsSql(registry: FieldRegistry = structureFields): string {
  const branches = Object.entries(audiences).map(([audience, level]) => {
    // Listed exactly as listedFor() lists: online, and a visibility whose row the level may see.
    const listed = `s.status = 'ONLINE' AND ${visibilityIn(visibleFor(rowGroup, level))}`;
    return `WHEN '${audience}' THEN CASE WHEN ${listed} THEN ${documentOf(registry, level)} END`;
  });
  return `CREATE OR REPLACE FUNCTION repere_feed_documents(ids uuid[])
RETURNS TABLE (audience text, structure_id uuid, doc jsonb)
LANGUAGE sql STABLE AS $fn$
  SELECT a.name, i.id, CASE a.name
    ${branches.join('\n    ')}
  END
  FROM (SELECT DISTINCT unnest(ids) AS id) i
  CROSS JOIN (VALUES ${Object.keys(audiences)
    .map((a) => `('${a}')`)
    .join(', ')}) AS a(name)
  LEFT JOIN structures s ON s.id = i.id
  LEFT JOIN structure_protected p ON p.structure_id = i.id
$fn$`;
}

/**
 * Installs the generated function when it differs from the installed one (its hash is the
 * function's comment), then recomputes every structure's document: a changed registry or policy
 * changes what audiences see, and the feed says so.
 */
export async function syncFeedDocuments(db: Db): Promise<void> {
  const ddl = feedDocumentsSql();
  const version = createHash('sha256').update(ddl).digest('hex');
  await db.transaction(async (tx) => {
    const [row] = await tx.rows<{ version: string | null }>(sql`/* feed-documents-version */
      SELECT obj_description('repere_feed_documents(uuid[])'::regprocedure, 'pg_proc') AS version`);
    if (row?.version === version) return;
    await tx.rows(sql.raw(`/* feed-documents-install */ ${ddl}`));
    await tx.rows(
      sql.raw(`/* feed-documents-stamp */ COMMENT ON FUNCTION repere_feed_documents(uuid[]) IS '${version}'`),
    );
    await tx.rows(sql`/* feed-refresh-all */
      SELECT repere_feed_refresh(ARRAY(SELECT id FROM structures UNION SELECT structure_id FROM structure_feed))`);
  });
}
