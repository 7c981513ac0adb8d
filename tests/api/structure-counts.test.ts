// `structure_counts` (the groups an exact totalCount reads) agrees with the rows after every kind
// of write: inserts, moves between groups (status, visibility, location set or cleared through
// the protected table, department), edits that move nothing, deletes and TRUNCATE; and the
// totalCount it answers equals the rows listed, for each audience, nearest and by department.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let pro: Record<string, string>;
const amiens = { lat: 49.894, lon: 2.296 };

/**
 * Groups counted from the rows and as kept, each as `status visibility dept region public pro exact: n`
 * (the exact point's presence read from the protected table itself, not from the structure's flag).
 */
async function groups() {
  const key = `status::text || ' ' || visibility::text || ' ' || department_code || ' ' || region_code`;
  const [rows, kept] = await Promise.all([
    api.db.rows<{ g: string }>(
      sql.raw(`SELECT k || ': ' || count(*) AS g FROM (SELECT ${key} || ' ' || (location_public IS NOT NULL)
        || ' ' || (location_pro IS NOT NULL) || ' ' || EXISTS (SELECT 1 FROM structure_protected p
          WHERE p.structure_id = s.id AND p.location IS NOT NULL) AS k FROM structures s) r GROUP BY k ORDER BY 1`),
    ),
    api.db.rows<{ g: string }>(
      sql.raw(`SELECT ${key} || ' ' || located_public || ' ' || located_pro || ' ' || located_exact || ': ' || n AS g
        FROM structure_counts WHERE n <> 0 ORDER BY 1`),
    ),
  ]);
  return { rows: rows.map((r) => r.g), kept: kept.map((r) => r.g) };
}

async function expectAgreement() {
  const { rows, kept } = await groups();
  expect(kept).toEqual(rows);
}

const counted = `query ($near: GeoPointInput, $filter: StructureFilter) {
  structures(near: $near, filter: $filter, first: 100) { totalCount edges { node { id } } } }`;

async function expectCountsMatchPages(headers: Record<string, string> = {}) {
  for (const variables of [
    { near: amiens },
    {},
    { filter: { departmentCode: '80' } },
    { near: amiens, filter: { regionCode: '32' } },
  ]) {
    const res = await api.gql(counted, variables, headers);
    expect(res.errors).toBeUndefined();
    expect(res.data.structures.totalCount).toBe(res.data.structures.edges.length);
  }
}

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'pro-comptes@essai.fr', role: 'PROFESSIONAL' });
  pro = await loginHeaders(api, 'pro-comptes@essai.fr');
});

describe('structure_counts', () => {
  it('follows inserts, moves, edits, deletes and TRUNCATE', async () => {
    const visibilities = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'] as const;
    const globalIds = await seed(
      api.db,
      Array.from({ length: 12 }, (_, i) =>
        fixture({
          name: `Structure comptée ${i}`,
          visibility: visibilities[i % 3],
          departmentCode: i < 8 ? '80' : '60',
          location: { lat: amiens.lat + i * 0.01, lon: amiens.lon },
        }),
      ),
    );
    const ids = globalIds.map((g) => Buffer.from(g, 'base64').toString().split(':')[1] as string);
    // One without a point (not ranked by distance, still listed by department).
    await api.db.rows(sql`UPDATE structure_protected SET location = NULL WHERE structure_id = ${ids[11]}`);
    await expectAgreement();
    await expectCountsMatchPages();
    await expectCountsMatchPages(pro);
    // A member (of a public, a restricted, a confidential listing and the one without a point):
    // every professional's groups, less and plus their own rows.
    await createAccount(api.db, {
      email: 'membre-comptes@essai.fr',
      role: 'PROFESSIONAL',
      structureIds: [ids[0], ids[1], ids[2], ids[11]] as string[],
    });
    const member = await loginHeaders(api, 'membre-comptes@essai.fr');
    await expectCountsMatchPages(member);
    // A moderator: groups too, nearest included (the exact point's presence is counted there).
    await createAccount(api.db, { email: 'moderation-comptes@essai.fr', role: 'MODERATOR' });
    const moderator = await loginHeaders(api, 'moderation-comptes@essai.fr');
    await expectCountsMatchPages(moderator);
    const [a, b, c, d] = ids;
    // Moves: visibility, status, location cleared and set (protected table), department; an edit.
    await api.db.rows(sql`UPDATE structures SET visibility = 'CONFIDENTIAL' WHERE id = ${a}`);
    await api.db.rows(sql`UPDATE structures SET status = 'OFFLINE' WHERE id = ${b}`);
    await api.db.rows(sql`UPDATE structure_protected SET location = NULL WHERE structure_id = ${c}`);
    await api.db.rows(sql`UPDATE structure_protected SET location =
      ST_SetSRID(ST_MakePoint(2.3, 49.9), 4326)::geography WHERE structure_id = ${ids[11]}`);
    await api.db.rows(sql`UPDATE structures SET department_code = '60', region_code = '32' WHERE id = ${d}`);
    await api.db.rows(sql`DELETE FROM structure_protected WHERE structure_id = ${ids[6]}`);
    await api.db.rows(sql`UPDATE structures SET name = name || ' (modifiée)'`);
    await expectAgreement();
    await expectCountsMatchPages();
    await expectCountsMatchPages(pro);
    await expectCountsMatchPages(member);
    await expectCountsMatchPages(moderator);
    // A statement that moves rows both ways, then deletes.
    await api.db.rows(sql`UPDATE structures SET visibility = CASE visibility WHEN 'PUBLIC' THEN 'RESTRICTED'::visibility
      ELSE 'PUBLIC'::visibility END`);
    await api.db.rows(sql`DELETE FROM structures WHERE id IN (${a}, ${ids[5]})`);
    await expectAgreement();
    await expectCountsMatchPages();
    await expectCountsMatchPages(member);
    await expectCountsMatchPages(moderator);
    // A rolled-back write leaves no trace.
    await expect(
      api.db.transaction(async (tx) => {
        await tx.rows(sql`DELETE FROM structures`);
        throw new Error('annulé');
      }),
    ).rejects.toThrow('annulé');
    await expectAgreement();
    await resetData(api.db);
    expect((await groups()).kept).toEqual([]);
  });
});
