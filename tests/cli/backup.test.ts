// `pnpm repere db dump` / `db restore` as an operator runs them: the demo database with rows in
// every protected table (accounts, sessions, referrals, audit, API keys, mail tokens, first-admin
// setup), dumped, restored into an empty database; then the same rows per table, the same dump
// again, and the same answers to README.md's example queries from a server on the restored one.
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { countRows, listTables } from '../../api/src/db/backup/catalog.ts';
import { openDb } from '../../api/src/db/client.ts';
import { portOf, repere, root, startServer } from '../support/cli.ts';
import { freshDataDir, freshServerDb } from '../support/fresh-db.ts';
import { stopChildren } from '../support/processes.ts';
import { adminUrl, withDatabase } from '../support/server-db.ts';
import { limit } from '../support/time.ts';

const dir = mkdtempSync(join(tmpdir(), 'repere-backup-'));
afterAll(async () => {
  await stopChildren();
  rmSync(dir, { recursive: true, force: true });
});

// README.md's "Example queries", as sent there (checked against the README below).
const readmeQueries = [
  '{ structures(near: {lat: 49.894, lon: 2.296}, first: 5) { totalCount edges { distanceKm node { name city phone location { lat lon precision } } } } }',
  '{ structures(filter: {search: "hebergement", departmentCode: "75", openNow: true}) { totalCount edges { node { name openingHours notices { kind message } } } } }',
  '{ places(search: "80100") { name postalCodes departmentName centre { lat lon } } }',
  '{ helplines { number name hours free openNow } departments { code name structureCount } }',
];
const protectedTables = [
  'users',
  'memberships',
  'sessions',
  'referrals',
  'audit_log',
  'api_keys',
  'email_tokens',
  'first_admin_setup',
  'submissions',
];
const password = 'phrase de passe de la sauvegarde';

/** Where a database lives, as the CLI and the server are told. */
type Target = { PGLITE_DIR: string } | { DATABASE_URL: string };

const cli = (target: Target, args: string[], env: Record<string, string> = {}) => repere(args, { ...target, ...env });

async function ok(target: Target, args: string[], env: Record<string, string> = {}) {
  const res = await cli(target, args, env);
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

/** Runs `pnpm start` on `target` while `fn` talks to it. */
async function withServer<T>(target: Target, fn: (gql: Gql) => Promise<T>): Promise<T> {
  const api = startServer({
    ...target,
    SEED_DEMO: 'false',
    RATE_LIMIT_MULTIPLIER: '100',
    MAIL_OUTBOX: join(dir, 'outbox'),
  });
  try {
    const port = await portOf(api);
    return await fn(async (query, variables = {}, headers = {}) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlBody;
    });
  } finally {
    await api.stop();
  }
}

type GqlBody = { data?: any; errors?: unknown[] };
type Gql = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlBody>;

/** Rows per table, opened in this process (the CLI and servers are stopped by then). */
async function rowCounts(target: Target): Promise<Record<string, number>> {
  const db = await openDb(
    'DATABASE_URL' in target ? { databaseUrl: target.DATABASE_URL } : { pgliteDir: target.PGLITE_DIR },
  );
  try {
    return await db.session(async (s) => {
      const counts: Record<string, number> = {};
      for (const t of await listTables(s)) counts[t.name] = await countRows(s, t.name);
      return counts;
    });
  } finally {
    await db.close();
  }
}

