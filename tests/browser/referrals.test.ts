// Referrals in chromium: a professional member of structure A tells structure B, from B's page,
// that a young person is coming; a member of B finds it in the inbox, acknowledges and closes it.
// Past one page (25), the rest is reached with the list's pagination. No console error; axe-core
// on the inbox, page 1 and 2.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createAccount, loginHeaders, rawId } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, logIn, newPage } from './pages.ts';

let api: TestApi;
let browser: Browser;
let a: string;
let b: string;

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  [a, b] = (await seed(api.db, [
    fixture({ name: 'Maison des Jeunes Abbeville', lastVerifiedAt: new Date() }),
    fixture({ name: 'Accueil de Jour Amiens', lastVerifiedAt: new Date() }),
  ])) as [string, string];
  await createAccount(api.db, { email: 'pro-a@orientation.fr', role: 'PROFESSIONAL', structureIds: [rawId(a)] });
  await createAccount(api.db, { email: 'pro-b@orientation.fr', role: 'PROFESSIONAL', structureIds: [rawId(b)] });
  await createAccount(api.db, { email: 'modo@orientation.fr', role: 'MODERATOR' });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const menu = (page: Page) => page.locator('.RaSidebar-fixed, .RaMenu-open, nav').first();
const box = (page: Page, name: 'INBOX' | 'SENT') => page.locator(`[data-box="${name}"] table tbody tr`);

function watch(page: Page, errors: string[]) {
  onTestFailed(async () => {
    await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
    console.log('errors', errors);
  });
}

