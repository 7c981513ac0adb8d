// What a backup holds: every table of ours (schemas public and drizzle, extensions' own tables
// such as PostGIS's spatial_ref_sys left out), read from the catalog so that a table added by a
// later migration is included without a change here; parents before children (foreign keys).
import type { Column, CopySession } from '../copy.ts';

export const schemas = ['public', 'drizzle'];

export interface TableInfo {
  /** `schema.table`, as in the dump's header. */
  name: string;
  columns: Column[];
  /** Primary key columns: the dump's row order. */
  key: string[];
  /** Has triggers of ours (disabled while rows are loaded: the rows are already what they made). */
  triggers: boolean;
  parents: string[];
}

export interface SequenceState {
  name: string;
  value: string;
  called: boolean;
}

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** `schema.table` → `"schema"."table"`. */
export const qualified = (name: string) => name.split('.').map(quote).join('.');

const ours = (kind: string) => `c.relkind = '${kind}' AND n.nspname IN (${schemas.map((s) => `'${s}'`).join(', ')})
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;

// json_agg comes back parsed from postgres.js and PGlite alike; text would not (arrays differ).
const list = <T = string>(value: unknown): T[] =>
  (typeof value === 'string' ? (JSON.parse(value) as T[]) : (value as T[] | null)) ?? [];

export async function listTables(s: CopySession): Promise<TableInfo[]> {
  const rows = await s.rows<Record<string, unknown>>(`/* backup-tables */
    SELECT n.nspname || '.' || c.relname AS name,
      (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod))
          ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT json_agg(a.attname ORDER BY array_position(i.indkey::int2[], a.attnum))
        FROM pg_index i JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey::int2[])
        WHERE i.indrelid = c.oid AND i.indisprimary) AS key,
      EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS triggers,
      (SELECT json_agg(DISTINCT pn.nspname || '.' || pc.relname) FROM pg_constraint f
        JOIN pg_class pc ON pc.oid = f.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS parents
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${ours('r')}
    ORDER BY 1`);
  const tables = rows.map((r) => ({
    name: String(r.name),
    columns: list<Column>(r.columns),
    key: list(r.key),
    triggers: Boolean(r.triggers),
    parents: list(r.parents),
  }));
  return parentsFirst(tables);
}

/** Orders tables so that each comes after the tables its foreign keys point to. */
function parentsFirst(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (table: TableInfo, path: string[]) => {
    if (done.has(table.name)) return;
    if (path.includes(table.name)) throw new Error(`Foreign keys form a cycle: ${[...path, table.name].join(' → ')}`);
    for (const parent of table.parents) {
      const p = byName.get(parent);
      if (p) visit(p, [...path, table.name]);
    }
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

export async function countRows(s: CopySession, table: string): Promise<number> {
  const [row] = await s.rows<{ n: number | string }>(
    `/* backup-count */ SELECT count(*) AS n FROM ${qualified(table)}`,
  );
  return Number(row?.n ?? 0);
}

export async function listSequences(s: CopySession): Promise<SequenceState[]> {
  const names = await s.rows<{ name: string }>(`/* backup-sequences */
    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${ours('S')} ORDER BY 1`);
  const states: SequenceState[] = [];
  for (const { name } of names) {
    const [row] = await s.rows<{ value: string; called: boolean }>(
      `/* backup-sequence-state */ SELECT last_value::text AS value, is_called AS called FROM ${qualified(name)}`,
    );
    if (row) states.push({ name, value: row.value, called: row.called });
  }
  return states;
}

/** The migrations applied, by name, in order (a dump restores only where the same ones exist). */
export async function appliedMigrations(s: CopySession): Promise<string[]> {
  const [exists] = await s.rows<{ exists: boolean }>(
    `/* backup-migrations-table */ SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists`,
  );
  if (!exists?.exists) return [];
  const rows = await s.rows<{ name: string }>(
    `/* backup-migrations */ SELECT coalesce(name, hash) AS name FROM drizzle.__drizzle_migrations ORDER BY id`,
  );
  return rows.map((r) => r.name);
}
