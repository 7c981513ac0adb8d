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
  const password = page.getByRole('textbox', { name: 'Mot de passe' });
  await password.fill(testPassword);
  // Submitted from the keyboard: the first-install banner, fetched after the form shows, moves
  // the button down, and a click aimed before it appeared landed beside it (seen under load).
  await password.press('Enter');
}

/** Screenshot and axe results of a main page; returns its serious and critical violations. */
export async function checkPage(page: Page, name: string): Promise<Violation[]> {
  // A dialog still fading in has half its contrast: wait until every finite animation or
  // transition is over (infinite ones, such as a spinner, never are).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
    undefined,
    { polling: 'raf' },
  );
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  writeFileSync(`${artifacts}axe-${name}.json`, `${JSON.stringify(serious, null, 2)}\n`);
  return serious;
}

export const rows = (page: Page) => page.locator('table tbody tr');

const tileHost = 'tile.openstreetmap.org';

/**
 * No network for the tiles: each tile request fails. Chromium reports each failed <img> load
 * as a console error "Failed to load resource: net::ERR_FAILED" that the page cannot silence;
 * only exactly those, for tile URLs, are set aside (the returned list); any other stays an error.
 */
export async function blockTiles(
  page: Page,
  errors: string[],
): Promise<{ tiles: string[]; tileErrors: () => string[] }> {
  const tiles: string[] = [];
  const tileErrors: string[] = [];
  await page.route(`**/${tileHost}/**`, (route) => {
    tiles.push(route.request().url());
    return route.abort();
  });
  page.on('console', (msg) => {
    const url = msg.location().url;
    if (msg.type() === 'error' && msg.text().startsWith('Failed to load resource') && url.includes(`//${tileHost}/`)) {
      tileErrors.push(url);
      const index = errors.indexOf(`console: ${msg.text()}`);
      if (index >= 0) errors.splice(index, 1);
    }
  });
  return { tiles, tileErrors: () => tileErrors };
}
