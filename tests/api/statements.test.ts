// SQL statements per request, counted through the public HTTP surface (a regression guard: counts,
// not timings). The headline queries read one statement per page; a 100-row page with every
// nested field adds no statement per row (no N+1). Rate limits are counted in memory here:
// their leases are tested in rate-limits.test.ts.
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customPlan, type Db } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let url: string;
let close: () => Promise<void>;
const statements: string[] = [];
/** The texts themselves, in the same order. */
const texts: string[] = [];
const dialect = new PgDialect();

/** The same database, each statement's name (its leading comment) written down as it runs. */
function counting(db: Db): Db {
  const wrap = (inner: Db): Db => ({
    ...inner,
    kind: inner.kind,
    drizzle: inner.drizzle,
    rows(query) {
      const text = dialect.sqlToQuery(query).sql;
      texts.push(text);
      statements.push(/\/\*\s*([\w-]+)\s*\*\//.exec(text)?.[1] ?? text.slice(0, 40));
      return inner.rows(query);
    },
    transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
    exec(script) {
      statements.push('exec');
      return inner.exec(script);
    },
  });
  return wrap(db);
}

async function counted(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  statements.length = 0;
  texts.length = 0;
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  // Nothing is left to run: the audit write of a response is awaited by its fields (audit/trail.ts).
  return { data: body.data, statements: [...statements], texts: [...texts] };
}

const amiens = { lat: 49.894, lon: 2.296 };
let pro: Record<string, string>;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  const visibilities = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'] as const;
  await seed(
    api.db,
    Array.from({ length: 130 }, (_, i) =>
      fixture({
        name: `Structure de comptage ${String(i).padStart(3, '0')}`,
        visibility: visibilities[i % 3],
        location: { lat: amiens.lat + (i % 13) * 0.01, lon: amiens.lon + Math.floor(i / 13) * 0.01 },
        // One in five never verified: stale rows, listed after every fresh one.
        ...(i % 5 !== 4 && { lastVerifiedAt: new Date() }),
        phone: '+33322000000',
        professionalContact: { name: 'Accueil', phone: '+33322000001' },
        notices: i % 10 === 0 ? [{ kind: 'MESSAGE', startsOn: '2020-01-01', message: 'Permanence modifiée' }] : [],
      }),
    ),
  );
  await createAccount(api.db, { email: 'pro-comptage@essai.fr', role: 'PROFESSIONAL' });
  pro = await loginHeaders(api, 'pro-comptage@essai.fr');
  const app = await createApp(counting(api.db), createLogger('silent'), { rateLimitsInMemory: true });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  close = () => app.close();
});
afterAll(() => close());

const nearest = `query Nearest($near: GeoPointInput!, $first: Int) {
  structures(near: $near, first: $first) { edges { distanceKm node { id name } } } }`;

const everyField = `query Page($near: GeoPointInput) { structures(near: $near, first: 100) { totalCount
  pageInfo { hasNextPage endCursor } edges { cursor distanceKm node {
    id name kind visibility status description services departmentCode regionCode city postalCode
    location { lat lon precision } address { street postalCode city } phone email website openingHours
    notices { kind startsOn endsOn message } ageMin ageMax gender situations accessModes mobilisers languages
    accessibility servesNationwide servedDepartments servedRegions professionalContact { name phone email }
    intakeCriteria capacity { places updatedAt } internalNotes lastVerifiedAt stale } } } }`;

describe('SQL statements per request', () => {
  it('nearest 20: one statement for the anonymous, the session lookup besides for a professional', async () => {
    const anonymous = await counted(nearest, { near: amiens, first: 20 });
    expect(anonymous.data.structures.edges).toHaveLength(20);
    expect(anonymous.statements).toEqual(['structures-nearest']);
    // Restricted rows are placed at their cell's centre (the public location): the 5th row's
    // cell holds more rows than the page's statement reads past it (five), so the rest of that
    // tie group is read by a second statement.
    const tied = await counted(nearest, { near: amiens, first: 5 });
    expect(tied.data.structures.edges).toHaveLength(5);
    expect(tied.statements).toEqual(['structures-nearest', 'structures-nearest-ties']);
    const professional = await counted(nearest, { near: amiens, first: 20 }, pro);
    expect(professional.data.structures.edges).toHaveLength(20);
    expect(professional.statements).toEqual(['session-find', 'structures-nearest']);
  });

  it('a 100-row page with every nested field: the page, its count and (professionals) one audit write', async () => {
    for (const near of [null, amiens]) {
      const anonymous = await counted(everyField, { near });
      expect(anonymous.data.structures.edges).toHaveLength(87);
      // Nearest first: the 69 fresh rows do not fill the page, the stale ones are read after.
      expect(anonymous.statements.sort()).toEqual(
        [
          ...(near ? ['structures-nearest', 'structures-nearest-stale'] : ['structures-list']),
          'structures-count',
        ].sort(),
      );
      const professional = await counted(everyField, { near }, pro);
      expect(professional.data.structures.edges).toHaveLength(100);
      expect(professional.statements.sort()).toEqual(
        ['session-find', near ? 'structures-nearest' : 'structures-list', 'structures-count', 'audit-write'].sort(),
      );
    }
  });

  it('structure(id) and a department search: one statement each', async () => {
    const [first] = (await counted(nearest, { near: amiens, first: 1 })).data.structures.edges;
    const one = await counted('query ($id: ID!) { structure(id: $id) { id name notices { message } } }', {
      id: first.node.id,
    });
    expect(one.data.structure.name).toBe(first.node.name);
    expect(one.statements).toEqual(['structures-by-id']);
    const departmentSearch = `{ structures(filter: { departmentCode: "80", search: "comptage" }, first: 20) {
      edges { node { id name } } } }`;
    // The reference codes are read once per process (the first department filter).
    await counted(departmentSearch);
    const search = await counted(departmentSearch);
    expect(search.data.structures.edges).toHaveLength(20);
    expect(search.statements).toEqual(['structures-list']);
    // A search is planned for its words (never prepared); the nearest page keeps its prepared plan.
    expect(search.texts[0]).toContain(customPlan);
    expect((await counted(nearest, { near: amiens, first: 20 })).texts[0]).not.toContain(customPlan);
  });
});
