/// <reference lib="dom" />
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO } from './support/accounts.js';
import { apiAs, data, lisbonToday, newClient } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// Issue 19 §3 and §8: the owner records one payment over two of a client's orders from the client page,
// the client then sees the new balance on "A minha conta" and downloads the month's statement; the staff
// lists show each document's money state and filter on it.
const dir = 'test-results/screenshots';

/** 12,34 € as the Portuguese screens write it (the space before € is a no-break one). */
const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')}\u00a0€`;

async function fits(page: Page, what: string) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, `${what} fits the screen`).toBeLessThanOrEqual(viewport);
}

interface Order {
  id: number;
  orderNumber: string;
  totalCents: number;
}

/** A client (past the first password change) with two laundry orders priced and not paid. */
async function clientOwingTwo(label: string) {
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const name = `${label} ${crypto.randomBytes(2).toString('hex')}`;
  const { account, clientId } = await newClient(admin, name, `Casa ${name}`);
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services?limit=100'));
  const washIron = services.find((s) => s.code === 'WASH_IRON')!.id;
  const order = async (grams: number) =>
    data<Order>(await admin.post('/api/laundry-orders', { data: { clientId, orderType: 'itemized', lines: [{ serviceId: washIron, weightGrams: grams }] } }));
  const first = await order(2000);
  const second = await order(3000);
  return { admin, account, clientId, name, first, second };
}

/** Another person on the same browser: the staff session and the remembered sign-in choice are gone. */
async function signInAsClient(page: Page, account: Parameters<typeof signIn>[1]) {
  await page.context().clearCookies();
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await signIn(page, account);
  await page.waitForURL((url) => url.pathname === '/client');
}

