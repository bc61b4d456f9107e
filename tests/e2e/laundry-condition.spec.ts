/// <reference lib="dom" />
import pg from 'pg';
import sharp from 'sharp';
import { request, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, type Account } from './support/accounts.js';
import { expect as baseExpect, expectAccessible, signIn, test } from './support/fixtures.js';

// Issue 21 §6 in the browser: at the counter staff note a tear on an item and photograph it (a real
// image through the file input a tablet opens its camera with); the client signs in, sees the photo in
// their order, opens it and acknowledges; the acknowledgement is recorded (API and activity log).
// Both pages are checked at a phone's and a laptop's width for sideways overflow.

const expect = baseExpect.configure({ timeout: 30_000 });
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const shots = 'test-results/screenshots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

test.describe.configure({ mode: 'serial', timeout: 300_000 });

async function data<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  const body = (await response.json()) as { success: boolean; data: T };
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.data;
}

async function apiAs(account: Account): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const login =
    account.kind === 'staff'
      ? api.post('/api/auth/login/user', { data: { username: account.login, password: account.password } })
      : api.post('/api/auth/login/client', { data: { phone: account.login, password: account.password } });
  await data(await login);
  return api;
}

async function noSidewaysScroll(page: Page, what: string) {
  await page.evaluate(() => document.fonts.ready);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

let orderId = 0;
let itemTag = '';
let clientId = 0;

test('when staff note a tear and photograph it at the counter, then the item shows the note and the photo', async ({ page }) => {
  const admin = await apiAs(DEMO.admin);
  const clients = await data<Array<{ id: number; name: string }>>(await admin.get('/api/clients?search=Maria%20Santos'));
  clientId = clients.find((c) => c.name === DEMO.client.name)!.id;
  const services = await data<Array<{ id: number; pricingUnit: string; isActive: boolean }>>(await admin.get('/api/laundry-services'));
  const perItem = services.find((s) => s.pricingUnit === 'per_item' && s.isActive)!;
  const order = await data<{ id: number; items: Array<{ tagCode: string; description: string }> }>(
    await admin.post('/api/laundry-orders', { data: { clientId, orderType: 'itemized', lines: [{ serviceId: perItem.id, quantity: 1 }] } }),
  );
  orderId = order.id;
  itemTag = order.items[0]!.tagCode;
  await admin.dispose();

  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/laundry/${orderId}`);
  const card = page.getByTestId('intake-condition');
  await expect(card.getByRole('heading', { name: 'Estado à entrada' })).toBeVisible();
  const item = card.getByRole('listitem', { name: new RegExp(`^${itemTag} · `) });
  await expect(item.getByText('Nada registado.')).toBeVisible();

  await item.getByRole('button', { name: 'Registar estado' }).click();
  await item.getByRole('button', { name: /O quê/ }).click();
  await page.getByRole('option', { name: 'Rasgão' }).click();
  await item.getByLabel('Onde e como (opcional)').fill('Rasgão de 2 cm na manga direita');
  await item.getByRole('button', { name: 'Adicionar nota' }).click();
  await expect(item.getByText('Nota adicionada.')).toBeVisible();
  await expect(item.getByText('Rasgão de 2 cm na manga direita')).toBeVisible();

  // A note made by mistake is taken back (staff, with a confirmation).
  await item.getByRole('button', { name: /O quê/ }).click();
  await page.getByRole('option', { name: 'Nódoa' }).click();
  await item.getByRole('button', { name: 'Adicionar nota' }).click();
  const mistake = item.getByRole('button', { name: 'Remover nota: Nódoa' });
  await expect(mistake).toBeVisible();
  await mistake.click();
  const confirm = page.getByRole('alertdialog', { name: 'Retirar isto?' });
  await confirm.getByRole('button', { name: 'Remover' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(mistake).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Remover nota: Rasgão — Rasgão de 2 cm na manga direita' })).toBeVisible();
  await expect(item.getByText('Rasgão de 2 cm na manga direita')).toBeVisible();

  // A tablet opens its camera from this field; here a real photo is handed to it.
  const photoInput = item.getByLabel('Fotografia da peça');
  await expect(photoInput).toHaveAttribute('capture', 'environment');
  const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 190, g: 40, b: 60 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
  await photoInput.setInputFiles({ name: 'manga.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(item.getByText('Fotografia adicionada.')).toBeVisible();
  const thumb = item.locator('.photo-thumb img');
  await expect(thumb).toHaveCount(1);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(card.getByText('O cliente ainda não tomou conhecimento.')).toBeVisible();

  await expectAccessible(page, 'the staff order page with the intake condition');
  await noSidewaysScroll(page, 'the staff order page at 390 px');
  await page.screenshot({ path: `${shots}/laundry-condition-staff-390.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await noSidewaysScroll(page, 'the staff order page at 1280 px');
  await page.screenshot({ path: `${shots}/laundry-condition-staff-1280.png`, fullPage: true });
});

test('when the client opens the order, then they see the photo and acknowledge it, and the acknowledgement is recorded', async ({ page }) => {
  expect(orderId).toBeGreaterThan(0);
  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.client);
  await expect(page).toHaveURL(/\/client/);
  await page.goto(`/client/laundry/${orderId}`);
  const card = page.getByTestId('client-condition');
  await expect(card.getByRole('heading', { name: 'Estado das suas peças à entrada' })).toBeVisible();
  const item = card.getByRole('listitem', { name: new RegExp(`^${itemTag} · `) });
  await expect(item.getByText('Rasgão', { exact: true })).toBeVisible();
  await expect(item.getByText('Rasgão de 2 cm na manga direita')).toBeVisible();
  const thumb = item.locator('.photo-thumb img');
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expectAccessible(page, 'the client order page with the intake condition');
  await noSidewaysScroll(page, 'the client order page at 390 px');
  await page.screenshot({ path: `${shots}/laundry-condition-client-390.png`, fullPage: true });

  // The thumbnail opens the photo full size.
  await item.locator('.photo-thumb').click();
  const viewer = page.getByRole('dialog');
  const full = viewer.locator('img.photo-viewer__image');
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
  await viewer.getByRole('button', { name: /Fechar/ }).click();
  await expect(viewer).toHaveCount(0);

  await card.getByRole('button', { name: 'Tomei conhecimento' }).click();
  await expect(card.getByText(/^Tomou conhecimento a /)).toBeVisible();
  await expect(card.getByRole('button', { name: 'Tomei conhecimento' })).toHaveCount(0);
  await page.setViewportSize(DESKTOP);
  await noSidewaysScroll(page, 'the client order page at 1280 px');
  await page.screenshot({ path: `${shots}/laundry-condition-client-1280.png`, fullPage: true });

  // Recorded: the order's condition says who and when, and the activity log has the client's act.
  const admin = await apiAs(DEMO.admin);
  const condition = await data<{ acknowledgement: { at: string; by: { id: number; name: string } } | null }>(await admin.get(`/api/laundry-orders/${orderId}/condition`));
  expect(condition.acknowledgement).toMatchObject({ by: { id: clientId, name: DEMO.client.name } });
  expect(Date.now() - Date.parse(condition.acknowledgement!.at)).toBeLessThan(10 * 60_000);
  await admin.dispose();
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    const audit = await db.query(`SELECT actor_type, actor_id::int AS actor_id FROM audit_log WHERE action = 'acknowledge_condition' AND entity = 'laundry_order' AND entity_id = $1`, [
      String(orderId),
    ]);
    expect(audit.rows).toEqual([{ actor_type: 'client', actor_id: clientId }]);
  } finally {
    await db.end();
  }
});
