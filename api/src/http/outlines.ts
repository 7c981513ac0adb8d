// GET /geo/departments.geojson: the department outlines already loaded for checks, simplified,
// as the back office's base layer (the map stays readable with no tile server). Public
// reference geography: built once per process, then served with an ETag and gzip.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

interface Built {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

export function createOutlines(db: Db) {
  let built: Promise<Built> | null = null;
  const build = async (): Promise<Built> => {
    // About 1 km of tolerance: outlines for the eye, 4 decimals (11 m) are plenty.
    const rows = await db.rows<{ code: string; name: string; geometry: string }>(sql`/* outlines-geojson */
      SELECT d.code, d.name, ST_AsGeoJSON(ST_SimplifyPreserveTopology(s.shape::geometry, 0.01), 4) AS geometry
      FROM department_shapes s JOIN departments d ON d.code = s.code ORDER BY d.code`);
    const features = rows.map(
      (r) =>
        `{"type":"Feature","properties":${JSON.stringify({ code: r.code, name: r.name })},"geometry":${r.geometry}}`,
    );
    const body = Buffer.from(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    return {
      body,
      gzipped: gzipSync(body),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    built ??= build().catch((error) => {
      built = null;
      throw error;
    });
    const { body, gzipped, etag } = await built;
    res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.setHeader('ETag', etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      return res.end();
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.end(gzip ? gzipped : body);
  };
}
