/// <reference lib="dom" />
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { request, type APIRequestContext, type APIResponse, type Download, type Locator, type Page } from '@playwright/test';
import { createClient, DEMO, type Account } from './support/accounts.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// Issue 8's "Done when" for money in the browser: a priced laundry order is paid in two parts (partial,
// then paid, a double click recording once, a wrong payment voided, the amount above the balance
// explained), its receipt PDF is issued and downloaded (rendered with poppler and its figures read
// back), a refund shows in the balance, the client downloads the same receipt, and the finance
// dashboard counts the money in "received this month" and takes a payment from its unpaid list.

const PHONE = { width: 390, height: 844 };
const shots = 'test-results/screenshots';
const files = 'test-results/money';
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

const euro = (cents: number) => new Intl.NumberFormat('pt-PT', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\u00a0/g, ' ');
/** The same amount as a pattern (the page writes a no-break space before €). */
const euroPattern = (cents: number) => euro(cents).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
/** Nothing on the page is wider than the screen (no sideways scrolling). */
async function expectNoSideScroll(page: Page) {
  const [scroll, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, 'page width').toBeLessThanOrEqual(viewport!);
}
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function data<T>(response: APIResponse): Promise<T> {
  const body = (await response.json()) as { success: boolean; data: T };
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.data;
}

interface Order {
  id: number;
  orderNumber: string;
  subtotalCents: number;
  vatCents: number;
  totalCents: number;
}

let admin: APIRequestContext;
let client: Account;
let order: Order;
let unpaid: Order;
let receivedBefore = 0;
let receiptNumber = '';
let staffReceipt = '';

/** The whole page; with a dialog open, the screen as seen (a full-page picture splits the overlay). */
async function shoot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/money-${name}.png`, fullPage });
}

async function save(download: Download, name: string): Promise<string> {
  const file = path.join(files, name);
  await download.saveAs(file);
  return file;
}

test.beforeAll(async () => {
  fs.mkdirSync(files, { recursive: true });
  admin = await request.newContext({ baseURL });
  await data(await admin.post('/api/auth/login/user', { data: { username: DEMO.admin.login, password: DEMO.admin.password } }));
  client = await createClient({ mustChangePassword: false, name: 'Beatriz Conceição' });
  const [found] = await data<Array<{ id: number }>>(await admin.get(`/api/clients?search=${client.login}`));
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services'));
  const service = (code: string) => services.find((s) => s.code === code)!.id;
  // 5.5 kg wash + iron and two dry-cleaned suits: €35.25 + 23 % VAT = €43.36.
  order = await data<Order>(
    await admin.post('/api/laundry-orders', {
      data: {
        clientId: found!.id,
        orderType: 'itemized',
        lines: [
          { serviceId: service('WASH_IRON'), weightGrams: 5500 },
          { serviceId: service('DRY_CLEAN'), quantity: 2, itemType: 'Fato' },
        ],
      },
    }),
  );
  expect(order).toMatchObject({ subtotalCents: 3525, vatCents: 811, totalCents: 4336 });
  // A second order, already collected (so it is owed), for the dashboard's unpaid list.
  unpaid = await data<Order>(await admin.post('/api/laundry-orders', { data: { clientId: found!.id, orderType: 'itemized', lines: [{ serviceId: service('WASH_IRON'), weightGrams: 2000 }] } }));
  await data(await admin.post(`/api/laundry-orders/${unpaid.id}/status`, { data: { status: 'in_progress' } }));
  await data(await admin.post(`/api/laundry-orders/${unpaid.id}/mark-ready`, { data: {} }));
  await data(await admin.post(`/api/laundry-orders/${unpaid.id}/status`, { data: { status: 'collected' } }));
  receivedBefore = (await data<{ received: { netCents: number } }>(await admin.get('/api/dashboard'))).received.netCents;
});

test.afterAll(async () => {
  await admin?.dispose();
});

async function recordPayment(page: Page, block: Locator, amount: string, method: string) {
  await block.getByRole('button', { name: 'Registar pagamento' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registar um pagamento' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Valor (€)').fill(amount);
  await dialog.getByText(method, { exact: true }).click();
  return dialog;
}

test('when staff take a priced order from unpaid to paid, then the status follows, a double click records once and the receipt PDF has the right figures', async ({ page, allowConsole }) => {
  // The amount above the balance is refused by the server first (and explained).
  allowConsole(/status of 409/);
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/laundry/${order.id}`);
  const block = page.getByTestId('payments-block');
  await expect(block.getByTestId('payment-status')).toHaveText('Por pagar');
  await expect(block.getByTestId('pay-due')).toHaveText(euro(4336));
  await expect(block.getByTestId('pay-balance')).toHaveText(euro(4336));
  await expect(block.getByText('Ainda não há pagamentos registados.')).toBeVisible();

  // A partial payment typed with a decimal comma; a double click on the button records it once.
  const first = await recordPayment(page, block, '20,00', 'Numerário');
  await expect(first.getByTestId('pay-owed')).toHaveText(`Em dívida: ${euro(4336)}`);
  await expectAccessible(page, 'the record payment dialog');
  await shoot(page, 'record-dialog-1280', false);
  await first.getByRole('button', { name: 'Registar pagamento' }).dblclick();
  await expect(first).toBeHidden();
  await expect(block.getByTestId('payment-status')).toHaveText('Pago em parte');
  await expect(block.getByTestId('pay-paid')).toHaveText(euro(2000));
  await expect(block.getByTestId('pay-balance')).toHaveText(euro(2336));
  await expect(block.getByText(`${euro(2000)} registado.`)).toBeVisible();
  const afterFirst = await data<Array<{ amountCents: number }>>(await admin.get(`/api/payments?laundryOrderId=${order.id}`));
  expect(afterFirst.map((p) => p.amountCents)).toEqual([2000]);

  // A wrong payment is voided with a reason: struck through, and the balance is back.
  const wrong = await recordPayment(page, block, '2', 'Cartão');
  await wrong.getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(wrong).toBeHidden();
  await expect(block.getByTestId('pay-balance')).toHaveText(euro(2136));
  await block.getByRole('button', { name: new RegExp(`^Anular o pagamento de ${euroPattern(200)}`) }).click();
  const voiding = page.getByRole('alertdialog', { name: 'Anular este registo?' });
  await voiding.getByLabel('Motivo').fill('Cartão passado por engano');
  await voiding.getByRole('button', { name: 'Anular registo' }).click();
  await expect(voiding).toBeHidden();
  const voided = block.locator('[data-testid="payment-row"][data-voided]');
  await expect(voided).toContainText('Anulado por Ricardo Almeida');
  await expect(voided).toContainText('Cartão passado por engano');
  await expect(voided.locator('del')).toHaveText(euro(200));
  await expect(block.getByTestId('pay-balance')).toHaveText(euro(2336));

  // Above the balance: refused and explained, then the whole balance in one tap.
  const rest = await recordPayment(page, block, '30', 'MB WAY');
  await expect(rest.getByLabel(`Registar como gorjeta os ${euro(664)} acima do valor em dívida`)).toBeVisible();
  await rest.getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(rest.getByText(`São mais ${euro(664)} do que o valor em dívida (${euro(2336)})`)).toBeVisible();
  await rest.getByRole('button', { name: `Valor em dívida (${euro(2336)})` }).click();
  await expect(rest.getByLabel('Valor (€)')).toHaveValue('23,36');
  await rest.getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(rest).toBeHidden();
  await expect(block.getByTestId('payment-status')).toHaveText('Pago');
  await expect(block.getByTestId('pay-paid')).toHaveText(euro(4336));
  await expect(block.getByTestId('pay-balance')).toHaveText(euro(0));
  await expect(block.getByTestId('payment-row')).toHaveCount(3);
  await expectAccessible(page, 'the staff order with payments');
  await shoot(page, 'staff-order-paid-1280');

  // The receipt: issued once after a confirmation, then downloaded.
  await block.getByRole('button', { name: 'Emitir recibo' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Emitir o recibo agora?' });
  await confirm.getByRole('button', { name: 'Emitir recibo' }).click();
  await expect(confirm).toBeHidden();
  await expect(block.getByTestId('receipt-number')).toHaveText(/^REC-\d{4}-\d{2}-\d{4,}$/);
  receiptNumber = (await block.getByTestId('receipt-number').textContent())!.trim();
  const [download] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: `Descarregar o recibo ${receiptNumber} (PDF)` }).click()]);
  expect(download.suggestedFilename()).toBe(`${receiptNumber}.pdf`);
  staffReceipt = await save(download, 'staff-receipt.pdf');
  expect(fs.readFileSync(staffReceipt).subarray(0, 5).toString()).toBe('%PDF-');

  // Page 1 rendered as a picture (looked at by eye) and its text read back.
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', staffReceipt, path.join(files, 'receipt-page1')]);
  expect(fs.statSync(path.join(files, 'receipt-page1.png')).size).toBeGreaterThan(5000);
  const text = execFileSync('pdftotext', ['-layout', staffReceipt, '-']).toString('utf8').replace(/\u00a0/g, ' ');
  expect(text).toContain(receiptNumber);
  expect(text).toContain(order.orderNumber);
  expect(text).toContain('Beatriz Conceição');
  expect(text).toContain('Documento não fiscal');
  expect(text).toMatch(/Subtotal \(sem IVA\)\s+35,25 €/);
  expect(text).toMatch(/IVA 23%.*\s8,11 €/);
  expect(text).toMatch(/Total\s+43,36 €/);
  expect(text).toMatch(/Pago\s+43,36 €/);
  expect(text).toMatch(/Saldo em dívida\s+0,00 €/);
  // The voided card payment is not on it; the two kept ones are.
  expect(text).toMatch(/Numerário\s+20,00 €/);
  expect(text).toMatch(/MB WAY\s+23,36 €/);
  expect(text).not.toContain('2,00 €');
});

