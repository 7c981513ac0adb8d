// A start skips `migrate` only when this very build migrated the embedded database last; any
// other fingerprint, or none (running from the sources), runs the full migrate again.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrate, migrationsFolder } from '../../api/src/db/migrate.ts';
import { migratedBy, migrateFingerprint, stampMigrated } from '../../api/src/db/migrate-stamp.ts';
import { prepareEmbedded } from '../../api/src/db/open.ts';
import { createLogger } from '../../api/src/log.ts';
import { testApi } from '../support/api.ts';

const buildA = 'a'.repeat(64);
const buildB = 'b'.repeat(64);

describe('the migrate stamp', () => {
  it('is one per build and per migration set, and none from the sources', () => {
    const a = migrateFingerprint(migrationsFolder, buildA);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(migrateFingerprint(migrationsFolder, buildA)).toBe(a);
    expect(migrateFingerprint(migrationsFolder, buildB)).not.toBe(a);
    // Tests run the sources through tsx: no build digest, so never a skip.
    expect(migrateFingerprint(migrationsFolder)).toBeNull();
  });

  it.skipIf(process.env.DATABASE_URL)('skips migrate for the build that made it, migrates for any other', async () => {
    const { db } = await testApi();
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(line) });
    const prepare = async (fingerprint: string | null) => {
      lines.length = 0;
      await prepareEmbedded(db, { SEED_DEMO: false }, log, { fromImage: false, started: Date.now(), fingerprint });
      return lines.map((line) => JSON.parse(line).msg as string);
    };
    // The outlines' stamp stands for what a migrate redoes: a full one puts it back.
    const outlinesStamp = async () =>
      (
        await db.rows<{ stamp: string }>(
          sql`SELECT obj_description('department_shapes'::regclass, 'pg_class') AS stamp`,
        )
      )[0]?.stamp;
    const original = await outlinesStamp();
    expect(original).toMatch(/input sha256/);
    try {
      const a = migrateFingerprint(migrationsFolder, buildA);
      const b = migrateFingerprint(migrationsFolder, buildB);
      await migrate(db, a);
      expect(await migratedBy(db)).toBe(a);
      await db.exec(`COMMENT ON TABLE department_shapes IS 'changed since'`);

      expect(await prepare(a)).toEqual(['database migrated by this build already: migrate skipped']);
      expect(await outlinesStamp()).toBe('changed since');

      expect(await prepare(b)).toEqual(['database migrated']);
      expect(await outlinesStamp()).toBe(original);
      expect(await migratedBy(db)).toBe(b);

      // From the sources (no fingerprint) it always migrates, and leaves no stamp.
      expect(await prepare(null)).toEqual(['database migrated']);
      expect(await migratedBy(db)).toBeNull();
    } finally {
      await stampMigrated(db, null);
    }
  });
});
