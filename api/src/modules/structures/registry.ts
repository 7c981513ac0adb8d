// The one place a structure field's visibility is written. For each field: its policy group
// (shared/policy.ts says which viewers see a group, per visibility), the columns the store
// selects for it, the paths a write names, and whether a read is audited. The store's select
// list, the schema's guards, the write checks and the audit rule are all built from this table.
import type { Visibility } from '@repere/shared/enums';
import { type AccessLevel, canSee, type FieldGroup } from '@repere/shared/policy';
import { type SQL, sql } from 'drizzle-orm';

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One column of the store's rows. `main` columns live in `structures`; `protected` ones in
 * `structure_protected`, which the public view never joins (it reads NULL of `type` instead).
 * `special` columns are built by the store itself from the audience columns (location, street).
 */
export type Column =
  | { key: string; table: 'main' | 'protected'; sql: SQL; type: string }
  | { key: string; special: 'location' | 'street' };

export interface FieldSpec {
  /** Who may read it; `listed` fields come with the row (the row itself is listed or not). */
  group: FieldGroup;
  /** The store's columns for it (none: not selected, e.g. notices, loaded apart). */
  columns: Column[];
  /** The GraphQL field of `Structure` (false: stored and written, never served). */
  graphql: boolean;
  /** Input paths that write it (inputs, patches, revisions). */
  writes: string[];
  /** Who may write those paths in a contribution: the readers of `group`, or moderators only. */
  writer?: 'moderation';
  /** A vetted professional's read of it on a CONFIDENTIAL structure is written to the audit log. */
  audited?: boolean;
  /** Location only: who may read the point snapped to the grid where `group` hides the exact one. */
  approximate?: FieldGroup;
}

const main = (key: string, column: string, type = 'text'): Column => ({
  key,
  table: 'main',
  sql: sql.raw(column),
  type,
});
const prot = (key: string, column: SQL, type: string): Column => ({ key, table: 'protected', sql: column, type });

const listed = (columns: Column[], writes: string[] = []): FieldSpec => ({
  group: 'listed',
  columns,
  graphql: true,
  writes,
});

