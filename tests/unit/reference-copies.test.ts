// The import validates with the API's copy of the data·inclusion schemas (api/reference); the
// tests with the standard's (tests/reference). Both are the standard's files, unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (dir: string, name: string) =>
  readFileSync(new URL(`../../${dir}/data-inclusion-v1/${name}`, import.meta.url));

describe('data·inclusion schemas', () => {
  for (const name of ['structure.json', 'service.json', 'LICENSE.md']) {
    it(`api/reference/${name} is the reference file`, () => {
      expect(read('api/reference', name).equals(read('tests/reference', name))).toBe(true);
    });
  }
});
