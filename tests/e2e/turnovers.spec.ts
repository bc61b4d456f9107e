/// <reference lib="dom" />
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO } from './support/accounts.js';
import { apiAs, baseURL, data, lisbonToday, newClient, newWorker } from './support/api.js';
import { expect as baseExpect, expectAccessible, signIn, test } from './support/fixtures.js';
import { dateFieldText, fillDateField } from './support/date-fields.js';

// Issue 20 in the browser: a worker completes a turnover on a 390 px phone, ticking its checklist (the
// photo item and an optional one while the signal is gone), which makes the laundry order of its linen,
// shown on the job and on the order; staff write a checklist and set a property's turnover rule and
// linen; the property page reads a real iCal feed served from this test and shows its stays, the
// back-to-back one flagged with its deadline, which also leads the week's turnovers.

const expect = baseExpect.configure({ timeout: 30_000 });
const shots = 'test-results/screenshots';
const PHONE = { width: 390, height: 844 };
const idempotent = () => ({ 'Idempotency-Key': crypto.randomUUID() });

interface Checklist {
  items: Array<{ id: number; label: string; done: boolean; changedAt: string | null; photoId: number | null }>;
  requiredLeft: number;
}

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/turnovers-${name}-${page.viewportSize()?.width ?? 0}.png`, fullPage: true });
}

async function pageFits(page: Page) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, 'the page fits the screen').toBeLessThanOrEqual(viewport);
}

/** A phone of its own (390 px), signed in; console errors other than the ones going offline causes are collected. */
async function phone(browser: Browser, account: Parameters<typeof signIn>[1]) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'pt-PT', timezoneId: 'Pacific/Auckland', baseURL });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await signIn(page, account);
  await expect(page).toHaveURL(/\/worker$/);
  return { context, page, problems };
}

async function perItemService(admin: APIRequestContext) {
  const services = await data<Array<{ id: number; pricingUnit: string; isActive: boolean; name: string }>>(await admin.get('/api/laundry-services?limit=100'));
  const service = services.find((s) => s.pricingUnit === 'per_item' && s.isActive);
  expect(service, 'the demo catalogue has a service priced per piece').toBeTruthy();
  return service!;
}

test('when a worker completes a turnover on a phone, ticking the checklist with its photo partly offline, then its linen becomes a laundry order shown on the job and the order', async ({
  page: office,
  browser,
}) => {
  test.setTimeout(420_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Sofia Saída ${suffix}`);
  const place = `Alfama Loft ${suffix}`;
  const { clientId, propertyId } = await newClient(admin, `Joana Anfitriã ${suffix}`, place);
  const service = await perItemService(admin);
  const template = await data<{ id: number }>(
    await admin.post('/api/checklist-templates', {
      headers: idempotent(),
      data: {
        name: `Saída T1 ${suffix}`,
        sections: [
          { title: 'Cozinha', items: [{ label: 'Loiça lavada e arrumada' }, { label: 'Frigorífico vazio', required: false }] },
          { title: 'Casa de banho', items: [{ label: 'Toalhas novas postas', requiresPhoto: true }] },
          { title: 'Quarto', items: [{ label: 'Cama feita com lençóis lavados' }] },
        ],
      },
    }),
  );
  await data(await admin.put(`/api/properties/${propertyId}/turnover-rule`, { data: { cleanTime: '10:00', estimatedHours: 2, workerIds: [worker.id], checklistTemplateId: template.id, version: 0 } }));
  await data(await admin.put(`/api/properties/${propertyId}/linen`, { data: { items: [{ serviceId: service.id, label: 'Toalha de banho', quantity: 4 }] } }));
  const job = await data<{ id: number }>(
    await admin.post('/api/cleaning-jobs', {
      headers: idempotent(),
      data: { clientId, propertyId, jobType: 'airbnb', scheduledDate: lisbonToday(), scheduledTime: '10:00', estimatedHours: 2, workerIds: [worker.id] },
    }),
  );
  const checklistNow = async () => data<Checklist>(await admin.get(`/api/cleaning-jobs/${job.id}/checklist`));
  const item = async (label: string) => (await checklistNow()).items.find((i) => i.label === label)!;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-towels-'));
  const photo = path.join(dir, 'toalhas.jpg');
  await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 140, b: 200 } } }).jpeg({ quality: 80 }).toFile(photo);

  const { context, page, problems } = await phone(browser, worker);
  await page.goto(`/worker/cleaning/${job.id}`);
  await expect(page.getByRole('heading', { level: 1, name: place })).toBeVisible();
  const checklist = page.getByRole('region', { name: 'Lista de verificação' });
  await expect(checklist.getByText('Faltam 3 itens obrigatórios')).toBeVisible();
  await expect(checklist.getByText('0 de 4 feitos')).toBeVisible();

  await page.getByRole('button', { name: `Iniciar o serviço em ${place}` }).click();
  await page.getByRole('button', { name: `Terminar o seu tempo em ${place}` }).click();

  // Online: the tick reaches the server at once. Each item is a big tap target.
  const dishes = checklist.locator('label').filter({ hasText: 'Loiça lavada e arrumada' });
  expect((await dishes.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await dishes.click();
  await expect.poll(async () => (await item('Loiça lavada e arrumada')).done).toBe(true);

  // The signal goes: an optional item and the photo item are ticked on the phone and wait there.
  await context.setOffline(true);
  await expect(page.getByText('Está sem rede.')).toBeVisible();
  const tappedAt = Date.now();
  await checklist.locator('label').filter({ hasText: 'Frigorífico vazio' }).click();
  const photoButton = checklist.locator('label').filter({ hasText: 'Toalhas novas postas' });
  expect((await photoButton.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await checklist.getByLabel('Tirar a fotografia de “Toalhas novas postas”').setInputFiles(photo);
  await expect(checklist.getByText('Fotografia à espera de envio', { exact: true })).toBeVisible();
  await expect(checklist.getByText('Opcional · À espera de envio', { exact: true })).toBeVisible();
  await expect(checklist.getByText('Falta 1 item obrigatório')).toBeVisible();
  await expect(checklist.getByText('3 de 4 feitos')).toBeVisible();
  const stored = await page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith('lavandaria.cleaning.taps.'))?.[1] ?? '');
  expect(JSON.parse(stored).taps).toEqual([
    expect.objectContaining({ jobId: job.id, action: 'tick', delayed: true }),
    expect.objectContaining({ jobId: job.id, action: 'tick', delayed: true, tick: expect.objectContaining({ photoUploadKey: expect.any(String) }) }),
  ]);
  expect((await item('Toalhas novas postas')).done).toBe(false);
  await expectAccessible(page, 'the worker checklist offline');
  await shoot(page, 'worker-checklist-offline');
  await page.waitForTimeout(2500);

  // Back online: the photo goes up, the ticks follow it, each recorded at the moment of its tap.
  await context.setOffline(false);
  await expect.poll(async () => (await item('Toalhas novas postas')).photoId, { timeout: 60_000 }).not.toBeNull();
  const after = await checklistNow();
  expect(after.requiredLeft).toBe(1);
  const fridge = after.items.find((i) => i.label === 'Frigorífico vazio')!;
  expect(fridge.done).toBe(true);
  expect(Date.parse(fridge.changedAt!)).toBeLessThan(tappedAt + 2000);
  await expect(checklist.getByText('Fotografia juntada', { exact: true })).toBeVisible();
  await expect(checklist.getByText('À espera de envio')).toHaveCount(0);

  // Completion is refused while a required item is open, and the screen says why; ticked, it is done.
  await page.getByRole('button', { name: 'Concluir serviço' }).click();
  await expect(page.getByText('Há itens obrigatórios da lista por fazer. Marque-os ou peça ao escritório para dispensar a lista.')).toBeVisible();
  await checklist.locator('label').filter({ hasText: 'Cama feita com lençóis lavados' }).click();
  await expect(checklist.getByText('Todos os itens obrigatórios estão feitos.')).toBeVisible();
  await expect.poll(async () => (await checklistNow()).requiredLeft).toBe(0);

  // One towel is missing: the count goes down before completing.
  const linen = page.getByRole('region', { name: 'Roupa para a lavandaria' });
  await linen.getByRole('button', { name: 'Menos uma peça: Toalha de banho' }).click();
  await linen.getByRole('button', { name: 'Guardar contagem' }).click();
  await expect(linen.getByText('Contagem guardada.')).toBeVisible();
  await shoot(page, 'worker-checklist-done');

  await page.getByRole('button', { name: 'Concluir serviço' }).click();
  await expect(linen.getByText(/Encomenda de lavandaria/)).toBeVisible();
  await pageFits(page);
  await shoot(page, 'worker-job-completed');
  expect(problems).toEqual([]);
  await context.close();

  const jobLinen = await data<{ order: { id: number; orderNumber: string; status: string } | null; items: Array<{ count: number }> }>(
    await admin.get(`/api/cleaning-jobs/${job.id}/linen`),
  );
  expect(jobLinen.order).toMatchObject({ status: 'received' });
  expect(jobLinen.items[0]!.count).toBe(3);
  const order = await data<{ client: { id: number }; status: string; lines: Array<{ quantity: number; serviceId: number }> }>(await admin.get(`/api/laundry-orders/${jobLinen.order!.id}`));
  expect(order.status).toBe('received');
  expect(order.client.id).toBe(clientId);
  expect(order.lines.map((l) => [l.serviceId, l.quantity])).toEqual([[service.id, 3]]);

  // The office sees the order on the job, opens it, and the order names its turnover.
  await signIn(office, DEMO.admin);
  await expect(office).toHaveURL(/\/admin$/);
  await office.goto(`/admin/cleaning/${job.id}`);
  const staffChecklist = office.getByRole('region', { name: 'Lista de verificação' });
  await expect(staffChecklist.getByText('Todos os itens obrigatórios estão feitos.')).toBeVisible();
  await office.getByRole('link', { name: `Encomenda de lavandaria ${jobLinen.order!.orderNumber}` }).click();
  await expect(office).toHaveURL(new RegExp(`/admin/laundry/${jobLinen.order!.id}$`));
  await expect(office.getByText(`Roupa da limpeza de saída #${job.id}`)).toBeVisible();
  fs.rmSync(dir, { recursive: true, force: true });
  await admin.dispose();
});

