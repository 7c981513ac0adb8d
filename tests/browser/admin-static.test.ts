// Serving the built back office (api/src/http/admin-static.ts) over a small stand-in for
// admin/dist: content types, caching, the client-side route fallback, refusals.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminStatic, tileSource } from '../../api/src/http/admin-static.ts';

const html = '<!doctype html><html lang="fr"><script type="module" src="/admin/assets/index-Ab12.js"></script></html>';
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

let root: string;
let dist: string;
const servers: Server[] = [];

async function serve(dir: string): Promise<string> {
  const handle = createAdminStatic(dir);
  const server = createServer((req, res) => void handle(req, res, new URL(req.url ?? '/', 'http://x').pathname));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'repere-dist-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  writeFileSync(join(dist, 'index.html'), html);
  writeFileSync(join(dist, 'assets', 'index-Ab12.js'), script);
  writeFileSync(join(dist, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
});

afterAll(() => {
  for (const server of servers) server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('/admin', () => {
  it('serves the page never cached, with a strict CSP', async () => {
    const url = await serve(dist);
    const res = await fetch(`${url}/admin/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(html);
  });

  it('allows images from the map tiles’ host named by the built page, and nothing else', async () => {
    const tiled = join(root, 'tiled');
    mkdirSync(tiled, { recursive: true });
    const meta = '<meta name="repere-tiles" content="https://tile.openstreetmap.org/{z}/{x}/{y}.png">';
    writeFileSync(join(tiled, 'index.html'), html.replace('<script', `${meta}<script`));
    const url = await serve(tiled);
    const csp = (await fetch(`${url}/admin/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
    expect(csp).toContain("connect-src 'self';");
    // Without the meta tag (the plain page above): no tile host at all.
    const plain = (await fetch(`${await serve(dist)}/admin/`)).headers.get('content-security-policy');
    expect(plain).toContain("img-src 'self' data:;");
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('http://localhost:8080/tiles/{z}/{x}/{y}.png')).toBe('http://localhost:8080');
    expect(tileSource("https://a.org; script-src 'unsafe-inline'/{z}")).toBeNull();
    expect(tileSource('javascript:alert(1)')).toBeNull();
  });

  it('serves hashed assets for a year, gzipped when asked, other files revalidated', async () => {
    const url = await serve(dist);
    const js = await fetch(`${url}/admin/assets/index-Ab12.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(await js.text()).toBe(script);
    const robots = await fetch(`${url}/admin/robots.txt`);
    expect(robots.headers.get('cache-control')).toBe('no-cache');
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('answers the page for client-side routes, and 404 for a missing file', async () => {
    const url = await serve(dist);
    for (const path of ['/admin', '/admin/structures/42/show', '/admin/index.html']) {
      const res = await fetch(`${url}${path}`);
      expect([path, res.status, res.headers.get('cache-control'), await res.text()]).toEqual([
        path,
        200,
        'no-store',
        html,
      ]);
    }
    const missing = await fetch(`${url}/admin/assets/index-Zz99.js`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('never serves a file outside dist, and only GET and HEAD', async () => {
    const url = await serve(dist);
    for (const path of ['/admin/..%2fsecret.txt', '/admin/%2e%2e%2fsecret.txt', '/admin/assets/..%2F..%2Fsecret.txt']) {
      const res = await fetch(`${url}${path}`);
      expect(await res.text(), path).not.toContain('SECRET');
    }
    const post = await fetch(`${url}/admin/`, { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('says how to build when admin/dist is missing', async () => {
    const url = await serve(join(dist, 'nothing-here'));
    const res = await fetch(`${url}/admin/`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.errors[0]).toEqual({
      message: 'The back office is not built: run pnpm build.',
      extensions: { code: 'NOT_FOUND', key: 'backOfficeNotBuilt', params: {} },
    });
  });
});
