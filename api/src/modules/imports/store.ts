// All SQL of the import's duplicate search. It reads every listing, hidden ones included (the
// import is for moderators and operators); what it finds is reported as an id, never as values.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export type MatchedBy = 'ID' | 'SOURCE' | 'SIRET' | 'PHONE' | 'NAME_NEARBY';

export interface Candidate {
  siret?: string | null;
  phone?: string | null;
  name: string;
  location?: { lat: number; lon: number } | null;
}

/** Names compared without case, accents nor punctuation. */
const normalName = (value: unknown) => sql`btrim(regexp_replace(lower(unaccent(${value})), '[^a-z0-9]+', ' ', 'g'))`;

/** Within 200 m of the exact point, under the same name. */
export const nearbyMetres = 200;

export async function structureExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.rows(sql`/* import-structure-exists */ SELECT 1 FROM structures WHERE id = ${id}::uuid`);
  return rows.length > 0;
}

/** The first listing this record duplicates: same SIRET, else same phone, else same name nearby. */
export async function findDuplicate(db: Db, c: Candidate): Promise<{ id: string; by: MatchedBy } | null> {
  if (c.siret) {
    const [row] = await db.rows<{ id: string }>(sql`/* import-duplicate-siret */
      SELECT id FROM structures WHERE siret = ${c.siret} ORDER BY created_at, id LIMIT 1`);
    if (row) return { id: row.id, by: 'SIRET' };
  }
  if (c.phone) {
    const [row] = await db.rows<{ id: string }>(sql`/* import-duplicate-phone */
      SELECT id FROM structures WHERE phone = ${c.phone} ORDER BY created_at, id LIMIT 1`);
    if (row) return { id: row.id, by: 'PHONE' };
  }
  if (c.location) {
    const point = sql`ST_SetSRID(ST_MakePoint(${c.location.lon}::float8, ${c.location.lat}::float8), 4326)::geography`;
    const [row] = await db.rows<{ id: string }>(sql`/* import-duplicate-name-nearby */
      SELECT s.id FROM structure_protected p JOIN structures s ON s.id = p.structure_id
      WHERE ST_DWithin(p.location, ${point}, ${nearbyMetres})
        AND ${normalName(sql`s.name`)} = ${normalName(c.name)}
      ORDER BY ST_Distance(p.location, ${point}), s.id LIMIT 1`);
    if (row) return { id: row.id, by: 'NAME_NEARBY' };
  }
  return null;
}
