// Freshness: listings not verified for a year are served with `stale: true` and ranked after
// fresh ones in every order (name, search, nearest), pages included; moderators list those
// not verified for six months.
import { beforeAll, describe, expect, it } from 'vitest';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day);

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await seed(api.db, [
    // The stale ones are nearer to the probe point and first by name.
    fixture({ name: 'A Vieille Antenne', lastVerifiedAt: ago(500), location: { lat: 49.8941, lon: 2.2961 } }),
    fixture({ name: 'B Jamais Vérifiée', location: { lat: 49.8945, lon: 2.2965 } }),
    fixture({ name: 'C Antenne Récente', lastVerifiedAt: ago(10), location: { lat: 49.91, lon: 2.31 } }),
    fixture({ name: 'D Antenne à Revoir', lastVerifiedAt: ago(200), location: { lat: 49.92, lon: 2.32 } }),
  ]);
});

async function pages(query: string, variables: Record<string, unknown> = {}) {
  const names: string[] = [];
  const stale: boolean[] = [];
  let after: string | null = null;
  do {
    const res: any = await api.gql(query, { ...variables, after });
    expect(res.errors).toBeUndefined();
    for (const e of res.data.structures.edges) {
      names.push(e.node.name);
      stale.push(e.node.stale);
    }
    after = res.data.structures.pageInfo.hasNextPage ? res.data.structures.pageInfo.endCursor : null;
  } while (after);
  return { names, stale };
}

const page = (args: string) => `query ($after: String) { structures(first: 1, after: $after${args}) {
  pageInfo { hasNextPage endCursor } edges { node { name stale } } } }`;

describe('freshness', () => {
  it('ranks stale listings after fresh ones by name, one page at a time', async () => {
    const { names, stale } = await pages(page(''));
    expect(names).toEqual(['C Antenne Récente', 'D Antenne à Revoir', 'A Vieille Antenne', 'B Jamais Vérifiée']);
    expect(stale).toEqual([false, false, true, true]);
  });

  it('ranks stale listings after fresh ones nearest-first and in search', async () => {
    const near = await pages(page(', near: { lat: 49.894, lon: 2.296 }'));
    expect(near.names).toEqual(['C Antenne Récente', 'D Antenne à Revoir', 'A Vieille Antenne', 'B Jamais Vérifiée']);
    const search = await pages(page(', filter: { search: "antenne" }'));
    expect(search.stale).toEqual([false, false, true]);
  });

  it('lists what needs verifying (six months, or never)', async () => {
    const res = await api.gql(`{ structures(filter: { needsVerification: true }) { edges { node { name } } } }`);
    expect(res.data.structures.edges.map((e: any) => e.node.name)).toEqual([
      'D Antenne à Revoir',
      'A Vieille Antenne',
      'B Jamais Vérifiée',
    ]);
  });

  it('refuses a cursor from another order', async () => {
    const first = await api.gql(page(''), { after: null });
    const res = await api.gql(page(', near: { lat: 49.894, lon: 2.296 }'), {
      after: first.data.structures.pageInfo.endCursor,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
