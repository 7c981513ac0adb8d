// `pnpm repere <command>`: one file per command, loaded only when asked for (the API's module
// graph is large: `--help` or `mail list` need none of it); this one only dispatches.

import { DataDirBusyError } from '../db/lock.ts';
import { ConfigError } from '../env.ts';
import { UsageError, usage } from './usage.ts';

async function run(args: string[]): Promise<void> {
  // `--help` anywhere (also `pnpm repere help`): the usage, and success.
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    console.log(usage);
    return;
  }
  const [group, command, ...rest] = args;
  if (group === 'db' && command === 'migrate') return (await import('./db-migrate.ts')).dbMigrate();
  if (group === 'db' && command === 'dump') return (await import('./db-backup.ts')).dbDump(rest);
  if (group === 'db' && command === 'restore') return (await import('./db-backup.ts')).dbRestore(rest);
  if (group === 'db' && command === 'image') return (await import('./db-image.ts')).dbImage();
  if (group === 'db' && command === 'seed') return (await import('./db-seed.ts')).dbSeed(rest);
  if (group === 'user' && command === 'create') return (await import('./user-create.ts')).userCreate(rest);
  if (group === 'apikey' && command === 'create') return (await import('./apikey-create.ts')).apikeyCreate(rest);
  if (group === 'referrals' && command === 'purge') return (await import('./referrals-purge.ts')).referralsPurge(rest);
  if (group === 'mail' && command === 'list') return (await import('./mail-list.ts')).mailList(rest);
  if (group === 'import') return (await import('./import.ts')).importCommand(args.slice(1));
  if (group === 'export') return (await import('./export.ts')).exportCommand(args.slice(1));
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
