import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { DEMO } from './support/accounts.js';
import { nifCheckDigit } from '../../src/lib/nif.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const nif = (firstEight: string) => `${firstEight}${nifCheckDigit(firstEight)}`;

/** Neither phone nor desktop may scroll sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page, what: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${what} at ${size.width} px`).toBeLessThanOrEqual(0);
  }
}

test('a clients spreadsheet from Portuguese Excel: upload, map a column, see the bad cells, import, open the new client', async ({ page }) => {
  // Four steps, three accessibility scans and two viewport checks: more than the default budget on a busy machine.
  test.setTimeout(240_000);
  const run = crypto.randomInt(1_000_000, 9_999_999);
  const base = String(run).padStart(7, '0');
  const phone = (i: number) => `96${base.slice(0, 6)}${i}`;
  const rows = [
    ['Nome', 'Contacto móvel', 'NIF', 'Email'],
    [`Joana Simões ${run}`, phone(1), nif(`2${base}`), `joana.${run}@exemplo.pt`],
    [`Gonçalo Araújo ${run}`, phone(2), '123456780', ''],
    [`Inês Brandão ${run}`, '12 34', '', ''],
    [`Sebastião Lourenço ${run}`, phone(4), '', `sebastiao.${run}@exemplo.pt`],
  ];
  const csv = iconv.encode(`${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'windows-1252');

  await signIn(page, DEMO.admin);
  await page.getByRole('link', { name: 'Importar dados' }).first().click();
  await expect(page.getByRole('heading', { name: 'Importar dados', level: 1 })).toBeVisible();
  await expectAccessible(page, 'the import upload step');

  await page.getByLabel('Ficheiro CSV').setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: 'Verificar o ficheiro' }).click();

  // The unknown header has no field yet: the phone is missing until it is mapped.
  await expect(page.getByRole('heading', { name: 'Que campo está em cada coluna?' })).toBeVisible();
  await expect(page.getByText('Escolha uma coluna para: Telefone.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verificar as linhas' })).toBeDisabled();
  await page.getByLabel('Campo: Contacto móvel').selectOption({ label: 'Telefone (obrigatório)' });
  await expectAccessible(page, 'the mapping step');
  await page.getByRole('button', { name: 'Verificar as linhas' }).click();

  // The preview: the counts, and the two bad rows with the bad cell itself marked.
  const preview = page.getByRole('region', { name: 'Verificar' });
  await expect(preview.locator('.import-summary__item--invalid')).toContainText('2');
  const bad = preview.getByRole('row').filter({ hasText: `Gonçalo Araújo ${run}` });
  await expect(bad.getByRole('cell', { name: '123456780' })).toHaveAttribute('aria-invalid', 'true');
  await expect(bad).toContainText('NIF não é um NIF válido (dígito de controlo)');
  const badPhone = preview.getByRole('row').filter({ hasText: `Inês Brandão ${run}` });
  await expect(badPhone.getByRole('cell', { name: '12 34' })).toHaveAttribute('aria-invalid', 'true');
  await expect(badPhone).toContainText('Telefone não é um número de telefone');
  await expectAccessible(page, 'the preview step');
  await expectNoSidewaysScroll(page, 'the preview');

  await page.getByRole('button', { name: 'Importar 2 linhas' }).click();
  await expect(page.getByRole('region', { name: 'Importado' }).getByRole('status').filter({ hasText: 'criados' })).toContainText('2 criados, 0 atualizados, 0 deixados como estavam.');
  await expectAccessible(page, 'the result step');
  await expectNoSidewaysScroll(page, 'the result');

  // The history knows it, and each created client is one click away.
  await expect(page.getByRole('region', { name: 'Importações recentes' }).getByRole('row').filter({ hasText: 'clientes.csv' }).first()).toContainText('Importado');
  await page.getByRole('link', { name: `Abrir Joana Simões ${run}` }).click();
  await expect(page.getByRole('heading', { name: `Joana Simões ${run}` })).toBeVisible();
});

test('a file that is not CSV is refused with the reason, and nothing is kept', async ({ page, allowConsole }) => {
  allowConsole(/status of 400/);
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/imports');
  await page.getByLabel('Ficheiro CSV').setInputFiles({ name: 'clientes.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) });
  await page.getByRole('button', { name: 'Verificar o ficheiro' }).click();
  await expect(page.getByRole('alert')).toContainText('Isto é um livro do Excel. Guarde-o como CSV e envie esse ficheiro.');
});
