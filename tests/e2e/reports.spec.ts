/// <reference lib="dom" />
import crypto from 'node:crypto';
import fs from 'node:fs';
import { request, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO, type Account } from './support/accounts.js';
import { expect as baseExpect, expectAccessible, signIn, test } from './support/fixtures.js';
import { fillDateField } from './support/date-fields.js';

// Issue 8's screens in the browser: the IVA report equals the sum over the quarter's documents, a CSV
// downloaded from the screen opens with accents, separators and decimal commas intact, a worker's
// ticket is resolved by the office, and the worker's and client's homes show their day. Screenshots of
// every screen (390 and 1280 px) go to test-results/screenshots for review.

const expect = baseExpect.configure({ timeout: 30_000 });
// A click that cannot land fails in half a minute, not at the test's end.
test.use({ actionTimeout: 30_000 });
const shots = 'test-results/screenshots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const NEW_PASSWORD = 'Sardinha-Assada-42';
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

async function data<T>(response: APIResponse): Promise<T> {
  const body = (await response.json()) as { success: boolean; data: T };
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.data;
}

async function apiAs(kind: 'staff' | 'client', login: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const path = kind === 'staff' ? '/api/auth/login/user' : '/api/auth/login/client';
  await data(await api.post(path, { data: kind === 'staff' ? { username: login, password } : { phone: login, password } }));
  return api;
}

const once = () => ({ 'Idempotency-Key': crypto.randomUUID() });
const lisbonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date());

async function newWorker(admin: APIRequestContext, name: string): Promise<Account & { id: number }> {
  const username = `e2e.money.${crypto.randomBytes(3).toString('hex')}`;
  const created = await data<{ user: { id: number }; temporaryPassword: string }>(await admin.post('/api/users', { data: { username, name, role: 'worker' } }));
  const self = await apiAs('staff', username, created.temporaryPassword);
  await data(await self.post('/api/auth/change-password', { data: { currentPassword: created.temporaryPassword, newPassword: NEW_PASSWORD } }));
  await self.dispose();
  return { kind: 'staff', login: username, password: NEW_PASSWORD, name, home: '/worker', id: created.user.id };
}

async function newClient(admin: APIRequestContext, name: string, propertyName: string) {
  const digits = `93${crypto.randomInt(0, 10_000_000).toString().padStart(7, '0')}`;
  const created = await data<{ client: { id: number }; temporaryPassword: string }>(await admin.post('/api/clients', { data: { phone: digits, name } }));
  const self = await apiAs('client', digits, created.temporaryPassword);
  await data(await self.post('/api/auth/change-password', { data: { currentPassword: created.temporaryPassword, newPassword: NEW_PASSWORD } }));
  await self.dispose();
  const property = await data<{ id: number }>(
    await admin.post(`/api/clients/${created.client.id}/properties`, {
      data: { name: propertyName, addressLine1: 'Rua de São Bento 88, 1.º', city: 'Lisboa', postalCode: '1200-821', district: 'lisboa', propertyType: 'apartamento' },
    }),
  );
  const account: Account = { kind: 'client', login: digits, password: NEW_PASSWORD, name, home: '/client' };
  return { account, clientId: created.client.id, propertyId: property.id };
}

interface Order {
  id: number;
  orderNumber: string;
  status: string;
  subtotalCents: number;
  vatCents: number;
  totalCents: number;
  collectedAt: string | null;
  deliveredAt: string | null;
}

/** A priced laundry order for the client, taken through the API; `collect` takes it to collected (accrued). */
async function laundryOrder(admin: APIRequestContext, clientId: number, quantity: number, collect: boolean): Promise<Order> {
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services?limit=100'));
  const dryClean = services.find((s) => s.code === 'DRY_CLEAN');
  expect(dryClean, 'the seeded dry-cleaning service').toBeDefined();
  const order = await data<Order>(
    await admin.post('/api/laundry-orders', { headers: once(), data: { clientId, orderType: 'itemized', lines: [{ serviceId: dryClean!.id, quantity }] } }),
  );
  if (!collect) return order;
  await data(await admin.post(`/api/laundry-orders/${order.id}/status`, { data: { status: 'in_progress' } }));
  await data(await admin.post(`/api/laundry-orders/${order.id}/mark-ready`, { data: {} }));
  return data<Order>(await admin.post(`/api/laundry-orders/${order.id}/status`, { data: { status: 'collected' } }));
}

