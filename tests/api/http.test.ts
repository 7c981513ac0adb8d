// The HTTP surface: health, readiness, limits and bad input, through real requests.
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});

const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

describe('http', () => {
  it('answers /healthz and /readyz (database up, every migration applied)', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = await ready.json();
    expect(body.status).toBe('ok');
    expect(body.database).toBe('up');
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThanOrEqual(3);
  });

  it('serves GET and POST /graphql, 404 elsewhere, 405 for other methods', async () => {
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ helplines { id } }')}`);
    expect(get.status).toBe(200);
    expect((await get.json()).data.helplines).toBeInstanceOf(Array);
    expect((await fetch(`${api.url}/nope`)).status).toBe(404);
    expect((await fetch(`${api.url}/graphql`, { method: 'PUT' })).status).toBe(405);
    expect(get.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('refuses mutations over GET and invalid JSON', async () => {
    const bad = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('bad input gets BAD_USER_INPUT with a clear message', () => {
  const cases: [string, string, RegExp][] = [
    [
      'latitude 200',
      '{ structures(near: { lat: 200, lon: 2 }) { totalCount } }',
      /latitude must be between -90 and 90/,
    ],
    [
      'radius 10,000 km',
      '{ structures(near: { lat: 49, lon: 2 }, radiusKm: 10000) { totalCount } }',
      /radiusKm must be at most 1000/,
    ],
    ['radius without near', '{ structures(radiusKm: 5) { totalCount } }', /radiusKm needs near/],
    ['a forged cursor', '{ structures(after: "Zm9yZ2Vk") { totalCount } }', /not a cursor/],
    [
      'a forged cursor of the right shape',
      `{ structures(after: "${Buffer.from(JSON.stringify({ f: 'xxxxxxxxxxxx', k: [1], id: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}") { totalCount } }`,
      /cursor belongs to a query/,
    ],
    [
      'an unknown department',
      '{ structures(filter: { departmentCode: "00" }) { totalCount } }',
      /unknown department "00"/,
    ],
    [
      'a malformed department',
      '{ structures(filter: { departmentCode: "Somme" }) { totalCount } }',
      /not a department code/,
    ],
    ['an unknown region', '{ structures(filter: { regionCode: "99" }) { totalCount } }', /unknown region/],
    ['page size 101', '{ structures(first: 101) { totalCount } }', /first must be at most 100/],
    ['page size 0', '{ structures(first: 0) { totalCount } }', /first must be at least 1/],
    ['a malformed id', '{ structure(id: "42") { id } }', /not a Repère id/],
  ];
  it.each(cases)('%s', async (_name, query, message) => {
    const res = await api.gql(query);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('a 1 MB search string', async () => {
    const res = await api.gql('query ($s: String) { structures(filter: { search: $s }) { totalCount } }', {
      s: 'a'.repeat(1024 * 1024),
    });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/search must have at most 200 characters/);
    expect(JSON.stringify(res).length).toBeLessThan(2000);
  });

  it('a body over 2 MB', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ helplines { id } }', variables: { x: 'a'.repeat(3 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('an unknown enum value or field is a validation error', async () => {
    const res = await api.gql('{ structures(filter: { kinds: [CASTLE] }) { totalCount } }');
    expect(code(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('query limits', () => {
  it('limits depth', async () => {
    const deep = `{ structures { edges { node { id } } pageInfo { hasNextPage } } }`;
    expect((await api.gql(deep)).errors).toBeUndefined();
    const res = await api.gql(
      '{ a: __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }',
    );
    expect(code(res)).toBe('QUERY_TOO_COMPLEX');
  });

  it('limits aliases (breadth) and cost', async () => {
    const aliases = Array.from({ length: 400 }, (_, i) => `a${i}: helplines { id }`).join(' ');
    const res = await api.gql(`{ ${aliases} }`);
    expect(code(res)).toBe('QUERY_TOO_COMPLEX');
    const costly = Array.from(
      { length: 15 },
      (_, i) => `s${i}: structures(first: 100) { edges { node { id name city services phone } } }`,
    ).join(' ');
    const cost = await api.gql(`{ ${costly} }`);
    expect(code(cost)).toBe('QUERY_TOO_COMPLEX');
    expect(cost.errors?.[0]?.message).toMatch(/exceeds the limit/);
  });
});
