// Public reads of structures: the list with filters and distances, and lookups by id.
import { serviceCategories, structureKinds, structureStatuses, visibilities } from '@repere/shared/enums';
import { departmentCode, geoPointInput, postalCode, regionCode } from '@repere/shared/inputs';
import { keyed } from '@repere/shared/issues';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { type Context, viewerLevel } from '../../context.ts';
import { AppError, badInput } from '../../errors.ts';
import { pageSizeInput } from '../../limits.ts';
import { assertDepartment, assertRegion } from '../geography/store.ts';
import { sinceInput } from './feed.ts';
import { decodeStructureId } from './ids.ts';
import { selectedFields } from './selection.ts';
import { findStructures, listStructures, type StructureRow, type Wanted } from './store.ts';
import { ServiceCategoryEnum, Structure, StructureKindEnum, StructureStatusEnum, VisibilityEnum } from './types.ts';

export const GeoPointInput = builder.inputType('GeoPointInput', {
  fields: (t) => ({ lat: t.float({ required: true }), lon: t.float({ required: true }) }),
  validate: geoPointInput,
});

export const StructureFilter = builder.inputType('StructureFilter', {
  fields: (t) => ({
    departmentCode: t.string({ validate: departmentCode }),
    regionCode: t.string({ validate: regionCode }),
    postalCode: t.string({ validate: postalCode }),
    kinds: t.field({ type: [StructureKindEnum], validate: z.array(z.enum(structureKinds)).max(structureKinds.length) }),
    services: t.field({
      type: [ServiceCategoryEnum],
      validate: z.array(z.enum(serviceCategories)).max(serviceCategories.length),
    }),
    search: t.string({
      description: 'French full-text search, accent-insensitive, on names, cities and descriptions.',
      validate: z
        .string()
        .trim()
        .min(2, 'search must have at least 2 characters')
        .max(200, 'search must have at most 200 characters'),
    }),
    openNow: t.boolean({ description: 'Open now in Europe/Paris time, public holidays and closures included.' }),
    needsVerification: t.boolean({ description: 'Only listings not verified for six months, or never.' }),
    updatedSince: t.field({
      type: 'DateTime',
      description:
        'Only listings whose fields you may see changed at or after this time (a change of a field hidden from ' +
        'you does not count). Listings that left your view are not here: `structureChanges` gives them as ' +
        'removals, for apps that keep a copy.',
      validate: sinceInput,
    }),
    visibilities: t.field({
      type: [VisibilityEnum],
      description: 'Only these visibilities, among the structures the viewer may list.',
      validate: z.array(z.enum(visibilities)).max(visibilities.length),
    }),
    statuses: t.field({
      type: [StructureStatusEnum],
      description: 'Moderators only: list these statuses instead of ONLINE (drafts, archives, closed).',
      validate: z.array(z.enum(structureStatuses)).max(structureStatuses.length),
    }),
  }),
});

const StructureConnection = builder.connectionObject(
  {
    type: Structure,
    name: 'StructureConnection',
    fields: (t) => ({
      totalCount: t.int({
        description: 'Structures matching the filter that the viewer may list.',
        resolve: (c) => (c as unknown as { totalCount: () => Promise<number> }).totalCount(),
      }),
    }),
  },
  {
    name: 'StructureEdge',
    fields: (t) => ({
      distanceKm: t.float({
        nullable: true,
        description: 'Distance in km to the location this viewer may see (given with `near`).',
        resolve: (edge) => {
          const m = (edge.node as StructureRow).distanceM;
          return m == null ? null : Math.round(m) / 1000;
        },
      }),
    }),
  },
);

async function loadOne(ctx: Context, globalId: string, fields?: Wanted): Promise<StructureRow | null> {
  const id = decodeStructureId(globalId);
  if (!id) return null;
  const [row] = await findStructures(ctx.db, ctx.view, [id], new Date(), fields);
  return row ?? null;
}

builder.queryFields((t) => ({
  structure: t.field({
    type: Structure,
    nullable: true,
    description: 'Null when unknown or hidden from the viewer (the two are indistinguishable).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) => loadOne(ctx, args.id, selectedFields(info, [])),
  }),
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => loadOne(ctx, args.id),
  }),
  structures: t.field({
    type: StructureConnection,
    complexity: (args) => ({ field: 5, multiplier: args.first ?? 20 }),
    args: {
      first: t.arg.int({
        defaultValue: 20,
        validate: pageSizeInput,
      }),
      after: t.arg.string({
        validate: z.string().max(1000, keyed('badCursor', 'after: not a cursor returned by this API.')),
      }),
      filter: t.arg({ type: StructureFilter }),
      near: t.arg({ type: GeoPointInput }),
      radiusKm: t.arg.float({
        description: 'With `near`: only structures within this many km (at most 1000).',
        validate: z
          .number()
          .gt(0, keyed('positive', 'radiusKm must be positive'))
          .max(1000, 'radiusKm must be at most 1000'),
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const filter = args.filter ?? {};
      if (args.radiusKm != null && !args.near) throw badRadius();
      if (filter.statuses?.some((st) => st !== 'ONLINE') && viewerLevel(ctx.viewer) !== 'moderator') {
        throw new AppError('FORBIDDEN', 'statuses: only moderators list listings that are not online.', {
          key: 'statuses',
          params: { field: 'filter.statuses' },
        });
      }
      if (filter.departmentCode) await assertDepartment(ctx.db, filter.departmentCode);
      if (filter.regionCode) await assertRegion(ctx.db, filter.regionCode);
      const page = await listStructures(ctx.db, ctx.view, {
        filter,
        near: args.near,
        radiusKm: args.radiusKm,
        first: args.first ?? 20,
        after: args.after,
        now: new Date(),
        fields: selectedFields(info, ['edges', 'node']),
      });
      return {
        totalCount: page.totalCount,
        edges: page.rows.map((node, i) => ({
          node,
          get cursor() {
            return page.cursor(i) ?? '';
          },
        })),
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: Boolean(args.after),
          get startCursor() {
            return page.cursor(0);
          },
          get endCursor() {
            return page.cursor(-1);
          },
        },
      };
    },
  }),
}));

const badRadius = () =>
  badInput('radiusKm needs near: give the point to measure from.', {
    key: 'radiusNeedsNear',
    params: { field: 'radiusKm' },
  });
