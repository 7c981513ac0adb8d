// The back office (admin/dist, built by `pnpm build`) at /admin: hashed assets cached for a year,
// index.html never cached, and index.html for any other path under /admin (client-side routes).
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { sendError } from './graphql.ts';

const defaultDist = fileURLToPath(new URL('../../../admin/dist/', import.meta.url));

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.map', '.svg', '.txt']);

// Self only. Styles inline: MUI (emotion) writes its styles into <style> tags at run time.
// Map tiles will add their host to img-src.
const securityHeaders: [string, string][] = [
  [
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  ],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

interface Cached {
  mtimeMs: number;
  body: Buffer;
  gzip: Buffer | null;
}

export function createAdminStatic(dist = defaultDist) {
  const cache = new Map<string, Cached>();

  /** The file under dist for a URL path, or null (missing, a folder, or outside dist). */
  async function load(relative: string): Promise<Cached | null> {
    const file = normalize(join(dist, relative));
    if (!file.startsWith(dist.endsWith(sep) ? dist : dist + sep)) return null;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(file);
    const gzip = compressible.has(extname(file)) && body.length > 1024 ? gzipSync(body) : null;
    const entry = { mtimeMs: info.mtimeMs, body, gzip };
    cache.set(file, entry);
    return entry;
  }

  function send(req: IncomingMessage, res: ServerResponse, file: Cached, type: string, cacheControl: string) {
    res.statusCode = 200;
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Vary', 'Accept-Encoding');
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    const body = gzip && file.gzip ? file.gzip : file.body;
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'BAD_REQUEST', 'Use GET on /admin.');
    }
    const index = await load('index.html');
    if (!index) {
      return sendError(res, 404, 'NOT_FOUND', 'The back office is not built: run pnpm build.');
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice('/admin'.length));
    } catch {
      return sendError(res, 400, 'BAD_REQUEST', 'Malformed path.');
    }
    if (relative.includes('\0')) return sendError(res, 400, 'BAD_REQUEST', 'Malformed path.');
    const ext = extname(relative);
    const file = relative === '' || relative === '/' ? null : await load(relative);
    if (file && ext !== '.html') {
      // Vite names what it builds under assets/ by content hash: such a URL never changes content.
      const immutable = relative.startsWith('/assets/');
      return send(
        req,
        res,
        file,
        types[ext] ?? 'application/octet-stream',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    }
    // A missing asset is a 404, not the page: a script answered with HTML only hides the error.
    if (ext && ext !== '.html') return sendError(res, 404, 'NOT_FOUND', 'Not found.');
    return send(req, res, index, types['.html']!, 'no-store');
  };
}
