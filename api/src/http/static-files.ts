// Built front ends (admin/dist, explorer/dist) served from memory: each file read once (again
// when it changes on disk), gzipped once, and sent with the strict headers every page gets.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const contentTypes: Record<string, string> = {
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
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.map', '.svg', '.txt', '.ttf']);

/**
 * Self only: no inline script, no eval, nothing from another origin. Styles inline: MUI
 * (emotion) and Monaco write their styles into <style> tags at run time. `imgSources` adds
 * image hosts (the back office's map tiles).
 */
export function strictPolicy(imgSources: string[] = []): string {
  return (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
    `img-src ${["'self'", 'data:', ...imgSources].join(' ')}; ` +
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
  );
}

const securityHeaders: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

export interface StaticFile {
  mtimeMs: number;
  body: Buffer;
  gzip: Buffer | null;
}

/** The file under `dist` for a relative URL path, or null (missing, a folder, or outside dist). */
export function createFileCache(dist: string) {
  const cache = new Map<string, StaticFile>();
  return async function load(relative: string): Promise<StaticFile | null> {
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
  };
}

export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: StaticFile,
  headers: { type: string; cacheControl: string; csp: string; vary?: string },
) {
  res.statusCode = 200;
  res.setHeader('Content-Security-Policy', headers.csp);
  for (const [name, value] of securityHeaders) res.setHeader(name, value);
  res.setHeader('Content-Type', headers.type);
  res.setHeader('Cache-Control', headers.cacheControl);
  res.setHeader('Vary', headers.vary ?? 'Accept-Encoding');
  const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  const body = gzip && file.gzip ? file.gzip : file.body;
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Vite names what it builds under assets/ by content hash: such a URL never changes content. */
export const immutable = 'public, max-age=31536000, immutable';
