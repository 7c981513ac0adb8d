// The compiled path for queries (http/fast.ts) answers exactly as Apollo does: the same status,
// media type, caching and body, byte for byte, for successes, hidden fields, resolver errors and
// masked ones; and what it does not take (first sight of an invalid document, bad variables,
// over cost, mutations, unusual requests) is Apollo's, with Apollo's own errors. Two servers on
// one database: one with the compiled path, one with Apollo alone; the access log says which
// executor answered.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
const servers: { url: string; logs: string[]; close: () => Promise<void> }[] = [];
let pro: Record<string, string>;

const amiens = { lat: 49.894, lon: 2.296 };

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  const visibilities = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'] as const;
  await seed(
    api.db,
    Array.from({ length: 12 }, (_, i) =>
      fixture({
        name: `Structure comparée ${String(i).padStart(2, '0')}`,
        visibility: visibilities[i % 3],
        location: { lat: amiens.lat + i * 0.01, lon: amiens.lon },
        phone: '+33322000000',
        professionalContact: { name: 'Accueil', phone: '+33322000001' },
      }),
    ),
  );
  await createAccount(api.db, { email: 'pro-compare@essai.fr', role: 'PROFESSIONAL' });
  pro = await loginHeaders(api, 'pro-compare@essai.fr');
  for (const fastPath of [true, false]) {
    const logs: string[] = [];
    const app = await createApp(api.db, createLogger('info', { write: (line: string) => void logs.push(line) }), {
      rateLimitsInMemory: true,
      fastPath,
    });
    servers.push({ url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`, logs, close: () => app.close() });
  }
});
afterAll(async () => {
  for (const server of servers) await server.close();
});

interface Sent {
  method?: 'GET' | 'POST';
  body?: unknown;
  search?: Record<string, string>;
  headers?: Record<string, string>;
}

async function send(server: (typeof servers)[number], sent: Sent) {
  const search = sent.search ? `?${new URLSearchParams(sent.search)}` : '';
  const res = await fetch(`${server.url}/graphql${search}`, {
    method: sent.method ?? 'POST',
    headers: { ...(sent.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...sent.headers },
    body: sent.method === 'GET' ? undefined : JSON.stringify(sent.body),
  });
  const body = await res.text();
  // The access log line is written on 'finish', before the client has the whole answer.
  const id = res.headers.get('x-request-id');
  const line = server.logs.find((l) => l.includes(`"requestId":"${id}"`) && l.includes('"msg":"request"'));
  return {
    answer: {
      status: res.status,
      type: res.headers.get('content-type'),
      cache: res.headers.get('cache-control'),
      body,
    },
    executor: line ? (JSON.parse(line) as { executor?: string }).executor : 'no log line',
  };
}

/** Both servers' answers (twice each: a document's second sight is the cached one). */
async function compare(sent: Sent, expected: 'compiled' | 'apollo') {
  const [compiled, apollo] = servers as [(typeof servers)[number], (typeof servers)[number]];
  const reference = await send(apollo, sent);
  expect(reference.executor).toBe('apollo');
  for (let i = 0; i < 2; i++) {
    const got = await send(compiled, sent);
    expect(got.answer).toEqual(reference.answer);
    expect(got.executor).toBe(expected);
  }
  return reference.answer;
}

const nearest = `query Nearest($near: GeoPointInput!, $first: Int) {
  structures(near: $near, first: $first) { edges { distanceKm node { id name phone professionalContact { name phone } } } }
}`;

describe('the compiled path answers as Apollo does', () => {
  it('nearest, anonymous and professional: hidden fields null, the same bytes', async () => {
    const body = { query: nearest, variables: { near: amiens, first: 5 } };
    const anonymous = await compare({ body }, 'compiled');
    expect(JSON.parse(anonymous.body).data.structures.edges).toHaveLength(5);
    expect(anonymous.body).not.toContain('+33322000001');
    const professional = await compare({ body, headers: pro }, 'compiled');
    expect(professional.body).toContain('+33322000001');
    await compare({ body, headers: { accept: 'application/graphql-response+json' } }, 'compiled');
  });

  it('GET with variables: the same answer and the anonymous caching', async () => {
    const search = { query: nearest, variables: JSON.stringify({ near: amiens, first: 3 }) };
    const answer = await compare({ method: 'GET', search }, 'compiled');
    expect(answer.cache).toBe('public, max-age=60');
    await compare({ method: 'GET', search, headers: pro }, 'compiled');
  });

  it('fragments, aliases, several operations, introspection', async () => {
    const query = `fragment F on Structure { id name departmentCode }
      query A($id: ID!) { one: structure(id: $id) { ...F } two: structure(id: $id) { ... on Structure { name } } }
      query B { __schema { queryType { name } } structures(first: 2) { edges { node { ...F } } } }`;
    const listed = await send(servers[1] as (typeof servers)[number], {
      body: { query: '{ structures(first: 1) { edges { node { id } } } }' },
    });
    const id = JSON.parse(listed.answer.body).data.structures.edges[0].node.id;
    await compare({ body: { query, operationName: 'A', variables: { id } } }, 'compiled');
    await compare({ body: { query, operationName: 'B' } }, 'compiled');
  });

  it('errors raised while executing: formatted and masked alike', async () => {
    // FORBIDDEN from the resolver, and a badly encoded cursor (BAD_USER_INPUT) with data null.
    await compare(
      { body: { query: '{ structures(filter: { statuses: [DRAFT] }) { edges { cursor } } }' } },
      'compiled',
    );
    await compare({ body: { query: '{ structures(after: "pas un curseur") { edges { cursor } } }' } }, 'compiled');
    await compare(
      {
        body: { query: '{ structures(after: "pas un curseur") { edges { cursor } } }' },
        headers: { accept: 'application/graphql-response+json' },
      },
      'compiled',
    );
  });

  it('persisted queries (APQ): unknown hash, registration, then the hash alone by POST and GET', async () => {
    const sha256Hash = createHash('sha256').update(nearest).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const variables = { near: amiens, first: 2 };
    const search = { extensions: JSON.stringify(extensions), variables: JSON.stringify(variables) };
    const unknown = await compare({ method: 'GET', search }, 'apollo');
    expect(JSON.parse(unknown.body).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await compare({ body: { query: nearest, variables, extensions } }, 'compiled');
    await compare({ body: { variables, extensions } }, 'compiled');
    const answer = await compare({ method: 'GET', search }, 'compiled');
    expect(answer.cache).toBe('public, max-age=60');
    // Another version, or extensions beside the persisted query: Apollo's.
    await compare({ body: { variables, extensions: { persistedQuery: { version: 2, sha256Hash } } } }, 'apollo');
    await compare({ body: { variables, extensions: { ...extensions, other: true } } }, 'apollo');
  });

  it("what the compiled path does not take is Apollo's, with Apollo's errors", async () => {
    const refused: Sent[] = [
      // Arguments refused while the cost is computed, bad and missing variables.
      { body: { query: nearest, variables: { near: amiens, first: 101 } } },
      { body: { query: nearest, variables: { near: { lat: 'nord', lon: 2 } } } },
      { body: { query: nearest, variables: {} } },
      // Over the cost limit.
      {
        body: {
          query:
            '{ a: departments { code } b: departments { code } c: departments { code } d: departments { code } e: departments { code } f: departments { code } g: departments { code } h: departments { code } i: departments { code } j: departments { code } k: departments { code } l: departments { code } m: departments { code } n: departments { code } o: departments { code } p: departments { code } q: departments { code } r: departments { code } s: departments { code } t: departments { code } u: departments { code } }',
        },
      },
      // Invalid, with suggestions kept from anonymous callers.
      { body: { query: '{ structures { edgs { cursor } } }' } },
      {
        body: { query: '{ structures { edgs { cursor } } }' },
        headers: { accept: 'application/graphql-response+json' },
      },
      // An operation name that names nothing, a mutation, a GET mutation.
      { body: { query: nearest, operationName: 'Other', variables: { near: amiens } } },
      { body: { query: 'mutation { logout }' } },
      { method: 'GET', search: { query: 'mutation { logout }' } },
      // Unusual shapes: extensions, variables as a string, other Accept values.
      {
        body: {
          query: nearest,
          variables: { near: amiens },
          extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
        },
      },
      { body: { query: nearest, variables: JSON.stringify({ near: amiens }) } },
      { body: { query: nearest, variables: { near: amiens } }, headers: { accept: 'text/html' } },
      {
        body: { query: nearest, variables: { near: amiens } },
        headers: { accept: 'application/json, application/graphql-response+json;q=0.9' },
      },
    ];
    for (const sent of refused) await compare(sent, 'apollo');
  });
});
