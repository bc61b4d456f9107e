import { expect, test } from './support/fixtures.js';

/**
 * The first visit on a phone with a weak signal: Chrome's slow 3G profile (400 ms round trips, 500 kbit/s
 * down and up) through the DevTools protocol, so the scripts take seconds to arrive.
 */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (500 * 1024) / 8, uploadThroughput: (500 * 1024) / 8 };

test.describe('first load on a slow network', () => {
  test('when the landing page loads over slow 3G, then the brand and a skeleton of the page are painted before the scripts have arrived, and the landing follows', async ({ page, context }) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);

    await page.goto('/', { waitUntil: 'commit' });
    const skeleton = page.locator('[data-first-paint]');
    await expect(skeleton).toBeVisible();
    await expect(skeleton).toContainText('Lavandaria');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Roupa fresca', { timeout: 90_000 });
    await expect(skeleton).toHaveCount(0);

    // The first contentful paint came before the last script finished downloading: the visitor saw the
    // page's outline while the app was still on its way, not a blank screen or a bare spinner.
    const timing = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')) as PerformanceResourceTiming[];
      return { fcp, lastScript: Math.max(...scripts.map((e) => e.responseEnd)), scripts: scripts.length };
    });
    expect(timing.scripts).toBeGreaterThan(0);
    expect(timing.fcp, JSON.stringify(timing)).toBeLessThan(timing.lastScript);

    // The landing page came without the app: no router, query cache or shell until the visitor goes on.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.endsWith('.js')));
    expect(scripts.filter((name) => /\/(app-core|app|router|staff-shell|mobile-shell)-[\w-]+\.js$/.test(name))).toEqual([]);
  });

  test('when a visitor who signed in before opens the landing page, then its content shows while the session check is still on its way', async ({ page, allowConsole }) => {
    allowConsole(/status of 401/);
    // This browser signed in before (the hint the landing page reads), but the session has since ended.
    await page.addInitScript(() => localStorage.setItem('lavandaria.signedIn', '1'));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/session', async (route) => {
      await held;
      await route.continue();
    });

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Roupa fresca');
    await expect(page.getByRole('button', { name: 'Entrar', exact: true })).toBeVisible();

    // The answer (no session) leaves the visitor on the landing page.
    const answered = page.waitForResponse('**/api/auth/session');
    release();
    await answered;
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Roupa fresca');
  });
});
