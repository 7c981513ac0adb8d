// The typed partner client (examples/partner-client) run as a partner would, against a real
// server: each of its four operations prints what an API-key caller may see, never more, and
// its key is sent and counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, restrictedFixture, seed } from '../support/fixtures.ts';
import { run, stopChildren } from '../support/processes.ts';
import { limit } from '../support/time.ts';

const root = new URL('../..', import.meta.url).pathname;

let api: TestApi;
let admin: Record<string, string>;
let key = '';
let ids: string[] = [];

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  ids = await seed(api.db, [
    fixture({ name: 'Point Écoute Partenaire', phone: '+33322000001' }),
    restrictedFixture('Abri Restreint Partenaire'),
    fixture({
      name: 'Refuge Confidentiel Partenaire',
      visibility: 'CONFIDENTIAL',
      location: { lat: 49.895, lon: 2.297 },
    }),
    fixture({
      name: 'Maison Lilloise Partenaire',
      address: { street: '3 rue des Essais', postalCode: '59000', city: 'Lille' },
      departmentCode: '59',
      location: { lat: 50.633, lon: 3.058 },
    }),
  ]);
  await createAccount(api.db, { email: 'admin@partner.fr', role: 'ADMIN' });
  admin = await loginHeaders(api, 'admin@partner.fr');
  const line = { id: 'essai-partenaire', number: '31 444', name: 'Ligne Partenaire', hours: '24/7', free: true };
  const saved = await api.gql(
    'mutation ($input: HelplineInput!) { saveHelpline(input: $input) { id } }',
    { input: { ...line, channels: ['PHONE', 'SMS'] } },
    admin,
  );
  expect(saved.errors).toBeUndefined();
  key = (await api.gql('mutation { createApiKey(name: "Exemple partenaire") { key } }', {}, admin)).data.createApiKey
    .key;
});
afterAll(stopChildren);

/** The example's command line, as its README runs it, against the test server. */
function client(args: string[], apiKey = key) {
  return run('node', ['--import', 'tsx', 'examples/partner-client/src/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, REPERE_API_URL: `${api.url}/graphql`, REPERE_API_KEY: apiKey },
  });
}

const hidden = ['Refuge Confidentiel Partenaire', '12 rue Réservée'];

describe('examples/partner-client', { timeout: limit(180_000) }, () => {
  it('prints the nearest help to a point, nearest first, approximate places said so, hidden ones absent', async () => {
    const out = await client(['--lat', '49.894', '--lon', '2.296', '--radius', '50']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toBe('2 structures within 50 km, nearest first:');
    // The fixtures were never verified: said so on each line.
    expect(lines[1]).toBe(
      `  0.0 km  Point Écoute Partenaire — 80000 Amiens — +33322000001 (not verified for a year)  [${ids[0]}]`,
    );
    // A RESTRICTED listing: its town, no street nor postal code, and its approximate point.
    expect(lines[2]).toMatch(
      /^ {2}\d+\.\d km {2}Abri Restreint Partenaire — Dury — no phone \(approximate location, not verified for a year\)/,
    );
    expect(lines).toHaveLength(3);
    for (const value of hidden) expect(out.stdout).not.toContain(value);
  });

  it('lists a department with a search, and the same as JSON', async () => {
    const text = await client(['--department', '80', '--search', 'ecoute']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('1 structures in department 80 matching “ecoute”:');
    expect(text.stdout).toContain('Point Écoute Partenaire');
    expect(text.stdout).not.toContain('Lilloise');
    const json = await client(['--department', '80', '--first', '1', '--json']);
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout);
    // Two listings in 80 for this caller; one asked for: the client stops at --first.
    expect(data.totalCount).toBe(2);
    expect(data.structures).toHaveLength(1);
    for (const value of hidden) expect(json.stdout).not.toContain(value);
  });

  it('shows one structure by id; a hidden one is "no structure", as an unknown one', async () => {
    const restricted = await client(['--id', ids[1]!]);
    expect(restricted.status).toBe(0);
    expect(restricted.stdout).toContain('Abri Restreint Partenaire (ASSOCIATION)');
    expect(restricted.stdout).toContain('address: not public');
    expect(restricted.stdout).toContain('(APPROXIMATE)');
    expect(restricted.stdout).not.toContain('Réservée');
    const confidential = await client(['--id', ids[2]!]);
    expect(confidential.status).toBe(0);
    expect(confidential.stdout.trim()).toBe(`No structure ${ids[2]}.`);
  });

  it('prints the helplines with whether each is open now; the key was sent and counted', async () => {
    const out = await client(['--helplines']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('1 helplines:');
    expect(out.stdout).toContain('31 444  Ligne Partenaire (PHONE, SMS; free) — open now');
    const keys = await api.gql('{ apiKeys { name usageCount } }', {}, admin);
    const mine = keys.data.apiKeys.find((k: any) => k.name === 'Exemple partenaire');
    // One request per run above (each department listing fits in one page), this one included.
    expect(mine.usageCount).toBe(6);
  });

  it('says what the API refused (an unknown key) and what a bad option is, with their exit codes', async () => {
    const refused = await client(['--helplines'], 'rk_inconnue');
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe('The API refused: UNAUTHENTICATED: Unknown or revoked API key.');
    const bad = await client(['--lat', 'nord', '--lon', '2.3']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lat wants a number');
  });
});
