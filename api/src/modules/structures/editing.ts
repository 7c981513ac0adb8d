// Every change to a structure goes through here, by whatever path (moderators, approved
// contributions, restores): it takes the row lock, writes the new values and records a
// revision with the whole document before and after.

import type { ModeratorStructureInput, StructurePatch } from '@repere/shared/curation';
import type { RevisionAction } from '@repere/shared/enums';
import { type StructureValues, structureInput } from '@repere/shared/inputs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { badInput, invalidInput, notFound } from '../../errors.ts';
import type { Geocoder } from '../places/geocoder.ts';
import { outsideDepartment } from '../places/outlines.ts';
import { resolvePlace } from '../places/resolve.ts';
import { checkOpeningHours } from './opening-hours.ts';
import { insertStructures, replaceStructure } from './writes.ts';

/** A structure as repere_structure_document() builds it (the shape of structureInput, nulls kept). */
export type StructureDocument = Record<string, unknown> & { lastVerifiedAt?: string | null };

export interface Editor {
  actorId: string | null;
  geocoder: Geocoder | null;
  /** A moderator vouches for coordinates outside the department's outline (a small island). */
  confirmLocation?: boolean;
}

export interface Source {
  action: RevisionAction;
  submissionId?: string | null;
}

export async function structureDocument(db: Db, id: string): Promise<StructureDocument | null> {
  const [row] = await db.rows<{ doc: StructureDocument | null }>(sql`/* structure-document */
    SELECT repere_structure_document(${id}::uuid) AS doc`);
  return row?.doc ?? null;
}

const stripNulls = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));

/** A stored document as moderator input (NULL means absent; the verification date is kept apart). */
export function documentToInput(doc: StructureDocument): ModeratorStructureInput {
  const { lastVerifiedAt: _verified, ...rest } = doc;
  const input = stripNulls(rest);
  if (input.address) input.address = stripNulls(input.address as Record<string, unknown>);
  if (input.professionalContact) {
    input.professionalContact = stripNulls(input.professionalContact as Record<string, unknown>);
  }
  if (Array.isArray(input.notices)) {
    input.notices = (input.notices as Record<string, unknown>[]).map((n) => stripNulls(n));
  }
  return input as ModeratorStructureInput;
}

/** Applies changes: `null` clears a field; the address merges field by field. */
export function applyPatch(current: ModeratorStructureInput, patch: StructurePatch): ModeratorStructureInput {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'address' && value) {
      next.address = stripNulls({ ...(current.address as object), ...(value as object) });
    } else if (value === null) {
      delete next[key];
    } else {
      next[key] = value;
    }
  }
  return next as ModeratorStructureInput;
}

/**
 * Validates a whole input without writing it: fields, opening hours, postal code and department,
 * and the coordinates against the department unless `location` is false (a contributor who may
 * not see them: the check's answer would tell where the structure is).
 */
export async function checkInput(db: Db, input: ModeratorStructureInput, options: { location?: boolean } = {}) {
  const parsed = structureInput.omit({ location: true }).safeParse(input);
  if (!parsed.success) {
    throw invalidInput(parsed.error.issues);
  }
  if (parsed.data.openingHours) {
    checkOpeningHours(parsed.data.openingHours, 'openingHours');
  }
  const place = await resolvePlace(db, input.address, input.departmentCode);
  if (input.location && options.location !== false) await assertInDepartment(db, place.departmentCode, input.location);
  return place;
}

/** Coordinates must lie in the department (3 km tolerance for the outline's precision). */
async function assertInDepartment(db: Db, departmentCode: string, location: { lat: number; lon: number }) {
  const check = await outsideDepartment(db, departmentCode, location);
  if (check.outside) {
    const km = check.distanceKm.toFixed(1);
    throw badInput(
      `location: ${location.lat}, ${location.lon} is ${km} km outside department ${departmentCode}` +
        ' (at sea, or in another department?): check the coordinates.',
      {
        key: 'outside',
        params: { field: 'location', lat: location.lat, lon: location.lon, km: Number(km), department: departmentCode },
      },
    );
  }
}

/** Checks the place, fills the commune and the location (geocoder), validates the whole. */
async function complete(db: Db, input: ModeratorStructureInput, editor: Editor): Promise<StructureValues> {
  const geocoder = editor.geocoder;
  const place = await checkInput(db, input, { location: !editor.confirmLocation });
  let location = input.location;
  if (!location) {
    const street = input.address.street;
    if (!geocoder || !street) {
      throw geocoder
        ? badInput('location: give coordinates, or a street for the geocoder.', {
            key: 'giveLocation',
            params: { field: 'location' },
          })
        : badInput('location: give coordinates (no geocoder is configured).', {
            key: 'giveCoordinates',
            params: { field: 'location' },
          });
    }
    const found = await geocoder.geocode({
      street,
      postalCode: input.address.postalCode,
      city: input.address.city,
      inseeCode: place.inseeCode,
    });
    if (!found) {
      throw badInput('location: the address was not found; give coordinates.', {
        key: 'addressNotFound',
        params: { field: 'location' },
      });
    }
    location = { lat: found.lat, lon: found.lon };
    await assertInDepartment(db, place.departmentCode, location);
  }
  return structureInput.parse({
    ...input,
    departmentCode: place.departmentCode,
    address: { ...input.address, inseeCode: place.inseeCode },
    location,
  });
}

/** A new structure, verified now by whoever creates it (revision 1). */
export async function createStructure(
  db: Db,
  input: ModeratorStructureInput,
  editor: Editor,
  source: Source,
): Promise<string> {
  const values = await complete(db, input, editor);
  values.lastVerifiedAt = new Date();
  const [id] = await insertStructures(db, [values], { ...source, actorId: editor.actorId });
  return id as string;
}

export interface Change {
  /** The next input from the current one. */
  next: (current: ModeratorStructureInput) => ModeratorStructureInput;
  /** Sets lastVerifiedAt to now (else it is kept). */
  verify?: boolean;
}

/** Changes one structure under its row lock; returns the revision number now current. */
export async function changeStructure(
  db: Db,
  id: string,
  change: Change,
  editor: Editor,
  source: Source,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.rows(
      sql`/* structure-lock */ SELECT id FROM structures WHERE id = ${id}::uuid FOR UPDATE`,
    );
    if (!locked) throw notFound('structure');
    const before = (await structureDocument(tx, id)) as StructureDocument;
    const values = await complete(tx, change.next(documentToInput(before)), editor);
    const verified = before.lastVerifiedAt ? new Date(before.lastVerifiedAt) : undefined;
    values.lastVerifiedAt = change.verify ? new Date() : verified;
    await replaceStructure(tx, id, values);
    const after = (await structureDocument(tx, id)) as StructureDocument;
    const [current] = await tx.rows<{ n: number }>(sql`/* revision-current */
      SELECT coalesce(max(number), 0)::int AS n FROM revisions WHERE structure_id = ${id}::uuid`);
    if (JSON.stringify(before) === JSON.stringify(after)) return current?.n ?? 0;
    const number = (current?.n ?? 0) + 1;
    await tx.rows(sql`/* revision-insert */
      INSERT INTO revisions (structure_id, number, action, actor_id, submission_id, before, after)
      VALUES (${id}::uuid, ${number}, ${source.action}::revision_action, ${editor.actorId}::uuid,
        ${source.submissionId ?? null}::uuid, ${JSON.stringify(before)}::text::jsonb, ${JSON.stringify(after)}::text::jsonb)`);
    return number;
  });
}
