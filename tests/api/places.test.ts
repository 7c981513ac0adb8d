// "Near a place": communes by postal code or name with a centre to search from, offline.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../leaks/cast.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await seed(api.db, [
    fixture({ name: 'Accueil Amiens' }),
    fixture({
      name: 'Accueil Abbeville',
      address: { street: '2 rue des Essais', postalCode: '80100', city: 'Abbeville' },
      location: { lat: 50.1054, lon: 1.8332 },
    }),
  ]);
});

const placesQuery = `query ($search: String!, $first: Int) {
  places(search: $search, first: $first) {
    inseeCode name postalCodes departmentCode departmentName centre { lat lon } centreSource } }`;

interface Place {
  inseeCode: string;
  name: string;
  postalCodes: string[];
  departmentCode: string;
  departmentName: string;
  centre: { lat: number; lon: number } | null;
  centreSource: string | null;
}

async function places(search: string, first?: number): Promise<Place[]> {
  const res = await api.gql<{ places: Place[] }>(placesQuery, { search, first });
  expect(res.errors).toBeUndefined();
  return res.data!.places;
}

describe('places', () => {
  it('finds a commune by postal code, by name without accents, and by both', async () => {
    const [amiens] = await places('80000');
    expect(amiens).toMatchObject({ inseeCode: '80021', name: 'Amiens', departmentCode: '80', departmentName: 'Somme' });
    expect(amiens!.postalCodes).toEqual(expect.arrayContaining(['80000', '80080', '80090']));
    expect(amiens!.centreSource).toBe('COMMUNE');
    expect(haversineKm(amiens!.centre!, { lat: 49.8942, lon: 2.2957 })).toBeLessThan(3);

    const [stEtienne] = await places('saint etienne');
    expect(stEtienne).toMatchObject({ inseeCode: '42218', name: 'Saint-Étienne' });
    expect(haversineKm(stEtienne!.centre!, { lat: 45.4397, lon: 4.3872 })).toBeLessThan(3);

    const [marseille] = await places('Marseille 13001');
    expect(marseille).toMatchObject({ inseeCode: '13055', departmentCode: '13' });

    // Overseas: GeoNames files Réunion as a country of its own.
    const [saintDenis] = await places('97400');
    expect(saintDenis).toMatchObject({ inseeCode: '97411', departmentCode: '974' });
    expect(haversineKm(saintDenis!.centre!, { lat: -20.8789, lon: 55.4481 })).toBeLessThan(3);
  });

  it('lists the most populous first, and a word inside a name too', async () => {
    const found = await places('Abbeville', 5);
    expect(found[0]).toMatchObject({ name: 'Abbeville', departmentCode: '80' });
    const inside = await places('denis', 10);
    expect(inside.map((p) => p.name)).toContain('Saint-Denis');
    expect(inside.length).toBe(10);
  });

  it('answers nothing for an unknown place and refuses what is not a search', async () => {
    expect(await places('zzqqxx')).toEqual([]);
    for (const search of ['a', ' ', 'x'.repeat(101), '%%']) {
      const res = await api.gql(placesQuery, { search });
      expect(res.errors?.[0]?.extensions?.code, search).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message, search).toMatch(/^search: /);
    }
    const res = await api.gql(placesQuery, { search: 'Amiens', first: 51 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives most communes a centre, each inside its department', async () => {
    const [counts] = await api.db.rows<{
      own: number;
      neighbour: number;
      epci: number;
      none: number;
      outside: number;
    }>(sql`
      SELECT count(*) FILTER (WHERE centre_source = 'COMMUNE')::int AS own,
        count(*) FILTER (WHERE centre_source = 'SAME_POSTAL_CODE')::int AS neighbour,
        count(*) FILTER (WHERE centre_source = 'SAME_EPCI')::int AS epci,
        count(*) FILTER (WHERE centre IS NULL)::int AS none,
        count(*) FILTER (WHERE centre IS NOT NULL AND EXISTS (SELECT 1 FROM department_shapes s
          WHERE s.code = c.department_code) AND NOT EXISTS (SELECT 1 FROM department_shapes s
          WHERE s.code = c.department_code AND ST_DWithin(s.shape, c.centre, 10000)))::int AS outside
      FROM communes c`);
    console.log('commune centres', counts);
    expect(counts!.own).toBeGreaterThan(8000);
    expect(counts!.own + counts!.neighbour).toBeGreaterThan(27000);
    expect(counts!.none).toBeLessThan(1000);
    // One found by the intercommunality, as the API serves it.
    const [sample] = await api.db.rows<{ name: string; postalCode: string }>(sql`
      SELECT c.name, min(pc.postal_code) AS "postalCode" FROM communes c
        JOIN commune_postal_codes pc ON pc.insee_code = c.insee_code
      WHERE c.centre_source = 'SAME_EPCI' GROUP BY c.insee_code, c.name ORDER BY c.insee_code LIMIT 1`);
    const [viaEpci] = await places(`${sample!.name} ${sample!.postalCode}`);
    expect(viaEpci).toMatchObject({ name: sample!.name, centreSource: 'SAME_EPCI' });
    expect(viaEpci!.centre).not.toBeNull();
    // A GeoNames town of the same name elsewhere would show up here.
    expect(counts!.outside).toBeLessThan(20);
  });

  it('a centre found by name is where structures(near:) searches from', async () => {
    const [abbeville] = await places('abbeville');
    const res = await api.gql<{ structures: { edges: { distanceKm: number; node: { name: string } }[] } }>(
      `query ($near: GeoPointInput!) { structures(near: $near, radiusKm: 20, first: 5) {
        edges { distanceKm node { name } } } }`,
      { near: abbeville!.centre },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.structures.edges.map((e) => e.node.name)).toEqual(['Accueil Abbeville']);
  });
});
