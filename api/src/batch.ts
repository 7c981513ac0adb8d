// Rows looked up by id from nested fields: the ids asked for in one tick are read in one query,
// once per request (a loader per context and kind).
import type { Context } from './context.ts';

type Fetch<R> = (ctx: Context, ids: string[]) => Promise<R[]>;
type Load<R> = (id: string) => Promise<R | null>;

const loaders = new WeakMap<Context, Map<Fetch<unknown>, Load<unknown>>>();

function createLoader<R extends { id: string }>(ctx: Context, fetch: Fetch<R>): Load<R> {
  let batch: { ids: Set<string>; rows: Promise<Map<string, R>> } | null = null;
  return async (id) => {
    if (!batch) {
      const current = { ids: new Set<string>(), rows: Promise.resolve(new Map<string, R>()) };
      current.rows = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        batch = null;
        const rows = await fetch(ctx, [...current.ids]);
        return new Map(rows.map((r) => [r.id, r]));
      });
      batch = current;
    }
    batch.ids.add(id);
    return (await batch.rows).get(id) ?? null;
  };
}

/** The loader of `fetch` for this request; `fetch` is the kind's key, so pass a module-level function. */
export function batched<R extends { id: string }>(ctx: Context, fetch: Fetch<R>): Load<R> {
  let byKind = loaders.get(ctx);
  if (!byKind) {
    byKind = new Map();
    loaders.set(ctx, byKind);
  }
  let load = byKind.get(fetch as Fetch<unknown>) as Load<R> | undefined;
  if (!load) {
    load = createLoader(ctx, fetch);
    byKind.set(fetch as Fetch<unknown>, load as Load<unknown>);
  }
  return load;
}
