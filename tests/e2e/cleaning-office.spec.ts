/// <reference lib="dom" />
import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO } from './support/accounts.js';
import { apiAs, data, lisbonClock, lisbonDate, lisbonToday, newClient, newWorker } from './support/api.js';
import { expect as baseExpect, expectAccessible, signIn, test } from './support/fixtures.js';
import { fillDateField } from './support/date-fields.js';

// Issue 6 in the office's hands: a weekly series booked in the form, "this and all later" edits,
// cancelling one visit of the series, completing a job for a worker who forgot to end their time,
// and a tap queued offline that is sent while the worker is on another screen.

const expect = baseExpect.configure({ timeout: 30_000 });
const DAY = 86_400_000;

interface Job {
  id: number;
  status: string;
  scheduledDate: string;
  scheduledTime: string;
  series: { id: number; index: number } | null;
  timeLogs: { worker: { id: number }; startedAt: string; endedAt: string | null }[];
}

async function seriesJobs(api: Awaited<ReturnType<typeof apiAs>>, seriesId: number): Promise<Job[]> {
  const page = await data<{ items: Job[] } | Job[]>(await api.get(`/api/cleaning-jobs?seriesId=${seriesId}&sort=scheduledAt&limit=50`));
  const items = Array.isArray(page) ? page : page.items;
  return [...items].sort((a, b) => a.scheduledDate.localeCompare(b.scheduledDate));
}

async function chooseClientAndPlace(page: Page, clientName: string, place: string) {
  await page.getByRole('combobox', { name: 'Cliente' }).fill(clientName);
  await page.getByRole('option', { name: new RegExp(clientName) }).click();
  await page.getByRole('button', { name: /Propriedade/ }).click();
  await page.getByRole('option', { name: new RegExp(place) }).click();
}

