// Input schemas of curation: what moderators write, and what anyone may contribute.
// The back office's forms reuse them, so a form and the API refuse the same things.
import { z } from 'zod';
import { reportReasons } from './enums.ts';
import { geoPointInput, postalAddressInput, professionalContactInput, structureInput } from './inputs.ts';
import { issueParams } from './issues.ts';

/** A structure as a moderator writes it: the location may come from the geocoder. */
export const moderatorStructureInput = structureInput.omit({ lastVerifiedAt: true }).extend({
  location: geoPointInput.optional(),
});
export type ModeratorStructureInput = z.input<typeof moderatorStructureInput>;

const shape = moderatorStructureInput.shape;

/**
 * Changes to a structure: every field optional; `null` clears an optional field. Required
 * fields (name, kind, visibility, services, address) can be changed but not cleared.
 */
export const structurePatch = z
  .object({
    name: shape.name.optional(),
    kind: shape.kind.optional(),
    visibility: shape.visibility.optional(),
    status: shape.status.unwrap().optional(),
    services: shape.services.optional(),
    address: postalAddressInput
      .partial()
      .extend({
        street: z.string().trim().min(1).max(200).nullish(),
        complement: z.string().trim().max(200).nullish(),
        inseeCode: z
          .string()
          .regex(/^\d[\dAB]\d{3}$/)
          .nullish(),
      })
      .optional(),
    departmentCode: shape.departmentCode.unwrap().nullish(),
    location: geoPointInput.optional(),
    description: shape.description.unwrap().nullish(),
    siret: shape.siret.unwrap().nullish(),
    finess: shape.finess.unwrap().nullish(),
    phone: shape.phone.unwrap().nullish(),
    email: shape.email.unwrap().nullish(),
    website: shape.website.unwrap().nullish(),
    openingHours: shape.openingHours.unwrap().nullish(),
    languages: shape.languages.unwrap().optional(),
    accessibility: shape.accessibility.unwrap().nullish(),
    ageMin: shape.ageMin.unwrap().nullish(),
    ageMax: shape.ageMax.unwrap().nullish(),
    gender: shape.gender.unwrap().optional(),
    situations: shape.situations.unwrap().optional(),
    accessModes: shape.accessModes.unwrap().optional(),
    mobilisers: shape.mobilisers.unwrap().optional(),
    servesNationwide: shape.servesNationwide.unwrap().optional(),
    servedDepartments: shape.servedDepartments.unwrap().optional(),
    servedRegions: shape.servedRegions.unwrap().optional(),
    professionalContact: professionalContactInput.nullish(),
    intakeCriteria: shape.intakeCriteria.unwrap().nullish(),
    capacityPlaces: shape.capacityPlaces.unwrap().nullish(),
    internalNotes: shape.internalNotes.unwrap().nullish(),
    notices: shape.notices.unwrap().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, {
    message: 'changes: nothing to change',
    params: issueParams('nothingToChange'),
  });
export type StructurePatch = z.output<typeof structurePatch>;

/** How moderators may reach whoever contributes (optional; never shown to the public). */
export const submitterContact = z.object({
  name: z.string().trim().max(120).optional(),
  email: z.email('contact.email is not a valid address').max(200).optional(),
  phone: z.string().trim().max(30).optional(),
});

export const comment = z.string().trim().max(2000, 'comment must have at most 2000 characters');

/** A new listing proposed by anyone: moderators complete it (visibility, coordinates). */
export const structureSubmissionInput = moderatorStructureInput
  .pick({
    name: true,
    kind: true,
    description: true,
    address: true,
    departmentCode: true,
    location: true,
    phone: true,
    email: true,
    website: true,
    openingHours: true,
    languages: true,
    accessibility: true,
    services: true,
    ageMin: true,
    ageMax: true,
    gender: true,
    situations: true,
    accessModes: true,
    mobilisers: true,
    professionalContact: true,
  })
  .extend({
    /** A shelter asking to be listed may ask to stay off the public map. */
    visibility: shape.visibility.default('PUBLIC'),
    contact: submitterContact.optional(),
    comment: comment.optional(),
  });
export type StructureSubmissionInput = z.input<typeof structureSubmissionInput>;

export const reportReason = z.enum(reportReasons);

export const idempotencyKey = z
  .string()
  .trim()
  .min(8, 'idempotencyKey must have at least 8 characters')
  .max(100, 'idempotencyKey must have at most 100 characters');

export const decisionReason = z.string().trim().min(1, 'reason is required').max(2000);
