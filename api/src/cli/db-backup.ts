// `db dump --out FILE` and `db restore FILE [--force]`, for the embedded database (no server
// needed: the data dir is opened here, one process at a time) and for a server database.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { dumpDatabase } from '../db/backup/dump.ts';
import { dumpReader } from '../db/backup/format.ts';
import { checkMigrations, contents, restoreInto, wipe } from '../db/backup/restore.ts';
import { openDb } from '../db/client.ts';
import { acquireDirLock } from '../db/lock.ts';
import { parseEnv } from '../env.ts';
import { parseFlags } from './args.ts';
import { UsageError } from './usage.ts';

const count = (n: number) => n.toLocaleString('en');

/** The server database as shown to the operator: host and name, never the password. */
function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}

const hasData = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

export async function dbDump(args: string[]): Promise<void> {
  const { out } = parseFlags(args, ['out']);
  if (!out) throw new UsageError('db dump needs --out FILE.');
  const env = parseEnv();
  const dir = resolve(env.PGLITE_DIR);
  if (!env.DATABASE_URL && !hasData(dir)) throw new Error(`No embedded database in ${dir}: nothing to dump.`);
  const db = await openDb({ databaseUrl: env.DATABASE_URL, pgliteDir: dir, poolSize: 1 });
  try {
    const path = resolve(out);
    const done = await dumpDatabase(db, path);
    const from = env.DATABASE_URL ? `server database ${describeUrl(env.DATABASE_URL)}` : `embedded database in ${dir}`;
    console.log(
      `Dump of the ${from} written to ${path}: ${done.tables} tables, ${count(done.rows)} rows ` +
        `(${(done.bytes / 1e6).toFixed(1)} MB uncompressed).`,
    );
  } finally {
    await db.close();
  }
}

export async function dbRestore(args: string[]): Promise<void> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const [file] = rest;
  if (rest.length !== 1 || !file || file.startsWith('--')) throw new UsageError('db restore takes FILE [--force].');
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`${path} does not exist.`);
  const env = parseEnv();
  // Read and check the dump before touching the target.
  const dump = await dumpReader(path);
  try {
    checkMigrations(dump.header);
    const done = env.DATABASE_URL
      ? await restoreServer(env.DATABASE_URL, dump, force)
      : await restoreEmbedded(resolve(env.PGLITE_DIR), dump, force);
    console.log(`Restored ${path} into the ${done.target}: ${done.tables} tables, ${count(done.rows)} rows.`);
  } finally {
    dump.close();
  }
}

type Reader = Awaited<ReturnType<typeof dumpReader>>;

const refusal = (what: string) =>
  `${what} Nothing was changed: add --force to replace it, or restore into an empty one.`;

async function restoreServer(url: string, dump: Reader, force: boolean) {
  const target = `server database ${describeUrl(url)}`;
  const db = await openDb({ databaseUrl: url, poolSize: 1 });
  try {
    const held = await contents(db);
    if (held && !force) {
      throw new Error(
        refusal(
          `The ${target} is not empty (${held.tables} tables, ${count(held.structures)} structures, ` +
            `${count(held.users)} accounts): a restore replaces everything in it.`,
        ),
      );
    }
    if (held) await wipe(db);
    return { target, ...(await restoreInto(db, dump)) };
  } finally {
    await db.close();
  }
}

/**
 * Into a new data dir beside the target, moved into place once complete: a failed restore
 * leaves the target as it was. The target's lock is held throughout (no server may open it).
 */
async function restoreEmbedded(dir: string, dump: Reader, force: boolean) {
  const target = `embedded database in ${dir}`;
  mkdirSync(dirname(dir), { recursive: true });
  const lock = acquireDirLock(dir);
  try {
    const existing = hasData(dir);
    if (existing && !force) throw new Error(refusal(`The ${target} is not empty: a restore replaces it.`));
    const staging = `${dir}.restoring`;
    rmSync(staging, { recursive: true, force: true });
    try {
      const db = await openDb({ pgliteDir: staging });
      let done: { tables: number; rows: number };
      try {
        done = await restoreInto(db, dump);
      } finally {
        await db.close();
      }
      const replaced = `${dir}.replaced`;
      if (existsSync(dir)) renameSync(dir, replaced);
      renameSync(staging, dir);
      rmSync(replaced, { recursive: true, force: true });
      return { target, ...done };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}
