// Addresses to places: a postal code gives the commune, department and region from the
// reference data; a postal code outside the given department is refused.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { badInput } from '../../errors.ts';

export interface Place {
  departmentCode: string;
  inseeCode: string;
  communeName: string;
}

interface Candidate {
  inseeCode: string;
  name: string;
  departmentCode: string;
  departmentName: string;
}

/** The commune of a postal code, in `departmentCode` when given, `inseeCode` when given. */
export async function resolvePlace(
  db: Db,
  address: { postalCode: string; inseeCode?: string | null },
  departmentCode?: string | null,
  field = 'address',
): Promise<Place> {
  const candidates = await db.rows<Candidate>(sql`/* place-by-postal-code */
    SELECT c.insee_code AS "inseeCode", c.name, c.department_code AS "departmentCode", d.name AS "departmentName"
    FROM commune_postal_codes pc JOIN communes c ON c.insee_code = pc.insee_code
      JOIN departments d ON d.code = c.department_code
    WHERE pc.postal_code = ${address.postalCode}
    ORDER BY c.population DESC NULLS LAST, c.insee_code`);
  if (candidates.length === 0) {
    throw badInput(`${field}.postalCode: ${address.postalCode} is not a French postal code.`, {
      key: 'unknownPostalCode',
      params: { field: `${field}.postalCode`, postalCode: address.postalCode },
    });
  }
  const inDepartment = departmentCode ? candidates.filter((c) => c.departmentCode === departmentCode) : candidates;
  if (inDepartment.length === 0) {
    const where = [...new Set(candidates.map((c) => `${c.departmentCode} (${c.departmentName})`))].join(', ');
    throw badInput(`${field}.postalCode: ${address.postalCode} is in department ${where}, not ${departmentCode}.`, {
      key: 'otherDepartment',
      params: {
        field: `${field}.postalCode`,
        postalCode: address.postalCode,
        found: where,
        department: departmentCode ?? '',
      },
    });
  }
  const commune = address.inseeCode ? inDepartment.find((c) => c.inseeCode === address.inseeCode) : inDepartment[0];
  if (!commune) {
    throw badInput(
      `${field}.inseeCode: commune ${address.inseeCode} does not have the postal code ${address.postalCode}.`,
      {
        key: 'inseeCode',
        params: { field: `${field}.inseeCode`, inseeCode: address.inseeCode ?? '', postalCode: address.postalCode },
      },
    );
  }
  return { departmentCode: commune.departmentCode, inseeCode: commune.inseeCode, communeName: commune.name };
}
