// Fictional structures for tests. Each test file seeds its own.

import type { Db } from '../../api/src/db/client.ts';
import { insertStructures } from '../../api/src/modules/structures/writes.ts';
import type { StructureInput } from '../../shared/src/inputs.ts';
import { structureInput } from '../../shared/src/inputs.ts';

export function fixture(overrides: Partial<StructureInput> & { name: string }): StructureInput {
  return {
    kind: 'ASSOCIATION',
    visibility: 'PUBLIC',
    status: 'ONLINE',
    services: ['LISTENING_SUPPORT'],
    address: { street: '1 rue des Essais', postalCode: '80000', city: 'Amiens' },
    departmentCode: '80',
    location: { lat: 49.894, lon: 2.296 },
    openingHours: '24/7',
    ...overrides,
  };
}

/**
 * A RESTRICTED listing at Dury (80): anonymous callers and partners see its town and an
 * approximate point; its street, postal code and exact point are for professionals.
 */
export function restrictedFixture(name: string, overrides: Partial<StructureInput> = {}): StructureInput {
  return fixture({
    name,
    visibility: 'RESTRICTED',
    address: { street: '12 rue Réservée', postalCode: '80480', city: 'Dury' },
    location: { lat: 49.8471, lon: 2.2683 },
    ...overrides,
  });
}

/** Inserts fixtures and returns their GraphQL ids, in order. */
export async function seed(db: Db, inputs: StructureInput[]): Promise<string[]> {
  const ids = await insertStructures(
    db,
    inputs.map((i) => structureInput.parse(i)),
  );
  return ids.map((id) => Buffer.from(`Structure:${id}`).toString('base64'));
}
