/// <reference lib="dom" />
import { DEMO } from './support/accounts.js';
import { expect, signIn, test } from './support/fixtures.js';

// The pages people see first, at a phone's and a laptop's width, kept in test-results/screenshots for
// review (and as a smoke test: each must render its heading without console errors).
const WIDTHS = [390, 1280] as const;
const dir = 'test-results/screenshots';

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 844 : 800 } });

    test('the landing page', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${dir}/landing-${width}.png`, fullPage: true });
    });

    for (const [role, account] of Object.entries(DEMO)) {
      test(`the ${role} shell`, async ({ page }) => {
        await signIn(page, account);
        await expect(page).toHaveURL(new RegExp(`${account.home}$`));
        await expect(page.getByRole('heading', { level: 1 })).toContainText(account.name.split(' ')[0]!);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `${dir}/${role}-${width}.png`, fullPage: true });
      });
    }
  });
}