/** A cleaning job today for the worker; with `complete`, worked for 90 minutes (their own taps) and completed. */
async function cleaningJob(admin: APIRequestContext, worker: Account & { id: number }, clientId: number, propertyId: number, time: string, complete: boolean) {
  const created = await data<{ id: number } | { job: { id: number } }>(
    await admin.post('/api/cleaning-jobs', {
      headers: once(),
      data: { clientId, propertyId, jobType: 'house', scheduledDate: lisbonToday(), scheduledTime: time, estimatedHours: 2, workerIds: [worker.id] },
    }),
  );
  const id = 'job' in created ? created.job.id : created.id;
  if (complete) {
    const phone = await apiAs('staff', worker.login, worker.password);
    await data(await phone.post(`/api/cleaning-jobs/${id}/start`, { headers: once(), data: { occurredAt: new Date(Date.now() - 90 * 60_000).toISOString() } }));
    await data(await phone.post(`/api/cleaning-jobs/${id}/end`, { headers: once(), data: {} }));
    await phone.dispose();
    await data(await admin.post(`/api/cleaning-jobs/${id}/after-photo-waiver`, { data: { reason: 'Fotografias enviadas por mensagem' } }));
    await data(await admin.post(`/api/cleaning-jobs/${id}/complete`, { headers: once(), data: {} }));
  }
  return id;
}

