import { DEMO } from './support/accounts.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// Issue 18, defect 10: the business's name, address and contacts come from one place (Settings →
// Empresa) and the landing page, the page titles and the installed app's manifest follow it.
test('when the owner renames the business in the settings, then the landing page, the title and the manifest show the new name', async ({ page, browser, baseURL }) => {
  await signIn(page, DEMO.master);
  await page.waitForURL(/\/admin/);
  await page.goto('/admin/settings');
  const section = page.locator('section[aria-labelledby="settings-business"]');
  await expect(section.getByRole('heading', { name: 'Empresa' })).toBeVisible();
  const name = section.getByLabel('Nome', { exact: true });
  await expect(name).toHaveValue('Lavandaria Sousa');
  await expect(section.getByLabel('Telefone')).toHaveValue('+351 213 456 789');

  // A NIF whose check digit is wrong is refused next to the field.
  const nif = section.getByLabel('NIF');
  await nif.fill('508123450');
  await section.getByRole('button', { name: 'Guardar dados da empresa' }).click();
  await expect(section.getByText('NIF inválido', { exact: false })).toBeVisible();
  await nif.fill('508123453');

  await name.fill('Lavandaria Rosa');
  await section.getByLabel('Morada').fill('Rua da Rosa 7\n1200-385 Lisboa');
  await section.getByRole('button', { name: 'Guardar dados da empresa' }).click();
  await expect(section.getByText('Dados da empresa guardados.')).toBeVisible();
  await expect(page).toHaveTitle(/· Lavandaria Rosa$/);
  await expectAccessible(page, 'the settings page with the business section');

  try {
    const visitor = await browser.newContext({ baseURL, locale: 'pt-PT' });
    const landing = await visitor.newPage();
    await landing.goto('/');
    await expect(landing.getByRole('banner').getByRole('link', { name: 'Lavandaria Rosa' })).toContainText('Lavandaria Rosa');
    await expect(landing.getByTestId('business-address')).toContainText('Rua da Rosa 7');
    await expect(landing.getByRole('link', { name: '+351 213 456 789' })).toHaveAttribute('href', 'tel:+351213456789');
    await expect(landing.locator('.landing-footer')).toContainText('Lavandaria Rosa');
    await expect(landing).toHaveTitle(/Lavandaria Rosa$/);
    const manifestHref = await landing.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await landing.request.get(manifestHref!)).json();
    expect(manifest).toMatchObject({ name: 'Lavandaria Rosa', short_name: 'Lavandaria' });
    expect((await landing.request.get(manifest.icons[0].src)).status()).toBe(200);
    await visitor.close();
  } finally {
    // The other specs read the demo identity.
    await page.goto('/admin/settings');
    await section.getByLabel('Nome', { exact: true }).fill('Lavandaria Sousa');
    await section.getByLabel('Morada').fill('Rua dos Fanqueiros 120\n1100-232 Lisboa');
    await section.getByRole('button', { name: 'Guardar dados da empresa' }).click();
    await expect(section.getByText('Dados da empresa guardados.')).toBeVisible();
  }
});
