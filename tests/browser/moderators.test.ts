// The moderators page in chromium (admins): create a moderator, whose password is shown once;
// they log in and see the moderation menus only; revoked, their session ends; an admin cannot
// revoke themself and sees the server say so. No console error; axe-core on each main page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createAccount } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, logIn, newPage, rows } from './pages.ts';

let api: TestApi;
let browser: Browser;
// The moderator's own browser: the admin's session cookie must not be shared with theirs.
let other: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'admin@moderateurs.fr', role: 'ADMIN' });
  [browser, other] = await Promise.all([launch(), launch()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), other?.close()]);
});

const menu = (page: Page) => page.locator('.RaSidebar-fixed, .RaMenu-open, nav').first();

const viewerOf = (page: Page) =>
  page.evaluate(() =>
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { email role } }' }),
    }).then((r) => r.json()),
  );

describe('moderators in chromium', () => {
  it('an admin creates a moderator, who logs in with the moderation menus only, then revokes them', async () => {
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-moderators-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'admin@moderateurs.fr');
    await page.getByText('Contributions en attente').waitFor();
    await menu(page).getByText('Modérateurs').click();
    await rows(page).filter({ hasText: 'admin@moderateurs.fr' }).waitFor();
    expect(await checkPage(page, 'moderators-list')).toEqual([]);

    await page.getByRole('button', { name: 'Créer un compte' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: /^Nom/ }).fill('Dominique Modo');
    await form.getByRole('textbox', { name: /^E-mail/ }).fill('dominique@moderateurs.fr');
    expect(await form.getByRole('combobox', { name: /^Rôle/ }).inputValue()).toBe('MODERATOR');
    const password = await form.getByRole('textbox', { name: /^Mot de passe initial/ }).inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await checkPage(page, 'moderator-create')).toEqual([]);
    await form.getByRole('button', { name: 'Créer un compte' }).click();
    const shown = page.locator('[data-password]');
    await shown.waitFor();
    expect(await shown.textContent()).toBe(password);
    await page.getByText('il ne sera plus jamais affiché', { exact: false }).waitFor();
    expect(await checkPage(page, 'moderator-created')).toEqual([]);
    await page.getByRole('button', { name: 'J’ai transmis le mot de passe' }).click();
    await expect.poll(() => page.locator('[data-password]').count()).toBe(0);
    const row = rows(page).filter({ hasText: 'dominique@moderateurs.fr' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Modérateur');
    expect(await row.textContent()).toContain('Actif');
    await page.getByText('1-2 sur 2').waitFor();

    // The moderator, in a browser of their own, with the password handed over.
    const modo = await newPage(other, api.url);
    onTestFailed(() => console.log('moderator errors', modo.errors));
    await modo.page.goto(`${api.url}/admin/`);
    await modo.page.getByLabel('Adresse e-mail').fill('dominique@moderateurs.fr');
    await modo.page.getByRole('textbox', { name: 'Mot de passe' }).fill(password);
    // Enter, not a click: see logIn in pages.ts.
    await modo.page.getByRole('textbox', { name: 'Mot de passe' }).press('Enter');
    await modo.page.getByText('Contributions en attente').waitFor();
    const modoMenu = menu(modo.page);
    expect(await modoMenu.getByText('File de modération').count()).toBe(1);
    expect(await modoMenu.getByText('Signalements').count()).toBe(1);
    for (const adminOnly of ['Modérateurs', 'Professionnels', 'Clés d’API', 'Journal d’audit']) {
      expect(await modoMenu.getByText(adminOnly).count()).toBe(0);
    }
    expect(await checkPage(modo.page, 'moderator-dashboard')).toEqual([]);

    // Revoked with a reason: the moderator's very next request is anonymous, and the app logs out.
    await row.getByRole('button', { name: 'Révoquer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await dialog.getByText('Ce champ est requis').waitFor();
    await dialog.getByRole('textbox', { name: 'Motif (obligatoire)' }).fill('Fin de mission de bénévolat.');
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await page.getByText('Compte révoqué').waitFor();
    await expect.poll(() => row.textContent()).toContain('Révoqué');
    expect(await row.textContent()).toContain('Fin de mission de bénévolat.');
    expect(await row.getByRole('button', { name: 'Révoquer' }).count()).toBe(0);

    expect((await viewerOf(modo.page)).data.viewer).toBeNull();
    await modoMenu.getByText('Signalements').click();
    await modo.page.getByLabel('Adresse e-mail').waitFor();
    // Their password no longer opens a session, and the answer is the wrong-password one: a
    // distinct "revoked" message would confirm that the password is right.
    await modo.page.getByLabel('Adresse e-mail').fill('dominique@moderateurs.fr');
    await modo.page.getByRole('textbox', { name: 'Mot de passe' }).fill(password);
    // Enter, not a click: see logIn in pages.ts.
    await modo.page.getByRole('textbox', { name: 'Mot de passe' }).press('Enter');
    await modo.page.getByText("Échec de l'authentification, merci de réessayer").waitFor();
    expect(await checkPage(modo.page, 'moderator-revoked-login')).toEqual([]);
    expect(modo.errors).toEqual([]);
    await modo.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an admin trying to revoke themself sees the server’s refusal, and stays an admin', async () => {
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-self-revoke-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'admin@moderateurs.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/moderators`);
    const self = rows(page).filter({ hasText: 'admin@moderateurs.fr' });
    await self.getByRole('button', { name: 'Révoquer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Motif (obligatoire)' }).fill('Essai.');
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Vous ne pouvez pas révoquer votre propre compte' }).waitFor();
    expect(await checkPage(page, 'moderator-self-revoke')).toEqual([]);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    expect(await self.textContent()).toContain('Actif');
    expect((await viewerOf(page)).data.viewer).toEqual({ email: 'admin@moderateurs.fr', role: 'ADMIN' });

    // An address already used: the server's refusal, in the form, which stays open.
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: /^Nom/ }).fill('Doublon');
    await form.getByRole('textbox', { name: /^E-mail/ }).fill('admin@moderateurs.fr');
    await form.getByRole('button', { name: 'Créer un compte' }).click();
    await form.getByRole('alert').filter({ hasText: 'Un compte existe déjà' }).waitFor();
    expect(await page.locator('[data-password]').count()).toBe(0);
    await form.getByRole('button', { name: 'Annuler' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });
});
