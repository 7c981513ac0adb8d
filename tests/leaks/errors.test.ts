// The errors oracle: inputs built to trigger every validation path (wrong department, wrong
// postal code, far point, bad phone, conflicting fields, hidden and unknown ids), sent by each of
// the seven viewers; no answer, error message, extension or log line may hold a value the policy
// hides from that viewer. A correction that conflicts with hidden values is queued for moderators.
import { beforeAll, describe, expect, it } from 'vitest';
import { rawId } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import {
  cast,
  coordinatePatterns,
  type Key,
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
const marseille = { lat: 43.2965, lon: 5.3698 };

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  seeded = await seedCast(api);
});

// Each change on its own, then a few together: every check a correction or an edit goes through.
const patches: Record<string, unknown>[] = [
  { departmentCode: '01' },
  { departmentCode: '13' },
  { departmentCode: '99' },
  { departmentCode: '80' },
  { address: { postalCode: '13003' } },
  { address: { postalCode: '13003', city: 'Marseille' }, departmentCode: '13' },
  { address: { postalCode: '00000' } },
  { address: { inseeCode: '13203' } },
  { address: { street: '1 rue Essai' } },
  { location: marseille },
  { location: { lat: 91, lon: 0 } },
  { location: marseille, departmentCode: '80' },
  { phone: '12' },
  { phone: '+33399887766' },
  { openingHours: 'Mo 25:00-26:00' },
  { ageMin: 99, ageMax: 3 },
  { ageMin: 30 },
  { name: '' },
  { website: 'javascript:alert(1)' },
  { professionalContact: { email: 'pas-un-courriel' } },
  { capacityPlaces: -1 },
  { internalNotes: 'note' },
  { visibility: 'PUBLIC' },
  { status: 'ONLINE' },
  { servedDepartments: ['00'] },
  { notices: [{ kind: 'CLOSURE', startsOn: '2030-13-01', message: 'x' }] },
];

const mutations: { name: string; query: string; variables: (id: string) => Record<string, unknown> }[] = [
  ...patches.map((changes, i) => ({
    name: `suggestCorrection #${i}`,
    query: `mutation ($id: ID!, $changes: StructurePatch!) {
      suggestCorrection(structureId: $id, changes: $changes) { submission { status } } }`,
    variables: (id: string) => ({ id, changes }),
  })),
  ...patches.slice(0, 12).map((input, i) => ({
    name: `updateStructure #${i}`,
    query: `mutation ($id: ID!, $input: StructurePatch!) { updateStructure(id: $id, input: $input) { revision } }`,
    variables: (id: string) => ({ id, input }),
  })),
  {
    name: 'reportStructure',
    query: `mutation ($id: ID!) { reportStructure(structureId: $id, reason: CLOSED, comment: "fermé ?") { submission { status } } }`,
    variables: (id) => ({ id }),
  },
  {
    name: 'sendReferral',
    query: `mutation ($id: ID!) { sendReferral(toStructureId: $id, message: "Arrivée prévue", urgency: ROUTINE) { referral { id } } }`,
    variables: (id) => ({ id }),
  },
  {
    name: 'archiveStructure',
    query: 'mutation ($id: ID!) { archiveStructure(id: $id) { revision } }',
    variables: (id) => ({ id }),
  },
  {
    name: 'markVerified',
    query: 'mutation ($id: ID!) { markVerified(id: $id) { revision } }',
    variables: (id) => ({ id }),
  },
  {
    name: 'revisions',
    query: 'query ($id: ID!) { revisions(structureId: $id) { number } }',
    variables: (id) => ({ id }),
  },
  {
    name: 'submissions',
    query: 'query ($id: ID!) { submissions(structureId: $id) { totalCount } }',
    variables: (id) => ({ id }),
  },
  {
    name: 'auditLog',
    query: 'query ($id: ID!) { auditLog(filter: { structureId: $id }) { edges { node { id } } } }',
    variables: (id) => ({ id }),
  },
  { name: 'structure.nope', query: 'query ($id: ID!) { structure(id: $id) { nope } }', variables: (id) => ({ id }) },
];

// The changes that would write a listing are sent to a copy of the cast's state: archive last.
const writesLast = (m: { name: string }) => (m.name === 'archiveStructure' ? 1 : 0);

