// The leak suite for the viewers without an account (anonymous, partner app): each test is
// one oracle of DESIGN.md. A RESTRICTED structure's street and exact point, and anything
// about a CONFIDENTIAL structure, must not come out through any path.
import { beforeAll, describe, expect, it } from 'vitest';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let publicId: string;
let restrictedId: string;
let confidentialId: string;

// True points, chosen off the grid's cell centres.
const restrictedPoint = { lat: 49.8812, lon: 2.2718 };
const confidentialPoint = { lat: 49.9123, lon: 2.3377 };
const secrets = {
  restrictedStreet: '17 impasse Sentinelle-Rouge',
  confidentialName: 'Refuge Nébuleuse',
  confidentialStreet: '4 allée Sentinelle-Noire',
  confidentialContact: 'veilleur.nebuleuse@example.org',
};

const viewers: [string, Record<string, string>][] = [
  ['anonymous', {}],
  ['partner app (API key)', { 'x-api-key': 'rk_test_unknown_key' }],
];

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  [publicId, restrictedId, confidentialId] = (await seed(api.db, [
    fixture({ name: 'Point Accueil Lumière', location: { lat: 49.894, lon: 2.296 } }),
    fixture({
      name: 'Maison Discrète',
      kind: 'SHELTER',
      visibility: 'RESTRICTED',
      services: ['SHELTER'],
      address: { street: secrets.restrictedStreet, postalCode: '80000', city: 'Amiens' },
      location: restrictedPoint,
      professionalContact: { email: 'pro.discrete@example.org' },
    }),
    fixture({
      name: secrets.confidentialName,
      kind: 'RESPITE',
      visibility: 'CONFIDENTIAL',
      services: ['RESPITE'],
      description: 'Structure de répit nébuleuse (essai).',
      address: { street: secrets.confidentialStreet, postalCode: '80000', city: 'Amiens' },
      location: confidentialPoint,
      professionalContact: { email: secrets.confidentialContact },
      internalNotes: 'Note interne sentinelle.',
    }),
  ])) as [string, string, string];
});

const full = `id name visibility city departmentCode services location { lat lon precision }
  address { street postalCode city } phone email website openingHours notices { message }
  professionalContact { name phone email } intakeCriteria internalNotes`;

