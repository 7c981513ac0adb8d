// Department outlines (Natural Earth 10m via jvectormap-content), to refuse coordinates far outside their department.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export const outlineSource = 'Natural Earth 10m admin-1 via jvectormap-content 0.2.0';

interface Inset {
  left: number;
  top: number;
  width: number;
  height: number;
  bbox: [{ x: number; y: number }, { x: number; y: number }];
}

interface VectorMap {
  insets: Inset[];
  paths: Record<string, { path: string; name: string }>;
  projection: { type: string; centralMeridian: number };
}

type Point = [number, number];

// jvectormap names the overseas departments by ISO 3166-2 code; everything else is FR-<INSEE code>.
const overseas: Record<string, string> = {
  'FR-GP': '971',
  'FR-MQ': '972',
  'FR-GF': '973',
  'FR-RE': '974',
  'FR-YT': '976',
};

/** The map as the file hands it to jvectormap; run in its own context so it sees neither our globals nor `module`. */
function readMap(): VectorMap {
  const file = createRequire(import.meta.url).resolve('jvectormap-content/fr-merc.js');
  let map: VectorMap | undefined;
  const jQuery = {
    fn: {
      vectorMap: (action: string, _name: string, data: VectorMap) => {
        if (action === 'addMap') map = data;
      },
    },
  };
  runInNewContext(readFileSync(file, 'utf8'), { jQuery }, { filename: file, timeout: 5000 });
  if (map?.projection?.type !== 'merc') throw new Error(`${file}: no Mercator map registered`);
  // A copy made in this realm: the context's objects would otherwise keep the whole context alive.
  return JSON.parse(JSON.stringify(map)) as VectorMap;
}

/** Rings of an SVG path in pixels; jvectormap writes only absolute `M`, relative `l` and `Z`. */
function parseRings(d: string): Point[][] {
  const rings: Point[][] = [];
  let ring: Point[] | undefined;
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
    const n = (args!.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
    if (cmd === 'M' || cmd === 'm' || cmd === 'L' || cmd === 'l') {
      if (n.length % 2 !== 0) throw new Error(`odd coordinate count in path command ${cmd}`);
      const relative = cmd === 'm' || cmd === 'l';
      if (cmd === 'M' || cmd === 'm' || !ring) {
        ring = [];
        rings.push(ring);
      }
      for (let i = 0; i < n.length; i += 2) {
        x = relative ? x + n[i]! : n[i]!;
        y = relative ? y + n[i + 1]! : n[i + 1]!;
        ring.push([x, y]);
      }
    } else if (cmd === 'Z' || cmd === 'z') {
      if (ring?.[0]) [x, y] = ring[0];
      ring = undefined;
    } else {
      throw new Error(`unsupported path command ${cmd}`);
    }
  }
  return rings;
}

/** The smallest inset whose frame holds every point: the overseas insets sit inside the main frame. */
function insetFor(map: VectorMap, rings: Point[][]): Inset {
  const fits = map.insets.filter((s) =>
    rings.every((r) =>
      r.every(
        ([x, y]) => x >= s.left - 0.5 && x <= s.left + s.width + 0.5 && y >= s.top - 0.5 && y <= s.top + s.height + 0.5,
      ),
    ),
  );
  const best = fits.sort((a, b) => a.width * a.height - b.width * b.height)[0];
  if (!best) throw new Error('a department lies in no inset');
  return best;
}

// jvectormap's own inverse Mercator (jvm.Proj.merc_inv): a sphere of radius 6381372 m.
const R = 6381372;
const DEG = 180 / Math.PI;

