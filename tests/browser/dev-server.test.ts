// The back office in development (`pnpm --filter @repere/admin dev`): Vite serves the app and
// proxies /graphql to the API; the session cookie must still count through that proxy (the
// API takes it only when Origin matches Host).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, testPassword } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { type Started, start } from '../support/processes.ts';

const adminDir = new URL('../../admin/', import.meta.url).pathname;
let api: TestApi;
let vite: Started | undefined;
let devUrl = '';

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'admin@dev.fr', role: 'ADMIN' });
  // The binary itself (not through npx), so that killing it stops the server.
  vite = start(`${adminDir}node_modules/.bin/vite`, ['--port', '0', '--host', '127.0.0.1', '--strictPort'], {
    cwd: adminDir,
    // No colours: the printed URL is matched as plain text.
    env: { ...process.env, REPERE_API_URL: api.url, NODE_ENV: 'development', NO_COLOR: '1' },
  });
  // Vite prints "Local:   http://127.0.0.1:PORT/admin/" once it listens.
  devUrl = (await vite.waitFor(/http:\/\/127\.0\.0\.1:\d+/))[0];
  expect(devUrl).not.toBe('');
});

afterAll(async () => {
  await vite?.stop();
});

describe('the development server', () => {
  it('serves the app and keeps the cookie session through its /graphql proxy', async () => {
    expect((await fetch(`${devUrl}/admin/`)).status).toBe(200);
    const post = (query: string, cookie?: string) =>
      fetch(`${devUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: devUrl, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query }),
      });
    const login = await post(
      `mutation { login(email: "admin@dev.fr", password: "${testPassword}", transport: COOKIE) { viewer { role } } }`,
    );
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    expect(cookie).toMatch(/^repere_session=/);
    const viewer = await (await post('{ viewer { email role } }', cookie)).json();
    expect(viewer).toEqual({ data: { viewer: { email: 'admin@dev.fr', role: 'ADMIN' } } });
  });
});
