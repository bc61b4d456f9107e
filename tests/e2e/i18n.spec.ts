/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createClient, createStaff, type Account } from './support/accounts.js';
import { apiAs, baseURL, data, lisbonToday, newClient, newWorker } from './support/api.js';
import { expect, signIn, test } from './support/fixtures.js';

/** Every piece of text a person can see or hear on the page: text nodes, names, placeholders, the title. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (element: Element) => {
      if (element.closest('[aria-hidden="true"]')) return false;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
    };
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim();
      const parent = walker.currentNode.parentElement;
      // translate="no" marks data (a client's name, an order number), the same in every language.
      if (text && parent && shown(parent) && !parent.closest('[translate="no"]')) texts.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (!shown(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Texts that are the same in both languages on purpose: names, numbers, the brand, the language names, NIF and e-mail. */
function isLanguageNeutral(text: string, account?: Account): boolean {
  const neutral = ['Lavandaria', 'PT', 'EN', 'Português', 'English', 'Menu', 'Lavandaria Sousa', 'geral@lavandariasousa.pt', 'Rua dos Fanqueiros 120', '1100-232 Lisboa', 'NIF', 'E-mail'];
  if (neutral.includes(text)) return true;
  if (/^[\d\s+()·.,:%–—✓✗→-]+$/.test(text)) return true;
  if (account && [account.name, account.login, `+351${account.login}`].includes(text)) return true;
  if (account && /^[A-Z]{1,2}$/.test(text)) return true; // avatar initials
  return false;
}

function untranslated(english: string[], portuguese: string[], account?: Account): string[] {
  const inEnglish = new Set(english);
  return [...new Set(portuguese.filter((text) => inEnglish.has(text) && !isLanguageNeutral(text, account)))];
}

/** React Aria keeps the radio input visually hidden: a person clicks its label. */
async function chooseLanguage(page: Page, language: 'English' | 'Português') {
  await page.locator(`label:has(input[aria-label="${language}"])`).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en-GB' : 'pt-PT');
}

test('when the landing page switches from English to Portuguese, then every visible string changes', async ({ page }) => {
  await page.goto('/');
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fresh clothes and spotless homes, from one team you can trust');
  const english = await visibleTexts(page);
  // The staff form has its own labels.
  await page.locator('label').filter({ hasText: 'Team' }).click();
  english.push(...(await visibleTexts(page)));

  await chooseLanguage(page, 'Português');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roupa fresca e casas impecáveis, por uma equipa de confiança');
  const portuguese = await visibleTexts(page);
  await page.locator('label').filter({ hasText: 'Cliente' }).click();
  portuguese.push(...(await visibleTexts(page)));

  expect(untranslated(english, portuguese)).toEqual([]);
  // Remembered on this device.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-PT');
});

const shells: [string, () => Promise<Account>][] = [
  ['staff', () => createStaff({ role: 'admin', name: 'Tiago Neves' })],
  ['worker', () => createStaff({ role: 'worker', name: 'Carla Lopes' })],
  ['client', () => createClient({ mustChangePassword: false, name: 'Inês Duarte' })],
];

for (const [shell, create] of shells) {
  test(`when the ${shell} shell switches from English to Portuguese, then every visible string changes and the choice follows the account`, async ({ page }) => {
    const account = await create();
    await signIn(page, account);
    await expect(page).toHaveURL(new RegExp(`${account.home}$`));
    const nav = page.getByRole('navigation', { name: /Navegação principal|Main navigation/ }).first();

    await chooseLanguage(page, 'English');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Good (morning|afternoon|evening), /);
    const english = await visibleTexts(page);
    await nav.getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    english.push(...(await visibleTexts(page)));

    // Stored on the account: a new visit opens in English.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

    await chooseLanguage(page, 'Português');
    await expect(page.getByRole('heading', { level: 1, name: 'Perfil' })).toBeVisible();
    const portuguese = await visibleTexts(page);
    await nav.getByRole('link', { name: 'Início' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Bom dia|Boa tarde|Boa noite), /);
    portuguese.push(...(await visibleTexts(page)));

    expect(untranslated(english, portuguese, account)).toEqual([]);
  });
}

