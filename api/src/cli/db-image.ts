import { imageDir, makeImage } from '../db/image.ts';

/** `db image`: the migrated embedded database that a new PGLITE_DIR is copied from (`pnpm install` makes it). */
export async function dbImage(): Promise<void> {
  const started = Date.now();
  const made = await makeImage();
  console.log(
    made
      ? `Database image made in ${((Date.now() - started) / 1000).toFixed(1)} s (${imageDir}).`
      : `Database image up to date (${imageDir}).`,
  );
}
