// The back office (admin/dist, built by `pnpm build`) at /admin: hashed assets cached for a year,
// index.html never cached, and index.html for any other path under /admin (client-side routes).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { repoRoot } from '../paths.ts';
import { sendError } from './graphql.ts';
import { contentTypes, createFileCache, immutable, type StaticFile, sendFile, strictPolicy } from './static-files.ts';

const malformed = { key: 'malformedPath', params: {} } as const;

const defaultDist = join(repoRoot, 'admin', 'dist');

// Images: also the map tiles' host, read from the built index.html (<meta name="repere-tiles">,
// written from VITE_TILE_URL at build time).
const policy = (tileHost: string | null) => strictPolicy(tileHost ? [tileHost] : []);

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

export function createAdminStatic(dist = defaultDist) {
  const load = createFileCache(dist);

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    file: StaticFile,
    type: string,
    cacheControl: string,
    index: StaticFile,
  ) => sendFile(req, res, file, { type, cacheControl, csp: policyFor(index.body) });

  return async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'BAD_REQUEST', 'Use GET on /admin.', {
        key: 'methodNotAllowed',
        params: { allowed: ['GET'] },
      });
    }
    const index = await load('index.html');
    if (!index) {
      return sendError(res, 404, 'NOT_FOUND', 'The back office is not built: run pnpm build.', {
        key: 'backOfficeNotBuilt',
        params: {},
      });
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice('/admin'.length));
    } catch {
      return sendError(res, 400, 'BAD_REQUEST', 'Malformed path.', malformed);
    }
    if (relative.includes('\0')) return sendError(res, 400, 'BAD_REQUEST', 'Malformed path.', malformed);
    const ext = extname(relative);
    const file = relative === '' || relative === '/' ? null : await load(relative);
    if (file && ext !== '.html') {
      return send(
        req,
        res,
        file,
        contentTypes[ext] ?? 'application/octet-stream',
        relative.startsWith('/assets/') ? immutable : 'no-cache',
        index,
      );
    }
    // A missing asset is a 404, not the page: a script answered with HTML only hides the error.
    if (ext && ext !== '.html')
      return sendError(res, 404, 'NOT_FOUND', 'Not found.', { key: 'noSuchPath', params: {} });
    return send(req, res, index, contentTypes['.html']!, 'no-store', index);
  };
}