/** Every item of a list endpoint, following the cursor. */
async function everything<T>(api: APIRequestContext, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const response = await api.get(`${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const body = (await response.json()) as { data: T[]; _meta: { nextCursor: string | null } };
    expect(response.ok(), JSON.stringify(body)).toBe(true);
    items.push(...body.data);
    cursor = body._meta.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return items;
}

/** "1 234,56 €" → 123456: the cents a money cell shows, whatever the grouping. */
const cents = (text: string) => Number(text.replace(/[^\d-]/g, ''));

async function shoot(page: Page, name: string, sizes: { width: number; height: number }[] = [PHONE, DESKTOP]) {
  await page.evaluate(() => document.fonts.ready);
  for (const size of sizes) {
    await page.setViewportSize(size);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
    await page.screenshot({ path: `${shots}/insight-${name}-${size.width}.png` });
    await page.setViewportSize(size);
  }
}

async function phoneOf(browser: Browser, account: Account): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'pt-PT', timezoneId: 'Pacific/Auckland', baseURL });
  const page = await context.newPage();
  await signIn(page, account);
  await expect(page).toHaveURL(new RegExp(`${account.home}$`));
  return { context, page };
}

test('when orders, a job and a payment exist this quarter, then the IVA report equals the sum of its documents and the CSV keeps accents, separators and decimal commas', async ({ page }) => {
  test.setTimeout(600_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const clientName = `João Conceição ${suffix}`;
  const worker = await newWorker(admin, `Inês Horas ${suffix}`);
  const { clientId, propertyId } = await newClient(admin, clientName, `Casa da Estrela ${suffix}`);
  const first = await laundryOrder(admin, clientId, 3, true);
  await laundryOrder(admin, clientId, 2, true);
  await laundryOrder(admin, clientId, 1, false); // taken, not collected: no revenue yet
  await cleaningJob(admin, worker, clientId, propertyId, '08:00', true);
  await data(await admin.post('/api/payments', { headers: once(), data: { laundryOrderId: first.id, amountCents: 1000, method: 'mbway' } }));

  // The quarter's bounds from the report itself; the expected sums from every document the API lists.
  const today = lisbonToday();
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const report = await data<{ period: { startsAt: string; endsAt: string } }>(await admin.get(`/api/reports/vat/quarterly?year=${year}&quarter=${quarter}`));
  const inQuarter = (at: string | null | undefined) => Boolean(at) && at! >= report.period.startsAt && at! < report.period.endsAt;
  const orders = (await everything<Order>(admin, '/api/laundry-orders?status=collected,delivered')).filter((o) => inQuarter(o.collectedAt ?? o.deliveredAt));
  const jobs = (
    await everything<{ id: number; completedAt: string | null; price: { subtotalCents: number; vatCents: number; totalCents: number } | null }>(admin, '/api/cleaning-jobs?status=completed')
  ).filter((j) => inQuarter(j.completedAt) && j.price);
  expect(orders.length).toBeGreaterThanOrEqual(2);
  expect(jobs.length).toBeGreaterThanOrEqual(1);
  const sum = (docs: Array<{ subtotalCents: number; vatCents: number; totalCents: number }>) => ({
    documents: docs.length,
    net: docs.reduce((s, d) => s + d.subtotalCents, 0),
    vat: docs.reduce((s, d) => s + d.vatCents, 0),
    total: docs.reduce((s, d) => s + d.totalCents, 0),
  });
  const laundry = sum(orders);
  const cleaning = sum(jobs.map((j) => j.price!));
  const expected = { documents: laundry.documents + cleaning.documents, net: laundry.net + cleaning.net, vat: laundry.vat + cleaning.vat, total: laundry.total + cleaning.total };

  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole('link', { name: 'Relatórios' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relatórios' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'IVA por trimestre' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('radio', { name: `${quarter}.º trimestre` })).toBeChecked();
  const table = page.getByTestId('vat-quarter');
  const cellsOf = async (row: ReturnType<Page['locator']>) => (await row.locator('td').allInnerTexts()).map((text) => text.trim());
  const totalRow = page.getByTestId('vat-quarter-total');
  await expect(totalRow.locator('td').first()).toHaveText(String(expected.documents));
  const [documents, net, vat, total] = await cellsOf(totalRow);
  expect({ documents: Number(documents), net: cents(net!), vat: cents(vat!), total: cents(total!) }).toEqual(expected);
  const laundryCells = await cellsOf(table.getByRole('row', { name: /^Lavandaria/ }));
  expect(laundryCells.slice(1).map(cents)).toEqual([laundry.net, laundry.vat, laundry.total]);
  const cleaningCells = await cellsOf(table.getByRole('row', { name: /^Limpeza/ }));
  expect(cleaningCells.slice(1).map(cents)).toEqual([cleaning.net, cleaning.vat, cleaning.total]);
  expect(total).toContain('€');
  await expectAccessible(page, 'the IVA quarter report');
  await shoot(page, 'reports-vat-quarter');

  // The CSV of this quarter's laundry orders, in the default Portuguese Excel dialect.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Encomendas de lavandaria' }).click()]);
  const path = await download.path();
  const bytes = fs.readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const [header, ...rows] = text.trim().split(/\r?\n/);
  expect(header).toContain('"Encomenda";"Data";"Cliente ID";"Cliente"');
  const row = rows.find((r) => r.includes(first.orderNumber));
  expect(row, 'the first order in the CSV').toBeDefined();
  expect(row).toContain(`;"${clientName}";`);
  expect(row).toContain(`;${(first.totalCents / 100).toFixed(2).replace('.', ',')};`);
  expect(row).toContain(';10,00;');
  expect(download.suggestedFilename()).toMatch(/^encomendas-lavandaria-\d{4}-\d{2}-\d{2}\.csv$/);

  // The comma dialect on demand.
  await page.locator('label').filter({ hasText: 'Separado por vírgulas' }).click();
  await expect(page.getByRole('radio', { name: /Separado por vírgulas/ })).toBeChecked();
  const [commaDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pagamentos e reembolsos' }).click()]);
  const commaText = fs.readFileSync(await commaDownload.path()).subarray(3).toString('utf8');
  expect(commaText.split(/\r?\n/)[0]).toContain('"ID","Data","Tipo"');
  expect(commaText).toContain(clientName);
  expect(commaText).toContain(',10.00,');

  // The other reports, each with its totals.
  await page.getByRole('tab', { name: 'IVA anual' }).click();
  await expect(page.getByTestId('vat-year')).toContainText(`${quarter}.º trimestre`);
  const yearTotal = await page.getByTestId('vat-year').locator('tfoot td').last().innerText();
  expect(cents(yearTotal)).toBeGreaterThanOrEqual(expected.total);
  await shoot(page, 'reports-vat-year');

  await page.getByRole('tab', { name: 'Faturação por serviço' }).click();
  await page.locator('label').filter({ hasText: 'Este trimestre' }).click();
  await expect(page.getByTestId('revenue-summary')).toBeVisible();
  // The table of the previous period stays on screen until the quarter's answer arrives.
  const revenueTotal = page.getByTestId('revenue-summary').locator('tfoot td').last();
  await expect.poll(async () => cents(await revenueTotal.innerText())).toBe(expected.total);
  await expect(page.getByTestId('revenue-by-service')).toContainText('Limpeza a seco');
  await expectAccessible(page, 'the revenue report');
  await shoot(page, 'reports-revenue');

  await page.getByRole('tab', { name: 'Dinheiro recebido' }).click();
  await expect(page.getByTestId('cash-by-method').getByRole('row', { name: /^MB WAY/ })).toBeVisible();
  await shoot(page, 'reports-cash');

  await page.getByRole('tab', { name: 'Horas trabalhadas' }).click();
  const workerRow = page.getByTestId('hours').getByRole('row', { name: new RegExp(worker.name) });
  await expect(workerRow).toContainText('1,5 h');
  await shoot(page, 'reports-hours');

  // A period the server would refuse is explained on the field, and nothing is asked for.
  await fillDateField(page, 'De', `${year}-06-10`);
  await fillDateField(page, 'Até', `${year}-06-01`);
  await expect(page.getByText('O último dia não pode ser anterior ao primeiro.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Registos de tempo' })).toBeDisabled();
  await shoot(page, 'reports-invalid', [PHONE]);

  // The clients list exports what it shows.
  await page.goto('/admin/clients');
  await page.getByRole('button', { name: /Exportar CSV/ }).click();
  const [clients] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Excel \(português\)/ }).click()]);
  const clientsText = fs.readFileSync(await clients.path()).toString('utf8');
  expect(clientsText.charCodeAt(0)).toBe(0xfeff);
  expect(clientsText).toContain(`;"${clientName}";`);
  await shoot(page, 'clients-export', [DESKTOP]);
  await admin.dispose();
});

test('when a worker reports a broken machine on the phone, then the office assigns and resolves it with a comment and the worker sees it resolved', async ({ page, browser }) => {
  test.setTimeout(600_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Sofia Reparos ${suffix}`);
  const title = `Máquina de lavar avariada ${suffix}`;

  const phone = await phoneOf(browser, worker);
  await phone.page.getByRole('link', { name: 'Ocorrências' }).last().click();
  await expect(phone.page.getByRole('heading', { level: 1, name: 'As minhas ocorrências' })).toBeVisible();
  await shoot(phone.page, 'worker-tickets-empty', [PHONE]);
  await phone.page.getByRole('button', { name: 'Comunicar um problema' }).click();
  const dialog = phone.page.getByRole('dialog', { name: 'Comunicar um problema' });
  await dialog.getByRole('button', { name: 'Enviar ocorrência' }).click();
  await expect(dialog.getByText('Preencha este campo.').first()).toBeVisible();
  await dialog.getByLabel('Qual é o problema?').fill(title);
  await dialog.getByLabel('Detalhes').fill('A máquina 2 não centrifuga e deixa água no tambor.');
  await dialog.locator('label').filter({ hasText: 'Alta' }).click();
  await expect(dialog.getByRole('radio', { name: /Alta/ })).toBeChecked();
  await shoot(phone.page, 'worker-ticket-new', [PHONE]);
  await dialog.getByRole('button', { name: 'Enviar ocorrência' }).click();
  await expect(phone.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(phone.page.getByText('Ocorrência enviada. O escritório foi avisado.')).toBeVisible();
  await expect(phone.page.getByText('Aberta').first()).toBeVisible();
  await expect(phone.page.getByRole('heading', { name: 'Gerir' })).toHaveCount(0);
  await expectAccessible(phone.page, "the worker's ticket");
  await shoot(phone.page, 'worker-ticket-open', [PHONE]);

  // The office: the board, then the ticket.
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/tickets');
  await expect(page.getByRole('heading', { level: 1, name: 'Ocorrências' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: title });
  await expect(card).toContainText('Alta');
  await expect(card).toContainText(`Comunicada por ${worker.name}`);
  await expectAccessible(page, 'the ticket board');
  await shoot(page, 'tickets-board');
  await card.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByLabel('Atribuir a').selectOption({ label: worker.name });
  await expect(page.locator('.facts')).toContainText(worker.name);
  await page.getByLabel('Prioridade', { exact: true }).selectOption('urgent');
  await expect(page.locator('.page-header').getByText('Urgente')).toBeVisible();
  await page.getByLabel('Adicionar um comentário').fill('O técnico vem amanhã às 9h.');
  await page.getByRole('button', { name: 'Enviar comentário' }).click();
  await expect(page.locator('.ticket-comment')).toContainText('O técnico vem amanhã às 9h.');
  await page.getByRole('button', { name: 'Resolver' }).click();
  const resolve = page.getByRole('dialog', { name: 'Resolver esta ocorrência' });
  await resolve.getByLabel('O que foi feito').fill('Bomba de água substituída pelo técnico.');
  await resolve.getByRole('button', { name: 'Marcar como resolvida' }).click();
  await expect(resolve).toBeHidden();
  await expect(page.getByTestId('ticket-resolved-by')).toContainText(DEMO.admin.name);
  await expectAccessible(page, 'the resolved ticket (office)');
  await shoot(page, 'ticket-resolved-staff');

  // The worker sees it resolved, with who did what, and the comment.
  await phone.page.reload();
  await expect(phone.page.getByText('Resolvida').first()).toBeVisible();
  await expect(phone.page.getByTestId('ticket-resolved-by')).toContainText(DEMO.admin.name);
  await expect(phone.page.getByText('Bomba de água substituída pelo técnico.')).toBeVisible();
  await expect(phone.page.getByText('O técnico vem amanhã às 9h.')).toBeVisible();
  await shoot(phone.page, 'worker-ticket-resolved', [PHONE]);
  await phone.page.getByRole('link', { name: 'As minhas ocorrências' }).click();
  await expect(phone.page.getByRole('listitem').filter({ hasText: title })).toBeVisible();
  await shoot(phone.page, 'worker-tickets', [PHONE]);
  await phone.context.close();
  await admin.dispose();
});

test('when a worker has a job today and a client an open order, then their homes show them with the way to each', async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Rita Manhã ${suffix}`);
  const place = `Apartamento Alfama ${suffix}`;
  const { account: client, clientId, propertyId } = await newClient(admin, `Carla Cliente ${suffix}`, place);
  const jobId = await cleaningJob(admin, worker, clientId, propertyId, '10:00', false);
  const order = await laundryOrder(admin, clientId, 2, false);

  const workerPhone = await phoneOf(browser, worker);
  const todayJob = workerPhone.page.getByRole('listitem').filter({ hasText: place });
  await expect(todayJob).toContainText('10:00');
  await expect(todayJob).toContainText('Rua de São Bento 88, 1.º, Lisboa');
  await expect(todayJob.getByRole('link', { name: 'Iniciar' })).toHaveAttribute('href', `/worker/cleaning/${jobId}`);
  await expect(workerPhone.page.getByRole('heading', { name: 'Fila da lavandaria' })).toBeVisible();
  await expectAccessible(workerPhone.page, "the worker's home");
  await shoot(workerPhone.page, 'worker-home');
  await todayJob.getByRole('link', { name: 'Iniciar' }).click();
  await expect(workerPhone.page).toHaveURL(new RegExp(`/worker/cleaning/${jobId}$`));
  await expect(workerPhone.page.getByRole('heading', { level: 1, name: place })).toBeVisible();

  const clientPhone = await phoneOf(browser, client);
  await expect(clientPhone.page.getByRole('heading', { level: 1, name: /Carla/ })).toBeVisible();
  const orderLink = clientPhone.page.getByRole('link', { name: new RegExp(order.orderNumber) });
  await expect(orderLink).toContainText('Recebida');
  await expect(orderLink).toHaveAttribute('href', `/client/laundry/${order.id}`);
  await expect(clientPhone.page.getByRole('link', { name: new RegExp(place) })).toHaveAttribute('href', `/client/cleaning/${jobId}`);
  await expectAccessible(clientPhone.page, "the client's home");
  await shoot(clientPhone.page, 'client-home');
  await orderLink.click();
  await expect(clientPhone.page).toHaveURL(new RegExp(`/client/laundry/${order.id}$`));

  await workerPhone.context.close();
  await clientPhone.context.close();
  await admin.dispose();
});
