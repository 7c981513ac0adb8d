// `db dump` reads each table a page at a time (keyset on its primary key, in one snapshot), so a
// large table is never held whole in memory: the file must be the same whatever the page size,
// with text, uuid and composite keys (postal codes by commune, memberships).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { dumpDatabase } from '../../api/src/db/backup/dump.ts';
import { createAccount, rawId } from '../support/accounts.ts';
import { resetData, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { limit } from '../support/time.ts';

const dir = mkdtempSync(join(tmpdir(), 'repere-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(file: string) {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { tables: { name: string; rows: number }[] };
  return { header, body: text.slice(text.indexOf('\n') + 1) };
}

it('dumps the same file in pages as in one read per table', { timeout: limit(300_000) }, async () => {
  const api = await testApi();
  await resetData(api.db);
  const structures = await seed(
    api.db,
    Array.from({ length: 30 }, (_, i) => fixture({ name: `Accueil Page ${i}` })),
  );
  // More rows than a page in tables keyed by a uuid (submissions), two uuids (memberships) and
  // a text holding quotes, backslashes and tabs (rate_limits: the next page starts after it);
  // the reference geography has text and composite text keys.
  for (let i = 0; i < 40; i++) {
    await createAccount(api.db, {
      email: `page${i}@pages.fr`,
      role: 'PROFESSIONAL',
      structureIds: structures.map(rawId),
    });
  }
  await api.db.exec(`INSERT INTO submissions (kind, reason, comment, request_hash)
    SELECT 'REPORT', 'OTHER', E'ligne ' || n || E'\\t\\\\ l''apostrophe', md5(n::text) FROM generate_series(1, 2500) n;
    INSERT INTO rate_limits (key, points) SELECT E'clé\\t''\\\\' || n, n FROM generate_series(1, 2100) n`);
  const paged = join(dir, 'paged.dump');
  const whole = join(dir, 'whole.dump');
  await dumpDatabase(api.db, paged, { pageRows: 1000 });
  await dumpDatabase(api.db, whole, { pageRows: Number.MAX_SAFE_INTEGER });
  const a = read(paged);
  const b = read(whole);
  expect(a.header.tables).toEqual(b.header.tables);
  const rows = Object.fromEntries(a.header.tables.map((t) => [t.name, t.rows]));
  expect(rows['public.memberships']).toBe(1200);
  expect(rows['public.submissions']).toBe(2500);
  expect(rows['public.rate_limits']).toBe(2100);
  expect(a.header.tables.filter((t) => t.rows > 1000).length).toBeGreaterThan(3);
  expect(a.body.length).toBe(b.body.length);
  expect(a.body === b.body).toBe(true);
});
