// GraphQL over HTTP: graphql-http's audit of the real server, and request errors' statuses.
import { auditServer } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});

const graphqlResponse = 'application/graphql-response+json';

async function post(body: string, accept?: string, contentType = 'application/json') {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(accept ? { accept } : {}) },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

describe('GraphQL over HTTP', () => {
  it("passes graphql-http's audit: no MUST failure, no SHOULD warning", async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    const failed = results.filter((r) => r.status !== 'ok');
    const count = (level: string) => failed.filter((r) => r.name.startsWith(level)).length;
    console.log(
      `audit: ${results.length} checks, ${results.length - failed.length} ok, MUST errors ${count('MUST')}, SHOULD warnings ${count('SHOULD')}, MAY notices ${count('MAY')}`,
    );
    for (const r of failed) console.log(`  ${r.status} ${r.id} ${r.name}${'reason' in r ? `: ${r.reason}` : ''}`);
    expect(count('MUST')).toBe(0);
    expect(count('SHOULD')).toBe(0);
  });

  const requestErrors: [string, string, string][] = [
    ['a syntax error', '{"query":"{ helplines { id }"}', 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', '{"query":"{ nope }"}', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a bad variable',
      '{"query":"query ($f: Int) { structures(first: $f) { totalCount } }","variables":{"f":"x"}}',
      'BAD_USER_INPUT',
    ],
    [
      'an over-deep query',
      `{"query":"{ a: __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }"}`,
      'QUERY_TOO_COMPLEX',
    ],
    [
      'an over-costly query',
      JSON.stringify({ query: `{ ${Array.from({ length: 30 }, (_, i) => `d${i}: departments { code }`).join(' ')} }` }),
      'QUERY_TOO_COMPLEX',
    ],
  ];
  it.each(requestErrors)('%s: 400 for graphql-response+json, 200 for application/json', async (_name, body, code) => {
    const modern = await post(body, graphqlResponse);
    expect(modern.status).toBe(400);
    expect(modern.type).toMatch(/^application\/graphql-response\+json/);
    expect(modern.body.errors[0].extensions.code).toBe(code);
    for (const accept of ['application/json', undefined]) {
      const legacy = await post(body, accept);
      expect(legacy.status).toBe(200);
      expect(legacy.type).toMatch(/^application\/json/);
      expect(legacy.body.errors[0].extensions.code).toBe(code);
    }
  });

  it("a resolver's BAD_USER_INPUT is a 200 with errors, whatever the Accept", async () => {
    for (const accept of [graphqlResponse, 'application/json']) {
      const res = await post('{"query":"{ structures(after: \\"Zm9yZ2Vk\\") { totalCount } }"}', accept);
      expect(res.status).toBe(200);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('a 5 MB body gets a 413 with a JSON error, not a reset; the connection is usable after', async () => {
    const res = await post(JSON.stringify({ query: '{ helplines { id } }', variables: { x: 'a'.repeat(5 << 20) } }));
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });
});
