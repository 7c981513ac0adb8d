// Relay connections behind react-admin's page numbers, for the resources other than
// structures: the cursor of each page reached is kept; rows seen are kept for show pages
// (these resources have no fetch-by-id query).
import { HttpError } from 'react-admin';

export interface Connection<N> {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: N }[];
}

type Fetch<N> = (first: number, after: string | null) => Promise<Connection<N>>;

export function pagedResource<N extends { id: string }>() {
  const cursors = new Map<string, Map<number, string | null>>();
  const seen = new Map<string, N>();
  const keep = (nodes: N[]) => {
    for (const n of nodes) seen.set(n.id, n);
    return nodes;
  };

  /** One page of the connection for this filter (`key`), reaching its cursor first if needed. */
  async function page(key: string, fetch: Fetch<N>, perPage: number, pageNo: number) {
    const known = cursors.get(`${key}:${perPage}`) ?? new Map([[1, null]]);
    cursors.set(`${key}:${perPage}`, known);
    let reached = Math.max(...[...known.keys()].filter((p) => p <= pageNo));
    while (reached < pageNo) {
      const steps = Math.min(pageNo - reached, Math.max(1, Math.floor(100 / perPage)));
      const skipped = await fetch(steps * perPage, known.get(reached) ?? null);
      if (!skipped.pageInfo.hasNextPage)
        return { data: [], total: skipped.totalCount, pageInfo: { hasNextPage: false } };
      reached += steps;
      known.set(reached, skipped.pageInfo.endCursor);
    }
    const conn = await fetch(perPage, known.get(pageNo) ?? null);
    if (conn.pageInfo.hasNextPage) known.set(pageNo + 1, conn.pageInfo.endCursor);
    const data = keep(conn.edges.map((e) => e.node));
    return conn.totalCount === undefined
      ? { data, pageInfo: { hasNextPage: conn.pageInfo.hasNextPage, hasPreviousPage: pageNo > 1 } }
      : { data, total: conn.totalCount };
  }

  /** A row by id: as last seen, else looked for through the whole connection (up to 2,000 rows). */
  async function one(id: string, fetch: Fetch<N>, fresh = false): Promise<N> {
    const known = fresh ? undefined : seen.get(id);
    if (known) return known;
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const conn: Connection<N> = await fetch(100, after);
      const found = keep(conn.edges.map((e) => e.node)).find((n) => n.id === id);
      if (found) return found;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    throw new HttpError('ra.notification.item_doesnt_exist', 404);
  }

  return {
    page,
    one,
    remember: (n: N) => {
      seen.set(n.id, n);
      return n;
    },
    forget: () => {
      cursors.clear();
      seen.clear();
    },
  };
}
