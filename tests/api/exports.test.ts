// The public directory as files: GeoJSON and CSV over HTTP hold exactly what an anonymous caller
// sees through GraphQL (RESTRICTED listings at their approximate point with no address, no
// CONFIDENTIAL listing, no draft), across pages of the store; ETag/Last-Modified answer 304;
// gzip on request; CSV cells a spreadsheet would run as formulas are defused.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSynthetic } from '../../api/src/db/seed.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, restrictedFixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let ids: string[];

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  ids = await seed(api.db, [
    fixture({ name: '=HYPERLINK("http://x";"clic") Accueil; "Essai"', phone: '+33322000001' }),
    restrictedFixture('Relais Restreint Export'),
    fixture({
      name: 'Abri Confidentiel Export',
      visibility: 'CONFIDENTIAL',
      address: { street: '3 impasse Cachée', postalCode: '80450', city: 'Camon' },
      location: { lat: 49.8876, lon: 2.3412 },
    }),
    fixture({ name: 'Brouillon Export', status: 'DRAFT' }),
  ]);
  // Enough to span several of the export's pages (500 rows each).
  await seedSynthetic(api.db, 1200, () => undefined);
});

/** Every structure an anonymous caller lists through GraphQL, with its location as given. */
async function listedByApi() {
  const out = new Map<string, { location: { lat: number; lon: number; precision: string } | null }>();
  let after: string | null = null;
  for (;;) {
    const res: { data?: any } = await api.gql(
      `query ($after: String) { structures(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { id location { lat lon precision } } } } }`,
      { after },
    );
    for (const e of res.data.structures.edges) out.set(e.node.id, e.node);
    if (!res.data.structures.pageInfo.hasNextPage) return out;
    after = res.data.structures.pageInfo.endCursor;
  }
}

describe('exports', () => {
  it('GeoJSON: exactly the anonymous listing, approximate points flagged, nothing hidden', async () => {
    const res = await fetch(`${api.url}/exports/structures.geojson`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.type).toBe('FeatureCollection');
    const listed = await listedByApi();
    expect(listed.size).toBeGreaterThan(1000);
    expect(body.features.map((f: any) => f.id).sort()).toEqual([...listed.keys()].sort());
    for (const f of body.features) {
      const location = listed.get(f.id)?.location;
      expect(f.geometry?.coordinates ?? null).toEqual(location ? [location.lon, location.lat] : null);
      expect(f.properties.approximate).toBe(location?.precision === 'APPROXIMATE');
    }
    const restricted = body.features.find((f: any) => f.id === ids[1]);
    expect(restricted.properties).toMatchObject({ street: null, postalCode: null, precision: 'APPROXIMATE' });
    expect(restricted.geometry.coordinates).not.toEqual([2.2683, 49.8471]);
    for (const hidden of ['Abri Confidentiel Export', 'Brouillon Export', '12 rue Réservée', '3 impasse Cachée']) {
      expect(text).not.toContain(hidden);
    }
    expect(body.features.find((f: any) => f.id === ids[2])).toBeUndefined();
  });

  it('CSV: UTF-8 with BOM, `;`-separated, one header, quoted and defused cells, the same rows', async () => {
    const res = await fetch(`${api.url}/exports/structures.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="repere-structures.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'id;name;kind;services;street;postal_code;city;department_code;latitude;longitude;precision;phone;email;website;opening_hours;last_verified_at;stale',
    );
    expect(lines.length - 1).toBe((await listedByApi()).size);
    const tricky = lines.find((l) => l.startsWith(`${ids[0]};`)) as string;
    expect(tricky).toContain(`;"'=HYPERLINK(""http://x"";""clic"") Accueil; ""Essai""";`);
    expect(tricky).toContain(';+33322000001;');
    const restricted = lines.find((l) => l.startsWith(`${ids[1]};`)) as string;
    expect(restricted.split(';').slice(4, 6)).toEqual(['', '']);
    expect(restricted).toContain(';APPROXIMATE;');
    for (const hidden of ['Abri Confidentiel Export', 'Brouillon Export', '12 rue Réservée', '3 impasse Cachée']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('answers 304 to a current ETag or date, gzip on request, and changes when a listing leaves', async () => {
    const first = await fetch(`${api.url}/exports/structures.geojson`, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag') as string;
    const lastModified = first.headers.get('last-modified') as string;
    // fetch undoes the gzip itself.
    expect(JSON.parse(await first.text()).type).toBe('FeatureCollection');
    const byTag = await fetch(`${api.url}/exports/structures.csv`, { headers: { 'if-none-match': etag } });
    expect(byTag.status).toBe(304);
    const byDate = await fetch(`${api.url}/exports/structures.geojson`, {
      headers: { 'if-modified-since': lastModified },
    });
    expect(byDate.status).toBe(304);
    // The PUBLIC fixture made CONFIDENTIAL: the files change (and no longer hold it).
    await api.db.exec(
      `UPDATE structures SET visibility = 'CONFIDENTIAL', updated_at = now() WHERE name LIKE '=HYPERLINK%'`,
    );
    const after = await fetch(`${api.url}/exports/structures.geojson`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).not.toContain('HYPERLINK');
  });
});
