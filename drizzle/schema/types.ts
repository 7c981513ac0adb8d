// Column types drizzle does not ship: PostGIS points, text-search vectors, ranges.
// Reads go through explicit SQL (ST_X/ST_Y, casts), so only the write side is mapped.
import { customType } from 'drizzle-orm/pg-core';

export interface LatLon {
  lat: number;
  lon: number;
}

export const geographyPoint = customType<{ data: LatLon; driverData: string }>({
  dataType: () => 'geography(Point, 4326)',
  toDriver: ({ lat, lon }) => `SRID=4326;POINT(${lon} ${lat})`,
});

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const int4multirange = customType<{ data: string }>({ dataType: () => 'int4multirange' });

/** Written as EWKT by the loader (`SRID=4326;MULTIPOLYGON(...)`). */
export const geographyMultiPolygon = customType<{ data: string }>({
  dataType: () => 'geography(MultiPolygon, 4326)',
});
