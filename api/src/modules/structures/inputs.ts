// GraphQL input types of a structure as moderators write it (validated by the shared zod
// schemas, which the back office's forms use too).
import { moderatorStructureInput, structurePatch } from '@repere/shared/curation';
import { builder } from '../../builder.ts';
import { GeoPointInput } from './queries.ts';
import {
  AccessModeEnum,
  GenderEnum,
  MobiliserEnum,
  NoticeKindEnum,
  ServiceCategoryEnum,
  StructureKindEnum,
  StructureStatusEnum,
  VisibilityEnum,
} from './types.ts';

export const PostalAddressInput = builder.inputType('PostalAddressInput', {
  fields: (t) => ({
    street: t.string(),
    complement: t.string(),
    postalCode: t.string({ required: true }),
    city: t.string({ required: true }),
    inseeCode: t.string({ description: 'INSEE code of the commune (found from the postal code when absent).' }),
  }),
});

export const AddressPatchInput = builder.inputType('AddressPatchInput', {
  fields: (t) => ({
    street: t.string(),
    complement: t.string(),
    postalCode: t.string(),
    city: t.string(),
    inseeCode: t.string(),
  }),
});

export const ContactInput = builder.inputType('ContactInput', {
  fields: (t) => ({ name: t.string(), phone: t.string({ description: 'E.164.' }), email: t.string() }),
});

export const NoticeInput = builder.inputType('NoticeInput', {
  fields: (t) => ({
    kind: t.field({ type: NoticeKindEnum, required: true }),
    startsOn: t.string({ required: true, description: 'YYYY-MM-DD.' }),
    endsOn: t.string({ description: 'YYYY-MM-DD; open-ended when absent.' }),
    message: t.string({ required: true }),
  }),
});

/** Input fields built by `t` (the builder's input-object field builder). */
type Fields = PothosSchemaTypes.InputFieldBuilder<
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never,
  'InputObject'
>;

/** What anyone may describe of a structure: shared by submissions, whole inputs and patches. */
export function describingFields(t: Fields) {
  return {
    location: t.field({ type: GeoPointInput }),
    description: t.string(),
    phone: t.string({ description: 'E.164.' }),
    email: t.string(),
    website: t.string(),
    openingHours: t.string({ description: 'OpenStreetMap opening_hours syntax.' }),
    languages: t.stringList(),
    accessibility: t.string(),
    ageMin: t.int(),
    ageMax: t.int(),
    gender: t.field({ type: GenderEnum }),
    situations: t.stringList(),
    accessModes: t.field({ type: [AccessModeEnum] }),
    mobilisers: t.field({ type: [MobiliserEnum] }),
    professionalContact: t.field({ type: ContactInput }),
  };
}

/** What only moderators write: shared by whole inputs and patches. */
function moderatorFields(t: Fields) {
  return {
    ...describingFields(t),
    siret: t.string(),
    finess: t.string(),
    servesNationwide: t.boolean(),
    servedDepartments: t.stringList(),
    servedRegions: t.stringList(),
    intakeCriteria: t.string(),
    capacityPlaces: t.int(),
    internalNotes: t.string(),
    notices: t.field({ type: [NoticeInput] }),
  };
}

export const StructureInput = builder.inputType('StructureInput', {
  description: 'A whole structure. Without location, the geocoder (when configured) finds it from the address.',
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: StructureKindEnum, required: true }),
    visibility: t.field({ type: VisibilityEnum, required: true }),
    status: t.field({ type: StructureStatusEnum, description: 'ONLINE by default.' }),
    services: t.field({ type: [ServiceCategoryEnum], required: true }),
    address: t.field({ type: PostalAddressInput, required: true }),
    departmentCode: t.string({ description: 'Found from the postal code when absent.' }),
    ...moderatorFields(t),
  }),
  validate: moderatorStructureInput,
});

export const StructurePatch = builder.inputType('StructurePatch', {
  description: 'Changes: absent fields stay; null clears an optional field.',
  fields: (t) => ({
    name: t.string(),
    kind: t.field({ type: StructureKindEnum }),
    visibility: t.field({ type: VisibilityEnum }),
    status: t.field({ type: StructureStatusEnum }),
    services: t.field({ type: [ServiceCategoryEnum] }),
    address: t.field({ type: AddressPatchInput }),
    departmentCode: t.string(),
    ...moderatorFields(t),
  }),
  validate: structurePatch,
});
