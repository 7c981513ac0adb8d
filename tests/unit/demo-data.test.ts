// The demo data is fictional but must be plausible: every structure inside its department
// (the outlines' 3 km tolerance), with a postal code of that department.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyAfterDays } from '../../api/src/modules/structures/store.ts';
import { demoStructures } from '../../drizzle/seed/demo-data.ts';
import { testApi } from '../support/api.ts';

describe('demo data', () => {
  it('places every structure in its department, with one of its postal codes', async () => {
    const { db } = await testApi();
    const points = demoStructures().map((s, i) => ({
      i,
      code: s.departmentCode,
      postal: s.address.postalCode,
      lat: s.location.lat,
      lon: s.location.lon,
    }));
    const far = await db.rows<{ i: number; km: number }>(sql`
      SELECT x.i, round((ST_Distance(d.shape, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)::geography) / 1000)::numeric, 1)::float8 AS km
      FROM jsonb_to_recordset(${JSON.stringify(points)}::text::jsonb) AS x(i int, code text, postal text, lat float8, lon float8)
      JOIN department_shapes d ON d.code = x.code
      WHERE NOT ST_DWithin(d.shape, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)::geography, 3000)`);
    expect(far).toEqual([]);
    const wrongPostal = await db.rows<{ i: number }>(sql`
      SELECT x.i FROM jsonb_to_recordset(${JSON.stringify(points)}::text::jsonb) AS x(i int, code text, postal text)
      WHERE NOT EXISTS (SELECT 1 FROM commune_postal_codes pc JOIN communes c ON c.insee_code = pc.insee_code
        WHERE pc.postal_code = x.postal AND c.department_code = x.code)`);
    expect(wrongPostal).toEqual([]);
    expect(points.length).toBe(332);
  });

  it('has a realistic share of listings due for re-verification (10–20%) whenever it is loaded', () => {
    for (const now of [new Date(), new Date('2031-06-15T12:00:00Z')]) {
      const structures = demoStructures(now);
      const limit = now.getTime() - verifyAfterDays * 86_400_000;
      const due = structures.filter((s) => !s.lastVerifiedAt || s.lastVerifiedAt.getTime() < limit).length;
      expect(due / structures.length).toBeGreaterThan(0.1);
      expect(due / structures.length).toBeLessThan(0.2);
      expect(structures.every((s) => !s.lastVerifiedAt || s.lastVerifiedAt <= now)).toBe(true);
    }
  });
});
