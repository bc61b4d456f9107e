/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { DEMO } from './support/accounts.js';
import { apiAs } from './support/api.js';
import { expect, signIn, test } from './support/fixtures.js';

// Every page of every role at a phone's and a laptop's width, kept in test-results/screenshots for
// review, and each one checked: it renders its heading, and nothing is wider than the screen (no
// sideways scrolling).
const WIDTHS = [390, 1280] as const;
const dir = 'test-results/screenshots';

const PAGES = {
  master: [
    '',
    'laundry',
    'laundry/new',
    'laundry/counter',
    'laundry-services',
    'scan',
    'racks',
    'cleaning',
    'cleaning?view=week',
    'cleaning/new',
    'turnovers',
    'checklists',
    'checklists/new',
    'clients',
    'payments',
    'reports',
    'tickets',
    'requests',
    'messages',
    'users',
    'settings',
    'audit',
    'imports',
    'profile',
  ],
  worker: ['', 'laundry', 'scan', 'cleaning', 'tickets', 'profile'],
  client: ['', 'laundry', 'cleaning', 'account', 'requests', 'requests/new', 'messages', 'profile'],
} as const;

/** Detail pages: the first item of each list this account may open (from the demo data). */
async function detailPages(role: keyof typeof PAGES): Promise<string[]> {
  const account = DEMO[role];
  const api = await apiAs(account.kind as 'staff' | 'client', account.login, account.password);
  const lists: [string, string][] =
    role === 'master'
      ? [
          ['/api/laundry-orders?limit=1', 'laundry'],
          ['/api/cleaning-jobs?limit=1', 'cleaning'],
          ['/api/clients?limit=1', 'clients'],
          ['/api/tickets?limit=1', 'tickets'],
          ['/api/requests?limit=1', 'requests'],
        ]
      : role === 'worker'
        ? [
            ['/api/laundry-orders?limit=1', 'laundry'],
            ['/api/cleaning-jobs?limit=1', 'cleaning'],
            ['/api/tickets?limit=1', 'tickets'],
          ]
        : [
            ['/api/laundry-orders?limit=1', 'laundry'],
            ['/api/cleaning-jobs?limit=1', 'cleaning'],
            ['/api/requests?limit=1', 'requests'],
          ];
  const found: string[] = [];
  for (const [url, path] of lists) {
    const response = await api.get(url);
    if (!response.ok()) continue;
    const [first] = ((await response.json()) as { data: { id: number; property?: { id: number } }[] }).data;
    if (first) found.push(`${path}/${first.id}`, ...(role === 'master' && path === 'cleaning' ? [`cleaning/${first.id}/edit`] : []));
    // A short-let property's page (calendars, stays, rule, linen), for staff and for its owner.
    if (first?.property && role !== 'worker') found.push(`properties/${first.property.id}`);
  }
  if (role === 'master') {
    // A checklist in the editor: the first one there is, else one made for the picture.
    const templates = (await (await api.get('/api/checklist-templates?limit=1')).json()) as { data: { id: number }[] };
    let template = templates.data[0];
    if (!template) {
      const created = await api.post('/api/checklist-templates', {
        data: { name: 'Saída T2', sections: [{ title: 'Cozinha', items: [{ label: 'Loiça lavada e arrumada' }, { label: 'Frigorífico limpo', requiresPhoto: true }] }] },
      });
      template = ((await created.json()) as { data: { id: number } }).data;
    }
    found.push(`checklists/${template.id}`);
  }
  await api.dispose();
  return found;
}

async function pageWidth(page: Page): Promise<{ scroll: number; viewport: number }> {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 844 : 800 } });

    test('the landing page', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${dir}/landing-${width}.png`, fullPage: true });
      const { scroll, viewport } = await pageWidth(page);
      expect(scroll, 'the landing page fits the screen').toBeLessThanOrEqual(viewport);
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

    for (const role of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
      test(`every ${role} page fits the screen`, async ({ page }) => {
        test.setTimeout(300_000);
        const account = DEMO[role];
        await signIn(page, account);
        await expect(page).toHaveURL(new RegExp(`${account.home}$`));
        const overflowing: string[] = [];
        for (const path of [...PAGES[role], ...(await detailPages(role))]) {
          const url = path ? `${account.home}/${path}` : account.home;
          await page.goto(url);
          await expect(page.getByRole('heading', { level: 1 }).first(), url).toBeVisible();
          await page.waitForLoadState('networkidle');
          await page.evaluate(() => document.fonts.ready);
          const { scroll, viewport } = await pageWidth(page);
          if (scroll > viewport) overflowing.push(`${url}: ${scroll} px wide`);
          await page.screenshot({ path: `${dir}/${role}-${path.replace(/[/?=]/g, '-') || 'home'}-${width}.png`, fullPage: true });
        }
        expect(overflowing, 'pages wider than the screen').toEqual([]);
      });
    }
  });
}
