// `import data-inclusion --structures FILE --services FILE`: each structure record (with its
// services) queued as a PENDING submission for moderators, as the back office's import does.
// An operator's tool: duplicates are named by listing id, never by their values.
import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { encodeId } from '../ids.ts';
import { ImportFileError, importDataInclusion, parseFile } from '../modules/imports/data-inclusion.ts';
import { parseFlags } from './args.ts';
import { withDb } from './open.ts';
import { UsageError } from './usage.ts';

function read(path: string, file: 'structures' | 'services'): unknown[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImportFileError(
      file,
      `${file}: cannot read ${path} (${(error as NodeJS.ErrnoException).code}).`,
      'importUnreadable',
    );
  }
  return parseFile(text, file);
}

export async function importCommand(args: string[]): Promise<void> {
  const [format, ...rest] = args;
  const flags = format === 'data-inclusion' ? parseFlags(rest, ['structures', 'services']) : {};
  if (!flags.structures || !flags.services) {
    throw new UsageError('import takes data-inclusion --structures FILE --services FILE.');
  }
  const files = { structures: read(flags.structures, 'structures'), services: read(flags.services, 'services') };
  const report = await withDb(async (db) => {
    const bar = new SingleBar({
      format: 'Import [{bar}] {value}/{total} structures',
      noTTYOutput: true,
      notTTYSchedule: 5000,
      stream: process.stderr,
    });
    bar.start(files.structures.length, 0);
    try {
      return await importDataInclusion(db, files, null, (done) => bar.update(done));
    } finally {
      bar.stop();
    }
  });
  for (const p of report.problems) console.log(`${p.file}[${p.index}] ${p.field}: ${p.message}`);
  for (const r of report.records) {
    if (r.duplicateOf && r.outcome !== 'INVALID') {
      console.log(
        `structures[${r.index}] ${r.outcome.toLowerCase()}: duplicate of ${encodeId('Structure', r.duplicateOf)}`,
      );
    }
  }
  console.log(
    `${report.created} new listings and ${report.corrections} corrections queued for moderation; ` +
      `${report.unchanged} unchanged; ${report.invalid} invalid (skipped).`,
  );
}
