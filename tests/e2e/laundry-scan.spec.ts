/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO } from './support/accounts.js';
import { apiAs, data, newClient } from './support/api.js';
import { fakeCameraArgs, writeQrVideo } from './support/fake-camera.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// The "Leitor": a label read by the camera (Chromium's fake camera plays a video of the label's QR
// code) or typed by a USB scanner moves its item through the shop; at pickup every item is checked.

interface Item {
  id: number;
  tagCode: string;
  globalCode: string;
  stage: string;
}
interface Order {
  id: number;
  orderNumber: string;
  status: string;
  rack: { id: number; code: string } | null;
  items: Item[];
  history: Array<{ toStatus: string; note: string | null }>;
}

/** An order of `shirts` shirts taken at the counter (each shirt one tagged item), read back with its items. */
async function takeOrder(admin: APIRequestContext, clientId: number, shirts: number): Promise<Order> {
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services?limit=100'));
  const shirt = services.find((s) => s.code === 'CAMISA')!;
  const order = await data<{ id: number }>(await admin.post('/api/laundry-orders', { data: { clientId, orderType: 'itemized', lines: [{ serviceId: shirt.id, quantity: shirts, colour: 'Azul' }] } }));
  return data<Order>(await admin.get(`/api/laundry-orders/${order.id}`));
}

const stageOf = async (api: APIRequestContext, code: string) => (await data<{ item: Item }>(await api.get(`/api/laundry-tags/${code}`))).item.stage;

/** Types a code into the scanner field the way a USB scanner does: the characters, then Enter. */
async function typeCode(page: Page, code: string) {
  const field = page.getByLabel('Código da etiqueta');
  await field.fill(code);
  await field.press('Enter');
}

// The camera test runs in its own browser: its fake camera shows the label of an order made first.
const withCamera = test.extend<object, { label: { file: string; order: Order; dir: string } }>({
  label: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
      const client = await newClient(admin, 'Inês Câmara', 'Casa da Inês');
      const order = await takeOrder(admin, client.clientId, 2);
      await admin.dispose();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-label-'));
      const file = path.join(dir, 'label.y4m');
      writeQrVideo(file, order.items[0]!.globalCode);
      await use({ file, order, dir });
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  launchOptions: [async ({ launchOptions, label }, use) => use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...fakeCameraArgs(label.file)] }), { scope: 'worker' }],
});

withCamera.use({ permissions: ['camera'] });

