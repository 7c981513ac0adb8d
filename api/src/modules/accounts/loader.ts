// Accounts looked up by id from nested fields (audit entries): the ids asked for in one tick
// are read in one query.
import type { Context } from '../../context.ts';
import { findUsers, type UserRow } from './store.ts';

type Load = (id: string) => Promise<UserRow | null>;

const loaders = new WeakMap<Context, Load>();

function createLoader(ctx: Context): Load {
  let batch: { ids: Set<string>; rows: Promise<Map<string, UserRow>> } | null = null;
  return async (id) => {
    if (!batch) {
      const current = { ids: new Set<string>(), rows: Promise.resolve(new Map<string, UserRow>()) };
      current.rows = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        batch = null;
        const rows = await findUsers(ctx.db, [...current.ids]);
        return new Map(rows.map((r) => [r.id, r]));
      });
      batch = current;
    }
    batch.ids.add(id);
    return (await batch.rows).get(id) ?? null;
  };
}

export function loadUser(ctx: Context, id: string | null): Promise<UserRow | null> {
  if (!id) return Promise.resolve(null);
  let load = loaders.get(ctx);
  if (!load) {
    load = createLoader(ctx);
    loaders.set(ctx, load);
  }
  return load(id);
}
