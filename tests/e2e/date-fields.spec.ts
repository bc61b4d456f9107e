/// <reference lib="dom" />
import { DEMO } from './support/accounts.js';
import { dateField, dateFieldText, fillDateField } from './support/date-fields.js';
import { expect as baseExpect, expectAccessible, signIn, test } from './support/fixtures.js';

// Dates are written and picked in the app's language (issue 18, defect 11), on a phone too: the field
// shows dd/mm/aaaa in Portuguese whatever the browser's language is (German writes 09.03.2026), and its calendar fits a 390 px screen.

const expect = baseExpect.configure({ timeout: 30_000 });
test.use({ actionTimeout: 30_000, locale: 'de-DE', viewport: { width: 390, height: 844 } });

test('when a date is picked on a phone in a browser set to German, then it reads and is typed day first in Portuguese and the calendar fits the screen', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/reports');
  await page.getByRole('tab', { name: 'Horas trabalhadas' }).click();

  const from = dateField(page, 'De');
  await expect(from).toBeVisible();
  // Typed segment by segment in the app's order; the value read back is day first.
  await fillDateField(page, 'De', '2026-03-09');
  await expect.poll(() => dateFieldText(page, 'De')).toBe('09/03/2026');

  // The calendar opens on the chosen month, inside the screen, and a tap on a day sets the field.
  await page.locator('.field', { has: from }).getByRole('button').click();
  const calendar = page.getByRole('dialog').filter({ has: page.getByRole('grid') });
  await expect(calendar.getByRole('heading')).toHaveText(/março de 2026/i);
  const box = await calendar.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expectAccessible(page, 'the date picker open on a phone');
  await calendar.getByRole('button', { name: /\b12 de março/ }).click();
  await expect(calendar).toBeHidden();
  await expect.poll(() => dateFieldText(page, 'De')).toBe('12/03/2026');

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
