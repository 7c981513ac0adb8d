// The self-assessment scale: the current version for anyone, an evaluation that returns the
// band reached and whom to contact and keeps nothing about the person (every table's row count
// and the logs are compared before and after), new versions published by admins.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../api/src/db/seed.ts';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let admin: Record<string, string>;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await api.db.exec('DELETE FROM assessment_scales WHERE version > 1');
  await seedDemo(api.db); // the real helplines (and demo structures)
  await seed(api.db, [
    fixture({
      name: 'Accueil Jeunes Tout Près',
      lastVerifiedAt: new Date(),
      mobilisers: ['YOUNG_PEOPLE'],
      location: { lat: 49.8945, lon: 2.2965 },
    }),
    fixture({
      name: 'Sur Orientation Seulement',
      mobilisers: ['PROFESSIONALS'],
      location: { lat: 49.8942, lon: 2.2962 },
    }),
    fixture({
      name: 'Abri Restreint Tout Près',
      visibility: 'RESTRICTED',
      mobilisers: ['YOUNG_PEOPLE'],
      location: { lat: 49.8943, lon: 2.2963 },
    }),
  ]);
  await createAccount(api.db, { email: 'admin@scale.fr', role: 'ADMIN' });
  admin = await loginHeaders(api, 'admin@scale.fr');
});

const evaluate = `mutation ($items: [ID!]!, $near: GeoPointInput) { evaluateSelfAssessment(itemIds: $items, near: $near) {
  band label { fr en } advice { fr } helplines { id number channels } scaleVersion nearby { distanceKm structure { name visibility } } } }`;

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await api.db.rows<{ name: string }>(sql`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await api.db.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM "${name}"`));
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

