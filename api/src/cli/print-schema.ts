// `pnpm schema:print`: writes the public contract, schema.graphql, from the code.
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../schema.ts';

export const schemaFile = new URL('../../../schema.graphql', import.meta.url);

/** The SDL as committed (printed with the API's own graphql module). */
export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(schemaFile, printedSchema());
  console.log(`Wrote ${schemaFile.pathname}`);
}
