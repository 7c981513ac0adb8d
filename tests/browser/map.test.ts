// The structures map and the create form in chromium, with the map tiles blocked (no network):
// one mark per listed structure on a plain background — a point where the location is exact,
// a circle where it is approximate —, no console error, axe-core; a moderator creates a
// structure by picking its point on the map, is refused by the server first (a postal code of
// another department), then finds it in the list.
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

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'modo@carte.fr', role: 'MODERATOR' });
  await createAccount(api.db, { email: 'pro@carte.fr', role: 'PROFESSIONAL' });
  const now = new Date();
  await seed(api.db, [
    fixture({ name: 'Écoute Amiens Nord', location: { lat: 49.91, lon: 2.3 }, lastVerifiedAt: now }),
    fixture({
      name: 'Accueil Abbeville',
      visibility: 'RESTRICTED',
      address: { street: '2 rue des Essais', postalCode: '80100', city: 'Abbeville' },
      location: { lat: 50.105, lon: 1.835 },
      lastVerifiedAt: now,
    }),
    fixture({
      name: 'Abri Caché Péronne',
      visibility: 'CONFIDENTIAL',
      kind: 'SHELTER',
      services: ['SHELTER'],
      address: { street: '3 impasse Discrète', postalCode: '80200', city: 'Péronne' },
      location: { lat: 49.93, lon: 2.935 },
      lastVerifiedAt: now,
    }),
    fixture({
      name: 'Permanence Montdidier',
      address: { street: '4 rue des Essais', postalCode: '80500', city: 'Montdidier' },
      location: { lat: 49.648, lon: 2.57 },
      lastVerifiedAt: now,
    }),
  ]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const markers = (page: Page) => page.locator('.repere-map path.repere-marker');

async function openMap(page: Page) {
  await page.goto(`${api.url}/admin/#/structures?filter=%7B%7D&page=1`);
  await page.getByRole('tab', { name: 'Carte' }).click();
  await page.getByRole('region', { name: 'Carte des structures listées' }).waitFor();
}

describe('the structures map and the create form', () => {
  it('the map shows one mark per listed structure with the tiles blocked, exact as points', async () => {
    const { page, errors } = await newPage(browser, api.url);
    const { tiles, tileErrors } = await blockTiles(page, errors);
    await logIn(page, api.url, 'modo@carte.fr');
    await page.getByText('Contributions en attente').waitFor();
    await openMap(page);
    await expect.poll(() => markers(page).count()).toBe(4);
    expect(await page.locator('.repere-map path.repere-marker-exact').count()).toBe(4);
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    // Every tile failed; the marks are there on the plain background.
    expect(await page.locator('.repere-map img.leaflet-tile-loaded').count()).toBe(0);
    console.log(
      `[browser] map: ${tiles.length} tile requests blocked, ${tileErrors().length} Chromium "Failed to load resource" messages for them set aside`,
    );
    const serious = await checkPage(page, 'structures-map');
    expect(serious).toEqual([]);
    // The list tab is one click away and the choice is remembered.
    await page.getByRole('tab', { name: 'Liste' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a professional sees a confidential structure as a circle, not a point', async () => {
    const { page, errors } = await newPage(browser, api.url);
    await blockTiles(page, errors);
    const pro = await loginHeaders(api, 'pro@carte.fr');
    const listed = await api.gql(
      `{ structures(first: 25) { edges { node { name location { precision } } } } }`,
      {},
      pro,
    );
    const precisions = listed.data.structures.edges.map((e: any) => e.node.location.precision);
    const approximate = precisions.filter((p: string) => p === 'APPROXIMATE').length;
    expect(approximate).toBeGreaterThan(0);
    await logIn(page, api.url, 'pro@carte.fr');
    await page.getByRole('columnheader', { name: 'Visibilité' }).waitFor();
    await openMap(page);
    await expect.poll(() => markers(page).count()).toBe(precisions.length);
    expect(await page.locator('.repere-map path.repere-marker-approximate').count()).toBe(approximate);
    expect(await page.locator('.repere-map path.repere-marker-exact').count()).toBe(precisions.length - approximate);
    const serious = await checkPage(page, 'structures-map-professional');
    expect(serious).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a moderator creates a structure, picking its point on the map, and finds it in the list', async () => {
    const { page, errors } = await newPage(browser, api.url);
    await blockTiles(page, errors);
    const created: unknown[] = [];
    page.on('request', (req) => {
      const body = req.postData();
      if (req.url().endsWith('/graphql') && body?.includes('CreateStructure')) created.push(JSON.parse(body).variables);
    });
    await logIn(page, api.url, 'modo@carte.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/structures?filter=%7B%7D&page=1`);
    await page.getByRole('link', { name: 'Créer' }).click();
    await page.getByRole('region', { name: 'Carte pour choisir la position' }).waitFor();

    await page.getByLabel(/^Nom/).fill('Maison des Essais Amiens');
    await page.getByRole('combobox', { name: /^Type/ }).click();
    await page.getByRole('option', { name: 'Accueil de jour' }).click();
    await page.getByRole('radio', { name: /Restreinte/ }).check();
    await page.getByText('Visibilité choisie : Restreinte.').waitFor();
    await page.getByRole('checkbox', { name: 'Écoute et accompagnement' }).check();
    await page.getByLabel(/^Adresse/).fill('10 rue des Essais');
    // A postal code of Paris for a point in the Somme: the server refuses it.
    await page.getByLabel(/^Code postal/).fill('75001');
    await page.getByLabel(/^Commune/).fill('Amiens');
    await page.getByLabel(/^Téléphone$/).fill('0322'); // not E.164: refused by the shared schema
    await page.getByLabel(/^Horaires/).fill('Mo-Fr 09:00-17:00');
    await page.getByLabel(/^Notes internes/).fill('Créée par le test.');

    // The point: a click on the map where Amiens is (the map opens on France, zoom 5).
    const map = page.locator('[data-testid="location-picker"] .leaflet-container');
    const box = (await map.boundingBox())!;
    const project = (lat: number, lon: number) => {
      const scale = 256 * 2 ** 5;
      const s = Math.sin((lat * Math.PI) / 180);
      return [((lon + 180) / 360) * scale, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale];
    };
    const [cx, cy] = project(46.6, 2.4);
    const [ax, ay] = project(49.894, 2.296);
    await map.click({ position: { x: box.width / 2 + (ax! - cx!), y: box.height / 2 + (ay! - cy!) } });
    const lat = page.getByLabel('Latitude');
    const lon = page.getByLabel('Longitude');
    await expect.poll(async () => Number(await lat.inputValue())).toBeCloseTo(49.894, 0);
    expect(Number(await lon.inputValue())).toBeCloseTo(2.296, 0);
    expect(await page.locator('[data-testid="location-picker"] path.repere-marker').count()).toBe(1);

    // The shared schema's refusals, on their fields, before any request.
    await page.getByLabel(/^Commune/).fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Le téléphone doit être au format international E.164, par ex. +33612345678').waitFor();
    await page.getByText('Ce champ est requis').waitFor();
    expect(created).toEqual([]);
    await page.getByLabel(/^Commune/).fill('Amiens');
    await page.getByLabel(/^Téléphone$/).fill('+33322555555');
    await page.screenshot({
      path: new URL('./artifacts/structure-create.png', import.meta.url).pathname,
      fullPage: true,
    });
    const serious = await checkPage(page, 'structure-create');
    expect(serious).toEqual([]);

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // The server's message, as the notification and on the latitude field.
    await page.locator('.MuiSnackbarContent-message', { hasText: /hors du département 75/ }).waitFor();
    await page
      .locator('.Mui-error', { hasText: /hors du département 75/ })
      .first()
      .waitFor();
    expect(created).toHaveLength(1);
    expect(page.url()).toContain('/create');

    await page.getByLabel(/^Code postal/).fill('80000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.url()).toContain('/show');
    await page.getByText('+33322555555').waitFor();
    expect(created).toHaveLength(2);
    expect(created[1]).toMatchObject({
      input: {
        name: 'Maison des Essais Amiens',
        kind: 'DAY_CENTRE',
        visibility: 'RESTRICTED',
        services: ['LISTENING_SUPPORT'],
        address: { street: '10 rue des Essais', postalCode: '80000', city: 'Amiens' },
        phone: '+33322555555',
        openingHours: 'Mo-Fr 09:00-17:00',
        internalNotes: 'Créée par le test.',
        location: { lat: expect.any(Number), lon: expect.any(Number) },
      },
    });

    await page.goto(`${api.url}/admin/#/structures?filter=${encodeURIComponent('{"q":"Maison des Essais"}')}`);
    await page.getByRole('tab', { name: 'Liste' }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Restreinte');
    expect(errors).toEqual([]);
    await page.close();
  });
});
