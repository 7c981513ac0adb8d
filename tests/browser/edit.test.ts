// The edit form and the visibility filter in chromium (moderators): the form checks its changes
// with the API's own patch schema before any request (in French), moves a point with the
// location picker's numbers, and sends only what changed; the list filters by visibility.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { blockTiles, checkPage, logIn, newPage, rows } from './pages.ts';

let api: TestApi;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'modo@edition.fr', role: 'MODERATOR' });
  const now = new Date();
  ids = await seed(api.db, [
    fixture({ name: 'Accueil Édition Amiens', phone: '+33322000000', lastVerifiedAt: now }),
    fixture({ name: 'Relais Restreint Amiens', visibility: 'RESTRICTED', lastVerifiedAt: now }),
    fixture({ name: 'Abri Confidentiel Amiens', visibility: 'CONFIDENTIAL', kind: 'SHELTER', lastVerifiedAt: now }),
  ]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

function watchUpdates(page: Page): unknown[] {
  const updates: unknown[] = [];
  page.on('request', (req) => {
    const body = req.postData();
    if (req.url().endsWith('/graphql') && body?.includes('UpdateStructure')) updates.push(JSON.parse(body).variables);
  });
  return updates;
}

describe('the edit form and the visibility filter', () => {
  it('a moderator filters by visibility', async () => {
    const { page, errors } = await newPage(browser, api.url);
    await blockTiles(page, errors);
    await logIn(page, api.url, 'modo@edition.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/structures?filter=${encodeURIComponent('{"visibility":"CONFIDENTIAL"}')}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Abri Confidentiel Amiens');
    await page.getByRole('combobox', { name: 'Visibilité' }).waitFor();
    expect(await checkPage(page, 'structures-visibility-filter')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks the changes before sending them, then moves the point and sends only that', async () => {
    const { page, errors } = await newPage(browser, api.url);
    await blockTiles(page, errors);
    const updates = watchUpdates(page);
    await logIn(page, api.url, 'modo@edition.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/structures/${encodeURIComponent(ids[0]!)}`);
    await page.getByRole('region', { name: 'Carte pour choisir la position' }).waitFor();

    // A phone not in E.164: refused by the shared schema, in French, before any request.
    const phone = page.getByLabel('Téléphone', { exact: true });
    await expect.poll(() => phone.inputValue()).not.toBe('');
    await phone.fill('03 22 00');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Le téléphone doit être au format international E.164', { exact: false }).first().waitFor();
    expect(updates).toEqual([]);
    await phone.fill('+33322000000');

    // The point, moved by its numbers (the map marks it), about 1 km east.
    const lon = page.getByLabel('Longitude');
    await expect.poll(async () => Number(await lon.inputValue())).toBeCloseTo(2.296, 3);
    await lon.fill('2.31');
    expect(await checkPage(page, 'structure-edit-location')).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.url()).toContain('/show');
    expect(updates).toEqual([{ id: ids[0], input: { location: { lat: 49.894, lon: 2.31 } } }]);
    const modo = await loginHeaders(api, 'modo@edition.fr');
    const stored = await api.gql(`query ($id: ID!) { structure(id: $id) { location { lon } } }`, { id: ids[0] }, modo);
    expect(stored.data.structure.location.lon).toBeCloseTo(2.31, 6);
    expect(errors).toEqual([]);
    await page.close();
  });
});
