// The public directory through GraphQL over HTTP: filters, search, openNow, distances, paging.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { upsertHelplines } from '../../api/src/modules/helplines/store.ts';
import { type GqlResult, resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let ids: string[];

const amiens = { lat: 49.894, lon: 2.296 };

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  ids = await seed(api.db, [
    fixture({
      name: 'Maison Écoute Amiens',
      description: "Hébergement d'urgence et écoute pour les jeunes.",
      location: amiens,
    }),
    fixture({ name: 'Foyer du Nord', kind: 'SHELTER', services: ['SHELTER'], location: { lat: 49.9, lon: 2.31 } }),
    fixture({
      name: 'Centre Santé Confluence',
      kind: 'HEALTH',
      services: ['HEALTH'],
      address: { street: '3 quai des Essais', postalCode: '69001', city: 'Lyon' },
      departmentCode: '69',
      location: { lat: 45.764, lon: 4.835 },
    }),
    fixture({
      name: 'Accueil Beauvaisis',
      address: { street: '5 place des Essais', postalCode: '60000', city: 'Beauvais' },
      departmentCode: '60',
      location: { lat: 49.43, lon: 2.08 },
      notices: [{ kind: 'CLOSURE', startsOn: '2020-01-01', message: 'Fermé pour travaux (essai).' }],
    }),
    fixture({ name: 'Permanence Picarde', openingHours: 'off', location: { lat: 49.95, lon: 2.4 } }),
    fixture({ name: 'Brouillon Amiénois', status: 'DRAFT' }),
    fixture({ name: 'Ancienne antenne', status: 'CLOSED' }),
  ]);
  await upsertHelplines(api.db, [
    {
      slug: 'essai-jour',
      number: '0 800 000 001',
      name: 'Ligne de jour (essai)',
      free: true,
      channels: ['PHONE'],
      openingHours: '24/7',
    },
    {
      slug: 'essai-ferme',
      number: '0 800 000 002',
      name: 'Ligne fermée (essai)',
      free: false,
      channels: ['CHAT'],
      openingHours: 'off',
    },
  ]);
});

const list = `query ($first: Int, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
  structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceKm node { id name city departmentCode notices { kind message } } }
  }
}`;

async function names(variables: Record<string, unknown>): Promise<string[]> {
  const res = await api.gql(list, variables);
  expect(res.errors).toBeUndefined();
  const conn = res.data.structures;
  expect(conn.totalCount).toBe(conn.edges.length);
  return conn.edges.map((e: { node: { name: string } }) => e.node.name);
}

describe('structures', () => {
  it('lists ONLINE structures by name, never drafts or closed ones', async () => {
    expect(await names({})).toEqual([
      'Accueil Beauvaisis',
      'Centre Santé Confluence',
      'Foyer du Nord',
      'Maison Écoute Amiens',
      'Permanence Picarde',
    ]);
  });

  it('filters by department, region, postal code, kinds and services', async () => {
    expect(await names({ filter: { departmentCode: '80' } })).toEqual([
      'Foyer du Nord',
      'Maison Écoute Amiens',
      'Permanence Picarde',
    ]);
    expect(await names({ filter: { regionCode: '84' } })).toEqual(['Centre Santé Confluence']);
    expect(await names({ filter: { postalCode: '60000' } })).toEqual(['Accueil Beauvaisis']);
    expect(await names({ filter: { kinds: ['SHELTER'] } })).toEqual(['Foyer du Nord']);
    expect(await names({ filter: { services: ['HEALTH', 'SHELTER'] } })).toEqual([
      'Centre Santé Confluence',
      'Foyer du Nord',
    ]);
    expect(await names({ filter: { departmentCode: '80', kinds: ['HEALTH'] } })).toEqual([]);
  });

  it('searches in French, without accents, on names, cities and descriptions', async () => {
    expect(await names({ filter: { search: 'hebergement' } })).toEqual(['Maison Écoute Amiens']);
    expect(await names({ filter: { search: 'ÉCOUTE' } })).toEqual(['Maison Écoute Amiens']);
    expect(await names({ filter: { search: 'lyon' } })).toEqual(['Centre Santé Confluence']);
    expect(await names({ filter: { search: 'sante confluence' } })).toEqual(['Centre Santé Confluence']);
  });

  it('openNow follows the hours and active closure notices', async () => {
    const open = await names({ filter: { openNow: true } });
    expect(open).toEqual(['Centre Santé Confluence', 'Foyer du Nord', 'Maison Écoute Amiens']);
    const res = await api.gql(list, { filter: { postalCode: '60000' } });
    expect(res.data.structures.edges[0].node.notices).toEqual([
      { kind: 'CLOSURE', message: 'Fermé pour travaux (essai).' },
    ]);
  });

  it('sorts nearest-first with distances in km, and honours radiusKm', async () => {
    const res = await api.gql(list, { near: amiens });
    const edges = res.data.structures.edges;
    expect(edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Maison Écoute Amiens',
      'Foyer du Nord',
      'Permanence Picarde',
      'Accueil Beauvaisis',
      'Centre Santé Confluence',
    ]);
    expect(edges[0].distanceKm).toBe(0);
    expect(edges[1].distanceKm).toBeCloseTo(1.2, 1);
    expect(edges[4].distanceKm).toBeGreaterThan(450);
    expect(edges[4].distanceKm).toBeLessThan(550);
    expect(await names({ near: amiens, radiusKm: 10 })).toEqual([
      'Maison Écoute Amiens',
      'Foyer du Nord',
      'Permanence Picarde',
    ]);
  });

  it('pages with stable cursors in every ordering, each row once', async () => {
    for (const variables of [{}, { near: amiens }, { filter: { search: 'essais' } }, { filter: { openNow: true } }]) {
      const all = await names(variables);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const res: GqlResult<any> = await api.gql(list, { ...variables, first: 2, after });
        expect(res.errors).toBeUndefined();
        const conn: any = res.data.structures;
        expect(conn.totalCount).toBe(all.length);
        seen.push(...conn.edges.map((e: { node: { name: string } }) => e.node.name));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
  });

  it('refuses a cursor from another ordering', async () => {
    const first = await api.gql(list, { first: 1, near: amiens });
    const res = await api.gql(list, { first: 1, after: first.data.structures.pageInfo.endCursor });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/cursor/);
  });

  it('finds a structure by id through structure and node; drafts are unknown', async () => {
    const query = `query ($id: ID!) { structure(id: $id) { id name } node(id: $id) { __typename id ... on Structure { name } } }`;
    const res = await api.gql(query, { id: ids[0] });
    expect(res.data.structure).toEqual({ id: ids[0], name: 'Maison Écoute Amiens' });
    expect(res.data.node).toEqual({ __typename: 'Structure', id: ids[0], name: 'Maison Écoute Amiens' });
    const draft = await api.gql(query, { id: ids[5] });
    expect(draft).toEqual({ data: { structure: null, node: null } });
  });
});

