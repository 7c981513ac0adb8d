// `pnpm repere import data-inclusion`: the fixture into an empty database lands one submission
// per valid structure record; importing it again lands none; invalid records are printed by file,
// index and field, and skipped.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { embeddedDatabase } from '../support/cli.ts';
import { limit } from '../support/time.ts';

const fixtures = 'tests/fixtures/data-inclusion';
const db = embeddedDatabase('import');
const repere = (args: string[]) => db.repere(args);

const importArgs = [
  'import',
  'data-inclusion',
  '--structures',
  `${fixtures}/structures.json`,
  '--services',
  `${fixtures}/services.json`,
];

async function pending(): Promise<{ kind: string; source: string; n: number }[]> {
  const opened = await openDb({ pgliteDir: db.dataDir });
  try {
    return await opened.rows(sql`SELECT kind::text, source, count(*)::int AS n FROM submissions
      WHERE status = 'PENDING' GROUP BY 1, 2 ORDER BY 1`);
  } finally {
    await opened.close();
  }
}

describe('pnpm repere import data-inclusion', { timeout: limit(300_000) }, () => {
  it('lands one submission per valid record, reports invalid ones by index and field; again: nothing', async () => {
    const first = await repere(importArgs);
    expect(first.stderr).toMatch(/Import \[=+\] 62\/62 structures/);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      '51 new listings and 0 corrections queued for moderation; 0 unchanged; 11 invalid (skipped).',
    );
    expect(first.stdout).toContain('structures[51] siret: must NOT have fewer than 14 characters');
    expect(first.stdout).toContain('structures[54] telephone: not a French phone number');
    expect(first.stdout).toContain('structures[55] code_postal: 00001 is not a French postal code.');
    expect(first.stdout).toContain('services[69] thematiques.0: must be equal to one of the allowed values');
    expect(first.stdout).toContain('services[73] structure_id: no structure with this id');
    expect(await pending()).toEqual([{ kind: 'NEW_STRUCTURE', source: 'partenaire-fictif', n: 51 }]);

    const second = await repere(importArgs);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(
      '0 new listings and 0 corrections queued for moderation; 51 unchanged; 11 invalid (skipped).',
    );
    expect(await pending()).toEqual([{ kind: 'NEW_STRUCTURE', source: 'partenaire-fictif', n: 51 }]);
  });

  it('explains its options, and names a file it cannot read', async () => {
    const usage = await repere(['import', 'data-inclusion', '--structures', 'x.json']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('import takes data-inclusion --structures FILE --services FILE.');
    const missing = await repere(['import', 'data-inclusion', '--structures', 'none.json', '--services', 'none.json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('structures: cannot read none.json (ENOENT).');
  });

  it('names a file that is not JSON without printing its control characters', async () => {
    const file = join(db.dir, 'controls.json');
    writeFileSync(file, '{"nom":\u001b[2J}');
    const res = await repere(['import', 'data-inclusion', '--structures', file, '--services', file]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('structures: not valid JSON (');
    expect(res.stderr).toContain('U+001B');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be printed.
    expect(res.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});
