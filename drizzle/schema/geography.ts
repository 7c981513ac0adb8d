// Reference geography, loaded from @etalab/decoupage-administratif (never retyped).
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { geographyMultiPolygon } from './types.ts';

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
  },
  (t) => [index('communes_department_idx').on(t.departmentCode)],
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
