// Contributions and moderation over GraphQL: idempotent submissions, corrections limited to
// what their author sees, field-by-field diffs, conflicts, one winner, revisions and restore.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let modo: Record<string, string>;
let modo2: Record<string, string>;
let restrictedId: string;
let confidentialId: string;

const submit = `mutation ($input: StructureSubmissionInput!, $key: String) {
  submitStructure(input: $input, idempotencyKey: $key) { submission { id status kind proposed } } }`;
const correct = `mutation ($id: ID!, $changes: StructurePatch!, $key: String) {
  suggestCorrection(structureId: $id, changes: $changes, idempotencyKey: $key) { submission { id status kind } } }`;
const approve = `mutation ($id: ID!, $override: Boolean) {
  approveSubmission(id: $id, overrideConflicts: $override) { submission { id status revision structure { id name phone } } } }`;

const proposal = {
  name: 'Point Écoute Essai',
  kind: 'ASSOCIATION',
  services: ['LISTENING_SUPPORT'],
  address: { street: '3 place des Essais', postalCode: '80000', city: 'Amiens' },
  location: { lat: 49.8952, lon: 2.3011 },
  phone: '+33322333333',
  contact: { email: 'benevole@example.org' },
  comment: 'Ouvert depuis septembre.',
};

async function count(query: string): Promise<number> {
  const [row] = await api.db.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${query}`));
  return row?.n ?? 0;
}

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  [restrictedId, confidentialId] = (await seed(api.db, [
    fixture({
      name: 'Maison Discrète',
      visibility: 'RESTRICTED',
      address: { street: '5 impasse Cachée', postalCode: '80000', city: 'Amiens' },
      phone: '+33322444444',
    }),
    fixture({ name: 'Refuge Caché', visibility: 'CONFIDENTIAL', professionalContact: { email: 'refuge@example.org' } }),
  ])) as [string, string];
  await createAccount(api.db, { email: 'modo@cur.fr', role: 'MODERATOR' });
  await createAccount(api.db, { email: 'modo2@cur.fr', role: 'MODERATOR' });
  modo = await loginHeaders(api, 'modo@cur.fr');
  modo2 = await loginHeaders(api, 'modo2@cur.fr');
});

describe('a submission through to restore', () => {
  it('sent twice with one key: one pending item; approved: listed with revision 1; corrected: diff and revision 2; restored', async () => {
    const first = await api.gql(submit, { input: proposal, key: 'cle-essai-0001' });
    const again = await api.gql(submit, { input: proposal, key: 'cle-essai-0001' });
    expect(first.errors).toBeUndefined();
    expect(again.data.submitStructure.submission.id).toBe(first.data.submitStructure.submission.id);
    // The public author sees its id and status, not the details.
    expect(first.data.submitStructure.submission).toMatchObject({
      status: 'PENDING',
      kind: 'NEW_STRUCTURE',
      proposed: null,
    });
    const queue = await api.gql(
      `{ submissions(status: PENDING, kinds: [NEW_STRUCTURE]) { totalCount edges { node { id departmentCode comment submitterContact changes { field after } } } } }`,
      {},
      modo,
    );
    expect(queue.data.submissions.totalCount).toBe(1);
    const item = queue.data.submissions.edges[0].node;
    expect(item).toMatchObject({
      departmentCode: '80',
      comment: 'Ouvert depuis septembre.',
      submitterContact: { email: 'benevole@example.org' },
    });
    expect(item.changes).toContainEqual({ field: 'phone', after: '+33322333333' });

    const one = await api.gql(`query ($id: ID!) { submission(id: $id) { id comment } }`, { id: item.id }, modo);
    expect(one.data.submission).toEqual({ id: item.id, comment: 'Ouvert depuis septembre.' });
    expect(
      (await api.gql(`query ($id: ID!) { submission(id: $id) { id } }`, { id: item.id })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const approved = await api.gql(approve, { id: item.id }, modo);
    expect(approved.errors).toBeUndefined();
    const { structure, revision } = approved.data.approveSubmission.submission;
    expect(revision).toBe(1);
    const listed = await api.gql(`{ structures(filter: { search: "Point Écoute Essai" }) { edges { node { id } } } }`);
    expect(listed.data.structures.edges.map((e: any) => e.node.id)).toContain(structure.id);

    const suggestion = await api.gql(correct, {
      id: structure.id,
      changes: { phone: '+33322555555' },
      key: 'cle-essai-0002',
    });
    const diff = await api.gql(
      `query ($s: ID!) { submissions(status: PENDING, structureId: $s) { edges { node { id changes { field before after } conflicts } } } }`,
      { s: structure.id },
      modo,
    );
    const correction = diff.data.submissions.edges[0].node;
    expect(correction.id).toBe(suggestion.data.suggestCorrection.submission.id);
    expect(correction.changes).toEqual([{ field: 'phone', before: '+33322333333', after: '+33322555555' }]);
    expect(correction.conflicts).toEqual([]);
    const applied = await api.gql(approve, { id: correction.id }, modo);
    expect(applied.data.approveSubmission.submission).toMatchObject({
      revision: 2,
      structure: { phone: '+33322555555' },
    });

    const revisions = await api.gql(
      `query ($s: ID!) { revisions(structureId: $s) { id number action } }`,
      { s: structure.id },
      modo,
    );
    expect(revisions.data.revisions.map((r: any) => [r.number, r.action])).toEqual([
      [2, 'SUBMISSION'],
      [1, 'SUBMISSION'],
    ]);
    const restored = await api.gql(
      `mutation ($id: ID!) { restoreRevision(id: $id) { revision structure { phone } } }`,
      { id: revisions.data.revisions[1].id },
      modo,
    );
    expect(restored.data.restoreRevision).toEqual({ revision: 3, structure: { phone: '+33322333333' } });
  });

  it('a key reused for another request is refused, and nothing is stored', async () => {
    const before = await count('submissions');
    const res = await api.gql(submit, { input: { ...proposal, name: 'Autre chose' }, key: 'cle-essai-0001' });
    expect(res.errors?.[0]).toMatchObject({
      message: 'idempotencyKey: already used for a different request.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await count('submissions')).toBe(before);
  });

  it('keys are per submitter: the same key from another account or the public is a new submission', async () => {
    const key = 'cle-partagee-0001';
    const anonymous = await api.gql(submit, { input: { ...proposal, name: 'Proposé par le public' }, key });
    const byModo = await api.gql(submit, { input: { ...proposal, name: 'Proposé par une modératrice' }, key }, modo);
    const byModo2 = await api.gql(submit, { input: { ...proposal, name: 'Proposé par une autre' }, key }, modo2);
    expect([anonymous.errors, byModo.errors, byModo2.errors]).toEqual([undefined, undefined, undefined]);
    const ids = [anonymous, byModo, byModo2].map((r) => r.data.submitStructure.submission.id);
    expect(new Set(ids).size).toBe(3);
    // Each submitter's retry still returns its own first submission.
    const retried = await api.gql(submit, { input: { ...proposal, name: 'Proposé par une modératrice' }, key }, modo);
    expect(retried.data.submitStructure.submission.id).toBe(ids[1]);
  });
});

describe('contributions', () => {
  it('about a hidden structure answer exactly like about an unknown one', async () => {
    const unknown = Buffer.from('Structure:00000000-0000-4000-8000-000000000000').toString('base64');
    for (const query of [
      `mutation ($id: ID!) { reportStructure(structureId: $id, reason: CLOSED) { submission { id } } }`,
      `mutation ($id: ID!) { suggestCorrection(structureId: $id, changes: { name: "Nouveau nom" }) { submission { id } } }`,
    ]) {
      const hidden = await api.gql(query, { id: confidentialId });
      expect(hidden).toEqual(await api.gql(query, { id: unknown }));
      expect(hidden.errors?.[0]).toMatchObject({ message: 'No such structure.', extensions: { code: 'NOT_FOUND' } });
    }
  });

  it('change only fields their author can see', async () => {
    for (const changes of [
      { address: { street: '1 rue Devinée' } },
      { location: { lat: 49.9, lon: 2.3 } },
      { internalNotes: 'x' },
      { visibility: 'PUBLIC' },
    ]) {
      const res = await api.gql(correct, { id: restrictedId, changes });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/not a field you can change on this listing/);
    }
    expect((await api.gql(correct, { id: restrictedId, changes: { phone: '+33322666666' } })).errors).toBeUndefined();
    await createAccount(api.db, { email: 'pro@cur.fr', role: 'PROFESSIONAL' });
    const pro = await loginHeaders(api, 'pro@cur.fr');
    const street = await api.gql(
      correct,
      { id: restrictedId, changes: { address: { street: '7 impasse Cachée' } } },
      pro,
    );
    expect(street.errors).toBeUndefined();
    const contact = await api.gql(
      correct,
      { id: confidentialId, changes: { professionalContact: { email: 'nouveau@example.org' } } },
      pro,
    );
    expect(contact.errors).toBeUndefined();
  });

  it('bad input gets BAD_USER_INPUT naming the field, and stores nothing', async () => {
    const before = await count('submissions');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: 'x'.repeat(10_000) }, /name/],
      [{ phone: '0322333333' }, /phone must be in E\.164 form/],
      [
        { address: { ...proposal.address, postalCode: '13001' }, departmentCode: '80' },
        /13001 is in department 13 \(Bouches-du-Rhône\), not 80/,
      ],
      [{ openingHours: 'parfois' }, /openingHours/],
      [{ location: { lat: 50.25, lon: 1.2 } }, /km outside department 80 \(at sea/],
    ];
    for (const [change, message] of cases) {
      const res = await api.gql(submit, { input: { ...proposal, ...change } });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
    }
    const badEnum = await api.gql(submit, { input: { ...proposal, kind: 'CHATEAU' } });
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCorrection = await api.gql(correct, { id: restrictedId, changes: { openingHours: 'quand il pleut' } });
    expect(badCorrection.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('submissions')).toBe(before);
  });
});

describe('moderation', () => {
  it('a correction whose field changed since it was written is flagged and not applied blindly', async () => {
    const { id } = (await api.gql(correct, { id: restrictedId, changes: { phone: '+33322777777' } })).data
      .suggestCorrection.submission;
    await api.gql(
      `mutation ($id: ID!) { updateStructure(id: $id, input: { phone: "+33322888888" }) { revision } }`,
      { id: restrictedId },
      modo,
    );
    const flagged = await api.gql(
      `query ($s: ID!) { submissions(structureId: $s, status: PENDING) { edges { node { id conflicts } } } }`,
      { s: restrictedId },
      modo,
    );
    expect(flagged.data.submissions.edges.find((e: any) => e.node.id === id).node.conflicts).toEqual(['phone']);
    const refused = await api.gql(approve, { id }, modo);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', conflicts: ['phone'] });
    const still = await api.gql(`query ($s: ID!) { structure(id: $s) { phone } }`, { s: restrictedId });
    expect(still.data.structure.phone).toBe('+33322888888');
    const forced = await api.gql(approve, { id, override: true }, modo);
    expect(forced.data.approveSubmission.submission.structure.phone).toBe('+33322777777');
  });

  it('a new listing sent without coordinates is approved with the ones a moderator gives', async () => {
    const { location: _none, ...withoutPoint } = proposal;
    const { id } = (await api.gql(submit, { input: { ...withoutPoint, name: 'Antenne Sans Point' } })).data
      .submitStructure.submission;
    const missing = await api.gql(approve, { id }, modo);
    expect(missing.errors?.[0]?.message).toBe('location: give coordinates (no geocoder is configured).');
    const placed = await api.gql(
      `mutation ($id: ID!) { approveSubmission(id: $id, location: { lat: 49.8961, lon: 2.3012 }) { submission { status structure { location { lat lon } } } } }`,
      { id },
      modo,
    );
    expect(placed.data.approveSubmission.submission).toEqual({
      status: 'APPROVED',
      structure: { location: { lat: 49.8961, lon: 2.3012 } },
    });
  });

  it('two moderators approving the same item: exactly one wins, the other gets CONFLICT', async () => {
    const { id } = (await api.gql(submit, { input: { ...proposal, name: 'Antenne Disputée' } })).data.submitStructure
      .submission;
    const results = await Promise.all([api.gql(approve, { id }, modo), api.gql(approve, { id }, modo2)]);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]?.errors?.[0]).toMatchObject({
      message: 'This submission was already approved.',
      extensions: { code: 'CONFLICT' },
    });
    expect(await count(`structures WHERE name = 'Antenne Disputée'`)).toBe(1);
  });

  it('reject records a reason; reports: CLOSED closes the listing, others change nothing', async () => {
    const { id } = (await api.gql(submit, { input: { ...proposal, name: 'Doublon' } })).data.submitStructure.submission;
    const rejected = await api.gql(
      `mutation ($id: ID!) { rejectSubmission(id: $id, reason: "Doublon de Point Écoute Essai") { submission { status decisionReason } } }`,
      { id },
      modo,
    );
    expect(rejected.data.rejectSubmission.submission).toEqual({
      status: 'REJECTED',
      decisionReason: 'Doublon de Point Écoute Essai',
    });
    expect((await api.gql(approve, { id }, modo)).errors?.[0]?.message).toBe('This submission was already rejected.');

    const [target] = await seed(api.db, [fixture({ name: 'Antenne Fermée' })]);
    const report = (reason: string) =>
      api.gql(
        `mutation ($id: ID!, $r: ReportReason!) { reportStructure(structureId: $id, reason: $r, comment: "vu sur place") { submission { id } } }`,
        {
          id: target,
          r: reason,
        },
      );
    const wrong = (await report('WRONG_PHONE')).data.reportStructure.submission.id;
    expect((await api.gql(approve, { id: wrong }, modo)).data.approveSubmission.submission.revision).toBeNull();
    const closed = (await report('CLOSED')).data.reportStructure.submission.id;
    expect((await api.gql(approve, { id: closed }, modo)).data.approveSubmission.submission.revision).toBe(2);
    expect((await api.gql(`query ($id: ID!) { structure(id: $id) { id } }`, { id: target })).data.structure).toBeNull();
  });

  it('the queue filters by kind, status, department and age; only moderators read it', async () => {
    await api.db.exec(`UPDATE submissions SET created_at = now() - interval '10 days' WHERE comment = 'vu sur place'`);
    const old = await api.gql(`{ submissions(olderThanDays: 7) { totalCount edges { node { kind } } } }`, {}, modo);
    expect(old.data.submissions.totalCount).toBe(2);
    const reports = await api.gql(
      `{ submissions(kinds: [REPORT], status: APPROVED, departmentCode: "80") { totalCount } }`,
      {},
      modo,
    );
    expect(reports.data.submissions.totalCount).toBe(2);
    const none = await api.gql(`{ submissions(departmentCode: "13") { totalCount } }`, {}, modo);
    expect(none.data.submissions.totalCount).toBe(0);
    expect((await api.gql(`{ submissions { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
