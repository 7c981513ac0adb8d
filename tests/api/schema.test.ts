// schema.graphql is the public contract: it must match what the code serves.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printedSchema, schemaFile } from '../../api/src/cli/print-schema.ts';

it('the committed schema.graphql matches the code (run `pnpm schema:print` after a change)', () => {
  expect(printedSchema()).toBe(readFileSync(schemaFile, 'utf8'));
});

it('keeps the contract names of CONTRACT.md', () => {
  const sdl = printedSchema();
  for (const name of [
    'node(id: ID!): Node',
    'structure(id: ID!): Structure',
    '  structures(\n    after: String\n    filter: StructureFilter\n    first: Int = 20\n    near: GeoPointInput\n',
    '  ): StructureConnection!',
    'helplines: [Helpline!]!',
    'departments: [Department!]!',
    'distanceKm: Float',
    'totalCount: Int!',
    'enum LocationPrecision',
  ]) {
    expect(sdl).toContain(name);
  }
});
