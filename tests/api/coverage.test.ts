// Coverage as each viewer may count it: per department and region, per kind and service, and
// the departments with none. Anonymous counts never include a CONFIDENTIAL structure.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let pro: Record<string, string>;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await seed(api.db, [
    fixture({ name: 'Abri Somme', kind: 'SHELTER', services: ['SHELTER', 'LISTENING_SUPPORT'] }),
    fixture({ name: 'Santé Somme', kind: 'HEALTH', visibility: 'RESTRICTED', services: ['HEALTH'] }),
    fixture({ name: 'Répit Somme', kind: 'RESPITE', visibility: 'CONFIDENTIAL', services: ['RESPITE'] }),
    fixture({
      name: 'Répit Aisne',
      kind: 'RESPITE',
      visibility: 'CONFIDENTIAL',
      services: ['RESPITE'],
      departmentCode: '02',
      address: { postalCode: '02000', city: 'Laon' },
      location: { lat: 49.5641, lon: 3.6199 },
    }),
  ]);
  await createAccount(api.db, { email: 'pro@cov.fr', role: 'PROFESSIONAL' });
  pro = await loginHeaders(api, 'pro@cov.fr');
});

const query = `query ($service: ServiceCategory) {
  departments { code structureCount byKind { kind count } byService { service count } }
  regions { code name structureCount byKind { kind count } departments { code } }
  gaps: coverageGaps(service: $service) { code }
  empty: coverageGaps { code } }`;

describe('coverage', () => {
  it('anonymous: per kind and service, without CONFIDENTIAL structures; gaps follow', async () => {
    const res = await api.gql(query, { service: 'RESPITE' });
    const somme = res.data.departments.find((d: any) => d.code === '80');
    expect(somme).toEqual({
      code: '80',
      structureCount: 2,
      byKind: [
        { kind: 'HEALTH', count: 1 },
        { kind: 'SHELTER', count: 1 },
      ],
      byService: [
        { service: 'HEALTH', count: 1 },
        { service: 'LISTENING_SUPPORT', count: 1 },
        { service: 'SHELTER', count: 1 },
      ],
    });
    const gaps = res.data.gaps.map((d: any) => d.code);
    expect(gaps).toContain('80');
    expect(gaps).toContain('02');
    // Every inhabited department is a RESPITE gap here; Terres australes and Clipperton never are.
    expect(gaps).toHaveLength(res.data.departments.length - 2);
    expect(gaps).not.toContain('984');
    expect(gaps).not.toContain('989');
    expect(gaps).toContain('986');
    expect(res.data.empty.map((d: any) => d.code)).toContain('02');
    expect(res.data.empty.map((d: any) => d.code)).not.toContain('989');
    const hdf = res.data.regions.find((r: any) => r.code === '32');
    expect(hdf).toMatchObject({ name: 'Hauts-de-France', structureCount: 2 });
    expect(hdf.departments.map((d: any) => d.code)).toEqual(['02', '59', '60', '62', '80']);
    expect(JSON.stringify(res)).not.toContain('RESPITE');
  });

  it('a vetted professional counts CONFIDENTIAL structures too', async () => {
    const res = await api.gql(query, { service: 'RESPITE' }, pro);
    expect(res.data.departments.find((d: any) => d.code === '80').structureCount).toBe(3);
    const gaps = res.data.gaps.map((d: any) => d.code);
    expect(gaps).not.toContain('80');
    expect(gaps).not.toContain('02');
    expect(res.data.empty.map((d: any) => d.code)).not.toContain('02');
    expect(res.data.regions.find((r: any) => r.code === '32').byKind).toContainEqual({ kind: 'RESPITE', count: 2 });
  });
});
