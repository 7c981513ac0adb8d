// A storm of bad input: thousands of malformed, hostile or odd requests, 16 at a time. None
// may get a 5xx or a dropped connection, and the server must still be ready after it.
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});

/** Deterministic randomness (mulberry32), so that a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { int, pick, bytes };
}

const r = rng(12);
const bomb = (n: number) =>
  `query { ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${n} on Query { helplines { id } }`;
const deep = (n: number) => `{ ${'__schema { types { fields { type { '.repeat(n)}name${' } } } }'.repeat(n)} }`;
const randomJson = (depth = 0): unknown => {
  switch (r.int(depth > 3 ? 4 : 7)) {
    case 0:
      return r.int(1e9) - 5e8;
    case 1:
      return r.pick([true, false, null]);
    case 2:
      return r.bytes(r.int(20)).toString('latin1');
    case 3:
      return r.pick(['', '\u0000', '\ud800', 'query', '{', '__proto__', 'a'.repeat(r.int(5000))]);
    case 4:
      return Array.from({ length: r.int(5) }, () => randomJson(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(5) }, () => [
          r.pick(['query', 'variables', 'operationName', 'extensions', 'x']),
          randomJson(depth + 1),
        ]),
      );
  }
};
const queries = [
  '{ helplines { id name } }',
  '{ nope }',
  '{ structures(first: 101) { totalCount } }',
  '{ structures(first: -1, after: "\\u0000") { totalCount } }',
  'query ($s: String) { structures(filter: { search: $s }) { totalCount } }',
  'mutation { logout }',
  'subscription { x }',
  '{ helplines { id ',
  '{ structure(id: "\\u0000") { id } }',
  'query A { helplines { id } } query B { helplines { id } }',
];

interface Shot {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One request of a random kind. */
function shot(i: number): Shot {
  const json: Record<string, string> = { 'content-type': 'application/json' };
  const accept = r.pick<Record<string, string>>([
    {},
    { accept: 'application/graphql-response+json' },
    { accept: 'text/html' },
    { accept: 'x/y' },
  ]);
  if (i % 200 === 7)
    return { headers: json, body: JSON.stringify({ query: '{ helplines { id } }', x: 'a'.repeat(3 << 20) }) };
  switch (i % 12) {
    case 0:
      return {
        headers: json,
        body: r.pick(['{', '{"query": }', '[1,', 'nul', '{"query":"{ helplines { id } }"', '\u0000']),
      };
    case 1:
      return { headers: { ...json, ...accept }, body: r.bytes(1 + r.int(2000)) };
    case 2:
      return { headers: { ...json, ...accept }, body: JSON.stringify(randomJson()) };
    case 3:
      return {
        headers: { ...json, ...accept },
        body: JSON.stringify({ query: r.pick(queries), variables: { s: randomJson(), input: randomJson() } }),
      };
    case 4:
      return {
        headers: json,
        body: JSON.stringify({ query: `{ helplines { id } }\u0000${r.bytes(10).toString('latin1')}` }),
      };
    case 5:
      return { headers: { ...json, ...accept }, body: JSON.stringify({ query: deep(2 + r.int(30)) }) };
    case 6:
      return { headers: { ...json, ...accept }, body: JSON.stringify({ query: bomb(5 + r.int(40)) }) };
    case 7:
      return {
        headers: json,
        body: JSON.stringify({
          query: `{ ${r.pick(['x', '__typo', 'helplines { nope }', 'structures { edges { node { secret } } }'])} }`,
        }),
      };
    case 8:
      return {
        headers: r.pick<Record<string, string>>([
          { 'content-type': 'text/plain' },
          { 'content-type': 'application/x-www-form-urlencoded' },
          { 'content-type': 'multipart/form-data; boundary=x' },
          {},
        ]),
        body: 'query=%7B+helplines+%7B+id+%7D+%7D',
      };
    case 9: {
      const params = r.pick([
        'query=%7B%20helplines%20%7B%20id%20%7D%20%7D&variables=%7Bnope',
        'query=mutation%20%7B%20logout%20%7D',
        'query=a&query=b',
        '',
        'variables=%5B1%5D&query=%7B%20helplines%20%7B%20id%20%7D%20%7D',
        `query=${encodeURIComponent(bomb(30))}`,
        `query=${encodeURIComponent('{ helplines { id } }'.repeat(200))}`,
        'query=%00%FF%FE',
      ]);
      return { method: 'GET', path: `/graphql?${params}`, headers: accept };
    }
    case 10:
      return { method: r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS']), headers: json, body: '{}' };
    default:
      return {
        headers: { ...json, ...accept },
        body: JSON.stringify({ query: r.pick(queries), operationName: r.pick([undefined, 'A', 'Z', 5]) }),
      };
  }
}

describe('bad-input storm', () => {
  it('5,000 bad requests, 16 at a time: no 5xx, no dropped connection, still ready', { timeout: 600_000 }, async () => {
    const total = 5000;
    const byStatus = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        const s = shot(i);
        let key: string;
        try {
          const res = await fetch(`${api.url}${s.path ?? '/graphql'}`, {
            method: s.method ?? 'POST',
            headers: s.headers,
            body: typeof s.body === 'string' || !s.body ? s.body : new Uint8Array(s.body),
          });
          await res.arrayBuffer();
          key = String(res.status);
          if (res.status >= 500) failures.push(`#${i} ${res.status} ${JSON.stringify(s).slice(0, 300)}`);
        } catch (error) {
          key = 'dropped';
          failures.push(`#${i} dropped (${(error as Error).cause ?? error}) ${JSON.stringify(s).slice(0, 300)}`);
        }
        byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    console.log(`storm of ${total}: ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`);
    for (const f of failures.slice(0, 20)) console.log(f);
    expect(failures).toEqual([]);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
  });
});
