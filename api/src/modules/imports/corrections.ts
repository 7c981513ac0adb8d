// What an imported record would change in the listing it duplicates. Both sides go through the
// same mapping: the listing as the export writes it, read back, against the record read. So a
// listing exported and re-imported changes nothing, whatever the export rounds off. A source
// only adds: what it does not say (or says less of, such as fewer services) is left alone.
import type { StructurePatch } from '@repere/shared/curation';
import type { Db } from '../../db/client.ts';
import { serviceRecords, structureRecord } from '../exports/data-inclusion.ts';
import type { StructureDocument } from '../structures/editing.ts';
import { structureFields } from '../structures/registry.ts';
import { findStructures, type StructureRow } from '../structures/store.ts';
import type { StructureView } from '../structures/visibility.ts';
import { type Proposed, toRepere } from './mapping.ts';
import { nearbyMetres } from './store.ts';

const staff: StructureView = { audience: 'staff', level: 'moderator', own: [], fields: structureFields };

export async function listingRow(db: Db, id: string): Promise<StructureRow | null> {
  const [row] = await findStructures(db, staff, [id], new Date());
  return row ?? null;
}

function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const added = <T>(proposed: T[] | undefined, now: T[] | undefined) => (proposed ?? []).filter((x) => !now?.includes(x));

/** The changes the record brings to the listing (empty when it brings none). */
export function correctionOf(p: Proposed, row: StructureRow, doc: StructureDocument): StructurePatch {
  const now = toRepere(structureRecord(row), serviceRecords(row)).proposed;
  const patch: Record<string, unknown> = {};
  for (const key of ['name', 'description', 'phone', 'email', 'website', 'openingHours', 'ageMin', 'ageMax'] as const) {
    if (p[key] !== undefined && !same(p[key], now[key])) patch[key] = p[key];
  }
  // Not in the export: compared with the listing itself.
  for (const key of ['siret', 'accessibility'] as const) {
    if (p[key] !== undefined && !same(p[key], doc[key])) patch[key] = p[key];
  }
  const stored = (doc.address ?? {}) as Record<string, unknown>;
  const address: Record<string, unknown> = {};
  for (const key of ['street', 'postalCode', 'city'] as const) {
    const value = p.address?.[key];
    if (value !== undefined && !same(value, now.address?.[key])) address[key] = value;
  }
  for (const key of ['complement', 'inseeCode'] as const) {
    const value = p.address?.[key];
    if (value !== undefined && !same(value, stored[key])) address[key] = value;
  }
  if (Object.keys(address).length) patch.address = address;
  // A point moves with a street, and only beyond the duplicate radius (sources round theirs).
  const exact = doc.location as { lat: number; lon: number } | null | undefined;
  if (p.location && p.address?.street && (!exact || metres(p.location, exact) > nearbyMetres)) {
    patch.location = p.location;
  }
  if (p.gender === 'GIRLS' && now.gender !== 'GIRLS') patch.gender = 'GIRLS';
  if (p.servesNationwide && !now.servesNationwide) patch.servesNationwide = true;
  const lists = [
    ['services', p.services, now.services],
    ['accessModes', p.accessModes, now.accessModes],
    ['mobilisers', p.mobilisers, now.mobilisers],
    ['servedDepartments', p.servedDepartments, now.servedDepartments],
  ] as const;
  for (const [key, proposed, exported] of lists) {
    const more = added<string>(proposed, exported as string[] | undefined);
    if (more.length) patch[key] = [...new Set([...((doc[key] as string[] | undefined) ?? []), ...more])];
  }
  return patch as StructurePatch;
}
