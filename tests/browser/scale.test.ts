// The self-assessment scale editor in chromium (admins): edit an item's French text, add one,
// remove one, publish version 2 (confirmed) and read it back over GraphQL; a refused edit shows
// the server's reason and publishes nothing. No console error; axe-core on the page and dialog.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { upsertHelplines } from '../../api/src/modules/helplines/store.ts';
import { helplines } from '../../drizzle/seed/helplines-data.ts';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, logIn, newPage } from './pages.ts';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  // Files of a worker share its database: start from the first version, and leave it so.
  await api.db.exec('DELETE FROM assessment_scales WHERE version > 1');
  await upsertHelplines(api.db, helplines); // bands name their helplines by id
  await createAccount(api.db, { email: 'admin@echelle.fr', role: 'ADMIN' });
  browser = await launch();
});

afterAll(async () => {
  await api?.db.exec('DELETE FROM assessment_scales WHERE version > 1');
  await browser?.close();
});

const menu = (page: Page) => page.locator('.RaSidebar-fixed, .RaMenu-open, nav').first();
const item = (page: Page, id: string) => page.locator(`[data-item="${id}"]`);

const scaleQuery = `{ selfAssessmentScale { version bands { band helplines { id } } items { id band text { fr en } } } }`;
interface ScaleData {
  version: number;
  bands: { band: string; helplines: { id: string }[] }[];
  items: { id: string; band: string; text: { fr: string; en: string } }[];
}
const current = async () => (await api.gql<{ selfAssessmentScale: ScaleData }>(scaleQuery)).data!.selfAssessmentScale;

function watch(page: Page, errors: string[]) {
  onTestFailed(async () => {
    await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
    console.log('errors', errors);
  });
}

async function openScale(page: Page) {
  await logIn(page, api.url, 'admin@echelle.fr');
  await menu(page).getByText('Échelle d’auto-évaluation').click();
  await item(page, 'choix-libre').waitFor();
}

describe('self-assessment scale editor in chromium', () => {
  it('an admin edits, adds and removes items, then publishes version 2', async () => {
    const { page, errors } = await newPage(browser, api.url);
    watch(page, errors);
    await openScale(page);
    await page.locator('[data-version="1"]').getByText('Version en vigueur : 1').waitFor();
    expect(await page.locator('[data-band]').evaluateAll((s) => s.map((e) => e.getAttribute('data-band')))).toEqual([
      'GREEN',
      'ORANGE',
      'RED',
      'BLACK',
    ]);
    expect(await checkPage(page, 'scale')).toEqual([]);

    await item(page, 'choix-libre')
      .getByRole('textbox', { name: 'Français' })
      .fill('Je choisis librement qui je vois, où et quand.');
    await page.getByRole('button', { name: 'Ajouter un élément au niveau Orange' }).click();
    const added = page.locator('[data-band="ORANGE"] [data-item^="new-"]');
    await added.getByRole('textbox', { name: 'Français' }).fill('On me demande de garder nos rencontres secrètes.');
    await added.getByRole('textbox', { name: 'Anglais' }).fill('I am asked to keep our meetings secret.');
    await item(page, 'mon-telephone')
      .getByRole('button', { name: /^Retirer l’élément/ })
      .click();
    await expect.poll(() => item(page, 'mon-telephone').count()).toBe(0);

    await page.getByRole('button', { name: 'Publier' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Publier la version 2 ?').waitFor();
    expect(await dialog.textContent()).toContain('les évaluations déjà faites gardent leur version');
    expect(await checkPage(page, 'scale-confirm')).toEqual([]);
    await dialog.getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Version 2 publiée').waitFor();
    await page.locator('[data-version="2"]').waitFor();

    const scale = await current();
    expect(scale.version).toBe(2);
    expect(scale.items.find((i) => i.id === 'choix-libre')?.text.fr).toBe(
      'Je choisis librement qui je vois, où et quand.',
    );
    expect(scale.items.find((i) => i.text.fr === 'On me demande de garder nos rencontres secrètes.')).toMatchObject({
      id: 'on-me-demande-de-garder-nos-rencon',
      band: 'ORANGE',
      text: { en: 'I am asked to keep our meetings secret.' },
    });
    expect(scale.items.some((i) => i.id === 'mon-telephone')).toBe(false);
    // The bands went back untouched, helplines included.
    expect(scale.bands.find((b) => b.band === 'BLACK')?.helplines.map((h) => h.id)).toEqual([
      '119',
      '17',
      '112',
      '114',
    ]);
    // The new version's texts are what the editor now shows.
    await expect
      .poll(() => item(page, 'choix-libre').getByRole('textbox', { name: 'Français' }).inputValue())
      .toBe('Je choisis librement qui je vois, où et quand.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a refused edit (an emptied French text) shows the server’s reason and publishes nothing', async () => {
    const before = await current();
    const { page, errors } = await newPage(browser, api.url);
    watch(page, errors);
    await openScale(page);
    const french = item(page, 'dire-non').getByRole('textbox', { name: 'Français' });
    await french.fill('');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publier' }).click();
    const alert = page.getByTestId('scale-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Publication refusée par le serveur, rien n’a été publié');
    expect(await alert.textContent()).toContain('Le texte en français est obligatoire');
    expect(await french.getAttribute('aria-invalid')).toBe('true');
    expect(await checkPage(page, 'scale-refused')).toEqual([]);
    expect((await current()).version).toBe(before.version);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an edit started before another admin published is refused, not written over theirs', async () => {
    const { page, errors } = await newPage(browser, api.url);
    watch(page, errors);
    // The server answers this one with 409, which Chromium logs as a failed resource.
    page.on('console', () => undefined);
    await openScale(page);
    const before = await current();
    // Meanwhile, another admin publishes from the same version.
    const full = await api.gql<{ selfAssessmentScale: any }>(
      `{ selfAssessmentScale { bands { band label { fr en } advice { fr en } helplineIds } items { id band text { fr en } } } }`,
    );
    const content = {
      bands: full.data!.selfAssessmentScale.bands.map(({ helplineIds, ...b }: any) => ({
        ...b,
        helplines: helplineIds,
      })),
      items: full.data!.selfAssessmentScale.items,
    };
    const theirs = await api.gql(
      `mutation ($c: JSON!, $v: Int) { publishSelfAssessmentScale(content: $c, expectedVersion: $v) { version } }`,
      { c: content, v: before.version },
      await loginHeaders(api, 'admin@echelle.fr'),
    );
    expect(theirs.data.publishSelfAssessmentScale.version).toBe(before.version + 1);

    await item(page, 'choix-libre').getByRole('textbox', { name: 'Français' }).fill('Écrit par-dessus ?');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publier' }).click();
    const alert = page.getByTestId('scale-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Publication refusée par le serveur, rien n’a été publié');
    expect(await alert.textContent()).toContain(String(before.version + 1));
    const after = await current();
    expect(after.version).toBe(before.version + 1);
    expect(after.items.find((i) => i.id === 'choix-libre')?.text.fr).not.toBe('Écrit par-dessus ?');
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
    await page.close();
  });
});
