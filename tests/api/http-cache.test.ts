// Anonymous GETs are cacheable (Cache-Control, Vary) and revalidated with an ETag (304 when the
// answer is the same bytes); automatic persisted queries (APQ) keep their URLs short, and a
// registered hash runs on the compiled path. Nothing sent with credentials, no POST and no
// unknown hash gets an ETag or a public Cache-Control.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders, rawId as rawIdOf } from '../support/accounts.ts';
import { type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let id: string;
let rawId: string;
let pro: Record<string, string>;

beforeAll(async () => {
  api = await testApi();
  [id] = (await seed(api.db, [fixture({ name: 'Structure en cache 1', visibility: 'PUBLIC' })])) as [string];
  rawId = rawIdOf(id);
  await createAccount(api.db, { email: 'pro-cache@essai.fr', role: 'PROFESSIONAL' });
  pro = await loginHeaders(api, 'pro-cache@essai.fr');
});

const query = 'query One($id: ID!) { structure(id: $id) { id name } }';
const hash = createHash('sha256').update(query).digest('hex');
const apq = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });

function get(params: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${api.url}/graphql?${new URLSearchParams(params)}`, { headers });
}

/** Which executor answered, from the access log. */
function executorOf(res: Response): string | undefined {
  const requestId = res.headers.get('x-request-id');
  const line = api.logs.find((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"msg":"request"'));
  return line ? (JSON.parse(line) as { executor?: string }).executor : undefined;
}

describe('anonymous GET: Cache-Control, ETag and 304', () => {
  it('answers 304 to its own ETag (strong or weak, in a list), 200 with the body to another', async () => {
    const params = { query, variables: JSON.stringify({ id }) };
    const first = await get(params);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect((await first.json()).data.structure.name).toBe('Structure en cache 1');
    for (const ifNoneMatch of [etag, `W/${etag}`, `"autre", ${etag}`, '*']) {
      const again = await get(params, { 'if-none-match': ifNoneMatch });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=60');
    }
    const other = await get(params, { 'if-none-match': '"autre"' });
    expect(other.status).toBe(200);
    expect((await other.json()).data.structure.id).toBe(id);
  });

  it('a changed answer gets a new ETag: the old one is answered in full', async () => {
    const params = { query, variables: JSON.stringify({ id }) };
    const before = (await get(params)).headers.get('etag') as string;
    await api.db.rows(sql`UPDATE structures SET name = 'Structure en cache 2' WHERE id = ${rawId}::uuid`);
    const after = await get(params, { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect((await after.json()).data.structure.name).toBe('Structure en cache 2');
  });

  it('no ETag, no 304 and no public caching with credentials or on POST', async () => {
    const params = { query, variables: JSON.stringify({ id }) };
    const withToken = await get(params, { ...pro, 'if-none-match': '*' });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('etag')).toBeNull();
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    const post = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify({ query, variables: { id } }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('etag')).toBeNull();
    expect(post.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('automatic persisted queries', () => {
  it('an unknown hash is PERSISTED_QUERY_NOT_FOUND, never publicly cached; once registered a GET of the hash runs compiled and revalidates', async () => {
    const variables = JSON.stringify({ id });
    const unknown = await get({ extensions: apq, variables });
    expect(unknown.status).toBe(200);
    expect((await unknown.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('private, no-store');
    expect(unknown.headers.get('etag')).toBeNull();

    // A text that does not match its hash is refused and not kept.
    const forged = await get({ query: '{ helplines { id } }', extensions: apq, variables });
    const refused = await forged.json();
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toHaveLength(1);
    expect((await (await get({ extensions: apq, variables })).json()).errors[0].extensions.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );

    // Registered with its text (as APQ clients do after NOT_FOUND), on the compiled path.
    const registered = await get({ query, extensions: apq, variables });
    expect(registered.status).toBe(200);
    const full = await registered.text();
    expect(executorOf(registered)).toBe('compiled');

    const short = await get({ extensions: apq, variables });
    expect(short.status).toBe(200);
    expect(await short.text()).toBe(full);
    expect(JSON.parse(full).data.structure.id).toBe(id);
    expect(executorOf(short)).toBe('compiled');
    expect(short.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = short.headers.get('etag') as string;
    expect(etag).toBe(registered.headers.get('etag'));
    expect((await get({ extensions: apq, variables }, { 'if-none-match': etag })).status).toBe(304);
  });

  it('a POST registers the text too; a hash-only POST then runs compiled', async () => {
    const text = '{ regions { code } }';
    const sha256Hash = createHash('sha256').update(text).digest('hex');
    const post = (body: object) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      });
    expect((await (await post({})).json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const full = await post({ query: text });
    const expected = await full.text();
    expect(JSON.parse(expected).data.regions.length).toBeGreaterThan(0);
    const short = await post({});
    expect(await short.text()).toBe(expected);
    expect(executorOf(short)).toBe('compiled');
  });
});
