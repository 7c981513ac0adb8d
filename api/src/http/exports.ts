// GET /exports/structures.geojson and /exports/structures.csv: the public directory as files,
// streamed (gzip when asked), with ETag and Last-Modified so partners re-download only changes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db } from '../db/client.ts';
import { diServices, diStructures } from '../modules/exports/data-inclusion.ts';
import { csv, geojson, publicStructures, publicVersion } from '../modules/exports/public.ts';

const formats = {
  '/exports/structures.geojson': { type: 'application/geo+json; charset=utf-8', body: geojson, file: null },
  '/exports/data-inclusion/structures.json': {
    type: 'application/json; charset=utf-8',
    body: diStructures,
    file: null,
  },
  '/exports/data-inclusion/services.json': { type: 'application/json; charset=utf-8', body: diServices, file: null },
  '/exports/structures.csv': {
    type: 'text/csv; charset=utf-8; header=present',
    body: csv,
    file: 'repere-structures.csv',
  },
} as const;

export const exportPaths = Object.keys(formats);

export function createExports(db: Db) {
  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const format = formats[path as keyof typeof formats];
    const { etag, lastModified } = await publicVersion(db);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', lastModified.toUTCString());
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Vary', 'Accept-Encoding');
    const since = Date.parse(String(req.headers['if-modified-since'] ?? ''));
    const fresh = req.headers['if-none-match']
      ? req.headers['if-none-match'] === etag
      : Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
    if (fresh) {
      res.statusCode = 304;
      return res.end();
    }
    res.setHeader('Content-Type', format.type);
    if (format.file) res.setHeader('Content-Disposition', `attachment; filename="${format.file}"`);
    if (req.method === 'HEAD') return res.end();
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    const body = Readable.from(format.body(publicStructures(db)));
    // Back-pressure end to end: the next page is read only when the client has taken the last.
    await (gzip ? pipeline(body, createGzip(), res) : pipeline(body, res));
  };
}
