// One database interface over the two drivers: PGlite (embedded, default) and postgres.js
// (a server, when DATABASE_URL is set). Stores write SQL with drizzle's `sql` template.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { postgis } from '@electric-sql/pglite-postgis';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { acquireDirLock, type DirLock } from './lock.ts';

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** Runs one statement and returns its rows. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Runs `fn` in a transaction; `tx` is a Db bound to it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations' helpers, tests). */
  exec(script: string): Promise<void>;
  readonly drizzle: ReturnType<typeof drizzlePglite> | ReturnType<typeof drizzlePostgres>;
  /** A gzipped copy of an embedded database (tests start from one); not for a server. */
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
}

export const pgliteExtensions = { postgis, unaccent, pg_trgm };

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
    dumpDataDir: () => pg.dumpDataDir('gzip') as Promise<Blob>,
    async close() {
      await pg.close();
      lock?.release();
    },
  });
  return wrap(orm, false);
}

function fromPostgres(client: postgres.Sql): Db {
  const orm = drizzlePostgres({ client });
  const wrap = (exec: { execute: (q: SQL) => Promise<unknown> }, inTx: boolean): Db => ({
    kind: 'postgres',
    drizzle: orm,
    async rows<T>(query: SQL) {
      return [...((await exec.execute(query)) as T[])];
    },
    async transaction(fn) {
      if (inTx) return fn(this);
      return orm.transaction((tx) => fn(wrap(tx, true)));
    },
    exec: async (script) => {
      await client.unsafe(script).simple();
    },
    dumpDataDir: () => Promise.reject(new Error('Only an embedded database can be dumped.')),
    close: () => client.end({ timeout: 5 }),
  });
  return wrap(orm, false);
}

export interface OpenOptions {
  databaseUrl?: string;
  pgliteDir?: string;
  /** An embedded database loaded from a dump (tests), instead of a data dir. */
  pgliteDump?: Blob;
  /** A throw-away embedded database in memory. */
  memory?: boolean;
  poolSize?: number;
}

export async function openDb(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
    });
    return fromPostgres(client);
  }
  if (options.pgliteDump || options.memory) {
    const pg = await PGlite.create({ loadDataDir: options.pgliteDump, extensions: pgliteExtensions });
    return fromPglite(pg);
  }
  const dir = resolve(options.pgliteDir ?? './.data/pglite');
  mkdirSync(dirname(dir), { recursive: true });
  // PGlite is single-process: a second opener would corrupt the data dir.
  const lock = acquireDirLock(dir);
  try {
    const pg = await PGlite.create(dir, { extensions: pgliteExtensions });
    return fromPglite(pg, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** A PostgreSQL error's SQLSTATE, whether the driver's error comes bare or wrapped by drizzle. */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
