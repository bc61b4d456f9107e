import { DEMO } from './support/accounts.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

test.describe('sign-in from the landing page', () => {
  for (const [role, account] of Object.entries(DEMO)) {
    test(`when the ${role} demo account signs in, then it reaches its own shell and can sign out`, async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Roupa fresca');
      await expectAccessible(page, 'the landing page');

      await signIn(page, account);

      await expect(page).toHaveURL(new RegExp(`${account.home}$`));
      const firstName = account.name.split(' ')[0]!;
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`, ${firstName}$`));
      await expect(page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Início' })).toHaveAttribute('aria-current', 'page');
      await expectAccessible(page, `the ${role} home`);

      await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Perfil' }).click();
      await expect(page).toHaveURL(new RegExp(`${account.home}/profile$`));
      await expect(page.getByRole('heading', { level: 1, name: 'Perfil' })).toBeVisible();
      await expect(page.getByLabel('Nome', { exact: true })).toHaveValue(account.name);
      await expectAccessible(page, `the ${role} profile`);

      // On a 1280 px screen the sign-out button is in the sidebar or the top bar.
      await page.getByRole('button', { name: 'Terminar sessão' }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('status').filter({ hasText: 'Terminou a sessão.' })).toBeVisible();
      await page.goto(account.home);
      await expect(page).toHaveURL(/\/\?next=/);
    });
  }

  test('when the password is wrong, then the form says so in Portuguese and stays on the landing page', async ({ page, allowConsole }) => {
    allowConsole(/status of 401/);
    await signIn(page, { ...DEMO.admin, password: 'not-the-password' });
    await expect(page.getByRole('alert')).toHaveText('Estes dados não correspondem a nenhuma conta. Confirme-os e tente de novo.');
    await expect(page).toHaveURL(/\/$/);
  });

  test('when the fields are empty, then each one explains what is missing without asking the server', async ({ page }) => {
    let loginCalls = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/login')) loginCalls += 1;
    });
    await page.goto('/');
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await expect(page.getByText('Preencha este campo.')).toHaveCount(2);
    await expect(page.getByLabel('Número de telemóvel')).toBeFocused();
    expect(loginCalls).toBe(0);
  });

  test('when a phone-sized screen opens a staff shell, then the menu is a drawer that closes with Escape', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole('button', { name: 'Abrir menu' }).click();
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    await expect(drawer).toBeVisible();
    await expectAccessible(page, 'the open drawer');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.getByRole('button', { name: 'Abrir menu' }).click();
    await drawer.getByRole('link', { name: 'Perfil' }).click();
    await expect(page).toHaveURL(/\/admin\/profile$/);
    await expect(drawer).toBeHidden();
  });

  test('when a client opens a management address, then it is taken to its own area and no management code is downloaded', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await signIn(page, DEMO.client);
    await expect(page).toHaveURL(/\/client$/);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/client$/);
    expect(scripts.filter((url) => /staff-(shell|home)/.test(url))).toEqual([]);
  });
});
