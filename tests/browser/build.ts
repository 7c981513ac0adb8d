// The browser tests drive the built apps as the API serves them: the back office (admin/dist)
// and the GraphQL explorer (explorer/dist). Each is built here when missing or older than its
// sources: by the global setup before any worker starts (so two files never build at once),
// and checked again by each browser file (then a no-op).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function ensureBuilt(dir: string, pkg: string, sources: string[]): void {
  const index = join(root, dir, 'dist', 'index.html');
  const latest = Math.max(...sources.map((p) => newest(join(root, dir, p))));
  if (existsSync(index) && statSync(index).mtimeMs >= latest) return;
  const started = Date.now();
  try {
    // Vitest runs with NODE_ENV=test, which Vite would carry into a development build of React.
    const env = { ...process.env, NODE_ENV: 'production' };
    execFileSync('pnpm', ['--filter', pkg, 'build'], { cwd: root, stdio: 'pipe', env });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`building ${dir} failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
  console.log(`[browser] built ${dir}/dist in ${Date.now() - started} ms`);
}

export function ensureAdminBuilt(): void {
  ensureBuilt('admin', '@repere/admin', ['src', 'index.html', 'vite.config.ts', 'package.json', '../shared/src']);
}

export function ensureExplorerBuilt(): void {
  ensureBuilt('explorer', '@repere/explorer', [
    'src',
    'index.html',
    'vite.config.ts',
    'readme-examples.ts',
    'package.json',
    '../README.md',
    '../schema.graphql',
  ]);
}
