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
// Images: the app's own, data: URLs (Leaflet's CSS), and the map tiles' host, read from the
// built index.html (<meta name="repere-tiles">, written from VITE_TILE_URL at build time).
const policy = (tileHost: string | null) =>
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  `img-src 'self' data:${tileHost ? ` ${tileHost}` : ''}; ` +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * The scheme and host of a tile URL template as a CSP source: `{s}` subdomains become `*`;
 * anything else unexpected in the host gives no source at all (tiles blocked, nothing opened).
 */
export function tileSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)\//.exec(template);
  if (!match) return null;
  const host = match[2]!.replace(/^\{[a-z]\}\./, '*.');
  return /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(host) ? `${match[1]}://${host}` : null;
}

const tileMeta = /<meta name="repere-tiles" content="([^"]*)"/;
const policies = new WeakMap<Buffer, string>();

/** The policy for the app as built (its index.html says where its tiles come from). */
function policyFor(index: Buffer): string {
  let csp = policies.get(index);
  if (!csp) {
    const template = tileMeta.exec(index.toString('utf8'))?.[1]?.replaceAll('&amp;', '&');
    csp = policy(template ? tileSource(template) : null);
    policies.set(index, csp);
  }
  return csp;
}

const securityHeaders: [string, string][] = [
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

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    file: Cached,
    type: string,
    cacheControl: string,
    index: Cached,
  ) {
    res.statusCode = 200;
    res.setHeader('Content-Security-Policy', policyFor(index.body));
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
        index,
      );
    }
    // A missing asset is a 404, not the page: a script answered with HTML only hides the error.
    if (ext && ext !== '.html') return sendError(res, 404, 'NOT_FOUND', 'Not found.');
    return send(req, res, index, types['.html']!, 'no-store', index);
  };
}
