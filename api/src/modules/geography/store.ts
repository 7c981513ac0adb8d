// Reference geography (static once migrated) and coverage counts per viewer.
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
    throw badInput(`departmentCode: unknown department "${code}" (see the departments query).`, 'departmentCode');
  }
}

export async function assertRegion(db: Db, code: string): Promise<void> {
  if (!(await referenceCodes(db)).regions.has(code)) {
    throw badInput(`regionCode: unknown region "${code}".`, 'regionCode');
  }
}

/** Every department with the number of structures this view may list there. */
export async function listDepartments(db: Db, view: StructureView): Promise<DepartmentRow[]> {
  return db.rows<DepartmentRow>(sql`/* departments-coverage */
    SELECT d.code, d.name, d.region_code AS "regionCode", r.name AS "regionName", d.zone,
      (SELECT count(*)::int FROM structures s WHERE s.department_code = d.code AND ${listedFor(view)})
        AS "structureCount"
    FROM departments d JOIN regions r ON r.code = d.region_code
    ORDER BY d.code`);
}
