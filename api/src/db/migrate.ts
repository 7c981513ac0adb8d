// Migrations (drizzle-kit's generated SQL, the same for both drivers), then the data the
// schema depends on: the audience policy mirror and the reference geography.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { visibilities } from '@repere/shared/enums';
import { audiences, canSee } from '@repere/shared/policy';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { ensureScale } from '../modules/assessment/store.ts';
import { loadCommuneCentres, loadEpciCentres } from '../modules/places/centres.ts';
import { loadDepartmentOutlines } from '../modules/places/outlines.ts';
import { syncFeedDocuments } from '../modules/structures/feed-document.ts';
import { locationFor, rowGroup } from '../modules/structures/registry.ts';
import { repoRoot } from '../paths.ts';
import type { Db } from './client.ts';
import { migrateFingerprint, stampMigrated } from './migrate-stamp.ts';

export const migrationsFolder = join(repoRoot, 'drizzle', 'migrations');

export function expectedMigrationCount(): number {
  return readdirSync(migrationsFolder, { withFileTypes: true }).filter((d) => d.isDirectory()).length;
}

export async function appliedMigrationCount(db: Db): Promise<number> {
  const [row] = await db.rows<{ exists: boolean }>(
    sql`/* migrations-table-exists */ SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists`,
  );
  if (!row?.exists) return 0;
  const [count] = await db.rows<{ n: number }>(
    sql`/* migrations-applied */ SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
  );
  return count?.n ?? 0;
}

/** This build's migrations, by name, in order. */
export function migrationNames(): string[] {
  return readdirSync(migrationsFolder, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The schema only: the generated migrations, without the data `migrate` loads (restores). */
export async function applyMigrations(db: Db): Promise<void> {
  const config = { migrationsFolder };
  // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's type
  const orm = db.drizzle as any;
  const result = db.kind === 'pglite' ? await migratePglite(orm, config) : await migratePostgres(orm, config);
  if (result && 'exitCode' in result) throw new Error(`Migration failed: ${JSON.stringify(result)}`);
}

/**
 * The schema and the data it depends on; stamps the database with `fingerprint` (this build's,
 * see migrate-stamp.ts) once done, cleared first so that an interrupted run leaves none.
 */
export async function migrate(db: Db, fingerprint = migrateFingerprint(migrationsFolder)): Promise<void> {
  await stampMigrated(db, null);
  await applyMigrations(db);
  // The feed's documents first: the policy sync below may rewrite every row, which they record.
  await syncFeedDocuments(db);
  await syncAudiencePolicy(db);
  await loadReferenceGeography(db);
  await loadCommuneCentres(db);
  await loadEpciCentres(db);
  await loadDepartmentOutlines(db);
  await ensureScale(db);
  await stampMigrated(db, fingerprint);
}

/** Rewrites `audience_policy` from the policy table and the field registry; recomputes audience columns on change. */
export async function syncAudiencePolicy(db: Db): Promise<void> {
  const rows = Object.entries(audiences).flatMap(([audience, level]) =>
    visibilities.map((visibility) => {
      const location = locationFor(visibility, level);
      return {
        audience,
        visibility,
        listed: canSee(rowGroup, visibility, level),
        exact_location: location === 'EXACT',
        approximate_location: location === 'APPROXIMATE',
      };
    }),
  );
  await db.transaction(async (tx) => {
    const changed = await tx.rows<{ n: number }>(sql`/* audience-policy-upsert */
      WITH input AS (
        SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::text::json)
          AS x(audience text, visibility visibility, listed boolean, exact_location boolean, approximate_location boolean)
      ), upserted AS (
        INSERT INTO audience_policy (audience, visibility, listed, exact_location, approximate_location)
        SELECT * FROM input
        ON CONFLICT (audience, visibility) DO UPDATE SET
          listed = excluded.listed, exact_location = excluded.exact_location,
          approximate_location = excluded.approximate_location
        WHERE (audience_policy.listed, audience_policy.exact_location, audience_policy.approximate_location)
          IS DISTINCT FROM (excluded.listed, excluded.exact_location, excluded.approximate_location)
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM upserted`);
    if ((changed[0]?.n ?? 0) > 0) {
      await tx.rows(sql`/* audience-recompute-all */ UPDATE structures SET updated_at = updated_at`);
    }
  });
}

interface RegionJson {
  code: string;
  nom: string;
  zone: string;
}
interface DepartmentJson extends RegionJson {
  region: string;
  chefLieu: string;
}
interface CommuneJson {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
}

/** Regions, departments and communes from @etalab/decoupage-administratif, once. */
export async function loadReferenceGeography(db: Db): Promise<void> {
  // EXISTS, not count(*): every start migrates, and counting reads the whole table.
  const [loaded] = await db.rows<{ any: boolean }>(
    sql`/* communes-exist */ SELECT EXISTS (SELECT 1 FROM communes) AS any`,
  );
  if (loaded?.any) return;
  const require = createRequire(import.meta.url);
  const regions = require('@etalab/decoupage-administratif/data/regions.json') as RegionJson[];
  const departments = require('@etalab/decoupage-administratif/data/departements.json') as DepartmentJson[];
  const communes = (require('@etalab/decoupage-administratif/data/communes.json') as CommuneJson[]).filter(
    (c) => c.type === 'commune-actuelle' && c.departement && c.region,
  );
  const postal = communes.flatMap((c) => (c.codesPostaux ?? []).map((p) => ({ p, c: c.code })));
  await db.transaction(async (tx) => {
    await tx.rows(sql`/* regions-load */ INSERT INTO regions (code, name, zone)
      SELECT code, nom, zone FROM json_to_recordset(${JSON.stringify(regions)}::text::json)
        AS x(code text, nom text, zone text)`);
    await tx.rows(sql`/* departments-load */ INSERT INTO departments (code, name, region_code, zone, chef_lieu)
      SELECT code, nom, region, zone, "chefLieu" FROM json_to_recordset(${JSON.stringify(departments)}::text::json)
        AS x(code text, nom text, region text, zone text, "chefLieu" text)`);
    await tx.rows(sql`/* communes-load */ INSERT INTO communes (insee_code, name, department_code, region_code, population)
      SELECT code, nom, departement, region, population FROM json_to_recordset(${JSON.stringify(
        communes.map(({ code, nom, departement, region, population }) => ({
          code,
          nom,
          departement,
          region,
          population,
        })),
      )}::text::json) AS x(code text, nom text, departement text, region text, population int)`);
    await tx.rows(sql`/* postal-codes-load */ INSERT INTO commune_postal_codes (postal_code, insee_code)
      SELECT DISTINCT p, c FROM json_to_recordset(${JSON.stringify(postal)}::text::json) AS x(p text, c text)`);
  });
}
