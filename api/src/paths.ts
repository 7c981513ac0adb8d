// Files of the repository, found from the workspace root rather than from this file's place, so
// that they resolve the same from the sources (tsx) and from the bundle (`api/dist`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function workspaceRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

export const repoRoot = workspaceRoot(dirname(fileURLToPath(import.meta.url)));

/** Derived files that `pnpm install` may rebuild: the slim PostGIS bundle, the database image. */
export const cacheDir = join(repoRoot, 'node_modules', '.cache', 'repere');
