// GraphQL types of structures. Every protected field is guarded by the policy table
// (schema layer), on top of the store that never selects what the view may not see.
import {
  accessModes,
  genders,
  mobilisers,
  noticeKinds,
  serviceCategories,
  structureKinds,
  structureStatuses,
  visibilities,
} from '@repere/shared/enums';
import { type AccessLevel, canSee } from '@repere/shared/policy';
import { builder } from '../../builder.ts';
import { type Context, isProfessional, levelFor } from '../../context.ts';
import { encodeId } from '../../ids.ts';
import { type FieldRegistry, type StructureFieldName, specOf, structureFields } from './registry.ts';
import { type NoticeRow, type StructureRow, staleAfterDays } from './store.ts';

export const VisibilityEnum = builder.enumType('Visibility', { values: visibilities });
export const StructureStatusEnum = builder.enumType('StructureStatus', { values: structureStatuses });
export const StructureKindEnum = builder.enumType('StructureKind', { values: structureKinds });
export const ServiceCategoryEnum = builder.enumType('ServiceCategory', { values: serviceCategories });
export const AccessModeEnum = builder.enumType('AccessMode', { values: accessModes });
export const MobiliserEnum = builder.enumType('Mobiliser', { values: mobilisers });
export const GenderEnum = builder.enumType('Gender', { values: genders });
export const NoticeKindEnum = builder.enumType('NoticeKind', { values: noticeKinds });
export const LocationPrecisionEnum = builder.enumType('LocationPrecision', { values: ['EXACT', 'APPROXIMATE'] });

export const GeoPoint = builder.objectRef<{ lat: number; lon: number; precision: 'EXACT' | 'APPROXIMATE' }>('GeoPoint');
GeoPoint.implement({
  description: 'A point in WGS 84. APPROXIMATE: snapped to a fixed grid of cells of at least 5 km.',
  fields: (t) => ({
    lat: t.exposeFloat('lat'),
    lon: t.exposeFloat('lon'),
    precision: t.expose('precision', { type: LocationPrecisionEnum }),
  }),
});

export const PostalAddress = builder.objectRef<{
  street: string | null;
  postalCode: string | null;
  city: string | null;
}>('PostalAddress');
PostalAddress.implement({
  fields: (t) => ({
    street: t.exposeString('street', { nullable: true }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
  }),
});

export interface ContactRow {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}
export const Contact = builder.objectRef<ContactRow>('Contact');
Contact.implement({
  description: 'A professional contact channel.',
  fields: (t) => ({
    name: t.string({ nullable: true, resolve: (c) => c.name ?? null }),
    phone: t.string({ nullable: true, resolve: (c) => c.phone ?? null }),
    email: t.string({ nullable: true, resolve: (c) => c.email ?? null }),
  }),
});

export const Capacity = builder.objectRef<{ places: number; updatedAt: string | null }>('Capacity');
Capacity.implement({
  fields: (t) => ({
    places: t.exposeInt('places'),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.updatedAt }),
  }),
});

export const Notice = builder.objectRef<NoticeRow>('Notice');
Notice.implement({
  description: 'A temporary notice (closure, changed hours, message), shown while active.',
  fields: (t) => ({
    kind: t.expose('kind', { type: NoticeKindEnum }),
    startsOn: t.exposeString('startsOn'),
    endsOn: t.exposeString('endsOn', { nullable: true }),
    message: t.exposeString('message'),
  }),
});

function levelOf(ctx: Context, s: StructureRow): AccessLevel {
  return levelFor(ctx.viewer, s.id);
}

/**
 * The schema layer: the registry's rules, and the row guard built from its `id` rule. Held in
 * one object so that the leak suite can build this layer with one rule loosened (or the row
 * guard removed) and see its per-layer test fail.
 */
export const schemaLayer = {
  rules: { ...structureFields } as FieldRegistry,
  /** The row may be shown at all: listed for the viewer, and online unless the viewer is staff. */
  rowAllowed(s: StructureRow, ctx: Context): boolean {
    const level = levelOf(ctx, s);
    return canSee(rule('id').group, s.visibility, level) && (s.status === 'ONLINE' || level === 'moderator');
  },
};

const rule = (name: StructureFieldName) => specOf(schemaLayer.rules, name);

/** Options guarding a nullable field by its registry rule: hidden resolves to null. */
function policy(name: StructureFieldName) {
  return {
    nullable: true as const,
    authScopes: (parent: StructureRow, _args: object, ctx: Context) =>
      canSee(rule(name).group, parent.visibility, levelOf(ctx, parent)),
    unauthorizedResolver: () => null,
  };
}

/** Records the read when the registry says it is audited, then gives the value. */
async function auditedRead<T>(ctx: Context, s: StructureRow, field: StructureFieldName, value: T): Promise<T> {
  if (value != null && rule(field).audited && s.visibility === 'CONFIDENTIAL' && isProfessional(ctx.viewer)) {
    await ctx.audit.read(s.id, field);
  }
  return value;
}

/** The point this viewer may see: exact, or the snapped one the store gave where only that is allowed. */
function shownLocation(s: StructureRow, ctx: Context) {
  if (s.lat == null || s.lon == null || !s.precision) return null;
  const spec = rule('location');
  const level = levelOf(ctx, s);
  if (s.precision === 'EXACT' && !canSee(spec.group, s.visibility, level)) return null;
  if (s.precision === 'APPROXIMATE' && !(spec.approximate && canSee(spec.approximate, s.visibility, level))) {
    return null;
  }
  return { lat: s.lat, lon: s.lon, precision: s.precision };
}

