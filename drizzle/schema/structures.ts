// Structures are split by audience (DESIGN.md, "Visibility"): `structures` holds only what
// its audience columns allow; protected values live in `structure_protected`, joined only
// by queries built for viewers entitled to them. Audience columns are computed by the
// database (migration `audience`) from `audience_policy`, which mirrors shared/policy.ts.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  accessModeEnum,
  genderEnum,
  mobiliserEnum,
  noticeKindEnum,
  serviceCategoryEnum,
  structureKindEnum,
  structureStatusEnum,
  visibilityEnum,
} from './enums.ts';
import { departments } from './geography.ts';
import { geographyPoint, int4multirange, tsvector } from './types.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const structures = pgTable(
  'structures',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: structureKindEnum().notNull(),
    description: text(),
    siret: text(),
    finess: text(),
    status: structureStatusEnum().notNull().default('DRAFT'),
    visibility: visibilityEnum().notNull(),
    // Address parts every viewer of a listed structure may see.
    postalCode: text('postal_code'),
    inseeCode: text('insee_code'),
    city: text(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    regionCode: text('region_code').notNull(),
    // Audience columns, computed by the database: never written by the application.
    streetPublic: text('street_public'),
    locationPublic: geographyPoint('location_public'),
    locationPro: geographyPoint('location_pro'),
    searchPublic: tsvector('search_public'),
    searchPro: tsvector('search_pro'),
    // The exact point (structure_protected) is set: what staff's nearest counts read from
    // structure_counts, so that they need not join the protected table to count.
    locatedExact: boolean('located_exact').notNull().default(false),
    // Public contact channels (policy group publicContact).
    phone: text(),
    email: text(),
    website: text(),
    openingHours: text('opening_hours'),
    // Minutes of the week (Monday 00:00 = 0) and of a public holiday when open,
    // derived from openingHours on write so that openNow filters in SQL.
    hoursWeek: int4multirange('hours_week'),
    hoursHoliday: int4multirange('hours_holiday'),
    languages: text().array().notNull().default(sql`'{}'`),
    accessibility: text(),
    // What it offers, to whom, how.
    services: serviceCategoryEnum().array().notNull().default(sql`'{}'`),
    ageMin: smallint('age_min'),
    ageMax: smallint('age_max'),
    gender: genderEnum().notNull().default('ANY'),
    situations: text().array().notNull().default(sql`'{}'`),
    accessModes: accessModeEnum('access_modes').array().notNull().default(sql`'{}'`),
    mobilisers: mobiliserEnum().array().notNull().default(sql`'{}'`),
    servesNationwide: boolean('serves_nationwide').notNull().default(false),
    servedDepartments: text('served_departments').array().notNull().default(sql`'{}'`),
    servedRegions: text('served_regions').array().notNull().default(sql`'{}'`),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('structures_location_public_idx').using('gist', t.locationPublic),
    index('structures_location_pro_idx').using('gist', t.locationPro),
    index('structures_search_public_idx').using('gin', t.searchPublic),
    index('structures_search_pro_idx').using('gin', t.searchPro),
    index('structures_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('structures_department_idx').on(t.departmentCode, t.status, t.visibility),
    // Counting the listings a nearest query ranks (totalCount): index-only, not a scan of the table.
    index('structures_count_public_idx')
      .on(t.status, t.visibility, t.departmentCode)
      .where(sql`${t.locationPublic} IS NOT NULL`),
    index('structures_count_pro_idx')
      .on(t.status, t.visibility, t.departmentCode)
      .where(sql`${t.locationPro} IS NOT NULL`),
    index('structures_region_idx').on(t.regionCode),
    index('structures_postal_code_idx').on(t.postalCode),
    // Name order is byte order (COLLATE "C"): the same on every server and in PGlite.
    index('structures_name_id_idx').on(sql`${t.name} COLLATE "C"`, t.id),
    // A department's listings in name order: its first page is read in order, not found by
    // filtering the whole name index (2,800 rows read for 21 at 100,000 structures).
    index('structures_department_name_idx').on(t.departmentCode, sql`${t.name} COLLATE "C"`, t.id),
    index('structures_services_idx').using('gin', t.services),
    // Stale listings come after fresh ones: a few stale rows are found here, not by scanning.
    index('structures_last_verified_idx').on(t.lastVerifiedAt),
  ],
);

/**
 * How many structures each group of the columns that listing rules and cheap filters read holds
 * (migration `structure-counts`, written only by statement triggers on `structures`): an exact
 * `totalCount` for the audiences with precomputed columns reads a few hundred rows here instead
 * of counting a hundred thousand. `located_*`: the audience's location column is set.
 */
export const structureCounts = pgTable(
  'structure_counts',
  {
    status: structureStatusEnum().notNull(),
    visibility: visibilityEnum().notNull(),
    departmentCode: text('department_code').notNull(),
    regionCode: text('region_code').notNull(),
    locatedPublic: boolean('located_public').notNull(),
    locatedPro: boolean('located_pro').notNull(),
    locatedExact: boolean('located_exact').notNull(),
    n: integer().notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.status, t.visibility, t.departmentCode, t.regionCode, t.locatedPublic, t.locatedPro, t.locatedExact],
    }),
  ],
);

/** Protected values: street, exact point, professional channels, internal notes. */
export const structureProtected = pgTable(
  'structure_protected',
  {
    structureId: uuid('structure_id')
      .primaryKey()
      .references(() => structures.id, { onDelete: 'cascade' }),
    street: text(),
    complement: text(),
    location: geographyPoint(),
    professionalContact: jsonb('professional_contact').$type<{ name?: string; phone?: string; email?: string }>(),
    intakeCriteria: text('intake_criteria'),
    capacityPlaces: integer('capacity_places'),
    capacityUpdatedAt: timestamp('capacity_updated_at', { withTimezone: true }),
    internalNotes: text('internal_notes'),
  },
  (t) => [index('structure_protected_location_idx').using('gist', t.location)],
);

/** Temporary notices (closure, changed hours, message) with their dates. */
export const structureNotices = pgTable(
  'structure_notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    kind: noticeKindEnum().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    message: text().notNull(),
    ...timestamps,
  },
  (t) => [index('structure_notices_structure_idx').on(t.structureId, t.startsOn)],
);

/** Mirror of shared/policy.ts for the audience columns, rewritten on every migrate. */
export const audiencePolicy = pgTable(
  'audience_policy',
  {
    audience: text().notNull(),
    visibility: visibilityEnum().notNull(),
    listed: boolean().notNull(),
    exactLocation: boolean('exact_location').notNull(),
    approximateLocation: boolean('approximate_location').notNull(),
  },
  (t) => [primaryKey({ columns: [t.audience, t.visibility] })],
);

/**
 * The change feed (migration `change-feed`): one row per audience and structure, from the first
 * time the structure was listed for that audience. `changed_at` moves only when what the audience
 * sees of it changes (a digest of its document), so it reveals no hidden edit; `listed` false is
 * a departure (a tombstone). No foreign key: a deleted structure keeps its tombstone.
 */
export const structureFeed = pgTable(
  'structure_feed',
  {
    audience: text().notNull(),
    structureId: uuid('structure_id').notNull(),
    listed: boolean().notNull(),
    digest: text(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.audience, t.structureId] }),
    index('structure_feed_changed_idx').on(t.audience, t.changedAt, t.structureId),
  ],
);
