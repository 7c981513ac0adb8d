// `pnpm start` builds the back office (admin/) and the GraphQL explorer (explorer/) only when
// their sources changed: a hash of every source file (and of the build-time settings) is kept
// beside each build, so a restart skips the 5–30 s builds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

const apps = [
  {
    label: 'back office',
    dir: 'admin',
    filter: '@repere/admin',
    sources: ['src', 'index.html', 'vite.config.ts', 'package.json', '../shared/src', '../pnpm-lock.yaml'],
    env: ['VITE_TILE_URL', 'VITE_TILE_ATTRIBUTION'],
  },
  {
    label: 'explorer',
    dir: 'explorer',
    filter: '@repere/explorer',
    // The README and the schema too: its example queries are the explorer's tabs, and the
    // committed schema is the one it shows.
    sources: [
      'src',
      'index.html',
      'vite.config.ts',
      'readme-examples.ts',
      'package.json',
      '../README.md',
      '../schema.graphql',
      '../pnpm-lock.yaml',
    ],
    env: [],
  },
];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

for (const app of apps) {
  const dir = join(root, app.dir);
  const stamp = join(dir, 'dist', '.source-hash');
  const hash = createHash('sha256');
  for (const file of app.sources.map((p) => join(dir, p)).flatMap(files)) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of app.env) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  const digest = hash.digest('hex');

  if (existsSync(join(dir, 'dist', 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    console.log(`${app.label}: up to date (${app.dir}/dist)`);
    continue;
  }
  const started = Date.now();
  execFileSync('pnpm', ['--filter', app.filter, 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  writeFileSync(stamp, digest);
  console.log(`${app.label}: built in ${((Date.now() - started) / 1000).toFixed(1)} s (${app.dir}/dist)`);
}
