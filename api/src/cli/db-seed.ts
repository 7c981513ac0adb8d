import { SingleBar } from 'cli-progress';
import { openDb } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemo, seedSynthetic } from '../db/seed.ts';
import { parseEnv } from '../env.ts';
import { UsageError } from './usage.ts';

/** `db seed --demo` | `db seed --synthetic N`: migrates first, then loads. */
export async function dbSeed(args: string[]): Promise<void> {
  const demo = args[0] === '--demo' && args.length === 1;
  const count = args[0] === '--synthetic' && args.length === 2 ? Number(args[1]) : Number.NaN;
  if (!demo && !(Number.isInteger(count) && count > 0 && count <= 1_000_000)) {
    throw new UsageError('db seed takes --demo or --synthetic N (1 to 1,000,000).');
  }
  const env = parseEnv();
  const db = await openDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await migrate(db);
    const started = Date.now();
    if (demo) {
      const seeded = await seedDemo(db);
      console.log(
        seeded.structures
          ? `Demo data loaded: ${seeded.structures} structures, ${seeded.helplines} helplines.`
          : `Helplines updated (${seeded.helplines}); structures already present, demo structures not loaded again.`,
      );
      return;
    }
    const bar = new SingleBar({
      format: 'Synthetic structures [{bar}] {value}/{total} {percentage}% ETA {eta}s',
      // Without a terminal (CI, logs), print a line every 5 s instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    });
    bar.start(count, 0);
    await seedSynthetic(db, count, (done) => bar.update(done));
    bar.stop();
    console.log(`${count} synthetic structures loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
}
