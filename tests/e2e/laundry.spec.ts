/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { DEMO } from './support/accounts.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// Issue 5's "Done when" in the browser: the admin takes a 5.5 kg wash + iron order with two suits to
// dry-clean (live totals), assigns a worker; the worker takes it to ready on a phone without ever
// seeing a price; the client sees it ready, with the notification that opens it. Every new page is
// checked with axe and photographed at a phone's and a laptop's width.

const PHONE = { width: 390, height: 844 };
const dir = 'test-results/screenshots';

// Serial: each step continues the same order. The shared test machine is slow, so each step gets more time.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

let orderId = 0;
let orderNumber = '';

async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready);
}

async function shoot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: `${dir}/laundry-${name}.png`, fullPage: true });
}

test('when the admin takes an order, then the totals are shown live, it is created once and stored exactly', async ({ page }) => {
  const startedAt = new Date(Date.now() - 1000).toISOString();
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole('link', { name: 'Lavandaria', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Encomendas de lavandaria' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Encomendas de lavandaria' })).toBeVisible();
  await expectAccessible(page, 'the staff order list');

  await page.getByRole('link', { name: 'Nova encomenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nova encomenda de lavandaria' })).toBeVisible();

  // The client picker searches the server.
  const clientBox = page.getByRole('combobox', { name: 'Cliente' });
  await clientBox.fill('Maria');
  await page.getByRole('option', { name: /Maria Santos/ }).click();

  // "Ao quilo" starts with a wash + iron line: 5,5 kg typed in kilograms.
  const first = page.getByTestId('line-0');
  await expect(first.getByLabel('Serviço')).toHaveValue(/\d+/);
  await first.getByLabel('Peso (kg)').fill('5,5');
  await expect(page.getByTestId('line-0-total')).toHaveText('19,25 €');

  // Two suits to dry-clean.
  await page.getByRole('button', { name: 'Adicionar peça' }).click();
  const second = page.getByTestId('line-1');
  await second.getByLabel('Quantidade').fill('2');
  await second.getByLabel('Peça', { exact: true }).fill('Fato');
  await second.getByLabel('Estado da peça').fill('Nódoa na gola');

  await page.getByLabel('Colaborador').selectOption({ label: 'Ana Ferreira' });
  await page.getByLabel('Notas internas').fill('Cliente habitual');

  // The live price, from the server's pricing rules.
  await expect(page.getByTestId('price-subtotal')).toContainText('35,25 €');
  await expect(page.getByTestId('price-vat')).toContainText('8,11 €');
  await expect(page.getByTestId('price-total')).toContainText('43,36 €');
  await expectAccessible(page, 'the new order form');
  await shoot(page, 'new-order-1280');

  // A double click creates one order (one Idempotency-Key for the same order).
  await page.getByRole('button', { name: 'Criar encomenda' }).dblclick();
  await expect(page).toHaveURL(/\/admin\/laundry\/\d+$/);
  orderId = Number(page.url().split('/').at(-1));
  await expect(page.getByText(/Encomenda LDR-\d{8}-\d{3,} criada\./)).toBeVisible();
  orderNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  expect(orderNumber).toMatch(/^LDR-\d{8}-\d{3,}$/);

  // Stored exactly: read back through the API with the admin's session.
  const stored = (await (await page.request.get(`/api/laundry-orders/${orderId}`)).json()).data;
  expect(stored).toMatchObject({ orderNumber, status: 'received', subtotalCents: 3525, vatCents: 811, totalCents: 4336, assignedWorker: { name: 'Ana Ferreira' } });
  expect(stored.lines).toEqual([
    expect.objectContaining({ serviceCode: 'WASH_IRON', weightGrams: 5500, totalCents: 1925 }),
    expect.objectContaining({ serviceCode: 'DRY_CLEAN', quantity: 2, itemType: 'Fato', conditionNotes: 'Nódoa na gola', totalCents: 1600 }),
  ]);
  const mine = (await (await page.request.get(`/api/laundry-orders?clientId=${stored.client.id}&limit=100`)).json()).data as Array<{ createdAt: string }>;
  expect(mine.filter((o) => o.createdAt >= startedAt)).toHaveLength(1);

  // The detail page shows the same figures and the next step.
  await expect(page.getByTestId('order-price').getByTestId('price-total')).toContainText('43,36 €');
  await expect(page.getByRole('button', { name: 'Iniciar tratamento' })).toBeVisible();
  await expectAccessible(page, 'the staff order detail');
  await shoot(page, 'staff-order-1280');

  // The catalogue.
  await page.getByRole('link', { name: 'Preçário' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Serviços de lavandaria' })).toBeVisible();
  // The seeded price list has more than one service at this price.
  await expect(page.getByText('3,50 €').first()).toBeVisible();
  await expectAccessible(page, 'the laundry catalogue');
  await shoot(page, 'catalogue-1280');
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('when the worker processes the order, then it becomes ready and no price is ever shown', async ({ page }) => {
    expect(orderId).toBeGreaterThan(0);
    await signIn(page, DEMO.worker);
    await expect(page).toHaveURL(/\/worker$/);
    await page.getByRole('navigation', { name: 'Navegação principal' }).last().getByRole('link', { name: 'Lavandaria' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fila da lavandaria' })).toBeVisible();

    const card = page.locator('.queue-card').filter({ hasText: orderNumber });
    await expect(card).toBeVisible();
    await expect(card.getByText('Sua', { exact: true })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('€');
    await expectAccessible(page, 'the worker queue');
    await shoot(page, 'worker-queue-390');

    await card.getByRole('button', { name: 'Iniciar' }).click();
    await expect(page.getByText(`${orderNumber}: Em tratamento.`)).toBeVisible();
    await page.locator('.queue-tab').filter({ hasText: 'Em tratamento' }).click();
    const started = page.locator('.queue-card').filter({ hasText: orderNumber });
    await started.getByRole('link', { name: `Abrir encomenda ${orderNumber}` }).click();

    await expect(page).toHaveURL(new RegExp(`/worker/laundry/${orderId}$`));
    await expect(page.getByText('5,5 kg')).toBeVisible();
    await expect(page.getByText(/Fato · Nódoa na gola/)).toBeVisible();
    await expect(page.locator('body')).not.toContainText('€');
    await expectAccessible(page, 'the worker order page');
    await page.getByRole('button', { name: 'Marcar pronta' }).click();
    await expect(page.getByText(`${orderNumber}: Pronta.`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Levantada' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('€');
    await shoot(page, 'worker-order-390');
  });

  test('when the client opens their laundry, then the order is ready and the notification opens it', async ({ page }) => {
    expect(orderId).toBeGreaterThan(0);
    await signIn(page, DEMO.client);
    await expect(page).toHaveURL(/\/client$/);
    await page.getByRole('navigation', { name: 'Navegação principal' }).last().getByRole('link', { name: 'Lavandaria' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'A minha lavandaria' })).toBeVisible();

    const notice = page.getByRole('link', { name: new RegExp(`${orderNumber} está pronta para levantar`) });
    await expect(notice).toBeVisible();
    await expectAccessible(page, 'the client laundry list');
    await shoot(page, 'client-list-390');

    await notice.click();
    await expect(page).toHaveURL(new RegExp(`/client/laundry/${orderId}$`));
    await expect(page.getByRole('heading', { level: 1, name: orderNumber })).toBeVisible();
    await expect(page.getByText('A sua encomenda está pronta. Pode levantá-la na loja.')).toBeVisible();
    await expect(page.getByTestId('client-price').getByTestId('price-total')).toContainText('43,36 €');
    await expect(page.getByText('Cliente habitual')).toHaveCount(0);
    await expectAccessible(page, 'the client order page');
    await shoot(page, 'client-order-390');

    // Opening it read the notification: back on the list, it is gone.
    await page.getByRole('link', { name: 'A minha lavandaria' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'A minha lavandaria' })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(`${orderNumber} está pronta para levantar`) })).toHaveCount(0);
  });

  test('the staff screens at phone width', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto('/admin/laundry');
    await expect(page.getByRole('heading', { level: 1, name: 'Encomendas de lavandaria' })).toBeVisible();
    await expect(page.getByRole('link', { name: orderNumber })).toBeVisible();
    await shoot(page, 'staff-list-390');
    await page.goto('/admin/laundry/new');
    await expect(page.getByTestId('line-0')).toBeVisible();
    await page.getByTestId('line-0').getByLabel('Peso (kg)').fill('3');
    await expect(page.getByTestId('price-total')).toContainText('12,92 €');
    await shoot(page, 'new-order-390');
    await page.goto(`/admin/laundry/${orderId}`);
    await expect(page.getByRole('button', { name: 'Marcar como levantada' })).toBeVisible();
    await shoot(page, 'staff-order-390');
    await page.goto('/admin/laundry-services');
    await expect(page.getByRole('heading', { level: 1, name: 'Serviços de lavandaria' })).toBeVisible();
    await shoot(page, 'catalogue-390');
  });
});

