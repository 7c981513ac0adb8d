// `export --format data-inclusion|geojson|csv --out DIR`: the public directory as files, exactly
// what GET /exports/… serves (what an anonymous caller may see), written as it is read.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getHeapStatistics } from 'node:v8';
import { SingleBar } from 'cli-progress';
import { diServices, diStructures } from '../modules/exports/data-inclusion.ts';
import { csv, geojson, publicStructures, publicVersion } from '../modules/exports/public.ts';
import type { StructureRow } from '../modules/structures/store.ts';
import { withDb } from './open.ts';
import { UsageError } from './usage.ts';

const formats = {
  'data-inclusion': [
    ['data-inclusion-structures.json', diStructures],
    ['data-inclusion-services.json', diServices],
  ],
  geojson: [['structures.geojson', geojson]],
  csv: [['structures.csv', csv]],
} as const;

type Format = keyof typeof formats;

function parse(args: string[]): { format: Format; out: string } {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const format = value('--format');
  const out = value('--out');
  if (!format || !(format in formats) || !out || args.length !== 4) {
    throw new UsageError('export takes --format data-inclusion|geojson|csv --out DIR.');
  }
  return { format: format as Format, out: resolve(out) };
}

// The export holds one page of rows at a time, but V8 lets garbage pile up to hundreds of MB
// before a full collection (peak RSS 325 MB at 100,000 structures); with a small old space it
// collects sooner, at the same speed (205 MB, measured).
const heapMb = 128;

/** Runs this same command again in a node with a small heap; resolves to its exit code. */
function rerunWithSmallHeap(): Promise<number> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${heapMb}`, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGTERM', forward);
  process.on('SIGINT', forward);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

export async function exportCommand(args: string[]): Promise<void> {
  const { format, out } = parse(args);
  if (getHeapStatistics().heap_size_limit > 2 * heapMb * 1024 * 1024) {
    const code = await rerunWithSmallHeap();
    if (code !== 0) process.exit(code);
    return;
  }
  mkdirSync(out, { recursive: true });
  await withDb(async (db) => {
    const total = (await publicVersion(db)).count;
    for (const [file, build] of formats[format]) {
      const bar = new SingleBar({
        format: `${file} [{bar}] {value}/{total} structures`,
        noTTYOutput: true,
        notTTYSchedule: 5000,
        stream: process.stderr,
      });
      bar.start(total, 0);
      let done = 0;
      // Counts rows as they go by, for the bar.
      async function* counted(): AsyncGenerator<StructureRow> {
        for await (const row of publicStructures(db)) {
          done++;
          if (done % 100 === 0) bar.update(done);
          yield row;
        }
      }
      await pipeline(Readable.from(build(counted())), createWriteStream(join(out, file)));
      bar.update(done);
      bar.stop();
      console.log(`${join(out, file)}: ${done} structures.`);
    }
  });
}
