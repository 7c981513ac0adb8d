// The leak suite: one test per oracle of DESIGN.md, run for each of the seven viewers.
// What a viewer must not see comes from shared/policy.ts (cast.ts); each test also checks
// that the viewer does get what the policy grants, so that no test passes by seeing nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import {
  approximateTarget,
  cast,
  designTable,
  haversineKm,
  type Key,
  listedKeys,
  type Seeded,
  searchable,
  secretsFor,
  seedCast,
  sees,
  type ViewerName,
  viewerNames,
} from './cast.ts';

let api: TestApi;
let seeded: Seeded;
const keys = Object.keys(cast) as Key[];
const unknownId = Buffer.from('Structure:00000000-0000-4000-8000-000000000000').toString('base64');

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  seeded = await seedCast(api);
});

const full = `id name visibility city postalCode departmentCode services description location { lat lon precision }
  address { street postalCode city } phone email website openingHours notices { message }
  professionalContact { name phone email } intakeCriteria capacity { places } internalNotes`;

describe.each(viewerNames)('leaks: %s', (viewer: ViewerName) => {
  const gql = (query: string, variables?: Record<string, unknown>) => api.gql(query, variables, seeded.headers[viewer]);
  const keyOf = (id: string) => keys.find((k) => seeded.ids[k] === id);

  it('policy table: each field of each structure is visible exactly as shared/policy.ts says', async () => {
    for (const key of keys) {
      const res = await gql(`query ($id: ID!) { structure(id: $id) { ${full} } }`, { id: seeded.ids[key] });
      expect(res.errors).toBeUndefined();
      const s = res.data.structure;
      if (!sees(viewer, key, 'listed')) {
        expect(s).toBeNull();
        continue;
      }
      const exact = sees(viewer, key, 'exactAddress');
      expect(s.address === null).toBe(!exact);
      expect(s.postalCode === null).toBe(!exact);
      expect(s.location?.precision ?? null).toBe(
        exact ? 'EXACT' : sees(viewer, key, 'approximateLocation') ? 'APPROXIMATE' : null,
      );
      expect(s.openingHours === null).toBe(!sees(viewer, key, 'publicContact'));
      if (cast[key].secrets.internal) expect(s.internalNotes === null).toBe(!sees(viewer, key, 'internal'));
      if (cast[key].secrets.professional) {
        expect(s.professionalContact === null).toBe(!sees(viewer, key, 'professional'));
      }
      if (exact && key !== 'P') expect(s.address.street).toBe(cast[key].secrets.exactAddress?.[0]);
    }
  });

  it("DESIGN.md's table, written out by hand, is what the API serves", async () => {
    const expected = designTable[viewer];
    for (const key of ['P', 'R', 'C', 'M'] as const) {
      const res = await gql(
        `query ($id: ID!) { structure(id: $id) { location { precision } address { street } professionalContact { email } internalNotes } }`,
        { id: seeded.ids[key] },
      );
      const s = res.data.structure;
      const where = s === null ? '-' : s.location.precision === 'EXACT' && s.address ? 'E' : s.address ? '?' : 'A';
      expect(`${key}:${where}`).toBe(`${key}:${expected.where[key]}`);
      if (s && key !== 'P') expect(s.professionalContact !== null).toBe(expected.professionalContact);
      if (s) expect(s.internalNotes !== null).toBe(expected.internalNotes);
    }
    // A draft exists for moderators only.
    const draft = await gql(`query ($id: ID!) { structure(id: $id) { id } }`, { id: seeded.ids.D });
    expect(draft.data.structure === null).toBe(viewer !== 'moderator');
  });

  it('existence: a hidden id answers exactly like an unknown id (structure, node, registerProfessional)', async () => {
    const query = `query ($id: ID!) { structure(id: $id) { id name } node(id: $id) { id } }`;
    const unknown = await gql(query, { id: unknownId });
    expect(unknown).toEqual({ data: { structure: null, node: null } });
    const hidden = keys.filter((k) => !sees(viewer, k, 'listed'));
    expect(hidden.includes('D')).toBe(viewer !== 'moderator');
    for (const key of hidden) expect(await gql(query, { id: seeded.ids[key] })).toEqual(unknown);
    for (const key of keys.filter((k) => sees(viewer, k, 'listed'))) {
      expect((await gql(query, { id: seeded.ids[key] })).data.structure.id).toBe(seeded.ids[key]);
    }
    const register = (structureId: string, n: number) =>
      gql(`mutation ($input: ProfessionalRegistrationInput!) { registerProfessional(input: $input) { status } }`, {
        input: {
          email: `existence-${n}-${viewer.replace(/\W/g, '')}@leak.fr`,
          password: 'mot-de-passe-assez-long',
          name: 'Essai',
          organisation: 'Essai',
          jobTitle: 'Essai',
          justification: 'Essai',
          structureId,
        },
      });
    const answers = [
      await register(unknownId, 0),
      ...(await Promise.all(hidden.map((k, i) => register(seeded.ids[k], i + 1)))),
    ];
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('listing, filters, search and counts hold only what the viewer may list', async () => {
    const query = `query ($filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
      structures(filter: $filter, near: $near, radiusKm: $radiusKm, first: 100) { totalCount edges { node { id } } } }`;
    const allowed = listedKeys(viewer).map((k) => seeded.ids[k]);
    const everything = await gql(query, {});
    expect(everything.data.structures.edges.map((e: any) => e.node.id).sort()).toEqual([...allowed].sort());
    for (const variables of [
      { filter: { search: 'Nébuleuse' } },
      { filter: { search: 'refuge nebuleuse' } },
      { filter: { search: 'Mésange' } },
      { filter: { search: 'Brouillon' } },
      { filter: { search: 'Sentinelle' } },
      { filter: { kinds: ['RESPITE'] } },
      { filter: { services: ['RESPITE'] } },
      { filter: { visibilities: ['CONFIDENTIAL'] } },
      { filter: { visibilities: ['RESTRICTED', 'CONFIDENTIAL'], kinds: ['SHELTER', 'RESPITE'] } },
      { filter: { departmentCode: '80' } },
      { filter: { postalCode: '80000', openNow: true } },
      { near: cast.C.point, radiusKm: 0.5 },
      { near: cast.M.point, radiusKm: 50 },
      { near: cast.D.point },
    ]) {
      const res = await gql(query, variables);
      expect(res.errors).toBeUndefined();
      const found = res.data.structures.edges.map((e: any) => e.node.id);
      for (const id of found) expect(allowed).toContain(id);
      expect(res.data.structures.totalCount).toBe(found.length);
    }
    const departments = await gql('{ departments { code structureCount } }');
    expect(departments.data.departments.find((d: any) => d.code === '80').structureCount).toBe(allowed.length);
  });

  it('trilateration: distances and order from 200+ probes agree with the point the viewer may see', async () => {
    const target = approximateTarget(viewer) ?? 'C';
    const shown = (
      await gql(`query ($id: ID!) { structure(id: $id) { location { lat lon precision } } }`, {
        id: seeded.ids[target],
      })
    ).data.structure.location;
    const approximate = approximateTarget(viewer) !== null;
    expect(shown.precision).toBe(approximate ? 'APPROXIMATE' : 'EXACT');
    const truth = cast[target].point;
    if (approximate) {
      const offset = haversineKm(shown, truth);
      expect(offset).toBeGreaterThan(0.2);
      expect(offset).toBeLessThan(5);
    }
    const query = `query ($near: GeoPointInput!) { structures(near: $near, first: 10) { edges { distanceKm node { id } } } }`;
    const side = approximate ? 15 : 5;
    let probes = 0;
    let matchesTruth = 0;
    for (let i = 0; i < side; i++) {
      for (let j = 0; j < 14; j++) {
        const near = { lat: truth.lat - 0.07 + i * 0.01, lon: truth.lon - 0.1 + j * 0.0153 };
        const edges = (await gql(query, { near })).data.structures.edges as {
          distanceKm: number;
          node: { id: string };
        }[];
        const edge = edges.find((e) => e.node.id === seeded.ids[target]);
        expect(edge).toBeDefined();
        const expected = haversineKm(near, shown);
        // Sphere (PostGIS) vs haversine radius: within 0.5%.
        expect(Math.abs((edge?.distanceKm ?? 0) - expected)).toBeLessThan(0.005 * expected + 0.002);
        if (Math.abs((edge?.distanceKm ?? 0) - haversineKm(near, truth)) < 0.02) matchesTruth++;
        const distances = edges.map((e) => e.distanceKm);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        for (const e of edges) expect(sees(viewer, keyOf(e.node.id) as Key, 'listed')).toBe(true);
        probes++;
      }
    }
    if (approximate) {
      expect(probes).toBeGreaterThanOrEqual(200);
      // Were distances measured to the true point, nearly every probe would match it.
      expect(matchesTruth).toBeLessThan(probes * 0.1);
    } else {
      expect(matchesTruth).toBe(probes);
    }
  });

  it('filters and search: a tiny radius around a hidden point, or a hidden street, matches nothing', async () => {
    const query = `query ($filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
      structures(filter: $filter, near: $near, radiusKm: $radiusKm) { totalCount edges { node { id } } } }`;
    for (const key of ['R', 'C', 'M'] as Key[]) {
      const exact = sees(viewer, key, 'exactAddress');
      const tiny = await gql(query, { near: cast[key].point, radiusKm: 0.3 });
      expect(tiny.data.structures.edges.map((e: any) => e.node.id).includes(seeded.ids[key])).toBe(exact);
      expect(tiny.data.structures.totalCount).toBe(tiny.data.structures.edges.length);
      // The postal code goes with the street: finer than the grid in Paris, Lyon, Marseille.
      const { postalCode } = cast[key].place;
      for (const variables of [{ filter: { postalCode } }, { filter: { search: postalCode } }]) {
        const found = await gql(query, variables);
        expect(found.data.structures.edges.map((e: any) => e.node.id).includes(seeded.ids[key])).toBe(exact);
      }
      const street = cast[key].secrets.exactAddress?.[0] as string;
      for (const search of [street, street.split(' ').slice(1).join(' '), street.split(' ').at(-1) as string]) {
        const found = await gql(query, { filter: { search } });
        expect(found.data.structures.edges.map((e: any) => e.node.id).includes(seeded.ids[key])).toBe(exact);
      }
    }
  });

  it('nested paths and node refetches give no more than the list', async () => {
    const list = await gql(`{ structures(first: 100) { edges { node { ${full} } } } }`);
    for (const { node } of list.data.structures.edges) {
      const refetched = await gql(`query ($id: ID!) { node(id: $id) { ... on Structure { ${full} } } }`, {
        id: node.id,
      });
      expect(refetched.data.node).toEqual(node);
      const direct = await gql(`query ($id: ID!) { structure(id: $id) { ${full} } }`, { id: node.id });
      expect(direct.data.structure).toEqual(node);
    }
    const me = await gql(`{ viewer { status structures { id address { street } location { precision } } } }`);
    const mine = me.data.viewer?.structures ?? [];
    expect(mine.map((s: any) => keyOf(s.id))).toEqual(viewer === 'member' ? ['M'] : []);
    if (viewer === 'member') expect(mine[0].address.street).toBe(cast.M.secrets.exactAddress?.[0]);
    const status = { 'pending professional': 'PENDING', 'expired professional': 'EXPIRED' } as Record<string, string>;
    if (status[viewer]) expect(me.data.viewer.status).toBe(status[viewer]);
    // Admin-only paths to structures answer nothing to these viewers.
    const admin = await gql(
      `{ auditLog { edges { node { structure { id name } } } } professionals { edges { node { structures { id } } } } }`,
    );
    expect(admin.data ?? null).toBeNull();
  });

  it('no hidden value in any response, error or log line', async () => {
    const logStart = api.logs.length;
    const bodies: unknown[] = [await gql(`{ structures(first: 100) { edges { distanceKm node { ${full} } } } }`)];
    for (const key of keys) {
      bodies.push(await gql(`query ($id: ID!) { structure(id: $id) { ${full} } }`, { id: seeded.ids[key] }));
      bodies.push(
        await gql(`query ($id: ID!) { node(id: $id) { ... on Structure { ${full} } } }`, { id: seeded.ids[key] }),
      );
      bodies.push(await gql(`query ($id: ID!) { structure(id: $id) { nope } }`, { id: seeded.ids[key] }));
      bodies.push(
        await gql(
          `{ structures(near: { lat: ${cast[key].point.lat}, lon: ${cast[key].point.lon} }, first: 100) { edges { distanceKm node { ${full} } } } }`,
        ),
      );
    }
    bodies.push(
      await gql(`{ structures(filter: { search: "Sentinelle" }, near: { lat: 200, lon: 0 }) { totalCount } }`),
    );
    bodies.push(await gql(`{ structures(filter: { departmentCode: "00" }) { totalCount } }`));
    // A correction moving a listing to another department: its checks must not tell where it is.
    for (const key of keys) {
      bodies.push(
        await gql(
          `mutation ($id: ID!) { suggestCorrection(structureId: $id, changes: { departmentCode: "13",
            address: { postalCode: "13001", city: "Marseille", inseeCode: null } }) { submission { id status proposed } } }`,
          { id: seeded.ids[key] },
        ),
      );
    }
    bodies.push(await gql(`{ departments { code structureCount } viewer { name structures { ${full} } } }`));
    // The change feeds since the beginning: changed listings and removals, as this viewer's view.
    bodies.push(
      await gql(`{ structureChanges(since: "1970-01-01T00:00:00Z") { checkpoint edges { changedAt node {
        ... on Structure { ${full} } ... on StructureRemoval { id removedAt } } } } }`),
    );
    bodies.push(
      await gql(
        `{ structures(filter: { updatedSince: "1970-01-01T00:00:00Z" }, first: 100) { edges { node { ${full} } } } }`,
      ),
    );
    for (const key of keys.filter((k) => !sees(viewer, k, 'listed'))) {
      expect(JSON.stringify(bodies) + api.logs.slice(logStart).join('\n')).not.toContain(seeded.ids[key]);
    }
    const text = searchable(bodies, api.logs.slice(logStart));
    const secrets = secretsFor(viewer);
    // Hidden from everyone, moderators included: a CONFIDENTIAL listing's public contact.
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('Point Accueil Lumière');
  });

  it('caching: only anonymous GETs are publicly cacheable', async () => {
    const headers = seeded.headers[viewer];
    const url = `${api.url}/graphql?query=${encodeURIComponent('{ structures(first: 1) { totalCount } }')}`;
    const get = await fetch(url, { headers });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe(viewer === 'anonymous' ? 'public, max-age=60' : 'private, no-store');
    const post = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ structures(first: 1) { totalCount } }' }),
    });
    expect(post.headers.get('cache-control')).toBe('private, no-store');
    expect(post.headers.get('vary')).toMatch(/Authorization/);
  });
});
