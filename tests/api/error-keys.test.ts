// Every error the API returns carries a code, a key of the catalogue (shared/src/errors.ts) and
// that key's params: one bad request per key the API can be made to emit over HTTP, from the
// HTTP layer (body, method, path, credentials, rate limits) through GraphQL (syntax, limits,
// variables, validation) to the resolvers (input checks, unknown ids, permissions, conflicts).
import { type ErrorKey, isErrorKey, paramsMatch } from '@repere/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../api/src/errors.ts';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

type Headers = Record<string, string>;

let api: TestApi;
let ids: string[];
let modo: Headers;
let admin: Headers;
let pro: Headers;
let limited: { url: string; close: () => Promise<void> } | undefined;
const unknownId = Buffer.from('Structure:00000000-0000-4000-8000-000000000000').toString('base64');

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  ids = await seed(api.db, [fixture({ name: 'Accueil des Essais' }), fixture({ name: 'Écoute des Essais' })]);
  await createAccount(api.db, { email: 'modo@keys.fr', role: 'MODERATOR' });
  await createAccount(api.db, { email: 'admin@keys.fr', role: 'ADMIN' });
  await createAccount(api.db, { email: 'pro@keys.fr', role: 'PROFESSIONAL' });
  modo = await loginHeaders(api, 'modo@keys.fr');
  admin = await loginHeaders(api, 'admin@keys.fr');
  pro = await loginHeaders(api, 'pro@keys.fr');
  // A second instance whose anonymous quota is one request a minute.
  const app = await createApp(api.db, createLogger('silent'), { rateLimitMultiplier: 0.01, rateLimitsInMemory: true });
  const port = await app.listen(0, '127.0.0.1');
  limited = { url: `http://127.0.0.1:${port}`, close: () => app.close() };
});
afterAll(async () => {
  await limited?.close();
});

const post = (body: string, headers: Headers = {}, base = api.url) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const gql = (query: string, variables: Record<string, unknown> = {}, headers: Headers = {}) =>
  post(JSON.stringify({ query, variables }), headers);

const correction = `mutation ($id: ID!, $changes: StructurePatch!, $key: String) {
  suggestCorrection(structureId: $id, changes: $changes, idempotencyKey: $key) { submission { id } } }`;
const suggest = (changes: Record<string, unknown>, id = ids[0], key?: string) => gql(correction, { id, changes, key });
const structures = (args: string) => gql(`{ structures${args} { totalCount } }`);
const importFiles = `mutation ($structures: String!, $services: String!) {
  importDataInclusion(structures: $structures, services: $services) { created } }`;

async function currentScale(): Promise<{ version: number; content: unknown }> {
  const res = await api.gql(
    '{ selfAssessmentScale { version bands { band label { fr en } advice { fr en } helplines { id } } items { id band text { fr en } } } }',
  );
  const s = res.data.selfAssessmentScale;
  const bands = s.bands.map((b: { helplines: { id: string }[] }) => ({
    ...b,
    helplines: b.helplines.map((h) => h.id),
  }));
  return { version: s.version, content: { bands, items: s.items } };
}

interface Case {
  key: ErrorKey;
  send: () => Promise<Response>;
  code?: string;
  status?: number;
  /** Params expected (a subset). */
  params?: Record<string, unknown>;
}

