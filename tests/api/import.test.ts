// The data·inclusion import through the back office's mutation, over HTTP: moderators only; the
// fixture's duplicates of demo listings (by phone, name within 200 m, SIRET) become corrections
// reported by listing id only; importing again lands nothing; and the round trip: approve every
// imported submission, export, import the export: no new listing, no submission.
import { readFileSync } from 'node:fs';
import { isErrorKey, paramsMatch } from '@repere/shared/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../api/src/db/seed.ts';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
let moderator: Record<string, string>;

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/data-inclusion/${name}.json`, import.meta.url), 'utf8');
const files = { structures: fixture('structures'), services: fixture('services') };

const importMutation = `mutation ($structures: String!, $services: String!) {
  importDataInclusion(structures: $structures, services: $services) {
    created corrections unchanged invalid
    records { index sourceId outcome submissionId duplicateOf }
    problems { file index field message key params }
  } }`;

async function importFiles(vars: { structures: string; services: string }, headers = moderator) {
  const res = await api.gql(importMutation, vars, headers);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.importDataInclusion;
}

const structureId = async (name: string) => {
  const res = await api.gql(
    `query ($q: String!) { structures(filter: { search: $q }, first: 5) { edges { node { id name } } } }`,
    { q: name },
    moderator,
  );
  const node = res.data.structures.edges.find((e: any) => e.node.name === name)?.node;
  if (!node) throw new Error(`no listing ${name}`);
  return node.id as string;
};

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await seedDemo(api.db);
  await createAccount(api.db, { email: 'modo@import.fr', role: 'MODERATOR' });
  await createAccount(api.db, { email: 'pro@import.fr', role: 'PROFESSIONAL' });
  moderator = await loginHeaders(api, 'modo@import.fr');
});

describe('importDataInclusion', () => {
  it('is for moderators: a professional and an anonymous caller are refused, nothing is stored', async () => {
    const pro = await api.gql(importMutation, files, await loginHeaders(api, 'pro@import.fr'));
    expect(pro.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(importMutation, files);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const queue = await api.gql('{ submissions(first: 1) { totalCount } }', {}, moderator);
    expect(queue.data.submissions.totalCount).toBe(0);
  });

  it('reads bodies past 2 MB from moderators only, before parsing anyone else’s', async () => {
    // A valid file, padded with spaces to 3 MB.
    const padded = { structures: `${' '.repeat(3 * 1024 * 1024)}[]`, services: '[]' };
    const anonymous = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: importMutation, variables: padded }),
    });
    expect(anonymous.status).toBe(413);
    const report = await importFiles(padded);
    expect(report).toMatchObject({ created: 0, corrections: 0, invalid: 0 });
  });

  it('queues new listings and corrections of the listings they duplicate, and reports invalid records by index and field', async () => {
    // A moderator records the SIRET of a demo listing; the fixture has a record with it.
    const carcassonne = await structureId('Association Fictive La Traversée Jeunes — Carcassonne');
    const sired = await api.gql(
      `mutation ($id: ID!) { updateStructure(id: $id, input: { siret: "99912345600017" }) { revision } }`,
      { id: carcassonne },
      moderator,
    );
    expect(sired.errors).toBeUndefined();

    const report = await importFiles(files);
    const outcome = (id: string) => report.records.find((r: any) => r.sourceId === id);
    expect(report).toMatchObject({ created: 46, corrections: 4, unchanged: 1, invalid: 11 });
    expect(outcome('doublon-siret')).toMatchObject({ outcome: 'CORRECTION', duplicateOf: carcassonne });
    expect(outcome('doublon-telephone')).toMatchObject({
      outcome: 'CORRECTION',
      duplicateOf: await structureId('Association Fictive Le Carrefour Jeunes — Troyes'),
    });
    expect(outcome('doublon-nom-proche')).toMatchObject({
      outcome: 'CORRECTION',
      duplicateOf: await structureId('Association Fictive La Source Jeunes — Rodez'),
    });
    expect(outcome('doublon-identique')).toMatchObject({
      outcome: 'UNCHANGED',
      submissionId: null,
      duplicateOf: await structureId('Association Fictive Horizon Jeunes — Marseille'),
    });
    expect(outcome('doublon-confidentiel')?.outcome).toBe('CORRECTION');

    // Invalid records: by file, index and field; their services too, and the orphan service.
    const problems = report.problems.map((p: any) => `${p.file.toLowerCase()}[${p.index}] ${p.field}`);
    expect(problems).toEqual([
      'services[69] thematiques.0',
      'services[73] structure_id',
      'structures[51] siret',
      'structures[52] date_maj',
      'structures[53] nom',
      'structures[54] telephone',
      'structures[55] code_postal',
      'structures[56] code_postal',
      'structures[56] commune',
      'structures[57] courriel',
      'structures[58] services',
      'structures[59] thematiques',
      'structures[60] description',
      'structures[61] latitude',
    ]);
    // Each has a key of the catalogue with its params, on the record's own field (the back office
    // words it in French from those); the params repeat nothing but the record's field and limits.
    for (const p of report.problems) {
      expect(isErrorKey(p.key) && paramsMatch(p.key, p.params), JSON.stringify(p)).toBe(true);
      expect(p.params.field).toBe(p.field);
    }
    expect(report.problems.map((p: any) => p.key)).toEqual([
      'invalidValue',
      'importUnknownStructure',
      'atLeast',
      'invalidFormat',
      'required',
      'importPhone',
      'unknownPostalCode',
      'importNewNeeds',
      'importNewNeeds',
      'email',
      'importInvalidService',
      'importNoThematique',
      'forbiddenCharacter',
      'outside',
    ]);
    expect(report.records.filter((r: any) => r.outcome === 'INVALID').map((r: any) => r.index)).toEqual([
      51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61,
    ]);

    // The correction of the SIRET duplicate: what the record adds (a website, a family service).
    const correction = await api.gql(
      `query ($id: ID!) { submission(id: $id) { kind status source sourceId comment changes { field before after } } }`,
      { id: outcome('doublon-siret').submissionId },
      moderator,
    );
    expect(correction.data.submission).toMatchObject({
      kind: 'CORRECTION',
      status: 'PENDING',
      source: 'partenaire-fictif',
      sourceId: 'doublon-siret',
    });
    expect(correction.data.submission.comment).toContain('même SIRET');
    const changed = correction.data.submission.changes.map((c: any) => c.field).sort();
    expect(changed).toEqual(['name', 'website']);

    // A shelter comes in RESTRICTED, never CONFIDENTIAL; a listening place PUBLIC.
    const shelter = await api.gql(
      `query ($id: ID!) { submission(id: $id) { kind proposed } }`,
      { id: outcome('lieu-002').submissionId },
      moderator,
    );
    expect(shelter.data.submission.proposed).toMatchObject({ visibility: 'RESTRICTED', services: ['SHELTER'] });

    // The report names a hidden listing by id only: none of its values.
    const hidden = await api.gql(
      `query ($id: ID!) { structure(id: $id) { name address { street } location { lat lon } } }`,
      { id: outcome('doublon-confidentiel').duplicateOf },
      moderator,
    );
    const text = JSON.stringify(report);
    expect(text).not.toContain(hidden.data.structure.address.street);
    expect(text).not.toContain(String(hidden.data.structure.location.lat));
  });

  it('echoes a record’s own key printable and bounded, never its control characters', async () => {
    // The schemas allow keys of the source's own: this one clears the screen in a terminal.
    const key = `\u001b[2J${'x'.repeat(5000)}`;
    const record = { source: 'essai-echo', id: 'echo-1', nom: 'Écho', date_maj: '2026-10-01', [key]: 'son\u0007' };
    const report = await importFiles({ structures: JSON.stringify([record]), services: '[]' });
    expect(report.invalid).toBe(1);
    const [problem] = report.problems;
    expect(problem.message).toBe('contains a forbidden character (U+0007)');
    expect(problem.field).toMatch(/^U\+001B\[2Jx+…$/);
    expect(problem.field).toHaveLength(100);
  });

  it('imports the same files again: nothing new', async () => {
    const before = (await api.gql('{ submissions(first: 1) { totalCount } }', {}, moderator)).data.submissions;
    const again = await importFiles(files);
    expect(again).toMatchObject({ created: 0, corrections: 0, unchanged: 51, invalid: 11 });
    const after = (await api.gql('{ submissions(first: 1) { totalCount } }', {}, moderator)).data.submissions;
    expect(after.totalCount).toBe(before.totalCount);
  });

  it('round trip: once approved, the export imported again lands no listing and no submission', async () => {
    const pending = await api.gql(
      '{ submissions(status: PENDING, first: 100) { totalCount edges { node { id } } } }',
      {},
      moderator,
    );
    expect(pending.data.submissions.totalCount).toBe(50);
    for (const { node } of pending.data.submissions.edges) {
      const approved = await api.gql(
        `mutation ($id: ID!) { approveSubmission(id: $id) { submission { status } } }`,
        { id: node.id },
        moderator,
      );
      expect(approved.errors, JSON.stringify(approved.errors)).toBeUndefined();
    }
    const count = async () =>
      (
        await api.gql(
          '{ structures(first: 1, filter: { statuses: [ONLINE, OFFLINE, CLOSED, DRAFT] }) { totalCount } }',
          {},
          moderator,
        )
      ).data.structures.totalCount;
    const listings = await count();
    const exported = {
      structures: await (await fetch(`${api.url}/exports/data-inclusion/structures.json`)).text(),
      services: await (await fetch(`${api.url}/exports/data-inclusion/services.json`)).text(),
    };
    const report = await importFiles(exported);
    const changed = report.records.filter((r: any) => r.outcome !== 'UNCHANGED');
    expect(changed, JSON.stringify(report.problems.slice(0, 5))).toEqual([]);
    expect(report).toMatchObject({ created: 0, corrections: 0, invalid: 0 });
    expect(report.unchanged).toBe(JSON.parse(exported.structures).length);
    expect(await count()).toBe(listings);
    const queue = await api.gql('{ submissions(status: PENDING, first: 1) { totalCount } }', {}, moderator);
    expect(queue.data.submissions.totalCount).toBe(0);
  });
});
