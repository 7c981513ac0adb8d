// Input schemas shared by the API (GraphQL validation, seeds) and the back office forms.
import { z } from 'zod';
import {
  accessModes,
  genders,
  mobilisers,
  noticeKinds,
  serviceCategories,
  structureKinds,
  structureStatuses,
  visibilities,
} from './enums.ts';
import { keyed } from './issues.ts';

export const latitude = z
  .number()
  .min(-90, keyed('latitude', 'latitude must be between -90 and 90'))
  .max(90, keyed('latitude', 'latitude must be between -90 and 90'));
export const longitude = z
  .number()
  .min(-180, keyed('longitude', 'longitude must be between -180 and 180'))
  .max(180, keyed('longitude', 'longitude must be between -180 and 180'));
export const geoPointInput = z.object({ lat: latitude, lon: longitude });

/** E.164, e.g. +33612345678; short national numbers (119, 3018) are helplines, not structures. */
export const phoneE164 = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, keyed('phoneE164', 'phone must be in E.164 form, e.g. +33612345678'));
export const postalCode = z.string().regex(/^\d{5}$/, keyed('postalCode', 'postal code must be five digits'));
export const departmentCode = z
  .string()
  .regex(/^(\d{2}|2[AB]|97\d)$/, keyed('departmentCode', 'not a department code (e.g. 80, 2A, 974)'));
/** Only web pages: `javascript:` or `data:` links would run in whoever clicks them. */
export const websiteUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: keyed('website', 'website must be an http:// or https:// address with a domain name'),
});

export const regionCode = z.string().regex(/^\d{2}$/, keyed('regionCode', 'not a region code (e.g. 32)'));

export const postalAddressInput = z.object({
  street: z.string().trim().min(1).max(200).optional(),
  complement: z.string().trim().max(200).optional(),
  postalCode,
  city: z.string().trim().min(1).max(100),
  inseeCode: z
    .string()
    .regex(/^\d[\dAB]\d{3}$/)
    .optional(),
});

export const professionalContactInput = z.object({
  name: z.string().trim().max(120).optional(),
  phone: phoneE164.optional(),
  email: z.email().max(200).optional(),
});

export const noticeInput = z.object({
  kind: z.enum(noticeKinds),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().optional(),
  message: z.string().trim().min(1).max(500),
});

/** Everything a structure holds, as written by moderators, seeds and (later) approvals. */
export const structureInput = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(structureKinds),
  description: z.string().trim().max(5000).optional(),
  siret: z
    .string()
    .regex(/^\d{14}$/, keyed('siret', 'SIRET must be 14 digits'))
    .optional(),
  finess: z
    .string()
    .regex(/^\d[\dAB]\d{7}$/, keyed('finess', 'FINESS must be 9 characters'))
    .optional(),
  status: z.enum(structureStatuses).default('ONLINE'),
  visibility: z.enum(visibilities),
  address: postalAddressInput,
  departmentCode: departmentCode.optional(),
  location: geoPointInput,
  phone: phoneE164.optional(),
  email: z.email().max(200).optional(),
  website: websiteUrl.max(300).optional(),
  openingHours: z.string().trim().max(500).optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .max(30)
    .default([]),
  accessibility: z.string().trim().max(500).optional(),
  services: z.array(z.enum(serviceCategories)).min(1).max(serviceCategories.length),
  ageMin: z.number().int().min(0).max(25).optional(),
  ageMax: z.number().int().min(0).max(30).optional(),
  gender: z.enum(genders).default('ANY'),
  situations: z.array(z.string().trim().max(100)).max(20).default([]),
  accessModes: z.array(z.enum(accessModes)).max(accessModes.length).default([]),
  mobilisers: z.array(z.enum(mobilisers)).max(mobilisers.length).default([]),
  servesNationwide: z.boolean().default(false),
  servedDepartments: z.array(departmentCode).max(120).default([]),
  servedRegions: z.array(regionCode).max(20).default([]),
  professionalContact: professionalContactInput.optional(),
  intakeCriteria: z.string().trim().max(2000).optional(),
  capacityPlaces: z.number().int().min(0).max(10000).optional(),
  internalNotes: z.string().trim().max(5000).optional(),
  notices: z.array(noticeInput).max(20).default([]),
  lastVerifiedAt: z.date().optional(),
});
export type StructureInput = z.input<typeof structureInput>;
export type StructureValues = z.output<typeof structureInput>;

export const helplineInput = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  number: z.string().trim().min(2).max(20),
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).optional(),
  openingHours: z.string().trim().max(300).optional(),
  free: z.boolean(),
  cost: z.string().trim().max(200).optional(),
  channels: z.array(z.enum(['PHONE', 'SMS', 'CHAT', 'EMAIL', 'APP'])).min(1),
  audience: z.string().trim().max(300).optional(),
  website: websiteUrl.max(300).optional(),
});
export type HelplineInput = z.input<typeof helplineInput>;
export type HelplineValues = z.output<typeof helplineInput>;
