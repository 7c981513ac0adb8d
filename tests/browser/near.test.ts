// "Near a place" and the whole map, in chromium, as a vetted professional: a commune chosen by
// postal code or by name lists the structures around it nearest first with their distance,
// and the map shows every match (not just the list's page). No console error; axe-core.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { blockTiles, checkPage, logIn, newPage, rows } from './pages.ts';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'pro@pres.fr', role: 'PROFESSIONAL' });
  const now = new Date();
  // 30 in Amiens (more than a page of 25), 2 in Abbeville, 1 in Lyon.
  const amiens = Array.from({ length: 30 }, (_, i) =>
    fixture({
      name: `Écoute Amiens ${String(i + 1).padStart(2, '0')}`,
      location: { lat: 49.88 + i * 0.001, lon: 2.29 + i * 0.001 },
      lastVerifiedAt: now,
    }),
  );
  await seed(api.db, [
    ...amiens,
    fixture({
      name: 'Accueil Abbeville Centre',
      address: { street: '2 rue des Essais', postalCode: '80100', city: 'Abbeville' },
      location: { lat: 50.105, lon: 1.835 },
      lastVerifiedAt: now,
    }),
    fixture({
      name: 'Permanence Abbeville Sud',
      address: { street: '5 rue des Essais', postalCode: '80100', city: 'Abbeville' },
      location: { lat: 50.06, lon: 1.86 },
      lastVerifiedAt: now,
    }),
    fixture({
      name: 'Écoute Lyon',
      departmentCode: '69',
      address: { street: '1 rue des Essais', postalCode: '69001', city: 'Lyon' },
      location: { lat: 45.767, lon: 4.834 },
      lastVerifiedAt: now,
    }),
  ]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function choosePlace(page: Page, typed: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: 'Près de (code postal ou commune)' });
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('near a place, and the whole map', () => {
  it('a professional chooses a commune by postal code, then by name; nearest first, with distances', async () => {
    const { page, errors } = await newPage(browser, api.url);
    await blockTiles(page, errors);
    await logIn(page, api.url, 'pro@pres.fr');
    await page.getByRole('columnheader', { name: 'Visibilité' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(25);

    await choosePlace(page, '80100', /^Abbeville \(80100\) — Somme/);
    await expect.poll(() => rows(page).count()).toBe(2);
    // The radius in use is shown (20 km until another is chosen).
    expect(await page.getByRole('combobox', { name: 'Rayon' }).textContent()).toBe('20 km');
    expect(await rows(page).first().textContent()).toContain('Accueil Abbeville Centre');
    await page.getByRole('columnheader', { name: 'Distance (km)' }).waitFor();
    const cells = await rows(page).locator('td.column-distanceKm').allTextContents();
    const distances = cells.map((d) => Number(d.replace(',', '.')));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(2);
    expect(distances[1]).toBeGreaterThan(4);
    expect(await checkPage(page, 'structures-near-place')).toEqual([]);

    // By name, without the accent; a wider radius reaches Amiens' 30 (about 45 km away).
    await page.getByRole('combobox', { name: 'Près de (code postal ou commune)' }).clear();
    await expect.poll(() => rows(page).count()).toBe(25);
    await choosePlace(page, 'lyon', /^Lyon \(/);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Écoute Lyon');
    await choosePlace(page, 'abbevil', /^Abbeville \(80100\)/);
    await page.getByRole('combobox', { name: 'Rayon' }).click();
    await page.getByRole('option', { name: '50 km' }).click();
    await page.getByText(/1-25 (sur|of) 32/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the map shows every match, beyond the list page', async () => {
    const { page, errors } = await newPage(browser, api.url);
    await blockTiles(page, errors);
    await logIn(page, api.url, 'pro@pres.fr');
    await page.getByRole('columnheader', { name: 'Visibilité' }).waitFor();
    await page.getByRole('tab', { name: 'Carte' }).click();
    await expect.poll(() => page.locator('.repere-map path.repere-marker').count()).toBe(33);
    await page.getByTestId('map-summary').getByText('33 structure(s) sur la carte (sur 33 trouvée(s))').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
