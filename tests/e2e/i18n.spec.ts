import type { Page } from '@playwright/test';
import { createClient, createStaff, type Account } from './support/accounts.js';
import { apiAs, baseURL, data, newClient } from './support/api.js';
import { expect, signIn, test } from './support/fixtures.js';
import { chooseLanguage, textsIn, untranslated, visibleTexts } from './support/language.js';

test('when the landing page switches from English to Portuguese, then every visible string changes', async ({ page }) => {
  await page.goto('/');
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fresh clothes and spotless homes, from one team you can trust');
  const english = await visibleTexts(page);
  // The staff form has its own labels.
  await page.locator('label').filter({ hasText: 'Team' }).click();
  english.push(...(await visibleTexts(page)));

  await chooseLanguage(page, 'Português');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roupa fresca e casas impecáveis, por uma equipa de confiança');
  const portuguese = await visibleTexts(page);
  await page.locator('label').filter({ hasText: 'Cliente' }).click();
  portuguese.push(...(await visibleTexts(page)));

  expect(untranslated(english, portuguese)).toEqual([]);
  // Remembered on this device.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-PT');
});

const shells: [string, () => Promise<Account>][] = [
  ['staff', () => createStaff({ role: 'admin', name: 'Tiago Neves' })],
  ['worker', () => createStaff({ role: 'worker', name: 'Carla Lopes' })],
  ['client', () => createClient({ mustChangePassword: false, name: 'Inês Duarte' })],
];

for (const [shell, create] of shells) {
  test(`when the ${shell} shell switches from English to Portuguese, then every visible string changes and the choice follows the account`, async ({ page }) => {
    const account = await create();
    await signIn(page, account);
    await expect(page).toHaveURL(new RegExp(`${account.home}$`));
    const nav = page.getByRole('navigation', { name: /Navegação principal|Main navigation/ }).first();

    await chooseLanguage(page, 'English');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Good (morning|afternoon|evening), /);
    const english = await visibleTexts(page);
    await nav.getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    english.push(...(await visibleTexts(page)));

    // Stored on the account: a new visit opens in English.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

    await chooseLanguage(page, 'Português');
    await expect(page.getByRole('heading', { level: 1, name: 'Perfil' })).toBeVisible();
    const portuguese = await visibleTexts(page);
    await nav.getByRole('link', { name: 'Início' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Bom dia|Boa tarde|Boa noite), /);
    portuguese.push(...(await visibleTexts(page)));

    expect(untranslated(english, portuguese, account)).toEqual([]);
  });
}

test('when staff read a client price list and the reminders setting in English and then Portuguese, then every string changes', async ({ page }) => {
  const account = await createStaff({ role: 'admin', name: 'Rita Moura' });
  const api = await apiAs('staff', account.login, account.password);
  const phone = `93${String(Date.now()).slice(-7)}`;
  const created = await data<{ client: { id: number } }>(await api.post('/api/clients', { data: { phone, name: 'Alojamentos Graça', billing: 'monthly' } }));
  const services = await data<Array<{ id: number; code: string }>>(await api.get('/api/laundry-services?limit=100'));
  await data(await api.post(`/api/clients/${created.client.id}/prices`, { data: { item: 'laundry_service', serviceId: services.find((s) => s.code === 'WASH_IRON')!.id, priceCents: 300, validFrom: '2020-01-01' } }));
  await data(await api.post(`/api/clients/${created.client.id}/prices`, { data: { item: 'cleaning_hour', priceCents: 1300, validFrom: '2099-01-01' } }));
  await api.dispose();
  await signIn(page, account);
  const parts = '[data-testid="client-prices"], .facts';

  await chooseLanguage(page, 'English');
  await page.goto(`/admin/clients/${created.client.id}`);
  await expect(page.getByRole('heading', { name: 'Client prices' })).toBeVisible();
  const english = await textsIn(page, parts);
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { name: 'Payment reminders' })).toBeVisible();
  english.push(...(await textsIn(page, 'section[aria-labelledby="settings-reminders"]')));

  await chooseLanguage(page, 'Português');
  await expect(page.getByRole('heading', { name: 'Lembretes de pagamento' })).toBeVisible();
  const portuguese = await textsIn(page, 'section[aria-labelledby="settings-reminders"]');
  await page.goto(`/admin/clients/${created.client.id}`);
  await expect(page.getByRole('heading', { name: 'Preços do cliente' })).toBeVisible();
  portuguese.push(...(await textsIn(page, parts)));

  expect(english.length).toBeGreaterThan(10);
  // The client's name and "—" for a missing e-mail or NIF are data, the same in both languages.
  expect(untranslated(english, portuguese, account).filter((text) => !['Alojamentos Graça', '—'].includes(text))).toEqual([]);
});