test('when the office books a weekly series, moves this and all later visits, and cancels one, then only those change', async ({ page }) => {
  test.setTimeout(600_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Inês Semanal ${suffix}`);
  const place = `Casa da Série ${suffix}`;
  const clientName = `Paulo Semanal ${suffix}`;
  await newClient(admin, clientName, place);
  const first = Date.now() + DAY;
  const until = lisbonDate(first + 28 * DAY);

  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/cleaning/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Agendar uma limpeza' })).toBeVisible();
  await chooseClientAndPlace(page, clientName, place);
  await page.locator('label').filter({ hasText: 'Limpeza de casa' }).click();
  await expect(page.getByRole('radio', { name: /Limpeza de casa/ })).toBeChecked();
  await fillDateField(page, 'Data', lisbonDate(first));
  await fillDateField(page, 'Hora de início', '09:00');
  await page.getByRole('button', { name: /Adicionar colaborador/ }).click();
  await page.getByRole('option', { name: worker.name }).click();
  await page.locator('label').filter({ hasText: /^Todas as semanas/ }).click();
  await fillDateField(page, 'Repetir até', until);
  await page.getByRole('button', { name: 'Agendar serviço' }).click();

  // Five Thursdays (or whichever weekday tomorrow is): today+1, +8, +15, +22, +29 days.
  await expect(page.getByText('Série agendada: 5 serviços já criados. A equipa foi avisada.')).toBeVisible();
  const firstId = Number(/cleaning\/(\d+)/.exec(page.url())![1]);
  const booked = await data<Job>(await admin.get(`/api/cleaning-jobs/${firstId}`));
  expect(booked.series).not.toBeNull();
  let jobs = await seriesJobs(admin, booked.series!.id);
  expect(jobs.map((job) => job.scheduledDate)).toEqual([0, 7, 14, 21, 28].map((days) => lisbonDate(first + days * DAY)));
  await expectAccessible(page, 'a job of a series');

  // The second visit moves to 11:30, and so do the later ones; the first keeps 09:00.
  await page.goto(`/admin/cleaning/${jobs[1]!.id}`);
  await page.getByRole('link', { name: 'Editar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await fillDateField(page, 'Hora de início', '11:30');
  await page.getByRole('button', { name: 'Guardar alterações' }).click();
  const scope = page.getByRole('dialog');
  await expect(scope.getByRole('heading', { name: 'Alterar um serviço que se repete' })).toBeVisible();
  await expectAccessible(page, 'the "this or all later" question');
  await scope.locator('label').filter({ hasText: 'Este e todos os seguintes' }).click();
  await scope.getByRole('button', { name: /Guardar/ }).click();
  await expect(page.getByText('Alterações guardadas.')).toBeVisible();
  jobs = await seriesJobs(admin, booked.series!.id);
  expect(jobs.map((job) => job.scheduledTime.slice(0, 5))).toEqual(['09:00', '11:30', '11:30', '11:30', '11:30']);

  // The fourth visit is cancelled alone, with its reason shown; the fifth stays booked.
  await page.goto(`/admin/cleaning/${jobs[3]!.id}`);
  await page.getByRole('button', { name: 'Cancelar serviço' }).click();
  const cancel = page.getByRole('alertdialog');
  await cancel.getByLabel('Motivo').fill('O cliente está de férias nessa semana');
  await cancel.locator('label').filter({ hasText: 'Só este serviço' }).click();
  await expectAccessible(page, 'the cancel dialog');
  await cancel.getByRole('button', { name: 'Cancelar serviço' }).click();
  await expect(page.getByText('Cancelado: O cliente está de férias nessa semana')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Editar' })).toHaveCount(0);
  jobs = await seriesJobs(admin, booked.series!.id);
  expect(jobs.map((job) => job.status)).toEqual(['scheduled', 'scheduled', 'scheduled', 'cancelled', 'scheduled']);
  await admin.dispose();
});

test('when a worker forgot to end their time, then the office completes the job giving the time they left', async ({ page }) => {
  test.setTimeout(300_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Rita Esquecida ${suffix}`);
  const place = `Casa Por Fechar ${suffix}`;
  const { clientId, propertyId } = await newClient(admin, `Sofia Dona ${suffix}`, place);
  const job = await data<{ id: number }>(
    await admin.post('/api/cleaning-jobs', {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      data: { clientId, propertyId, jobType: 'house', scheduledDate: lisbonToday(), scheduledTime: '08:00', estimatedHours: 2, workerIds: [worker.id] },
    }),
  );
  const phone = await apiAs('staff', worker.login, worker.password);
  // Tapped 40 minutes ago on a phone without signal, sent now.
  const startedAt = new Date(Date.now() - 40 * 60_000).toISOString();
  await data(await phone.post(`/api/cleaning-jobs/${job.id}/start`, { headers: { 'Idempotency-Key': crypto.randomUUID() }, data: { occurredAt: startedAt } }));
  await phone.dispose();
  await data(await admin.post(`/api/cleaning-jobs/${job.id}/after-photo-waiver`, { data: { reason: 'Teste sem fotografias' } }));

  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/cleaning/${job.id}`);
  await expect(page.getByRole('heading', { level: 1, name: place })).toBeVisible();
  await page.getByRole('button', { name: 'Concluir serviço' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Uma pessoa ainda está no local.')).toBeVisible();
  // The end may not be in the future; the field takes minutes.
  const leftAt = Date.now();
  await fillDateField(dialog, `Quando ${worker.name} saiu`, `${lisbonDate(leftAt)}T${lisbonClock(leftAt)}`);
  await expectAccessible(page, 'the complete dialog with an open time log');
  await dialog.getByRole('button', { name: 'Concluir serviço' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Concluído').first()).toBeVisible();

  const done = await data<Job>(await admin.get(`/api/cleaning-jobs/${job.id}`));
  expect(done.status).toBe('completed');
  expect(done.timeLogs).toHaveLength(1);
  expect(lisbonClock(Date.parse(done.timeLogs[0]!.endedAt!))).toBe(lisbonClock(leftAt));
  await admin.dispose();
});

test('when a tap was queued offline and the app reopens on its home screen, then the tap is sent from there', async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Tiago Sem Rede ${suffix}`);
  const place = `Casa do Túnel ${suffix}`;
  const { clientId, propertyId } = await newClient(admin, `Vera Dona ${suffix}`, place);
  const job = await data<{ id: number }>(
    await admin.post('/api/cleaning-jobs', {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      data: { clientId, propertyId, jobType: 'house', scheduledDate: lisbonToday(), scheduledTime: '10:00', estimatedHours: 2, workerIds: [worker.id] },
    }),
  );

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pt-PT' });
  const page = await context.newPage();
  await signIn(page, worker);
  await expect(page).toHaveURL(/\/worker$/);
  await page.getByRole('link', { name: 'Limpezas' }).first().click();
  // The home screen lists today's job too: wait for the cleaning screen itself before the signal goes.
  await expect(page.getByRole('heading', { level: 1, name: 'Hoje' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Iniciar o serviço em ${place}` })).toBeVisible();

  await context.setOffline(true);
  // The tap comes once the app knows the signal is gone, as a worker's would: a tap in the instant before may
  // still leave the phone (the server then has it, and the test would be of something else).
  await expect(page.getByText('Está sem rede.')).toBeVisible();
  await page.getByRole('button', { name: `Iniciar o serviço em ${place}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'à espera de rede para enviar' })).toBeVisible();
  // The battery dies; the phone comes back with signal and the app opens on its home screen.
  await page.close();
  expect((await data<Job>(await admin.get(`/api/cleaning-jobs/${job.id}`))).status).toBe('scheduled');
  await context.setOffline(false);
  const reopened = await context.newPage();
  await reopened.goto('/worker');
  await expect
    .poll(async () => (await data<Job>(await admin.get(`/api/cleaning-jobs/${job.id}`))).status, { timeout: 30_000 })
    .toBe('in_progress');
  const detail = await data<Job>(await admin.get(`/api/cleaning-jobs/${job.id}`));
  expect(detail.timeLogs).toHaveLength(1);
  expect(reopened.url()).toMatch(/\/worker$/);
  await context.close();
  await admin.dispose();
});
