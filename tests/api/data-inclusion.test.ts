// The data·inclusion v1 export: every structure and service record validates against the
// standard's JSON Schemas (a copy in tests/reference, Licence Ouverte 2.0), holds only what an
// anonymous caller sees (no CONFIDENTIAL listing, a RESTRICTED one at its approximate point with
// no address), and one service per category a structure offers.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../api/src/db/seed.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, restrictedFixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let ids: string[];

const schema = (name: string) =>
  JSON.parse(readFileSync(new URL(`../reference/data-inclusion-v1/${name}.json`, import.meta.url), 'utf8'));

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  ids = await seed(api.db, [
    fixture({
      name: 'Accueil Public Inclusion.',
      description: 'Accueil de jour pour les jeunes, écoute et orientation.',
      services: ['LISTENING_SUPPORT', 'HEALTH', 'FAMILY_SUPPORT'],
      phone: '+33322000001',
      email: 'contact@accueil.example.org',
      website: 'https://accueil.example.org/',
      accessModes: ['WALK_IN', 'BY_PHONE'],
      mobilisers: ['YOUNG_PEOPLE', 'PROFESSIONALS'],
    }),
    restrictedFixture('Relais Restreint Inclusion', { services: ['SHELTER'] }),
    fixture({ name: 'Abri Confidentiel Inclusion', visibility: 'CONFIDENTIAL', services: ['SHELTER'] }),
  ]);
});

function validators() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return { structure: ajv.compile(schema('structure')), service: ajv.compile(schema('service')) };
}

describe('data·inclusion export', () => {
  it('validates against the v1 schemas, anonymous view only, a service per category', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validStructure = ajv.compile(schema('structure'));
    const validService = ajv.compile(schema('service'));
    const structures = await (await fetch(`${api.url}/exports/data-inclusion/structures.json`)).json();
    const services = await (await fetch(`${api.url}/exports/data-inclusion/services.json`)).json();
    for (const record of structures) expect(validStructure(record), JSON.stringify(validStructure.errors)).toBe(true);
    for (const record of services) expect(validService(record), JSON.stringify(validService.errors)).toBe(true);

    expect(structures.map((s: any) => s.id).sort()).toEqual([`repere--${ids[0]}`, `repere--${ids[1]}`].sort());
    const open = structures.find((s: any) => s.id === `repere--${ids[0]}`);
    expect(open).toMatchObject({ source: 'repere', nom: 'Accueil Public Inclusion', telephone: '+33322000001' });
    const restricted = structures.find((s: any) => s.id === `repere--${ids[1]}`);
    expect(restricted).toMatchObject({ adresse: null, code_postal: null, commune: 'Dury' });
    const located = await api.gql('query ($id: ID!) { structure(id: $id) { location { lat lon precision } } }', {
      id: ids[1],
    });
    expect(located.data.structure.location.precision).toBe('APPROXIMATE');
    expect([restricted.latitude, restricted.longitude]).toEqual([
      located.data.structure.location.lat,
      located.data.structure.location.lon,
    ]);

    const mine = services.filter((s: any) => s.structure_id === `repere--${ids[0]}`);
    expect(mine.map((s: any) => s.nom).sort()).toEqual(['Santé', 'Soutien aux familles', 'Écoute et accompagnement']);
    const family = mine.find((s: any) => s.nom === 'Soutien aux familles');
    expect(family).toMatchObject({
      modes_accueil: ['en-presentiel', 'a-distance'],
      modes_mobilisation: ['se-presenter', 'telephoner', 'envoyer-un-courriel'],
      mobilisable_par: ['usagers', 'professionnels'],
      zone_eligibilite: ['80'],
    });
    expect(family.publics).toContain('familles');
    const text = JSON.stringify([structures, services]);
    for (const hidden of ['Abri Confidentiel Inclusion', '12 rue Réservée', '80480'])
      expect(text).not.toContain(hidden);
  });

  it('exports the demo data with every record valid (332 listings, 300 public)', async () => {
    await resetData(api.db);
    await seedDemo(api.db);
    const valid = validators();
    const structures = await (await fetch(`${api.url}/exports/data-inclusion/structures.json`)).json();
    const services = await (await fetch(`${api.url}/exports/data-inclusion/services.json`)).json();
    expect(structures).toHaveLength(300);
    expect(services.length).toBeGreaterThan(300);
    const invalid = [
      ...structures.filter((r: unknown) => !valid.structure(r)),
      ...services.filter((r: unknown) => !valid.service(r)),
    ];
    expect(invalid).toEqual([]);
  });
});
