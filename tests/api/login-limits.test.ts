// Login limits under concurrency: every attempt is counted before its password is checked, so
// a burst checks no more guesses than the limit, in each store (memory, Redis, database). The
// client's address comes from the one proxy hop in front (TRUST_PROXY=1): an address a client
// writes into X-Forwarded-For itself changes nothing.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppOptions, createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { createAccount, loginHeaders, testPassword } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
let apiKey: string;
let redis: Redis;
const namespace = `test-logins-${process.pid}-${randomUUID()}`;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  redis = new Redis('redis://127.0.0.1:6379');
  await createAccount(api.db, { email: 'admin-ll@essai.fr', role: 'ADMIN' });
  const admin = await loginHeaders(api, 'admin-ll@essai.fr');
  apiKey = (await api.gql('mutation { createApiKey(name: "burst") { key } }', {}, admin)).data.createApiKey.key;
});
afterAll(async () => {
  const keys = await redis.keys(`${namespace}-*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

/** An API server of its own: one proxy hop trusted, limits × 0.5 (5 attempts per account and address, 50 per account). */
async function server(options: AppOptions) {
  const app = await createApp(api.db, createLogger('silent'), {
    rateLimitMultiplier: 0.5,
    trustProxy: { hops: 1 },
    ...options,
  });
  const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}/graphql`;
  // `client`: the address our proxy saw; `spoofed`: what the client itself wrote before it.
  const post = (client: string, query: string, headers: Record<string, string> = {}, spoofed?: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': spoofed ? `${spoofed}, ${client}` : client,
        ...headers,
      },
      body: JSON.stringify({ query }),
    });
  const login = async (client: string, email: string, password: string) => {
    const res = await post(client, `mutation { login(email: "${email}", password: "${password}") { token } }`, {
      'x-api-key': apiKey,
    });
    const body = await res.json();
    return {
      status: res.status,
      token: body.data?.login?.token as string | undefined,
      code: body.errors?.[0]?.extensions?.code,
    };
  };
  return { app, post, login };
}

// A namespace per server: the counters of one test (e.g. the API key's) never reach the next.
let servers = 0;
const stores: [string, () => AppOptions][] = [
  ['in memory', () => ({ rateLimitsInMemory: true })],
  ['in Redis', () => ({ redis, rateLimitNamespace: `${namespace}-${++servers}` })],
  ['in the database', () => ({ rateLimitNamespace: `${namespace}-${++servers}` })],
];

let accounts = 0;
const randomIp = () => `10.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}`;

describe.each(stores)('login limits %s', (_name, store) => {
  it('300 concurrent wrong passwords from one address: 5 checked; meanwhile the owner logs in from elsewhere', async () => {
    const { app, login } = await server(store());
    try {
      const email = `cible${++accounts}@essai.fr`;
      await createAccount(api.db, { email, role: 'MODERATOR' });
      const attacker = '198.51.100.7';
      const burst = Array.from({ length: 300 }, (_, i) => login(attacker, email, `mauvais-${i}-mot-de-passe`));
      const owner = login('192.0.2.44', email, testPassword);
      const answers = await Promise.all(burst);
      // Every answer not refused by the limit cost one argon2 verification.
      const checked = answers.filter((a) => a.code !== 'RATE_LIMITED');
      expect(checked.map((a) => a.code)).toEqual(Array(5).fill('UNAUTHENTICATED'));
      expect(answers.filter((a) => a.status === 429)).toHaveLength(295);
      expect((await owner).token).toBeTruthy();
      // The attacker's address stays refused, even with the right password.
      expect((await login(attacker, email, testPassword)).code).toBe('RATE_LIMITED');
    } finally {
      await app.close();
    }
  });

  it('300 concurrent wrong passwords from 300 addresses: no more checked than the ceiling per account (50)', async () => {
    const { app, login } = await server(store());
    try {
      const email = `cible${++accounts}@essai.fr`;
      await createAccount(api.db, { email, role: 'MODERATOR' });
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) => login(`10.1.${i >> 8}.${i & 255}`, email, `mauvais-${i}-mot-de-passe`)),
      );
      expect(answers.filter((a) => a.code !== 'RATE_LIMITED')).toHaveLength(50);
    } finally {
      await app.close();
    }
  });
});

describe('client addresses behind one proxy (TRUST_PROXY=1)', () => {
  it('entries the client writes into X-Forwarded-For do not change its address: 60 a minute, then 429', async () => {
    const { app, post } = await server({ rateLimitMultiplier: 1, rateLimitsInMemory: true });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 150 }, () =>
          post('203.0.113.50', '{ helplines { name } }', {}, randomIp()).then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(60);
      expect(statuses.filter((s) => s === 429)).toHaveLength(90);
      // Another client behind the same proxy is not affected.
      expect((await post('203.0.113.51', '{ helplines { name } }', {}, '203.0.113.50')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('X-Forwarded-Proto counts only from a trusted proxy', async () => {
    const trusted = await server({ rateLimitsInMemory: true });
    const direct = await server({ rateLimitsInMemory: true, trustProxy: false });
    try {
      await createAccount(api.db, { email: 'tls-ll@essai.fr', role: 'MODERATOR' });
      const cookieLogin = `mutation { login(email: "tls-ll@essai.fr", password: "${testPassword}", transport: COOKIE) { token } }`;
      const https = { 'x-forwarded-proto': 'https' };
      const viaProxy = await trusted.post('192.0.2.60', cookieLogin, https);
      expect(viaProxy.headers.get('set-cookie')).toMatch(/; Secure/);
      const spoofed = await direct.post('192.0.2.61', cookieLogin, https);
      expect(spoofed.headers.get('set-cookie')).toMatch(/^repere_session=/);
      expect(spoofed.headers.get('set-cookie')).not.toMatch(/; Secure/);
    } finally {
      await trusted.app.close();
      await direct.app.close();
    }
  });
});
