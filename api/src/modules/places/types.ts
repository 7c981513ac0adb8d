// `places(search)`: communes by postal code or name, for "near a place" in apps and the back office.
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { GeoPoint } from '../structures/types.ts';
import { type PlaceRow, searchPlaces } from './search.ts';

const PlaceCentreSourceEnum = builder.enumType('PlaceCentreSource', {
  values: {
    COMMUNE: { description: "The commune's own centre (GeoNames)." },
    SAME_POSTAL_CODE: {
      description: 'GeoNames lacks this commune: the centre of a commune sharing one of its postal codes.',
    },
    SAME_EPCI: {
      description:
        "Approximate: the middle of the commune's intercommunality (EPCI) members that have a centre of their own.",
    },
  },
});

const Place = builder.objectRef<PlaceRow>('Place');
Place.implement({
  description: 'A commune (reference data, public).',
  fields: (t) => ({
    inseeCode: t.exposeString('inseeCode'),
    name: t.exposeString('name'),
    postalCodes: t.exposeStringList('postalCodes'),
    departmentCode: t.exposeString('departmentCode'),
    departmentName: t.exposeString('departmentName'),
    centre: t.field({
      type: GeoPoint,
      nullable: true,
      description: 'Where a search near this place starts; null when no centre is known.',
      resolve: (p) =>
        p.lat === null || p.lon === null ? null : { lat: p.lat, lon: p.lon, precision: 'EXACT' as const },
    }),
    centreSource: t.field({ type: PlaceCentreSourceEnum, nullable: true, resolve: (p) => p.centreSource }),
  }),
});

builder.queryFields((t) => ({
  places: t.field({
    type: [Place],
    description:
      'Communes matching a postal code (or its first digits) and/or the start of a name, the most ' +
      'populous first; pass a centre to `structures(near:)`.',
    args: {
      search: t.arg.string({ required: true }),
      first: t.arg.int({
        defaultValue: 10,
        validate: z.number().int().min(1, 'first must be at least 1').max(50, 'first must be at most 50'),
      }),
    },
    resolve: (_root, args, ctx) => searchPlaces(ctx.db, args.search, args.first ?? 10),
  }),
}));
