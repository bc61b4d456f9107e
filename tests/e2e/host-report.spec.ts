import crypto from 'node:crypto';
import sharp from 'sharp';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO } from './support/accounts.js';
import { apiAs, baseURL, data, lisbonToday, newClient, newWorker } from './support/api.js';
import { expect as baseExpect, expectAccessible, signIn, test } from './support/fixtures.js';

/**
 * Issue 20 §5: the host opens the report of a completed turnover on a phone, shares it with a link,
 * an anonymous browser sees the same photos, and once the host switches the link off it sees nothing.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
const PHONE = { width: 390, height: 844 };
const idempotent = () => ({ 'Idempotency-Key': crypto.randomUUID() });

async function pageFits(page: Page) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, 'the page fits the screen').toBeLessThanOrEqual(viewport);
}

async function upload(api: APIRequestContext, jobId: number, photoType: 'before' | 'after' | 'detail', roomArea: string, colour: { r: number; g: number; b: number }) {
  const buffer = await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg({ quality: 80 }).toBuffer();
  const made = await data<{ photos: Array<{ id: number }> }>(
    await api.post(`/api/cleaning-jobs/${jobId}/photos`, { multipart: { photoType, roomArea, photos: { name: `${photoType}.jpg`, mimeType: 'image/jpeg', buffer } } }),
  );
  return made.photos[0]!.id;
}

/** The photo ids the page's gallery shows, in order. */
const shownPhotos = async (page: Page) => (await page.getByTestId('gallery').locator('[data-photo-id]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-photo-id'))))).sort((a, b) => a - b);

test('when the host opens a completed turnover’s report on a phone and shares it, then an anonymous browser sees the same photos until the link is switched off', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const admin = await apiAs('staff', DEMO.admin.login, DEMO.admin.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Rita Relatório ${suffix}`);
  const place = `Graça Studio ${suffix}`;
  const host = await newClient(admin, `Marta Anfitriã ${suffix}`, place);
  const job = await data<{ id: number }>(
    await admin.post('/api/cleaning-jobs', {
      headers: idempotent(),
      data: { clientId: host.clientId, propertyId: host.propertyId, jobType: 'airbnb', scheduledDate: lisbonToday(), scheduledTime: '10:00', estimatedHours: 1, workerIds: [worker.id] },
    }),
  );
  const phoneApi = await apiAs('staff', worker.login, worker.password);
  const photoIds = [
    await upload(phoneApi, job.id, 'before', 'Sala', { r: 200, g: 120, b: 40 }),
    await upload(phoneApi, job.id, 'after', 'Sala', { r: 40, g: 160, b: 90 }),
  ];
  const detail = await upload(phoneApi, job.id, 'detail', 'Casa de banho', { r: 90, g: 90, b: 200 });
  photoIds.push(detail);
  await data(await phoneApi.post(`/api/cleaning-jobs/${job.id}/issues`, { headers: idempotent(), data: { text: 'Falta uma toalha de banho.', photoId: detail } }));
  await data(await phoneApi.post(`/api/cleaning-jobs/${job.id}/start`, { headers: idempotent(), data: {} }));
  await data(await phoneApi.post(`/api/cleaning-jobs/${job.id}/end`, { headers: idempotent(), data: {} }));
  await data(await phoneApi.post(`/api/cleaning-jobs/${job.id}/complete`, { headers: idempotent(), data: {} }));
  await phoneApi.dispose();
  photoIds.sort((a, b) => a - b);

  // The host, on a phone: the list of reports, then this one.
  await page.setViewportSize(PHONE);
  await signIn(page, host.account);
  await expect(page).toHaveURL(/\/client$/);
  await page.goto('/client/cleaning');
  await page.getByRole('link', { name: 'Relatórios das limpezas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relatórios das limpezas' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`^Relatório: ${place}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(place) })).toBeVisible();
  await expect(page.getByText('Falta uma toalha de banho.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tempo no local' })).toBeVisible();
  await expect.poll(() => shownPhotos(page)).toEqual(photoIds);
  await pageFits(page);
  await expectAccessible(page, 'the host’s report on a phone');

  // Share: the link is shown once; its path is all an anonymous browser needs.
  await page.getByRole('button', { name: 'Criar uma ligação' }).click();
  const url = (await page.getByTestId('report-link-url').textContent())!.trim();
  const sharedPath = new URL(url).pathname;
  expect(sharedPath).toMatch(/^\/r\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByText('Ainda não foi aberta')).toBeVisible();
  await pageFits(page);

  const anonymous = await browser.newContext({ viewport: PHONE, locale: 'pt-PT', baseURL });
  const stranger = await anonymous.newPage();
  const problems: string[] = [];
  stranger.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text());
  });
  await stranger.goto(sharedPath);
  await expect(stranger.getByRole('heading', { level: 1, name: new RegExp(place) })).toBeVisible();
  await expect(stranger.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect.poll(() => shownPhotos(stranger)).toEqual(photoIds);
  await expect(stranger.getByText('Falta uma toalha de banho.')).toBeVisible();
  // Every thumbnail really loads through the link.
  await stranger.getByTestId('gallery').locator('img').evaluateAll((imgs) => Promise.all(imgs.map((img) => (img as HTMLImageElement).decode())));
  await pageFits(stranger);
  await expectAccessible(stranger, 'a shared report on a phone');
  // The same page on a laptop (the host forwards the link to an owner at a desk).
  await stranger.setViewportSize({ width: 1280, height: 800 });
  await stranger.screenshot({ path: 'test-results/screenshots/shared-report-1280.png', fullPage: true });
  await pageFits(stranger);
  await stranger.setViewportSize(PHONE);
  await stranger.screenshot({ path: 'test-results/screenshots/shared-report-390.png', fullPage: true });

  // The host switches the link off: the anonymous browser now gets the not-found page (404 from the API).
  await page.reload();
  await expect(page.getByText(/Aberta pela última vez/)).toBeVisible();
  await page.getByRole('button', { name: /^Desligar a ligação criada/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Desligar', exact: true }).click();
  await expect(page.getByText(/^Desligada /)).toBeVisible();

  const api404 = stranger.waitForResponse((r) => r.url().includes('/api/shared-reports/'));
  await stranger.reload();
  expect((await api404).status()).toBe(404);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Este relatório não está disponível' })).toBeVisible();
  await expect(stranger.getByTestId('gallery').locator('[data-photo-id]')).toHaveCount(0);
  await expectAccessible(stranger, 'a switched-off shared report');
  expect(problems).toEqual([]);
  await anonymous.close();
  await admin.dispose();
});
