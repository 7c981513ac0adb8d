// The public directory as files: every listing an anonymous caller may see, read through the
// same store and anonymous view as the API (so exports can never show more), page by page so
// that 100,000 structures never sit in memory at once.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { encodeId } from '../../ids.ts';
import { listStructures, type StructureRow } from '../structures/store.ts';
import { listedFor, viewFor } from '../structures/visibility.ts';

const anonymous = () => viewFor({ kind: 'anonymous' });
const pageSize = 500;

/** Every publicly listed structure, by name, in pages read one after the other. */
export async function* publicStructures(db: Db): AsyncGenerator<StructureRow> {
  const view = anonymous();
  let after: string | null = null;
  for (;;) {
    const page = await listStructures(db, view, { filter: {}, first: pageSize, after, now: new Date() });
    yield* page.rows;
    if (!page.hasNextPage) return;
    after = page.cursors[page.cursors.length - 1] ?? null;
  }
}

/**
 * What changes when the public directory does, for ETag and Last-Modified: how many listings it
 * holds and when the newest change was (a listing leaving the public view changes the count).
 */
export async function publicVersion(db: Db): Promise<{ etag: string; lastModified: Date; count: number }> {
  const [row] = await db.rows<{ n: number; at: string | null }>(sql`/* exports-version */
    SELECT count(*)::int AS n, to_char(max(s.updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
    FROM structures s WHERE ${listedFor(anonymous())}`);
  const at = row?.at ?? '1970-01-01T00:00:00.000000Z';
  return { etag: `"${row?.n ?? 0}-${at.replace(/\D/g, '')}"`, lastModified: new Date(at), count: row?.n ?? 0 };
}

export type PublicRecord = Pick<
  StructureRow,
  | 'name'
  | 'kind'
  | 'services'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'departmentCode'
  | 'lat'
  | 'lon'
  // APPROXIMATE: a RESTRICTED listing's grid cell centre, as the API gives it, never its place.
  | 'precision'
  | 'phone'
  | 'email'
  | 'website'
  | 'openingHours'
  | 'lastVerifiedAt'
> & { id: string; stale: boolean };

/** The fields an export carries (the anonymous view already nulled what it may not show). */
export function publicRecord(row: StructureRow): PublicRecord {
  return {
    id: encodeId('Structure', row.id),
    name: row.name,
    kind: row.kind,
    services: row.services,
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    departmentCode: row.departmentCode,
    lat: row.lat,
    lon: row.lon,
    precision: row.precision,
    phone: row.phone,
    email: row.email,
    website: row.website,
    openingHours: row.openingHours,
    lastVerifiedAt: row.lastVerifiedAt,
    stale: Boolean(row.stale),
  };
}

/** RFC 7946 FeatureCollection, streamed feature by feature. */
export async function* geojson(rows: AsyncIterable<StructureRow>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const row of rows) {
    const { lat, lon, ...properties } = publicRecord(row);
    const geometry = lat === null || lon === null ? null : { type: 'Point', coordinates: [lon, lat] };
    yield `${first ? '' : ','}\n${JSON.stringify({ type: 'Feature', id: properties.id, geometry, properties: { ...properties, approximate: properties.precision === 'APPROXIMATE' } })}`;
    first = false;
  }
  yield '\n]}\n';
}

/** The CSV's columns, in order (documented in the README). */
export const csvColumns = [
  'id',
  'name',
  'kind',
  'services',
  'street',
  'postal_code',
  'city',
  'department_code',
  'latitude',
  'longitude',
  'precision',
  'phone',
  'email',
  'website',
  'opening_hours',
  'last_verified_at',
  'stale',
] as const;

/**
 * One CSV cell: quoted when it holds the separator, a quote or a line break. Text that a
 * spreadsheet would run as a formula (= + - @ first, other than a plain number or phone number)
 * gets a leading apostrophe: listing names come from the public's contributions.
 */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d.]*$/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte order mark, `;`-separated (as French spreadsheets expect), one header row. */
export async function* csv(rows: AsyncIterable<StructureRow>): AsyncGenerator<string> {
  yield `\uFEFF${csvColumns.join(';')}\r\n`;
  for await (const row of rows) {
    const r = publicRecord(row);
    yield `${[
      r.id,
      r.name,
      r.kind,
      r.services.join(','),
      r.street,
      r.postalCode,
      r.city,
      r.departmentCode,
      r.lat,
      r.lon,
      r.precision,
      r.phone,
      r.email,
      r.website,
      r.openingHours,
      r.lastVerifiedAt,
      r.stale,
    ]
      .map(cell)
      .join(';')}\r\n`;
  }
}
