// The create form checked with the API's own schema (moderatorStructureInput): the form and
// the server refuse the same things; what only the server knows (a postal code of another
// department, a point at sea) comes back as its BAD_USER_INPUT message.
import { moderatorStructureInput, structurePatch as structurePatchSchema } from '@repere/shared/curation';
import type { z } from 'zod';
import { localizeIssue } from '../i18n/server-errors.ts';
import { i18nProvider } from '../i18nProvider.ts';
import { structurePatch } from './patch.ts';

type Values = Record<string, unknown>;

/** Empty inputs mean "absent": drop them, and objects left empty. */
function clean(value: unknown): unknown {
  if (value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Values)
      .map(([key, v]) => [key, clean(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

const sent = [
  'name',
  'kind',
  'visibility',
  'services',
  'address',
  'departmentCode',
  'location',
  'phone',
  'email',
  'website',
  'openingHours',
  'description',
  'professionalContact',
  'internalNotes',
] as const;

/** The form's values as a StructureInput (only the fields the form has). */
export function structureInput(values: Values): Values {
  const input: Values = {};
  for (const key of sent) {
    const value = clean(values[key]);
    if (value !== undefined) input[key] = value;
  }
  return input;
}

/** zod's issues as react-admin's nested field errors ({ address: { postalCode: '…' } }). */
function fieldErrors(issues: z.core.$ZodIssue[], input: Values): Values {
  const errors: Values = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    // A missing required value: react-admin's own (translated) message.
    const given = path.reduce<unknown>((v, key) => (v as Values | undefined)?.[key], input);
    const message =
      issue.code === 'invalid_type' && given === undefined
        ? 'ra.validation.required'
        : localizeIssue(issue, i18nProvider.translate);
    // An issue on a whole array or object goes on the field itself; one on an item, on its array.
    const at = path.length ? path : ['name'];
    const field = at.filter((p) => !/^\d+$/.test(p));
    let node = errors;
    for (const key of field.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Values;
    }
    const last = field[field.length - 1]!;
    if (node[last] === undefined) node[last] = message;
  }
  return errors;
}

/** The create form: the whole input, as the API checks it. */
export function validateStructure(values: Values): Values {
  const input = structureInput(values);
  const result = moderatorStructureInput.safeParse(input);
  return result.success ? {} : fieldErrors(result.error.issues, input);
}

/** The edit form: the changes it would send (the patch), as the API checks them. */
export function validateStructureEdit(record: Values, values: Values): Values {
  const patch = structurePatch(record, values);
  if (!Object.keys(patch).length) return {};
  const result = structurePatchSchema.safeParse(patch);
  return result.success ? {} : fieldErrors(result.error.issues, patch);
}
