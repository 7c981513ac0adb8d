// `pnpm start` builds the back office only when its sources changed: a hash of every source file
// (and of the build-time settings) is kept beside the build, so a restart skips the 5–20 s build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const adminDir = new URL('.', import.meta.url).pathname;
const stamp = join(adminDir, 'dist', '.source-hash');

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

const hash = createHash('sha256');
for (const file of ['src', 'index.html', 'vite.config.ts', 'package.json', '../shared/src', '../pnpm-lock.yaml']
  .map((p) => join(adminDir, p))
  .flatMap(files)) {
  hash.update(relative(adminDir, file)).update('\0').update(readFileSync(file)).update('\0');
}
for (const name of ['VITE_TILE_URL', 'VITE_TILE_ATTRIBUTION']) hash.update(`${name}=${process.env[name] ?? ''}\0`);
const digest = hash.digest('hex');

if (existsSync(join(adminDir, 'dist', 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  console.log('back office: up to date (admin/dist)');
} else {
  const started = Date.now();
  execFileSync('pnpm', ['--filter', '@repere/admin', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  writeFileSync(stamp, digest);
  console.log(`back office: built in ${((Date.now() - started) / 1000).toFixed(1)} s (admin/dist)`);
}
