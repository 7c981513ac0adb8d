// Creating a key: by an admin through GraphQL, or by the CLI (no actor).
import type { Db } from '../../db/client.ts';
import { digest, newSecret } from '../accounts/secrets.ts';
import { writeAudit } from '../audit/store.ts';
import { type ApiKeyRow, insertApiKey } from './store.ts';

export async function createApiKey(
  ctx: { db: Db },
  name: string,
  actorId: string | null,
): Promise<{ key: string; apiKey: ApiKeyRow }> {
  const key = newSecret('rk_');
  const apiKey = await insertApiKey(ctx.db, {
    name,
    keyHash: digest(key),
    prefix: key.slice(0, 10),
    createdBy: actorId,
  });
  await writeAudit(ctx.db, [{ action: 'API_KEY_CREATED', actorId, apiKeyId: apiKey.id }]);
  return { key, apiKey };
}
