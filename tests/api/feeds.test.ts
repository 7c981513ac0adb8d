// Change feeds: structureChanges, structures(filter: { updatedSince }) and the exports'
// ?updated_since=. Each viewer gets the changes of its own view: a change of a field it may not
// see is no change; a listing that left its view comes as a removal carrying only its id and
// time; a listing it never could see never comes at all, not even as a removal.
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../api/src/modules/api-keys/create.ts';
import { createAccount, loginHeaders, rawId } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let ids: Record<'A' | 'B' | 'C' | 'X' | 'Y' | 'D', string>;
let headers: Record<'anonymous' | 'partner' | 'pro' | 'moderator', Record<string, string>>;

const changes = `query ($since: DateTime!, $first: Int, $after: String) {
  structureChanges(since: $since, first: $first, after: $after) {
    checkpoint pageInfo { hasNextPage endCursor }
    edges { cursor changedAt node { __typename ... on Structure { id name phone visibility }
      ... on StructureRemoval { id removedAt } } } } }`;

interface Change {
  changedAt: string;
  node: { __typename: string; id: string; removedAt?: string; name?: string; phone?: string; visibility?: string };
}

async function changesOf(viewer: keyof typeof headers, since: string) {
  const res = await api.gql(changes, { since, first: 100 }, headers[viewer]);
  expect(res.errors).toBeUndefined();
  const connection = res.data.structureChanges;
  expect(connection.pageInfo.hasNextPage).toBe(false);
  return { edges: connection.edges as Change[], checkpoint: connection.checkpoint as string, raw: JSON.stringify(res) };
}

/** Which of the test's listings come, and how: 'Structure' or 'StructureRemoval'. */
function kinds(edges: Change[]): Record<string, string> {
  const byId = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k]));
  return Object.fromEntries(edges.map((e) => [byId[e.node.id] ?? e.node.id, e.node.__typename]));
}

async function checkpoint(viewer: keyof typeof headers = 'anonymous'): Promise<string> {
  return (await changesOf(viewer, new Date().toISOString())).checkpoint;
}

async function update(id: string, input: Record<string, unknown>) {
  const res = await api.gql(
    `mutation ($id: ID!, $input: StructurePatch!) { updateStructure(id: $id, input: $input) { structure { id } } }`,
    { id, input },
    headers.moderator,
  );
  expect(res.errors).toBeUndefined();
}

async function archive(id: string) {
  const res = await api.gql(
    `mutation ($id: ID!) { archiveStructure(id: $id) { structure { id } } }`,
    { id },
    headers.moderator,
  );
  expect(res.errors).toBeUndefined();
}

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  const [A, B, C, X, Y, D] = (await seed(api.db, [
    fixture({ name: 'Accueil Flux Public', phone: '+33322001001' }),
    fixture({
      name: 'Relais Flux Restreint',
      visibility: 'RESTRICTED',
      address: { street: '8 rue du Flux', postalCode: '80480', city: 'Dury' },
      location: { lat: 49.8471, lon: 2.2683 },
    }),
    fixture({ name: 'Abri Flux Secret', visibility: 'CONFIDENTIAL', internalNotes: 'Note secrète du flux' }),
    fixture({ name: 'Foyer Flux Archivable' }),
    fixture({ name: 'Halte Flux Discrète' }),
    fixture({ name: 'Brouillon Flux', status: 'DRAFT' }),
  ])) as [string, string, string, string, string, string];
  ids = { A, B, C, X, Y, D };
  await createAccount(api.db, { email: 'pro@flux.fr', role: 'PROFESSIONAL' });
  await createAccount(api.db, { email: 'modo@flux.fr', role: 'MODERATOR' });
  const { key } = await createApiKey({ db: api.db }, 'flux', null);
  headers = {
    anonymous: {},
    partner: { 'x-api-key': key },
    pro: await loginHeaders(api, 'pro@flux.fr'),
    moderator: await loginHeaders(api, 'modo@flux.fr'),
  };
});

