// GET /exports/structures.geojson and /exports/structures.csv: the public directory as files,
// streamed (gzip when asked), with ETag and Last-Modified so partners re-download only changes.
// `?updated_since=` makes each a change feed: listings whose public fields changed since then,
// and (GeoJSON, CSV, data-inclusion/removed.json) the ids of those that left the public view.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db } from '../db/client.ts';
import { diRemovals, diServices, diStructures } from '../modules/exports/data-inclusion.ts';
import {
  csv,
  geojson,
  publicRemovals,
  publicStructures,
  publicVersion,
  type Removed,
} from '../modules/exports/public.ts';
import { inFeedRange } from '../modules/structures/feed.ts';
import type { StructureRow } from '../modules/structures/store.ts';
import { sendError } from './graphql.ts';

type Body = (rows: AsyncIterable<StructureRow>, removals?: AsyncIterable<Removed>) => AsyncIterable<string>;

const json = 'application/json; charset=utf-8';
async function* none<T>(): AsyncGenerator<T> {}
const formats: Record<string, { type: string; body: Body; file: string | null }> = {
  '/exports/structures.geojson': { type: 'application/geo+json; charset=utf-8', body: geojson, file: null },
  '/exports/data-inclusion/structures.json': { type: json, body: (rows) => diStructures(rows), file: null },
  '/exports/data-inclusion/services.json': { type: json, body: (rows) => diServices(rows), file: null },
  // Departures only (every one without updated_since): the v1 schemas have no deletion record.
  '/exports/data-inclusion/removed.json': {
    type: json,
    body: (_rows, removals) => diRemovals(removals ?? none()),
    file: null,
  },
  '/exports/structures.csv': {
    type: 'text/csv; charset=utf-8; header=present',
    body: csv,
    file: 'repere-structures.csv',
  },
};

export const exportPaths = Object.keys(formats);

const isoDate = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const badSince = {
  message:
    'updated_since: not an ISO 8601 date or date-time (e.g. 2026-01-31, or 2026-01-31T12:00:00Z with a time zone).',
  detail: { key: 'badUpdatedSince', params: {} },
} as const;
const sinceTwice = {
  message: 'updated_since: give it once.',
  detail: { key: 'updatedSinceTwice', params: {} },
} as const;

/** The `updated_since` parameter: a date (midnight UTC) or a date-time with its zone. */
export function parseUpdatedSince(
  params: URLSearchParams,
): { since: Date | null } | { error: typeof badSince | typeof sinceTwice } {
  const values = params.getAll('updated_since');
  if (values.length === 0) return { since: null };
  const value = values[0] as string;
  const match = values.length === 1 ? isoDate.exec(value) : null;
  if (!match) return { error: values.length > 1 ? sinceTwice : badSince };
  const date = match[1] as string;
  // Date.parse takes 2026-02-30 for 2026-03-02: the day must be the one written.
  const day = new Date(`${date}T00:00:00Z`);
  const since = new Date(match[2] ? value : `${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || !day.toISOString().startsWith(date) || Number.isNaN(since.getTime())) {
    return { error: badSince };
  }
  if (!inFeedRange(since)) return { error: badSince };
  return { since };
}

/** `reader`: the database to read an export from, once per request (a read replica when fit). */
export function createExports(reader: () => Db) {
  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const format = formats[path] as (typeof formats)[string];
    const parsed = parseUpdatedSince(new URL(req.url ?? '/', 'http://localhost').searchParams);
    if ('error' in parsed) return sendError(res, 400, 'BAD_USER_INPUT', parsed.error.message, parsed.error.detail);
    const { since } = parsed;
    const db = reader();
    const { etag, lastModified } = await publicVersion(db);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', lastModified.toUTCString());
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Vary', 'Accept-Encoding');
    const modifiedSince = Date.parse(String(req.headers['if-modified-since'] ?? ''));
    const fresh = req.headers['if-none-match']
      ? req.headers['if-none-match'] === etag
      : Number.isFinite(modifiedSince) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(modifiedSince / 1000);
    if (fresh) {
      res.statusCode = 304;
      return res.end();
    }
    res.setHeader('Content-Type', format.type);
    if (format.file) res.setHeader('Content-Disposition', `attachment; filename="${format.file}"`);
    if (req.method === 'HEAD') return res.end();
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    const removalsOnly = path === '/exports/data-inclusion/removed.json';
    const rows = removalsOnly ? none<StructureRow>() : publicStructures(db, since);
    const removals = since || removalsOnly ? publicRemovals(db, since ?? new Date(0)) : undefined;
    const body = Readable.from(format.body(rows, removals));
    // Back-pressure end to end: the next page is read only when the client has taken the last.
    await (gzip ? pipeline(body, createGzip(), res) : pipeline(body, res));
  };
}
