// One database interface over the two drivers: PGlite (embedded, default) and postgres.js
// (a server, when DATABASE_URL is set). Stores write SQL with drizzle's `sql` template.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type CopySession, pgliteSession, postgresSession } from './copy.ts';
import { acquireDirLock, type DirLock } from './lock.ts';
import { slimPostgis } from './postgis-bundle.ts';

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** Runs one statement and returns its rows. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Runs `fn` in a transaction; `tx` is a Db bound to it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations' helpers, tests). */
  exec(script: string): Promise<void>;
  readonly drizzle: ReturnType<typeof drizzlePglite> | ReturnType<typeof drizzlePostgres>;
  /** Runs `fn` on one connection in one transaction, with COPY (backups). */
  session<T>(fn: (s: CopySession) => Promise<T>): Promise<T>;
  /** A gzipped copy of an embedded database (tests start from one); not for a server. */
  dumpDataDir(): Promise<Blob>;
  /** A server database's connection pool as of now (metrics); null for the embedded one. */
  pool(): PoolUsage | null;
  close(): Promise<void>;
}

export interface PoolUsage {
  /** Connections the pool may open. */
  size: number;
  /** Statements and transactions holding a connection now (at most `size`). */
  busy: number;
  /** Those waiting for a connection. */
  waiting: number;
}

export const pgliteExtensions = { postgis: slimPostgis, unaccent, pg_trgm };

// PostgreSQL's shared buffers live in PGlite's WebAssembly memory, set up at each open: initdb's
// 128 MB cost a third of an open's CPU. 32 MB still hold the whole demo database (about 40 MB
// with the catalog, the reference geography's hot part well under that); reads beyond it go to
// the files.
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

function fromPglite(pg: PGlite, lock?: DirLock): Db {
  const orm = drizzlePglite({ client: pg });
  const wrap = (exec: { execute: (q: SQL) => Promise<unknown> }, inTx: boolean): Db => ({
    kind: 'pglite',
    drizzle: orm,
    async rows<T>(query: SQL) {
      const res = (await exec.execute(query)) as { rows: T[] };
      return res.rows;
    },
    async transaction(fn) {
      if (inTx) return fn(this);
      return orm.transaction((tx) => fn(wrap(tx, true)));
    },
    exec: async (script) => {
      await pg.exec(script);
    },
    session: (fn) => pgliteSession(pg, fn),
    dumpDataDir: () => pg.dumpDataDir('gzip') as Promise<Blob>,
    pool: () => null,
    async close() {
      await pg.close();
      lock?.release();
    },
  });
  return wrap(orm, false);
}

/**
 * Marks a statement whose best plan depends on its parameters' values, so that it is never
 * prepared: after five runs of a prepared statement PostgreSQL may keep a generic plan, and a
 * full-text search's generic plan reads the search indexes for any word (56 ms for a word in
 * every name of a department at 100,000 structures, against 5 ms planned for the word, 1 ms of
 * planning included).
 */
export const customPlan = '/* custom-plan */';

/**
 * Which statement texts a server connection may keep prepared: the first `max` distinct texts
 * seen, then no more. The API's statements are a few hundred fixed texts, and preparing them
 * saves the server a parse and plan per request (the nearest query's database CPU fell about
 * threefold); a text built from varying input (a long IN list) must not grow each connection's
 * statement cache without end, here and in the server.
 */
export function preparedTexts(max = 300): (text: string) => boolean {
  const known = new Set<string>();
  return (text) => {
    if (text.includes(customPlan)) return false;
    if (known.has(text)) return true;
    if (known.size >= max) return false;
    known.add(text);
    return true;
  };
}

function fromPostgres(client: postgres.Sql, size: number): Db {
  const orm = drizzlePostgres({ client });
  const dialect = (orm as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect;
  const mayPrepare = preparedTexts();
  // Each top-level statement, transaction or session holds one connection while it runs (or
  // waits for one): counted here, as postgres.js does not tell.
  let inFlight = 0;
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await work();
    } finally {
      inFlight--;
    }
  };
  // Statements go to postgres.js directly (rendered by drizzle's dialect, so the SQL is the
  // same): drizzle's execute never prepares. Errors keep drizzle's shape (the driver's error as
  // `cause`), without the parameters, which may hold what a caller must not see.
  const run = async <T>(conn: postgres.Sql | postgres.TransactionSql, query: SQL): Promise<T[]> => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    try {
      const rows = await conn.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: mayPrepare(text),
      });
      return [...(rows as unknown as T[])];
    } catch (error) {
      throw new DrizzleQueryError(text, undefined as unknown as unknown[], error as Error);
    }
  };
  const wrap = (conn: postgres.Sql | postgres.TransactionSql, inTx: boolean): Db => ({
    kind: 'postgres',
    drizzle: orm,
    async rows<T>(query: SQL) {
      return inTx ? run<T>(conn, query) : counted(() => run<T>(conn, query));
    },
    async transaction(fn) {
      if (inTx) return fn(this);
      return counted(() => client.begin((tx) => fn(wrap(tx, true))) as Promise<Awaited<ReturnType<typeof fn>>>);
    },
    exec: (script) =>
      counted(async () => {
        await client.unsafe(script).simple();
      }),
    session: (fn) => counted(() => postgresSession(client, fn)),
    dumpDataDir: () => Promise.reject(new Error('Only an embedded database can be dumped.')),
    pool: () => ({ size, busy: Math.min(inFlight, size), waiting: Math.max(0, inFlight - size) }),
    close: () => client.end({ timeout: 5 }),
  });
  return wrap(client, false);
}

export interface OpenOptions {
  databaseUrl?: string;
  pgliteDir?: string;
  /** An embedded database loaded from a dump (tests), instead of a data dir. */
  pgliteDump?: Blob;
  /** A throw-away embedded database in memory. */
  memory?: boolean;
  /** A data dir copied to `pgliteDir` when that holds no database yet (the image, see image.ts). */
  template?: string;
  poolSize?: number;
  /** A server that does not answer fails the request after this long (default 5 s), not 30 s. */
  connectTimeoutMs?: number;
}

export async function openDb(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) {
    const size = options.poolSize ?? 10;
    const client = postgres(options.databaseUrl, {
      max: size,
      connect_timeout: (options.connectTimeoutMs ?? 5000) / 1000,
      onnotice: () => {},
    });
    return fromPostgres(client, size);
  }
  if (options.pgliteDump || options.memory) {
    const pg = await PGlite.create({
      loadDataDir: options.pgliteDump,
      extensions: pgliteExtensions,
      startParams: pgliteStartParams,
    });
    return fromPglite(pg);
  }
  const dir = resolve(options.pgliteDir ?? './.data/pglite');
  mkdirSync(dirname(dir), { recursive: true });
  // PGlite is single-process: a second opener would corrupt the data dir.
  const lock = acquireDirLock(dir);
  try {
    if (options.template) copyDataDir(options.template, dir);
    const pg = await PGlite.create(dir, { extensions: pgliteExtensions, startParams: pgliteStartParams });
    return fromPglite(pg, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Copies `template` to `dir` unless `dir` holds something already; made aside and renamed, so
 * that an interrupted copy leaves no half database.
 */
function copyDataDir(template: string, dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) return;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(template, partial, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
}

/** A PostgreSQL error's SQLSTATE, whether the driver's error comes bare or wrapped by drizzle. */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