export const structureFields = {
  id: listed([main('id', 's.id')]),
  name: listed([main('name', 's.name')], ['name']),
  kind: listed([main('kind', 's.kind::text')], ['kind']),
  visibility: { ...listed([main('visibility', 's.visibility::text')], ['visibility']), writer: 'moderation' },
  status: { ...listed([main('status', 's.status::text')], ['status']), writer: 'moderation' },
  description: listed([main('description', 's.description')], ['description']),
  siret: { group: 'listed', columns: [], graphql: false, writes: ['siret'] },
  finess: { group: 'listed', columns: [], graphql: false, writes: ['finess'] },
  services: listed([main('services', 's.services::text[]')], ['services']),
  departmentCode: listed([main('departmentCode', 's.department_code')], ['departmentCode']),
  regionCode: listed([main('regionCode', 's.region_code')]),
  city: listed([main('city', 's.city')], ['address.city']),
  postalCode: {
    group: 'exactAddress',
    columns: [main('postalCode', 's.postal_code')],
    graphql: true,
    writes: ['address.postalCode', 'address.inseeCode'],
    audited: true,
  },
  address: {
    group: 'exactAddress',
    columns: [{ key: 'street', special: 'street' }],
    graphql: true,
    writes: ['address.street', 'address.complement'],
    audited: true,
  },
  location: {
    // The exact point; the approximate one is served instead where `approximateLocation` allows.
    group: 'exactAddress',
    columns: [{ key: 'location', special: 'location' }],
    graphql: true,
    writes: ['location'],
    audited: true,
    approximate: 'approximateLocation',
  },
  phone: { group: 'publicContact', columns: [main('phone', 's.phone')], graphql: true, writes: ['phone'] },
  email: { group: 'publicContact', columns: [main('email', 's.email')], graphql: true, writes: ['email'] },
  website: { group: 'publicContact', columns: [main('website', 's.website')], graphql: true, writes: ['website'] },
  openingHours: {
    group: 'publicContact',
    columns: [main('openingHours', 's.opening_hours')],
    graphql: true,
    writes: ['openingHours'],
  },
  // Selected apart by the store (a JSON subquery guarded by this group).
  notices: { group: 'publicContact', columns: [], graphql: true, writes: ['notices'] },
  ageMin: listed([main('ageMin', 's.age_min', 'int')], ['ageMin']),
  ageMax: listed([main('ageMax', 's.age_max', 'int')], ['ageMax']),
  gender: listed([main('gender', 's.gender::text')], ['gender']),
  situations: listed([main('situations', 's.situations')], ['situations']),
  accessModes: listed([main('accessModes', 's.access_modes::text[]')], ['accessModes']),
  mobilisers: listed([main('mobilisers', 's.mobilisers::text[]')], ['mobilisers']),
  languages: listed([main('languages', 's.languages')], ['languages']),
  accessibility: listed([main('accessibility', 's.accessibility')], ['accessibility']),
  servesNationwide: listed([main('servesNationwide', 's.serves_nationwide')], ['servesNationwide']),
  servedDepartments: listed([main('servedDepartments', 's.served_departments')], ['servedDepartments']),
  servedRegions: listed([main('servedRegions', 's.served_regions')], ['servedRegions']),
  lastVerifiedAt: listed([{ key: 'lastVerifiedAt', table: 'main', sql: iso(sql`s.last_verified_at`), type: 'text' }]),
  stale: listed([]),
  professionalContact: {
    group: 'professional',
    columns: [prot('professionalContact', sql`p.professional_contact`, 'jsonb')],
    graphql: true,
    writes: ['professionalContact'],
    audited: true,
  },
  intakeCriteria: {
    group: 'professional',
    columns: [prot('intakeCriteria', sql`p.intake_criteria`, 'text')],
    graphql: true,
    writes: ['intakeCriteria'],
    audited: true,
  },
  capacity: {
    group: 'professional',
    columns: [
      prot('capacityPlaces', sql`p.capacity_places`, 'int'),
      prot('capacityUpdatedAt', iso(sql`p.capacity_updated_at`), 'text'),
    ],
    graphql: true,
    writes: ['capacityPlaces'],
    audited: true,
  },
  internalNotes: {
    group: 'internal',
    columns: [prot('internalNotes', sql`p.internal_notes`, 'text')],
    graphql: true,
    writes: ['internalNotes'],
  },
} satisfies Record<string, FieldSpec>;

export type StructureFieldName = keyof typeof structureFields;
export type FieldRegistry = Record<string, FieldSpec>;

/** The policy group whose readers may write each input path, or `moderation` (moderators only). */
export function writeGroups(registry: FieldRegistry = structureFields): Record<string, FieldGroup | 'moderation'> {
  const out: Record<string, FieldGroup | 'moderation'> = {};
  for (const spec of Object.values(registry)) {
    for (const path of spec.writes) out[path] = spec.writer ?? spec.group;
  }
  return out;
}

/** The spec of a field every registry must have (deny by default: a missing one is an error). */
export function specOf(registry: FieldRegistry, name: StructureFieldName): FieldSpec {
  const spec = registry[name];
  if (!spec) throw new Error(`structure field registry: no entry for ${name}`);
  return spec;
}

/** Who may list a structure at all (its row), for the database's audience mirror. */
export const rowGroup = structureFields.id.group;

/** Which location a viewer of `level` gets for a structure: exact, approximate or none. */
export function locationFor(visibility: Visibility, level: AccessLevel): 'EXACT' | 'APPROXIMATE' | null {
  const { group, approximate } = structureFields.location;
  if (canSee(group, visibility, level)) return 'EXACT';
  if (canSee(approximate, visibility, level)) return 'APPROXIMATE';
  return null;
}
