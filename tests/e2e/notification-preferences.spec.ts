import { createClient, createStaff } from './support/accounts.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

test('when a client turns the "laundry ready" e-mail off on the profile, then it is saved and still off after a reload', async ({ page }) => {
  const client = await createClient({ mustChangePassword: false, name: 'Teresa Brito' });
  await signIn(page, client);
  await page.goto('/client/profile');
  const section = page.getByRole('region', { name: 'Notificações por e-mail' });
  const ready = section.getByRole('checkbox', { name: /Roupa pronta/ });
  await expect(ready).toBeChecked();
  await expect(section.getByRole('checkbox', { name: /Nova limpeza/ })).toHaveCount(0);
  // React Aria's checkbox input sits under its label: people (and the test) press the label.
  await section.getByText('Roupa pronta', { exact: true }).click();
  await expect(section.getByText('Guardado.')).toBeVisible();
  await expectAccessible(page, 'the client profile with notification preferences');

  await page.reload();
  await expect(page.getByRole('region', { name: 'Notificações por e-mail' }).getByRole('checkbox', { name: /Roupa pronta/ })).not.toBeChecked();
  const saved = await page.request.get('/api/notification-preferences');
  expect((await saved.json()).data.items).toContainEqual({ type: 'laundry.ready', email: false, emailDefault: true });
});

test('when a worker opens the profile, then only their own e-mails are offered, and one can be switched on', async ({ page }) => {
  const worker = await createStaff({ role: 'worker', name: 'Lúcia Prates' });
  await signIn(page, worker);
  await page.goto('/worker/profile');
  const section = page.getByRole('region', { name: 'Notificações por e-mail' });
  await expect(section.getByRole('checkbox', { name: /Alterações às suas limpezas/ })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: /Roupa pronta/ })).toHaveCount(0);
  await section.getByText('Alterações às suas limpezas', { exact: true }).click();
  await expect(section.getByRole('checkbox', { name: /Alterações às suas limpezas/ })).not.toBeChecked();
  await expect(section.getByText('Guardado.')).toBeVisible();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
});