test('when staff open the short-let pages in English and in Portuguese, then every visible string changes', async ({ page }) => {
  test.setTimeout(240_000);
  const account = await createStaff({ role: 'admin', name: 'Tiago Neves' });
  const admin = await apiAs('staff', account.login, account.password);
  const { propertyId } = await newClient(admin, `Lia Anfitriã ${Date.now() % 10_000}`, 'Estúdio do Castelo');
  await admin.dispose();
  await signIn(page, account);
  await expect(page).toHaveURL(new RegExp(`${account.home}$`));
  const pages = ['/admin/turnovers', '/admin/checklists', '/admin/checklists/new', `/admin/properties/${propertyId}`];
  const visit = async () => {
    const texts: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      texts.push(...(await visibleTexts(page)));
    }
    return texts;
  };
  await chooseLanguage(page, 'English');
  const english = await visit();
  await chooseLanguage(page, 'Português');
  const portuguese = await visit();
  // The property's own name (its heading and the page title) is the same in both languages.
  expect(untranslated(english, portuguese, account).filter((text) => !text.startsWith('Estúdio do Castelo'))).toEqual([]);
});

test('when staff read a client account and the client reads "My account" in English and then Portuguese, then every string changes', async ({ page }) => {
  test.setTimeout(180_000);
  const staff = await createStaff({ role: 'admin', name: 'Sara Pinto' });
  const admin = await apiAs('staff', staff.login, staff.password);
  const { account, clientId } = await newClient(admin, `Marta Conta ${Date.now() % 10_000}`, 'Casa da Sé');
  const services = await data<Array<{ id: number; code: string }>>(await admin.get('/api/laundry-services?limit=100'));
  const order = await data<{ id: number; totalCents: number }>(
    await admin.post('/api/laundry-orders', { data: { clientId, orderType: 'itemized', lines: [{ serviceId: services.find((s) => s.code === 'WASH_IRON')!.id, weightGrams: 2000 }] } }),
  );
  await data(await admin.post('/api/payments', { data: { laundryOrderId: order.id, amountCents: 100, method: 'cash' } }));
  await admin.dispose();
  const card = '[data-testid="client-account"]';
  // Each tab of the account, read in turn.
  const readTabs = async (names: string[]) => {
    const texts: string[] = [];
    for (const name of names) {
      await page.locator(card).getByRole('tab', { name }).click();
      await page.waitForLoadState('networkidle');
      texts.push(...(await textsIn(page, card)));
    }
    return texts;
  };

  await signIn(page, staff);
  await expect(page).toHaveURL(new RegExp(`${staff.home}$`));
  await chooseLanguage(page, 'English');
  await page.goto(`/admin/clients/${clientId}`);
  await expect(page.getByRole('heading', { name: 'Account balance' })).toBeVisible({ timeout: 60_000 });
  const english = await readTabs(['Laundry orders', 'Cleaning jobs', 'Payments', 'Receipts', 'Statements']);
  await page.locator(card).getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByRole('dialog', { name: 'Record a payment' })).toBeVisible();
  english.push(...(await textsIn(page, '[role="dialog"]')));
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await chooseLanguage(page, 'Português');
  await expect(page.getByRole('heading', { name: 'Conta corrente' })).toBeVisible();
  const portuguese = await readTabs(['Encomendas', 'Limpezas', 'Pagamentos', 'Recibos', 'Extratos']);
  await page.locator(card).getByRole('button', { name: 'Registar pagamento' }).click();
  await expect(page.getByRole('dialog', { name: 'Registar pagamento' })).toBeVisible();
  portuguese.push(...(await textsIn(page, '[role="dialog"]')));
  expect(english.length).toBeGreaterThan(20);
  expect(untranslated(english, portuguese, staff).filter((text) => !['Total', 'PDF', 'MB WAY'].includes(text))).toEqual([]);

  // The client's own page.
  const client = await browserPage(page);
  await signIn(client, account);
  await client.waitForURL((url) => url.pathname === '/client');
  await chooseLanguage(client, 'English');
  await client.goto('/client/account');
  await expect(client.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await client.waitForLoadState('networkidle');
  const ownEnglish = await visibleTexts(client);
  await chooseLanguage(client, 'Português');
  await expect(client.getByRole('heading', { level: 1, name: 'A minha conta' })).toBeVisible();
  await client.waitForLoadState('networkidle');
  const ownPortuguese = await visibleTexts(client);
  expect(untranslated(ownEnglish, ownPortuguese, account).filter((text) => text !== 'Total' && !text.startsWith('LDR-'))).toEqual([]);
  await client.close();
});

/** A second tab in a browser of its own (its own cookies), for a second person. */
async function browserPage(page: Page): Promise<Page> {
  const context = await page.context().browser()!.newContext({ baseURL, viewport: page.viewportSize() });
  return context.newPage();
}
