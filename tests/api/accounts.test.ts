// Accounts over GraphQL: sessions (bearer and cookie), registration and vetting, expiry,
// API keys, admin-only fields, and the audit of vetting and key changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders, rawId, registerVerified, testPassword } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let admin: Record<string, string>;
let structureId: string;

const viewerQuery = '{ viewer { id email role status vettedUntil structures { id name } } }';

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  [structureId] = (await seed(api.db, [fixture({ name: 'Maison des Essais' })])) as [string];
  await createAccount(api.db, { email: 'admin@essai.fr', role: 'ADMIN' });
  admin = await loginHeaders(api, 'admin@essai.fr');
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('sessions', () => {
  it('login gives a bearer token; viewer answers; logout ends the session', async () => {
    await createAccount(api.db, { email: 'modo@essai.fr', role: 'MODERATOR' });
    const headers = await loginHeaders(api, 'MODO@essai.fr');
    const me = await api.gql(viewerQuery, {}, headers);
    expect(me.data.viewer).toMatchObject({ email: 'modo@essai.fr', role: 'MODERATOR', status: 'VETTED' });
    expect((await api.gql(viewerQuery)).data.viewer).toBeNull();
    expect((await api.gql('mutation { logout }', {}, headers)).data.logout).toBe(true);
    const after = await post({ query: viewerQuery }, headers);
    expect(after.status).toBe(401);
    expect((await after.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('an unknown email and a wrong password get the same answer in about the same time', async () => {
    const attempt = async (email: string) => {
      const started = performance.now();
      const res = await api.gql(
        `mutation ($e: String!) { login(email: $e, password: "pas-le-bon-mot-de-passe") { token } }`,
        {
          e: email,
        },
      );
      return { body: res, ms: performance.now() - started };
    };
    const times = { unknown: [] as number[], wrong: [] as number[] };
    let bodies: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      const unknown = await attempt(`inconnu${i}@essai.fr`);
      const wrong = await attempt('admin@essai.fr');
      times.unknown.push(unknown.ms);
      times.wrong.push(wrong.ms);
      bodies = [unknown.body, wrong.body];
    }
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]).toMatchObject({
      errors: [{ message: 'Email or password incorrect.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    // The lower quartile: what the work costs, without the spikes of a loaded machine.
    const quartile = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 4)] as number;
    const ratio = quartile(times.unknown) / quartile(times.wrong);
    // Generous bounds: CI runs two workers on two cores. A skipped hash would be ~10× faster.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // Both pay for a full argon2id verification.
    expect(quartile(times.unknown)).toBeGreaterThan(5);
  });

  it('the back office session is an httpOnly SameSite=Strict cookie, honoured only on same-origin JSON POSTs', async () => {
    const res = await post({
      query: `mutation { login(email: "admin@essai.fr", password: "${testPassword}", transport: COOKIE) { token viewer { role } } }`,
    });
    const body = await res.json();
    expect(body.data.login).toEqual({ token: null, viewer: { role: 'ADMIN' } });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^repere_session=rs_[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP here
    const cookie = { cookie: setCookie.split(';')[0] as string };
    const me = await post({ query: viewerQuery }, cookie);
    expect((await me.json()).data.viewer.role).toBe('ADMIN');
    expect(me.headers.get('cache-control')).toBe('private, no-store');
    // A GET never uses the cookie (and is not publicly cacheable either).
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent(viewerQuery)}`, { headers: cookie });
    expect((await get.json()).data.viewer).toBeNull();
    expect(get.headers.get('cache-control')).toBe('private, no-store');
    // A cross-site POST carrying the cookie is refused before anything runs.
    const csrf = await post({ query: 'mutation { logout }' }, { ...cookie, origin: 'https://evil.example' });
    expect(csrf.status).toBe(403);
    expect((await post({ query: viewerQuery }, cookie)).status).toBe(200);
    // A form-encoded POST cannot use it either.
    const form = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...cookie },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(form.status).toBe(415);
    expect((await post({ query: viewerQuery }, cookie)).status).toBe(200);
    // A cookie session token is not a bearer token.
    const asBearer = await post({ query: viewerQuery }, { authorization: `Bearer ${cookie.cookie.split('=')[1]}` });
    expect(asBearer.status).toBe(401);
    // Logging out clears the cookie; the old value then opens nothing.
    const out = await post({ query: 'mutation { logout }' }, cookie);
    expect(out.headers.get('set-cookie')).toMatch(/repere_session=;.*Max-Age=0/);
    const stale = await post({ query: viewerQuery }, cookie);
    expect((await stale.json()).data.viewer).toBeNull();
  });

  it('sessions expire when idle and at their absolute limit', async () => {
    await createAccount(api.db, { email: 'dormeur@essai.fr', role: 'MODERATOR' });
    const idle = await loginHeaders(api, 'dormeur@essai.fr');
    await api.db.exec(`UPDATE sessions SET last_seen_at = now() - interval '9 hours'
      WHERE user_id = (SELECT id FROM users WHERE email = 'dormeur@essai.fr')`);
    expect((await post({ query: viewerQuery }, idle)).status).toBe(401);
    const old = await loginHeaders(api, 'dormeur@essai.fr');
    expect((await post({ query: viewerQuery }, old)).status).toBe(200);
    await api.db.exec(`UPDATE sessions SET expires_at = now() - interval '1 second'
      WHERE user_id = (SELECT id FROM users WHERE email = 'dormeur@essai.fr')`);
    expect((await post({ query: viewerQuery }, old)).status).toBe(401);
  });
});

describe('professionals', () => {
  // Registered and confirmed with the mailed token, as a person does.
  const register = (email: string, extra: Record<string, unknown> = {}) =>
    registerVerified(api, {
      email,
      password: testPassword,
      name: 'Camille Essai',
      organisation: 'Service d’essai',
      jobTitle: 'Éducatrice spécialisée',
      justification: 'Numéro ADELI et courriel de service.',
      structureId,
      ...extra,
    });

  it('register → PENDING (sees nothing more), approve → VETTED member for 12 months', async () => {
    expect((await register('camille@essai.fr')).data.registerProfessional.status).toBe('PENDING');
    const pro = await loginHeaders(api, 'camille@essai.fr');
    expect((await api.gql(viewerQuery, {}, pro)).data.viewer).toMatchObject({ status: 'PENDING', structures: [] });
    const pending = await api.gql(
      '{ professionals(status: PENDING) { edges { node { id email jobTitle claimedStructure { id } } } } }',
      {},
      admin,
    );
    const node = pending.data.professionals.edges.find((e: any) => e.node.email === 'camille@essai.fr').node;
    expect(node.claimedStructure.id).toBe(structureId);
    const approved = await api.gql(
      `mutation ($id: ID!) { approveProfessional(userId: $id, note: "ADELI vérifié, appel au service") {
        user { status vettingNote vettedUntil structures { id } } } }`,
      { id: node.id },
      admin,
    );
    const user = approved.data.approveProfessional.user;
    expect(user).toMatchObject({
      status: 'VETTED',
      vettingNote: 'ADELI vérifié, appel au service',
      structures: [{ id: structureId }],
    });
    const one = await api.gql(`query ($id: ID!) { account(id: $id) { email status } }`, { id: node.id }, admin);
    expect(one.data.account).toEqual({ email: 'camille@essai.fr', status: 'VETTED' });
    const months = (Date.parse(user.vettedUntil) - Date.now()) / (30.44 * 86_400_000);
    expect(months).toBeGreaterThan(11.9);
    expect(months).toBeLessThan(12.1);
    // The same session now sees as a vetted member.
    expect((await api.gql(viewerQuery, {}, pro)).data.viewer).toMatchObject({
      status: 'VETTED',
      structures: [{ id: structureId }],
    });
  });

  it('an admin may make a professional a member of several structures', async () => {
    const [a, b] = await seed(api.db, [fixture({ name: 'Antenne A' }), fixture({ name: 'Antenne B' })]);
    const id = await createAccount(api.db, { email: 'deux@essai.fr', role: 'PROFESSIONAL', status: 'PENDING' });
    const res = await api.gql(
      `mutation ($id: ID!, $s: [ID!]) { approveProfessional(userId: $id, note: "vérifié", structureIds: $s) {
        user { structures { name } } } }`,
      { id: Buffer.from(`User:${id}`).toString('base64'), s: [a, b] },
      admin,
    );
    const names = res.data.approveProfessional.user.structures.map((s: { name: string }) => s.name).sort();
    expect(names).toEqual(['Antenne A', 'Antenne B']);
  });

  it('a second registration with a known email answers the same and changes nothing', async () => {
    const again = await api.gql(
      `mutation ($input: ProfessionalRegistrationInput!) { registerProfessional(input: $input) { status } }`,
      {
        input: {
          email: 'camille@essai.fr',
          password: testPassword,
          name: 'Usurpation',
          organisation: 'O',
          jobTitle: 'J',
          justification: 'J',
        },
      },
    );
    expect(again).toEqual({ data: { registerProfessional: { status: 'PENDING' } } });
    const [row] = await api.db.rows<{ n: number; name: string }>(
      (await import('drizzle-orm'))
        .sql`SELECT count(*)::int AS n, max(name) AS name FROM users WHERE email = 'camille@essai.fr'`,
    );
    expect(row).toEqual({ n: 1, name: 'Camille Essai' });
  });

  it('bad registration input gets field-level BAD_USER_INPUT and stores nothing', async () => {
    const res = await register('pas-une-adresse', { password: 'court', name: 'x'.repeat(10_000) });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/email/);
    expect(res.errors?.[0]?.message).toMatch(/password must have at least 12 characters/);
    expect(res.errors?.[0]?.message).toMatch(/name must have at most 120/);
    const bad = await register('ok@essai.fr', { structureId: 'pas-un-id' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [row] = await api.db.rows<{ n: number }>(
      (await import('drizzle-orm'))
        .sql`SELECT count(*)::int AS n FROM users WHERE email IN ('pas-une-adresse', 'ok@essai.fr')`,
    );
    expect(row?.n).toBe(0);
  });

  it('reject records the reason; revoke ends every session at once; expiry makes an anonymous viewer', async () => {
    await register('refus@essai.fr');
    await register('revoque@essai.fr');
    const list = await api.gql(
      '{ professionals(status: PENDING, first: 100) { edges { node { id email } } } }',
      {},
      admin,
    );
    const idOf = (email: string) => list.data.professionals.edges.find((e: any) => e.node.email === email).node.id;
    const rejected = await api.gql(
      `mutation ($id: ID!) { rejectProfessional(userId: $id, reason: "Aucune structure connue") { user { status decisionReason } } }`,
      { id: idOf('refus@essai.fr') },
      admin,
    );
    expect(rejected.data.rejectProfessional.user).toEqual({
      status: 'REJECTED',
      decisionReason: 'Aucune structure connue',
    });
    await api.gql(
      `mutation ($id: ID!) { approveProfessional(userId: $id, note: "vérifié") { user { id } } }`,
      { id: idOf('revoque@essai.fr') },
      admin,
    );
    const sessions = [await loginHeaders(api, 'revoque@essai.fr'), await loginHeaders(api, 'revoque@essai.fr')];
    const revoked = await api.gql(
      `mutation ($id: ID!) { revokeProfessional(userId: $id, reason: "A quitté le service") { user { status } } }`,
      { id: idOf('revoque@essai.fr') },
      admin,
    );
    expect(revoked.data.revokeProfessional.user.status).toBe('REVOKED');
    for (const headers of sessions) expect((await post({ query: viewerQuery }, headers)).status).toBe(401);
    // The right password of a revoked account answers exactly like a wrong one: it confirms nothing.
    const login = (password: string) =>
      post({ query: `mutation { login(email: "revoque@essai.fr", password: "${password}") { token } }` });
    const [right, wrong] = [await login(testPassword), await login('pas-le-bon-mot-de-passe')];
    expect(right.status).toBe(wrong.status);
    expect(await right.json()).toEqual(await wrong.json());
    const body = await (await login(testPassword)).json();
    expect(body.errors[0]).toMatchObject({
      message: 'Email or password incorrect.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    // Rejecting someone already vetted is refused: revoke them instead.
    const id = await createAccount(api.db, { email: 'expire@essai.fr', role: 'PROFESSIONAL' });
    const gid = Buffer.from(`User:${id}`).toString('base64');
    const refused = await api.gql(
      `mutation ($id: ID!) { rejectProfessional(userId: $id, reason: "non") { user { id } } }`,
      { id: gid },
      admin,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const expiring = await loginHeaders(api, 'expire@essai.fr');
    await api.db.exec(`UPDATE users SET vetted_until = now() - interval '1 day' WHERE email = 'expire@essai.fr'`);
    expect((await api.gql(viewerQuery, {}, expiring)).data.viewer.status).toBe('EXPIRED');
    const expired = await api.gql(
      '{ professionals(status: EXPIRED) { totalCount edges { node { email status } } } }',
      {},
      admin,
    );
    expect(expired.data.professionals.edges.map((e: any) => e.node)).toEqual([
      { email: 'expire@essai.fr', status: 'EXPIRED' },
    ]);
    expect(expired.data.professionals.totalCount).toBe(1);
  });

  it('admin-only fields: UNAUTHENTICATED for the anonymous, FORBIDDEN for others, unknown ids NOT_FOUND', async () => {
    const query = '{ professionals { edges { node { id } } } }';
    expect((await api.gql(query)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await createAccount(api.db, { email: 'modo2@essai.fr', role: 'MODERATOR' });
    const modo = await loginHeaders(api, 'modo2@essai.fr');
    for (const q of [
      query,
      '{ apiKeys { id } }',
      '{ auditLog { totalCount } }',
      '{ accounts(search: "essai") { id } }',
      'mutation { createApiKey(name: "x") { key } }',
    ]) {
      const res = await api.gql(q, {}, modo);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data ?? null).toBeNull();
    }
    const unknown = Buffer.from('User:00000000-0000-4000-8000-000000000000').toString('base64');
    const res = await api.gql(
      `mutation ($id: ID!) { approveProfessional(userId: $id, note: "x") { user { id } } }`,
      { id: unknown },
      admin,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('staff accounts', () => {
  it('admins create moderators, list and revoke them (sessions end); never themselves', async () => {
    const created = await api.gql(
      `mutation ($input: StaffAccountInput!) { createStaffAccount(input: $input) { user { id role status } } }`,
      { input: { email: 'Nouvelle.Modo@essai.fr', name: 'Nouvelle Modo', role: 'MODERATOR', password: testPassword } },
      admin,
    );
    expect(created.data.createStaffAccount.user).toMatchObject({ role: 'MODERATOR', status: 'VETTED' });
    const modo = await loginHeaders(api, 'nouvelle.modo@essai.fr');
    const list = await api.gql(
      '{ staffAccounts(status: VETTED, first: 100) { edges { node { email role } } } }',
      {},
      admin,
    );
    expect(list.data.staffAccounts.edges.map((e: any) => e.node.email)).toContain('nouvelle.modo@essai.fr');
    // totalCount counts every page: one per page, two pages.
    const paged = await api.gql(
      '{ staffAccounts(status: VETTED, first: 1) { totalCount edges { node { email } } pageInfo { hasNextPage } } }',
      {},
      admin,
    );
    expect(paged.data.staffAccounts.edges).toHaveLength(1);
    expect(paged.data.staffAccounts.pageInfo.hasNextPage).toBe(true);
    expect(paged.data.staffAccounts.totalCount).toBe(list.data.staffAccounts.edges.length);
    const asProfessional = await api.gql(
      `mutation ($input: StaffAccountInput!) { createStaffAccount(input: $input) { user { id } } }`,
      { input: { email: 'x@essai.fr', name: 'X', role: 'PROFESSIONAL', password: testPassword } },
      admin,
    );
    expect(asProfessional.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const revoked = await api.gql(
      `mutation ($id: ID!) { revokeStaffAccount(userId: $id, reason: "Fin de mission") { user { status } } }`,
      { id: created.data.createStaffAccount.user.id },
      admin,
    );
    expect(revoked.data.revokeStaffAccount.user.status).toBe('REVOKED');
    expect((await post({ query: viewerQuery }, modo)).status).toBe(401);
    const self = (await api.gql('{ viewer { id } }', {}, admin)).data.viewer.id;
    const own = await api.gql(
      `mutation ($id: ID!) { revokeStaffAccount(userId: $id, reason: "non") { user { id } } }`,
      { id: self },
      admin,
    );
    expect(own.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('API keys', () => {
  it('created once, counted per use, listed, revoked; unknown keys are refused', async () => {
    const created = await api.gql(
      'mutation { createApiKey(name: "Appli prévention") { key apiKey { id name prefix usageCount } } }',
      {},
      admin,
    );
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^rk_[\w-]{40,}$/);
    expect(apiKey).toMatchObject({ name: 'Appli prévention', usageCount: 0, prefix: key.slice(0, 10) });
    const [stored] = await api.db.rows<{ n: number }>(
      (await import('drizzle-orm'))
        .sql`SELECT count(*)::int AS n FROM api_keys WHERE key_hash = ${key} OR prefix = ${key}`,
    );
    expect(stored?.n).toBe(0);
    for (let i = 0; i < 3; i++) {
      const res = await post({ query: '{ structures(first: 1) { totalCount } }' }, { 'x-api-key': key });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
    const listed = await api.gql('{ apiKeys { id usageCount lastUsedAt revokedAt } }', {}, admin);
    const mine = listed.data.apiKeys.find((k: any) => k.id === apiKey.id);
    expect(mine.usageCount).toBe(3);
    expect(Date.now() - Date.parse(mine.lastUsedAt)).toBeLessThan(60_000);
    await api.gql('mutation ($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } } }', { id: apiKey.id }, admin);
    const refused = await post({ query: '{ structures(first: 1) { totalCount } }' }, { 'x-api-key': key });
    expect(refused.status).toBe(401);
    expect((await refused.json()).errors[0]).toEqual({
      message: 'Unknown or revoked API key.',
      extensions: { code: 'UNAUTHENTICATED', key: 'unknownApiKey', params: {} },
    });
    expect((await post({ query: '{ helplines { name } }' }, { 'x-api-key': 'rk_inconnue' })).status).toBe(401);
  });
});

describe('audit log', () => {
  it('holds vetting decisions and key changes, filtered by action, person and date', async () => {
    const all = await api.gql(
      '{ auditLog(first: 100) { totalCount edges { node { action actorId subjectUserId apiKeyId fields } } } }',
      {},
      admin,
    );
    const actions = all.data.auditLog.edges.map((e: any) => e.node.action);
    for (const action of [
      'PROFESSIONAL_APPROVED',
      'PROFESSIONAL_REJECTED',
      'PROFESSIONAL_REVOKED',
      'API_KEY_CREATED',
      'API_KEY_REVOKED',
    ]) {
      expect(actions).toContain(action);
    }
    const adminId = (await api.gql('{ viewer { id } }', {}, admin)).data.viewer.id;
    const filtered = await api.gql(
      `query ($f: AuditFilter) { auditLog(filter: $f) { totalCount edges { node { action actorId } } } }`,
      {
        f: {
          actions: ['PROFESSIONAL_REVOKED'],
          actorId: adminId,
          from: new Date(Date.now() - 3_600_000).toISOString(),
        },
      },
      admin,
    );
    expect(filtered.data.auditLog.totalCount).toBe(1);
    expect(filtered.data.auditLog.edges[0].node).toEqual({ action: 'PROFESSIONAL_REVOKED', actorId: adminId });
    // Who acted and on whom, by name and email, for admins reading the log.
    const named = await api.gql(
      `query ($f: AuditFilter) { auditLog(filter: $f) { edges { node {
        actor { id email role } subjectUser { email role } } } } }`,
      { f: { actions: ['PROFESSIONAL_REVOKED'], actorId: adminId } },
      admin,
    );
    expect(named.data.auditLog.edges[0].node.actor).toEqual({ id: adminId, email: 'admin@essai.fr', role: 'ADMIN' });
    expect(named.data.auditLog.edges[0].node.subjectUser.role).toBe('PROFESSIONAL');
    const future = await api.gql(
      `query ($f: AuditFilter) { auditLog(filter: $f) { totalCount } }`,
      { f: { from: new Date(Date.now() + 3_600_000).toISOString() } },
      admin,
    );
    expect(future.data.auditLog.totalCount).toBe(0);
    // Paging: newest first, no entry twice.
    const seen = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = await api.gql(
        `query ($after: String) { auditLog(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
        admin,
      );
      for (const e of page.data.auditLog.edges) {
        expect(seen.has(e.node.id)).toBe(false);
        seen.add(e.node.id);
      }
      after = page.data.auditLog.pageInfo.hasNextPage ? page.data.auditLog.pageInfo.endCursor : null;
    } while (after);
    expect(seen.size).toBe(all.data.auditLog.totalCount);
    expect(rawId(adminId)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('admins find accounts by part of an email or name; a search is text, never a pattern', async () => {
    const search = (text: string) =>
      api.gql('query ($s: String!) { accounts(search: $s) { email role } }', { s: text }, admin);
    const found = (await search('ESSAI.FR')).data.accounts.map((a: any) => a.email);
    expect(found).toContain('admin@essai.fr');
    expect(found).toEqual([...found].sort());
    expect((await search('%%')).data.accounts).toEqual([]);
    expect((await search('_dmin')).data.accounts).toEqual([]);
    expect((await search('a')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