test('when money is refunded, then it shows in the balance and the status', async ({ page }) => {
  expect(receiptNumber).not.toBe('');
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/laundry/${order.id}`);
  const block = page.getByTestId('payments-block');
  await block.getByRole('button', { name: 'Reembolsar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Devolver dinheiro' });
  await expect(dialog).toContainText(`Pode devolver até ${euro(4336)}`);
  await dialog.getByLabel('Valor a devolver (€)').fill('5');
  await dialog.getByLabel('Motivo').fill('Botão partido num fato');
  await expect(dialog.getByRole('radio', { name: 'MB WAY' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Registar reembolso' }).click();
  await expect(dialog).toBeHidden();
  await expect(block.getByText(`Reembolso de ${euro(500)} registado.`)).toBeVisible();
  await expect(block.getByTestId('pay-refunded')).toHaveText(euro(500));
  await expect(block.getByTestId('pay-balance')).toHaveText(euro(500));
  await expect(block.getByTestId('payment-status')).toHaveText('Pago em parte');
  await expect(block.getByTestId('payment-row').last()).toContainText('Reembolso');
  await expect(block.getByTestId('payment-row').last()).toContainText('Botão partido num fato');
  // The receipt was issued before the refund and stays as it was.
  await expect(block.getByTestId('receipt-number')).toHaveText(receiptNumber);
});

test('when a scheduled cleaning job takes a deposit, then it counts against the estimate and the receipt waits for completion', async ({ page }) => {
  const [found] = await data<Array<{ id: number }>>(await admin.get(`/api/clients?search=${client.login}`));
  const property = await data<{ id: number }>(
    await admin.post(`/api/clients/${found!.id}/properties`, {
      data: { name: 'Casa de Alfama', addressLine1: 'Rua de São Miguel 5', city: 'Lisboa', postalCode: '1100-544', district: 'lisboa', propertyType: 'apartamento' },
    }),
  );
  const users = await data<Array<{ id: number; username: string }>>(await admin.get('/api/users?limit=100'));
  const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date(Date.now() + 86_400_000));
  const created = await data<{ id: number } | { job: { id: number } }>(
    await admin.post('/api/cleaning-jobs', {
      data: {
        clientId: found!.id,
        propertyId: property.id,
        workerIds: [users.find((u) => u.username === DEMO.worker.login)!.id],
        jobType: 'house',
        scheduledDate: tomorrow,
        scheduledTime: '10:00',
        estimatedHours: 2,
        hourlyRateCents: 1500,
      },
    }),
  );
  const jobId = 'job' in created ? created.job.id : created.id;

  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/cleaning/${jobId}`);
  const block = page.getByTestId('payments-block');
  // 2 h × 1 person × €15 + 23 % VAT.
  await expect(block.getByTestId('pay-due')).toHaveText(euro(3690));
  await expect(block.getByText('Estimativa', { exact: true })).toBeVisible();
  await block.getByRole('button', { name: 'Registar sinal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registar um sinal' });
  await expect(dialog.getByTestId('pay-owed')).toHaveText(`Falta cobrir da estimativa: ${euro(3690)}`);
  await dialog.getByLabel('Valor (€)').fill('10');
  await dialog.getByText('Transferência', { exact: true }).click();
  await dialog.getByLabel('Notas').fill('Sinal por transferência');
  await dialog.getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(dialog).toBeHidden();
  await expect(block.getByTestId('payment-status')).toHaveText('Pago em parte');
  await expect(block.getByTestId('pay-balance')).toHaveText(euro(2690));
  await expect(block.getByTestId('payment-row')).toContainText('Sinal por transferência');
  await expect(block.getByText('O recibo pode ser emitido quando o serviço estiver concluído e tiver preço final.')).toBeVisible();
  await expect(block.getByRole('button', { name: 'Emitir recibo' })).toHaveCount(0);
  await expectAccessible(page, 'the staff cleaning job with a deposit');
  await expectNoSideScroll(page);
  await shoot(page, 'staff-job-deposit-1280');
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('when the client opens their order, then they download the same receipt', async ({ page }) => {
    expect(staffReceipt).not.toBe('');
    await signIn(page, client);
    await expect(page).toHaveURL(/\/client$/);
    await page.goto(`/client/laundry/${order.id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Recibo' })).toBeVisible();
    await expect(page.getByTestId('receipt-number')).toHaveText(receiptNumber);
    await expectAccessible(page, "the client's order with its receipt");
    await shoot(page, 'client-order-390');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Descarregar o recibo ${receiptNumber} (PDF)` }).click()]);
    const mine = await save(download, 'client-receipt.pdf');
    expect(sha256(mine)).toBe(sha256(staffReceipt));
  });

  test('when staff look at the order and the dashboard on a phone, then both fit', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId('kpi-received')).toBeVisible();
    await expect(page.getByTestId('revenue-chart')).toBeVisible();
    await expectNoSideScroll(page);
    await shoot(page, 'dashboard-390');
    await page.goto(`/admin/laundry/${order.id}`);
    const block = page.getByTestId('payments-block');
    await expect(block.getByTestId('pay-balance')).toHaveText(euro(500));
    await expectNoSideScroll(page);
    await shoot(page, 'staff-order-390');
    await block.getByRole('button', { name: 'Registar pagamento' }).click();
    await expect(page.getByRole('dialog', { name: 'Registar um pagamento' })).toBeVisible();
    await shoot(page, 'record-dialog-390', false);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
    await page.goto('/admin/payments');
    await expect(page.getByRole('heading', { level: 1, name: 'Pagamentos' })).toBeVisible();
    await expect(page.getByTestId('payment-list-row').filter({ hasText: order.orderNumber }).first()).toBeVisible();
    await expectNoSideScroll(page);
    await shoot(page, 'payments-390');
  });
});