describe('referrals in chromium', () => {
  it('a member of A announces an arrival to B from B’s page; a member of B acknowledges and closes it', async () => {
    const sender = await newPage(browser, api.url);
    watch(sender.page, sender.errors);
    let page = sender.page;
    await logIn(page, api.url, 'pro-a@orientation.fr');
    await menu(page).getByText('Orientations').waitFor();
    // Their own structure's page has no such button: one does not refer to oneself.
    await page.goto(`${api.url}/admin/#/structures/${encodeURIComponent(a)}/show`);
    await page.getByText('Maison des Jeunes Abbeville').first().waitFor();
    expect(await page.getByRole('button', { name: 'Signaler une arrivée' }).count()).toBe(0);

    await page.goto(`${api.url}/admin/#/structures/${encodeURIComponent(b)}/show`);
    await page.getByText('Accueil de Jour Amiens').first().waitFor();
    await page.getByRole('button', { name: 'Signaler une arrivée' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('N’écrivez jamais l’identité du ou de la jeune', { exact: false }).waitFor();
    expect(await dialog.textContent()).toContain(
      'N’écrivez jamais l’identité du ou de la jeune : ni nom, ni date de naissance, ni adresse, ni téléphone.',
    );
    await dialog.getByRole('combobox', { name: 'Urgence' }).click();
    await page.getByRole('option', { name: 'Urgente' }).click();
    const message = dialog.getByRole('textbox', { name: /Message/ });
    // Bounded: 1,000 characters at most.
    await message.fill('x'.repeat(1200));
    expect((await message.inputValue()).length).toBe(1000);
    await dialog.getByText('1000 / 1000 caractères').waitFor();
    await message.fill('Arrivée prévue lundi, suivi éducatif en cours. Rappeler l’éducatrice référente.');
    await dialog.getByRole('button', { name: 'Signaler une arrivée' }).click();
    await page.getByText('Orientation envoyée').waitFor();
    await expect.poll(() => dialog.count()).toBe(0);

    await menu(page).getByText('Orientations').click();
    const sent = box(page, 'SENT').filter({ hasText: 'Accueil de Jour Amiens' });
    await sent.waitFor();
    expect(await sent.textContent()).toContain('Urgente');
    expect(await sent.textContent()).toContain('Envoyée');
    expect(await sent.getByRole('button').count()).toBe(0);
    expect(sender.errors).toEqual([]);
    await page.close();

    const receiver = await newPage(browser, api.url);
    watch(receiver.page, receiver.errors);
    page = receiver.page;
    await logIn(page, api.url, 'pro-b@orientation.fr');
    await menu(page).getByText('Orientations').click();
    const row = box(page, 'INBOX').filter({ hasText: 'Maison des Jeunes Abbeville' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Urgente');
    expect(await row.textContent()).toContain('Arrivée prévue lundi');
    expect(await row.textContent()).toMatch(/purgée le \d{2}\/\d{2}\/\d{4}/);
    expect(await checkPage(page, 'referrals-inbox')).toEqual([]);

    await row.getByRole('button', { name: 'Accuser réception' }).click();
    await page.getByText('Réception accusée').waitFor();
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status')).toBe('ACKNOWLEDGED');
    await row.getByRole('button', { name: 'Clôturer' }).click();
    await page.getByText('Orientation clôturée').waitFor();
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status')).toBe('CLOSED');
    expect(await row.getByRole('button').count()).toBe(0);
    await page.screenshot({ path: `${artifacts}referrals-closed.png`, fullPage: true });
    expect(receiver.errors).toEqual([]);
    await page.close();
  });

  it('moderators have no referrals menu and no button to announce an arrival', async () => {
    const { page, errors } = await newPage(browser, api.url);
    watch(page, errors);
    await logIn(page, api.url, 'modo@orientation.fr');
    await page.getByText('Contributions en attente').waitFor();
    expect(await menu(page).getByText('Orientations').count()).toBe(0);
    await page.goto(`${api.url}/admin/#/structures/${encodeURIComponent(b)}/show`);
    await page.getByRole('link', { name: 'Éditer' }).waitFor();
    expect(await page.getByRole('button', { name: 'Signaler une arrivée' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('past 25 referrals, a member of B reaches the oldest on page 2 of the inbox', async () => {
    const headers = await loginHeaders(api, 'pro-a@orientation.fr');
    // Sent one after the other, oldest first: the inbox lists newest first.
    for (let n = 1; n <= 30; n++) {
      const res = await api.gql(
        `mutation ($to: ID!, $m: String!) { sendReferral(toStructureId: $to, message: $m, urgency: ROUTINE) { referral { id } } }`,
        { to: b, m: `Essai de pagination ${String(n).padStart(2, '0')}` },
        headers,
      );
      expect(res.errors).toBeUndefined();
    }
    const { page, errors } = await newPage(browser, api.url);
    watch(page, errors);
    await logIn(page, api.url, 'pro-b@orientation.fr');
    await menu(page).getByText('Orientations').click();
    const inbox = page.locator('[data-box="INBOX"]');
    await box(page, 'INBOX').filter({ hasText: 'Essai de pagination 30' }).waitFor();
    expect(await box(page, 'INBOX').count()).toBe(25);
    expect(await box(page, 'INBOX').filter({ hasText: 'Essai de pagination 01' }).count()).toBe(0);
    await inbox.getByText('1-25 sur plus de 25').waitFor();
    expect(await checkPage(page, 'referrals-page-1')).toEqual([]);

    await inbox.getByRole('button', { name: /prochaine page/ }).click();
    const oldest = box(page, 'INBOX').filter({ hasText: 'Essai de pagination 01' });
    await oldest.waitFor();
    // Page 2: the 6 left (30 here and the one of the first test).
    expect(await box(page, 'INBOX').count()).toBe(6);
    expect(await box(page, 'INBOX').filter({ hasText: 'Essai de pagination 30' }).count()).toBe(0);
    await inbox.getByText('26-31 sur 31').waitFor();
    expect(await inbox.getByRole('button', { name: /prochaine page/ }).isDisabled()).toBe(true);
    expect(await checkPage(page, 'referrals-page-2')).toEqual([]);
    // The sent box of B pages on its own: empty, with no paging.
    const sent = page.locator('[data-box="SENT"]');
    expect(await sent.getByText('Aucune orientation.').count()).toBe(1);
    expect(await sent.getByText('Lignes par page', { exact: false }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
