// One connection in one transaction, with what backups need of each driver: table contents
// out as COPY text, and COPY text loaded back (the pool and drizzle's transactions give neither).
import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';
import { parseCopyLine } from './copy-text.ts';

export interface Column {
  name: string;
  /** As format_type() prints it: usable in a cast. */
  type: string;
}

export interface CopySession {
  /** Runs one statement (no parameters: catalog queries and settings) and returns its rows. */
  rows<T>(text: string): Promise<T[]>;
  /** `COPY <source> TO STDOUT`: its output, in chunks (up to all of it held: ask for a page). */
  copyOut(source: string): AsyncIterable<Uint8Array>;
  /** Loads COPY text (whole lines per chunk) into `table` (quoted, qualified). */
  load(table: string, columns: Column[], data: AsyncIterable<Uint8Array>): Promise<void>;
}

/** COPY text loaded into PGlite per statement. */
const loadBytes = 8 * 1024 * 1024;

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

export async function pgliteSession<T>(pg: PGlite, fn: (s: CopySession) => Promise<T>): Promise<T> {
  return pg.transaction((tx) =>
    fn({
      rows: async <R>(text: string) => (await tx.query<R>(text)).rows,
      // PGlite runs in this process: COPY goes through a Blob (the dump asks for a page at a time).
      async *copyOut(source) {
        const res = await tx.query(`COPY ${source} TO '/dev/blob'`);
        if (res.blob) yield new Uint8Array(await res.blob.arrayBuffer());
      },
      // Loaded a few MB at a time (chunks hold whole lines), never a whole table at once.
      async load(table, columns, data) {
        const target = `${table} (${columns.map((c) => quote(c.name)).join(', ')})`;
        let parts: Uint8Array[] = [];
        let size = 0;
        const flush = async () => {
          if (!parts.length) return;
          await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob(parts as BlobPart[]) });
          parts = [];
          size = 0;
        };
        for await (const part of data) {
          parts.push(part);
          size += part.byteLength;
          if (size >= loadBytes) await flush();
        }
        await flush();
      },
    }),
  );
}

// postgres.js 3.4.9's COPY streams hang: a paused socket is never resumed after CopyDone (the
// next statement waits forever), and a refused COPY FROM never settles (porsager/postgres#917,
// #1173). Out: read in flowing mode, and the socket resumed at the end. In: parameterised INSERTs,
// each value sent as text and cast to its column's type, so that the server parses it as COPY
// would (typed parameters would go through postgres.js's own serializers: 't' became false).
const maxParameters = 30_000;

export async function postgresSession<T>(sql: postgres.Sql, fn: (s: CopySession) => Promise<T>): Promise<T> {
  return (await sql.begin((tx) =>
    fn({
      rows: async <R>(text: string) => [...(await tx.unsafe(text))] as R[],
      // Read in flowing mode (never paused, see above), each chunk handed on as it arrives; the
      // dump asks for a page at a time, so what waits here is at most one page.
      async *copyOut(source) {
        const stream = await tx.unsafe(`COPY ${source} TO STDOUT`).readable();
        const queue: Buffer[] = [];
        let done = false;
        let failed: unknown = null;
        let wake: (() => void) | null = null;
        const signal = () => {
          wake?.();
          wake = null;
        };
        stream.on('data', (chunk: Buffer) => {
          queue.push(chunk);
          signal();
        });
        stream.once('end', () => {
          // A page that came in one socket read was all pushed before this reader was attached:
          // past 16 KB postgres.js paused the socket, and an ended stream never asks to read
          // again, so the next statement waited forever (seen on a 1,000-row page). Its read
          // hook resumes the socket.
          (stream as unknown as { _read(size: number): void })._read(0);
          done = true;
          signal();
        });
        stream.once('error', (error) => {
          failed = error;
          signal();
        });
        for (;;) {
          const chunk = queue.shift();
          if (chunk) {
            yield chunk;
            continue;
          }
          if (failed) throw failed;
          if (done) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      },
      async load(table, columns, data) {
        const perStatement = Math.max(1, Math.floor(maxParameters / columns.length));
        const names = columns.map((c) => quote(c.name)).join(', ');
        let batch: (string | null)[][] = [];
        const flush = async () => {
          if (!batch.length) return;
          let n = 0;
          const values = batch.map(() => `(${columns.map((c) => `$${++n}::text::${c.type}`).join(', ')})`);
          await tx.unsafe(`INSERT INTO ${table} (${names}) VALUES ${values.join(', ')}`, batch.flat());
          batch = [];
        };
        for await (const chunk of data) {
          const text = Buffer.from(chunk).toString('utf8');
          for (const line of text.split('\n')) {
            if (!line) continue;
            const fields = parseCopyLine(line);
            if (fields.length !== columns.length) throw new Error(`${table}: a row has ${fields.length} fields`);
            batch.push(fields);
            if (batch.length >= perStatement) await flush();
          }
        }
        await flush();
      },
    }),
  )) as T;
}