/** The visible texts inside one part of the page (a card), for screens whose other parts show data. */
async function textsIn(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) =>
    roots.flatMap((root) => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const text = walker.currentNode.textContent?.trim();
        const parent = walker.currentNode.parentElement;
        if (text && parent && parent.getBoundingClientRect().width > 0 && !parent.closest('[translate="no"]')) texts.push(text);
      }
      for (const element of root.querySelectorAll('[aria-label]')) texts.push(element.getAttribute('aria-label')!.trim());
      return texts;
    }),
  );
}

test('when staff read a client price list and the reminders setting in English and then Portuguese, then every string changes', async ({ page }) => {
  const account = await createStaff({ role: 'admin', name: 'Rita Moura' });
  const api = await apiAs('staff', account.login, account.password);
  const phone = `93${String(Date.now()).slice(-7)}`;
  const created = await data<{ client: { id: number } }>(await api.post('/api/clients', { data: { phone, name: 'Alojamentos Graça', billing: 'monthly' } }));
  const services = await data<Array<{ id: number; code: string }>>(await api.get('/api/laundry-services?limit=100'));
  await data(await api.post(`/api/clients/${created.client.id}/prices`, { data: { item: 'laundry_service', serviceId: services.find((s) => s.code === 'WASH_IRON')!.id, priceCents: 300, validFrom: '2020-01-01' } }));
  await data(await api.post(`/api/clients/${created.client.id}/prices`, { data: { item: 'cleaning_hour', priceCents: 1300, validFrom: '2099-01-01' } }));
  await api.dispose();
  await signIn(page, account);
  const parts = '[data-testid="client-prices"], .facts';

  await chooseLanguage(page, 'English');
  await page.goto(`/admin/clients/${created.client.id}`);
  await expect(page.getByRole('heading', { name: 'Client prices' })).toBeVisible();
  const english = await textsIn(page, parts);
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { name: 'Payment reminders' })).toBeVisible();
  english.push(...(await textsIn(page, 'section[aria-labelledby="settings-reminders"]')));

  await chooseLanguage(page, 'Português');
  await expect(page.getByRole('heading', { name: 'Lembretes de pagamento' })).toBeVisible();
  const portuguese = await textsIn(page, 'section[aria-labelledby="settings-reminders"]');
  await page.goto(`/admin/clients/${created.client.id}`);
  await expect(page.getByRole('heading', { name: 'Preços do cliente' })).toBeVisible();
  portuguese.push(...(await textsIn(page, parts)));

  expect(english.length).toBeGreaterThan(10);
  // The client's name and "—" for a missing e-mail or NIF are data, the same in both languages.
  expect(untranslated(english, portuguese, account).filter((text) => !['Alojamentos Graça', '—'].includes(text))).toEqual([]);
});

test('when staff open the short-let pages in English and in Portuguese, then every visible string changes', async ({ page }) => {
  test.setTimeout(240_000);
  const account = await createStaff({ role: 'admin', name: 'Tiago Neves' });
  const admin = await apiAs('staff', account.login, account.password);
  const { propertyId } = await newClient(admin, `Lia Anfitriã ${Date.now() % 10_000}`, 'Estúdio do Castelo');
  await admin.dispose();
  await signIn(page, account);
  await expect(page).toHaveURL(new RegExp(`${account.home}$`));
  const pages = ['/admin/turnovers', '/admin/checklists', '/admin/checklists/new', `/admin/properties/${propertyId}`];
  const visit = async () => {
    const texts: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      texts.push(...(await visibleTexts(page)));
    }
    return texts;
  };
  await chooseLanguage(page, 'English');
  const english = await visit();
  await chooseLanguage(page, 'Português');
  const portuguese = await visit();
  // The property's own name (its heading and the page title) is the same in both languages.
  expect(untranslated(english, portuguese, account).filter((text) => !text.startsWith('Estúdio do Castelo'))).toEqual([]);
});

