// "Near a place": communes found by postal code or name, with the centre a search starts from.
// Reference data only (public for everyone); no listing is read here.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { badInput } from '../../errors.ts';
import { placeKey } from './centres.ts';

export interface PlaceRow {
  inseeCode: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  postalCodes: string[];
  lat: number | null;
  lon: number | null;
  centreSource: 'COMMUNE' | 'SAME_POSTAL_CODE' | 'SAME_EPCI' | null;
}

/** "80000", "800", "Amiens", "saint etienne", "Amiens 80090" (a postal code and a name). */
export function parsePlaceSearch(search: string): { postalCode: string | null; name: string | null } {
  const text = search.trim();
  if (text.length < 2 || text.length > 100) {
    throw badInput('search: between 2 and 100 characters (a postal code or a commune name).', {
      key: 'searchLength',
      params: { field: 'search' },
    });
  }
  const postalCode = /(?:^|\s)(\d{2,5})(?:\s|$)/i.exec(text)?.[1] ?? null;
  const name = placeKey(postalCode ? text.replace(postalCode, ' ') : text);
  if (!postalCode && name.length < 2) {
    throw badInput('search: a postal code or at least two letters of a commune name.', {
      key: 'searchShort',
      params: { field: 'search' },
    });
  }
  return { postalCode, name: name || null };
}

export async function searchPlaces(db: Db, search: string, first: number): Promise<PlaceRow[]> {
  const { postalCode, name } = parsePlaceSearch(search);
  // name_key was folded by placeKey when loaded, as the search is here.
  const key = sql`c.name_key`;
  return db.rows<PlaceRow>(sql`/* places-search */
    SELECT c.insee_code AS "inseeCode", c.name, c.department_code AS "departmentCode", d.name AS "departmentName",
      (SELECT array_agg(pc.postal_code ORDER BY pc.postal_code) FROM commune_postal_codes pc
        WHERE pc.insee_code = c.insee_code) AS "postalCodes",
      ST_Y(c.centre::geometry) AS lat, ST_X(c.centre::geometry) AS lon, c.centre_source AS "centreSource"
    FROM communes c JOIN departments d ON d.code = c.department_code
    WHERE ${
      postalCode
        ? sql`EXISTS (SELECT 1 FROM commune_postal_codes pc WHERE pc.insee_code = c.insee_code
            AND pc.postal_code LIKE ${`${postalCode}%`})`
        : sql`TRUE`
    }
      AND ${name ? sql`(${key} LIKE ${`${name}%`} OR ${key} LIKE ${`% ${name}%`})` : sql`TRUE`}
    ORDER BY ${name ? sql`(${key} = ${name}) DESC, (${key} LIKE ${`${name}%`}) DESC,` : sql``}
      c.population DESC NULLS LAST, c.insee_code
    LIMIT ${first}`);
}
