import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, type Page } from '@playwright/test';
import { createStaff, DEMO, ensureStaffEmail } from './support/accounts.js';
import { apiAs, baseURL, data } from './support/api.js';
import { expect, signIn, test } from './support/fixtures.js';
import { fakeDevice, startPushEndpoint, verifyVapid } from '../helpers/push-endpoint.js';

/** The .eml files the server writes in development and tests (no SMTP server): DATA_DIR/mail. */
function mailsContaining(text: string): string[] {
  const dir = path.join(process.env.E2E_DATA_DIR ?? '', 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => quotedPrintable(fs.readFileSync(path.join(dir, name), 'utf8')))
    .filter((mail) => mail.includes(text));
}
const quotedPrintable = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');

/** A DevTools session that knows this origin's service worker registration (to hand a push to it). */
async function serviceWorkerSession(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL === `${baseURL}/` && !r.isDeleted);
      if (mine) resolve(mine.registrationId as string);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, registrationId: await found };
}

test('when a worker reports an urgent ticket, then the master gets it in the bell, by e-mail and by web push, and the push opens the ticket', async ({ browser, page, allowConsole }) => {
  test.setTimeout(600_000);
  const suffix = crypto.randomBytes(3).toString('hex');
  const title = `Máquina 2 a perder água ${suffix}`;
  const masterEmail = await ensureStaffEmail(DEMO.master.login, 'helena.sousa@lavandaria.test');
  const worker = await createStaff({ role: 'worker', name: `Rui Turno ${suffix}` });

  // The master's device: a push subscription whose endpoint is a push service on this machine that records
  // what it receives (Chromium cannot subscribe offline: its push service is Google's).
  const pushService = await startPushEndpoint();
  const device = fakeDevice(pushService.url(`master-${suffix}`));
  const master = await apiAs('staff', DEMO.master.login, DEMO.master.password);
  const { publicKey } = await data<{ publicKey: string }>(await master.get('/api/push/public-key'));
  expect((await master.post('/api/push-subscriptions', { data: device.subscription })).status()).toBe(201);

  try {
    // The worker, on the phone, reports it as urgent.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pt-PT', timezoneId: 'Pacific/Auckland', baseURL });
    const workerPage = await phone.newPage();
    await signIn(workerPage, worker);
    await expect(workerPage).toHaveURL(/\/worker$/);
    await workerPage.getByRole('link', { name: 'Ocorrências' }).last().click();
    await workerPage.getByRole('button', { name: 'Comunicar um problema' }).click();
    const dialog = workerPage.getByRole('dialog', { name: 'Comunicar um problema' });
    await dialog.getByLabel('Qual é o problema?').fill(title);
    await dialog.getByLabel('Detalhes').fill('Está a alagar a lavandaria.');
    await dialog.locator('label').filter({ hasText: 'Urgente' }).click();
    await dialog.getByRole('button', { name: 'Enviar ocorrência' }).click();
    await expect(workerPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const ticketId = Number(/\/tickets\/(\d+)/.exec(workerPage.url())?.[1]);
    expect(ticketId).toBeGreaterThan(0);
    await phone.close();

    // In-app: the master's bell has it, with the link to the ticket.
    await signIn(page, DEMO.master);
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole('button', { name: /^Notificações, \d+ por ler$/ }).click();
    const panel = page.getByRole('dialog', { name: 'Notificações' });
    const line = panel.getByRole('listitem').filter({ hasText: title });
    await expect(line).toContainText('Pedido URGENTE');
    await expect(line).toContainText(worker.name);

    // E-mail: always sent for an urgent ticket (the development .eml outbox).
    await expect.poll(() => mailsContaining(title).length, { timeout: 90_000 }).toBe(1);
    const [mail] = mailsContaining(title);
    expect(mail).toContain(`To: ${masterEmail}`);
    expect(mail).toContain('URGENTE');

    // Web push: the job queue sends it to the recorded push service, signed with VAPID and encrypted.
    const pushPath = new URL(device.subscription.endpoint).pathname;
    await expect.poll(() => pushService.requests.filter((r) => r.path === pushPath).length, { timeout: 90_000 }).toBe(1);
    const request = pushService.requests.find((r) => r.path === pushPath)!;
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(request.headers.ttl)).toBeGreaterThan(0);
    expect(verifyVapid(request.headers.authorization, publicKey).sub).toBe('mailto:ops@lavandaria.test');
    const payload = device.decrypt(request.body);
    const inApp = (await data<Array<{ type: string; title: string; body: string; link: string; params: { ticketId: number } }>>(await master.get('/api/notifications'))).find(
      (n) => n.type === 'ticket_urgent' && n.params.ticketId === ticketId,
    )!;
    expect(payload).toEqual({ title: inApp.title, body: inApp.body, url: `/admin/tickets/${ticketId}`, tag: 'ticket_urgent' });

    // The web app's service worker shows that push and opens the ticket when it is clicked. The master
    // switches "Receber notificações neste dispositivo" on: the worker is registered from the site's root,
    // but Chromium refuses the subscription itself in a test browser's (incognito) profile, and says so
    // on the console — the screen tells the master it could not be switched on. The push is then handed to
    // the worker through the DevTools protocol, as the push service would.
    allowConsole(/does not support the Push API in incognito mode/);
    await page.context().grantPermissions(['notifications'], { origin: baseURL });
    await page.goto('/admin/profile');
    const toggle = page.getByRole('checkbox', { name: /Receber notificações neste dispositivo/ });
    await expect(toggle).toBeEnabled();
    await page.getByText('Receber notificações neste dispositivo', { exact: true }).click();
    await expect(page.getByText('Não foi possível ativar este dispositivo. Tente mais tarde.')).toBeVisible();
    await expect(toggle).not.toBeChecked();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL)).toBe(`${baseURL}/sw.js`);
    const { cdp, registrationId } = await serviceWorkerSession(page.context(), page);
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: baseURL, registrationId, data: JSON.stringify(payload) });
    await expect
      .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url }))), {
        timeout: 30_000,
      })
      .toEqual([{ title: inApp.title, body: inApp.body, url: `/admin/tickets/${ticketId}` }]);
    const worker0 = page.context().serviceWorkers()[0] ?? (await page.context().waitForEvent('serviceworker'));
    await worker0.evaluate((url) => (self as unknown as { openApp(u: string): Promise<unknown> }).openApp(url), `/admin/tickets/${ticketId}`);
    await expect(page).toHaveURL(new RegExp(`/admin/tickets/${ticketId}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  } finally {
    await master.delete('/api/push-subscriptions', { data: { endpoint: device.subscription.endpoint } });
    await master.dispose();
    await pushService.close();
  }
});
