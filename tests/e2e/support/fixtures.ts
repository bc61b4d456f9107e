import { test as base, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Account } from './accounts.js';

interface Fixtures {
  /** Console messages a test expects (e.g. the browser's own line for a 401 it provokes). */
  allowConsole: (pattern: RegExp) => void;
}

/**
 * Every test fails on a console error or an uncaught page error, unless it declared that message as
 * expected: "no console errors" is checked on every page the suite opens.
 */
export const test = base.extend<Fixtures>({
  allowConsole: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(message.text()))) problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use((pattern) => allowed.push(pattern));
      expect(problems, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in from the landing page the way a person does (Portuguese interface). */
export async function signIn(page: Page, account: Account) {
  await page.goto('/');
  if (account.kind === 'client') {
    await page.getByLabel('Número de telemóvel').fill(account.login);
  } else {
    await page.locator('label').filter({ hasText: 'Equipa' }).click();
    await page.getByLabel('Nome de utilizador').fill(account.login);
  }
  await page.getByLabel('Palavra-passe', { exact: true }).fill(account.password);
  // The sign-in's answer is awaited here: a test that goes to another address straight after would
  // otherwise cancel the request on a busy machine and stay signed out on the landing page.
  const answered = page.waitForResponse((response) => /\/api\/auth\/login\//.test(response.url()) && response.request().method() === 'POST', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await answered;
}

/** axe-core on the current page: no serious or critical WCAG 2.x A/AA violation. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    // React Aria's own off-screen live region: its short-lived announcement nodes point at a button
    // that may already be gone (e.g. "Entrar" after signing in); they are not page content.
    .exclude('[data-live-announcer]')
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `accessibility of ${what}`).toEqual([]);
}
