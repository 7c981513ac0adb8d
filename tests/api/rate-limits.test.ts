// Rate limits as production has them, scaled down (RATE_LIMIT_MULTIPLIER 0.1): per address
// for the anonymous, per key for partner apps, per account and address for logins (with a
// ceiling per account), counted in the database so that two API instances share them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { connectRedis } from '../../api/src/redis.ts';
import { createAccount, loginHeaders, testPassword } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { tcpProxy } from '../support/tcp-proxy.ts';

let api: TestApi;
const instances: { url: string; close: () => Promise<void> }[] = [];

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  for (let i = 0; i < 2; i++) {
    const app = await createApp(api.db, createLogger('silent'), { rateLimitMultiplier: 0.1, trustProxy: true });
    const port = await app.listen(0, '127.0.0.1');
    instances.push({ url: `http://127.0.0.1:${port}`, close: () => app.close() });
  }
});
afterAll(async () => {
  for (const instance of instances) await instance.close();
});

let ipCounter = 0;
// One address per use: rate_limits is emptied when the file starts, so none was seen before.
const newIp = () => `203.0.113.${++ipCounter}`;

function call(instance: number, ip: string, query: string, headers: Record<string, string> = {}) {
  return fetch(`${instances[instance]?.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('rate limits', () => {
  it('anonymous callers: 6 a minute per address here, shared by two instances, then 429 with Retry-After', async () => {
    const ip = newIp();
    for (let i = 0; i < 6; i++) expect((await call(i % 2, ip, '{ helplines { name } }')).status).toBe(200);
    const limited = await call(1, ip, '{ helplines { name } }');
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await limited.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await call(0, newIp(), '{ helplines { name } }')).status).toBe(200);
    // A partner key has its own, higher quota, whatever the address.
    await createAccount(api.db, { email: 'admin-rl@essai.fr', role: 'ADMIN' });
    const admin = await loginHeaders(api, 'admin-rl@essai.fr');
    const key = (await api.gql('mutation { createApiKey(name: "quota") { key } }', {}, admin)).data.createApiKey.key;
    for (let i = 0; i < 10; i++) {
      expect((await call(0, ip, '{ helplines { name } }', { 'x-api-key': key })).status).toBe(200);
    }
  });

  it('logins: counted per account and address, so a guesser elsewhere locks nobody out; a ceiling per account; audited', async () => {
    const userId = await createAccount(api.db, { email: 'cible@essai.fr', role: 'MODERATOR' });
    const login = (instance: number, ip: string, email: string, password: string) =>
      call(instance, ip, `mutation { login(email: "${email}", password: "${password}") { token } }`);
    const attacker = newIp();
    const first = await login(0, attacker, 'cible@essai.fr', 'mauvais-mot-de-passe');
    expect((await first.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // One attempt per account and address here (10 × 0.1): from there, even the right password waits…
    const blocked = await login(1, attacker, 'cible@essai.fr', testPassword);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await blocked.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    // …while the owner, from another address, logs in.
    const owner = await login(0, newIp(), 'cible@essai.fr', testPassword);
    expect((await owner.json()).data.login.token).toBeTruthy();
    const bursts = async () =>
      api.db.rows<{ fields: string[] }>(
        (await import('drizzle-orm'))
          .sql`SELECT fields FROM audit_log WHERE action = 'LOGIN_FAILURE_BURST' AND subject_user_id = ${userId}::uuid ORDER BY at`,
      );
    expect(await bursts()).toEqual([{ fields: ['account-ip'] }]);
    // The ceiling per account, whatever the address: 10 attempts (a success is not counted).
    for (let i = 0; i < 9; i++) {
      const res = await login(i % 2, newIp(), 'cible@essai.fr', 'mauvais-mot-de-passe');
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await login(1, newIp(), 'cible@essai.fr', testPassword)).status).toBe(429);
    expect((await bursts()).at(-1)).toEqual({ fields: ['account-ip', 'account'] });
    // Per address: 3 attempts on any accounts, then the address is refused.
    const ip = newIp();
    for (let i = 0; i < 3; i++) {
      const res = await login(i % 2, ip, `inconnu${i}@essai.fr`, 'mauvais-mot-de-passe');
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await login(0, ip, 'autre@essai.fr', 'mauvais-mot-de-passe')).status).toBe(429);
  });

  it('contributions: 3 an hour per address here, then 429 with Retry-After, nothing stored', async () => {
    const [id] = await seed(api.db, [fixture({ name: 'Antenne Signalée' })]);
    const ip = newIp();
    const report = () =>
      call(1, ip, `mutation { reportStructure(structureId: "${id}", reason: WRONG_PHONE) { submission { id } } }`);
    for (let i = 0; i < 3; i++) expect((await report()).status).toBe(200);
    const limited = await report();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await limited.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    const [row] = await api.db.rows<{ n: number }>(
      (await import('drizzle-orm')).sql`SELECT count(*)::int AS n FROM submissions WHERE kind = 'REPORT'`,
    );
    expect(row?.n).toBe(3);
  });

  it('with REDIS_URL the counters live in Redis, shared by two instances', async () => {
    const clients = [connectRedis('redis://127.0.0.1:6379'), connectRedis('redis://127.0.0.1:6379')];
    for (const client of clients) await expect.poll(() => client.status).toBe('ready');
    const namespace = `test-${process.pid}-${Date.now()}`;
    const apps = await Promise.all(
      clients.map(async (redis) => {
        const app = await createApp(api.db, createLogger('silent'), {
          rateLimitMultiplier: 0.1,
          trustProxy: true,
          redis,
          rateLimitNamespace: namespace,
        });
        return { app, url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}` };
      }),
    );
    try {
      const ip = newIp();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await fetch(`${apps[i % 2]?.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ query: '{ helplines { name } }' }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
      expect(await clients[0]?.keys(`${namespace}:*`)).toHaveLength(1);
      const [row] = await api.db.rows<{ n: number }>(
        (await import('drizzle-orm')).sql`SELECT count(*)::int AS n FROM rate_limits WHERE key LIKE ${`${namespace}%`}`,
      );
      expect(row?.n).toBe(0);
    } finally {
      for (const { app } of apps) await app.close();
      for (const client of clients) client.disconnect();
    }
  });

  it('with Redis unreachable, each instance counts in memory: under load every answer is 200 or 429', async () => {
    const proxy = await tcpProxy(6379);
    // As the server connects (api/src/redis.ts): no queue of commands waiting for a connection.
    const redis = connectRedis(`redis://127.0.0.1:${proxy.port}`);
    // Expected while Redis is cut off; the server logs these.
    redis.on('error', () => {});
    await expect.poll(() => redis.status).toBe('ready');
    const namespace = `outage-${process.pid}-${Date.now()}`;
    const app = await createApp(api.db, createLogger('silent'), {
      rateLimitMultiplier: 0.1,
      trustProxy: true,
      redis,
      rateLimitNamespace: namespace,
    });
    const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    const ask = (ip: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ query: '{ helplines { name } }' }),
      });
    try {
      expect((await ask('198.51.100.250')).status).toBe(200);
      expect(await redis.keys(`${namespace}:*`)).toHaveLength(1);
      proxy.cut();
      // 50 clients at once, 4 requests each from their own address (6 a minute here), and one
      // address sending 10: served, and still limited, from memory.
      const clients = Array.from({ length: 50 }, async (_, i) => {
        const statuses: number[] = [];
        for (let n = 0; n < 4; n++) statuses.push((await ask(`198.51.100.${i + 1}`)).status);
        return statuses;
      });
      const heavy: number[] = [];
      for (let n = 0; n < 10; n++) heavy.push((await ask('198.51.100.200')).status);
      expect((await Promise.all(clients)).flat()).toEqual(Array(200).fill(200));
      expect(heavy).toEqual([...Array(6).fill(200), ...Array(4).fill(429)]);
      proxy.restore();
      await expect.poll(() => redis.status).toBe('ready');
      // Back in Redis: a new address is counted there again.
      expect((await ask('198.51.100.251')).status).toBe(200);
      expect(await redis.keys(`${namespace}:*`)).toHaveLength(2);
    } finally {
      await app.close();
      redis.disconnect();
      await proxy.close();
    }
  });

  it('behind a TLS proxy (TRUST_PROXY), the session cookie is Secure', async () => {
    await createAccount(api.db, { email: 'tls@essai.fr', role: 'MODERATOR' });
    const res = await call(
      0,
      newIp(),
      `mutation { login(email: "tls@essai.fr", password: "${testPassword}", transport: COOKIE) { token } }`,
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});
