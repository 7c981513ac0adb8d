// The dump file: gzip of one JSON header line, then each table's rows in PostgreSQL's COPY text
// format ended by a `\.` line (as pg_dump's plain format does; no row is ever that line). Text
// COPY reads the same on PGlite and on a server, so a dump moves either way between them.
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { forbiddenCharacter } from '@repere/shared/text';
import { z } from 'zod';
import type { SequenceState } from './catalog.ts';

export interface DumpHeader {
  format: 'repere-dump';
  version: 1;
  createdAt: string;
  source: 'embedded' | 'server';
  /** Migrations applied to the source, by name, in order. */
  migrations: string[];
  /** In load order (parents first); `rows` is checked after the load. */
  tables: { name: string; columns: string[]; rows: number }[];
  sequences: SequenceState[];
}

const endOfTable = Buffer.from('\\.\n');

// A header's names are echoed by restore's messages (an unknown migration, a table that differs):
// short, and without control characters, so that a damaged or crafted file cannot write to the
// operator's terminal through them.
const name = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => forbiddenCharacter(s, { multiLine: false }) === null);
const headerShape = z.object({
  format: z.literal('repere-dump'),
  version: z.literal(1),
  createdAt: z.string().max(40),
  source: z.enum(['embedded', 'server']),
  migrations: z.array(name),
  tables: z.array(z.object({ name, columns: z.array(name), rows: z.number().int().nonnegative() })),
  sequences: z.array(z.object({ name, value: z.string().regex(/^-?\d{1,20}$/), called: z.boolean() })),
});

export class NotADumpError extends Error {}

/** Writes to `path` + `.partial`, renamed to `path` only once complete. */
export function dumpWriter(path: string) {
  const partial = `${path}.partial`;
  const gzip = createGzip();
  const file = createWriteStream(partial);
  gzip.pipe(file);
  let bytes = 0;
  const write = async (chunk: Uint8Array) => {
    bytes += chunk.byteLength;
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  return {
    header: (header: DumpHeader) => write(Buffer.from(`${JSON.stringify(header)}\n`)),
    async table(data: AsyncIterable<Uint8Array>) {
      let last = 0x0a;
      for await (const chunk of data) {
        if (chunk.byteLength === 0) continue;
        await write(chunk);
        last = chunk[chunk.byteLength - 1] ?? last;
      }
      if (last !== 0x0a) throw new Error('COPY output did not end a line');
      await write(endOfTable);
    },
    /** Finishes the file; returns the uncompressed size. */
    async close(): Promise<number> {
      gzip.end();
      await finished(file);
      renameSync(partial, path);
      return bytes;
    },
    abort() {
      gzip.destroy();
      file.destroy();
      rmSync(partial, { force: true });
    },
  };
}

// The header is one line of names: far below this. A longer first line (or none) is not a dump,
// and is not read to its end.
const maxHeaderBytes = 1024 * 1024;

/**
 * The lines of a stream, without their `\n`; the first one at most `firstMax` bytes. The pieces
 * of a line that spans chunks are joined once, when it ends (joining at each chunk would copy
 * the line again and again).
 */
async function* lines(source: AsyncIterable<Buffer>, firstMax: number): AsyncGenerator<Buffer> {
  const pieces: Buffer[] = [];
  let pending = 0;
  let first = true;
  for await (const chunk of source) {
    let data = chunk;
    let at = data.indexOf(0x0a);
    while (at !== -1) {
      if (first && pending + at > firstMax) throw new Error('first line too long');
      first = false;
      const end = data.subarray(0, at);
      if (pieces.length) {
        pieces.push(end);
        const line = Buffer.concat(pieces, pending + end.length);
        pieces.length = 0;
        pending = 0;
        yield line;
      } else yield end;
      data = data.subarray(at + 1);
      at = data.indexOf(0x0a);
    }
    if (data.length) {
      pieces.push(data);
      pending += data.length;
      if (first && pending > firstMax) throw new Error('first line too long');
    }
  }
  if (pending) yield Buffer.concat(pieces, pending);
}

/** Opens a dump: its header, then each table's rows in the header's order. */
export async function dumpReader(path: string) {
  const gunzip = createReadStream(path).pipe(createGunzip());
  const it = lines(gunzip, maxHeaderBytes)[Symbol.asyncIterator]();
  let header: DumpHeader;
  try {
    const first = await it.next();
    header = JSON.parse(first.done ? '' : first.value.toString('utf8')) as DumpHeader;
  } catch {
    gunzip.destroy();
    throw new NotADumpError(`${path} is not a dump made by \`pnpm repere db dump\`.`);
  }
  if (header?.format !== 'repere-dump' || header.version !== 1) {
    gunzip.destroy();
    throw new NotADumpError(`${path} is not a dump made by \`pnpm repere db dump\` (format version 1).`);
  }
  const shape = headerShape.safeParse(header);
  if (!shape.success) {
    gunzip.destroy();
    throw new NotADumpError(`${path} is not a dump made by \`pnpm repere db dump\`: its header is damaged.`);
  }
  header = shape.data;
  return {
    header,
    /** The next table's COPY text, in chunks of about 256 kB. */
    async *table(name: string): AsyncGenerator<Uint8Array> {
      const batch: Buffer[] = [];
      let size = 0;
      for (;;) {
        const next = await it.next();
        if (next.done) throw new NotADumpError(`The dump ends inside table ${name}: it is incomplete.`);
        if (next.value.length === 2 && next.value[0] === 0x5c && next.value[1] === 0x2e) break;
        batch.push(next.value, newline);
        size += next.value.length + 1;
        if (size >= 256 * 1024) {
          yield Buffer.concat(batch.splice(0));
          size = 0;
        }
      }
      if (batch.length) yield Buffer.concat(batch);
    },
    close: () => gunzip.destroy(),
  };
}

const newline = Buffer.from('\n');
