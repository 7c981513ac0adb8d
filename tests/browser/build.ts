// The browser tests drive the built app as the API serves it. It is built here when admin/dist
// is missing or older than the app's sources: by the global setup before any worker starts
// (so two files never build at once), and checked again by each browser file (then a no-op).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const adminDir = new URL('../../admin/', import.meta.url).pathname;

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function ensureAdminBuilt(): void {
  const index = join(adminDir, 'dist', 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', '../shared/src'].map((p) =>
    join(adminDir, p),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newest))) return;
  const started = Date.now();
  try {
    // Vitest runs with NODE_ENV=test, which Vite would carry into a development build of React.
    const env = { ...process.env, NODE_ENV: 'production' };
    execFileSync('pnpm', ['--filter', '@repere/admin', 'build'], { cwd: join(adminDir, '..'), stdio: 'pipe', env });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`building the back office failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
  console.log(`[browser] built admin/dist in ${Date.now() - started} ms`);
}
