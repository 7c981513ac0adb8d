// The pages mails lead to, in chromium and without a session: a registrant confirms their address
// from the mailed link; someone who forgot their password asks from the login page, receives the
// link over SMTP, chooses a new password and logs in with it. No console error; axe on each page.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createAccount, testPassword } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { tokenIn } from '../support/mail.ts';
import { ensureAdminBuilt } from './build.ts';
import { type Browser, launch } from './chromium.ts';
import { artifacts, checkPage, newPage } from './pages.ts';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ensureAdminBuilt();
  api = await testApi();
  await resetData(api.db);
  await createAccount(api.db, { email: 'admin@courriels.fr', role: 'ADMIN' });
  await createAccount(api.db, { email: 'distraite@courriels.fr', role: 'MODERATOR' });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('account pages in chromium', () => {
  it('a registrant confirms their address from the mailed link, once', async () => {
    await api.gql(
      `mutation ($input: ProfessionalRegistrationInput!) { registerProfessional(input: $input) { status } }`,
      {
        input: {
          email: 'nouvelle@courriels.fr',
          password: testPassword,
          name: 'Nora Nouvelle',
          organisation: 'Prévention Somme',
          jobTitle: 'Éducatrice spécialisée',
          justification: 'Carte professionnelle.',
        },
      },
    );
    const token = tokenIn(await api.mail.next('nouvelle@courriels.fr'));
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-verify-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    // As from a mail: a fresh load of the link (once the first load's redirect to the login
    // page is done, so that it cannot land after this navigation).
    await page.getByLabel('Adresse e-mail').waitFor();
    await page.goto('about:blank');
    await page.goto(`${api.url}/admin/#/email/verify/${token}`);
    await page.getByRole('heading', { name: 'Confirmer votre adresse e-mail' }).waitFor();
    expect(await checkPage(page, 'account-verify')).toEqual([]);
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
    await page.getByText('Adresse confirmée.', { exact: false }).waitFor();
    // The same link a second time: the server's refusal, in French.
    await page.reload();
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
    await page.getByText('Ce lien ou ce code est inconnu, déjà utilisé ou expiré.').waitFor();
    const [row] = await api.db.rows<{ verified: boolean }>(
      (await import('drizzle-orm'))
        .sql`SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE email = 'nouvelle@courriels.fr'`,
    );
    expect(row?.verified).toBe(true);
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });

  it('a forgotten password: asked from the login page, chosen from the mailed link, then used', async () => {
    const { page, errors } = await newPage(browser, api.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}failed-reset-${Date.now()}.png` }).catch(() => undefined);
      console.log('errors', errors);
    });
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    expect(await checkPage(page, 'account-forgot')).toEqual([]);
    await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('distraite@courriels.fr');
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByText('Si cette adresse a un compte, un lien vient de lui être envoyé.', { exact: false }).waitFor();
    const mail = await api.mail.next('distraite@courriels.fr');
    expect(mail.subject).toBe('Repère : choisissez un nouveau mot de passe');
    const token = tokenIn(mail);

    await page.goto('about:blank');
    await page.goto(`${api.url}/admin/#/password/reset/${token}`);
    await page.getByRole('heading', { name: 'Nouveau mot de passe' }).waitFor();
    expect(await checkPage(page, 'account-reset')).toEqual([]);
    await page.getByLabel('Nouveau mot de passe').fill('un-nouveau-mot-de-passe');
    await page.getByLabel('Répétez le mot de passe').fill('un-autre');
    await page.getByText('Les deux mots de passe diffèrent').waitFor();
    await page.getByLabel('Répétez le mot de passe').fill('un-nouveau-mot-de-passe');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByText('Mot de passe changé.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Retour à la connexion' }).click();
    await page.getByLabel('Adresse e-mail').fill('distraite@courriels.fr');
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('un-nouveau-mot-de-passe');
    // Enter, not a click: see logIn in pages.ts.
    await page.getByRole('textbox', { name: 'Mot de passe' }).press('Enter');
    await page.getByText('Contributions en attente').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
