// `db restore`: a dump into a database migrated by this build (the same migrations as the
// dump's source), every row loaded in one transaction and counted against the dump's header.

import { syncFeedDocuments } from '../../modules/structures/feed-document.ts';
import type { Db } from '../client.ts';
import { applyMigrations, migrationNames } from '../migrate.ts';
import { stampMigrated } from '../migrate-stamp.ts';
import { countRows, listSequences, listTables, qualified } from './catalog.ts';
import { fixSettings } from './dump.ts';
import type { DumpHeader, dumpReader } from './format.ts';

type Reader = Awaited<ReturnType<typeof dumpReader>>;

/** Throws unless this build has exactly the migrations of the dump's source. */
export function checkMigrations(header: DumpHeader): void {
  const ours = migrationNames();
  const same = ours.length === header.migrations.length && ours.every((name, i) => header.migrations[i] === name);
  if (same) return;
  const missing = header.migrations.filter((m) => !ours.includes(m));
  throw new Error(
    `The dump was made with ${header.migrations.length} migrations (last: ${header.migrations.at(-1)}), this ` +
      `version of Repère has ${ours.length} (last: ${ours.at(-1)})${missing.length ? `; unknown here: ${missing.join(', ')}` : ''}. ` +
      'Restore it with the version that made it, then upgrade with `pnpm repere db migrate`. Nothing was changed.',
  );
}

/** What the database holds, or null when it has none of our tables (an empty database). */
export async function contents(db: Db): Promise<{ tables: number; structures: number; users: number } | null> {
  return db.session(async (s) => {
    const tables = await listTables(s);
    if (!tables.length) return null;
    const count = (name: string) => (tables.some((t) => t.name === name) ? countRows(s, name) : 0);
    return { tables: tables.length, structures: await count('public.structures'), users: await count('public.users') };
  });
}

/** Removes everything of ours from a server database (`--force`); the migrations make it again. */
export async function wipe(db: Db): Promise<void> {
  await db.exec('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
}

export async function restoreInto(db: Db, dump: Reader): Promise<{ tables: number; rows: number }> {
  const { header } = dump;
  // The rows replaced are no longer what this build's last migrate left: the next start migrates.
  await stampMigrated(db, null);
  await applyMigrations(db);
  const result = await db.session(async (s) => {
    await fixSettings(s);
    const tables = await listTables(s);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const described = new Set(header.tables.map((t) => t.name));
    const mismatch = [
      ...header.tables
        .filter(
          (t) =>
            byName
              .get(t.name)
              ?.columns.map((c) => c.name)
              .join() !== t.columns.join(),
        )
        .map((t) => t.name),
      ...tables.filter((t) => !described.has(t.name)).map((t) => t.name),
    ];
    if (mismatch.length) throw new Error(`The dump's tables differ from this version's: ${mismatch.join(', ')}.`);
    // The rows are already what the triggers made of them (audience columns, search vectors).
    const triggered = tables.filter((t) => t.triggers);
    for (const t of triggered) await s.rows(`ALTER TABLE ${qualified(t.name)} DISABLE TRIGGER USER`);
    // The migrations wrote bookkeeping rows (their own list): the dump's replace them.
    await s.rows(`TRUNCATE ${tables.map((t) => qualified(t.name)).join(', ')}`);
    for (const t of header.tables) {
      const data = dump.table(t.name);
      if (t.rows === 0) for await (const _ of data);
      else await s.load(qualified(t.name), byName.get(t.name)?.columns ?? [], data);
    }
    const sequences = new Set((await listSequences(s)).map((q) => q.name));
    for (const q of header.sequences) {
      if (!sequences.has(q.name) || !/^-?\d+$/.test(q.value))
        throw new Error(`Unexpected sequence in the dump: ${q.name}`);
      await s.rows(
        `SELECT setval('${qualified(q.name).replaceAll("'", "''")}'::regclass, ${q.value}, ${Boolean(q.called)})`,
      );
    }
    for (const t of triggered) await s.rows(`ALTER TABLE ${qualified(t.name)} ENABLE TRIGGER USER`);
    for (const t of header.tables) {
      const n = await countRows(s, t.name);
      if (n !== t.rows)
        throw new Error(`Table ${t.name}: ${n} rows loaded, the dump says ${t.rows}. Nothing was restored.`);
    }
    return { tables: header.tables.length, rows: header.tables.reduce((sum, t) => sum + t.rows, 0) };
  });
  // What migrate generates from the code (the feed's document function) is not in the schema
  // migrations: installed again here, the same rows giving the same documents.
  await syncFeedDocuments(db);
  // Fresh planner statistics, as after any bulk load.
  await db.exec('ANALYZE');
  return result;
}