const cases: Case[] = [
  // HTTP, before GraphQL.
  {
    key: 'needsJson',
    code: 'BAD_REQUEST',
    status: 415,
    send: () => fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
  },
  { key: 'invalidJson', code: 'BAD_REQUEST', status: 400, send: () => post('{"query": ') },
  {
    key: 'bodyTooLarge',
    code: 'BAD_USER_INPUT',
    status: 413,
    params: { maxMb: 2 },
    send: () => post(JSON.stringify({ query: `{ helplines { name } } #${'x'.repeat(3 * 1024 * 1024)}` })),
  },
  {
    key: 'methodNotAllowed',
    status: 405,
    params: { allowed: ['GET', 'POST'] },
    send: () => fetch(`${api.url}/graphql`, { method: 'PUT' }),
  },
  { key: 'noSuchPath', code: 'NOT_FOUND', status: 404, send: () => fetch(`${api.url}/nope`) },
  {
    key: 'crossSite',
    code: 'FORBIDDEN',
    status: 403,
    send: () => gql('{ helplines { name } }', {}, { cookie: 'repere_session=x', origin: 'https://elsewhere.example' }),
  },
  {
    key: 'unknownApiKey',
    code: 'UNAUTHENTICATED',
    status: 401,
    send: () => gql('{ helplines { name } }', {}, { 'x-api-key': 'not-a-key' }),
  },
  {
    key: 'sessionExpired',
    code: 'UNAUTHENTICATED',
    status: 401,
    send: () => gql('{ helplines { name } }', {}, { authorization: 'Bearer not-a-token' }),
  },
  {
    key: 'rateLimited',
    code: 'RATE_LIMITED',
    status: 429,
    send: async () => {
      const url = limited?.url as string;
      await post(JSON.stringify({ query: '{ helplines { name } }' }), {}, url);
      return post(JSON.stringify({ query: '{ helplines { name } }' }), {}, url);
    },
  },
  // GraphQL requests that never run.
  { key: 'syntaxError', code: 'GRAPHQL_PARSE_FAILED', send: () => gql('{ structures {') },
  {
    key: 'tooManyTokens',
    code: 'GRAPHQL_PARSE_FAILED',
    params: { max: 5000 },
    send: () => gql(`{ ${'helplines { name } '.repeat(1500)} }`),
  },
  {
    key: 'tooDeep',
    code: 'QUERY_TOO_COMPLEX',
    params: { max: 10 },
    send: () => gql(`{ ${'a { '.repeat(12)}b${' }'.repeat(12)} }`),
  },
  {
    key: 'tooBroad',
    code: 'QUERY_TOO_COMPLEX',
    params: { max: 300 },
    send: () => gql(`{ ${Array.from({ length: 301 }, (_, i) => `f${i}: __typename`).join(' ')} }`),
  },
  {
    key: 'fieldRepeated',
    code: 'QUERY_TOO_COMPLEX',
    params: { field: 'name', max: 10 },
    send: () => gql(`{ helplines { ${'name '.repeat(11)} } }`),
  },
  {
    key: 'tooManyAliases',
    code: 'QUERY_TOO_COMPLEX',
    params: { max: 100 },
    send: () => gql(`{ ${Array.from({ length: 101 }, (_, i) => `a${i}: helplines { id }`).join(' ')} }`),
  },
  {
    key: 'tooManyDirectives',
    code: 'QUERY_TOO_COMPLEX',
    params: { max: 50 },
    send: () => gql(`{ helplines { name ${'@include(if: true) '.repeat(51)} } }`),
  },
  {
    key: 'tooCostly',
    code: 'QUERY_TOO_COMPLEX',
    send: () =>
      gql(
        `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: structures(first: 100) { edges { node { id name phone email website description } } }`).join(' ')} }`,
      ),
  },
  { key: 'invalidQuery', code: 'GRAPHQL_VALIDATION_FAILED', send: () => gql('{ nope }') },
  {
    key: 'invalidVariables',
    code: 'BAD_USER_INPUT',
    send: () => gql('query ($n: Int!) { places(search: "Amiens", first: $n) { name } }', { n: 'dix' }),
  },
  {
    key: 'unknownOperation',
    code: 'OPERATION_RESOLUTION_FAILURE',
    send: () => post(JSON.stringify({ query: 'query A { helplines { name } }', operationName: 'B' })),
  },
  { key: 'badRequest', code: 'BAD_REQUEST', send: () => post(JSON.stringify({ variables: {} })) },
  {
    key: 'forbiddenCharacter',
    code: 'BAD_USER_INPUT',
    params: { field: '$s', character: 'U+0000' },
    send: () => gql('query ($s: String!) { places(search: $s) { name } }', { s: 'Ami\u0000ens' }),
  },
  // Who may ask.
  { key: 'logIn', code: 'UNAUTHENTICATED', send: () => gql('{ submissions { totalCount } }') },
  {
    key: 'forbidden',
    code: 'FORBIDDEN',
    send: () =>
      gql(
        'mutation ($i: StaffAccountInput!) { createStaffAccount(input: $i) { user { id } } }',
        { i: { email: 'autre@keys.fr', name: 'Autre', role: 'MODERATOR', password: 'un-mot-de-passe-long' } },
        modo,
      ),
  },
  {
    key: 'badLogin',
    code: 'UNAUTHENTICATED',
    send: () => gql('mutation { login(email: "modo@keys.fr", password: "pas-le-bon-mot-de-passe") { token } }'),
  },
  { key: 'referralsForPros', code: 'FORBIDDEN', send: () => gql('{ referrals { edges { node { id } } } }', {}, modo) },
  {
    key: 'statuses',
    code: 'FORBIDDEN',
    params: { field: 'filter.statuses' },
    send: () => structures('(filter: { statuses: [DRAFT] })'),
  },
  // Input checks of the shared schemas, through the validation plugin.
  {
    key: 'phoneE164',
    code: 'BAD_USER_INPUT',
    params: { field: 'changes.phone' },
    send: () => suggest({ phone: '0322' }),
  },
  {
    key: 'atMost',
    code: 'BAD_USER_INPUT',
    params: { field: 'changes.name', max: 200 },
    send: () => suggest({ name: 'x'.repeat(201) }),
  },
  {
    key: 'atLeast',
    params: { field: 'idempotencyKey', min: 8 },
    send: () => suggest({ phone: '+33322000000' }, ids[0], 'court'),
  },
  { key: 'website', params: { field: 'changes.website' }, send: () => suggest({ website: 'javascript:alert(1)' }) },
  { key: 'latitude', params: { field: 'near.lat' }, send: () => structures('(near: { lat: 200, lon: 0 })') },
  {
    key: 'positive',
    params: { field: 'radiusKm' },
    send: () => structures('(near: { lat: 49.9, lon: 2.3 }, radiusKm: -1)'),
  },
  {
    key: 'tooLarge',
    params: { field: 'first', max: 50 },
    send: () => gql('{ places(search: "Amiens", first: 51) { name } }'),
  },
  { key: 'departmentCode', send: () => structures('(filter: { departmentCode: "abc" })') },
  { key: 'postalCode', send: () => structures('(filter: { postalCode: "abc" })') },
  { key: 'regionCode', send: () => structures('(filter: { regionCode: "abc" })') },
  {
    key: 'role',
    send: () =>
      gql(
        'mutation ($i: StaffAccountInput!) { createStaffAccount(input: $i) { user { id } } }',
        { i: { email: 'autre@keys.fr', name: 'Autre', role: 'PROFESSIONAL', password: 'un-mot-de-passe-long' } },
        admin,
      ),
  },
  {
    key: 'bandsEach',
    params: { field: 'content.bands', bands: ['GREEN', 'ORANGE', 'RED', 'BLACK'] },
    send: () =>
      gql(
        'mutation ($c: JSON!) { publishSelfAssessmentScale(content: $c) { version } }',
        { c: { bands: [], items: [] } },
        admin,
      ),
  },
  // The resolvers' own checks.
  {
    key: 'notFound',
    code: 'NOT_FOUND',
    params: { thing: 'structure' },
    send: () => suggest({ phone: '+33322000000' }, unknownId),
  },
  { key: 'notAnId', params: { field: 'structureId' }, send: () => suggest({ phone: '+33322000000' }, 'pas-un-id') },
  { key: 'searchLength', params: { field: 'search' }, send: () => gql('{ places(search: "") { name } }') },
  { key: 'badCursor', params: { field: 'after' }, send: () => structures('(after: "pas-un-curseur")') },
  { key: 'radiusNeedsNear', send: () => structures('(radiusKm: 5)') },
  {
    key: 'cursorOtherQuery',
    send: async () => {
      const page = await api.gql('{ structures(first: 1) { pageInfo { endCursor } } }');
      const after = page.data.structures.pageInfo.endCursor;
      return gql('query ($a: String) { structures(after: $a, filter: { search: "Essais" }) { totalCount } }', {
        a: after,
      });
    },
  },
  { key: 'unknownDepartment', params: { code: '00' }, send: () => structures('(filter: { departmentCode: "00" })') },
  { key: 'unknownRegion', params: { code: '99' }, send: () => structures('(filter: { regionCode: "99" })') },
  {
    key: 'notScaleItems',
    send: () => gql('mutation { evaluateSelfAssessment(itemIds: ["pas-un-item"]) { band } }'),
  },
  {
    key: 'unknownPostalCode',
    params: { field: 'address.postalCode', postalCode: '00000' },
    send: () => suggest({ address: { postalCode: '00000' } }),
  },
  {
    key: 'otherDepartment',
    params: { field: 'address.postalCode', postalCode: '80000', department: '13' },
    send: () => suggest({ departmentCode: '13' }),
  },
  {
    key: 'openingHours',
    params: { field: 'openingHours', value: 'Mo 25:00-26:00' },
    send: () => suggest({ openingHours: 'Mo 25:00-26:00' }),
  },
  { key: 'notChangeable', params: { field: 'changes.internalNotes' }, send: () => suggest({ internalNotes: 'note' }) },
  {
    key: 'idempotencyReused',
    send: async () => {
      await suggest({ phone: '+33322000001' }, ids[1], 'cle-des-essais-1');
      return suggest({ phone: '+33322000002' }, ids[1], 'cle-des-essais-1');
    },
  },
  {
    key: 'giveCoordinates',
    send: () => {
      const {
        location: _location,
        departmentCode: _department,
        status: _status,
        ...input
      } = fixture({ name: 'Sans position' });
      return gql('mutation ($i: StructureInput!) { createStructure(input: $i) { revision } }', { i: input }, modo);
    },
  },
  {
    key: 'outside',
    params: { field: 'location', lat: 43.2965, lon: 5.3698, department: '80' },
    send: () => {
      const { status: _status, ...input } = fixture({ name: 'Loin', location: { lat: 43.2965, lon: 5.3698 } });
      return gql('mutation ($i: StructureInput!) { createStructure(input: $i) { revision } }', { i: input }, modo);
    },
  },
  {
    key: 'alreadyDecided',
    code: 'CONFLICT',
    params: { status: 'rejected' },
    send: async () => {
      const report = await api.gql(
        `mutation ($id: ID!) { reportStructure(structureId: $id, reason: CLOSED) { submission { id } } }`,
        {
          id: ids[0],
        },
      );
      const reject = `mutation ($id: ID!) { rejectSubmission(id: $id, reason: "Vérifié : ouverte") { submission { status } } }`;
      const id = report.data.reportStructure.submission.id;
      await api.gql(reject, { id }, modo);
      return gql(reject, { id }, modo);
    },
  },
  {
    key: 'scaleConflict',
    code: 'CONFLICT',
    send: async () => {
      const { version, content } = await currentScale();
      return gql(
        'mutation ($c: JSON!, $v: Int) { publishSelfAssessmentScale(content: $c, expectedVersion: $v) { version } }',
        { c: content, v: version - 1 },
        admin,
      );
    },
  },
  {
    key: 'email',
    params: { field: 'email' },
    send: () => gql('mutation { requestPasswordReset(email: "pas-une-adresse") }'),
  },
  {
    key: 'badToken',
    params: { field: 'token' },
    send: () => gql('mutation { resetPassword(token: "pas-un-jeton", password: "un-mot-de-passe-long") }'),
  },
  {
    key: 'badSetupCode',
    send: () =>
      gql('mutation ($i: FirstAdminInput!) { createFirstAdmin(input: $i) }', {
        i: { email: 'premier@keys.fr', name: 'Premier', password: 'un-mot-de-passe-long', setupCode: 'faux-code' },
      }),
  },
  {
    key: 'emailTaken',
    send: () =>
      gql(
        'mutation ($i: StaffAccountInput!) { createStaffAccount(input: $i) { user { id } } }',
        { i: { email: 'modo@keys.fr', name: 'Encore', role: 'MODERATOR', password: 'un-mot-de-passe-long' } },
        admin,
      ),
  },
  {
    key: 'selfRevoke',
    send: async () => {
      const me = await api.gql('{ viewer { id } }', {}, admin);
      return gql(
        'mutation ($u: ID!) { revokeStaffAccount(userId: $u, reason: "Essai") { user { id } } }',
        { u: me.data.viewer.id },
        admin,
      );
    },
  },
  {
    key: 'referralSender',
    code: 'FORBIDDEN',
    send: () =>
      gql(
        'mutation ($to: ID!) { sendReferral(toStructureId: $to, message: "Arrivée", urgency: ROUTINE) { referral { id } } }',
        { to: ids[0] },
        pro,
      ),
  },
  // The back office's import: each file named by its own key.
  {
    key: 'importNotJson',
    params: { field: 'structures' },
    send: () => gql(importFiles, { structures: 'pas du JSON', services: '[]' }, modo),
  },
  {
    key: 'importNotArray',
    params: { field: 'services' },
    send: () => gql(importFiles, { structures: '[]', services: '{}' }, modo),
  },
];

interface ErrorBody {
  message: string;
  extensions?: { code?: string; key?: unknown; params?: unknown; issues?: { key: unknown; params: unknown }[] };
}

describe('error keys', () => {
  it('every error carries its code, a key of the catalogue and that key’s params', async () => {
    const seen = new Map<string, number>();
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await c.send();
      const body = (await res.json()) as { errors?: ErrorBody[] };
      const errors = body.errors ?? [];
      if (!errors.length) {
        wrong.push(`${c.key}: no error (${res.status})`);
        continue;
      }
      for (const error of errors) {
        const ext = error.extensions ?? {};
        const key = ext.key;
        seen.set(String(key), (seen.get(String(key)) ?? 0) + 1);
        const codes: readonly string[] = [...errorCodes, 'INTERNAL_SERVER_ERROR'];
        if (!codes.includes(String(ext.code))) wrong.push(`${c.key}: code ${ext.code}`);
        if (!isErrorKey(key) || !paramsMatch(key, ext.params)) {
          wrong.push(`${c.key}: key ${String(key)} params ${JSON.stringify(ext.params)} (${error.message})`);
        }
        for (const issue of ext.issues ?? []) {
          if (!isErrorKey(issue.key) || !paramsMatch(issue.key, issue.params)) {
            wrong.push(`${c.key}: issue ${String(issue.key)} ${JSON.stringify(issue.params)}`);
          }
        }
        // The English message is kept as it was: a sentence, never the key.
        expect(error.message.length, c.key).toBeGreaterThan(3);
      }
      const first = errors[0]?.extensions ?? {};
      if (first.key !== c.key) wrong.push(`${c.key}: got ${String(first.key)} (${errors[0]?.message})`);
      if (c.code && first.code !== c.code) wrong.push(`${c.key}: code ${first.code}, not ${c.code}`);
      if (c.status && res.status !== c.status) wrong.push(`${c.key}: status ${res.status}, not ${c.status}`);
      if (c.params) expect(first.params, c.key).toMatchObject(c.params);
    }
    expect(wrong).toEqual([]);
    // One case per key, each key a distinct one.
    expect(new Set(cases.map((c) => c.key)).size).toBe(cases.length);
  });

  it('an invalid input lists each issue with its key; the first one is the error’s', async () => {
    const res = await suggest({ phone: '0322', name: 'x'.repeat(201) });
    const [error] = ((await res.json()) as { errors: ErrorBody[] }).errors;
    const issues = error?.extensions?.issues ?? [];
    expect(issues.map((i) => i.key).sort()).toEqual(['atMost', 'phoneE164']);
    expect(error?.extensions?.key).toBe(issues[0]?.key);
    expect(error?.message).toBe(issues.map((i) => (i as unknown as { message: string }).message).join('; '));
  });
});
