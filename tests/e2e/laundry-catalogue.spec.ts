/// <reference lib="dom" />
import crypto from 'node:crypto';
import { DEMO } from './support/accounts.js';
import { apiAs, data } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// The price list editor: staff add a category and a per-piece service with an express surcharge in
// it, find it under its heading, change its price and deactivate it; every step is checked through the API.

interface Service {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  categoryId: number | null;
  pricingUnit: string;
  priceCents: number;
  turnaroundDays: number;
  express: { kind: string; value: number; turnaroundDays: number } | null;
  isActive: boolean;
}

test.describe.configure({ timeout: 240_000 });

test('when staff add a category and a service with express, then it is listed under it, can be repriced and deactivated', async ({ page, allowConsole }) => {
  // The refused surcharge below is a 400 on purpose.
  allowConsole(/status of 400/);
  const tag = crypto.randomBytes(3).toString('hex');
  const categoryName = `Tapetes ${tag}`;
  const serviceName = `Tapete pequeno ${tag}`;
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const serviceByName = async () =>
    (await data<Service[]>(await admin.get('/api/laundry-services?includeInactive=true&limit=100'))).find((s) => s.name === serviceName);

  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/laundry-services');
  await expect(page.getByRole('heading', { level: 1, name: 'Serviços de lavandaria' })).toBeVisible();
  // The seeded price list under its headings, in order.
  await expect(page.getByRole('heading', { level: 2, name: /Ao quilo/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Vestuário/ })).toBeVisible();

  // A new category.
  await page.getByRole('button', { name: 'Categorias' }).click();
  const categories = page.getByRole('dialog', { name: 'Categorias' });
  await categories.getByLabel('Nova categoria (português)').fill(categoryName);
  await categories.getByLabel('Nova categoria (inglês)').fill(`Rugs ${tag}`);
  await categories.getByRole('button', { name: 'Adicionar categoria' }).click();
  await expect(categories.getByRole('list', { name: 'Categorias' }).getByText(categoryName, { exact: true })).toBeVisible();
  await expectAccessible(page, 'the categories dialog');
  // Added last; moved up one place, it comes before the one that was above it.
  const activeNames = async () =>
    (await data<Array<{ name: string; isActive: boolean }>>(await admin.get('/api/laundry-categories?includeInactive=true'))).filter((c) => c.isActive).map((c) => c.name);
  const before = await activeNames();
  expect(before.at(-1)).toBe(categoryName);
  await categories.getByRole('button', { name: `Subir ${categoryName}` }).click();
  await expect.poll(activeNames).toEqual([...before.slice(0, -2), categoryName, before.at(-2)]);
  await categories.getByRole('button', { name: 'Concluído' }).click();
  const category = (await data<Array<{ id: number; name: string }>>(await admin.get('/api/laundry-categories?includeInactive=true'))).find((c) => c.name === categoryName);
  expect(category, 'the category was stored').toBeTruthy();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(categoryName) })).toBeVisible();

  // A per-piece service in it, with a fixed express surcharge. A 250 % surcharge is refused by the server on its field first.
  await page.getByRole('button', { name: 'Adicionar serviço' }).click();
  const form = page.getByRole('dialog', { name: 'Adicionar serviço' });
  await form.getByLabel('Nome (português)').fill(serviceName);
  await form.getByLabel('Nome (inglês)').fill(`Small rug ${tag}`);
  await form.getByLabel('Categoria').selectOption({ label: categoryName });
  await expect(form.getByLabel('Unidade')).toHaveValue('per_item');
  await form.getByLabel('Preço (€)').fill('12,50');
  await form.getByLabel('Prazo (dias)').fill('5');
  await form.getByLabel('Sobretaxa expresso').selectOption({ label: 'Percentagem da linha' });
  await form.getByLabel('Sobretaxa (%)').fill('250');
  await form.getByLabel('Prazo expresso (dias)').fill('2');
  await form.getByRole('button', { name: 'Adicionar serviço' }).click();
  await expect(form.getByLabel('Sobretaxa (%)')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Verifique este valor.')).toBeVisible();
  expect(await serviceByName(), 'nothing was stored').toBeUndefined();
  await expectAccessible(page, 'the service dialog with a refused field');
  await form.getByLabel('Sobretaxa expresso').selectOption({ label: 'Valor fixo' });
  await form.getByLabel('Sobretaxa (€)').fill('3');
  await form.getByRole('button', { name: 'Adicionar serviço' }).click();
  await expect(form).toBeHidden();

  const list = page.getByRole('region', { name: 'Tabela de preços' });
  const group = list.getByRole('list', { name: categoryName });
  const row = group.getByRole('listitem').filter({ hasText: serviceName });
  await expect(row).toContainText('12,50 €');
  await expect(row).toContainText('por peça');
  await expect(row).toContainText('Pronto em 5 dias');
  await expect(row).toContainText(/Expresso\s*\+3,00\s€\s*·\s*2 dias/);
  let stored = await serviceByName();
  expect(stored).toMatchObject({ categoryId: category!.id, pricingUnit: 'per_item', priceCents: 1250, turnaroundDays: 5, express: { kind: 'fixed', value: 300, turnaroundDays: 2 }, isActive: true });
  await expect(page.locator('main')).not.toContainText(stored!.code);

  // Found by name.
  await page.getByLabel('Procurar serviço').fill(`pequeno ${tag}`);
  await expect(list.getByRole('heading', { level: 2 })).toHaveCount(1);
  await expect(row).toBeVisible();

  // Repriced.
  await row.getByRole('button', { name: `Editar: ${serviceName}` }).click();
  const edit = page.getByRole('dialog', { name: `Editar ${serviceName}` });
  await expect(edit.getByLabel('Sobretaxa (€)')).toHaveValue('3');
  await edit.getByLabel('Preço (€)').fill('14');
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('14,00 €');
  stored = await serviceByName();
  expect(stored).toMatchObject({ priceCents: 1400, express: { kind: 'fixed', value: 300, turnaroundDays: 2 } });

  // Deactivated, never deleted: shown again only when asked.
  await row.getByRole('button', { name: `Desativar: ${serviceName}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Desativar ${serviceName}?` });
  await confirm.getByRole('button', { name: 'Desativar' }).click();
  await expect(confirm).toBeHidden();
  await expect(list.getByText(serviceName)).toHaveCount(0);
  expect(await serviceByName()).toMatchObject({ isActive: false, priceCents: 1400 });
  await page.getByText('Mostrar serviços desativados').click();
  await expect(row).toContainText('Desativado');
  await expect(row.getByRole('button', { name: `Voltar a disponibilizar: ${serviceName}` })).toBeVisible();
  await expectAccessible(page, 'the price list with deactivated services');
});