// A Node, declared by hand rather than with `builder.node`: the relay plugin's id field is an
// async resolver (a promise per row, then one more for the executor to wait on); this one is
// synchronous. The id is the same (ids.ts), and the row guard below wraps it as any field.
export const Structure = builder.objectType(builder.objectRef<StructureRow>('Structure'), {
  interfaces: [builder.nodeInterfaceRef()],
  // Rows come from the viewer's store; this tells the Node interface which type they are.
  // (`visibility` and `status` come with every row: the store always reads them, as row guards.)
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'visibility' in value && 'status' in value,
  // Second layer for whole rows: a row the viewer may not list is refused field by field.
  authScopes: (s, ctx) => schemaLayer.rowAllowed(s, ctx),
  // Lookups by id go through the viewer's store (queries.ts), never through this loader.
  fields: (t) => ({
    id: t.field({ type: 'ID', resolve: (s) => encodeId('Structure', s.id) }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: StructureKindEnum }),
    visibility: t.expose('visibility', { type: VisibilityEnum }),
    description: t.exposeString('description', { nullable: true }),
    services: t.expose('services', { type: [ServiceCategoryEnum] }),
    departmentCode: t.exposeString('departmentCode'),
    regionCode: t.exposeString('regionCode'),
    city: t.exposeString('city', { nullable: true }),
    postalCode: t.string({
      ...policy('postalCode'),
      description: 'With the street: it can say more than the approximate location.',
      resolve: (s, _args, ctx) => auditedRead(ctx, s, 'postalCode', s.postalCode),
    }),
    location: t.field({
      type: GeoPoint,
      nullable: true,
      description: 'Exact, or APPROXIMATE (grid cell centre) where the viewer may not see the exact point.',
      resolve: async (s, _args, ctx) => {
        const shown = shownLocation(s, ctx);
        if (shown?.precision === 'EXACT') await auditedRead(ctx, s, 'location', shown);
        return shown;
      },
    }),
    address: t.field({
      ...policy('address'),
      type: PostalAddress,
      description: 'Null when the viewer may not see the street address.',
      resolve: (s, _args, ctx) =>
        auditedRead(ctx, s, 'address', {
          street: s.street,
          // The postal code has its own rule (the same group today): never more than the field says.
          postalCode: canSee(rule('postalCode').group, s.visibility, levelOf(ctx, s)) ? s.postalCode : null,
          city: s.city,
        }),
    }),
    phone: t.exposeString('phone', { ...policy('phone'), description: 'E.164.' }),
    email: t.exposeString('email', policy('email')),
    website: t.exposeString('website', policy('website')),
    openingHours: t.exposeString('openingHours', {
      ...policy('openingHours'),
      description: 'OpenStreetMap opening_hours syntax.',
    }),
    notices: t.field({
      type: [Notice],
      description: 'Active temporary notices (the store loads them only where public contact data is visible).',
      resolve: (s, _args, ctx) => (canSee(rule('notices').group, s.visibility, levelOf(ctx, s)) ? s.notices : []),
    }),
    ageMin: t.exposeInt('ageMin', { nullable: true }),
    ageMax: t.exposeInt('ageMax', { nullable: true }),
    gender: t.expose('gender', { type: GenderEnum }),
    situations: t.exposeStringList('situations'),
    accessModes: t.expose('accessModes', { type: [AccessModeEnum] }),
    mobilisers: t.expose('mobilisers', { type: [MobiliserEnum] }),
    languages: t.exposeStringList('languages'),
    accessibility: t.exposeString('accessibility', { nullable: true }),
    servesNationwide: t.exposeBoolean('servesNationwide'),
    servedDepartments: t.exposeStringList('servedDepartments'),
    servedRegions: t.exposeStringList('servedRegions'),
    // Protected groups: the public store never selects them, and the registry guards them again.
    professionalContact: t.field({
      ...policy('professionalContact'),
      type: Contact,
      description: 'For vetted professionals.',
      resolve: (s, _args, ctx) => auditedRead(ctx, s, 'professionalContact', s.professionalContact),
    }),
    intakeCriteria: t.string({
      ...policy('intakeCriteria'),
      description: 'For vetted professionals.',
      resolve: (s, _args, ctx) => auditedRead(ctx, s, 'intakeCriteria', s.intakeCriteria),
    }),
    capacity: t.field({
      ...policy('capacity'),
      type: Capacity,
      description: 'Places, when it shelters (for vetted professionals).',
      resolve: (s, _args, ctx) =>
        auditedRead(
          ctx,
          s,
          'capacity',
          s.capacityPlaces == null ? null : { places: s.capacityPlaces, updatedAt: s.capacityUpdatedAt },
        ),
    }),
    internalNotes: t.string({
      ...policy('internalNotes'),
      description: 'For moderators.',
      resolve: (s, _args, ctx) => auditedRead(ctx, s, 'internalNotes', s.internalNotes),
    }),
    status: t.field({
      type: StructureStatusEnum,
      description: 'ONLINE for everyone but moderators, who also find drafts, offline and closed listings.',
      resolve: (s) => s.status,
    }),
    lastVerifiedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.lastVerifiedAt }),
    stale: t.boolean({
      description: 'Not verified for a year (or never): not to be taken as current. Ranked after fresh listings.',
      resolve: (s) => !s.lastVerifiedAt || Date.parse(s.lastVerifiedAt) < Date.now() - staleAfterDays * 86_400_000,
    }),
  }),
});
