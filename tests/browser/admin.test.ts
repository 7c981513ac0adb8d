// The back office in a real browser, built and served by the API at /admin over a test
// database: anonymous visitors get the login page only; a moderator logs in (in French), lists
// structures with their visibility, opens one and edits its phone; no console error; axe-core.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders, testPassword } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { limit } from '../support/time.ts';
import { axeViolations } from './axe.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, collectErrors, launch } from './chromium.ts';
import { blockTiles } from './pages.ts';

const artifacts = new URL('./artifacts/', import.meta.url).pathname;
const now = new Date();
const twoYearsAgo = new Date(Date.now() - 2 * 365 * 24 * 3600 * 1000);

let api: TestApi;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  ensureAdminBuilt();
  mkdirSync(artifacts, { recursive: true });
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'modo@backoffice.fr', role: 'MODERATOR' });
  await createAccount(api.db, { email: 'pro@backoffice.fr', role: 'PROFESSIONAL' });
  const fresh = (spec: Parameters<typeof fixture>[0]) => fixture({ lastVerifiedAt: now, ...spec });
  ids = await seed(api.db, [
    fresh({ name: 'Maison Repère Amiens', phone: '+33322000000', internalNotes: 'Note de test.' }),
    fresh({ name: 'Accueil Restreint Amiens', visibility: 'RESTRICTED' }),
    fresh({
      name: 'Abri Confidentiel Somme',
      visibility: 'CONFIDENTIAL',
      kind: 'RESPITE',
      services: ['RESPITE'],
      address: { street: '9 chemin Secret', postalCode: '80000', city: 'Amiens' },
      professionalContact: { name: 'Permanence pro', phone: '+33322111111' },
    }),
    fresh({ name: 'Ancienne Permanence Picarde', lastVerifiedAt: twoYearsAgo }),
    // Enough rows for a full page of 100.
    ...Array.from({ length: 120 }, (_, i) => fresh({ name: `Structure d’essai ${String(i).padStart(3, '0')}` })),
  ]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** A tab with no session and no remembered preferences (language, list filters and pages). */
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${api.url}/admin/`);
  await page.evaluate(() => localStorage.clear());
  return { page, errors };
}

async function logIn(page: Page, email: string) {
  await page.goto(`${api.url}/admin/`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(testPassword);
  // Enter, not a click: see logIn in pages.ts.
  await page.getByRole('textbox', { name: 'Mot de passe' }).press('Enter');
}

const rows = (page: Page) => page.locator('table tbody tr');

describe('the back office in chromium', () => {
  it('an anonymous visitor only gets the login page', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${api.url}/admin/#/structures`);
    await expect.poll(() => page.url()).toContain('#/login');
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    expect(await page.getByText('Maison Repère Amiens').count()).toBe(0);
    await page.screenshot({ path: `${artifacts}login.png` });
    await page.getByLabel('Adresse e-mail').fill('modo@backoffice.fr');
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('pas le bon mot de passe');
    // Enter, not a click: see logIn in pages.ts.
    await page.getByRole('textbox', { name: 'Mot de passe' }).press('Enter');
    await page.getByText("Échec de l'authentification, merci de réessayer").waitFor();
    expect(page.url()).toContain('#/login');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a moderator logs in, sees the list with visibility chips, opens a structure and edits its phone', async () => {
    const { page, errors } = await newPage();
    await blockTiles(page, errors); // the edit form's location picker
    const updates: unknown[] = [];
    const cursorRequests: unknown[] = [];
    page.on('request', (req) => {
      const body = req.postData();
      if (!req.url().endsWith('/graphql') || !body) return;
      const { query, variables } = JSON.parse(body);
      if (query.includes('UpdateStructure')) updates.push(variables);
      if (query.includes('StructureCursor')) cursorRequests.push(variables);
    });
    await logIn(page, 'modo@backoffice.fr');
    // Moderators land on their dashboard.
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/structures`);
    await page.getByRole('columnheader', { name: 'Visibilité' }).waitFor();

    // 100 rows, timed from navigation to the last row drawn: in the app, and in a fresh tab
    // (loading the page and its script, checking the session, then the list).
    const list100 = `${api.url}/admin/#/structures?perPage=100&page=1`;
    let started = Date.now();
    await page.goto(list100);
    await expect.poll(() => rows(page).count(), { timeout: limit(30_000) }).toBe(100);
    const inAppMs = Date.now() - started;
    const fresh = await browser.context.newPage();
    const freshErrors = collectErrors(fresh);
    started = Date.now();
    await fresh.goto(list100);
    await expect.poll(() => rows(fresh).count(), { timeout: limit(30_000) }).toBe(100);
    const freshTabMs = Date.now() - started;
    await fresh.close();
    expect(freshErrors).toEqual([]);
    const timings = { list100RowsInAppMs: inAppMs, list100RowsFreshTabMs: freshTabMs };
    writeFileSync(`${artifacts}timings.json`, `${JSON.stringify(timings, null, 2)}\n`);
    console.log(`[browser] structures list, 100 rows: ${inAppMs} ms in the app, ${freshTabMs} ms in a fresh tab`);

    const confidential = rows(page).filter({ hasText: 'Abri Confidentiel Somme' });
    await expect.poll(() => confidential.locator('[data-visibility]').textContent()).toBe('Confidentielle');
    expect(await rows(page).filter({ hasText: 'Accueil Restreint Amiens' }).textContent()).toContain('Restreinte');
    expect(await rows(page).filter({ hasText: 'Maison Repère Amiens' }).textContent()).toContain('Public');
    await page.screenshot({ path: `${artifacts}structures-list.png`, fullPage: true });

    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    writeFileSync(`${artifacts}axe-structures-list.json`, `${JSON.stringify(serious, null, 2)}\n`);
    expect(serious).toEqual([]);

    // Page 5 of 25 straight away: page 1 was shown, so page 2's cursor is known; the cursor of
    // page 5 comes from one request for the cursors of the 75 rows after it.
    await page.goto(`${api.url}/admin/#/structures?filter=%7B%7D&perPage=25&page=5`);
    await expect.poll(() => rows(page).count()).toBe(24);
    expect(cursorRequests).toEqual([{ first: 75, after: expect.any(String), filter: {} }]);
    const modo = await loginHeaders(api, 'modo@backoffice.fr');
    const first100 = await api.gql(`{ structures(first: 100) { pageInfo { endCursor } } }`, {}, modo);
    const after = first100.data.structures.pageInfo.endCursor;
    const page5 = await api.gql(
      `query ($after: String) { structures(first: 25, after: $after) { edges { node { name } } } }`,
      { after },
      modo,
    );
    const names = await rows(page).locator('td:first-child').allTextContents();
    expect(names).toEqual(page5.data.structures.edges.map((e: any) => e.node.name));

    // The stale chip, found through the search filter.
    await page.goto(`${api.url}/admin/#/structures?filter=${encodeURIComponent('{"q":"Ancienne"}')}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().locator('[data-stale]').textContent()).toBe('Non vérifiée depuis un an');

    // Open one, edit its phone, see the new value (the list remembers its last filter: clear it).
    await page.goto(`${api.url}/admin/#/structures?filter=%7B%7D&page=1`);
    await rows(page).filter({ hasText: 'Maison Repère Amiens' }).click();
    await expect.poll(() => page.url()).toContain('/show');
    await page.getByText('+33322000000').waitFor();
    await page.screenshot({ path: `${artifacts}structure-show.png`, fullPage: true });
    await page.getByRole('link', { name: 'Éditer' }).click();
    const phone = page.getByLabel('Téléphone', { exact: true });
    await expect.poll(() => phone.inputValue()).toBe('+33322000000');
    await phone.fill('+33322999999');
    await page.screenshot({ path: `${artifacts}structure-edit.png`, fullPage: true });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.url()).toContain('/show');
    await page.getByText('+33322999999').waitFor();
    // Only the changed field went to the server, and it is stored.
    expect(updates).toEqual([{ id: ids[0], input: { phone: '+33322999999' } }]);
    const stored = await api.gql(`query ($id: ID!) { structure(id: $id) { phone } }`, { id: ids[0] }, modo);
    expect(stored.data.structure.phone).toBe('+33322999999');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('English is one switch away; logging out ends the session', async () => {
    const { page, errors } = await newPage();
    await logIn(page, 'modo@backoffice.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/structures`);
    await page.getByRole('columnheader', { name: 'Visibilité' }).waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('columnheader', { name: 'Visibility' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await rows(page).filter({ hasText: 'Abri Confidentiel Somme' }).textContent()).toContain('Confidential');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('columnheader', { name: 'Visibilité' }).waitFor();
    // Logging out: the back office is anonymous again.
    await page.getByRole('button', { name: 'modo' }).click();
    await page.getByRole('menuitem', { name: 'Déconnexion' }).click();
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    const viewer = await page.evaluate(() =>
      fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      }).then((r) => r.json()),
    );
    expect(viewer).toEqual({ data: { viewer: null } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a vetted professional sees a confidential structure’s contact, not its address, and no edit button', async () => {
    const { page, errors } = await newPage();
    await logIn(page, 'pro@backoffice.fr');
    await page.getByRole('columnheader', { name: 'Visibilité' }).waitFor();
    await rows(page).filter({ hasText: 'Abri Confidentiel Somme' }).click();
    await page.getByText('+33322111111').waitFor();
    expect(await page.getByText('9 chemin Secret').count()).toBe(0);
    expect(await page.getByText('(approximative)').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Éditer' }).count()).toBe(0);
    await page.screenshot({ path: `${artifacts}structure-show-professional.png`, fullPage: true });
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