describe.each(viewerNames)('errors oracle: %s', (viewer: ViewerName) => {
  const gql = (query: string, variables?: Record<string, unknown>) => api.gql(query, variables, seeded.headers[viewer]);

  it('no validation path answers or logs a hidden value', async () => {
    const logStart = api.logs.length;
    const bodies: unknown[] = [];
    let errors = 0;
    for (const m of [...mutations].sort((a, b) => writesLast(a) - writesLast(b))) {
      for (const id of [...keys.map((k) => seeded.ids[k]), unknownId, 'pas-un-id']) {
        const body = await gql(m.query, m.variables(id));
        errors += body.errors?.length ?? 0;
        bodies.push(body);
      }
    }
    for (const [query, variables] of [
      ['query ($f: StructureFilter) { structures(filter: $f) { totalCount } }', { f: { departmentCode: '00' } }],
      ['query ($f: StructureFilter) { structures(filter: $f) { totalCount } }', { f: { postalCode: 'abc' } }],
      ['{ structures(near: { lat: 200, lon: 0 }) { totalCount } }', {}],
      ['{ structures(near: { lat: 43.29, lon: 5.36 }, radiusKm: -1) { totalCount } }', {}],
      ['{ structures(after: "pas-un-curseur") { totalCount } }', {}],
      ['{ structures(first: 1000) { totalCount } }', {}],
      ['{ structures(filter: { updatedSince: "hier" }) { totalCount } }', {}],
      ['{ structureChanges(since: "pas une date") { checkpoint } }', {}],
      ['{ structureChanges(since: "1970-01-01T00:00:00Z", after: "pas-un-curseur") { checkpoint } }', {}],
      ['{ structureChanges(since: "1970-01-01T00:00:00Z", first: 0) { checkpoint } }', {}],
      ['{ places(search: "") { name } }', {}],
      [
        'mutation { evaluateSelfAssessment(itemIds: ["x"], near: { lat: 43.29, lon: 5.36 }) { helplines { number } } }',
        {},
      ],
    ] as const) {
      const body = await gql(query, variables);
      errors += body.errors?.length ?? 0;
      bodies.push(body);
    }
    // The oracle is only as good as its inputs: most of them must have been refused.
    expect(errors).toBeGreaterThan(100);
    const text = searchable(bodies, api.logs.slice(logStart));
    // Each hit with a little context (the whole text would drown the failure).
    const around = (at: number) => text.slice(Math.max(0, at - 120), at + 40);
    const hits: string[] = [];
    const raw = JSON.stringify(bodies) + api.logs.slice(logStart).join('\n');
    for (const key of keys.filter((k) => !sees(viewer, k, 'listed'))) {
      if (raw.includes(seeded.ids[key]) || raw.includes(rawId(seeded.ids[key]))) hits.push(`id of ${key}`);
    }
    for (const secret of secretsFor(viewer)) {
      if (text.includes(secret)) hits.push(`${secret}: ${around(text.indexOf(secret))}`);
    }
    for (const key of keys.filter((k) => !(sees(viewer, k, 'exactAddress') && sees(viewer, k, 'listed')))) {
      for (const pattern of coordinatePatterns(key)) {
        const found = pattern.exec(text);
        if (found) hits.push(`${key} ${pattern}: ${around(found.index)}`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('a hidden id answers every mutation and argument exactly like an unknown id', async () => {
    const hidden = keys.filter((k) => !sees(viewer, k, 'listed'));
    expect(hidden.includes('D')).toBe(viewer !== 'moderator');
    for (const m of mutations) {
      const unknown = await gql(m.query, m.variables(unknownId));
      for (const key of hidden) expect(await gql(m.query, m.variables(seeded.ids[key])), m.name).toEqual(unknown);
    }
  });
});

describe('a correction that conflicts with hidden values', () => {
  // The moderator's pass above really edited and archived the cast: start again from it.
  beforeAll(async () => {
    await resetData(api.db);
    seeded = await seedCast(api);
  });
  const moderator = () => seeded.headers.moderator;
  const suggest = (viewer: ViewerName, key: Key, changes: Record<string, unknown>) =>
    api.gql(
      `mutation ($id: ID!, $changes: StructurePatch!) {
        suggestCorrection(structureId: $id, changes: $changes) { submission { id status } } }`,
      { id: seeded.ids[key], changes },
      seeded.headers[viewer],
    );
  const review = async (id: string) =>
    (await api.gql('query ($id: ID!) { submission(id: $id) { status conflicts problems } }', { id }, moderator())).data
      .submission;

  it('is accepted like any other, and queued for moderators with the check that failed', async () => {
    for (const [viewer, key] of [
      ['anonymous', 'R'],
      ['API key', 'R'],
      ['vetted professional', 'C'],
    ] as [ViewerName, Key][]) {
      const res = await suggest(viewer, key, { departmentCode: '01' });
      expect(res.errors, viewer).toBeUndefined();
      expect(res.data.suggestCorrection.submission.status).toBe('PENDING');
      const queued = await review(res.data.suggestCorrection.submission.id);
      expect(queued.conflicts).toContain('checks');
      expect(queued.problems.join(' ')).toContain(cast[key].place.postalCode);
    }
  });

  it('still gets a clear error about what its author sent, or about values the author sees', async () => {
    const unknownDepartment = await suggest('anonymous', 'R', { departmentCode: '99' });
    expect(unknownDepartment.errors?.[0]?.message).toMatch(/department "99"/);
    // P is PUBLIC: its postal code is everyone's to see, so the check answers with it.
    const visible = await suggest('anonymous', 'P', { departmentCode: '01' });
    expect(visible.errors?.[0]?.message).toContain(cast.P.place.postalCode);
    // A vetted professional sees R's postal code: the same answer.
    const pro = await suggest('vetted professional', 'R', { departmentCode: '01' });
    expect(pro.errors?.[0]?.message).toContain(cast.R.place.postalCode);
    const hours = await suggest('anonymous', 'R', { openingHours: 'Mo 25:00-26:00' });
    expect(hours.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