function toLonLat([px, py]: Point, s: Inset, centralMeridian: number): Point {
  const [b0, b1] = s.bbox;
  const x = b0.x + ((px - s.left) / s.width) * (b1.x - b0.x);
  const y = b0.y + ((py - s.top) / s.height) * (b1.y - b0.y);
  // Pixels grow southwards, Mercator northings northwards, hence -y.
  return [(x / R) * DEG + centralMeridian, (2 * Math.atan(Math.exp(-y / R)) - Math.PI / 2) * DEG];
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

/** Rounded, without repeated points, closed; undefined when too few points are left to make an area. */
function cleanRing(ring: Point[]): Point[] | undefined {
  const out: Point[] = [];
  for (const [lon, lat] of ring) {
    const p: Point = [round5(lon), round5(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3) return undefined;
  out.push(out[0]!);
  return out;
}

function inRing([x, y]: Point, ring: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// By vertex majority, so that a ring touching another one at a few points is still classified.
const ringInside = (inner: Point[], outer: Point[]) => inner.filter((p) => inRing(p, outer)).length * 2 > inner.length;

/** Shells and their holes (the source draws an enclave such as Valréas as a ring inside its department's ring). */
function toPolygons(rings: Point[][]): Point[][][] {
  const parents = rings.map((r, i) => rings.filter((o, j) => j !== i && ringInside(r, o)));
  const polygons = new Map<Point[], Point[][]>();
  rings.forEach((r, i) => {
    if (parents[i]!.length % 2 === 0) polygons.set(r, [r]);
  });
  rings.forEach((r, i) => {
    if (parents[i]!.length % 2 === 0) return;
    // The innermost shell around a hole is the one with exactly one containing ring fewer.
    const depth = parents[i]!.length - 1;
    const shell = parents[i]!.find((o) => parents[rings.indexOf(o)]!.length === depth);
    if (shell) polygons.get(shell)?.push(r);
  });
  return [...polygons.values()];
}

const ewkt = (polygons: Point[][][]) =>
  `SRID=4326;MULTIPOLYGON(${polygons
    .map((p) => `(${p.map((r) => `(${r.map(([lon, lat]) => `${lon} ${lat}`).join(',')})`).join(',')})`)
    .join(',')})`;

/** One WGS 84 multipolygon per department that jvectormap draws (the 101 departments, no overseas collectivity). */
export function departmentOutlines(): { code: string; ewkt: string }[] {
  const map = readMap();
  return Object.entries(map.paths).map(([id, { path }]) => {
    const code = overseas[id] ?? id.replace(/^FR-/, '');
    const pixels = parseRings(path);
    const inset = insetFor(map, pixels);
    const rings = pixels
      .map((r) => cleanRing(r.map((p) => toLonLat(p, inset, map.projection.centralMeridian))))
      .filter((r) => r !== undefined);
    if (rings.length === 0) throw new Error(`${id}: empty outline`);
    return { code, ewkt: ewkt(toPolygons(rings)) };
  });
}

/**
 * Upserts every outline in one statement; ST_MakeValid repairs the rings that rounding made touch or cross.
 * Departments missing from `departments` are skipped. Returns the number of outlines in place.
 */
export async function loadDepartmentOutlines(db: Db): Promise<number> {
  const json = JSON.stringify(departmentOutlines());
  // Every start migrates: the same input again skips the repairs and comparisons below (seconds
  // of PostGIS work), known by its digest kept in the table's comment.
  const stamp = `${outlineSource}; input sha256 ${createHash('sha256').update(json).digest('hex')}`;
  const [done] = await db.rows<{ stamp: string | null; n: number }>(sql`/* department-shapes-stamp */
    SELECT obj_description('department_shapes'::regclass, 'pg_class') AS stamp,
      (SELECT count(*)::int FROM department_shapes) AS n`);
  if (done?.stamp === stamp) return done.n;
  const [row] = await db.rows<{ n: number }>(sql`/* department-shapes-load */
    WITH input AS (
      SELECT x.code, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromEWKT(x.ewkt)), 3))::geography AS shape
      FROM jsonb_to_recordset(${json}::text::jsonb) AS x(code text, ewkt text)
      WHERE EXISTS (SELECT 1 FROM departments d WHERE d.code = x.code)
    ), upserted AS (
      INSERT INTO department_shapes (code, shape, source)
      SELECT code, shape, ${outlineSource} FROM input
      ON CONFLICT (code) DO UPDATE SET shape = excluded.shape, source = excluded.source
      -- Unchanged rows are not rewritten, so that a migrate with nothing new writes nothing.
      WHERE department_shapes.source IS DISTINCT FROM excluded.source
        OR ST_AsEWKB(department_shapes.shape::geometry) IS DISTINCT FROM ST_AsEWKB(excluded.shape::geometry)
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM input`);
  await db.exec(`COMMENT ON TABLE department_shapes IS '${stamp.replaceAll("'", "''")}'`);
  return row?.n ?? 0;
}

/**
 * How far a point lies from its department's outline (0 inside). `known: false` when the department has no outline
 * (overseas collectivities): the caller then skips the check. `outside` compares with `toleranceKm`, which absorbs
 * the source's coarseness (about 1–2 km).
 */
export async function outsideDepartment(
  db: Db,
  departmentCode: string,
  point: { lat: number; lon: number },
  toleranceKm = 3,
): Promise<{ known: boolean; distanceKm: number; outside: boolean }> {
  const [row] = await db.rows<{ km: number }>(sql`/* department-shape-distance */
    SELECT ST_Distance(shape, ST_SetSRID(ST_MakePoint(${point.lon}::float8, ${point.lat}::float8), 4326)::geography)
      / 1000 AS km
    FROM department_shapes WHERE code = ${departmentCode}`);
  if (!row) return { known: false, distanceKm: 0, outside: false };
  const distanceKm = Number(row.km);
  return { known: true, distanceKm, outside: distanceKm > toleranceKm };
}