test('when the admin opens the dashboard, then the payments are in "received this month" and the unpaid list takes a payment', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  // 20,00 + 23,36 kept (the voided 2,00 not), minus the 5,00 refund, plus the job's 10,00 deposit.
  const received = page.getByTestId('kpi-received');
  await expect(received).toContainText(euro(receivedBefore + 3836 + 1000));
  await expect(page.getByTestId('revenue-chart')).toHaveAttribute('aria-label', /Gráfico de barras da faturação sem IVA dos últimos 12 meses/);
  await expect(page.getByRole('table', { name: 'Faturação por mês' })).toBeAttached();

  // The collected order is owed; paying it from the dashboard takes it off the list.
  const row = page.getByTestId('unpaid-row').filter({ hasText: unpaid.orderNumber });
  await expect(row).toContainText(euro(unpaid.totalCents));
  await expectAccessible(page, 'the finance dashboard');
  await expectNoSideScroll(page);
  await shoot(page, 'dashboard-1280');
  await row.getByRole('button', { name: `Registar um pagamento de ${unpaid.orderNumber}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Registar um pagamento' });
  await dialog.getByRole('button', { name: `Valor em dívida (${euro(unpaid.totalCents)})` }).click();
  await dialog.getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${euro(unpaid.totalCents)} registado em ${unpaid.orderNumber}.`)).toBeVisible();
  await expect(page.getByTestId('unpaid-row').filter({ hasText: unpaid.orderNumber })).toHaveCount(0);
  await expect(received).toContainText(euro(receivedBefore + 3836 + 1000 + unpaid.totalCents));

  // The payment list: filtered by client, with totals and a link to the order.
  await page.getByRole('link', { name: 'Pagamentos', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pagamentos' })).toBeVisible();
  const clientBox = page.getByRole('combobox', { name: 'Cliente' });
  await clientBox.fill('Beatriz');
  await page.getByRole('option', { name: /Beatriz Conceição/ }).click();
  await expect(page.getByTestId('payment-list-row')).toHaveCount(6);
  // Kept: 20,00 + 23,36 + the second order + the deposit; the voided 2,00 is left out of the totals.
  await expect(page.getByTestId('totals-payments')).toHaveText(euro(4336 + unpaid.totalCents + 1000));
  await expect(page.getByTestId('totals-refunds')).toHaveText(euro(500));
  await expect(page.getByTestId('totals-net')).toHaveText(euro(3836 + unpaid.totalCents + 1000));
  // Only cleaning: the deposit alone.
  await page.getByLabel('Serviço').selectOption({ label: 'Limpeza' });
  await expect(page.getByTestId('payment-list-row')).toHaveCount(1);
  await expect(page.getByTestId('totals-net')).toHaveText(euro(1000));
  await page.getByLabel('Serviço').selectOption({ label: 'Ambos os serviços' });
  await expect(page.getByTestId('payment-list-row')).toHaveCount(6);
  await expectAccessible(page, 'the payment list');
  await shoot(page, 'payments-1280');
  await page.getByRole('link', { name: `Abrir ${order.orderNumber}` }).first().click();
  await expect(page).toHaveURL(new RegExp(`/admin/laundry/${order.id}$`));
});
