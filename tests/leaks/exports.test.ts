// The leak suite's ground truth searched in every export: the files are read by anonymous
// callers (and partner apps, whose key changes nothing there), so nothing an anonymous caller
// may not see can be in them — not a hidden listing's name, id, address, postal code, INSEE
// code, coordinates or contact, not a RESTRICTED listing's exact place, not a draft.
import { beforeAll, describe, expect, it } from 'vitest';
import { rawId } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { cast, coordinatePatterns, type Key, type Seeded, searchable, secretsFor, seedCast, sees } from './cast.ts';

let api: TestApi;
let seeded: Seeded;
const keys = Object.keys(cast) as Key[];

const files = [
  '/exports/structures.geojson',
  '/exports/structures.csv',
  '/exports/data-inclusion/structures.json',
  '/exports/data-inclusion/services.json',
];
// The change feeds: every change since the beginning, and the departures (tombstones).
const feeds = [
  ...files.map((path) => `${path}?updated_since=1970-01-01`),
  '/exports/data-inclusion/removed.json',
  '/exports/data-inclusion/removed.json?updated_since=1970-01-01T00:00:00Z',
];
const paths = [...files, ...feeds];
let departed: string;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  seeded = await seedCast(api);
  // One public listing leaves (its tombstone is due). The CONFIDENTIAL ones and the draft come and
  // go in the views of professionals and moderators, and M leaves them for good: none of it may
  // leave a trace in the public feed.
  [departed] = (await seed(api.db, [fixture({ name: 'Départ Témoin' })])) as [string];
  const hidden = [seeded.ids.C, seeded.ids.M, seeded.ids.D].map((id) => `'${rawId(id)}'`).join(', ');
  await api.db.exec(`UPDATE structures SET status = 'OFFLINE' WHERE id = '${rawId(departed)}'`);
  await api.db.exec(`UPDATE structures SET status = 'CLOSED' WHERE id IN (${hidden})`);
  await api.db.exec(
    `UPDATE structures SET status = CASE WHEN name = 'Brouillon Invisible' THEN 'DRAFT' ELSE 'ONLINE' END::structure_status
     WHERE id IN ('${rawId(seeded.ids.C)}', '${rawId(seeded.ids.D)}')`,
  );
  // The professionals' feed holds M's departure: the public one must not.
  const pro = await api.gql(
    `{ structureChanges(since: "1970-01-01T00:00:00Z") { edges { node { ... on StructureRemoval { id } } } } }`,
    {},
    seeded.headers['vetted professional'],
  );
  const removals = pro.data.structureChanges.edges.map((e: { node: { id?: string } }) => e.node.id).filter(Boolean);
  expect(removals.sort()).toEqual([departed, seeded.ids.M].sort());
});

describe.each(['anonymous', 'API key'] as const)('leaks in exports: %s', (viewer) => {
  it.each(paths)('%s holds nothing hidden from anonymous callers', async (path) => {
    const logStart = api.logs.length;
    const plain = await fetch(`${api.url}${path}`, { headers: seeded.headers[viewer] });
    expect(plain.status).toBe(200);
    const text = await plain.text();
    // The gzip answer (fetch undoes the gzip) is searched too, in case a path differs by encoding.
    const zipped = await fetch(`${api.url}${path}`, {
      headers: { ...seeded.headers[viewer], 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const unzipped = await zipped.text();
    const logs = api.logs.slice(logStart);

    // The listed public one (or the departure) is there, so the check cannot pass by an empty file.
    if (!path.includes('removed.json')) expect(text).toContain('Point Accueil Lumière');
    if (feeds.includes(path) && !path.includes('/data-inclusion/s')) expect(text).toContain(departed);
    // A tombstone carries the id and the time only.
    expect(text).not.toContain('Départ Témoin');
    for (const key of keys.filter((k) => !sees('anonymous', k, 'listed'))) {
      for (const id of [seeded.ids[key], rawId(seeded.ids[key])]) {
        expect(text + unzipped + logs.join('\n')).not.toContain(id);
      }
    }
    const searched = searchable([text, unzipped], logs);
    const secrets = secretsFor('anonymous');
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(searched).not.toContain(secret);
    // No hidden place's coordinates, to two decimals, in any number of the file.
    for (const key of keys.filter((k) => !sees('anonymous', k, 'exactAddress'))) {
      for (const pattern of coordinatePatterns(key)) expect(searched).not.toMatch(pattern);
    }
  });
});
