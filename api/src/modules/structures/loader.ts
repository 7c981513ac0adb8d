// Structures looked up by id from nested fields (audit entries, referrals, accounts,
// submissions): the ids asked for in one tick are read in one query, in the viewer's view.
import type { Context } from '../../context.ts';
import { findStructures, type StructureRow } from './store.ts';
import { viewFor } from './visibility.ts';

type Load = (ids: string[]) => Promise<StructureRow[]>;

const loaders = new WeakMap<Context, Load>();

function createLoader(ctx: Context): Load {
  let batch: { ids: Set<string>; rows: Promise<Map<string, StructureRow>> } | null = null;
  return async (ids) => {
    if (!batch) {
      const current = { ids: new Set<string>(), rows: Promise.resolve(new Map<string, StructureRow>()) };
      current.rows = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        batch = null;
        const rows = await findStructures(ctx.db, viewFor(ctx.viewer), [...current.ids], new Date());
        return new Map(rows.map((r) => [r.id, r]));
      });
      batch = current;
    }
    for (const id of ids) batch.ids.add(id);
    const found = await batch.rows;
    return ids.flatMap((id) => found.get(id) ?? []);
  };
}

/** The structures of `ids` the viewer may see, in order; hidden and unknown ones are left out. */
export function loadStructures(ctx: Context, ids: string[]): Promise<StructureRow[]> {
  let load = loaders.get(ctx);
  if (!load) {
    load = createLoader(ctx);
    loaders.set(ctx, load);
  }
  return ids.length ? load(ids) : Promise.resolve([]);
}

export async function loadStructure(ctx: Context, id: string | null): Promise<StructureRow | null> {
  return id ? ((await loadStructures(ctx, [id]))[0] ?? null) : null;
}
