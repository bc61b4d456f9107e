import { createStaff } from './support/accounts.js';
import { expect, signIn, test } from './support/fixtures.js';

test('when the session ends while a page is open, then the next action asks to sign in and comes back to that page', async ({ page, context, allowConsole }) => {
  allowConsole(/status of 401/);
  const admin = await createStaff({ role: 'admin', name: 'Sofia Martins' });
  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Perfil' }).click();
  await expect(page).toHaveURL(/\/admin\/profile$/);
  // Every request of the page has had its answer before the session ends (a load still in flight would
  // meet the 401 first and ask to sign in before the test's own action).
  const emails = page.getByRole('region', { name: 'Notificações por e-mail' });
  await expect(emails.getByRole('checkbox').first()).toBeVisible();

  // The server forgets the session (as after the idle timeout): the browser's cookie is no longer valid.
  await context.clearCookies();
  await page.getByLabel('Nome', { exact: true }).fill('Sofia Martins Costa');
  await page.getByRole('button', { name: 'Guardar nome' }).click();

  await expect(page).toHaveURL(/\/\?next=%2Fadmin%2Fprofile$/);
  await expect(page.getByText('A sua sessão terminou. Volte a entrar para continuar onde estava.')).toBeVisible();

  await page.locator('label').filter({ hasText: 'Equipa' }).click();
  await page.getByLabel('Nome de utilizador').fill(admin.login);
  await page.getByLabel('Palavra-passe', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Perfil' })).toBeVisible();
});
