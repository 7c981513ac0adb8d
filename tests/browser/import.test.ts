// The back office's data·inclusion import in chromium: a moderator picks the two files from the
// moderation queue, reads what became of them (counts, each skipped record by file, position
// and field), and finds the new listings queued. No console error; axe-core on the dialog.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createAccount } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, logIn, newPage, rows } from './pages.ts';

let api: TestApi;
let browser: Browser;
const fixtures = new URL('../fixtures/data-inclusion/', import.meta.url).pathname;

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'modo@import-page.fr', role: 'MODERATOR' });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('data·inclusion import page in chromium', () => {
  it('a moderator imports the fixture files and sees the report, then the queued listings', async () => {
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'modo@import-page.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/submissions`);
    await page.getByRole('button', { name: 'Importer (data·inclusion)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer des données data·inclusion' });
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    await dialog.getByText('Choisissez les deux fichiers.').waitFor();
    await dialog.getByLabel('Fichier des structures (structures.json)').setInputFiles(`${fixtures}structures.json`);
    await dialog.getByLabel('Fichier des services (services.json)').setInputFiles(`${fixtures}services.json`);
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    const summary = dialog.locator('[data-import-summary]');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(
      '51 nouvelles fiches et 0 corrections ajoutées à la file de modération ; 0 inchangées ; 11 ignorées (invalides).',
    );
    const problems = dialog.getByRole('table', { name: 'Enregistrements ignorés' }).locator('tbody tr');
    expect(await problems.count()).toBe(14);
    expect(await problems.filter({ hasText: 'siret' }).first().textContent()).toContain('structures51siret');
    // Worded in French from each problem's key, not the API's English.
    expect(await problems.filter({ hasText: 'telephone' }).first().textContent()).toContain(
      'pas un numéro de téléphone français',
    );
    expect(await problems.filter({ hasText: 'structure_id' }).first().textContent()).toContain(
      'aucune structure n’a cet identifiant',
    );
    expect(await checkPage(page, 'import-report')).toEqual([]);
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    await expect.poll(() => rows(page).filter({ hasText: 'Nouvelle structure' }).count()).toBe(25);
    expect(await rows(page).filter({ hasText: 'Boussole fictive n° 1 — ' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