describe('helplines and departments', () => {
  it('lists helplines with openNow', async () => {
    const res = await api.gql('{ helplines { id number free channels openNow hours } }');
    expect(res.data.helplines).toEqual([
      { id: 'essai-jour', number: '0 800 000 001', free: true, channels: ['PHONE'], openNow: true, hours: '24/7' },
      { id: 'essai-ferme', number: '0 800 000 002', free: false, channels: ['CHAT'], openNow: false, hours: 'off' },
    ]);
  });

  it('lists every department, overseas included, with coverage counts', async () => {
    const res = await api.gql('{ departments { code name regionCode zone structureCount } }');
    const departments = res.data.departments as { code: string; structureCount: number; zone: string }[];
    expect(departments.length).toBeGreaterThanOrEqual(101);
    const count = (code: string) => departments.find((d) => d.code === code)?.structureCount;
    expect([count('80'), count('69'), count('60'), count('02')]).toEqual([3, 1, 1, 0]);
    expect(departments.find((d) => d.code === '974')?.zone).toBe('drom');
    expect(departments.reduce((sum, d) => sum + d.structureCount, 0)).toBe(5);
  });
});

describe('ties in distance (structures in one grid cell)', () => {
  it('pages nearest-first through tied distances, each row exactly once', async () => {
    const cell = { lat: 44.8412, lon: -0.5801 };
    const group = 'ABCDEFGHIJKL'.split('').map((letter) => `Cellule ${letter}`);
    // A page of one reads the KNN scan's first seven rows (the page, the row past it, five more).
    // The group is seeded until its smallest id is not among them, so that only the tie scan
    // (the rest of the edge's group) can put that row first: without it, this test fails.
    const knnFirst = sql`SELECT id FROM structures WHERE department_code = '33'
      ORDER BY location_public <-> ST_SetSRID(ST_MakePoint(${cell.lon}, ${cell.lat}), 4326)::geography LIMIT 7`;
    for (let attempt = 0; ; attempt++) {
      await seed(
        api.db,
        group.map((name, i) =>
          fixture({
            name,
            visibility: 'RESTRICTED',
            address: { street: '2 cours des Essais', postalCode: '33000', city: 'Bordeaux' },
            departmentCode: '33',
            location: { lat: cell.lat + i * 0.0005, lon: cell.lon + i * 0.0005 },
          }),
        ),
      );
      const first = (await api.db.rows<{ id: string }>(knnFirst)).map((r) => r.id);
      const [smallest] = await api.db.rows<{ id: string }>(
        sql`SELECT min(id::text) AS id FROM structures WHERE department_code = '33'`,
      );
      if (smallest && !first.includes(smallest.id)) break;
      // Each attempt misses it with probability 5/12.
      expect(attempt).toBeLessThan(60);
      await api.db.rows(sql`DELETE FROM structures WHERE department_code = '33'`);
    }
    const all = await names({ near: cell, filter: { departmentCode: '33' } });
    expect(all).toHaveLength(12);
    const seen: string[] = [];
    let after: string | null = null;
    const distances = new Set<number>();
    for (let page = 0; page < 14; page++) {
      const res: GqlResult<any> = await api.gql(list, {
        near: cell,
        filter: { departmentCode: '33' },
        first: 1,
        after,
      });
      const conn: any = res.data.structures;
      seen.push(conn.edges[0].node.name);
      distances.add(conn.edges[0].distanceKm);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(distances.size).toBe(1); // one snapped point for the twelve
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(12);
  });
});
