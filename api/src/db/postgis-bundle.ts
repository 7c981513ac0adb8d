// PostGIS for PGlite, loaded from an unpacked copy of its bundle rather than from the bundle.
// PGlite unpacks an extension's bundle at each open: gunzip, then a Blob of the whole tar (Node's
// Blob copies it chunk by chunk, twice), then a copy per entry: over a second of CPU per open for
// PostGIS's 50 MB. Its bundle also carries raster, topology and the TIGER geocoder (two more
// 15 MB WebAssembly libraries) and the legacy non-extension scripts, none of which we create.
// So the files we use are unpacked once per PostGIS package version (and filter) under
// node_modules/.cache, byte for byte, and each open reads them into PGlite's in-memory file
// system itself, preloading the WebAssembly library as PGlite's own loader does (Emscripten's
// preload plugin compiles and links it before PostgreSQL starts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { cacheDir } from '../paths.ts';

// The add-on extensions, the scripts for installs made without CREATE EXTENSION (contrib/,
// --unpackaged--: never the case in PGlite).
const unused =
  /(^|\/)(postgis_raster|postgis_topology|postgis_tiger_geocoder)[-_.]|^share\/postgresql\/contrib\/|--unpackaged--/;

/** The files of a ustar archive that we use, by path (directories are made for them). */
function* usedEntries(tar: Buffer): Generator<{ name: string; data: Buffer }> {
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, end: number) =>
      header
        .subarray(start, end)
        .toString('latin1')
        .replace(/\0[\s\S]*$/, '');
    const prefix = field(345, 500);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = Number.parseInt(field(124, 136).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    // Pax and GNU long-name records describe the next entry: the bundle has none, and skipping
    // one would misname the rest.
    if ('xgLK'.includes(type)) throw new Error(`unexpected tar record in ${name}`);
    const start = offset + 512;
    offset = start + Math.ceil(size / 512) * 512;
    if (unused.test(name) || name.split('/').includes('..')) continue;
    if (type === '0' || type === '\0') yield { name, data: tar.subarray(start, start + size) };
    // The upgrade scripts from older versions are links to a script of comments only: PGlite's
    // own loader writes each as an empty file, and so do we.
    else if (type === '1' || type === '2') yield { name, data: Buffer.alloc(0) };
  }
}

/** The unpacked copy of `bundle` (the package's tar.gz), made on first use. */
function unpacked(bundle: string): string {
  const pkg = join(dirname(bundle), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  // Named by the filter too, so that changing it makes a new copy.
  const filter = createHash('sha256').update(unused.source).digest('hex').slice(0, 8);
  const target = join(cacheDir, `postgis-${version}-files-${filter}`);
  if (existsSync(target)) return target;
  // Made aside then renamed: parallel openers (test workers) never read half a copy.
  const partial = `${target}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  for (const { name, data } of usedEntries(gunzipSync(readFileSync(bundle)))) {
    mkdirSync(dirname(join(partial, name)), { recursive: true });
    writeFileSync(join(partial, name), data);
  }
  try {
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  }
  return target;
}

/** Paths of the files under `root`, relative with '/' (as in PGlite's file system), sorted. */
function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(root, path) : [path];
    });
}

// The part of Emscripten's module we use (PGlite's own extension loader uses the same).
interface EmscriptenModule {
  WASM_PREFIX: string;
  FS: {
    mkdirTree(path: string): void;
    writeFile(path: string, data: Uint8Array, options?: { canOwn?: boolean }): void;
    createPreloadedFile(
      parent: string,
      name: string,
      data: Uint8Array,
      canRead: boolean,
      canWrite: boolean,
      onload?: () => void,
      onerror?: () => void,
      dontCreateFile?: boolean,
      canOwn?: boolean,
    ): void;
  };
}

/** PostGIS as PGlite loads it, from the unpacked copy. */
export const slimPostgis: Extension = {
  name: postgis.name,
  async setup(pg, emscriptenOpts) {
    const { bundlePath, ...setup } = await postgis.setup(pg, emscriptenOpts);
    if (!bundlePath) return setup;
    const root = unpacked(fileURLToPath(bundlePath));
    const opts = setup.emscriptenOpts ?? emscriptenOpts;
    // Before PostgreSQL runs: each preloaded library is a run dependency that Emscripten waits for.
    const load = (mod: EmscriptenModule) => {
      for (const file of filesUnder(root)) {
        const path = `${mod.WASM_PREFIX}/${file}`;
        const parent = dirname(path);
        mod.FS.mkdirTree(parent);
        // Read for this open only, so PGlite's file system may own the buffer (no copy).
        const data = readFileSync(join(root, file));
        if (file.endsWith('.so')) {
          const name = path.slice(parent.length + 1);
          mod.FS.createPreloadedFile(parent, name, data, true, true, undefined, undefined, false, true);
        } else {
          mod.FS.writeFile(path, data, { canOwn: true });
        }
      }
    };
    return { ...setup, emscriptenOpts: { ...opts, preRun: [...(opts.preRun ?? []), load] } };
  },
};