withCamera('a worker points the camera at a label: the item is recognised and one tap moves it on; leaving the page lets go of the camera', async ({ page, label }) => {
  const [item] = label.order.items;
  // Keeps every camera stream the page opens, to check they are all stopped when the page is left.
  await page.addInitScript(() => {
    const opened: MediaStream[] = [];
    (window as unknown as { openedStreams: MediaStream[] }).openedStreams = opened;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      opened.push(stream);
      return stream;
    };
  });
  await signIn(page, DEMO.worker);
  await expect(page).toHaveURL(/\/worker$/);
  await page.getByRole('navigation', { name: 'Navegação principal' }).first().getByRole('link', { name: 'Leitor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leitor' })).toBeVisible();

  await expect(page.locator('[data-camera="live"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: `Peça ${item!.tagCode}` })).toBeVisible();
  const panel = page.locator('.scan-item');
  await expect(panel).toContainText(label.order.orderNumber);
  await expect(panel).toContainText('Inês Câmara');
  await expect(panel).toContainText('Azul');
  await expect(panel).toContainText('Recebida');
  await page.screenshot({ path: 'test-results/screenshots/scan-camera-1280.png', fullPage: true });

  await page.getByRole('button', { name: 'Começar a lavar' }).click();
  await expect(page.getByText(`${item!.tagCode} está agora em: Lavagem.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Passar à secagem' })).toBeVisible();
  const worker = await apiAs('staff', DEMO.worker.login, DEMO.worker.password);
  expect(await stageOf(worker, item!.globalCode)).toBe('washing');
  // The label is still in front of the camera: it is not read again, so nothing moves twice.
  await page.waitForTimeout(1500);
  expect(await stageOf(worker, item!.globalCode)).toBe('washing');
  await worker.dispose();

  await page.getByRole('navigation', { name: 'Navegação principal' }).first().getByRole('link', { name: 'Lavandaria' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fila da lavandaria' })).toBeVisible();
  const live = await page.evaluate(() => (window as unknown as { openedStreams: MediaStream[] }).openedStreams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length);
  expect(live, 'camera tracks still live after leaving the scanner').toBe(0);
});

test.describe('without a camera', () => {
  let admin: APIRequestContext;
  let clientId: number;

  test.beforeAll(async () => {
    admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
    clientId = (await newClient(admin, 'Teresa Leitor', 'Casa da Teresa')).clientId;
  });
  test.afterAll(async () => {
    await admin?.dispose();
  });

  test('staff scan with a USB scanner: unknown codes are named, a concurrent scan is shown, the ready order goes on a rack and the pickup checks every item', async ({ page, allowConsole }) => {
    // The browser's own lines for the unknown code (404) and the concurrent scan (409) the test provokes.
    allowConsole(/status of 404 \(Not Found\)/);
    allowConsole(/status of 409 \(Conflict\)/);
    const order = await takeOrder(admin, clientId, 2);
    const [first, second] = order.items;
    const other = (await takeOrder(admin, clientId, 1)).items[0]!;
    await page.addInitScript(() => localStorage.setItem('lavandaria.scan.camera', 'off'));
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto('/admin/scan');
    await expect(page.getByRole('heading', { level: 1, name: 'Leitor' })).toBeVisible();
    await expect(page.getByText('A câmara está desligada.')).toBeVisible();

    await typeCode(page, 'ldr-00000000-999-99');
    await expect(page.getByText('Nenhuma peça tem o código LDR-00000000-999-99.')).toBeVisible();

    // Lower case, as a scanner set to another keyboard layout may type it.
    await typeCode(page, first!.globalCode.toLowerCase());
    await expect(page.getByRole('heading', { name: `Peça ${first!.tagCode}` })).toBeVisible();
    await expect(page.getByLabel('Código da etiqueta')).toBeFocused();
    await expectAccessible(page, 'the scanner with an item');
    await page.screenshot({ path: 'test-results/screenshots/scan-item-1280.png', fullPage: true });

    // Someone else scans the same item first: this tap moves nothing and says where the item is.
    await data(await admin.post(`/api/laundry-items/${first!.id}/stage`, { data: { stage: 'washing' } }));
    await page.getByRole('button', { name: 'Começar a lavar' }).click();
    await expect(page.getByText('Outra pessoa avançou esta peça ao mesmo tempo: está agora em Lavagem.')).toBeVisible();

    await data(await admin.post(`/api/laundry-items/${second!.id}/stage`, { data: { stage: 'ready' } }));
    for (const [button, stage] of [
      ['Passar à secagem', 'Secagem'],
      ['Passar à engomagem', 'Engomagem'],
      ['Marcar pronta', 'Pronta'],
    ] as const) {
      await page.getByRole('button', { name: button }).click();
      await expect(page.getByText(`${first!.tagCode} está agora em: ${stage}.`)).toBeVisible();
    }
    expect(await stageOf(admin, first!.globalCode)).toBe('ready');

    // The last item ready made the order ready: the next free rack is offered.
    await expect(page.getByRole('heading', { name: 'A encomenda está pronta' })).toBeVisible();
    const put = page.getByRole('button', { name: /^Colocar em / });
    const rackCode = (await put.textContent())!.replace('Colocar em', '').trim();
    await put.click();
    await expect(page.getByText(`${order.orderNumber} está na prateleira ${rackCode}.`)).toBeVisible();
    expect((await data<Order>(await admin.get(`/api/laundry-orders/${order.id}`))).rack?.code).toBe(rackCode);

    // Pickup: the client is here. One item scanned, then a stranger's, then a repeat.
    await page.locator('label').filter({ hasText: 'Levantamento' }).click();
    await typeCode(page, first!.globalCode);
    await expect(page.getByRole('heading', { name: `Levantamento de ${order.orderNumber}` })).toBeVisible();
    await expect(page.getByText('1 de 2 peças conferidas')).toBeVisible();
    await expect(page.getByText(`Falta ler 1 peça: ${second!.tagCode}`)).toBeVisible();
    await typeCode(page, other.globalCode);
    await expect(page.getByText(`${other.tagCode} pertence à encomenda`)).toBeVisible();
    await typeCode(page, first!.globalCode);
    await expect(page.getByText(`${first!.tagCode} já estava conferida.`)).toBeVisible();

    await page.screenshot({ path: 'test-results/screenshots/scan-pickup-1280.png', fullPage: true });
    await page.getByRole('button', { name: 'Entregar com peças em falta' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Faltam peças' });
    await expect(dialog).toContainText(second!.tagCode);
    await dialog.getByRole('button', { name: 'Entregar mesmo assim' }).click();
    await expect(page.getByText(`${order.orderNumber} foi entregue. A prateleira ficou livre.`)).toBeVisible();
    const collected = await data<Order>(await admin.get(`/api/laundry-orders/${order.id}`));
    expect(collected.status).toBe('collected');
    expect(collected.rack).toBeNull();
    expect(collected.history.find((h) => h.toStatus === 'collected')?.note).toBe(`Entregue sem: ${second!.tagCode}`);
  });

  test('on a phone the scanner, the item and the pickup list fit the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const order = await takeOrder(admin, clientId, 3);
    const [first] = order.items;
    await page.addInitScript(() => localStorage.setItem('lavandaria.scan.camera', 'off'));
    await signIn(page, DEMO.worker);
    await expect(page).toHaveURL(/\/worker$/);
    await page.getByRole('navigation', { name: 'Navegação principal' }).last().getByRole('link', { name: 'Leitor' }).click();
    await typeCode(page, first!.globalCode);
    await expect(page.getByRole('button', { name: 'Começar a lavar' })).toBeVisible();
    await expectFits(page);
    await page.screenshot({ path: 'test-results/screenshots/scan-item-390.png', fullPage: true });

    await page.locator('label').filter({ hasText: 'Levantamento' }).click();
    await typeCode(page, first!.globalCode);
    await expect(page.getByText('1 de 3 peças conferidas')).toBeVisible();
    await expectFits(page);
    await page.screenshot({ path: 'test-results/screenshots/scan-pickup-390.png', fullPage: true });
  });

  test('the rack board finds where an order waits, by order number or client, lists open orders on no rack, and racks are added and taken out of use', async ({ page }) => {
    const order = await takeOrder(admin, clientId, 1);
    await data(await admin.post(`/api/laundry-items/${order.items[0]!.id}/stage`, { data: { stage: 'ready' } }));
    const ready = await data<Order & { suggestedRack: { id: number; code: string } }>(await admin.get(`/api/laundry-orders/${order.id}`));
    await data(await admin.put(`/api/laundry-orders/${order.id}/rack`, { data: { rackId: ready.suggestedRack.id } }));
    const rack = ready.suggestedRack.code;
    const waiting = await takeOrder(admin, clientId, 1);

    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole('link', { name: 'Prateleiras' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Prateleiras' })).toBeVisible();
    await expect(page.getByText(/^\d+ de \d+ prateleiras livres$/)).toBeVisible();
    await expect(page.getByRole('link', { name: `Abrir a encomenda ${order.orderNumber} da prateleira ${rack}` })).toBeVisible();

    const search = page.getByRole('searchbox', { name: 'Onde está…' });
    await search.fill(order.orderNumber);
    await expect(page.getByText('1 prateleira encontrada')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Prateleiras' }).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('list', { name: 'Prateleiras' })).toContainText(rack);

    await search.fill('Teresa Leitor');
    await expect(page.getByRole('link', { name: `Abrir a encomenda ${order.orderNumber} da prateleira ${rack}` })).toBeVisible();
    const loose = page.getByRole('region', { name: 'Encomendas em aberto que não estão numa prateleira' });
    await expect(loose.getByRole('link', { name: waiting.orderNumber })).toBeVisible();
    await expectAccessible(page, 'the rack board with a search');
    await page.screenshot({ path: 'test-results/screenshots/racks-search-1280.png', fullPage: true });
    await page.getByRole('link', { name: `Abrir a encomenda ${order.orderNumber} da prateleira ${rack}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: order.orderNumber })).toBeVisible();
    await expect(page.getByText(`A encomenda está na prateleira ${rack}.`)).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Prateleiras' })).toBeVisible();

    // Managing racks: one added, then taken out of use; the one holding the order cannot be.
    await page.getByRole('button', { name: 'Gerir prateleiras' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gerir prateleiras' });
    const code = `Z${Date.now() % 1000}`;
    await dialog.getByLabel('Código da nova prateleira').fill(code);
    await dialog.getByRole('button', { name: 'Acrescentar' }).click();
    await expect(dialog.getByText(`Prateleira ${code} acrescentada.`)).toBeVisible();
    await expect(dialog.getByRole('button', { name: `Tirar ${rack} de uso` })).toBeDisabled();
    await dialog.getByRole('button', { name: `Tirar ${code} de uso` }).click();
    await expect(dialog.getByText(`A prateleira ${code} está fora de uso.`)).toBeVisible();
    await expect(dialog.getByRole('button', { name: `Voltar a usar ${code}` })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/racks-manage-1280.png' });
    const stored = await data<Array<{ code: string; isActive: boolean }>>(await admin.get('/api/laundry-racks?includeInactive=true&limit=100'));
    expect(stored.find((r) => r.code === code)?.isActive).toBe(false);
    await dialog.getByRole('button', { name: 'Concluído' }).click();

    // Collected at the counter: the rack is free again.
    await data(await admin.post(`/api/laundry-orders/${order.id}/status`, { data: { status: 'collected' } }));
    await page.reload();
    await search.fill(order.orderNumber);
    await expect(page.getByText(`Nenhuma prateleira tem "${order.orderNumber}".`)).toBeVisible();
    await search.fill(rack);
    await expect(page.getByRole('list', { name: 'Prateleiras' }).getByText('Livre')).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await search.fill('');
    await expect(page.getByText(/^\d+ de \d+ prateleiras livres$/)).toBeVisible();
    await expectFits(page);
    await page.screenshot({ path: 'test-results/screenshots/racks-390.png', fullPage: true });
  });

  test('a worker opens a ready order that is on no rack and puts it on the next free one from its page', async ({ page }) => {
    const order = await takeOrder(admin, clientId, 1);
    await data(await admin.post(`/api/laundry-items/${order.items[0]!.id}/stage`, { data: { stage: 'ready' } }));
    const { suggestedRack } = await data<{ suggestedRack: { id: number; code: string } }>(await admin.get(`/api/laundry-orders/${order.id}`));
    await signIn(page, DEMO.worker);
    await expect(page).toHaveURL(/\/worker$/);
    await page.goto(`/worker/laundry/${order.id}`);
    await expect(page.getByRole('heading', { name: 'A encomenda está pronta' })).toBeVisible();
    await page.getByRole('button', { name: `Colocar em ${suggestedRack.code}` }).click();
    await expect(page.getByText(`A encomenda está na prateleira ${suggestedRack.code}.`)).toBeVisible();
    expect((await data<Order>(await admin.get(`/api/laundry-orders/${order.id}`))).rack?.code).toBe(suggestedRack.code);
  });
});

/** Nothing is wider than the screen (no sideways scrolling). */
async function expectFits(page: Page) {
  const [scroll, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, 'page width').toBeLessThanOrEqual(viewport!);
}
