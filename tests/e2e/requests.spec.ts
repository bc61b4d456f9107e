/// <reference lib="dom" />
import crypto from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { DEMO } from './support/accounts.js';
import { apiAs, data, lisbonDate, newClient } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { fillDateField } from './support/date-fields.js';

// Issue 23 §1 and §5: a client on a phone asks for a pickup; staff are told, propose another time; the
// client accepts it; staff accept the request, the laundry order form opens prefilled, they create the
// order, and both sides see the order and the request linked.

async function fits(page: Page, what: string) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, `${what} fits the screen`).toBeLessThanOrEqual(viewport);
}

async function staffPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pt-PT' });
  const page = await context.newPage();
  await signIn(page, DEMO.master);
  await page.waitForURL((url) => url.pathname === '/admin');
  return page;
}

test('when a client asks for a pickup on a phone, then staff propose another time, the client accepts, and staff create the linked order from the prefilled form', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const name = `Pedido ${crypto.randomBytes(2).toString('hex')}`;
  const { account } = await newClient(admin, name, `Casa ${name}`);

  // The client, on a 390 px phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, account);
  await page.waitForURL((url) => url.pathname === '/client');
  await page.getByRole('link', { name: 'Pedir recolha' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Novo pedido' })).toBeVisible();
  await fits(page, 'the request form at 390 px');
  await expectAccessible(page, 'the request form');
  await page.getByLabel('Notas (opcional)').fill('Dois sacos de roupa');
  await page.getByRole('button', { name: 'Enviar pedido' }).click();
  await expect(page.getByText('Pedido enviado. Vamos dar-lhe notícias.')).toBeVisible();
  await expect(page.getByTestId('request-state')).toHaveText('À espera de resposta');
  const requestId = Number(/\/client\/requests\/(\d+)/.exec(page.url())![1]);
  await fits(page, 'the request at 390 px');

  // Staff are told, and see it first in the inbox with the count in the menu.
  const master = await apiAs('staff', DEMO.master.login, DEMO.master.password);
  const bell = await data<Array<{ type: string; link: string }>>(await master.get('/api/notifications?limit=100'));
  expect(bell.some((n) => n.type === 'request_created' && n.link === `/app/requests/${requestId}`)).toBe(true);
  const staff = await staffPage(browser);
  await expect(staff.getByTestId('nav-requests-count').first()).toBeVisible();
  await staff.goto('/admin/requests');
  await expect(staff.getByRole('heading', { level: 1, name: 'Pedidos' })).toBeVisible();
  await expect(staff.getByTestId('request-row').first()).toContainText(name);
  await staff.getByRole('link', { name: `Recolha de roupa · ${name}` }).click();
  await expect(staff.getByText('Dois sacos de roupa')).toBeVisible();

  // Another time: two days later, in the afternoon.
  const later = lisbonDate(Date.now() + 2 * 86_400_000);
  await staff.getByRole('button', { name: 'Propor outra hora' }).click();
  const propose = staff.getByRole('dialog', { name: 'Propor outra hora' });
  await fillDateField(propose, 'Dia', later);
  await fillDateField(propose, 'Das', '14:00');
  await fillDateField(propose, 'Até às', '16:00');
  await propose.getByRole('button', { name: 'Enviar proposta' }).click();
  await expect(propose).toBeHidden();
  await expect(staff.getByTestId('request-state')).toHaveText('Outra hora proposta');

  // The client takes the proposed time.
  await page.reload();
  await expect(page.getByTestId('request-proposal')).toContainText('14:00–16:00');
  await page.getByRole('button', { name: 'Aceitar esta hora' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Por confirmar');
  await expect(page.getByTestId('request-when')).toContainText('14:00–16:00');
  await expect(page.getByTestId('request-history')).toContainText('Proposta aceite');
  await fits(page, 'the request with its history at 390 px');
  await expectAccessible(page, 'the client’s request');

  // Staff accept: the order form opens with the request's client, and creating the order accepts it.
  await staff.reload();
  await expect(staff.getByTestId('request-state')).toHaveText('Por confirmar');
  await staff.getByRole('button', { name: 'Aceitar: criar a encomenda' }).click();
  await expect(staff).toHaveURL(new RegExp(`/admin/laundry/new\\?fromRequest=${requestId}`));
  await expect(staff.getByTestId('request-prefill')).toContainText(name);
  await expect(staff.getByTestId('request-prefill')).toContainText('14:00–16:00');
  await staff.getByTestId('line-0').getByLabel('Peso (kg)').fill('3');
  await staff.getByRole('button', { name: 'Criar encomenda' }).click();
  await expect(staff).toHaveURL(/\/admin\/laundry\/\d+$/);
  const heading = staff.getByRole('heading', { level: 1, name: /^LDR-/ });
  await expect(heading).toBeVisible();
  const orderNumber = (await heading.textContent())!.trim();
  await expect(staff.getByTestId('from-request-link')).toHaveText(`Do pedido n.º ${requestId}`);
  await staff.getByTestId('from-request-link').click();
  await expect(staff.getByTestId('request-state')).toHaveText('Aceite');
  await expect(staff.getByTestId('request-order-link')).toHaveText(orderNumber);

  // The client sees the order on the request, and the request on the order.
  await page.reload();
  await expect(page.getByTestId('request-state')).toHaveText('Aceite');
  await page.getByTestId('request-order-link').click();
  await expect(page.getByRole('heading', { level: 1, name: orderNumber })).toBeVisible();
  await expect(page.getByTestId('from-request-link')).toHaveText(`Do pedido n.º ${requestId}`);
  await fits(page, 'the order at 390 px');
  await page.goto('/client/requests');
  await expect(page.getByTestId('request-row').first()).toContainText('Aceite');
  await fits(page, 'the request list at 390 px');
  await staff.context().close();
});