test('when staff read a client account and the client reads "My account" in English and then Portuguese, then every string changes', async ({ page }) => {
  test.setTimeout(180_000);
  const staff = await createStaff({ role: 'admin', name: 'Sara Pinto' });
  const admin = await apiAs('staff', staff.login, staff.password);
  const { account, clientId } = await newClient(admin, `Marta Conta ${Date.now() % 10_000}`, 'Casa da Sé');
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services?limit=100'));
  const order = await data<{ id: number; totalCents: number }>(
    await admin.post('/api/laundry-orders', { data: { clientId, orderType: 'itemized', lines: [{ serviceId: services.find((s) => s.code === 'WASH_IRON')!.id, weightGrams: 2000 }] } }),
  );
  await data(await admin.post('/api/payments', { data: { laundryOrderId: order.id, amountCents: 100, method: 'cash' } }));
  await admin.dispose();
  const card = '[data-testid="client-account"]';
  // Each tab of the account, read in turn.
  const readTabs = async (names: string[]) => {
    const texts: string[] = [];
    for (const name of names) {
      await page.locator(card).getByRole('tab', { name }).click();
      await page.waitForLoadState('networkidle');
      texts.push(...(await textsIn(page, card)));
    }
    return texts;
  };

  await signIn(page, staff);
  await expect(page).toHaveURL(new RegExp(`${staff.home}$`));
  await chooseLanguage(page, 'English');
  await page.goto(`/admin/clients/${clientId}`);
  await expect(page.getByRole('heading', { name: 'Account balance' })).toBeVisible({ timeout: 60_000 });
  const english = await readTabs(['Laundry orders', 'Cleaning jobs', 'Payments', 'Receipts', 'Statements']);
  await page.locator(card).getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByRole('dialog', { name: 'Record a payment' })).toBeVisible();
  english.push(...(await textsIn(page, '[role="dialog"]')));
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await chooseLanguage(page, 'Português');
  await expect(page.getByRole('heading', { name: 'Conta corrente' })).toBeVisible();
  const portuguese = await readTabs(['Encomendas', 'Limpezas', 'Pagamentos', 'Recibos', 'Extratos']);
  await page.locator(card).getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(page.getByRole('dialog', { name: 'Registar pagamento' })).toBeVisible();
  portuguese.push(...(await textsIn(page, '[role="dialog"]')));
  expect(english.length).toBeGreaterThan(20);
  expect(untranslated(english, portuguese, staff).filter((text) => !['Total', 'PDF', 'MB WAY'].includes(text))).toEqual([]);

  // The client's own page.
  const client = await browserPage(page);
  await signIn(client, account);
  await client.waitForURL((url) => url.pathname === '/client');
  await chooseLanguage(client, 'English');
  await client.goto('/client/account');
  await expect(client.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await client.waitForLoadState('networkidle');
  const ownEnglish = await visibleTexts(client);
  await chooseLanguage(client, 'Português');
  await expect(client.getByRole('heading', { level: 1, name: 'A minha conta' })).toBeVisible();
  await client.waitForLoadState('networkidle');
  const ownPortuguese = await visibleTexts(client);
  expect(untranslated(ownEnglish, ownPortuguese, account).filter((text) => text !== 'Total' && !text.startsWith('LDR-'))).toEqual([]);
  await client.close();
});

/** A second tab in a browser of its own (its own cookies), for a second person. */
async function browserPage(page: Page): Promise<Page> {
  const context = await page.context().browser()!.newContext({ baseURL, viewport: page.viewportSize() });
  return context.newPage();
}

/**
 * The pages of each shell as the app defines them (client/src/app/sections.ts): each `{ path: '…' }`
 * under the shell's `id`. A page added there is read by this test without being listed here.
 */
