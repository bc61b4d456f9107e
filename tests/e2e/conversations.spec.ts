import crypto from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createStaff, DEMO, type Account } from './support/accounts.js';
import { apiAs, baseURL, data, newClient } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// Issue 23 §2 "Done when": a client on a 390 px phone and staff at 1280 px exchange messages on a laundry
// order, and each sees the unread count rise and clear once they read.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function open(browser: Browser, account: Account, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'pt-PT', timezoneId: 'Pacific/Auckland', baseURL });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await signIn(page, account);
  await page.waitForURL((url) => url.pathname === account.home);
  return { context, page, problems };
}

async function fits(page: Page, what: string) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, `${what} fits the screen`).toBeLessThanOrEqual(viewport);
}

test('when a client on a phone and staff at a desk write on an order, then each sees the other’s message, the unread count rises, and reading clears it', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const name = `Conversa ${crypto.randomBytes(2).toString('hex')}`;
  const { account, clientId } = await newClient(admin, name, `Casa ${name}`);
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services?limit=100'));
  const order = await data<{ id: number; orderNumber: string }>(
    await admin.post('/api/laundry-orders', { data: { clientId, orderType: 'itemized', lines: [{ serviceId: services.find((s) => s.code === 'WASH_IRON')!.id, weightGrams: 2000 }] } }),
  );
  await admin.dispose();
  // A staff member of their own: their read marks start empty, whatever other tests did.
  const staffAccount = await createStaff({ role: 'admin', name: 'Marta Pires' });

  const client = await open(browser, account, PHONE);
  const staff = await open(browser, staffAccount, DESKTOP);
  try {
    const staffNav = staff.page.getByRole('navigation', { name: 'Navegação principal' }).first().getByRole('link', { name: /Mensagens/ });
    await expect(staffNav).toBeVisible();
    const before = Number((await staffNav.getByTestId('messages-unread').textContent({ timeout: 2_000 }).catch(() => '0'))?.match(/\d+/)?.[0] ?? 0);

    // The client writes from the order's page on their phone, with the button; a double press sends once.
    await client.page.goto(`/client/laundry/${order.id}`);
    const clientPanel = client.page.getByTestId('thread-panel');
    await expect(clientPanel.getByRole('heading', { name: 'Mensagens' })).toBeVisible();
    await expect(clientPanel.getByText('Ainda sem mensagens.')).toBeVisible();
    await clientPanel.getByLabel('Mensagem').fill('Bom dia! <b>Posso</b> levantar amanhã às 10h?');
    await clientPanel.getByRole('button', { name: 'Enviar' }).dblclick();
    await expect(clientPanel.getByTestId('thread-message')).toHaveCount(1);
    await expect(clientPanel.getByTestId('thread-message').first()).toContainText('Bom dia! <b>Posso</b> levantar amanhã às 10h?');
    await expect(clientPanel.getByTestId('thread-message').first()).toContainText('Eu');
    await expect(clientPanel.getByText('Não enviada.')).toHaveCount(0);
    await fits(client.page, 'the client order page with its messages at 390 px');
    await expectAccessible(client.page, 'the client order page with its messages');

    // Staff see the count rise in their navigation and the conversation first in their inbox.
    await expect(staffNav.getByTestId('messages-unread')).toHaveText(String(before + 1), { timeout: 40_000 });
    await staffNav.click();
    await expect(staff.page.getByRole('heading', { level: 1, name: 'Mensagens' })).toBeVisible();
    const row = staff.page.getByTestId('inbox-row').filter({ hasText: order.orderNumber });
    await expect(row).toContainText('1 por ler');
    await expect(row).toContainText(name);
    await expect(staff.page.getByTestId('inbox-row').first()).toContainText('por ler');
    await fits(staff.page, 'the staff inbox at 1280 px');
    await expectAccessible(staff.page, 'the staff inbox');
    await row.getByRole('link', { name: `Encomenda ${order.orderNumber}` }).click();
    await staff.page.waitForURL(`**/admin/laundry/${order.id}`);

    // Opening the order shows the message under the "new" line and clears the count.
    const staffPanel = staff.page.getByTestId('thread-panel');
    await expect(staffPanel.getByTestId('thread-new-separator')).toBeVisible();
    await expect(staffPanel.getByTestId('thread-message').first()).toContainText(name);
    await expect(staffPanel.getByTestId('thread-message').first()).toContainText('Bom dia! <b>Posso</b> levantar amanhã às 10h?');
    if (before === 0) await expect(staffNav.getByTestId('messages-unread')).toHaveCount(0);
    else await expect(staffNav.getByTestId('messages-unread')).toHaveText(String(before));
    await fits(staff.page, 'the staff order page with its messages at 1280 px');
    await expectAccessible(staff.page, 'the staff order page with its messages');

    // The client goes back to their home; staff answer with Enter on the keyboard.
    await client.page.goto('/client');
    const messagesButton = client.page.getByRole('link', { name: /^Mensagens/ });
    await expect(messagesButton).toBeVisible();
    await expect(messagesButton.getByTestId('messages-unread')).toHaveCount(0);
    await staffPanel.getByLabel('Mensagem').fill('Claro, fica pronta às 9h.');
    await staffPanel.getByLabel('Mensagem').press('Enter');
    await expect(staffPanel.getByTestId('thread-message')).toHaveCount(2);
    await expect(staffPanel.getByLabel('Mensagem')).toHaveValue('');

    // The client's count rises; reading the order clears it.
    await expect(messagesButton.getByTestId('messages-unread')).toHaveText('1', { timeout: 40_000 });
    await messagesButton.click();
    await client.page.waitForURL('**/client/messages');
    await expect(client.page.getByRole('heading', { level: 1, name: 'Mensagens' })).toBeVisible();
    await fits(client.page, 'the client inbox at 390 px');
    await expectAccessible(client.page, 'the client inbox');
    await client.page.getByTestId('inbox-row').filter({ hasText: order.orderNumber }).getByRole('link').click();
    await client.page.waitForURL(`**/client/laundry/${order.id}`);
    await expect(clientPanel.getByTestId('thread-message').last()).toContainText('Claro, fica pronta às 9h.');
    await expect(clientPanel.getByTestId('thread-message').last()).toContainText('Marta Pires');
    await expect(messagesButton.getByTestId('messages-unread')).toHaveCount(0);

    expect(client.problems, 'client console errors').toEqual([]);
    expect(staff.problems, 'staff console errors').toEqual([]);
  } finally {
    await client.context.close();
    await staff.context.close();
  }
});
