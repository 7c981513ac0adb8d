// The reports page in chromium (moderators): an anonymous CLOSED report approved closes the
// listing; another report rejected with a reason; corrections stay out of the list. No console
// error; axe-core on each main page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture } from '../support/fixtures.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, logIn, newPage, rows } from './pages.ts';

let api: TestApi;
let browser: Browser;
let modo: Record<string, string>;
let closingId: string;
let wrongId: string;

/** A GraphQL call that must succeed: anonymous unless headers are given. */
async function call(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await api.gql(query, variables, headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

const createStructure = async (name: string, phone: string) =>
  (
    await call(
      `mutation ($input: StructureInput!) { createStructure(input: $input) { structure { id } } }`,
      { input: fixture({ name, phone }) },
      modo,
    )
  ).createStructure.structure.id as string;

const report = (id: string, reason: string, comment: string) =>
  call(
    `mutation ($id: ID!, $r: ReportReason!, $c: String) { reportStructure(structureId: $id, reason: $r, comment: $c) { submission { id } } }`,
    { id, r: reason, c: comment },
  );

/** A listing's status, as the moderators' status filter finds it. */
async function statusOf(id: string): Promise<string | undefined> {
  for (const status of ['ONLINE', 'CLOSED', 'OFFLINE', 'DRAFT']) {
    const found = await call(
      `query ($s: [StructureStatus!]) { structures(first: 100, filter: { statuses: $s }) { edges { node { id } } } }`,
      { s: [status] },
      modo,
    );
    if (found.structures.edges.some((e: { node: { id: string } }) => e.node.id === id)) return status;
  }
  return undefined;
}

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'modo@signalements.fr', role: 'MODERATOR' });
  modo = await loginHeaders(api, 'modo@signalements.fr');
  closingId = await createStructure('Accueil Fermé Corbie', '+33322100001');
  wrongId = await createStructure('Point Jeunes Doullens', '+33322100002');
  await report(closingId, 'CLOSED', 'Rideau baissé depuis juin.');
  await report(wrongId, 'WRONG_PHONE', 'Le numéro sonne dans le vide.');
  // A correction is a submission too, but not a report: it must stay out of the page.
  await call(
    `mutation ($id: ID!) { suggestCorrection(structureId: $id, changes: { phone: "+33322100009" }) { submission { id } } }`,
    { id: wrongId },
  );
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const menu = (page: Page) => page.locator('.RaSidebar-fixed, .RaMenu-open, nav').first();

async function opened(name: string) {
  const { page, errors } = await newPage(browser, api.url);
  onTestFailed(async () => {
    await page.screenshot({ path: `${artifacts}failed-${name}-${Date.now()}.png` }).catch(() => undefined);
    console.log('errors', errors);
  });
  await logIn(page, api.url, 'modo@signalements.fr');
  await page.getByText('Contributions en attente').waitFor();
  return { page, errors };
}

describe('reports in chromium', () => {
  it('a moderator sees the pending reports, approves a CLOSED one, and the listing is closed', async () => {
    const { page, errors } = await opened('report-approve');
    await menu(page).getByText('Signalements').click();
    const row = rows(page).filter({ hasText: 'Accueil Fermé Corbie' });
    await row.waitFor();
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(await row.textContent()).toContain('Fermée');
    expect(await row.textContent()).toContain('Rideau baissé depuis juin.');
    expect(await row.textContent()).toContain('En attente');
    expect(await rows(page).filter({ hasText: 'Point Jeunes Doullens' }).textContent()).toContain('Téléphone erroné');
    expect(await row.getByRole('link', { name: 'Accueil Fermé Corbie' }).count()).toBe(1);
    expect(await checkPage(page, 'reports-list')).toEqual([]);

    await row.getByText('Rideau baissé depuis juin.').click();
    const effect = page.locator('[data-approval-effect="closes"]');
    await effect.waitFor();
    expect(await effect.textContent()).toContain('ferme la fiche');
    expect(await checkPage(page, 'report-show')).toEqual([]);
    await page.getByRole('button', { name: 'Approuver' }).click();
    await page.getByText('Contribution approuvée').waitFor();
    await page.getByText('Approuvée', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Approuver' }).count()).toBe(0);

    // Structure has no status field: the moderators' status filter tells.
    expect(await statusOf(closingId)).toBe('CLOSED');
    // The structures list, filtered on closed listings, has it.
    await page.goto(`${api.url}/admin/#/structures?filter=${encodeURIComponent('{"status":"CLOSED"}')}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Accueil Fermé Corbie');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a report is rejected only with a reason; the filters find it by status and department', async () => {
    const { page, errors } = await opened('report-reject');
    await page.goto(`${api.url}/admin/#/reports`);
    const row = rows(page).filter({ hasText: 'Point Jeunes Doullens' });
    await row.getByText('Le numéro sonne dans le vide.').click();
    await page.locator('[data-approval-effect="none"]').waitFor();
    await page.getByRole('button', { name: 'Rejeter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Rejeter' }).click();
    await dialog.getByText('Ce champ est requis').waitFor();
    expect(await checkPage(page, 'report-reject-dialog')).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Motif (obligatoire)' }).fill('Numéro vérifié : il répond.');
    await dialog.getByRole('button', { name: 'Rejeter' }).click();
    await page.getByText('Contribution rejetée').waitFor();
    await page.getByText('Numéro vérifié : il répond.').waitFor();
    expect(await statusOf(wrongId)).toBe('ONLINE');
    const still = await call(`query ($id: ID!) { structure(id: $id) { phone } }`, { id: wrongId }, modo);
    expect(still.structure.phone).toBe('+33322100002');

    // Nothing pending any more (the correction is not a report).
    await page.goto(`${api.url}/admin/#/reports?filter=${encodeURIComponent('{"status":"PENDING"}')}`);
    await page.getByText('Aucun résultat', { exact: false }).first().waitFor();
    await page.goto(`${api.url}/admin/#/reports?filter=${encodeURIComponent('{"status":"REJECTED"}')}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Rejetée');
    const other = encodeURIComponent('{"status":"REJECTED","departmentCode":"75"}');
    await page.goto(`${api.url}/admin/#/reports?filter=${other}`);
    await page.getByText('Aucun résultat', { exact: false }).first().waitFor();
    const somme = encodeURIComponent('{"status":"APPROVED","departmentCode":"80"}');
    await page.goto(`${api.url}/admin/#/reports?filter=${somme}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Accueil Fermé Corbie');
    expect(await checkPage(page, 'reports-filtered')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
