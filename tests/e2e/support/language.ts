/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from '@playwright/test';
import type { Account } from './accounts.js';
import { expect } from './fixtures.js';

// The language check's tools: what a person can read on a page, and which of it must change with the
// language. Text marked translate="no" is data (a client's name, an order number, an address): the same
// in every language, as a page translator also treats it.

/** Every piece of text a person can see or hear on the page: text nodes, names, placeholders, the title. */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (element: Element) => {
      if (element.closest('[aria-hidden="true"]')) return false;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
    };
    // The tab's title ("<page> · <business>") and a name given to an element ("009-01 · Camisa") may be
    // made of data shown on the page (marked translate="no"): those parts are left out.
    const data = new Set([...document.querySelectorAll('[translate="no"]')].map((element) => element.textContent?.trim()));
    const withoutData = (text: string) => text.split(' · ').filter((part) => !data.has(part)).join(' · ');
    const texts = [withoutData(document.title)];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim();
      const parent = walker.currentNode.parentElement;
      if (text && parent && shown(parent) && !parent.closest('[translate="no"]')) texts.push(text);
    }
    // An element marked translate="no" keeps its attributes as they are too (HTML's translate attribute).
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (!shown(element) || element.closest('[translate="no"]')) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = withoutData(element.getAttribute(name)?.trim() ?? '');
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** The visible texts inside one part of the page (a card, a dialog), for screens whose other parts show data. */
export async function textsIn(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) =>
    roots.flatMap((root) => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const text = walker.currentNode.textContent?.trim();
        const parent = walker.currentNode.parentElement;
        if (text && parent && parent.getBoundingClientRect().width > 0 && !parent.closest('[translate="no"]')) texts.push(text);
      }
      for (const element of root.querySelectorAll('[aria-label]')) if (!element.closest('[translate="no"]')) texts.push(element.getAttribute('aria-label')!.trim());
      return texts;
    }),
  );
}

/**
 * Texts that are the same in both languages on purpose: the brand, the language names, words and tax
 * codes written alike in both (IVA, NIF, Total, PDF, MB WAY; the demo catalogue's "Blazer"), the
 * business's own contact details, numbers, dates and quantities in units written alike (2 kg, 1 h 20 min, 50 min 1 s),
 * and the signed-in person's own name, login and initials.
 */
export function isLanguageNeutral(text: string, account?: Account): boolean {
  const neutral = ['Lavandaria', 'PT', 'EN', 'Português', 'English', 'Menu', 'Lavandaria Sousa', 'geral@lavandariasousa.pt', 'Rua dos Fanqueiros 120', '1100-232 Lisboa', 'NIF', 'E-mail', 'IVA', 'Total', 'Subtotal', 'PDF', 'MB WAY', 'Blazer'];
  if (neutral.includes(text)) return true;
  if (/^[\d\s+()·.,:%–—✓✗→/-]+$/.test(text)) return true;
  if (/^(Total: )?([\d.,]+ ?(kg|h|min|s)\s*)+$/.test(text) || text === '/ kg') return true;
  if (account && [account.name, account.login, `+351${account.login}`].includes(text)) return true;
  if (account && /^[A-Z]{1,2}$/.test(text)) return true; // avatar initials
  return false;
}

/** The Portuguese texts also found, unchanged, among the English ones (and not neutral). */
export function untranslated(english: string[], portuguese: string[], account?: Account): string[] {
  const inEnglish = new Set(english);
  return [...new Set(portuguese.filter((text) => inEnglish.has(text) && !isLanguageNeutral(text, account)))];
}

/** React Aria keeps the radio input visually hidden: a person clicks its label. */
export async function chooseLanguage(page: Page, language: 'English' | 'Português') {
  await page.locator(`label:has(input[aria-label="${language}"])`).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en-GB' : 'pt-PT');
}
