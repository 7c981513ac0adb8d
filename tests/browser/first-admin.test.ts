// A fresh install's first admin, in chromium: the setup code is printed in the server's log at
// start-up; the login page leads to the setup page, which creates the admin once; afterwards the
// page is gone (it says so) and the login page no longer offers it. No console error; axe.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createLogger } from '../../api/src/log.ts';
import { prepareFirstAdminSetup } from '../../api/src/modules/accounts/setup.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, newPage } from './pages.ts';

let api: TestApi;
let browser: Browser;
const startupLog: string[] = [];

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await api.db.exec('DELETE FROM first_admin_setup');
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const firstAdmin = (setupCode: string, email = 'premiere@installation.fr') =>
  api.gql('mutation ($input: FirstAdminInput!) { createFirstAdmin(input: $input) }', {
    input: { setupCode, email, name: 'Première Admin', password: 'un-mot-de-passe-d-installation' },
  });

describe('first admin', () => {
  it('is created from the back office with the code of the server’s log, once; then the page is gone', async () => {
    // What server.ts does at start-up, with the log kept.
    const log = createLogger('info', { write: (line: string) => void startupLog.push(line) });
    await prepareFirstAdminSetup(api.db, log);
    // A restart prints a new code; only the latest works.
    const stale = /setup code to create the first one: ([A-Z0-9-]+)/.exec(startupLog.join(''))?.[1] as string;
    startupLog.length = 0;
    await prepareFirstAdminSetup(api.db, log);
    const code = /setup code to create the first one: ([A-Z0-9-]{19})"/.exec(startupLog.join(''))?.[1] as string;
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(code).not.toBe(stale);
    expect((await firstAdmin(stale)).errors?.[0]?.message).toBe(
      'setupCode: wrong code, or this install already has an admin.',
    );

    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-first-admin-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await page.getByText('Première installation : aucun compte administrateur.').waitFor();
    expect(await page.getByRole('heading', { name: 'Repère — back office' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Créer le premier administrateur' }).click();
    await page.getByRole('heading', { name: 'Premier administrateur' }).waitFor();
    expect(await checkPage(page, 'first-admin-setup')).toEqual([]);
    // Typed as people do: lower case, spaces instead of dashes.
    await page.getByLabel('Code d’installation').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByLabel('Adresse e-mail').fill('premiere@installation.fr');
    await page.getByLabel('Nom').fill('Première Admin');
    await page.getByLabel('Mot de passe (12 caractères au moins)').fill('un-mot-de-passe-d-installation');
    await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
    await page.getByText('Compte administrateur créé.', { exact: false }).waitFor();

    // Once: the same code again is refused, and the page says the install has an admin.
    expect((await firstAdmin(code, 'seconde@installation.fr')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await page.reload();
    await page.getByText('Cette installation a déjà un administrateur : connectez-vous.').waitFor();
    await page.getByRole('link', { name: 'Retour à la connexion' }).click();
    await page.getByLabel('Adresse e-mail').fill('premiere@installation.fr');
    expect(await page.getByText('Première installation', { exact: false }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('un-mot-de-passe-d-installation');
    // Enter, not a click: see logIn in pages.ts.
    await page.getByRole('textbox', { name: 'Mot de passe' }).press('Enter');
    await page.getByText('Contributions en attente').waitFor();
    expect(errors).toEqual([]);
    await page.close();

    // A restart with an admin prints no code, and none is stored.
    startupLog.length = 0;
    expect(await prepareFirstAdminSetup(api.db, log)).toBeNull();
    expect(startupLog.join('')).not.toContain('setup code');
    const [row] = await api.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM first_admin_setup`);
    expect(row?.n).toBe(0);
    const [admins] = await api.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM users WHERE role = 'ADMIN'`);
    expect(admins?.n).toBe(1);
  });
});
