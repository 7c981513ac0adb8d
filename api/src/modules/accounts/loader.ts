// Accounts looked up by id from nested fields (audit entries), batched per request.
import { batched } from '../../batch.ts';
import type { Context } from '../../context.ts';
import { findUsers, type UserRow } from './store.ts';

const fetchUsers = (ctx: Context, ids: string[]) => findUsers(ctx.db, ids);

export function loadUser(ctx: Context, id: string | null): Promise<UserRow | null> {
  return id ? batched(ctx, fetchUsers)(id) : Promise.resolve(null);
}
