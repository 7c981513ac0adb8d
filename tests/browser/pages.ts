// What every back-office browser test does: a fresh tab, logging in, and checking a main page
// (a screenshot as an artifact, then axe-core: no serious or critical violation).
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { testPassword } from '../support/accounts.ts';
import { axeViolations, type Violation } from './axe.ts';
import { type Browser, collectErrors } from './chromium.ts';

export const artifacts = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

/** A tab with no session and no remembered preferences (language, list filters and pages). */
export async function newPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${url}/admin/`);
  await page.evaluate(() => localStorage.clear());
  return { page, errors };
}

export async function logIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/admin/`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(testPassword);
  await page.getByRole('button', { name: 'Connexion' }).click();
}

/** Screenshot and axe results of a main page; returns its serious and critical violations. */
export async function checkPage(page: Page, name: string): Promise<Violation[]> {
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  writeFileSync(`${artifacts}axe-${name}.json`, `${JSON.stringify(serious, null, 2)}\n`);
  return serious;
}

export const rows = (page: Page) => page.locator('table tbody tr');
