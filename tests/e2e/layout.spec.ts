/// <reference lib="dom" />
import crypto from 'node:crypto';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { apiAs, data, lisbonToday, newClient, newWorker } from './support/api.js';
import { DEMO } from './support/accounts.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// Screens a person tripped over at common screen sizes: what must be in view without scrolling, what
// must fit its box, what must not cover what.


let admin: APIRequestContext;
let client: Awaited<ReturnType<typeof newClient>>;
let order: { id: number; orderNumber: string; totalCents: number };
// Long enough to be cut short in a narrow column.
const PLACE = 'Apartamento da Rosa na Rua da Graça, 2.º esquerdo';

test.beforeAll(async () => {
  admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  client = await newClient(admin, 'Rosa Layout', PLACE);
  const worker = await newWorker(admin, 'Tânia Agenda');
  await data(
    await admin.post('/api/cleaning-jobs', {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      data: { clientId: client.clientId, propertyId: client.propertyId, jobType: 'house', scheduledDate: lisbonToday(), scheduledTime: '09:30', estimatedHours: 2, workerIds: [worker.id] },
    }),
  );
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services'));
  const washIron = services.find((s) => s.code === 'WASH_IRON')!.id;
  order = await data(await admin.post('/api/laundry-orders', { data: { clientId: client.clientId, orderType: 'itemized', lines: [{ serviceId: washIron, weightGrams: 3000 }] } }));
  // Ready: the client gets an unread notification (the bell shows a badge).
  await data(await admin.post(`/api/laundry-orders/${order.id}/status`, { data: { status: 'in_progress' } }));
  await data(await admin.post(`/api/laundry-orders/${order.id}/mark-ready`, { data: {} }));
});

test.afterAll(async () => {
  await admin?.dispose();
});

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'element has a box').not.toBeNull();
  return found!;
}

/** Nothing on the page is wider than the screen (no sideways scrolling). */
async function expectNoSideScroll(page: Page) {
  const [scroll, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, 'page width').toBeLessThanOrEqual(viewport!);
}

test.describe('on a 1280 × 800 laptop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('when staff record a payment, then the amount starts at what is owed, every method fits its tile and the buttons are in view', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(`/admin/laundry/${order.id}`);
    await page.getByTestId('payments-block').getByRole('button', { name: 'Registar pagamento' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registar um pagamento' });
    await expect(dialog).toBeVisible();
    const owed = `${Math.floor(order.totalCents / 100)},${String(order.totalCents % 100).padStart(2, '0')}`;
    await expect(dialog.getByLabel('Valor (€)')).toHaveValue(owed);

    for (const method of ['Numerário', 'Cartão', 'Transferência', 'MB WAY', 'Outro']) {
      const label = dialog.getByText(method, { exact: true });
      const tile = dialog.locator('.radio-card', { has: page.getByText(method, { exact: true }) });
      const [text, card] = [await box(label), await box(tile)];
      expect(text.x + text.width, `${method} inside its tile`).toBeLessThanOrEqual(card.x + card.width);
    }
    await expect(dialog.getByRole('button', { name: 'Cancelar' })).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole('button', { name: 'Registar pagamento' })).toBeInViewport({ ratio: 1 });
    await expectAccessible(page, 'the record payment dialog');
  });

  test('when staff open the week by team member, then a legend names each colour and places are not cut short', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto('/admin/cleaning?view=week');
    const chip = page.getByRole('table').getByRole('link', { name: new RegExp(PLACE) });
    await expect(chip).toBeVisible();
    const clipped = await chip.locator('.week-chip__place').evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(clipped, 'the place name is shown whole').toBe(false);
    const legend = page.getByRole('list', { name: 'As cores indicam o estado de cada serviço.' });
    await expect(legend.getByRole('listitem')).toHaveText(['Agendado', 'Em curso', 'Concluído', 'Cancelado']);
    await expectAccessible(page, 'the week by team member');
  });
});

for (const height of [768, 800]) {
  test.describe(`on a 1280 × ${height} screen`, () => {
    test.use({ viewport: { width: 1280, height } });

    test('when staff look at the sidebar, then signing out is in view without scrolling', async ({ page }) => {
      await signIn(page, DEMO.master);
      await expect(page).toHaveURL(/\/admin$/);
      await expect(page.getByRole('button', { name: 'Terminar sessão' })).toBeInViewport({ ratio: 1 });
      await expectNoSideScroll(page);
    });
  });
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('when staff open the week by team member, then it is a day-by-day agenda that fits the phone', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto('/admin/cleaning?view=week');
    await expect(page.getByRole('link', { name: new RegExp(`09:30.*${PLACE}.*Tânia Agenda`) })).toBeVisible();
    await expect(page.getByRole('table')).toBeHidden();
    await expectNoSideScroll(page);
    await expectAccessible(page, 'the week agenda on a phone');
  });

  test('when staff open the laundry orders, then the filters wait behind a "Filtros" button with their count and each order takes two lines', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto('/admin/laundry');
    await expect(page.getByRole('button', { name: 'Filtros', exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Estado' })).toBeHidden();

    await page.goto('/admin/laundry?status=ready');
    const table = page.getByRole('table', { name: 'Encomendas de lavandaria' });
    const row = table.getByRole('row').filter({ hasText: order.orderNumber });
    await expect(row).toBeVisible();
    expect((await box(row)).height, 'an order row is two lines').toBeLessThan(90);
    await expect(row.getByText('Rosa Layout')).toBeVisible();

    await page.getByRole('button', { name: 'Filtros, 1 em uso' }).click();
    const sheet = page.getByRole('dialog', { name: 'Filtros' });
    await expect(sheet.getByRole('group', { name: 'Estado' })).toBeVisible();
    await expectAccessible(page, 'the filters sheet');
    await sheet.getByRole('button', { name: 'Ver resultados' }).click();
    await expect(sheet).toBeHidden();
    await expectNoSideScroll(page);
  });

  test('when staff open the cleaning jobs, then the filters wait behind a "Filtros" button', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    // The spec's own job is searched for, so that jobs other tests made for the same day cannot push it down.
    await page.goto(`/admin/cleaning?q=${encodeURIComponent(PLACE)}`);
    await expect(page.getByRole('button', { name: /^Filtros/ })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(PLACE) }).first()).toBeInViewport();
    await expectNoSideScroll(page);
  });

  test('when the client has an unread notification, then the badge sits at the corner of the bell and leaves it visible', async ({ page }) => {
    await signIn(page, client.account);
    await expect(page).toHaveURL(/\/client$/);
    const bell = page.getByRole('button', { name: /^Notificações, \d+ por ler$/ });
    const badge = bell.locator('.bell__badge');
    await expect(badge).toBeVisible();
    const [icon, mark] = [await box(bell.locator('svg')), await box(badge)];
    const overlapWidth = Math.max(0, Math.min(icon.x + icon.width, mark.x + mark.width) - Math.max(icon.x, mark.x));
    const overlapHeight = Math.max(0, Math.min(icon.y + icon.height, mark.y + mark.height) - Math.max(icon.y, mark.y));
    expect((overlapWidth * overlapHeight) / (icon.width * icon.height), 'share of the bell covered by the badge').toBeLessThan(0.2);
    await expectNoSideScroll(page);
  });
});