describe('change feeds', () => {
  it('a visible change comes; an edit of fields the viewer may not see does not', async () => {
    const start = await checkpoint();
    await update(ids.A, { phone: '+33322001002' });
    const anonymous = await changesOf('anonymous', start);
    expect(kinds(anonymous.edges)).toEqual({ A: 'Structure' });
    expect(anonymous.edges[0]?.node.phone).toBe('+33322001002');
    const listed = await api.gql(
      `query ($since: DateTime!) { structures(filter: { updatedSince: $since }) { edges { node { id } } } }`,
      { since: start },
    );
    expect(listed.data.structures.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids.A]);

    // Internal notes (moderators only) and a professional contact (professionals and up).
    const hidden = await checkpoint();
    const etag = (await fetch(`${api.url}/exports/structures.geojson`, { method: 'HEAD' })).headers.get('etag');
    await update(ids.A, { internalNotes: 'Note du flux' });
    await update(ids.B, { professionalContact: { email: 'pro.flux@example.org' } });
    expect((await changesOf('anonymous', hidden)).edges).toEqual([]);
    expect((await changesOf('partner', hidden)).edges).toEqual([]);
    expect(kinds((await changesOf('pro', hidden)).edges)).toEqual({ B: 'Structure' });
    // The exports' version does not tell either that something hidden changed.
    expect((await fetch(`${api.url}/exports/structures.geojson`, { method: 'HEAD' })).headers.get('etag')).toBe(etag);
    // Moderators see every field: their filter counts every edit.
    const staff = await api.gql(
      `query ($since: DateTime!) { structures(filter: { updatedSince: $since }) { edges { node { id } } } }`,
      { since: hidden },
      headers.moderator,
    );
    expect(staff.data.structures.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
      [ids.A, ids.B].sort(),
    );
  });

  it('departures come as removals with only an id and a time; never-seen listings never come', async () => {
    const start = await checkpoint();
    await archive(ids.X);
    await update(ids.Y, { visibility: 'CONFIDENTIAL' });
    await update(ids.C, { name: 'Abri Flux Secret Renommé' });
    await update(ids.D, { name: 'Brouillon Flux Renommé' });
    // A write that bypasses the API is recorded too: the triggers are the feed's only writer.
    await api.db.exec(`UPDATE structures SET status = 'CLOSED' WHERE id = '${rawId(ids.B)}'`);

    for (const viewer of ['anonymous', 'partner'] as const) {
      const feed = await changesOf(viewer, start);
      expect(kinds(feed.edges)).toEqual({ X: 'StructureRemoval', Y: 'StructureRemoval', B: 'StructureRemoval' });
      const removal = await api.gql(
        `query ($since: DateTime!) { structureChanges(since: $since) { edges { node { ... on StructureRemoval { id removedAt } } } } }`,
        { since: start },
        headers[viewer],
      );
      for (const edge of removal.data.structureChanges.edges)
        expect(Object.keys(edge.node)).toEqual(['id', 'removedAt']);
      // Since the beginning: the CONFIDENTIAL listing and the draft never come, in any form.
      const all = await changesOf(viewer, '1970-01-01T00:00:00Z');
      for (const key of ['C', 'D'] as const) {
        expect(all.raw).not.toContain(ids[key]);
        expect(all.raw).not.toContain(rawId(ids[key]));
      }
      expect(all.raw).not.toContain('Halte Flux Discrète');
      expect(all.raw).not.toContain('Foyer Flux Archivable');
    }

    // Professionals still list Y (CONFIDENTIAL is in their view) and see C's new name.
    const pro = await changesOf('pro', start);
    expect(kinds(pro.edges)).toEqual({
      X: 'StructureRemoval',
      Y: 'Structure',
      C: 'Structure',
      B: 'StructureRemoval',
    });
    expect(pro.edges.find((e) => e.node.id === ids.Y)?.node.visibility).toBe('CONFIDENTIAL');
    expect(pro.raw).not.toContain(ids.D);

    // C leaves the professionals' view: a removal for them, still nothing for anonymous callers.
    const later = await checkpoint();
    await archive(ids.C);
    expect(kinds((await changesOf('pro', later)).edges)).toEqual({ C: 'StructureRemoval' });
    expect((await changesOf('anonymous', later)).edges).toEqual([]);

    // Y comes back to the public: an update, no longer a removal.
    const back = await checkpoint();
    await update(ids.Y, { visibility: 'PUBLIC' });
    expect(kinds((await changesOf('anonymous', back)).edges)).toEqual({ Y: 'Structure' });
    expect(kinds((await changesOf('anonymous', start)).edges)).toEqual({
      X: 'StructureRemoval',
      B: 'StructureRemoval',
      Y: 'Structure',
    });
  });

  // CI's server pass once got an earlier change again: another test file's transaction, in
  // another database of the same server, held the checkpoint back before it.
  it.skipIf(!process.env.DATABASE_URL)(
    "a write in flight in another database does not hold this database's checkpoint back",
    async () => {
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = '/postgres';
      const other = postgres(url.href, { max: 1, onnotice: () => {} });
      try {
        await other.begin(async (tx) => {
          // A write (it holds an xid); the short sleep only sets its start apart from `now` below.
          await tx`SELECT txid_current(), pg_sleep(0.005)`;
          const [now] = await tx<{ at: Date }[]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS at`;
          if (!now) throw new Error('no clock row');
          expect(Date.parse(await checkpoint())).toBeGreaterThanOrEqual(now.at.getTime());
        });
      } finally {
        await other.end();
      }
    },
  );

  it('pages in (time, id) order, with one checkpoint for the whole walk', async () => {
    const whole = await changesOf('pro', '1970-01-01T00:00:00Z');
    expect(whole.edges.length).toBeGreaterThan(4);
    const walked: Change[] = [];
    const checkpoints = new Set<string>();
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: { data?: any } = await api.gql(
        changes,
        { since: '1970-01-01T00:00:00Z', first: 2, after },
        headers.pro,
      );
      const page = res.data.structureChanges;
      expect(page.edges.length).toBeLessThanOrEqual(2);
      walked.push(...page.edges);
      checkpoints.add(page.checkpoint);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked.map((e) => e.node.id)).toEqual(whole.edges.map((e) => e.node.id));
    expect(new Set(walked.map((e) => e.node.id)).size).toBe(walked.length);
    const times = walked.map((e) => Date.parse(e.changedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(checkpoints.size).toBe(1);
    const forged = await api.gql(changes, { since: '1970-01-01T00:00:00Z', after: 'pas-un-curseur' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Well-formed, but at a time the database does not hold (year 0): as bad as any other.
    const real = JSON.parse(Buffer.from(after as string, 'base64url').toString('utf8'));
    for (const field of ['at', 'cp']) {
      const cursor = Buffer.from(JSON.stringify({ ...real, [field]: '0000-06-01T00:00:00Z' })).toString('base64url');
      const res = await api.gql(changes, { since: '1970-01-01T00:00:00Z', after: cursor }, headers.pro);
      expect(res.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', key: 'badCursor' });
      expect(res.errors?.[0]?.message).toBe('after: not a cursor returned by structureChanges.');
    }
  });

  it('exports with ?updated_since=: changed records and tombstones, in each format', async () => {
    const start = await checkpoint();
    await update(ids.A, { phone: '+33322001003' });
    await archive(ids.Y);
    const since = encodeURIComponent(start);

    const geo = await (await fetch(`${api.url}/exports/structures.geojson?updated_since=${since}`)).json();
    const byId = Object.fromEntries(geo.features.map((f: { id: string }) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual([ids.A, ids.Y].sort());
    expect(byId[ids.A].properties.phone).toBe('+33322001003');
    expect(byId[ids.Y].geometry).toBeNull();
    expect(Object.keys(byId[ids.Y].properties).sort()).toEqual(['id', 'removed', 'removed_at']);
    expect(byId[ids.Y].properties.removed).toBe(true);

    const csv = (await (await fetch(`${api.url}/exports/structures.csv?updated_since=${since}`)).text()).slice(1);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]?.endsWith(';stale;removed_at')).toBe(true);
    expect(lines).toHaveLength(3);
    const tombstone = (lines.find((l) => l.startsWith(`${ids.Y};`)) as string).split(';');
    expect(tombstone).toHaveLength(18);
    expect(tombstone.slice(1, 17).every((cell) => cell === '')).toBe(true);
    expect(Date.parse(tombstone[17] as string)).toBeGreaterThanOrEqual(Date.parse(start));
    expect((lines.find((l) => l.startsWith(`${ids.A};`)) as string).endsWith(';')).toBe(true);

    const di = await (await fetch(`${api.url}/exports/data-inclusion/structures.json?updated_since=${since}`)).json();
    expect(di.map((r: { id: string }) => r.id)).toEqual([`repere--${ids.A}`]);
    const services = await (
      await fetch(`${api.url}/exports/data-inclusion/services.json?updated_since=${since}`)
    ).json();
    expect(new Set(services.map((s: { structure_id: string }) => s.structure_id))).toEqual(
      new Set([`repere--${ids.A}`]),
    );
    const removed = await (await fetch(`${api.url}/exports/data-inclusion/removed.json?updated_since=${since}`)).json();
    expect(removed).toEqual([{ source: 'repere', id: `repere--${ids.Y}`, removed_at: expect.any(String) }]);

    // Since the beginning: every departure, and never the listings anonymous callers never saw.
    for (const path of ['structures.geojson', 'structures.csv', 'data-inclusion/removed.json']) {
      const text = await (await fetch(`${api.url}/exports/${path}?updated_since=1970-01-01`)).text();
      expect(text).toContain(ids.X);
      for (const key of ['C', 'D'] as const) {
        expect(text).not.toContain(ids[key]);
        expect(text).not.toContain(rawId(ids[key]));
      }
    }
    // Without the parameter, the files stay what they were: no removal in them.
    const full = await (await fetch(`${api.url}/exports/structures.geojson`)).text();
    expect(full).not.toContain('"removed"');
    expect(full).not.toContain(ids.X);
  });

  it('refuses dates that are not ISO 8601, with a message built from nothing else', async () => {
    for (const value of ['hier', '2026-02-30', '2026-13-01', '2026-01-30T12:00', '<script>alert(1)</script>', '']) {
      const res = await fetch(`${api.url}/exports/structures.csv?updated_since=${encodeURIComponent(value)}`);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/^updated_since: not an ISO 8601 date/);
      if (value) expect(JSON.stringify(body)).not.toContain(value);
    }
    const twice = await fetch(
      `${api.url}/exports/structures.geojson?updated_since=2026-01-01&updated_since=2026-01-02`,
    );
    expect(twice.status).toBe(400);
    for (const good of ['2026-01-31', '2026-01-31T12:00:00Z', '2026-01-31T12:00:00.123+02:00']) {
      expect((await fetch(`${api.url}/exports/structures.csv?updated_since=${encodeURIComponent(good)}`)).status).toBe(
        200,
      );
    }
    const gql = await api.gql(`{ structureChanges(since: "pas une date") { checkpoint } }`);
    expect(gql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gql.errors?.[0]?.message).toContain('since: not an ISO 8601 date-time');
    const filter = await api.gql(`{ structures(filter: { updatedSince: "demain" }) { totalCount } }`);
    expect(filter.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses dates JavaScript takes but the database does not (year 0, year 275760) as bad input', async () => {
    for (const value of ['0000-06-01', '0001-01-01T00:30:00+01:00']) {
      const res = await fetch(`${api.url}/exports/structures.geojson?updated_since=${encodeURIComponent(value)}`);
      expect(res.status, value).toBe(400);
      expect((await res.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'badUpdatedSince' });
    }
    for (const since of ['0000-06-01T00:00:00Z', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z']) {
      for (const query of [
        'query ($since: DateTime!) { structureChanges(since: $since) { checkpoint } }',
        'query ($since: DateTime!) { structures(filter: { updatedSince: $since }) { totalCount } }',
      ]) {
        const res = await api.gql(query, { since });
        expect(res.errors?.[0]?.extensions, `${since} ${query}`).toMatchObject({
          code: 'BAD_USER_INPUT',
          key: 'invalidType',
        });
        expect(res.errors?.[0]?.message).toContain('not an ISO 8601 date-time');
      }
    }
    // The earliest and latest days it takes still answer.
    for (const since of ['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z']) {
      const res = await api.gql('query ($since: DateTime!) { structureChanges(since: $since) { checkpoint } }', {
        since,
      });
      expect(res.errors, since).toBeUndefined();
    }
  });
});
