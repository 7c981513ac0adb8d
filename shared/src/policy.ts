// The visibility policy table of DESIGN.md: the single source read by the database's
// audience columns, the API's stores and schema, and the back office.
import type { Visibility } from './enums.ts';

/** How much a viewer may see of one structure, weakest first. */
export const accessLevels = ['everyone', 'professional', 'member', 'moderator'] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** A cell of the table: the weakest level that may see the field, or `none` for nobody. */
export type Requirement = AccessLevel | 'none';

export const fieldGroups = [
  'listed', // listed, counted, findable by id; name, kind, services, publics, department, city
  'publicContact', // public phone, email, website, opening hours, notices
  'exactAddress', // street address, postal code and exact location (a postal code can be finer than the grid)
  'approximateLocation', // location snapped to the grid
  'professional', // professional contact, intake criteria, capacity
  'internal', // internal notes, revisions, submitter
] as const;
export type FieldGroup = (typeof fieldGroups)[number];

export const policy: Record<FieldGroup, Record<Visibility, Requirement>> = {
  listed: { PUBLIC: 'everyone', RESTRICTED: 'everyone', CONFIDENTIAL: 'professional' },
  publicContact: { PUBLIC: 'everyone', RESTRICTED: 'everyone', CONFIDENTIAL: 'none' },
  exactAddress: { PUBLIC: 'everyone', RESTRICTED: 'professional', CONFIDENTIAL: 'member' },
  approximateLocation: { PUBLIC: 'none', RESTRICTED: 'everyone', CONFIDENTIAL: 'professional' },
  professional: { PUBLIC: 'professional', RESTRICTED: 'professional', CONFIDENTIAL: 'professional' },
  internal: { PUBLIC: 'moderator', RESTRICTED: 'moderator', CONFIDENTIAL: 'moderator' },
};

export function allows(requirement: Requirement, level: AccessLevel): boolean {
  if (requirement === 'none') return false;
  return accessLevels.indexOf(level) >= accessLevels.indexOf(requirement);
}

export function canSee(group: FieldGroup, visibility: Visibility, level: AccessLevel): boolean {
  return allows(policy[group][visibility], level);
}

/** The visibilities whose `group` fields a viewer of `level` may see. */
export function visibleFor(group: FieldGroup, level: AccessLevel): Visibility[] {
  return (Object.keys(policy[group]) as Visibility[]).filter((v) => canSee(group, v, level));
}

/**
 * Audiences whose values are precomputed in the structures table (one column each):
 * listing, filtering, sorting, counting and distances for these viewers read only them.
 * Members and moderators read the protected table instead.
 */
export const audiences = { public: 'everyone', pro: 'professional' } as const satisfies Record<string, AccessLevel>;
export type Audience = keyof typeof audiences;

/** Snapping grid for approximate locations: cells of at least this size, in km. */
export const gridCellKm = 5.5;
