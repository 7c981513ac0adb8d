// The structures map without internet, in chromium: the department outlines the API serves are
// drawn under the (blocked) tiles, the view opens on mainland France even when a listing is
// overseas, the territory picker reaches the overseas departments, and the legend names every
// colour and shape. Screenshots: map-offline-mainland.png, map-offline-reunion.png.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createAccount } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, blockTiles, checkPage, logIn, newPage } from './pages.ts';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'modo@horsligne.fr', role: 'MODERATOR' });
  const now = new Date();
  await seed(api.db, [
    fixture({ name: 'Écoute Amiens Sud', location: { lat: 49.88, lon: 2.3 }, lastVerifiedAt: now }),
    fixture({
      name: 'Accueil Lyon Essai',
      departmentCode: '69',
      address: { street: '1 rue des Essais', postalCode: '69003', city: 'Lyon' },
      location: { lat: 45.76, lon: 4.85 },
      lastVerifiedAt: now,
    }),
    fixture({
      name: 'Relais Saint-Denis Essai',
      departmentCode: '974',
      address: { street: '1 rue des Essais', postalCode: '97400', city: 'Saint-Denis' },
      location: { lat: -20.88, lon: 55.45 },
      lastVerifiedAt: now,
    }),
  ]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Whether a mark is drawn inside the map's box (Leaflet leaves off-screen ones out or outside). */
async function onScreen(map: Locator, mark: Locator): Promise<boolean> {
  // Leaflet empties a mark outside its renderer's bounds (the path "M0 0").
  if ((await mark.count()) === 0 || (await mark.getAttribute('d')) === 'M0 0') return false;
  const [m, b] = [await map.boundingBox(), await mark.boundingBox()];
  if (!m || !b) return false;
  const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
  return x >= m.x && x <= m.x + m.width && y >= m.y && y <= m.y + m.height;
}

const markNamed = (page: Page, index: number) => page.locator('.repere-map path.repere-marker').nth(index);

describe('the map without internet', () => {
  it('draws the outlines, opens on the mainland, reaches La Réunion, and has a legend', async () => {
    const { page, errors } = await newPage(browser, api.url);
    const { tiles } = await blockTiles(page, errors);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-map-offline-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'modo@horsligne.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/structures?filter=%7B%7D&page=1`);
    await page.getByRole('tab', { name: 'Carte' }).click();
    const region = page.getByRole('region', { name: 'Carte des structures listées' });
    await region.waitFor();
    const map = region.locator('.leaflet-container');
    // 96 mainland departments and 5 overseas ones, under the tiles.
    await expect.poll(() => page.locator('.leaflet-outlines-pane path').count()).toBe(101);
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.repere-map path.repere-marker').count()).toBeGreaterThanOrEqual(2);

    // Mainland: both mainland marks on screen, the overseas one not.
    const marks = page.locator('.repere-map path.repere-marker');
    const visible: boolean[] = [];
    for (let i = 0; i < (await marks.count()); i++) visible.push(await onScreen(map, markNamed(page, i)));
    expect(visible.filter(Boolean)).toHaveLength(2);
    const legend = page.getByRole('figure', { name: 'Légende' });
    for (const text of [
      'Public',
      'Restreinte',
      'Confidentielle',
      'Point : position exacte',
      'Cercle en pointillés',
      'Contours des départements',
    ]) {
      expect(await legend.getByText(text, { exact: false }).count()).toBe(1);
    }
    expect(await checkPage(page, 'map-offline-mainland')).toEqual([]);

    // La Réunion through the picker: its mark comes on screen.
    await page.getByRole('combobox', { name: 'Territoire' }).click();
    await page.getByRole('option', { name: 'La Réunion' }).click();
    await expect
      .poll(async () => {
        const shown: boolean[] = [];
        for (let i = 0; i < (await marks.count()); i++) shown.push(await onScreen(map, markNamed(page, i)));
        return shown.filter(Boolean).length;
      })
      .toBe(1);
    await page.screenshot({ path: `${artifacts}map-offline-reunion.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the outlines as GeoJSON with an ETag, gzip and a day of caching', async () => {
    const res = await fetch(`${api.url}/geo/departments.geojson`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const body = await res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(101);
    expect(body.features.find((f: any) => f.properties.code === '974').properties.name).toBe('La Réunion');
    const again = await fetch(`${api.url}/geo/departments.geojson`, {
      headers: { 'if-none-match': res.headers.get('etag') as string },
    });
    expect(again.status).toBe(304);
  });
});