async function openClientPage(page: Page, clientId: number, name: string) {
  await signIn(page, DEMO.master);
  // Leaving the landing page before the sign-in answers would cancel it.
  await page.waitForURL((url) => url.pathname !== '/');
  await page.goto(`/admin/clients/${clientId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 60_000 });
}

test('when the owner records one payment across two open orders from the client page, then the balance drops, and the client sees it and downloads the statement', async ({ page, allowConsole }) => {
  test.setTimeout(180_000);
  // The lines are first set above what one order owes on purpose: the dialog refuses it before sending.
  allowConsole(/status of 400/);
  // Once the staff session is dropped to sign the client in, the page's last reads are refused.
  allowConsole(/status of 401/);
  const { admin, account, clientId, name, first, second } = await clientOwingTwo('Hospedaria Conta');
  await admin.dispose();
  const owed = first.totalCents + second.totalCents;

  await openClientPage(page, clientId, name);
  const card = page.getByTestId('client-account');
  await expect(card.getByRole('heading', { name: 'Conta corrente' })).toBeVisible();
  await expect(card.getByTestId('account-balance')).toHaveText(euros(owed));
  await expect(card.getByText('2 documentos em dívida')).toBeVisible();
  // The orders tab lists both, each not paid, linking to its order.
  const orders = card.getByRole('tabpanel');
  await expect(orders.getByTestId('account-document')).toHaveCount(2);
  await expect(orders.getByRole('link', { name: first.orderNumber })).toHaveAttribute('href', `/admin/laundry/${first.id}`);
  await expect(orders.getByTestId('document-payment-status').first()).toHaveText('Por pagar');
  await expectAccessible(page, 'the client page with its account');

  // One payment: all of the first order and 1,00 € of the second, spread oldest first.
  const paid = first.totalCents + 100;
  await card.getByRole('button', { name: 'Registar pagamento' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registar pagamento' });
  await expect(dialog.getByLabel('Valor recebido (€)')).toHaveValue(euros(owed).replace(/\u00a0€$/, ''));
  await expect(dialog.getByTestId('allocation-line')).toHaveCount(2);
  await dialog.getByLabel('Valor recebido (€)').fill(euros(paid).replace(/\u00a0€$/, ''));
  const firstLine = dialog.getByLabel(`Valor para ${first.orderNumber}`);
  const secondLine = dialog.getByLabel(`Valor para ${second.orderNumber}`);
  await expect(firstLine).toHaveValue(euros(first.totalCents).replace(/\u00a0€$/, ''));
  await expect(secondLine).toHaveValue('1,00');
  await expect(dialog.getByTestId('allocation-remaining')).toHaveText('Tudo distribuído');

  // A line above what its order owes, and lines that do not add up: said in place, nothing is sent.
  await firstLine.fill(euros(first.totalCents + 100).replace(/\u00a0€$/, ''));
  await expect(dialog.getByText(`Mais do que está em dívida neste documento (${euros(first.totalCents)}).`)).toBeVisible();
  await expect(dialog.getByTestId('allocation-remaining')).toHaveText(`Distribuído ${euros(100)} a mais do que o valor recebido`);
  await dialog.getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(dialog.getByRole('button', { name: 'Registar pagamento' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Distribuir do mais antigo' }).click();
  await expect(firstLine).toHaveValue(euros(first.totalCents).replace(/\u00a0€$/, ''));
  await expect(dialog.getByTestId('allocation-remaining')).toHaveText('Tudo distribuído');
  await dialog.getByText('Transferência', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Transferência' })).toBeChecked();
  await expectAccessible(page, 'the record payment dialog');
  await dialog.getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(dialog).toBeHidden();

  const recorded = card.getByTestId('recorded-payment');
  await expect(recorded).toContainText(/Pagamento PAG-\d{4}-\d{2}-\d{4,} de/);
  await expect(card.getByTestId('account-balance')).toHaveText(euros(owed - paid));
  await expect(card.getByText('1 documento em dívida')).toBeVisible();
  const [receipt] = await Promise.all([page.waitForEvent('download'), recorded.getByRole('button', { name: /Recibo PAG-/ }).click()]);
  expect(receipt.suggestedFilename()).toMatch(/^PAG-\d{4}-\d{2}-\d{4,}\.pdf$/);
  expect(fs.readFileSync(await receipt.path()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(orders.getByTestId('document-payment-status')).toHaveText(['Pago em parte', 'Pago']);

  // The client, on their phone's menu: "A minha conta" shows the same balance and this month's statement.
  await signInAsClient(page, account);
  await page.getByRole('navigation', { name: 'Navegação principal' }).first().getByRole('link', { name: 'A minha conta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'A minha conta' })).toBeVisible();
  await expect(page.getByTestId('account-balance')).toHaveText(euros(owed - paid));
  await page.getByRole('tab', { name: 'Extratos' }).click();
  const month = lisbonToday().slice(0, 7);
  const row = page.locator(`[data-testid="statement-month"][data-month="${month}"]`);
  await expect(row).toBeVisible();
  const [statement] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Descarregar o extrato de / }).click()]);
  expect(statement.suggestedFilename()).toMatch(/\.pdf$/);
  expect(fs.readFileSync(await statement.path()).subarray(0, 5).toString()).toBe('%PDF-');
  await expectAccessible(page, 'the client account page');
});

test('when staff filter the laundry list on "Por pagar", then only the unpaid order is left and its chip opens the client account', async ({ page }) => {
  test.setTimeout(120_000);
  const { admin, clientId, name, first, second } = await clientOwingTwo('Alojamento Filtro');
  await data(await admin.post('/api/payments', { data: { laundryOrderId: second.id, amountCents: second.totalCents, method: 'cash' } }));
  await admin.dispose();

  await signIn(page, DEMO.master);
  await page.waitForURL((url) => url.pathname !== '/');
  await page.goto(`/admin/laundry?client=${clientId}`);
  const table = page.getByRole('table', { name: 'Encomendas de lavandaria' });
  const firstRow = table.getByRole('row').filter({ hasText: first.orderNumber });
  const secondRow = table.getByRole('row').filter({ hasText: second.orderNumber });
  await expect(firstRow.getByTestId('money-chip')).toHaveText('Por pagar', { timeout: 30_000 });
  await expect(secondRow.getByTestId('money-chip')).toHaveText('Pago');

  await page.getByRole('group', { name: 'Pagamento' }).getByRole('button', { name: 'Por pagar' }).click();
  await expect(page).toHaveURL(/paymentStatus=unpaid/);
  await expect(secondRow).toHaveCount(0);
  await expect(firstRow).toBeVisible();
  await expect(page.getByRole('link', { name: `Conta de ${name}`, exact: true })).toBeVisible();
  await expectAccessible(page, 'the laundry list filtered on unpaid');

  await firstRow.getByRole('link', { name: `Por pagar: abrir a conta de ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/clients/${clientId}$`));
  await expect(page.getByTestId('client-account').getByTestId('account-balance')).toHaveText(euros(first.totalCents));

  // The cleaning list takes the same filter from its address.
  await page.goto('/admin/cleaning?paymentStatus=unpaid,partial&from=');
  await expect(page.getByRole('button', { name: /Por pagar ou pago em parte/ })).toBeVisible();
});

for (const width of [390, 1280] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 844 : 800 } });

    test('the client account, the record payment dialog and "A minha conta" fit the screen', async ({ page, allowConsole }) => {
      test.setTimeout(150_000);
      // Once the staff session is dropped to sign the client in, the page's last reads are refused.
      allowConsole(/status of 401/);
      const { admin, account, clientId, name } = await clientOwingTwo('Empresa Conta Larga');
      await admin.dispose();
      await openClientPage(page, clientId, name);
      const card = page.getByTestId('client-account');
      await expect(card.getByTestId('account-document')).toHaveCount(2);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${dir}/master-client-account-${width}.png`, fullPage: true });
      await fits(page, 'the client page with its account');
      for (const tab of ['Limpezas', 'Pagamentos', 'Recibos', 'Extratos']) {
        await card.getByRole('tab', { name: tab }).click();
        await expect(card.getByRole('tabpanel')).toBeVisible();
        await fits(page, `the ${tab} tab`);
      }
      await expect(card.getByTestId('statement-month').first()).toBeVisible();
      await page.screenshot({ path: `${dir}/master-client-statements-${width}.png`, fullPage: true });

      await card.getByRole('button', { name: 'Registar pagamento' }).click();
      const dialog = page.getByRole('dialog', { name: 'Registar pagamento' });
      await expect(dialog.getByTestId('allocation-line')).toHaveCount(2);
      await page.screenshot({ path: `${dir}/master-client-record-payment-${width}.png`, fullPage: true });
      await fits(page, 'the record payment dialog');
      await dialog.getByRole('button', { name: 'Cancelar' }).click();

      await signInAsClient(page, account);
      await page.goto('/client/account');
      await expect(page.getByRole('heading', { level: 1, name: 'A minha conta' })).toBeVisible();
      await expect(page.getByTestId('account-document')).toHaveCount(2);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${dir}/client-my-account-${width}.png`, fullPage: true });
      await fits(page, '"A minha conta"');
      for (const tab of ['Extratos', 'Pagamentos', 'Recibos']) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('tabpanel')).toBeVisible();
        await page.waitForLoadState('networkidle');
        await fits(page, `the ${tab} tab of "A minha conta"`);
      }
      await expect(page.getByText('Ainda sem recibos.')).toBeVisible();
    });
  });
}
