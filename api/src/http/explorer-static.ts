// The GraphQL explorer (explorer/dist, built by `pnpm build`): its page answers a browser's
// GET /graphql, its files are under /explorer/assets/. Same strict policy as the back office.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { repoRoot } from '../paths.ts';
import { sendError } from './graphql.ts';
import { contentTypes, createFileCache, immutable, sendFile, strictPolicy } from './static-files.ts';

// From the workspace root: the same from the sources and from the bundle (api/dist).
const defaultDist = join(repoRoot, 'explorer', 'dist');
const csp = strictPolicy();

/** The q value given to a media type by an Accept header (0 when not named). */
function quality(accept: string, type: string): number {
  for (const part of accept.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name !== type) continue;
    const q = params.find((p) => p.startsWith('q='));
    return q ? Number(q.slice(2)) || 0 : 1;
  }
  return 0;
}

/**
 * A browser opening /graphql: a GET with no query whose Accept names HTML before JSON. A GET
 * with `query` is always an operation, so cached operation URLs never turn into a page.
 */
export function wantsExplorer(req: IncomingMessage, url: URL): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || url.searchParams.has('query')) return false;
  const accept = String(req.headers.accept ?? '');
  const html = quality(accept, 'text/html');
  return (
    html > 0 &&
    html >= quality(accept, 'application/json') &&
    html >= quality(accept, 'application/graphql-response+json')
  );
}

export function createExplorerStatic(dist = defaultDist) {
  const load = createFileCache(dist);
  return {
    /** The page, never cached (it names the current build's assets); it depends on Accept. */
    async page(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const index = await load('index.html');
      if (!index)
        return sendError(res, 404, 'NOT_FOUND', 'The explorer is not built: run pnpm build.', {
          key: 'explorerNotBuilt',
          params: {},
        });
      const type = contentTypes['.html']!;
      sendFile(req, res, index, { type, cacheControl: 'no-store', csp, vary: 'Accept, Accept-Encoding' });
    },
    /** /explorer/assets/…: hashed files, cached for a year. */
    async asset(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return sendError(res, 405, 'BAD_REQUEST', 'Use GET on /explorer.', {
          key: 'methodNotAllowed',
          params: { allowed: ['GET'] },
        });
      }
      let relative: string;
      try {
        relative = decodeURIComponent(pathname.slice('/explorer'.length));
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'Malformed path.', { key: 'malformedPath', params: {} });
      }
      const ext = extname(relative);
      const file =
        relative.startsWith('/assets/') && !relative.includes('\0') && ext !== '.html' ? await load(relative) : null;
      if (!file)
        return sendError(res, 404, 'NOT_FOUND', 'Not found. The explorer is at /graphql.', {
          key: 'noSuchPath',
          params: {},
        });
      sendFile(req, res, file, { type: contentTypes[ext] ?? 'application/octet-stream', cacheControl: immutable, csp });
    },
  };
}
