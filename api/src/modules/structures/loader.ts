// Structures looked up by id from nested fields (audit entries, referrals, accounts,
// submissions): batched per request, in the viewer's view.
import { batched } from '../../batch.ts';
import type { Context } from '../../context.ts';
import { findStructures, type StructureRow } from './store.ts';

const fetchStructures = (ctx: Context, ids: string[]) => findStructures(ctx.db, ctx.view, ids, new Date());

/** The structures of `ids` the viewer may see, in order; hidden and unknown ones are left out. */
export async function loadStructures(ctx: Context, ids: string[]): Promise<StructureRow[]> {
  const load = batched(ctx, fetchStructures);
  return (await Promise.all(ids.map(load))).filter((s): s is StructureRow => s !== null);
}

export async function loadStructure(ctx: Context, id: string | null): Promise<StructureRow | null> {
  return id ? batched(ctx, fetchStructures)(id) : null;
}
