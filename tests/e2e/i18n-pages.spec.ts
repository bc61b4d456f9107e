import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { createStaff, type Account } from './support/accounts.js';
import { apiAs, data, lisbonDate, lisbonToday, newClient, newWorker } from './support/api.js';
import { expect, signIn, test } from './support/fixtures.js';
import { chooseLanguage, textsIn, untranslated, visibleTexts } from './support/language.js';

// Issue 18 §6: every page of every role, in English and then in Portuguese, with real data on it (an
// order with a payment and messages, a finished job with its report, a ticket, a request, a checklist),
// and the texts the server writes (the notifications in the bell): no string a person reads stays in
// English on the Portuguese page. Data (names, addresses, numbers) is marked translate="no" where it
// is shown, so it is told apart from words.

type Shell = 'staff' | 'worker' | 'client';

/**
 * The pages of each shell as the app defines them (client/src/app/sections.ts): each `{ path: '…' }`
 * under the shell's `id`. A page added there is read by this test without being listed here.
 */
function shellPaths(): Record<Shell, string[]> {
  const source = readFileSync(new URL('../../client/src/app/sections.ts', import.meta.url), 'utf8');
  const shells = source.slice(source.indexOf('export const SHELLS')).split(/\n {2}\{\n {4}id: '/).slice(1);
  const out: Record<string, string[]> = {};
  for (const shell of shells) {
    const id = shell.slice(0, shell.indexOf("'"));
    const base = /base: SHELL_BASE\.(\w+)/.exec(shell)![1]!;
    out[id] = [...shell.matchAll(/\{ path: '([^']*)'/g)].map((m) => `/${base}${m[1] ? `/${m[1]}` : ''}`);
  }
  return out as Record<Shell, string[]>;
}

interface Seeded {
  accounts: Record<Shell, Account>;
  ids: Record<string, number>;
}

/**
 * Real data for every list and detail page, and notifications for every role: an order with a payment
 * and a conversation, a finished short-let job (its report) with a ticket, a client's request, a checklist.
 */
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
  await data(await phone.post(`/api/cleaning-jobs/${job.id}/issues`, { headers: { 'Idempotency-Key': crypto.randomUUID() }, data: { text: 'Falta uma toalha de banho.' } }));
  const after = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 40, g: 160, b: 90 } } }).jpeg().toBuffer();
  await data(await phone.post(`/api/cleaning-jobs/${job.id}/photos`, { multipart: { photoType: 'after', roomArea: 'Sala', photos: { name: 'after.jpg', mimeType: 'image/jpeg', buffer: after } } }));
  await data(await phone.post(`/api/cleaning-jobs/${job.id}/end`, { headers: { 'Idempotency-Key': crypto.randomUUID() }, data: {} }));
  await data(await phone.post(`/api/cleaning-jobs/${job.id}/complete`, { headers: { 'Idempotency-Key': crypto.randomUUID() }, data: {} }));
  const ticket = await data<{ id: number }>(await phone.post('/api/tickets', { data: { title: 'Falta detergente', description: 'O armário está vazio.', cleaningJobId: job.id } }));
  await phone.dispose();
  const template = await data<{ id: number }>(
    await admin.post('/api/checklist-templates', { data: { name: `Saída ${suffix}`, sections: [{ title: 'Cozinha', items: [{ label: 'Loiça lavada' }] }] } }),
  );
  // The client asks for a cleaning and writes about the order; staff answer.
  const client = await apiAs('client', account.login, account.password);
  const request = await data<{ id: number }>(
    await client.post('/api/requests', {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      data: { kind: 'cleaning', propertyId, preferredDate: lisbonDate(Date.now() + 3 * 86_400_000), windowStart: '09:00', windowEnd: '12:00', notes: 'Chave no cofre.' },
    }),
  );
  const message = (body: string) => ({ headers: { 'Idempotency-Key': crypto.randomUUID() }, data: { body } });
  await data(await client.post(`/api/threads/laundry_order/${order.id}/messages`, message('Podem passar a ferro as camisas?')));
  await data(await admin.post(`/api/threads/laundry_order/${order.id}/messages`, message('Sim, ficam prontas amanhã.')));
  await client.dispose();
  await admin.dispose();
  return {
    accounts: { staff: adminAccount, worker, client: account },
    ids: { order: order.id, job: job.id, ticket: ticket.id, client: clientId, property: propertyId, checklist: template.id, request: request.id },
  };
}

