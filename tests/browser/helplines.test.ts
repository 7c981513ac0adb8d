// Helplines in chromium (admins): add one through the dialog, see whether it is open now, edit it,
// edit every other field, delete one after a confirmation. No console error; axe-core on the list
// and the dialogs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { upsertHelplines } from '../../api/src/modules/helplines/store.ts';
import { createAccount } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, logIn, newPage, rows } from './pages.ts';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'admin@lignes.fr', role: 'ADMIN' });
  await upsertHelplines(api.db, [
    { slug: 'fil-essai', number: '0800 000 000', name: 'Fil d’essai', free: true, channels: ['PHONE'] },
  ]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const menu = (page: Page) => page.locator('.RaSidebar-fixed, .RaMenu-open, nav').first();

describe('helplines in chromium', () => {
  it('an admin adds a helpline, sees it open now, and renames it', async () => {
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'admin@lignes.fr');
    await menu(page).getByText('Lignes d’écoute').click();
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Identifiant/ }).fill('3114');
    await dialog.getByRole('textbox', { name: /^Numéro/ }).fill('3114');
    await dialog.getByRole('textbox', { name: /^Nom/ }).fill('Prévention du suicide');
    await dialog.getByRole('textbox', { name: /^Horaires/ }).fill('24/7');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Ligne enregistrée').waitFor();
    const row = rows(page).filter({ hasText: 'Prévention du suicide' });
    await row.waitFor();
    expect(await row.locator('[data-open]').getAttribute('data-open')).toBe('open');
    // axe on the settled page: a snackbar fading out has, for a moment, too little contrast.
    await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached' });
    expect(await checkPage(page, 'helplines')).toEqual([]);

    await row.getByRole('button', { name: /^Modifier/ }).click();
    const name = page.getByRole('dialog').getByRole('textbox', { name: /^Nom/ });
    await expect.poll(() => name.inputValue()).toBe('Prévention du suicide');
    await name.fill('Numéro national de prévention du suicide');
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
    await rows(page).filter({ hasText: 'Numéro national de prévention du suicide' }).waitFor();
    expect(await rows(page).filter({ hasText: '3114' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an admin edits the fields the dialog did not show before, then deletes the line', async () => {
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'admin@lignes.fr');
    await menu(page).getByText('Lignes d’écoute').click();
    const row = rows(page).filter({ hasText: 'Fil d’essai' });
    await row.getByRole('button', { name: 'Modifier Fil d’essai' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Une ligne pour les essais.');
    await dialog.getByRole('textbox', { name: 'Public' }).fill('Moins de 25 ans');
    await dialog.getByRole('textbox', { name: 'Site web' }).fill('https://fil-essai.example.fr/');
    await dialog.getByRole('checkbox', { name: 'Gratuite' }).uncheck();
    await dialog.getByRole('textbox', { name: /^Coût/ }).fill('Prix d’un appel local');
    await dialog.getByRole('checkbox', { name: 'SMS' }).check();
    expect(await checkPage(page, 'helplines-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Ligne enregistrée').waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    const line = async (id: string) =>
      (
        await api.gql<{ helplines: Record<string, unknown>[] }>(
          '{ helplines { id number name description free cost channels audience website } }',
        )
      ).data?.helplines.find((h) => h.id === id);
    expect(await line('fil-essai')).toEqual({
      id: 'fil-essai',
      number: '0800 000 000',
      name: 'Fil d’essai',
      description: 'Une ligne pour les essais.',
      free: false,
      cost: 'Prix d’un appel local',
      channels: ['PHONE', 'SMS'],
      audience: 'Moins de 25 ans',
      website: 'https://fil-essai.example.fr/',
    });
    // Reopened, the dialog shows what was saved.
    await row.getByRole('button', { name: 'Modifier Fil d’essai' }).click();
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Public' }).inputValue()).toBe('Moins de 25 ans');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await row.getByRole('button', { name: 'Supprimer Fil d’essai' }).click();
    await dialog.getByText('Supprimer la ligne « Fil d’essai » ?').waitFor();
    expect(await dialog.textContent()).toContain('Cette suppression est définitive');
    expect(await checkPage(page, 'helplines-delete')).toEqual([]);
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByText('Ligne supprimée').waitFor();
    await expect.poll(() => row.count()).toBe(0);
    expect(await line('fil-essai')).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
