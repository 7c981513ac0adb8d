// The public directory as files: every listing an anonymous caller may see, read through the
// same store and anonymous view as the API (so exports can never show more), page by page so
// that 100,000 structures never sit in memory at once.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { encodeId } from '../../ids.ts';
import { type FeedEntry, removedSince } from '../structures/feed.ts';
import { listStructures, type StructureRow } from '../structures/store.ts';
import { feedAudience, listedFor, viewFor } from '../structures/visibility.ts';

const anonymous = () => viewFor({ kind: 'anonymous' });
const pageSize = 500;

/**
 * Every publicly listed structure, by name, in pages read one after the other; with `since`, only
 * those whose public fields changed at or after it (the change feed, feed.ts).
 */
export async function* publicStructures(db: Db, since: Date | null = null): AsyncGenerator<StructureRow> {
  const view = anonymous();
  const filter = since ? { updatedSince: since } : {};
  let after: string | null = null;
  for (;;) {
    const page = await listStructures(db, view, { filter, first: pageSize, after, now: new Date() });
    yield* page.rows;
    if (!page.hasNextPage) return;
    after = page.cursor(-1);
  }
}

/** A listing that left the public view: its id and when, nothing else (the feed's tombstone). */
export interface Removed {
  id: string;
  removedAt: string;
}

/** Departures from the public view at or after `since`, oldest first. */
export async function* publicRemovals(db: Db, since: Date): AsyncGenerator<Removed> {
  for await (const entry of removedSince(db, feedAudience(anonymous()), since)) yield removed(entry);
}

const removed = (entry: FeedEntry): Removed => ({
  id: encodeId('Structure', entry.id),
  removedAt: new Date(entry.at).toISOString(),
});

/**
 * What changes when the public directory does, for ETag and Last-Modified: how many listings it
 * holds and the public feed's newest change (entries, changes and departures of what anonymous
 * callers see; `updated_at` would also move on edits of hidden fields, and tell when they were).
 */
export async function publicVersion(db: Db): Promise<{ etag: string; lastModified: Date; count: number }> {
  const [row] = await db.rows<{ n: number; at: string | null }>(sql`/* exports-version */
    SELECT (SELECT count(*)::int FROM structures s WHERE ${listedFor(anonymous())}) AS n,
      (SELECT to_char(max(f.changed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        FROM structure_feed f WHERE f.audience = ${feedAudience(anonymous())}) AS at`);
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

/**
 * RFC 7946 FeatureCollection, streamed feature by feature. A change feed (`removals` given) ends
 * with one feature per departure: null geometry, and only the id, `removed` and `removed_at`.
 */
export async function* geojson(
  rows: AsyncIterable<StructureRow>,
  removals?: AsyncIterable<Removed>,
): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const row of rows) {
    const { lat, lon, ...properties } = publicRecord(row);
    const geometry = lat === null || lon === null ? null : { type: 'Point', coordinates: [lon, lat] };
    yield `${first ? '' : ','}\n${JSON.stringify({ type: 'Feature', id: properties.id, geometry, properties: { ...properties, approximate: properties.precision === 'APPROXIMATE' } })}`;
    first = false;
  }
  for await (const r of removals ?? []) {
    const properties = { id: r.id, removed: true, removed_at: r.removedAt };
    yield `${first ? '' : ','}\n${JSON.stringify({ type: 'Feature', id: r.id, geometry: null, properties })}`;
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

/**
 * UTF-8 with a byte order mark, `;`-separated (as French spreadsheets expect), one header row. A
 * change feed (`removals` given) has one more column, `removed_at`: empty on changed listings;
 * a departure's row holds only its id and `removed_at`.
 */
export async function* csv(
  rows: AsyncIterable<StructureRow>,
  removals?: AsyncIterable<Removed>,
): AsyncGenerator<string> {
  const feed = removals ? ';' : '';
  yield `\uFEFF${csvColumns.join(';')}${removals ? ';removed_at' : ''}\r\n`;
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
      .join(';')}${feed}\r\n`;
  }
  for await (const r of removals ?? []) {
    yield `${cell(r.id)}${';'.repeat(csvColumns.length)}${cell(r.removedAt)}\r\n`;
  }
}
