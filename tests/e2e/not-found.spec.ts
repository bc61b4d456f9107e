import { DEMO } from './support/accounts.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

test('when an address does not exist, then a friendly page says so and leads back to the start', async ({ page }) => {
  await page.goto('/isto-nao-existe');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página não encontrada');
  await expect(page).toHaveTitle(/^Página não encontrada · \S/);
  await expectAccessible(page, 'the 404 page');
  await page.getByRole('link', { name: 'Voltar ao início' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('when a signed-in user opens an unknown page of its area, then the 404 shows inside the shell', async ({ page }) => {
  await signIn(page, DEMO.worker);
  await expect(page).toHaveURL(/\/worker$/);
  await page.goto('/worker/nada');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página não encontrada');
  await expect(page.getByRole('navigation', { name: 'Navegação principal' }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Voltar ao início' }).click();
  await expect(page).toHaveURL(/\/worker$/);
});

test('when an API address does not exist, then the answer stays JSON and is not the web app', async ({ request }) => {
  const response = await request.get('/api/nao-existe');
  expect(response.status()).toBe(404);
  expect((await response.json()).error.code).toBe('ROUTE_NOT_FOUND');
});

test('when the office opens a ticket that does not exist, then the same not-found page names it with its heading', async ({ page, allowConsole }) => {
  allowConsole(/status of 404/); // the browser's own line for the API's answer
  await signIn(page, DEMO.master);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/tickets/999999');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página não encontrada');
  await page.getByRole('link', { name: 'Voltar ao início' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
