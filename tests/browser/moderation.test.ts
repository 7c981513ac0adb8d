// The back office's moderation and administration pages in chromium: a moderator approves an
// anonymous submission (and a conflicting correction, knowingly), edits a listing and sees the
// revision; an admin vets a professional, who then sees a confidential listing's contact but
// not its address; API keys and the audit log. No console error; axe-core on each main page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createAccount, loginHeaders, registerVerified, testPassword } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, blockTiles, checkPage, logIn, newPage, rows } from './pages.ts';

let api: TestApi;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'modo@moderation.fr', role: 'MODERATOR' });
  await createAccount(api.db, { email: 'admin@moderation.fr', role: 'ADMIN' });
  ids = await seed(api.db, [
    fixture({ name: 'Point Écoute Péronne', phone: '+33322000001', lastVerifiedAt: new Date() }),
    fixture({
      name: 'Refuge Discret Somme',
      visibility: 'CONFIDENTIAL',
      kind: 'SHELTER',
      services: ['SHELTER'],
      address: { street: '4 impasse Cachée', postalCode: '80000', city: 'Amiens' },
      professionalContact: { name: 'Astreinte pro', phone: '+33322444444' },
      lastVerifiedAt: new Date(),
    }),
    fixture({ name: 'Accueil Correction Albert', phone: '+33322000002', lastVerifiedAt: new Date() }),
  ]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** An anonymous call, as the public site makes it. */
async function anonymous(query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const menu = (page: Page) => page.locator('.RaSidebar-fixed, .RaMenu-open, nav').first();

describe('moderation and administration in chromium', () => {
  it('a moderator approves an anonymous submission in the queue, then finds it in the structures list', async () => {
    await anonymous(
      `mutation ($input: StructureSubmissionInput!) { submitStructure(input: $input) { submission { id status } } }`,
      {
        input: {
          name: 'Halte Nouvelle Abbeville',
          kind: 'DAY_CENTRE',
          services: ['LISTENING_SUPPORT'],
          address: { street: '1 rue de l’Essai', postalCode: '80100', city: 'Abbeville' },
          phone: '+33322555555',
          location: { lat: 50.105, lon: 1.835 },
          comment: 'Ouverte depuis septembre.',
        },
      },
    );
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'modo@moderation.fr');
    // The dashboard: one pending contribution; the menu has no admin entries.
    await page.getByText('Contributions en attente').waitFor();
    await expect.poll(() => page.locator('[data-figure="repere.dashboard.pending"]').textContent()).toBe('1');
    expect(await menu(page).getByText('Professionnels').count()).toBe(0);
    expect(await menu(page).getByText('File de modération').count()).toBe(1);
    expect(await checkPage(page, 'dashboard')).toEqual([]);

    await page.goto(`${api.url}/admin/#/submissions`);
    const row = rows(page).filter({ hasText: 'Halte Nouvelle Abbeville' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Nouvelle structure');
    expect(await checkPage(page, 'submissions-list')).toEqual([]);

    await row.click();
    await page.locator('[data-diff] [data-field="phone"]').waitFor();
    expect(await page.locator('[data-diff] [data-field="phone"]').textContent()).toContain('+33322555555');
    expect(await checkPage(page, 'submission-show')).toEqual([]);
    await page.getByRole('button', { name: 'Approuver' }).click();
    await page.getByText('Contribution approuvée').waitFor();
    await page.getByText('Approuvée', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Approuver' }).count()).toBe(0);

    await page.goto(`${api.url}/admin/#/structures?filter=${encodeURIComponent('{"q":"Halte Nouvelle"}')}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Halte Nouvelle Abbeville');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a correction whose field changed since shows its conflict, and is applied only knowingly; a rejection needs a reason', async () => {
    const target = ids[2];
    await anonymous(
      `mutation ($id: ID!) { suggestCorrection(structureId: $id, changes: { phone: "+33322777777" }) { submission { id } } }`,
      { id: target },
    );
    await anonymous(
      `mutation ($id: ID!) { reportStructure(structureId: $id, reason: WRONG_HOURS, comment: "Fermé le lundi") { submission { id } } }`,
      { id: target },
    );
    const modo = await loginHeaders(api, 'modo@moderation.fr');
    const changed = await api.gql(
      `mutation ($id: ID!) { updateStructure(id: $id, input: { phone: "+33322888888" }) { revision } }`,
      { id: target },
      modo,
    );
    expect(changed.errors).toBeUndefined();

    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'modo@moderation.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/submissions`);
    await rows(page).filter({ hasText: 'Accueil Correction Albert' }).filter({ hasNotText: 'Signalement' }).click();
    await page.locator('[data-conflicts]').waitFor();
    expect(await page.locator('[data-conflicts]').textContent()).toContain('Téléphone');
    await page.getByRole('button', { name: 'Approuver' }).click();
    await page.getByRole('button', { name: 'Appliquer quand même' }).waitFor();
    expect(await checkPage(page, 'submission-conflict')).toEqual([]);
    await page.getByRole('button', { name: 'Appliquer quand même' }).click();
    await page.getByText('Contribution approuvée').waitFor();
    const stored = await api.gql(`query ($id: ID!) { structure(id: $id) { phone } }`, { id: target }, modo);
    expect(stored.data.structure.phone).toBe('+33322777777');

    // The report: rejecting asks for a reason first.
    await page.goto(`${api.url}/admin/#/submissions`);
    await rows(page).filter({ hasText: 'Signalement' }).click();
    await page.getByRole('button', { name: 'Rejeter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Rejeter' }).click();
    await dialog.getByText('Ce champ est requis').waitFor();
    await dialog.getByRole('textbox', { name: 'Motif (obligatoire)' }).fill('Horaires vérifiés par téléphone.');
    await dialog.getByRole('button', { name: 'Rejeter' }).click();
    await page.getByText('Contribution rejetée').waitFor();
    await page.getByText('Horaires vérifiés par téléphone.').waitFor();
    // The queue's filters: nothing pending now; the approved correction by status and kind.
    await page.goto(`${api.url}/admin/#/submissions?filter=${encodeURIComponent('{"status":"PENDING"}')}`);
    await page.getByText('Aucun résultat', { exact: false }).first().waitFor();
    const approved = encodeURIComponent('{"status":"APPROVED","kinds":["CORRECTION"]}');
    await page.goto(`${api.url}/admin/#/submissions?filter=${approved}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Accueil Correction Albert');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a moderator edits a structure’s phone and sees the new revision with the phone diff; marks it verified; restores', async () => {
    const { page, errors } = await newPage(browser, api.url);
    await blockTiles(page, errors); // the edit form's location picker
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'modo@moderation.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/structures/${encodeURIComponent(ids[0] as string)}/show`);
    await page.getByText('+33322000001').waitFor();
    await page.getByRole('link', { name: 'Éditer' }).click();
    const phone = page.getByLabel('Téléphone', { exact: true });
    await expect.poll(() => phone.inputValue()).toBe('+33322000001');
    // A phone not in E.164: refused by the shared schema on its field, in French, before any request.
    await phone.fill('0322');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page
      .locator('.MuiFormControl-root.MuiTextField-root', { has: phone })
      .locator('.Mui-error', { hasText: /E\.164/ })
      .first()
      .waitFor();
    // A postal code of another department, which only the server knows: its message as the
    // notification and on the postal code field; nothing is changed.
    const postal = page.getByLabel('Code postal', { exact: true });
    await postal.fill('13001');
    await phone.fill('+33322000099');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('.MuiSnackbarContent-message', { hasText: /13001/ }).waitFor();
    await page
      .locator('.MuiFormControl-root.MuiTextField-root', { has: postal })
      .locator('.Mui-error', { hasText: /13001/ })
      .first()
      .waitFor();
    expect(page.url()).toContain('/structures/');
    expect(page.url()).not.toContain('/show');
    await postal.fill('80000');
    await phone.fill('+33322000099');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('+33322000099').waitFor();

    await page.getByRole('tab', { name: 'Révisions' }).click();
    const latest = page.locator('[data-revision]').first();
    await latest.waitFor();
    expect(await latest.getAttribute('data-revision')).toBe('2');
    const diff = latest.locator('[data-field="phone"]');
    expect(await diff.textContent()).toContain('+33322000001');
    expect(await diff.textContent()).toContain('+33322000099');
    expect(await checkPage(page, 'structure-revisions')).toEqual([]);

    await page.getByRole('button', { name: 'Marquer comme vérifiée' }).click();
    await page.getByText('Fiche marquée comme vérifiée').waitFor();
    await expect.poll(() => page.locator('[data-revision]').first().getAttribute('data-revision')).toBe('3');

    // Restoring revision 1 brings the first phone back, as revision 4.
    await page.locator('[data-revision="1"]').getByRole('button', { name: 'Restaurer' }).click();
    await page.getByText('Révision restaurée (nouvelle révision 4)').waitFor();
    const restored = await api.gql(
      `query ($id: ID!) { structure(id: $id) { phone } }`,
      { id: ids[0] },
      await loginHeaders(api, 'modo@moderation.fr'),
    );
    expect(restored.data.structure.phone).toBe('+33322000001');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an admin vets a pending professional, who then sees a confidential structure’s contact but not its address', async () => {
    await registerVerified(api, {
      email: 'educ@moderation.fr',
      password: testPassword,
      name: 'Camille Éduc',
      organisation: 'Prévention Somme',
      jobTitle: 'Éducatrice spécialisée',
      justification: 'Carte professionnelle n° 1234, joignable au standard.',
      structureId: ids[0],
    });
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'admin@moderation.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/professionals`);
    const row = rows(page).filter({ hasText: 'Camille Éduc' });
    await row.waitFor();
    expect(await checkPage(page, 'professionals-list')).toEqual([]);
    await row.click();
    await page.getByText('Carte professionnelle n° 1234, joignable au standard.').waitFor();
    await page.getByText('Point Écoute Péronne').waitFor();
    expect(await checkPage(page, 'professional-show')).toEqual([]);
    await page.getByRole('button', { name: 'Valider' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: 'Ce qui a été vérifié (obligatoire)' })
      .fill('Appel au standard de la structure.');
    await dialog.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('Professionnel validé').waitFor();
    await page.getByText('Appel au standard de la structure.').waitFor();
    await page.getByRole('button', { name: 'Révoquer' }).waitFor();

    // The audit log has the decision, with who decided and about whom.
    await page.goto(`${api.url}/admin/#/auditLog`);
    const decision = rows(page).filter({ hasText: 'Professionnel validé' }).first();
    await decision.waitFor();
    expect(await decision.textContent()).toContain('admin@moderation.fr');
    expect(await decision.textContent()).toContain('educ@moderation.fr');
    expect(await checkPage(page, 'audit-log')).toEqual([]);
    // Filtered by person: chosen by part of their email.
    await page.getByRole('button', { name: 'Ajouter un filtre' }).click();
    await page.getByRole('menu').getByText('Compte concerné').click();
    await page.getByRole('combobox', { name: 'Compte concerné' }).fill('educ@');
    await page.getByRole('option', { name: /educ@moderation\.fr/ }).click();
    // Newest first: vetted, after they confirmed their address.
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(await rows(page).first().textContent()).toContain('Professionnel validé');
    expect(await rows(page).nth(1).textContent()).toContain('Adresse e-mail confirmée');
    expect(await checkPage(page, 'audit-log-person')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();

    // The professional, vetted: the contact, not the address; the directory only.
    const pro = await newPage(browser, api.url);
    await logIn(pro.page, api.url, 'educ@moderation.fr');
    await pro.page.getByRole('columnheader', { name: 'Visibilité' }).waitFor();
    expect(await menu(pro.page).getByText('File de modération').count()).toBe(0);
    await rows(pro.page).filter({ hasText: 'Refuge Discret Somme' }).click();
    await pro.page.getByText('+33322444444').waitFor();
    expect(await pro.page.getByText('4 impasse Cachée').count()).toBe(0);
    // The server decides, whatever the menus: the queue is refused to a professional.
    const queue = await pro.page.evaluate(() =>
      fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ submissions { totalCount } }' }),
      }).then((r) => r.json()),
    );
    expect(queue.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(pro.errors).toEqual([]);
    await pro.page.close();
  });

  it('an admin creates an API key, sees it once, and revokes it', async () => {
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await logIn(page, api.url, 'admin@moderation.fr');
    await page.getByText('Contributions en attente').waitFor();
    await page.goto(`${api.url}/admin/#/apiKeys`);
    await page.getByRole('button', { name: 'Créer une clé' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Nom de la clé (obligatoire)' }).fill('Site public');
    await page.getByRole('dialog').getByRole('button', { name: 'Créer une clé' }).click();
    const key = page.locator('[data-api-key]');
    await key.waitFor();
    expect((await key.textContent())?.length).toBeGreaterThan(20);
    await page.getByText('elle ne sera plus jamais affichée', { exact: false }).waitFor();
    expect(await checkPage(page, 'api-key-created')).toEqual([]);
    await page.getByRole('button', { name: 'J’ai copié la clé' }).click();
    const row = rows(page).filter({ hasText: 'Site public' });
    await row.waitFor();
    await expect.poll(() => page.locator('[data-api-key]').count()).toBe(0);
    expect(await checkPage(page, 'api-keys')).toEqual([]);
    await row.getByRole('button', { name: 'Révoquer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Clé révoquée').waitFor();
    await expect.poll(() => row.getByRole('button', { name: 'Révoquer' }).count()).toBe(0);
    // The audit log, filtered by action.
    await page.goto(`${api.url}/admin/#/auditLog?filter=${encodeURIComponent('{"actions":["API_KEY_REVOKED"]}')}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Clé d’API révoquée');
    expect(errors).toEqual([]);
    await page.close();
  });
});
