// Reference geography (static once migrated) and coverage counts per viewer.
import type { ServiceCategory, StructureKind } from '@repere/shared/enums';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { badInput } from '../../errors.ts';
import { listedFor, type StructureView } from '../structures/visibility.ts';

export interface DepartmentRow {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  zone: string;
  structureCount: number;
  byKind: { kind: StructureKind; count: number }[];
  byService: { service: ServiceCategory; count: number }[];
  /** Someone lives there (Terres australes and Clipperton have no resident population). */
  inhabited: boolean;
}

const codes = new WeakMap<Db, Promise<{ departments: Set<string>; regions: Set<string> }>>();

function referenceCodes(db: Db) {
  let cached = codes.get(db);
  if (!cached) {
    cached = (async () => {
      const rows = await db.rows<{ code: string; kind: string }>(sql`/* reference-codes */
        SELECT code, 'd' AS kind FROM departments UNION ALL SELECT code, 'r' FROM regions`);
      return {
        departments: new Set(rows.filter((r) => r.kind === 'd').map((r) => r.code)),
        regions: new Set(rows.filter((r) => r.kind === 'r').map((r) => r.code)),
      };
    })();
    codes.set(db, cached);
  }
  return cached;
}

export async function assertDepartment(db: Db, code: string): Promise<void> {
  if (!(await referenceCodes(db)).departments.has(code)) {
    throw badInput(`departmentCode: unknown department "${code}" (see the departments query).`, {
      key: 'unknownDepartment',
      params: { field: 'departmentCode', code },
    });
  }
}

export async function assertRegion(db: Db, code: string): Promise<void> {
  if (!(await referenceCodes(db)).regions.has(code)) {
    throw badInput(`regionCode: unknown region "${code}".`, {
      key: 'unknownRegion',
      params: { field: 'regionCode', code },
    });
  }
}

/** Every department with what this view may list there: in all, per kind and per service. */
export async function listDepartments(db: Db, view: StructureView): Promise<DepartmentRow[]> {
  return db.rows<DepartmentRow>(sql`/* departments-coverage */
    WITH listed AS (SELECT s.department_code, s.kind, s.services FROM structures s WHERE ${listedFor(view)}),
    kinds AS (
      SELECT department_code, jsonb_agg(jsonb_build_object('kind', kind, 'count', n) ORDER BY kind::text) AS by_kind
      FROM (SELECT department_code, kind, count(*)::int AS n FROM listed GROUP BY 1, 2) k GROUP BY 1
    ), services AS (
      SELECT department_code, jsonb_agg(jsonb_build_object('service', service, 'count', n) ORDER BY service::text) AS by_service
      FROM (SELECT department_code, unnest(services) AS service, count(*)::int AS n FROM listed GROUP BY 1, 2) v
      GROUP BY 1
    ), totals AS (SELECT department_code, count(*)::int AS n FROM listed GROUP BY 1)
    SELECT d.code, d.name, d.region_code AS "regionCode", r.name AS "regionName", d.zone,
      coalesce(t.n, 0) AS "structureCount", coalesce(k.by_kind, '[]'::jsonb) AS "byKind",
      coalesce(v.by_service, '[]'::jsonb) AS "byService",
      EXISTS (SELECT 1 FROM communes c WHERE c.department_code = d.code AND c.population > 0) AS inhabited
    FROM departments d JOIN regions r ON r.code = d.region_code
      LEFT JOIN totals t ON t.department_code = d.code
      LEFT JOIN kinds k ON k.department_code = d.code
      LEFT JOIN services v ON v.department_code = d.code
    ORDER BY d.code`);
}
