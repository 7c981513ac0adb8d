// `pnpm repere <command>`: one file per command; this one only dispatches.

import { DataDirBusyError } from '../db/lock.ts';
import { ConfigError } from '../env.ts';
import { dbMigrate } from './db-migrate.ts';
import { dbSeed } from './db-seed.ts';

const usage = `Usage: pnpm repere <command>

  db migrate                 apply migrations and reference data
  db seed --demo             load the demo data (fictional structures, national helplines)
  db seed --synthetic N      load N synthetic structures (benchmarks)

The database is DATABASE_URL when set, else the embedded one in PGLITE_DIR (./.data/pglite).`;

export class UsageError extends Error {}

async function run(args: string[]): Promise<void> {
  const [group, command, ...rest] = args;
  if (group === 'db' && command === 'migrate') return dbMigrate();
  if (group === 'db' && command === 'seed') return dbSeed(rest);
  throw new UsageError(args.length ? `Unknown command: ${args.join(' ')}` : 'No command given.');
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    else if (error instanceof ConfigError || error instanceof DataDirBusyError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
