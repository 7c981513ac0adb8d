// Checks on a correction whose author may not see every stored value it touches. Every message
// here is built from what the author sent, never from the listing: the checks that need stored
// values run for moderators instead (problemsOf), where the whole listing is theirs to see.
import type { StructurePatch } from '@repere/shared/curation';
import type { Db } from '../../db/client.ts';
import { assertDepartment } from '../geography/store.ts';
import { resolvePlace } from '../places/resolve.ts';
import { applyPatch, checkInput, documentToInput, type StructureDocument } from '../structures/editing.ts';
import { checkOpeningHours } from '../structures/opening-hours.ts';

/** The changes on their own: hours that parse, a department and postal code that exist and agree. */
export async function checkPatch(db: Db, patch: StructurePatch): Promise<void> {
  if (patch.openingHours) {
    checkOpeningHours(patch.openingHours, 'changes.openingHours');
  }
  if (patch.departmentCode) await assertDepartment(db, patch.departmentCode);
  const postalCode = patch.address?.postalCode;
  if (postalCode) {
    await resolvePlace(
      db,
      { postalCode, inseeCode: patch.address?.inseeCode },
      patch.departmentCode,
      'changes.address',
    );
  }
}

/** What the listing as it would become fails (moderators: the messages may hold any stored value). */
export async function problemsOf(db: Db, patch: StructurePatch, current: StructureDocument | null): Promise<string[]> {
  if (!current) return [];
  try {
    await checkInput(db, applyPatch(documentToInput(current), patch));
    return [];
  } catch (error) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    if (code === 'BAD_USER_INPUT') return [(error as Error).message];
    throw error;
  }
}
