// `pnpm repere <command>`: one file per command; this one only dispatches.

import { DataDirBusyError } from '../db/lock.ts';
import { ConfigError } from '../env.ts';
import { apikeyCreate } from './apikey-create.ts';
import { dbMigrate } from './db-migrate.ts';
import { dbSeed } from './db-seed.ts';
import { exportCommand } from './export.ts';
import { mailList } from './mail-list.ts';
import { referralsPurge } from './referrals-purge.ts';
import { UsageError, usage } from './usage.ts';
import { userCreate } from './user-create.ts';

async function run(args: string[]): Promise<void> {
  // `--help` anywhere (also `pnpm repere help`): the usage, and success.
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    console.log(usage);
    return;
  }
  const [group, command, ...rest] = args;
  if (group === 'db' && command === 'migrate') return dbMigrate();
  if (group === 'db' && command === 'seed') return dbSeed(rest);
  if (group === 'user' && command === 'create') return userCreate(rest);
  if (group === 'apikey' && command === 'create') return apikeyCreate(rest);
  if (group === 'referrals' && command === 'purge') return referralsPurge(rest);
  if (group === 'mail' && command === 'list') return mailList(rest);
  if (group === 'export') return exportCommand(args.slice(1));
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
