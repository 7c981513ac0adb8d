// Department outlines: loaded from jvectormap-content, they accept coastal towns and refuse the open sea.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/src/db/client.ts';
import {
  departmentOutlines,
  loadDepartmentOutlines,
  outsideDepartment,
} from '../../api/src/modules/places/outlines.ts';
import { testApi } from '../support/api.ts';

let db: Db;
let loaded: number;

beforeAll(async () => {
  db = (await testApi()).db;
  const started = performance.now();
  loaded = await loadDepartmentOutlines(db);
  console.log(`[outlines] ${loaded} outlines loaded in ${Math.round(performance.now() - started)} ms (${db.kind})`);
});

describe('department outlines', () => {
  it('converts the 101 departments to closed WGS 84 multipolygons', () => {
    const outlines = departmentOutlines();
    expect(outlines).toHaveLength(101);
    const codes = outlines.map((o) => o.code);
    expect(codes).toEqual(expect.arrayContaining(['01', '2A', '2B', '95', '971', '972', '973', '974', '976']));
    expect(codes).not.toContain('975');
    for (const o of outlines) expect(o.ewkt).toMatch(/^SRID=4326;MULTIPOLYGON\(\(\(-?\d/);
  });

  it('loads them into department_shapes, valid, and again without change', async () => {
    expect(loaded).toBeGreaterThanOrEqual(95);
    const [row] = await db.rows<{ n: number; invalid: number; empty: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT ST_IsValid(shape::geometry))::int AS invalid,
        count(*) FILTER (WHERE ST_IsEmpty(shape::geometry))::int AS empty
      FROM department_shapes`);
    expect(row).toEqual({ n: loaded, invalid: 0, empty: 0 });
    expect(await loadDepartmentOutlines(db)).toBe(loaded);
  });

  it('reloads when the stamp of the loaded input differs (outlines from another input)', async () => {
    const stamp = sql`SELECT obj_description('department_shapes'::regclass, 'pg_class') AS stamp`;
    const [before] = await db.rows<{ stamp: string }>(stamp);
    expect(before?.stamp).toMatch(/; input sha256 [0-9a-f]{64}$/);
    await db.exec("COMMENT ON TABLE department_shapes IS 'an older input'");
    expect(await loadDepartmentOutlines(db)).toBe(loaded);
    expect(await db.rows(stamp)).toEqual([before]);
  });

  const near: [string, number, number, string][] = [
    ['80', 50.216, 1.625, 'Le Crotoy'],
    ['80', 50.181, 1.493, 'Cayeux-sur-Mer'],
    ['80', 49.894, 2.296, 'Amiens'],
    ['13', 43.295, 5.374, 'Marseille Vieux-Port'],
    ['13', 43.452, 4.429, 'Saintes-Maries-de-la-Mer'],
    ['974', -20.882, 55.451, 'Saint-Denis'],
    ['2A', 41.919, 8.738, 'Ajaccio'],
    ['75', 48.8566, 2.3522, 'Paris'],
    ['69', 45.764, 4.8357, 'Lyon'],
    ['29', 48.3904, -4.4861, 'Brest'],
    ['84', 44.383, 4.991, 'Valréas (Vaucluse enclave)'],
  ];
  it.each(near)('accepts %s at %f/%f (%s)', async (code, lat, lon) => {
    const r = await outsideDepartment(db, code, { lat, lon });
    expect(r.known).toBe(true);
    expect(r.distanceKm).toBeLessThanOrEqual(3);
    expect(r.outside).toBe(false);
  });

  it('gives 0 km inside', async () => {
    expect((await outsideDepartment(db, '80', { lat: 49.894, lon: 2.296 })).distanceKm).toBe(0);
  });

  const far: [string, number, number, string][] = [
    ['80', 50.25, 1.2, 'the Channel'],
    ['13', 43.0, 5.3, 'the Mediterranean'],
    ['80', 45.764, 4.8357, "Lyon's point"],
    ['33', 44.8, -1.6, 'the Atlantic off Arcachon'],
    ['974', -21.3, 55.0, 'the Indian Ocean'],
    ['26', 44.383, 4.991, 'Valréas, a hole in Drôme'],
  ];
  it.each(far)('refuses %s at %f/%f (%s)', async (code, lat, lon) => {
    const r = await outsideDepartment(db, code, { lat, lon });
    expect(r.known).toBe(true);
    expect(r.distanceKm).toBeGreaterThan(3);
    expect(r.outside).toBe(true);
  });

  it('says so when a department has no outline', async () => {
    expect(await outsideDepartment(db, '975', { lat: 46.78, lon: -56.173 })).toEqual({
      known: false,
      distanceKm: 0,
      outside: false,
    });
  });
});
