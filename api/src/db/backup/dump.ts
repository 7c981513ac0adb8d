// `db dump`: every table of ours, protected ones included (accounts, sessions, referrals,
// audit, API keys, mail tokens), from one snapshot, into a file that `db restore` reads.
import type { Db } from '../client.ts';
import type { CopySession } from '../copy.ts';
import { parseCopyLine } from '../copy-text.ts';
import {
  appliedMigrations,
  countRows,
  listSequences,
  listTables,
  qualified,
  quote,
  type TableInfo,
} from './catalog.ts';
import { type DumpHeader, dumpWriter } from './format.ts';

export interface DumpSummary {
  tables: number;
  rows: number;
  bytes: number;
}

/** Fixed output settings: what COPY writes must not depend on the server's configuration. */
export async function fixSettings(s: CopySession): Promise<void> {
  await s.rows(`/* backup-settings */ SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
    set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '3', true),
    set_config('client_encoding', 'UTF8', true)`);
}

/** Rows per COPY: a table is read a page at a time, never whole (1M rows took ~1 GB at once). */
export const defaultPageRows = 5000;

/** A SQL literal of `value` cast to `type` (COPY takes no parameters). */
const literal = (value: string, type: string) => `'${value.replaceAll("'", "''")}'::${type}`;

/**
 * A table's rows in key order, as COPY text, a page at a time: each page starts after the last
 * key of the one before (keyset), in the dump's one snapshot. The output is the same as one COPY
 * of the whole table. A table without a primary key (none of ours) is copied at once.
 */
async function* tableRows(s: CopySession, t: TableInfo, pageRows: number): AsyncGenerator<Uint8Array> {
  const columns = t.columns.map((c) => quote(c.name)).join(', ');
  const order = t.key.map(quote).join(', ');
  if (!t.key.length) {
    // In key order, so that a restored database dumps to the same bytes.
    yield* s.copyOut(`(SELECT ${columns} FROM ${qualified(t.name)}${order ? ` ORDER BY ${order}` : ''})`);
    return;
  }
  const keys = t.key.map((name) => {
    const index = t.columns.findIndex((c) => c.name === name);
    const column = t.columns[index];
    if (!column) throw new Error(`${t.name}: key column ${name} is not among its columns`);
    return { index, type: column.type };
  });
  let after: string | null = null;
  for (;;) {
    const where = after === null ? '' : ` WHERE (${order}) > (${after})`;
    let rows = 0;
    let tail: Buffer = Buffer.alloc(0);
    for await (const chunk of s.copyOut(
      `(SELECT ${columns} FROM ${qualified(t.name)}${where} ORDER BY ${order} LIMIT ${pageRows})`,
    )) {
      if (chunk.byteLength === 0) continue;
      for (const byte of chunk) if (byte === 0x0a) rows++;
      // The page's last line (its last key) may span chunks: only what follows the last
      // newline but one is kept.
      const data: Buffer = Buffer.concat([tail, chunk]);
      const end = data.lastIndexOf(0x0a, data.length - 2);
      tail = end === -1 ? data : data.subarray(end + 1);
      yield chunk;
    }
    if (rows < pageRows) return;
    const fields = parseCopyLine(tail.toString('utf8').replace(/\n$/, ''));
    after = keys
      .map(({ index, type }) => {
        const value = fields[index];
        if (value === null || value === undefined) throw new Error(`${t.name}: a row has no key`);
        return literal(value, type);
      })
      .join(', ');
  }
}

export async function dumpDatabase(db: Db, path: string, options: { pageRows?: number } = {}): Promise<DumpSummary> {
  const pageRows = options.pageRows ?? defaultPageRows;
  const writer = dumpWriter(path);
  try {
    const summary = await db.session(async (s) => {
      // One snapshot for every table (a server keeps serving meanwhile).
      await s.rows('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await fixSettings(s);
      const tables = await listTables(s);
      const header: DumpHeader = {
        format: 'repere-dump',
        version: 1,
        createdAt: new Date().toISOString(),
        source: db.kind === 'pglite' ? 'embedded' : 'server',
        migrations: await appliedMigrations(s),
        tables: [],
        sequences: await listSequences(s),
      };
      if (!header.migrations.length) throw new Error('The database is not migrated: there is nothing to dump.');
      for (const t of tables) {
        header.tables.push({ name: t.name, columns: t.columns.map((c) => c.name), rows: await countRows(s, t.name) });
      }
      await writer.header(header);
      for (const t of tables) await writer.table(tableRows(s, t, pageRows));
      return { tables: tables.length, rows: header.tables.reduce((sum, t) => sum + t.rows, 0) };
    });
    return { ...summary, bytes: await writer.close() };
  } catch (error) {
    writer.abort();
    throw error;
  }
}