describe('self-assessment scale', () => {
  it('has four bands and at least 24 items, in French and English', async () => {
    const res = await api.gql(
      `{ selfAssessmentScale { version bands { band label { fr en } helplines { id } } items { id band text { fr en } } } }`,
    );
    const s = res.data.selfAssessmentScale;
    expect(s.version).toBe(1);
    expect(s.bands.map((b: any) => b.band)).toEqual(['GREEN', 'ORANGE', 'RED', 'BLACK']);
    const perBand = Object.fromEntries(
      ['GREEN', 'ORANGE', 'RED', 'BLACK'].map((b) => [b, s.items.filter((i: any) => i.band === b).length]),
    );
    expect(perBand).toEqual({ GREEN: 6, ORANGE: 7, RED: 6, BLACK: 6 });
    for (const item of s.items) expect(item.text.fr.length * item.text.en.length).toBeGreaterThan(0);
    expect(s.bands.find((b: any) => b.band === 'BLACK').helplines.map((h: any) => h.id)).toEqual([
      '119',
      '17',
      '112',
      '114',
    ]);
  });

  it('returns the highest band reached, advice, helplines and the five nearest public places for young people', async () => {
    const res = await api.gql(evaluate, {
      items: ['cadeaux-adulte-en-ligne', 'somme-a-rapporter', 'dire-non'],
      near: { lat: 49.894, lon: 2.296 },
    });
    expect(res.errors).toBeUndefined();
    const r = res.data.evaluateSelfAssessment;
    expect(r.band).toBe('RED');
    expect(r.label.fr).toMatch(/prostitution/);
    expect(r.helplines.map((h: any) => h.id)).toEqual(['119', 'fil-sante-jeunes', '17']);
    expect(r.nearby).toHaveLength(5);
    expect(r.nearby[0].structure.name).toBe('Accueil Jeunes Tout Près');
    for (const n of r.nearby) expect(n.structure.visibility).toBe('PUBLIC');
    expect(r.nearby.map((n: any) => n.structure.name)).not.toContain('Sur Orientation Seulement');
    const sms = await api.gql(evaluate, { items: ['recruter-amie'] });
    expect(sms.data.evaluateSelfAssessment.helplines.find((h: any) => h.id === '114').channels).toContain('SMS');
    expect(sms.data.evaluateSelfAssessment.nearby).toBeNull();
  });

  it('stores nothing about the person: every row count and the logs, before and after', async () => {
    await api.gql(evaluate, { items: ['dire-non'] }); // the day's GREEN counter and this address's rate counter exist
    const before = await rowCounts();
    const [countBefore] = await api.db.rows<{ n: number }>(
      sql`SELECT coalesce(sum(count), 0)::int AS n FROM assessment_daily_counts WHERE band = 'BLACK'`,
    );
    const logsBefore = api.logs.length;
    const answers = ['prendre-une-part', 'compte-payant', 'hotels-inconnus'];
    const res = await api.gql(evaluate, { items: answers, near: { lat: 49.8812, lon: 2.2718 } });
    expect(res.data.evaluateSelfAssessment.band).toBe('BLACK');
    const after = await rowCounts();
    const { assessment_daily_counts: dailyAfter, ...restAfter } = after;
    const { assessment_daily_counts: dailyBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect((dailyAfter ?? 0) - (dailyBefore ?? 0)).toBeLessThanOrEqual(1);
    const [countAfter] = await api.db.rows<{ n: number }>(
      sql`SELECT coalesce(sum(count), 0)::int AS n FROM assessment_daily_counts WHERE band = 'BLACK'`,
    );
    expect((countAfter?.n ?? 0) - (countBefore?.n ?? 0)).toBe(1);
    const newLogs = api.logs.slice(logsBefore);
    expect(newLogs).toHaveLength(1);
    expect(JSON.parse(newLogs[0] as string)).toMatchObject({ msg: 'request', path: '/graphql', status: 200 });
    for (const secret of [...answers, '49.8812', '2.2718', 'BLACK']) expect(newLogs.join('')).not.toContain(secret);
    const counts = await api.gql('{ selfAssessmentCounts { day band count } }', {}, admin);
    expect(counts.data.selfAssessmentCounts.find((c: any) => c.band === 'BLACK').count).toBeGreaterThanOrEqual(1);
  });

  it('refuses unknown or no items', async () => {
    for (const items of [[], ['pas-un-item']]) {
      expect((await api.gql(evaluate, { items })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('admins publish a new version; a bad one is refused; others may not', async () => {
    const current = (
      await api.gql(
        `{ selfAssessmentScale { bands { band label { fr en } advice { fr en } helplines { id } } items { id band text { fr en } } } }`,
      )
    ).data.selfAssessmentScale;
    const content = {
      bands: current.bands.map((b: any) => ({ ...b, helplines: b.helplines.map((h: any) => h.id) })),
      items: [
        ...current.items,
        { id: 'nouvel-item', band: 'ORANGE', text: { fr: 'Un nouvel item.', en: 'A new item.' } },
      ],
    };
    const publish = `mutation ($c: JSON!) { publishSelfAssessmentScale(content: $c) { version items { id } } }`;
    const res = await api.gql(publish, { c: content }, admin);
    expect(res.data.publishSelfAssessmentScale.version).toBe(2);
    expect((await api.gql(evaluate, { items: ['nouvel-item'] })).data.evaluateSelfAssessment.scaleVersion).toBe(2);
    const bad = await api.gql(publish, { c: { ...content, bands: content.bands.slice(1) } }, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/bands/);
    expect((await api.gql(publish, { c: content })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an edit started from an older version is refused, and of two at once exactly one lands', async () => {
    const read = `{ selfAssessmentScale { version bands { band label { fr en } advice { fr en } helplineIds }
      items { id band text { fr en } } } }`;
    const current = (await api.gql(read)).data.selfAssessmentScale;
    const content = {
      bands: current.bands.map(({ helplineIds, ...b }: any) => ({ ...b, helplines: helplineIds })),
      items: current.items,
    };
    const publish = `mutation ($c: JSON!, $v: Int) {
      publishSelfAssessmentScale(content: $c, expectedVersion: $v) { version } }`;
    const stale = await api.gql(publish, { c: content, v: current.version - 1 }, admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toBe(
      `expectedVersion: version ${current.version} was published since version ${current.version - 1}; reload the scale and apply your changes to it.`,
    );
    expect((await api.gql(read)).data.selfAssessmentScale.version).toBe(current.version);

    const both = await Promise.all([1, 2].map(() => api.gql(publish, { c: content, v: current.version }, admin)));
    const versions = both.map((r) => r.data?.publishSelfAssessmentScale?.version ?? r.errors?.[0]?.extensions?.code);
    expect(versions.sort()).toEqual([current.version + 1, 'CONFLICT'].sort());

    // A band keeps the ids of helplines deleted since, for the next version to send back.
    const black = current.bands.find((b: any) => b.band === 'BLACK');
    expect(black.helplineIds).toEqual(expect.arrayContaining(['119']));
  });
});
