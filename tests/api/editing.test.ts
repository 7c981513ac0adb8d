// Direct editing by moderators over GraphQL: every change writes a revision; restoring one
// brings its values back; bad input stores nothing; the geocoder fills missing coordinates.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { createGeocoder } from '../../api/src/modules/places/geocoder.ts';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { type BanServer, startBanServer } from '../support/ban-server.ts';

let api: TestApi;
let modo: Record<string, string>;
let ban: BanServer;

const input = {
  name: 'Espace Jeunes Ressources',
  kind: 'DAY_CENTRE',
  visibility: 'PUBLIC',
  services: ['LISTENING_SUPPORT'],
  address: { street: '12 rue des Essais', postalCode: '80000', city: 'Amiens' },
  location: { lat: 49.8941, lon: 2.2958 },
  phone: '+33322000000',
  openingHours: 'Mo-Fr 09:00-17:00',
  internalNotes: 'Note de modération.',
};

const create = `mutation ($input: StructureInput!) { createStructure(input: $input) {
  revision structure { id name phone departmentCode lastVerifiedAt address { street } } } }`;

async function count(table: string): Promise<number> {
  const [row] = await api.db.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return row?.n ?? 0;
}

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'modo@edit.fr', role: 'MODERATOR' });
  modo = await loginHeaders(api, 'modo@edit.fr');
  ban = await startBanServer([
    {
      q: /boulevard du port/i,
      postcode: '80000',
      result: {
        lat: 49.8996,
        lon: 2.2869,
        label: '8 Boulevard du Port 80000 Amiens',
        score: 0.96,
        inseeCode: '80021',
        city: 'Amiens',
      },
    },
  ]);
});
afterAll(() => ban.close());