test('when staff write a checklist and set a property’s turnover rule and linen, then what the screens show is saved', async ({ page }) => {
  test.setTimeout(420_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Rita Regra ${suffix}`);
  const place = `Graça Studio ${suffix}`;
  const { propertyId } = await newClient(admin, `Pedro Anfitrião ${suffix}`, place);
  const service = await perItemService(admin);
  const name = `Saída estúdio ${suffix}`;

  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/checklists');
  await expect(page.getByRole('heading', { level: 1, name: 'Listas de verificação' })).toBeVisible();
  await page.getByRole('link', { name: 'Nova lista' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nova lista de verificação' })).toBeVisible();
  await page.getByLabel('Nome da lista').fill(name);
  await page.getByLabel('Divisão ou zona').fill('Casa de banho');
  await page.getByLabel('O que confirmar').fill('Espelho sem marcas');
  await page.getByRole('button', { name: 'Adicionar item' }).click();
  await page.getByLabel('O que confirmar').nth(1).fill('Toalhas dobradas');
  await page.locator('label').filter({ hasText: 'Pede fotografia' }).nth(1).click();
  // Reordered: the towels first.
  await page.getByRole('button', { name: 'Subir o item 2' }).click();
  await page.getByRole('button', { name: 'Adicionar divisão' }).click();
  await page.getByLabel('Divisão ou zona').nth(1).fill('Cozinha');
  await page.getByLabel('O que confirmar').nth(2).fill('Fogão limpo');
  await page.locator('label').filter({ hasText: 'Obrigatório' }).nth(2).click();
  await page.getByRole('button', { name: 'Guardar lista' }).click();
  await expect(page).toHaveURL(/\/admin\/checklists\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const templateId = Number(page.url().split('/').pop());
  const saved = await data<{ sections: unknown; isActive: boolean; version: number }>(await admin.get(`/api/checklist-templates/${templateId}`));
  expect(saved.sections).toEqual([
    {
      title: 'Casa de banho',
      items: [
        { label: 'Toalhas dobradas', required: true, requiresPhoto: true },
        { label: 'Espelho sem marcas', required: true, requiresPhoto: false },
      ],
    },
    { title: 'Cozinha', items: [{ label: 'Fogão limpo', required: false, requiresPhoto: false }] },
  ]);
  await pageFits(page);
  await shoot(page, 'template-editor');

  // Edited again, then switched off and on.
  await page.getByLabel('O que confirmar').nth(2).fill('Fogão e forno limpos');
  await page.getByRole('button', { name: 'Guardar lista' }).click();
  await expect(page.getByText('Lista guardada.')).toBeVisible();
  await page.getByRole('button', { name: 'Desligar' }).click();
  await expect(page.getByText(/^Desligada: deixa de ser proposta/)).toBeVisible();
  const off = await data<{ sections: Array<{ items: Array<{ label: string }> }>; isActive: boolean; version: number }>(await admin.get(`/api/checklist-templates/${templateId}`));
  expect([off.isActive, off.version, off.sections[1]!.items[0]!.label]).toEqual([false, 3, 'Fogão e forno limpos']);
  await page.getByRole('button', { name: 'Ligar' }).click();
  await expect(page.getByText(/^Desligada: deixa de ser proposta/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Todas as listas' }).click();
  await expect(page.getByRole('link', { name: `Editar ${name}` })).toBeVisible();

  // The property's turnover rule and linen.
  await page.goto(`/admin/properties/${propertyId}`);
  await expect(page.getByRole('heading', { level: 1, name: place })).toBeVisible();
  const rule = page.getByRole('region', { name: 'Regra das limpezas de saída' });
  await expect(rule.getByText('Valores por omissão: ainda nada guardado.')).toBeVisible();
  await expect.poll(() => dateFieldText(rule, 'A limpeza começa às')).toBe('11:00');
  await fillDateField(rule, 'A limpeza começa às', '10:30');
  await rule.getByLabel('Horas previstas').fill('3,5');
  await rule.getByLabel('Horas previstas').blur();
  await rule.locator('label').filter({ hasText: worker.name }).click();
  await rule.getByRole('button', { name: /Lista de verificação/ }).click();
  await page.getByRole('option', { name }).click();
  await rule.getByRole('button', { name: 'Guardar regra' }).click();
  await expect(rule.getByText('Regra guardada.')).toBeVisible();
  expect(await data(await admin.get(`/api/properties/${propertyId}/turnover-rule`))).toMatchObject({
    cleanTime: '10:30',
    estimatedHours: 3.5,
    workerIds: [worker.id],
    checklistTemplateId: templateId,
    version: 1,
  });

  const linen = page.getByRole('region', { name: 'Roupa da casa' });
  await linen.getByRole('button', { name: 'Adicionar linha' }).click();
  await linen.getByRole('button', { name: /Serviço de lavandaria/ }).click();
  await page.getByRole('option', { name: service.name }).click();
  await linen.getByLabel('Descrição').fill('Jogo de cama de casal');
  await linen.getByRole('textbox', { name: 'Peças' }).fill('2');
  await linen.getByRole('textbox', { name: 'Peças' }).blur();
  await linen.getByRole('button', { name: 'Guardar roupa da casa' }).click();
  await expect(linen.getByText('Roupa da casa guardada.')).toBeVisible();
  expect(await data(await admin.get(`/api/properties/${propertyId}/linen`))).toEqual([expect.objectContaining({ serviceId: service.id, label: 'Jogo de cama de casal', quantity: 2 })]);
  await expectAccessible(page, 'the property page');
  await pageFits(page);
  await shoot(page, 'property-rule');
  await admin.dispose();
});

const ymd = (date: string) => date.replaceAll('-', '');
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** An Airbnb-shaped export: all-day stays by date, a back-to-back day, and a blocked entry. */
function airbnbFeed(today: string): string {
  const stay = (uid: string, from: number, to: number, summary = 'Reserved') =>
    ['BEGIN:VEVENT', `DTEND;VALUE=DATE:${ymd(plusDays(today, to))}`, `DTSTART;VALUE=DATE:${ymd(plusDays(today, from))}`, `UID:${uid}@airbnb.com`, `SUMMARY:${summary}`, 'END:VEVENT'];
  return [
    'BEGIN:VCALENDAR',
    'PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN',
    'CALSCALE:GREGORIAN',
    'VERSION:2.0',
    ...stay('e2e-stay-one', 1, 3),
    ...stay('e2e-stay-two', 3, 5),
    ...stay('e2e-stay-three', 8, 10),
    ...stay('e2e-blocked', 12, 14, 'Airbnb (Not available)'),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

test('when a property’s iCal feed is added on its page and synced, then its stays show with their turnovers, the back-to-back one flagged and first in the week', async ({ page, allowConsole }) => {
  test.setTimeout(420_000);
  // The refused address below answers 400, which the browser logs.
  allowConsole(/status of 400/);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const place = `Bairro Alto Flat ${suffix}`;
  const { propertyId } = await newClient(admin, `Marta Anfitriã ${suffix}`, place);
  const today = lisbonToday();
  const feed = airbnbFeed(today);
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }).end(feed));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar/ical/${suffix}.ics`;

  try {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(`/admin/properties/${propertyId}`);
    const calendars = page.getByRole('region', { name: 'Calendários' });
    await expect(calendars.getByText('Ainda sem calendários')).toBeVisible();
    await calendars.getByRole('button', { name: 'Adicionar calendário' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adicionar um calendário' });
    await dialog.getByLabel('Nome').fill('Airbnb');
    await dialog.getByLabel('Ligação do calendário (iCal)').fill('ftp://example.com/x.ics');
    await dialog.getByRole('button', { name: 'Adicionar calendário' }).click();
    await expect(dialog.getByText('Isso não é uma ligação de calendário: tem de começar por http:// ou https://.')).toBeVisible();
    await dialog.getByLabel('Ligação do calendário (iCal)').fill(feedUrl);
    await dialog.getByRole('button', { name: 'Adicionar calendário' }).click();
    await expect(dialog).toBeHidden();
    await calendars.getByRole('button', { name: 'Sincronizar Airbnb agora' }).click();
    await expect(calendars.getByText('Calendário lido: 3 novas, 0 mudadas, 0 canceladas.')).toBeVisible();
    await expect(calendars.getByText('A funcionar')).toBeVisible();

    const stays = page.getByRole('table', { name: 'Próximas estadias e as suas limpezas' });
    await expect(stays.getByRole('row')).toHaveCount(4);
    const first = stays.getByRole('row').nth(1);
    await expect(first.getByText('Entrada no mesmo dia')).toBeVisible();
    await expect(first.getByText('Pronta até às 15:00')).toBeVisible();
    await expect(stays.getByText('Entrada no mesmo dia')).toHaveCount(1);
    await expectAccessible(page, 'the property page with its stays');
    await pageFits(page);
    await shoot(page, 'property-calendar');

    const reservations = await data<Array<{ checkOut: string; job: { id: number; backToBack: boolean; deadlineAt: string | null } | null }>>(
      await admin.get(`/api/properties/${propertyId}/reservations`),
    );
    expect(reservations.map((r) => [r.checkOut, r.job?.backToBack])).toEqual([
      [plusDays(today, 3), true],
      [plusDays(today, 5), false],
      [plusDays(today, 10), false],
    ]);

    // The week of the back-to-back day: its turnover leads, with its deadline.
    await page.goto(`/admin/turnovers?week=${plusDays(today, 3)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Limpezas de saída da semana' })).toBeVisible();
    const week = page.getByRole('table', { name: 'Limpezas de saída da semana' });
    const firstRow = week.getByRole('row').nth(1);
    await expect(firstRow.getByText('Entrada no mesmo dia')).toBeVisible();
    await expect(firstRow.getByText('Pronta até às 15:00')).toBeVisible();
    await expect(week.getByRole('link', { name: place }).first()).toBeVisible();
    await pageFits(page);
    await shoot(page, 'week');
    await page.setViewportSize(PHONE);
    await pageFits(page);
    await shoot(page, 'week');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await admin.dispose();
  }
});
