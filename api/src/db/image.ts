// A new embedded database is copied from an image rather than made: initdb, PostGIS and the
// migrations with the reference geography are most of a first start (tens of seconds on a busy
// machine), the copy about a second. `pnpm install` makes the image (`pnpm repere db image`);
// demo data is not in it but loaded at the first start, so that its verification dates are
// relative to that day. The image is used only while it matches the migrations and the code and
// packages that fill the reference tables; otherwise a new database is made as before.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cacheDir, repoRoot } from '../paths.ts';
import { openDb } from './client.ts';
import { migrate } from './migrate.ts';

export const imageDir = join(cacheDir, 'pglite-image');
const keyFile = `${imageDir}.key`;

// What the image's content depends on. The server migrates the copy at start anyway, so code
// that reruns at each migrate (the audience policy, the outlines) could change without this key;
// what it lists is loaded only once into a new database.
const inputs = [
  'drizzle/migrations',
  'drizzle/seed/scale-data.ts',
  'api/src/db',
  'api/src/modules/places',
  'api/src/modules/assessment',
  'pnpm-lock.yaml',
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** A digest of everything the image's content depends on. */
export function imageKey(): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((p) => files(join(repoRoot, p)))) {
    hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The image's folder when it is current, else null. */
export function currentImage(): string | null {
  if (!existsSync(join(imageDir, 'PG_VERSION')) || !existsSync(keyFile)) return null;
  return readFileSync(keyFile, 'utf8') === imageKey() ? imageDir : null;
}

/** Makes the image unless the current one matches; returns whether it was made. */
export async function makeImage(): Promise<boolean> {
  if (currentImage()) return false;
  const key = imageKey();
  const partial = `${imageDir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const db = await openDb({ pgliteDir: partial });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  rmSync(keyFile, { force: true });
  rmSync(imageDir, { recursive: true, force: true });
  renameSync(partial, imageDir);
  writeFileSync(keyFile, key);
  return true;
}
