// The back office in English, page by page, for each role: no raw i18n key on the page, no
// missing translation in the console, no French word in the interface's chrome (menus, headers,
// buttons, labels, tabs, titles: data such as structure names stay French). A screenshot and
// axe-core for each page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createAccount, loginHeaders, rawId } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, logIn, newPage, rows } from './pages.ts';

let api: TestApi;
let browser: Browser;
let ids: string[];

/** A GraphQL call that must succeed: anonymous unless headers are given. */
async function call(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await api.gql(query, variables, headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  ids = await seed(api.db, [
    fixture({ name: 'Maison des Jeunes Abbeville', lastVerifiedAt: new Date() }),
    fixture({ name: 'Accueil Restreint Amiens', visibility: 'RESTRICTED', lastVerifiedAt: new Date() }),
    fixture({ name: 'Abri Confidentiel Somme', visibility: 'CONFIDENTIAL', kind: 'RESPITE', services: ['RESPITE'] }),
  ]);
  await createAccount(api.db, { email: 'admin@english.fr', role: 'ADMIN' });
  await createAccount(api.db, { email: 'modo@english.fr', role: 'MODERATOR' });
  await createAccount(api.db, { email: 'pro@english.fr', role: 'PROFESSIONAL', structureIds: [rawId(ids[0]!)] });
  await createAccount(api.db, { email: 'pro-b@english.fr', role: 'PROFESSIONAL', structureIds: [rawId(ids[1]!)] });
  await createAccount(api.db, { email: 'candidate@english.fr', role: 'PROFESSIONAL', status: 'PENDING' });
  // Queues that are not empty: a new listing, a report, a referral each way.
  await call(
    `mutation { submitStructure(idempotencyKey: "english-essai-1", input: { name: "Point Écoute Péronne",
      kind: ASSOCIATION, services: [LISTENING_SUPPORT], address: { postalCode: "80200", city: "Péronne" } }) {
      submission { id } } }`,
    {},
  );
  await call(
    `mutation ($id: ID!) { reportStructure(structureId: $id, reason: WRONG_PHONE, comment: "Le numéro sonne dans le vide.") { submission { id } } }`,
    { id: ids[0] },
  );
  const send = `mutation ($to: ID!) { sendReferral(toStructureId: $to, message: "Arrivée prévue lundi.", urgency: SOON) { referral { id } } }`;
  await call(send, { to: ids[1] }, await loginHeaders(api, 'pro@english.fr'));
  await call(send, { to: ids[0] }, await loginHeaders(api, 'pro-b@english.fr'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Raw keys of our messages or react-admin's (a missing translation shows its key). */
const rawKey = /\b(resources|repere|ra)\.[a-zA-Z_]+\.[a-zA-Z_.]+/g;
/** French words of the interface's chrome that have no place in English (whole words). */
const french = [
  'Enregistrer',
  'Rechercher',
  'Recherche',
  'Visibilité',
  'Modifier',
  'Créer',
  'Supprimer',
  'Exporter',
  'Ajouter',
  'Annuler',
  'Retour',
  'Liste',
  'Carte',
  'Fiche',
  'Révisions',
  'Contributions',
  'Signalements',
  'Professionnels',
  'Modérateurs',
  'Clés',
  'Orientations',
  'Tableau de bord',
  'Journal',
  'Langue',
  'Nom',
  'Commune',
  'Téléphone',
  'Adresse',
  'Statut',
  'Motif',
  'Approuver',
  'Rejeter',
  'Valider',
  'Refuser',
  'Révoquer',
  'Publier',
  'Échelle',
  'Actualiser',
  'Déconnexion',
  'Filtres',
  'Lignes',
  'Créée',
  'Fermer',
  'Envoyer',
  'Restaurer',
  'Copier',
  'Horaires',
  'Département',
  'Près de',
  'Rayon',
  'contributeurs',
  'Tous publics',
];
const frenchWord = new RegExp(`(?<!\\p{L})(${french.join('|')})(?!\\p{L})`, 'gu');
const chrome =
  'nav, thead, button, label, legend, [role=tab], [role=columnheader], h1, h2, h3, h4, h5, h6, .MuiTablePagination-root';

interface Watched {
  page: Page;
  missing: string[];
  errors: string[];
}

async function englishPage(email: string): Promise<Watched> {
  const { page, errors } = await newPage(browser, api.url);
  const missing: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('Missing translation')) missing.push(msg.text());
  });
  onTestFailed(async () => {
    await page.screenshot({ path: `${artifacts}failed-english-${Date.now()}.png` }).catch(() => undefined);
    console.log('errors', errors, 'missing', missing);
  });
  await logIn(page, api.url, email);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('button', { name: 'English' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  return { page, missing, errors };
}

/** Waits for a page's data, then checks it in English; returns what was found wrong. */
async function check({ page, missing }: Watched, name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page.locator('.MuiLinearProgress-root, .RaLoading-root').first().waitFor({ state: 'detached' });
  // Then rendering settles: a frame, and no transition left running (infinite spinners aside).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
    undefined,
    { polling: 'raf' },
  );
  const found: string[] = [];
  // biome-ignore lint/performance/useDomNodeTextContent: the text shown, not hidden nodes'.
  const text = await page.locator('body').innerText();
  for (const key of text.match(rawKey) ?? []) found.push(`${name}: raw key ${key}`);
  const chromeText = (await page.locator(chrome).allInnerTexts()).join('\n');
  for (const word of chromeText.match(frenchWord) ?? []) found.push(`${name}: French "${word}"`);
  for (const warning of missing.splice(0)) found.push(`${name}: ${warning}`);
  const serious = await checkPage(page, `english-${name}`);
  for (const v of serious) found.push(`${name}: axe ${v.id}`);
  return found;
}

async function visit(watched: Watched, name: string, hash: string): Promise<string[]> {
  await watched.page.goto(`${api.url}/admin/#/${hash}`);
  return check(watched, name);
}

/** Opens a list's row (its show page) by its text. */
async function open(watched: Watched, name: string, list: string, text: string): Promise<string[]> {
  await watched.page.goto(`${api.url}/admin/#/${list}`);
  await rows(watched.page).filter({ hasText: text }).first().click();
  await expect.poll(() => watched.page.url()).toContain('/show');
  return check(watched, name);
}

const structure = (i: number) => `structures/${encodeURIComponent(ids[i]!)}`;

/** Errors of the console other than tiles the sandbox cannot load. */
const real = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));

