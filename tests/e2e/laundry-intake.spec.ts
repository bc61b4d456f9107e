/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { DEMO } from './support/accounts.js';
import { apiAs, data, newClient } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// The counter (Balcão): staff take an order with the keyboard — client, garments typed in the quick
// add field, a colour, express — then "Criar e imprimir" creates it and fetches its labels and ticket.

interface Order {
  id: number;
  orderNumber: string;
  express: boolean;
  totalCents: number;
  items: Array<{ kind: 'item' | 'bag'; tagCode: string; globalCode: string; description: string; colour: string | null }>;
}

/** Types into the quick add field and presses Enter, as a person at the counter does. */
async function quickAdd(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function pageWidth(page: Page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
}

test('staff take 3 shirts, a suit and 4,2 kg at the counter with the keyboard; one action creates the order and prints labels and ticket', async ({ page }) => {
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const { clientId } = await newClient(admin, 'Rui Balcão Teixeira', 'Casa do Rui');

  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/laundry');
  await page.getByRole('link', { name: 'Balcão' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Balcão' })).toBeVisible();

  // The client: typed, chosen with the arrow keys and Enter; the focus moves on to the quick add field.
  const picker = page.getByRole('combobox', { name: 'Cliente' });
  await picker.focus();
  await page.keyboard.type('Balcão Teixeira');
  // Once the search has answered, the list holds the one client of that name.
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /Rui Balcão Teixeira/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue('Rui Balcão Teixeira');
  await expect(page.getByLabel('Adicionar rápido')).toBeFocused();

  await quickAdd(page, '3 camisa');
  await quickAdd(page, 'fato 2');
  await quickAdd(page, '4,2 lavar e secar');
  const lines = page.getByTestId('counter-line');
  await expect(lines).toHaveCount(3);
  await expect(page.getByLabel('Quantidade de Camisa')).toHaveValue('3');
  await expect(page.getByLabel('Peso de Lavar e secar (kg)')).toHaveValue('4,2');
  await expect(page.getByText('5 peças')).toBeVisible();

  // A colour from the quick choices, with the keyboard.
  await lines.first().getByRole('button', { name: 'Branco' }).focus();
  await page.keyboard.press('Space');
  await expect(lines.first().getByLabel('Outra cor')).toHaveValue('Branco');

  // A condition photo of the suit from the tablet camera (here a real photo handed to the field).
  const photoInput = lines.nth(1).getByLabel('Fotografia do estado');
  await expect(photoInput).toHaveAttribute('capture', 'environment');
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 60, g: 60, b: 160 } } }).jpeg().toBuffer();
  await photoInput.setInputFiles({ name: 'fato.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(lines.nth(1).getByText('Fotografia pronta: fato.jpg')).toBeVisible();

  // Express: the total and the ready date follow the live preview.
  const total = page.getByTestId('counter-total');
  await expect(total).not.toHaveText('—');
  const normalTotal = await total.textContent();
  const normalReady = await page.getByTestId('counter-ready').textContent();
  await page.getByRole('button', { name: 'Expresso' }).focus();
  await page.keyboard.press('Space');
  await expect(total).not.toHaveText(normalTotal!);
  await expect(page.getByTestId('counter-ready')).not.toHaveText(normalReady!);
  await expectAccessible(page, 'the counter with an order being taken');

  // Ctrl+Enter is "Criar e imprimir": the order, then its labels and ticket as PDFs.
  const labels = page.waitForResponse((r) => /\/api\/laundry-orders\/\d+\/labels\?format=roll$/.test(r.url()));
  const ticket = page.waitForResponse((r) => /\/api\/laundry-orders\/\d+\/ticket/.test(r.url()));
  await page.keyboard.press('Control+Enter');
  const labelsResponse = await labels;
  expect(labelsResponse.status()).toBe(200);
  expect(labelsResponse.headers()['content-type']).toBe('application/pdf');
  expect((await ticket).headers()['content-type']).toBe('application/pdf');
  await expect(page.getByRole('heading', { name: /Encomenda LDR-\d{8}-\d{3} criada/ })).toBeVisible();
  await expect(page.getByText('As etiquetas e o talão foram descarregados.')).toBeVisible();

  const orderId = Number(/\/laundry-orders\/(\d+)\//.exec(labelsResponse.url())![1]);
  const order = await data<Order & { client: { id: number } }>(await admin.get(`/api/laundry-orders/${orderId}`));
  expect(order.client.id).toBe(clientId);
  expect(order.express).toBe(true);
  expect(order.items.filter((i) => i.kind === 'item')).toHaveLength(4);
  expect(order.items.filter((i) => i.kind === 'bag')).toHaveLength(1);
  expect(new Set(order.items.map((i) => i.tagCode)).size).toBe(5);
  expect(order.items.every((i) => /^\d{3}-\d{2}$/.test(i.tagCode) && i.globalCode.startsWith(order.orderNumber))).toBe(true);
  expect(order.items.filter((i) => i.colour === 'Branco')).toHaveLength(3);
  await expect(page.getByText('1 fotografia do estado enviada.')).toBeVisible();
  const condition = await data<{ items: Array<{ itemId: number; photos: unknown[] }> }>(await admin.get(`/api/laundry-orders/${orderId}/condition`));
  expect(condition.items.flatMap((i) => i.photos)).toHaveLength(1);
  const pdf = await admin.get(`/api/laundry-orders/${orderId}/labels?format=sheet`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // "Próximo cliente" empties the counter for the next one.
  await page.getByRole('button', { name: 'Próximo cliente' }).click();
  await expect(page.getByRole('combobox', { name: 'Cliente' })).toHaveValue('');
  await expect(page.getByTestId('counter-line')).toHaveCount(0);
  await admin.dispose();
});

for (const width of [390, 1280] as const) {
  test(`the counter with an order in it fits ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto('/admin/laundry/counter');
    await expect(page.getByRole('heading', { level: 1, name: 'Balcão' })).toBeVisible();
    await page.getByLabel('Adicionar rápido').fill('3 camisa');
    await page.getByLabel('Adicionar rápido').press('Enter');
    await page.getByRole('button', { name: 'Adicionar Fato 2 peças' }).click();
    await page.getByRole('button', { name: 'Adicionar Lavar e secar' }).click();
    await expect(page.getByLabel('Peso de Lavar e secar (kg)')).toBeFocused();
    await page.keyboard.type('4,2');
    await expect(page.getByTestId('counter-total')).not.toHaveText('—');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `test-results/screenshots/counter-filled-${width}.png`, fullPage: true });
    const { scroll, viewport } = await pageWidth(page);
    expect(scroll, 'the counter fits the screen').toBeLessThanOrEqual(viewport);
  });
}
