import type { Locator, Page } from '@playwright/test';

/*
 * The app's date and time fields are segments (day, month, year, hour, minute) in the order of the app's
 * language, not one native input: these helpers type into them by label, whatever that order is.
 */

/** The segments of the date or time field labelled `label`. */
export function dateField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true }).first();
}

const PATTERN = /^(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2}))?$/;

/** Types `value` (`YYYY-MM-DD`, `HH:MM` or `YYYY-MM-DDTHH:MM`, as the API takes it) into the field. */
export async function fillDateField(scope: Page | Locator, label: string, value: string): Promise<void> {
  const match = PATTERN.exec(value);
  if (!match || value === '') throw new Error(`not a date or time: ${value}`);
  const [, year, month, day, hour, minute] = match;
  const field = dateField(scope, label);
  const page = field.page();
  const parts: Array<[string, string | undefined]> = [
    ['day', day],
    ['month', month],
    ['year', year],
    ['hour', hour],
    ['minute', minute],
  ];
  for (const [type, text] of parts) {
    if (text === undefined) continue;
    await field.locator(`[data-type="${type}"]`).click();
    await page.keyboard.type(text);
  }
}

/** What the field shows, without the invisible direction marks (e.g. `11:00`, `09/03/2026`). */
export async function dateFieldText(scope: Page | Locator, label: string): Promise<string> {
  const segments = await dateField(scope, label).locator('[data-type]').allTextContents();
  return segments.join('').replace(/[\u2066-\u2069\u200e\u200f]/g, '');
}