/** The demo data, then a row or more in each protected table, through the CLI and the API. */
async function seed(source: Target): Promise<{ token: string; key: string }> {
  await ok(source, ['db', 'seed', '--demo']);
  const ids = await withServer(source, async (gql) => {
    const res = await gql('{ structures(first: 2) { edges { node { id } } } }');
    return res.data.structures.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
  });
  const [from, to] = ids as [string, string];
  await ok(source, ['user', 'create', '--email', 'pro@example.org', '--role', 'PROFESSIONAL', '--structure', from], {
    REPERE_PASSWORD: password,
  });
  const key = (await ok(source, ['apikey', 'create', '--name', 'Partenaire'])).trim();
  // No admin yet: this start writes a first-admin setup code.
  const token = await withServer(source, async (gql) => {
    const login = await gql('mutation ($p: String!) { login(email: "pro@example.org", password: $p) { token } }', {
      p: password,
    });
    const auth = { authorization: `Bearer ${login.data.login.token}` };
    const sent = await gql(
      'mutation ($to: ID!) { sendReferral(toStructureId: $to, message: "Arrive la semaine prochaine.", urgency: SOON) { referral { id } } }',
      { to },
      auth,
    );
    expect(sent.errors).toBeUndefined();
    const report = await gql(
      'mutation ($id: ID!) { reportStructure(structureId: $id, reason: WRONG_PHONE) { __typename } }',
      {
        id: to,
      },
    );
    expect(report.errors).toBeUndefined();
    const registered = await gql(
      'mutation ($input: ProfessionalRegistrationInput!) { registerProfessional(input: $input) { __typename } }',
      {
        input: {
          email: 'nouvelle@example.org',
          name: 'Nouvelle Pro',
          organisation: 'Association',
          jobTitle: 'éducatrice',
          justification: 'Je travaille avec des jeunes.',
          password,
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    return login.data.login.token as string;
  });
  return { token, key };
}

async function answers(gql: Gql): Promise<GqlBody[]> {
  const out: GqlBody[] = [];
  for (const query of readmeQueries) out.push(await gql(query));
  return out;
}

async function scenario(source: Target, empty: Target, occupied: Target) {
  const { token, key } = await seed(source);
  const before = await withServer(source, answers);
  for (const answer of before) expect(answer.errors).toBeUndefined();
  expect(before[0]?.data.structures.totalCount).toBeGreaterThan(0);

  const file = join(dir, `${Date.now()}.dump`);
  const dumped = await ok(source, ['db', 'dump', '--out', file]);
  expect(dumped).toMatch(/written to .*: \d+ tables, [\d,]+ rows/);
  const refused = await cli(occupied, ['db', 'restore', file]);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/is not empty.*Nothing was changed: add --force/s);
  const restored = await ok(empty, ['db', 'restore', file]);
  expect(restored).toMatch(/^Restored .*: \d+ tables, [\d,]+ rows\.$/m);

  const counts = await rowCounts(source);
  for (const table of protectedTables) expect(counts[`public.${table}`], table).toBeGreaterThan(0);
  expect(await rowCounts(empty)).toEqual(counts);
  // Dumped again, the restored database gives the same rows, byte for byte.
  const again = join(dir, `${Date.now()}-again.dump`);
  await ok(empty, ['db', 'dump', '--out', again]);
  expect(withoutHeader(again)).toEqual(withoutHeader(file));

  await withServer(empty, async (gql) => {
    expect(await answers(gql)).toEqual(before);
    // Sessions and API keys came along: the professional is still logged in, the partner still served.
    const viewer = await gql(
      '{ referrals(box: SENT) { edges { node { urgency } } } }',
      {},
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(viewer.data?.referrals.edges).toEqual([{ node: { urgency: 'SOON' } }]);
    expect((await gql('{ helplines { name } }', {}, { 'x-api-key': key })).errors).toBeUndefined();
  });
}

function withoutHeader(file: string): string {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  return text.slice(text.indexOf('\n') + 1);
}

describe('db dump / db restore', { timeout: limit(900_000) }, () => {
  it("README's example queries are the ones checked here", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const query of readmeQueries)
      expect(readme.includes(query) || readme.includes(query.replaceAll('"', '\\"'))).toBe(true);
  });

  it('refuses a dump whose header is damaged, printing none of it, and changes nothing', async () => {
    const header = { format: 'repere-dump', version: 1, createdAt: new Date().toISOString(), source: 'embedded' };
    const target = join(dir, 'untouched', 'pglite');
    for (const [name, extra] of [
      // A title and a cleared screen, through the migration names restore lists when they differ.
      ['crafted', { migrations: ['\u001b]0;titre\u0007\u001b[2J'], tables: [], sequences: [] }],
      ['truncated', {}],
    ] as const) {
      const file = join(dir, `${name}.dump`);
      writeFileSync(file, gzipSync(`${JSON.stringify({ ...header, ...extra })}\n`));
      const res = await cli({ PGLITE_DIR: target }, ['db', 'restore', file]);
      expect(res.status, name).toBe(1);
      expect(res.stderr).toContain(`${file} is not a dump made by \`pnpm repere db dump\`: its header is damaged.`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be printed.
      expect(res.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    }
    expect(existsSync(target)).toBe(false);
  });

  // Before the first line was bounded, this one (256 MB, never ending) was read whole, joined
  // again at each 16 kB chunk: the restore never finished.
  it('refuses a file that is not gzip, or whose first line is over 1 MB, without reading it all', {
    timeout: limit(60_000),
  }, async () => {
    const target = join(dir, 'untouched-too', 'pglite');
    const plain = join(dir, 'plain.dump');
    writeFileSync(plain, '{"format":"repere-dump","version":1}\n');
    const endless = join(dir, 'endless.dump');
    const gzip = createGzip();
    const file = createWriteStream(endless);
    gzip.pipe(file);
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 256; i++) if (!gzip.write(spaces)) await once(gzip, 'drain');
    gzip.end();
    await finished(file);
    for (const path of [plain, endless]) {
      const res = await cli({ PGLITE_DIR: target }, ['db', 'restore', path]);
      expect(res.status, path).toBe(1);
      expect(res.stderr).toContain(`${path} is not a dump made by \`pnpm repere db dump\`.`);
    }
    expect(existsSync(target)).toBe(false);
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'embedded: restores into an empty data dir, the same rows and answers',
    async () => {
      const source = { PGLITE_DIR: await freshDataDir(join(dir, 'a')) };
      await scenario(source, { PGLITE_DIR: join(dir, 'b', 'pglite') }, source);
    },
  );

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'server: restores into an empty database, the same rows and answers',
    async () => {
      const url = process.env.DATABASE_URL as string;
      const source = await freshServerDb(url, `bk_src_${process.pid}`);
      const occupied = await freshServerDb(url, `bk_occ_${process.pid}`);
      const emptyName = `${new URL(source.url).pathname.slice(1)}_empty`;
      const admin = await openDb({ databaseUrl: adminUrl(url), poolSize: 1 });
      try {
        await admin.exec(`DROP DATABASE IF EXISTS "${emptyName}" WITH (FORCE)`);
        await admin.exec(`CREATE DATABASE "${emptyName}"`);
        await scenario(
          { DATABASE_URL: source.url },
          { DATABASE_URL: withDatabase(url, emptyName) },
          { DATABASE_URL: occupied.url },
        );
      } finally {
        await admin.exec(`DROP DATABASE IF EXISTS "${emptyName}" WITH (FORCE)`);
        await admin.close();
        await source.drop();
        await occupied.drop();
      }
    },
  );
});
