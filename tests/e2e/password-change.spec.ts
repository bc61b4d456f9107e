import { createClient } from './support/accounts.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

test('when a client signs in with a temporary password, then it must choose a new one before anything else', async ({ page, allowConsole }) => {
  // The server's refusals of weak passwords are 400 answers the browser logs.
  allowConsole(/status of 400/);
  const client = await createClient({ mustChangePassword: true, name: 'Joana Rocha' });

  await signIn(page, client);
  await expect(page).toHaveURL(/\/change-password/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Escolha uma nova palavra-passe');
  await expectAccessible(page, 'the forced password change');

  // Nothing else opens until the password is changed.
  await page.goto('/client/profile');
  await expect(page).toHaveURL(/\/change-password/);

  const current = page.getByLabel('Palavra-passe temporária');
  const fresh = page.getByLabel('Nova palavra-passe', { exact: true });
  const repeat = page.getByLabel('Repita a nova palavra-passe');
  const save = page.getByRole('button', { name: 'Guardar palavra-passe' });

  await current.fill(client.password);
  await fresh.fill('Azulejo-de-Lisboa-77');
  await repeat.fill('Azulejo-de-Lisboa-78');
  await save.click();
  await expect(page.getByText('As duas palavras-passe não são iguais.')).toBeVisible();

  await fresh.fill('password');
  await repeat.fill('password');
  await save.click();
  await expect(page.getByText('Esta palavra-passe é demasiado comum. Escolha uma mais difícil de adivinhar.')).toBeVisible();
  await expect(fresh).toBeFocused();

  await fresh.fill('Azulejo-de-Lisboa-77');
  await repeat.fill('Azulejo-de-Lisboa-77');
  await save.click();
  // On to the page the client was going to before the change was required.
  await expect(page).toHaveURL(/\/client\/profile$/);
  await expect(page.getByLabel('Nome', { exact: true })).toHaveValue('Joana Rocha');
  await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Início' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/, Joana$/);

  await page.getByRole('button', { name: 'Terminar sessão' }).click();
  await expect(page).toHaveURL(/\/$/);
  await signIn(page, { ...client, password: 'Azulejo-de-Lisboa-77' });
  await expect(page).toHaveURL(/\/client$/);
});
