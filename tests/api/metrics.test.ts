// /metrics: absent unless a token is configured, then Bearer-protected; counts requests by
// route and status, GraphQL operations by name and outcome, and rate-limit refusals by limit,
// with no viewer data (no address, id, email or search) in any label; a server database's pool
// usage (size, busy, waiting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
let app: App;
let url: string;
const token = 'jeton-de-metriques-assez-long';

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  // Limits at their production values, in memory: the 61st anonymous request in a minute is refused.
  app = await createApp(api.db, createLogger('silent'), { metricsToken: token, rateLimitsInMemory: true });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app?.close();
});

const post = (query: string, operationName?: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName }),
  });

describe('/metrics', () => {
  it('is not there without a token, and refuses a wrong one', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
    const none = await fetch(`${url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer jeton-de-metriques-assez-lonG' } });
    expect(wrong.status).toBe(401);
  });

  it('counts requests, operations and refusals, with no viewer data in labels', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await post('query Annuaire { helplines { id } }', 'Annuaire')).status).toBe(200);
    }
    await post('query { structure(id: "pas-un-id") { id } }');
    await post(`query ${'x'.repeat(80)} { helplines { id } }`, 'x'.repeat(80));
    await post('mutation { login(email: "personne@essai.fr", password: "mauvais-mot-de-passe") { token } }');
    let limited = 0;
    for (let i = 0; i < 60 && limited === 0; i++) {
      if ((await post('{ helplines { id } }')).status === 429) limited++;
    }
    expect(limited).toBe(1);
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('repere_graphql_operations_total{operation="Annuaire",outcome="ok"} 3');
    expect(text).toMatch(/repere_graphql_operations_total\{operation="unnamed",outcome="UNAUTHENTICATED"\} 1/);
    expect(text).toMatch(/repere_graphql_operations_total\{operation="other",outcome="ok"\} 1/);
    expect(text).toContain('repere_rate_limit_refusals_total{limiter="request"} 1');
    expect(text).toMatch(/repere_http_requests_total\{route="\/graphql",method="POST",status="200"\} \d+/);
    expect(text).toMatch(/repere_http_requests_total\{route="\/graphql",method="POST",status="429"\} 1/);
    expect(text).toMatch(/repere_http_request_duration_seconds_bucket\{le="0.5",route="\/graphql"\} \d+/);
    expect(text).toContain('repere_process_resident_memory_bytes');
    for (const secret of ['personne@essai.fr', '127.0.0.1', 'pas-un-id', 'mauvais']) expect(text).not.toContain(secret);
    // A server database's pool (the embedded one has none): its size, busy and waiting connections.
    if (api.db.kind === 'postgres') {
      expect(text).toMatch(/^repere_db_pool_connections\{state="size"\} [1-9]\d*$/m);
      expect(text).toMatch(/^repere_db_pool_connections\{state="busy"\} \d+$/m);
      expect(text).toMatch(/^repere_db_pool_connections\{state="waiting"\} \d+$/m);
    } else expect(text).not.toContain('repere_db_pool_connections');
  });

  it('counts busy pool connections while statements hold them', async (ctx) => {
    if (api.db.kind !== 'postgres') ctx.skip();
    const scrape = async () =>
      (await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text()).match(
        /^repere_db_pool_connections\{state="busy"\} (\d+)$/m,
      )?.[1];
    // A transaction holds its connection until it ends: scraped meanwhile, it is counted.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = api.db.transaction(async () => held);
    try {
      expect(Number(await scrape())).toBeGreaterThanOrEqual(1);
    } finally {
      release();
      await tx;
    }
    // Nothing else holds one for long: back to none once the transaction ended.
    await expect.poll(scrape).toBe('0');
  });
});
