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

/** Inserts fixtures and returns their GraphQL ids, in order. */
export async function seed(db: Db, inputs: StructureInput[]): Promise<string[]> {
  const ids = await insertStructures(
    db,
    inputs.map((i) => structureInput.parse(i)),
  );
  return ids.map((id) => Buffer.from(`Structure:${id}`).toString('base64'));
}
