import crypto from 'node:crypto';
import sharp from 'sharp';
import type { Browser, Page } from '@playwright/test';
import { createStaff, DEMO, type Account } from './support/accounts.js';
import { apiAs, baseURL, data, newClient } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// Issue 23 §1–2: a client on a 390 px phone attaches a photo to a request and sends one in its
// conversation; staff see both and open the full photo; staff put the conversation in a colleague's
// charge, who finds it under "assigned to me".

async function fits(page: Page, what: string) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, `${what} fits the screen`).toBeLessThanOrEqual(viewport);
}

async function open(browser: Browser, account: Account, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'pt-PT', baseURL });
  const page = await context.newPage();
  await signIn(page, account);
  await page.waitForURL((url) => url.pathname === account.home);
  return { context, page };
}

const photo = async (name: string, seed: number) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: seed, b: 40 } } }).jpeg().toBuffer(),
});

test('when a client on a phone attaches photos to a request and a message, then staff see them, and staff put the conversation in a colleague’s charge', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const name = `Fotos ${crypto.randomBytes(2).toString('hex')}`;
  const { account } = await newClient(admin, name, `Casa ${name}`);
  await admin.dispose();
  const colleague = await createStaff({ role: 'admin', name: `Sofia ${name}` });

  const client = await open(browser, account, { width: 390, height: 844 });
  const staff = await open(browser, DEMO.master, { width: 1280, height: 900 });
  try {
    // The request form, on the phone, with one photo of the stain.
    const phone = client.page;
    await phone.getByRole('link', { name: 'Pedir recolha' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Novo pedido' })).toBeVisible();
    await phone.getByLabel('Notas (opcional)').fill('Uma camisa com nódoa');
    await phone.getByLabel('Juntar fotografias (opcional)').setInputFiles(await photo('nodoa.jpg', 10));
    await expect(phone.getByTestId('photo-picker')).toContainText('nodoa.jpg');
    await expect(phone.getByTestId('photo-picker')).toContainText('1 de 5 fotografias');
    await fits(phone, 'the request form with a photo at 390 px');
    await expectAccessible(phone, 'the request form with a photo');
    await phone.getByRole('button', { name: 'Enviar pedido' }).click();
    await expect(phone.getByText('Pedido enviado. Vamos dar-lhe notícias.')).toBeVisible();
    const requestId = Number(/\/client\/requests\/(\d+)/.exec(phone.url())![1]);
    await expect(phone.getByTestId('request-photo-strip').getByRole('button')).toHaveCount(1);

    // A photo alone in the request's conversation.
    const panel = phone.getByTestId('thread-panel');
    await panel.getByLabel('Juntar fotografias (opcional)').setInputFiles(await photo('sala.jpg', 90));
    await panel.getByRole('button', { name: 'Enviar' }).click();
    await expect(panel.getByTestId('thread-message')).toHaveCount(1);
    await expect(panel.getByTestId('message-photos').getByRole('button')).toHaveCount(1);
    await expect(panel.getByText('Não enviada.')).toHaveCount(0);
    await fits(phone, 'the request with its photos at 390 px');
    await expectAccessible(phone, 'the request with its photos');

    // Staff see the request's photo and the message's photo, and open it full size.
    const desk = staff.page;
    await desk.goto(`/admin/requests/${requestId}`);
    await expect(desk.getByText('Uma camisa com nódoa')).toBeVisible();
    const requestPhoto = desk.getByTestId('request-photo-strip').getByRole('button');
    await expect(requestPhoto).toHaveCount(1);
    await expect(requestPhoto.locator('img')).toHaveJSProperty('complete', true);
    expect(await requestPhoto.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const staffPanel = desk.getByTestId('thread-panel');
    await staffPanel.getByTestId('message-photos').getByRole('button').click();
    const viewer = desk.getByRole('dialog');
    await expect(viewer).toBeVisible();
    const full = viewer.locator('img').first();
    await expect(full).toBeVisible();
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await desk.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // Staff put the conversation in their colleague's charge.
    await staffPanel.getByTestId('thread-assign').getByRole('button').click();
    await desk.getByRole('option', { name: colleague.name }).click();
    await expect(staffPanel.getByTestId('thread-assign').getByRole('button')).toContainText(colleague.name);
    await expectAccessible(desk, 'the staff request page with photos and the assignment');

    // The colleague is told, and finds it under "assigned to me".
    const other = await open(browser, colleague, { width: 1280, height: 900 });
    try {
      const api = await apiAs('staff', colleague.login, colleague.password);
      const bell = await data<Array<{ type: string; link: string }>>(await api.get('/api/notifications?limit=50'));
      await api.dispose();
      expect(bell.some((n) => n.type === 'thread_assigned' && n.link === `/admin/requests/${requestId}`)).toBe(true);
      await other.page.goto('/admin/messages');
      // The filter's radio is hidden behind its label, which is what a person taps.
      await other.page.locator('label').filter({ hasText: 'Atribuídas a mim' }).click();
      await expect(other.page.getByRole('radio', { name: 'Atribuídas a mim' })).toBeChecked();
      await expect(other.page.getByTestId('inbox-row')).toHaveCount(1);
      await expect(other.page.getByTestId('inbox-row').first()).toContainText(`Pedido n.º ${requestId}`);
      // Its last message is a photo alone: the row says so rather than showing an empty excerpt.
      await expect(other.page.getByTestId('inbox-row').first()).toContainText('Enviou uma fotografia');
    } finally {
      await other.context.close();
    }
  } finally {
    await client.context.close();
    await staff.context.close();
  }
});

// Issue 18: the browser's own file field said "Choose File" / "Datei auswählen" in the browser's
// language on a Portuguese page. The kit's picker is a button in the app's words over a hidden input.
for (const browserLocale of ['de-DE', 'en-US']) {
  test(`under a ${browserLocale} browser with the app in Portuguese, the photo pickers of a request and its conversation read in Portuguese and the chosen photos are sent`, async ({ browser }) => {
    test.setTimeout(180_000);
    const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
    const name = `Picker ${crypto.randomBytes(2).toString('hex')}`;
    const { account } = await newClient(admin, name, `Casa ${name}`);
    await admin.dispose();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: browserLocale, baseURL });
    // The person chose Portuguese on an earlier visit (a German browser gets Portuguese anyway).
    await context.addInitScript(() => localStorage.setItem('lavandaria.locale', 'pt'));
    const page = await context.newPage();
    try {
      await signIn(page, account);
      await page.waitForURL((url) => url.pathname === account.home);
      await page.getByRole('link', { name: 'Pedir recolha' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Novo pedido' })).toBeVisible();

      const expectAppWords = async (picker: ReturnType<Page['getByTestId']>) => {
        // What a person sees and taps is a button in the app's words …
        await expect(picker.locator('label').filter({ hasText: 'Juntar fotografias (opcional)' })).toBeVisible();
        // … and not the browser's native control, which would say "Choose File" / "Datei auswählen".
        const input = picker.locator('input[type="file"]');
        await expect(input).toHaveCount(1);
        const box = await input.boundingBox();
        expect(box?.width ?? 0, 'the native file control is not shown').toBeLessThanOrEqual(1);
        await expect(picker).not.toContainText(/Choose File|No file chosen|Datei auswählen|Keine ausgewählt/);
      };

      const form = page.getByTestId('photo-picker');
      await expectAppWords(form);
      await page.getByLabel('Juntar fotografias (opcional)').setInputFiles([await photo('mancha.jpg', 20), await photo('gola.jpg', 60)]);
      await expect(form).toContainText('mancha.jpg');
      await expect(form).toContainText('gola.jpg');
      await expect(form).toContainText('2 de 5 fotografias');
      await fits(page, 'the request form with the picker at 390 px');
      await page.getByRole('button', { name: 'Enviar pedido' }).click();
      await expect(page.getByText('Pedido enviado. Vamos dar-lhe notícias.')).toBeVisible();
      await expect(page.getByTestId('request-photo-strip').getByRole('button')).toHaveCount(2);

      const panel = page.getByTestId('thread-panel');
      await expectAppWords(panel.getByTestId('photo-picker'));
      await panel.getByLabel('Juntar fotografias (opcional)').setInputFiles(await photo('quarto.jpg', 120));
      await expect(panel.getByTestId('photo-picker')).toContainText('quarto.jpg');
      await panel.getByRole('button', { name: 'Enviar' }).click();
      await expect(panel.getByTestId('message-photos').getByRole('button')).toHaveCount(1);
      await expectAccessible(page, 'the request with the kit photo picker');
    } finally {
      await context.close();
    }
  });
}