describe.each(viewers)('leaks: %s', (_name, headers) => {
  const gql = (query: string, variables?: Record<string, unknown>) => api.gql(query, variables, headers);

  it('existence: a hidden id answers exactly like an unknown id (structure, node)', async () => {
    const query = `query ($id: ID!) { structure(id: $id) { id name } node(id: $id) { id } }`;
    const unknown = Buffer.from('Structure:00000000-0000-4000-8000-000000000000').toString('base64');
    const hidden = await gql(query, { id: confidentialId });
    expect(hidden).toEqual(await gql(query, { id: unknown }));
    expect(hidden).toEqual({ data: { structure: null, node: null } });
  });

  it('listing, search and counts never include a CONFIDENTIAL structure', async () => {
    const query = `query ($filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
      structures(filter: $filter, near: $near, radiusKm: $radiusKm, first: 100) { totalCount edges { node { id name } } } }`;
    for (const variables of [
      {},
      { filter: { search: 'Nébuleuse' } },
      { filter: { search: 'refuge nebuleuse' } },
      { filter: { search: 'Sentinelle' } },
      { filter: { kinds: ['RESPITE'] } },
      { filter: { services: ['RESPITE'] } },
      { filter: { departmentCode: '80' } },
      { near: confidentialPoint, radiusKm: 0.5 },
      { near: confidentialPoint },
    ]) {
      const res = await gql(query, variables);
      expect(res.errors).toBeUndefined();
      const found = res.data.structures.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(found).not.toContain(confidentialId);
      expect(res.data.structures.totalCount).toBe(found.length);
    }
    const departments = await gql('{ departments { code structureCount } }');
    const somme = departments.data.departments.find((d: { code: string }) => d.code === '80');
    expect(somme.structureCount).toBe(2);
  });

  it('RESTRICTED: no street, an approximate location on a ≥ 5 km grid', async () => {
    const res = await gql(`query ($id: ID!) { structure(id: $id) { ${full} } }`, { id: restrictedId });
    const s = res.data.structure;
    expect(s.address).toBeNull();
    expect([s.professionalContact, s.intakeCriteria, s.internalNotes]).toEqual([null, null, null]);
    expect(s.location.precision).toBe('APPROXIMATE');
    const offset = haversineKm(s.location, restrictedPoint);
    expect(offset).toBeGreaterThan(0.2);
    expect(offset).toBeLessThan(5);
    // A point one cell away snaps to a centre at least 5 km off: cells are ≥ 5 km.
    const [neighbour] = await seed(api.db, [
      fixture({
        name: 'Voisin de grille',
        visibility: 'RESTRICTED',
        location: { lat: restrictedPoint.lat + 0.05, lon: restrictedPoint.lon },
      }),
    ]);
    const n = await gql(`query ($id: ID!) { structure(id: $id) { location { lat lon } } }`, { id: neighbour });
    expect(haversineKm(n.data.structure.location, s.location)).toBeGreaterThanOrEqual(5);
    await api.db.exec(`DELETE FROM structures WHERE name = 'Voisin de grille'`);
  });

  it('trilateration: distances and order from 200+ probes match the snapped point only', async () => {
    const snapped = (
      await gql(`query ($id: ID!) { structure(id: $id) { location { lat lon } } }`, { id: restrictedId })
    ).data.structure.location;
    const query = `query ($near: GeoPointInput!) { structures(near: $near, first: 10) { edges { distanceKm node { id } } } }`;
    let probes = 0;
    let matchesTruePoint = 0;
    for (let i = 0; i < 15; i++) {
      for (let j = 0; j < 15; j++) {
        const near = { lat: restrictedPoint.lat - 0.07 + i * 0.01, lon: restrictedPoint.lon - 0.1 + j * 0.0143 };
        const res = await gql(query, { near });
        const edges = res.data.structures.edges as { distanceKm: number; node: { id: string } }[];
        const edge = edges.find((e) => e.node.id === restrictedId);
        expect(edge).toBeDefined();
        // Same as the distance to the snapped point (0.5% for sphere vs haversine radius).
        expect(Math.abs((edge?.distanceKm ?? 0) - haversineKm(near, snapped))).toBeLessThan(
          0.005 * haversineKm(near, snapped) + 0.002,
        );
        if (Math.abs((edge?.distanceKm ?? 0) - haversineKm(near, restrictedPoint)) < 0.02) matchesTruePoint++;
        const distances = edges.map((e) => e.distanceKm);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        expect(edges.map((e) => e.node.id)).not.toContain(confidentialId);
        probes++;
      }
    }
    expect(probes).toBeGreaterThanOrEqual(200);
    // Were the distances measured to the true point, nearly every probe would match it.
    expect(matchesTruePoint).toBeLessThan(probes * 0.1);
  });

  it('filters: a tiny radius around the true point, or its street, does not match', async () => {
    const query = `query ($filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
      structures(filter: $filter, near: $near, radiusKm: $radiusKm) { totalCount edges { node { id } } } }`;
    const tiny = await gql(query, { near: restrictedPoint, radiusKm: 0.3 });
    expect(tiny.data.structures.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(restrictedId);
    expect(tiny.data.structures.totalCount).toBe(tiny.data.structures.edges.length);
    for (const search of ['Sentinelle-Rouge', 'impasse sentinelle', '17 impasse']) {
      const street = await gql(query, { filter: { search } });
      expect(street.data.structures.totalCount).toBe(0);
    }
  });

  it('no hidden value in any response, error or log line', async () => {
    const bodies = [
      await gql(`{ structures(first: 100) { edges { node { ${full} } } } }`),
      await gql(`query ($id: ID!) { structure(id: $id) { ${full} } }`, { id: restrictedId }),
      await gql(`query ($id: ID!) { structure(id: $id) { ${full} } }`, { id: confidentialId }),
      await gql(`query ($id: ID!) { structure(id: $id) { nope } }`, { id: confidentialId }),
      await gql(`{ structures(filter: { search: "Sentinelle" }, near: { lat: 200, lon: 0 }) { totalCount } }`),
    ];
    const text = JSON.stringify(bodies) + api.logs.join('\n');
    for (const secret of [
      ...Object.values(secrets),
      String(restrictedPoint.lat),
      String(restrictedPoint.lon),
      String(confidentialPoint.lat),
      'Note interne',
      'pro.discrete@example.org',
      confidentialId,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('Point Accueil Lumière');
    expect(publicId).toBeTruthy();
  });

  it('caching: anonymous GETs are public, anything with credentials is private', async () => {
    const url = `${api.url}/graphql?query=${encodeURIComponent('{ structures(first: 1) { totalCount } }')}`;
    const get = await fetch(url, { headers });
    expect(get.status).toBe(200);
    const expected = Object.keys(headers).length ? 'private, no-store' : 'public, max-age=60';
    expect(get.headers.get('cache-control')).toBe(expected);
    const post = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ structures(first: 1) { totalCount } }' }),
    });
    expect(post.headers.get('cache-control')).toBe('private, no-store');
    const bearer = await fetch(url, { headers: { authorization: 'Bearer whatever' } });
    expect(bearer.headers.get('cache-control')).toBe('private, no-store');
  });
});