/** Which seeded record a detail page's `:id` stands for, by the segment before it. */
const PARAMETER: Record<string, string> = { laundry: 'order', cleaning: 'job', reports: 'job', tickets: 'ticket', clients: 'client', properties: 'property', checklists: 'checklist', requests: 'request' };

/** A record that does not exist: its page says so with the API's refusal in words. */
const MISSING = 2_000_000_000;
const MISSING_PAGE: Record<Shell, string> = { staff: `/admin/tickets/${MISSING}`, worker: `/worker/cleaning/${MISSING}`, client: `/client/laundry/${MISSING}` };

/**
 * Every page of the shell with its parameters filled from the seed, plus the pages only reached from
 * another (a new checklist, the week view) and one whose record does not exist.
 */
function pagesOf(shell: Shell, ids: Record<string, number>): string[] {
  const paths = shellPaths()[shell].map((path) =>
    path.replace(/\/([\w-]+)\/:id/, (_, segment: string) => {
      const record = PARAMETER[segment];
      if (!record || ids[record] === undefined) throw new Error(`no seeded record for ${path}`);
      return `/${segment}/${ids[record]}`;
    }),
  );
  return [...paths, ...(shell === 'staff' ? ['/admin/checklists/new', '/admin/cleaning?view=week'] : []), MISSING_PAGE[shell]];
}

/** Each page in one language: its visible texts, by page, once it has loaded. */
async function readPages(page: Page, paths: string[]): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  for (const path of paths) {
    await page.goto(path);
    // A missing record's page may have no heading of its own: its message is read once loaded.
    if (!path.endsWith(String(MISSING))) await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.spinner, [aria-busy="true"]'), path).toHaveCount(0);
    texts.set(path, await visibleTexts(page));
  }
  return texts;
}

/** The notifications the server wrote for the account, as the bell's panel shows them. */
async function readBell(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: /^(Notificações|Notifications)/ }).first().click();
  const panel = page.getByRole('dialog', { name: /^(Notificações|Notifications)$/ });
  await expect(panel.locator('.notification').first()).toBeVisible();
  const texts = await textsIn(page, '.notifications');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  return texts;
}

for (const shell of ['staff', 'worker', 'client'] as const) {
  test(`when the ${shell} opens every page and the notifications in English and then Portuguese, then no string a person reads stays in English`, async ({ page, allowConsole }) => {
    test.setTimeout(600_000);
    // The missing record's page: the browser logs the API's 404.
    allowConsole(/status of 404/);
    const seeded = await seed();
    const account = seeded.accounts[shell];
    const paths = pagesOf(shell, seeded.ids);
    await signIn(page, account);
    await expect(page).toHaveURL(new RegExp(`${account.home}$`));

    await chooseLanguage(page, 'English');
    const english = await readPages(page, paths);
    english.set('notifications', await readBell(page));
    await chooseLanguage(page, 'Português');
    const portuguese = await readPages(page, paths);
    portuguese.set('notifications', await readBell(page));

    // Each page said something in each language (a page that failed to load would say little).
    for (const [path, texts] of [...english, ...portuguese]) expect(texts.length, `texts read on ${path}`).toBeGreaterThan(path === 'notifications' ? 3 : 8);
    const found = [...english.keys()].flatMap((path) => untranslated(english.get(path)!, portuguese.get(path)!, account).map((text) => `${path}: ${text}`));
    expect(found).toEqual([]);
  });
}