function shellPaths(): Record<'staff' | 'worker' | 'client', string[]> {
  const source = readFileSync(new URL('../../client/src/app/sections.ts', import.meta.url), 'utf8');
  const shells = source.slice(source.indexOf('export const SHELLS')).split(/\n {2}\{\n {4}id: '/).slice(1);
  const out: Record<string, string[]> = {};
  for (const shell of shells) {
    const id = shell.slice(0, shell.indexOf("'"));
    const base = /base: SHELL_BASE\.(\w+)/.exec(shell)![1]!;
    out[id] = [...shell.matchAll(/\{ path: '([^']*)'/g)].map((m) => `/${base}${m[1] ? `/${m[1]}` : ''}`);
  }
  return out as Record<'staff' | 'worker' | 'client', string[]>;
}

interface Seeded {
  admin: Account;
  worker: Account;
  client: Account;
  ids: Record<string, number>;
}

/** Real data for every list and detail page: an order with a payment, a job with a time log, a ticket, a checklist. */
async function seed(): Promise<Seeded> {
  const adminAccount = await createStaff({ role: 'admin', name: 'Beatriz Lopes' });
  const admin = await apiAs('staff', adminAccount.login, adminAccount.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Carla Lopes ${suffix}`);
  const { account, clientId, propertyId } = await newClient(admin, `Joana Anfitriã ${suffix}`, `Alfama Loft ${suffix}`);
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services?limit=100'));
  const order = await data<{ id: number }>(
    await admin.post('/api/laundry-orders', { data: { clientId, orderType: 'itemized', assignedWorkerId: worker.id, lines: [{ serviceId: services.find((s) => s.code === 'WASH_IRON')!.id, weightGrams: 2000 }] } }),
  );
  await data(await admin.post('/api/payments', { data: { laundryOrderId: order.id, amountCents: 500, method: 'cash' } }));
  await data(await admin.post(`/api/laundry-orders/${order.id}/status`, { data: { status: 'in_progress' } }));
  const job = await data<{ id: number }>(
    await admin.post('/api/cleaning-jobs', {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      data: { clientId, propertyId, jobType: 'airbnb', scheduledDate: lisbonToday(), scheduledTime: '08:00', estimatedHours: 2, workerIds: [worker.id] },
    }),
  );
  const phone = await apiAs('staff', worker.login, worker.password);
  const startedAt = new Date(Date.now() - 50 * 60_000).toISOString();
  await data(await phone.post(`/api/cleaning-jobs/${job.id}/start`, { headers: { 'Idempotency-Key': crypto.randomUUID() }, data: { occurredAt: startedAt } }));
  await data(await phone.get(`/api/cleaning-jobs/${job.id}`));
  await data(await phone.post(`/api/cleaning-jobs/${job.id}/end`, { headers: { 'Idempotency-Key': crypto.randomUUID() }, data: {} }));
  const ticket = await data<{ id: number }>(await phone.post('/api/tickets', { data: { title: 'Falta detergente', description: 'O armário está vazio.', cleaningJobId: job.id } }));
  await phone.dispose();
  const template = await data<{ id: number }>(
    await admin.post('/api/checklist-templates', { data: { name: `Saída ${suffix}`, sections: [{ title: 'Cozinha', items: [{ label: 'Loiça lavada' }] }] } }),
  );
  await admin.dispose();
  return { admin: adminAccount, worker, client: account, ids: { order: order.id, job: job.id, ticket: ticket.id, client: clientId, property: propertyId, checklist: template.id } };
}

/** Each page of the account's shell in one language: its visible texts, by page. */
async function readPages(page: Page, paths: string[]): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.spinner, [aria-busy="true"]')).toHaveCount(0);
    texts.set(path, await visibleTexts(page));
  }
  return texts;
}

test('when staff open settings, the activity log, the home and the job list in English and in Portuguese, then no visible string stays in English', async ({ page }) => {
  test.setTimeout(300_000);
  const seeded = await seed();
  const staffPaths = shellPaths().staff;
  const paths = ['/admin', '/admin/settings', '/admin/audit'];
  expect(paths.every((path) => staffPaths.includes(path))).toBe(true);
  await signIn(page, seeded.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await chooseLanguage(page, 'English');
  const english = await readPages(page, paths);
  // React Aria's own words (a combo box's button) follow the app's language, not the browser's.
  await page.goto('/admin/cleaning');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[aria-label="Apresentar sugestões"]')).toHaveCount(0);
  await chooseLanguage(page, 'Português');
  const portuguese = await readPages(page, paths);
  const same = ['Total', 'Subtotal', 'IVA'];
  const found = paths.flatMap((path) => untranslated(english.get(path)!, portuguese.get(path)!, seeded.admin).filter((text) => !same.includes(text)).map((text) => `${path}: ${text}`));
  expect(found).toEqual([]);
});