describe('the back office in English', () => {
  it('an admin sees every page in English', async () => {
    const w = await englishPage('admin@english.fr');
    const found = [
      ...(await visit(w, 'admin-dashboard', '')),
      ...(await visit(w, 'admin-structures', 'structures')),
      ...(await visit(w, 'admin-professionals', 'professionals')),
      ...(await open(w, 'admin-professional-show', 'professionals', 'candidate@english.fr')),
      ...(await visit(w, 'admin-moderators', 'moderators')),
      ...(await visit(w, 'admin-api-keys', 'apiKeys')),
      ...(await visit(w, 'admin-helplines', 'helplines')),
      ...(await visit(w, 'admin-scale', 'selfAssessmentScale')),
      ...(await visit(w, 'admin-audit', 'auditLog')),
      ...(await visit(w, 'admin-submissions', 'submissions')),
    ];
    expect(found).toEqual([]);
    expect(real(w.errors)).toEqual([]);
    await w.page.close();
  });

  it('a moderator sees every page in English', async () => {
    const w = await englishPage('modo@english.fr');
    const found = [
      ...(await visit(w, 'moderator-dashboard', '')),
      ...(await visit(w, 'moderator-structures', 'structures')),
    ];
    await w.page.getByRole('tab', { name: 'Map' }).click();
    found.push(...(await check(w, 'moderator-structures-map')));
    await w.page.getByRole('tab', { name: 'List' }).click();
    found.push(
      ...(await visit(w, 'moderator-structure-show', `${structure(2)}/show`)),
      ...(await visit(w, 'moderator-structure-revisions', `${structure(2)}/show/revisions`)),
      ...(await visit(w, 'moderator-structure-edit', `${structure(2)}`)),
      ...(await visit(w, 'moderator-structure-create', 'structures/create')),
      ...(await visit(w, 'moderator-submissions', 'submissions')),
      ...(await open(w, 'moderator-submission-show', 'submissions', 'Point Écoute Péronne')),
      ...(await visit(w, 'moderator-reports', 'reports')),
      ...(await open(w, 'moderator-report-show', 'reports', 'Maison des Jeunes Abbeville')),
    );
    expect(found).toEqual([]);
    expect(real(w.errors)).toEqual([]);
    await w.page.close();
  });

  it('a professional sees every page in English', async () => {
    const w = await englishPage('pro@english.fr');
    const found = [
      ...(await visit(w, 'professional-dashboard', '')),
      ...(await visit(w, 'professional-structures', 'structures')),
    ];
    await w.page.getByRole('tab', { name: 'Map' }).click();
    found.push(...(await check(w, 'professional-structures-map')));
    await w.page.getByRole('tab', { name: 'List' }).click();
    found.push(
      ...(await visit(w, 'professional-structure-show', `${structure(1)}/show`)),
      ...(await visit(w, 'professional-referrals', 'referrals')),
    );
    expect(found).toEqual([]);
    expect(real(w.errors)).toEqual([]);
    await w.page.close();
  });
});
