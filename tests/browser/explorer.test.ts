// The GraphQL explorer at /graphql in chromium: GraphiQL built into explorer/dist and served by
// the API, offline. The README's example queries are its tabs; running one shows the result;
// every request the page and its workers make goes to the test server, and the strict CSP
// reports nothing. Beside it, /graphql's content negotiation over plain HTTP.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { readmeExamples } from '../../explorer/readme-examples.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { ensureExplorerBuilt } from './build.ts';
import { type Browser, collectErrors, launch } from './chromium.ts';
import { artifacts } from './pages.ts';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const examples = readmeExamples(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'));

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ensureExplorerBuilt();
  api = await testApi();
  await resetData(api.db);
  await seed(api.db, [fixture({ name: 'Écoute Explorateur Amiens', location: { lat: 49.89, lon: 2.3 } })]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Every request of the context (pages and their workers), and CSP violations the page reports. */
async function watch(
  page: Page,
): Promise<{ requests: string[]; outside: string[]; violations: () => Promise<string[]> }> {
  const host = new URL(api.url).host;
  const requests: string[] = [];
  const outside: string[] = [];
  // Anything bound elsewhere is refused before it leaves, and recorded.
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).host === host) return route.continue();
    outside.push(url);
    return route.abort();
  });
  browser.context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    requests.push(url);
    if (new URL(url).host !== host && !outside.includes(url)) outside.push(url);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    requests,
    outside,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

describe('the explorer in a browser', () => {
  it('opens with the README’s examples as tabs, runs one, and stays on this machine', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning' || /Content Security Policy/i.test(msg.text())) warnings.push(msg.text());
    });
    const { requests, outside, violations } = await watch(page);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(JSON.parse(request.postData() ?? '{}').operationName);
    });
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-explorer-${Date.now()}.png` }).catch(() => undefined);
      console.log({ errors, warnings, outside, requests });
    });

    await page.goto(`${api.url}/graphql`);
    const tabs = page.getByRole('tab');
    await expect.poll(() => tabs.count()).toBe(examples.length);
    expect(examples.map((e) => e.query.split('\n')[1])).toEqual([
      'query NearestHelpAroundAmiens {',
      'query FullTextSearch {',
      'query NearAPlace {',
      'query HelplinesWithOpenNow {',
    ]);
    for (const [i, name] of [
      'NearestHelpAroundAmiens',
      'FullTextSearch',
      'NearAPlace',
      'HelplinesWithOpenNow',
    ].entries()) {
      await expect.poll(() => tabs.nth(i).textContent()).toContain(name);
    }
    // The schema comes with the page (schema.graphql): the docs open with no introspection.
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.getByText('Root Types').waitFor();
    // Monaco's workers (editor, GraphQL language service) run from this build.
    await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(2);

    // The first tab (the nearest help around Amiens), run with the toolbar's button.
    const answered = page.waitForResponse(
      (res) =>
        res.url() === `${api.url}/graphql` &&
        res.request().method() === 'POST' &&
        res.request().postData()?.includes('NearestHelpAroundAmiens') === true,
    );
    await page.getByRole('button', { name: /^Execute query/ }).click();
    const body = await (await answered).json();
    expect(body.errors).toBeUndefined();
    expect(body.data.structures.totalCount).toBe(1);
    const response = page.locator('.graphiql-response');
    // Monaco lays text out with no-break spaces.
    await expect
      .poll(async () => (await response.textContent())?.replace(/\s+/g, ' '))
      .toContain('"name": "Écoute Explorateur Amiens"');
    await page.screenshot({ path: `${artifacts}explorer.png` });

    // One operation sent: the one run (no introspection).
    expect(posts).toEqual(['NearestHelpAroundAmiens']);
    expect(outside).toEqual([]);
    expect(requests.some((url) => /\/explorer\/assets\/graphql\.worker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(requests.every((url) => new URL(url).host === new URL(api.url).host)).toBe(true);
    expect(await violations()).toEqual([]);
    expect(warnings.filter((w) => /Content Security Policy|web worker/i.test(w))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('GET /graphql: a page for browsers, JSON for everyone else', () => {
  it('answers a browser with the explorer, under the strict policy, never cached', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: browserAccept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('vary')).toContain('Accept');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    const html = await res.text();
    expect(html).toContain('/explorer/assets/');
    // Its script, cached for a year.
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const js = await fetch(`${api.url}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    await js.arrayBuffer();
  });

  it('keeps the anonymous cacheable GET of a query, even from a browser', async () => {
    const query = encodeURIComponent('{ structures(first: 1) { totalCount } }');
    const res = await fetch(`${api.url}/graphql?query=${query}`, { headers: { accept: browserAccept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await res.json()).data.structures.totalCount).toBe(1);
  });

  it('gives JSON to clients that do not ask for HTML', async () => {
    for (const accept of [undefined, 'application/json', '*/*', 'application/json, text/html;q=0.5']) {
      const res = await fetch(`${api.url}/graphql`, { headers: accept ? { accept } : {} });
      expect(res.headers.get('content-type')).toMatch(/json/);
      const body = await res.json();
      expect(body.errors?.[0]?.message).toBeTruthy();
    }
    const posted = await api.gql('{ structures(first: 1) { totalCount } }');
    expect(posted.data.structures.totalCount).toBe(1);
  });

  it('serves only built assets under /explorer/', async () => {
    for (const path of [
      '/explorer/assets/missing.js',
      '/explorer/index.html',
      '/explorer/assets/..%2f..%2fpackage.json',
    ]) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status, path).toBe(404);
      await res.arrayBuffer();
    }
  });
});
