// `pnpm start` runs the API as one bundled JavaScript file (api/dist/server.mjs, esbuild): loading
// the TypeScript sources through tsx costs seconds of every start (thousands of modules, each
// through tsx's loader). The bundle is rebuilt only when a source changed: a hash of the sources
// and of the lockfile is kept beside it. Tests and the CLI still run the sources through tsx.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const apiDir = new URL('.', import.meta.url).pathname;
const root = join(apiDir, '..');
const out = join(apiDir, 'dist', 'server.mjs');
const stamp = join(apiDir, 'dist', '.source-hash');

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

const hash = createHash('sha256');
for (const file of [
  'api/src',
  'api/package.json',
  'api/build-if-changed.mjs',
  'shared/src',
  'shared/package.json',
  'drizzle/schema',
  'drizzle/seed',
  'drizzle/package.json',
  'pnpm-lock.yaml',
]
  .map((p) => join(root, p))
  .flatMap(files)) {
  hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}
const digest = hash.digest('hex');

if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  console.log('API: up to date (api/dist)');
} else {
  const started = Date.now();
  // Loaded only to build: importing esbuild costs a tenth of a second of every start.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(apiDir, 'src', 'server.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Loaded from their own folders: PGlite's WebAssembly and data files sit beside its code,
    // argon2 is a native addon.
    external: ['@electric-sql/pglite', '@electric-sql/pglite/*', '@electric-sql/pglite-postgis', '@node-rs/argon2'],
    // CommonJS dependencies inside an ES module still call require() and name __dirname.
    banner: {
      js: [
        "import { createRequire as __bundleRequire } from 'node:module';",
        "import { fileURLToPath as __bundlePath } from 'node:url';",
        'const require = __bundleRequire(import.meta.url);',
        'const __filename = __bundlePath(import.meta.url);',
        "const __dirname = __bundlePath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    // What this bundle was built from: a restart skips the migrate that this very build already
    // ran (api/src/db/migrate-stamp.ts).
    define: { __REPERE_BUILD_DIGEST__: JSON.stringify(digest) },
    logLevel: 'warning',
    legalComments: 'none',
  });
  writeFileSync(stamp, digest);
  console.log(`API: bundled in ${((Date.now() - started) / 1000).toFixed(1)} s (api/dist/server.mjs)`);
}