test('when staff cancel or undo a step, then a reason is required and the history keeps it', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/laundry/${orderId}`);
  await page.getByRole('button', { name: 'Desfazer último passo' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Desfazer o último passo?' });
  await dialog.getByRole('button', { name: 'Desfazer passo' }).click();
  await expect(dialog.getByText('Diga o motivo em poucas palavras.')).toBeVisible();
  await expectAccessible(page, 'the undo dialog');
  await dialog.getByLabel('Motivo').fill('Marcada por engano');
  await dialog.getByRole('button', { name: 'Desfazer passo' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Desfeito: voltou a “Em tratamento”')).toBeVisible();
  await expect(page.getByText('Marcada por engano')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marcar como pronta' })).toBeVisible();

  await page.getByRole('button', { name: 'Cancelar encomenda' }).click();
  const cancel = page.getByRole('alertdialog', { name: `Cancelar a encomenda ${orderNumber}?` });
  await cancel.getByLabel('Motivo').fill('O cliente desistiu');
  await cancel.getByRole('button', { name: 'Cancelar encomenda' }).click();
  await expect(cancel).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: orderNumber })).toBeVisible();
  await expect(page.getByText('Esta encomenda está fechada: já não pode ser editada.')).toBeVisible();
  await expect(page.getByText('O cliente desistiu').first()).toBeVisible();
  await shoot(page, 'staff-order-cancelled-1280');
});