describe('direct editing', () => {
  it('create → revision 1; update → revision 2 with its diff; restore 1 → the old values, as revision 3', async () => {
    const created = await api.gql(create, { input }, modo);
    expect(created.errors).toBeUndefined();
    const { structure, revision } = created.data.createStructure;
    expect(revision).toBe(1);
    expect(structure).toMatchObject({
      name: input.name,
      departmentCode: '80',
      address: { street: '12 rue des Essais' },
    });
    expect(Date.now() - Date.parse(structure.lastVerifiedAt)).toBeLessThan(60_000);
    const updated = await api.gql(
      `mutation ($id: ID!, $input: StructurePatch!) { updateStructure(id: $id, input: $input) { revision structure { phone description } } }`,
      {
        id: structure.id,
        input: { phone: '+33322111111', description: 'Accueil sans rendez-vous.', internalNotes: null },
      },
      modo,
    );
    expect(updated.data.updateStructure).toEqual({
      revision: 2,
      structure: { phone: '+33322111111', description: 'Accueil sans rendez-vous.' },
    });
    const revisions = await api.gql(
      `query ($id: ID!) { revisions(structureId: $id) { id number action actorId changes { field before after } } }`,
      { id: structure.id },
      modo,
    );
    const [second, first] = revisions.data.revisions;
    expect(first).toMatchObject({ number: 1, action: 'CREATE' });
    expect(second.number).toBe(2);
    expect(second.changes).toEqual([
      { field: 'description', before: null, after: 'Accueil sans rendez-vous.' },
      { field: 'internalNotes', before: 'Note de modération.', after: null },
      { field: 'phone', before: '+33322000000', after: '+33322111111' },
    ]);
    const restored = await api.gql(
      `mutation ($id: ID!) { restoreRevision(id: $id) { revision structure { phone description internalNotes } } }`,
      { id: first.id },
      modo,
    );
    expect(restored.data.restoreRevision).toEqual({
      revision: 3,
      structure: { phone: '+33322000000', description: null, internalNotes: 'Note de modération.' },
    });
    // A change that changes nothing adds no revision.
    const same = await api.gql(
      `mutation ($id: ID!) { updateStructure(id: $id, input: { phone: "+33322000000" }) { revision } }`,
      { id: structure.id },
      modo,
    );
    expect(same.data.updateStructure.revision).toBe(3);
  });

  it('archive hides a listing from everyone but moderators; markVerified dates it; both are revisions', async () => {
    const { id } = (await api.gql(create, { input: { ...input, name: 'Antenne à archiver' } }, modo)).data
      .createStructure.structure;
    await api.db.exec(
      `UPDATE structures SET last_verified_at = now() - interval '2 years' WHERE name = 'Antenne à archiver'`,
    );
    const verified = await api.gql(
      `mutation ($id: ID!) { markVerified(id: $id) { revision structure { lastVerifiedAt } } }`,
      { id },
      modo,
    );
    expect(verified.data.markVerified.revision).toBe(2);
    expect(Date.now() - Date.parse(verified.data.markVerified.structure.lastVerifiedAt)).toBeLessThan(60_000);
    const archived = await api.gql(`mutation ($id: ID!) { archiveStructure(id: $id) { revision } }`, { id }, modo);
    expect(archived.data.archiveStructure.revision).toBe(3);
    expect((await api.gql(`query ($id: ID!) { structure(id: $id) { id } }`, { id })).data.structure).toBeNull();
    expect((await api.gql(`query ($id: ID!) { structure(id: $id) { id } }`, { id }, modo)).data.structure.id).toBe(id);
    const offline = await api.gql(`{ structures(filter: { statuses: [OFFLINE] }) { totalCount } }`, {}, modo);
    expect(offline.data.structures.totalCount).toBe(1);
    const forbidden = await api.gql(`{ structures(filter: { statuses: [OFFLINE] }) { totalCount } }`);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('only moderators edit', async () => {
    const anonymous = await api.gql(create, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await createAccount(api.db, { email: 'pro@edit.fr', role: 'PROFESSIONAL' });
    const pro = await api.gql(create, { input }, await loginHeaders(api, 'pro@edit.fr'));
    expect(pro.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count(`structures WHERE name = '${input.name}'`)).toBe(1);
  });

  it('bad input gets BAD_USER_INPUT naming the field, and stores nothing', async () => {
    const before = [await count('structures'), await count('revisions')];
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: 'x'.repeat(10_000) }, /name/],
      [{ phone: '03 22 00 00 00' }, /phone must be in E\.164 form/],
      [
        { address: { ...input.address, postalCode: '69001' }, departmentCode: '80' },
        /69001 is in department 69 \(Rhône\), not 80/,
      ],
      [{ address: { ...input.address, postalCode: '00000' } }, /00000 is not a French postal code/],
      [{ openingHours: 'quand ça nous chante' }, /openingHours/],
      [{ location: undefined }, /location: give coordinates \(no geocoder is configured\)/],
      // In the Channel, 22 km off the Somme's coast.
      [{ location: { lat: 50.25, lon: 1.2 } }, /location: 50.25, 1.2 is 2\d\.\d km outside department 80 \(at sea/],
      // Lyon, with an Amiens postal code.
      [{ location: { lat: 45.764, lon: 4.8357 } }, /km outside department 80/],
    ];
    for (const [change, message] of cases) {
      const res = await api.gql(create, { input: { ...input, ...change } }, modo);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
    }
    const badEnum = await api.gql(create, { input: { ...input, kind: 'CASTLE' } }, modo);
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect([await count('structures'), await count('revisions')]).toEqual(before);
  });

  it('a moderator may confirm a point outside the outline (a small island such as Sein)', async () => {
    const island = {
      ...input,
      name: 'Permanence Île de Sein',
      address: { street: '1 quai des Français libres', postalCode: '29990', city: 'Île-de-Sein' },
      location: { lat: 48.0383, lon: -4.8497 },
    };
    const refused = await api.gql(create, { input: island }, modo);
    expect(refused.errors?.[0]?.message).toMatch(/km outside department 29/);
    const kept = await api.gql(
      `mutation ($input: StructureInput!) { createStructure(input: $input, confirmLocation: true) { revision structure { departmentCode } } }`,
      { input: island },
      modo,
    );
    expect(kept.data.createStructure).toEqual({ revision: 1, structure: { departmentCode: '29' } });
  });

  it('with a geocoder, a street without coordinates is placed by the Base Adresse Nationale', async () => {
    const app = await createApp(api.db, createLogger('silent'), {
      rateLimitMultiplier: 1000,
      geocoder: createGeocoder({ kind: 'ban', url: ban.url }),
    });
    const port = await app.listen(0, '127.0.0.1');
    try {
      const post = async (variables: Record<string, unknown>) =>
        (
          await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...modo },
            body: JSON.stringify({
              query: `mutation ($input: StructureInput!) { createStructure(input: $input) { structure { location { lat lon } } } }`,
              variables,
            }),
          })
        ).json();
      const { location: _none, ...withoutLocation } = input;
      const placed = await post({
        input: { ...withoutLocation, address: { street: '8 boulevard du Port', postalCode: '80000', city: 'Amiens' } },
      });
      expect(placed.data.createStructure.structure.location).toEqual({ lat: 49.8996, lon: 2.2869 });
      expect(ban.requests.at(-1)).toMatch(/postcode=80000/);
      const unknown = await post({
        input: {
          ...withoutLocation,
          address: { street: '1 impasse Introuvable', postalCode: '80000', city: 'Amiens' },
        },
      });
      expect(unknown.errors[0].message).toBe('location: the address was not found; give coordinates.');
    } finally {
      await app.close();
    }
  });
});
