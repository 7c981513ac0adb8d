// `apikey create`: a partner app's key, printed once (only its hash is stored).
import { apiKeyName } from '@repere/shared/accounts';
import { createApiKey } from '../modules/api-keys/create.ts';
import { parseFlags } from './args.ts';
import { withDb } from './open.ts';
import { UsageError } from './usage.ts';

export async function apikeyCreate(args: string[]): Promise<void> {
  const flags = parseFlags(args, ['name']);
  const name = apiKeyName.safeParse(flags.name ?? '');
  if (!name.success) throw new UsageError('--name needs a name (1 to 100 characters).');
  await withDb(async (db) => {
    const { key } = await createApiKey({ db }, name.data, null);
    console.error(`API key "${name.data}" created. Keep it now: it is not shown again.`);
    console.log(key);
  });
}
