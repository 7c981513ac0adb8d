// The CLI as a newcomer runs it: `pnpm repere …` in a child process.
// Its embedded database starts migrated (support/fresh-db.ts): the CLI's own migration of a
// new data dir is the same `migrate`, which the tests' setup runs.
import { describe, expect, it } from 'vitest';
import { acquireDirLock } from '../../api/src/db/lock.ts';
import { embeddedDatabase, portOf } from '../support/cli.ts';
import { limit } from '../support/time.ts';

const db = embeddedDatabase('cli');
const repere = db.repere;
let partnerKey = '';

/** A test's limit: each command opening the embedded database takes seconds, tens on a busy machine. */
const commands = (n: number) => ({ timeout: limit(n * 60_000) });

describe('pnpm repere', commands(6), () => {
  it('explains its usage on an unknown command', async () => {
    const res = await repere(['db', 'explode']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('Unknown command: db explode');
    expect(res.stderr).toContain('db seed --synthetic N');
  });

  it('refuses a bad synthetic count without touching the database', async () => {
    const res = await repere(['db', 'seed', '--synthetic', 'many']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/--demo or --synthetic N/);
  });

  it('says clearly when a server holds the embedded database, and changes nothing', async () => {
    const lock = acquireDirLock(db.dataDir);
    try {
      const res = await repere(['db', 'migrate']);
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(/in use by process \d+/);
      expect(res.stderr).toMatch(/Nothing was changed/);
    } finally {
      lock.release();
    }
  });

  it('migrates and loads synthetic structures with progress, then the demo refuses to duplicate', async () => {
    const seeded = await repere(['db', 'seed', '--synthetic', '50']);
    expect(seeded.stderr + seeded.stdout).toMatch(/50 synthetic structures loaded/);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout + seeded.stderr).toMatch(/Synthetic structures \[/);
    const demo = await repere(['db', 'seed', '--demo']);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/structures already present/);
  });

  it('user create: bootstraps accounts from REPERE_PASSWORD or standard input, refusing bad input', async () => {
    const admin = await repere(['user', 'create', '--email', 'Premiere.Admin@example.org', '--role', 'ADMIN'], {
      REPERE_PASSWORD: 'phrase de passe de la premiere admin',
    });
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toMatch(/^ADMIN account created for premiere\.admin@example\.org \(id [\w=]+\)\.$/m);
    expect(admin.status).toBe(0);
    const pro = await repere(
      ['user', 'create', '--email', 'pro@example.org', '--role', 'PROFESSIONAL'],
      {},
      'un mot de passe lu sur stdin\n',
    );
    expect(pro.stdout).toMatch(/PROFESSIONAL account created for pro@example\.org, vetted for 12 months/);
    const again = await repere(
      ['user', 'create', '--email', 'PRO@example.org', '--role', 'MODERATOR'],
      {},
      'encore un mot de passe long\n',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists for pro@example\.org: nothing was changed/);
    const role = await repere(['user', 'create', '--email', 'x@example.org', '--role', 'ROOT']);
    expect(role.status).toBe(2);
    expect(role.stderr).toMatch(/--role must be one of PROFESSIONAL, MODERATOR, ADMIN/);
    const short = await repere(['user', 'create', '--email', 'x@example.org', '--role', 'ADMIN'], {}, 'court\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password must have at least 12 characters/);
    const structure = await repere([
      'user',
      'create',
      '--email',
      'x@example.org',
      '--role',
      'PROFESSIONAL',
      '--structure',
      'nope',
    ]);
    expect(structure.status).toBe(2);
  });

  it('apikey create prints the key once, on its own line', async () => {
    const res = await repere(['apikey', 'create', '--name', 'Appli partenaire']);
    expect(res.status).toBe(0);
    partnerKey = res.stdout.trim();
    expect(res.stdout).toMatch(/^rk_[\w-]{43}\n$/);
    expect(res.stderr).toMatch(/not shown again/);
    expect((await repere(['apikey', 'create'])).status).toBe(2);
  });

  it('referrals purge deletes what is past its time and says how many', async () => {
    const res = await repere(['referrals', 'purge']);
    expect(res.stdout).toMatch(/^0 referrals purged \(closed, or sent, more than 90 days ago\)\.$/m);
    expect(res.status).toBe(0);
    expect((await repere(['referrals', 'purge', '--all'])).status).toBe(2);
  });

  it('rejects a malformed configuration with a clear message', async () => {
    const res = await repere(['db', 'migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/DATABASE_URL: must be a postgres/);
  });
});

describe('pnpm start', commands(4), () => {
  it('serves, reports ready, and stops cleanly on SIGTERM, releasing the data dir', async () => {
    const server = db.server();
    try {
      const port = await portOf(server);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      // The admin and the key made by the CLI open the API.
      const gql = (query: string, headers: Record<string, string> = {}) =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query }),
        }).then((r) => r.json());
      const login = await gql(
        'mutation { login(email: "premiere.admin@example.org", password: "phrase de passe de la premiere admin") { token viewer { role } } }',
      );
      expect(login.data.login.viewer.role).toBe('ADMIN');
      const keys = await gql('{ apiKeys { name usageCount } }', { authorization: `Bearer ${login.data.login.token}` });
      expect(keys.data.apiKeys).toEqual([{ name: 'Appli partenaire', usageCount: 0 }]);
      expect((await gql('{ helplines { name } }', { 'x-api-key': partnerKey })).errors).toBeUndefined();
      // While it runs, the CLI refuses the data dir.
      expect((await repere(['db', 'migrate'])).stderr).toMatch(/in use by process/);
      expect((await server.stop('SIGTERM')).code).toBe(0);
      expect(server.stdout()).toMatch(/"msg":"stopped"/);
    } finally {
      await server.stop('SIGKILL');
    }
    expect((await repere(['db', 'migrate'])).status).toBe(0);
  });
});
