/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { DEMO, type Account } from './support/accounts.js';
import { expect as baseExpect, expectAccessible, signIn, test } from './support/fixtures.js';

// The first render of a lazily loaded screen can take several seconds on a loaded CI machine.
const expect = baseExpect.configure({ timeout: 30_000 });

// Issue 7, "Done when", in the browser: the demo worker adds 10 photos (5 before, 5 after, five rooms)
// on a phone while the network is cut and restored, an answer is lost on the way back and the page is
// reloaded with photos still queued — every photo arrives exactly once. Then the client sees the
// before/after pairs and opens some in the viewer, and staff see which ones the client has seen.
// Screenshots go to test-results/screenshots for review.

const shots = 'test-results/screenshots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const ROOMS = ['Casa de banho', 'Cozinha', 'Quarto', 'Sala', 'Varanda'] as const;

interface Envelope<T> {
  success: boolean;
  data: T;
  error?: { code: string; details?: { jobId?: number } };
}

async function data<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  const body = (await response.json()) as Envelope<T>;
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.data;
}

async function apiAs(account: Account): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const login =
    account.kind === 'staff'
      ? api.post('/api/auth/login/user', { data: { username: account.login, password: account.password } })
      : api.post('/api/auth/login/client', { data: { phone: account.login, password: account.password } });
  await data(await login);
  return api;
}

async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

const lisbonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date());

/** Real JPEG files of different sizes (four larger than the 2560 px the phone sends), each its own colour and capture time. */
async function makePhotos(dir: string) {
  const sizes = [
    [4000, 3000],
    [3000, 4000],
    [1600, 1200],
    [1200, 1600],
    [2592, 1944],
    [1024, 768],
    [2000, 1500],
    [800, 600],
    [3264, 2448],
    [1280, 960],
  ] as const;
  const files: string[] = [];
  for (const [i, [width, height]] of sizes.entries()) {
    const hue = Math.round((i * 360) / sizes.length);
    const r = Math.round(128 + 100 * Math.cos((hue * Math.PI) / 180));
    const g = Math.round(128 + 100 * Math.cos(((hue - 120) * Math.PI) / 180));
    const b = Math.round(128 + 100 * Math.cos(((hue + 120) * Math.PI) / 180));
    const mark = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="${width * 0.1}" y="${height * 0.55}" width="${width * 0.8}" height="${height * 0.3}" fill="#fff" opacity="0.8"/><rect x="${width * (0.1 + i * 0.05)}" y="${height * 0.15}" width="${width * 0.2}" height="${height * 0.25}" fill="#123"/></svg>`,
    );
    const file = path.join(dir, `IMG_${String(1000 + i)}.jpg`);
    await sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
      .composite([{ input: mark }])
      .jpeg({ quality: 80 })
      // The phone's capture time, which must survive the browser's re-encoding.
      .withExif({ IFD2: { DateTimeOriginal: `2026:11:20 09:${String(10 + i)}:00`, OffsetTimeOriginal: '+00:00' } })
      .toFile(file);
    files.push(file);
  }
  return files;
}

/** The upload key and the photo's pixel size from a multipart upload the page sent. */
async function uploadOf(req: Request): Promise<{ key: string; width: number; format: string }> {
  const body = req.postDataBuffer() ?? Buffer.alloc(0);
  const text = body.toString('latin1');
  const key = /name="uploadKey"\r\n\r\n([^\r]+)/.exec(text)?.[1] ?? '';
  const start = text.indexOf('\r\n\r\n', text.indexOf('name="photos"')) + 4;
  const boundary = `\r\n--${/^--([^\r]+)/.exec(text)?.[1] ?? ''}`;
  try {
    const meta = await sharp(body.subarray(start, text.indexOf(boundary, start))).metadata();
    return { key, width: Math.max(meta.width ?? 0, meta.height ?? 0), format: meta.format ?? '' };
  } catch {
    return { key, width: 0, format: 'unreadable' };
  }
}

async function shoot(page: Page, name: string, sizes: { width: number; height: number }[] = [PHONE, DESKTOP]) {
  await page.evaluate(() => document.fonts.ready);
  for (const size of sizes) {
    await page.setViewportSize(size);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
    await page.screenshot({ path: `${shots}/photos-${name}-${size.width}.png` });
    await page.setViewportSize(size);
  }
}

async function device(browser: Browser, account: Account, viewport = PHONE): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'pt-PT', timezoneId: 'Pacific/Auckland', baseURL });
  const page = await context.newPage();
  const problems: string[] = [];
  // Cut connections and refused uploads are this test's point; the browser logs them itself.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await signIn(page, account);
  await expect(page).toHaveURL(new RegExp(`${account.home}$`));
  return { context, page, problems };
}

test('when a worker adds 10 photos through a cut network, a lost answer and a reload, then each arrives once; the client sees before/after pairs and staff see which the client opened', async ({ browser }) => {
  test.setTimeout(900_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-photos-'));
  const files = await makePhotos(dir);
  const admin = await apiAs(DEMO.admin);
  const workerApi = await apiAs(DEMO.worker);
  const clientApi = await apiAs(DEMO.client);
  const workerId = (await data<{ id: number }>(await workerApi.get('/api/auth/session'))).id;
  const clientId = (await data<{ id: number }>(await clientApi.get('/api/auth/session'))).id;
  const place = `Casa das Fotografias ${Date.now() % 100_000}`;
  const property = await data<{ id: number }>(
    await admin.post(`/api/clients/${clientId}/properties`, {
      data: { name: place, addressLine1: 'Rua do Loreto 7, 3.º', city: 'Lisboa', postalCode: '1200-241', district: 'lisboa', propertyType: 'apartamento' },
    }),
  );
  const job = await data<{ id: number }>(
    await admin.post('/api/cleaning-jobs', {
      data: { clientId, propertyId: property.id, jobType: 'house', scheduledDate: lisbonToday(), scheduledTime: '08:00', estimatedHours: 3, workerIds: [workerId] },
    }),
  );
  // The demo worker starts it (ending first any visit another test left open).
  let started = await workerApi.post(`/api/cleaning-jobs/${job.id}/start`, { data: {} });
  const refusal = (await started.json()) as Envelope<unknown>;
  if (refusal.error?.code === 'OPEN_LOG_ON_ANOTHER_JOB') {
    await data(await workerApi.post(`/api/cleaning-jobs/${refusal.error.details!.jobId}/end`, { data: {} }));
    started = await workerApi.post(`/api/cleaning-jobs/${job.id}/start`, { data: {} });
  }
  expect((await data<{ status: string }>(started)).status).toBe('in_progress');

  const photoCount = async () => (await admin.get(`/api/cleaning-jobs/${job.id}/photos/summary`).then((r) => data<{ counts: { total: number } }>(r))).counts.total;

  // ---- The worker's phone ----
  const worker = await device(browser, DEMO.worker);
  const { page, context } = worker;
  const sent: Array<{ key: string; width: number; format: string }> = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith(`/api/cleaning-jobs/${job.id}/photos`)) void uploadOf(req).then((u) => sent.push(u));
  });
  await page.goto(`/worker/cleaning/${job.id}`);
  await expect(page.getByRole('heading', { level: 1, name: place })).toBeVisible();
  const photos = page.getByRole('region', { name: 'Fotografias', exact: true });
  const queueItems = photos.locator('.upload-item');

  /** Takes one photo of a room, then waits for what must follow (on the server, or waiting in the queue). */
  async function add(type: 'Antes' | 'Depois', room: string, file: string, then: () => Promise<void>) {
    const camera = photos.getByLabel('Tirar fotografias');
    await expect(camera).toBeEnabled();
    await photos.getByRole('radiogroup', { name: 'Tipo de fotografia' }).getByText(type, { exact: true }).click();
    await photos.getByLabel('Divisão ou zona').fill(room);
    await camera.setInputFiles(file);
    await then();
    await expect(camera).toBeEnabled();
  }
  const onServer = (n: number) => () => expect.poll(photoCount, { timeout: 60_000 }).toBe(n);
  const queued = (n: number) => () => expect(queueItems).toHaveCount(n);

  // 1. Online: two "before" photos go at once.
  await expect(photos.getByLabel('Tirar fotografias')).toHaveAttribute('capture', 'environment');
  await add('Antes', ROOMS[0], files[0]!, onServer(1));
  await add('Antes', ROOMS[1], files[1]!, onServer(2));
  await expect(photos.getByText('1 fotografia adicionada à fila de envio.')).toBeVisible();
  await expect(queueItems).toHaveCount(0);

  // 2. The server keeps a photo but its answer never reaches the phone: the retry (same key) gets the same photo.
  let lostPhotoId = 0;
  const waitingKeys: string[] = [];
  const snapshotKeys = async () => {
    for (const key of await queueItems.evaluateAll((items) => items.map((item) => item.getAttribute('data-upload-key') ?? ''))) if (!waitingKeys.includes(key)) waitingKeys.push(key);
  };
  await page.route(`**/api/cleaning-jobs/${job.id}/photos`, async (route) => {
    if (route.request().method() !== 'POST' || lostPhotoId > 0) return route.fallback();
    const stored = await route.fetch();
    lostPhotoId = ((await stored.json()) as Envelope<{ photos: Array<{ id: number }> }>).data.photos[0]!.id;
    await route.abort('connectionreset');
  });
  await add('Antes', ROOMS[2], files[2]!, () => expect(queueItems.first()).toContainText('Ainda não enviada (sem ligação)'));
  await snapshotKeys();
  expect(lostPhotoId).toBeGreaterThan(0);
  await expect.poll(photoCount).toBe(3);
  await expect(queueItems).toHaveCount(0, { timeout: 60_000 });
  await page.unroute(`**/api/cleaning-jobs/${job.id}/photos`);
  expect(await photoCount()).toBe(3);

  // 3. The network is cut: photos wait on the phone.
  await context.setOffline(true);
  await add('Antes', ROOMS[3], files[3]!, queued(1));
  await add('Antes', ROOMS[4], files[4]!, queued(2));
  await add('Depois', ROOMS[0], files[5]!, queued(3));
  await add('Depois', ROOMS[1], files[6]!, queued(4));
  await expect(photos.getByText('Sem rede: as fotografias são enviadas assim que a ligação voltar.')).toBeVisible();
  expect(await photoCount()).toBe(3);
  await snapshotKeys();
  expect(waitingKeys).toHaveLength(5);
  await expectAccessible(page, 'the worker job page with photos queued offline');
  await shoot(page, 'worker-offline-queue', [PHONE]);

  // 4. The signal comes back but uploads still fail, and the page is reloaded mid-way: the queue is still there.
  await page.route(`**/api/cleaning-jobs/${job.id}/photos`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback()));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: place })).toBeVisible();
  await expect(queueItems).toHaveCount(4);
  await expect(queueItems.filter({ hasText: 'Ainda não enviada (sem ligação)' })).toHaveCount(4);
  await snapshotKeys();
  expect(waitingKeys, 'the same keys after the reload').toHaveLength(5);
  await page.goto('/worker');
  await expect(page.getByRole('status').filter({ hasText: '4 fotografias à espera de envio' })).toBeVisible();
  await shoot(page, 'worker-pending-indicator', [PHONE]);
  // Signing out would clear this phone's storage: it asks first, and staying keeps the queue.
  await page.getByRole('button', { name: 'Terminar sessão' }).first().click();
  const unsent = page.getByRole('alertdialog', { name: 'Fotografias por enviar' });
  await expect(unsent).toContainText('4 fotografias tiradas neste telemóvel ainda não chegaram ao servidor');
  await unsent.getByRole('button', { name: 'Ficar com a sessão' }).click();
  await expect(unsent).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '4 fotografias à espera de envio' })).toBeVisible();
  await page.goBack();
  await expect(queueItems).toHaveCount(4);
  expect(await photoCount()).toBe(3);
  // The network is whole again: the browser's "online" sends them at once.
  await page.unroute(`**/api/cleaning-jobs/${job.id}/photos`);
  await context.setOffline(true);
  await context.setOffline(false);
  await expect.poll(photoCount, { timeout: 60_000 }).toBe(7);
  await expect(queueItems).toHaveCount(0);

  // 5. The last three "after" photos.
  await add('Depois', ROOMS[2], files[7]!, onServer(8));
  await add('Depois', ROOMS[3], files[8]!, onServer(9));
  await add('Depois', ROOMS[4], files[9]!, onServer(10));
  await expect(queueItems).toHaveCount(0);
  await expect(photos.getByText('5 antes · 5 depois · 0 pormenor')).toBeVisible();
  await expect(photos.locator('[data-photo-card]')).toHaveCount(10);
  await expectAccessible(page, 'the worker job page with its photos');
  await shoot(page, 'worker-job');

  // Exactly once: ten photos, ten distinct upload keys, each one a key the phone sent (one of them twice).
  const rows = await withDb((db) =>
    db.query<{ id: string; upload_key: string; photo_type: string; room_area: string; taken_at: Date | null }>(
      `SELECT id, upload_key, photo_type, room_area, taken_at FROM cleaning_job_photos WHERE job_id = $1 ORDER BY id`,
      [job.id],
    ),
  ).then((r) => r.rows);
  expect(rows).toHaveLength(10);
  expect(new Set(rows.map((r) => r.upload_key)).size).toBe(10);
  const keys = new Set(rows.map((r) => r.upload_key));
  // The keys the phone showed while the photos waited (before and after the reload) are the ones stored.
  for (const key of waitingKeys) expect(keys.has(key), key).toBe(true);
  expect(rows.some((r) => Number(r.id) === lostPhotoId)).toBe(true);
  expect(rows.filter((r) => r.photo_type === 'before').map((r) => r.room_area).sort()).toEqual([...ROOMS]);
  expect(rows.filter((r) => r.photo_type === 'after').map((r) => r.room_area).sort()).toEqual([...ROOMS]);
  // Each photo kept its camera's capture time through the browser's re-encoding (file i was taken at 09:1i).
  const takenMinutes = rows.map((r) => r.taken_at?.toISOString().slice(11, 16)).sort();
  expect(takenMinutes).toEqual(Array.from({ length: 10 }, (_, i) => `09:${10 + i}`));
  // Made smaller in the browser before queueing: JPEG, at most 2560 px on the long edge (four were larger).
  // The browser hands the test only the smaller request bodies, so those are the ones checked.
  const readable = sent.filter((u) => u.format !== 'unreadable');
  expect(readable.length).toBeGreaterThan(0);
  for (const upload of readable) {
    expect(keys.has(upload.key), upload.key).toBe(true);
    expect([upload.format, upload.width <= 2560]).toEqual(['jpeg', true]);
  }
  expect(readable.some((u) => u.width === 2560)).toBe(true);
  const listed = await data<Array<{ id: number }>>(await admin.get(`/api/cleaning-jobs/${job.id}/photos?limit=100`));
  expect(new Set(listed.map((p) => p.id)).size).toBe(10);
  expect(worker.problems).toEqual([]);
  await context.close();

  // ---- The client at home ----
  const client = await device(browser, DEMO.client);
  await client.page.goto(`/client/cleaning/${job.id}`);
  const gallery = client.page.getByRole('region', { name: 'Fotografias', exact: true });
  for (const room of ROOMS) {
    const section = gallery.getByRole('region', { name: room, exact: true });
    await expect(section.getByRole('button')).toHaveCount(2);
    await expect(section.getByRole('button').first()).toHaveAccessibleName(`Fotografia «Antes» — ${room}`);
    await expect(section.getByRole('button').last()).toHaveAccessibleName(`Fotografia «Depois» — ${room}`);
  }
  await expectAccessible(client.page, 'the client gallery');
  await shoot(client.page, 'client-gallery');

  const viewer = client.page.getByRole('dialog');
  const opened = new Set<number>();
  const seeCurrent = async (index: number) => {
    await expect(viewer).toHaveAccessibleName(`Fotografia ${index} de 10`);
    await expect(viewer.getByText(`${index} / 10`)).toBeVisible();
    const image = viewer.locator('.photo-viewer__image[data-loaded]');
    await expect(image).toBeVisible();
    opened.add(Number(await viewer.locator('[data-photo-id]').getAttribute('data-photo-id')));
  };
  await gallery.getByRole('region', { name: 'Cozinha', exact: true }).getByRole('button').first().click();
  await seeCurrent(3);
  await expect(viewer.getByRole('heading')).toContainText('Antes');
  await expect(viewer.getByRole('img')).toHaveAttribute('alt', 'Fotografia «Antes» — Cozinha');
  await client.page.keyboard.press('ArrowRight');
  await seeCurrent(4);
  await expect(viewer.getByRole('img')).toHaveAttribute('alt', 'Fotografia «Depois» — Cozinha');
  await client.page.keyboard.press('ArrowLeft');
  await seeCurrent(3);
  // A swipe to the left shows the next photo.
  const stage = await viewer.locator('.photo-viewer__stage').boundingBox();
  await client.page.mouse.move(stage!.x + stage!.width * 0.8, stage!.y + stage!.height / 2);
  await client.page.mouse.down();
  await client.page.mouse.move(stage!.x + stage!.width * 0.2, stage!.y + stage!.height / 2, { steps: 5 });
  await client.page.mouse.up();
  await seeCurrent(4);
  await client.page.keyboard.press('ArrowRight');
  await seeCurrent(5);
  await expectAccessible(client.page, 'the photo viewer');
  await client.page.setViewportSize(PHONE);
  // The whole photo and its caption fit the phone's screen.
  await expect(viewer.getByRole('heading', { name: /Quarto/ })).toBeInViewport({ ratio: 1 });
  const shown = await viewer.getByRole('img').boundingBox();
  expect(shown!.y + shown!.height).toBeLessThanOrEqual(PHONE.height);
  expect(shown!.width).toBeLessThanOrEqual(PHONE.width);
  await client.page.screenshot({ path: `${shots}/photos-client-viewer-390.png` });
  await client.page.setViewportSize(DESKTOP);
  await client.page.screenshot({ path: `${shots}/photos-client-viewer-1280.png` });
  await client.page.setViewportSize(PHONE);
  await client.page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(gallery.getByRole('region', { name: 'Cozinha', exact: true }).getByRole('button').first()).toBeFocused();
  expect(opened.size).toBe(3);
  expect(client.problems).toEqual([]);
  await client.context.close();

  // ---- Staff at the office ----
  const staff = await device(browser, DEMO.admin, DESKTOP);
  await staff.page.goto(`/admin/cleaning/${job.id}`);
  const grid = staff.page.getByRole('region', { name: 'Fotografias', exact: true });
  await expect(grid.getByText('5 antes · 5 depois · 0 pormenor')).toBeVisible();
  await expect(grid.getByText('Vistas pelo cliente: 3 de 10')).toBeVisible();
  await expect(grid.locator('[data-photo-card]')).toHaveCount(10);
  for (const row of rows) {
    const card = grid.locator(`[data-photo-card="${row.id}"]`);
    if (opened.has(Number(row.id))) await expect(card).toContainText('Vista pelo cliente em');
    else await expect(card).toContainText('Ainda não vista pelo cliente');
    await expect(card).toContainText(`Por ${DEMO.worker.name}`);
  }
  await expectAccessible(staff.page, 'the staff photo grid');
  await shoot(staff.page, 'staff-grid', [DESKTOP, PHONE]);
  await staff.page.setViewportSize(DESKTOP);
  await grid.getByRole('button', { name: 'Tipo' }).click();
  await staff.page.getByRole('option', { name: 'Depois' }).click();
  await expect(grid.locator('[data-photo-card]')).toHaveCount(5);
  expect(staff.problems).toEqual([]);
  await staff.context.close();

  await Promise.all([admin.dispose(), workerApi.dispose(), clientApi.dispose()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('when staff complete a job that has no after photo, then the refusal offers the waiver with a reason, and the job completes with the waiver shown', async ({ browser }) => {
  test.setTimeout(600_000);
  const admin = await apiAs(DEMO.admin);
  const clientApi = await apiAs(DEMO.client);
  const clientId = (await data<{ id: number }>(await clientApi.get('/api/auth/session'))).id;
  // A worker of its own, so no other visit of the demo worker is in the way.
  const username = `e2e.photos.${Date.now() % 1_000_000}`;
  const created = await data<{ user: { id: number }; temporaryPassword: string }>(await admin.post('/api/users', { data: { username, name: 'Rita Sem Telemóvel', role: 'worker' } }));
  const first = await apiAs({ kind: 'staff', login: username, password: created.temporaryPassword, name: '', home: '/worker' });
  await data(await first.post('/api/auth/change-password', { data: { currentPassword: created.temporaryPassword, newPassword: 'Fotografia-Sem-Rede-7' } }));
  const place = `Casa Sem Depois ${Date.now() % 100_000}`;
  const property = await data<{ id: number }>(
    await admin.post(`/api/clients/${clientId}/properties`, {
      data: { name: place, addressLine1: 'Travessa do Fala-Só 3', city: 'Lisboa', postalCode: '1250-109', district: 'lisboa', propertyType: 'apartamento' },
    }),
  );
  const job = await data<{ id: number }>(
    await admin.post('/api/cleaning-jobs', {
      data: { clientId, propertyId: property.id, jobType: 'house', scheduledDate: lisbonToday(), scheduledTime: '07:00', estimatedHours: 1, workerIds: [created.user.id] },
    }),
  );
  await data(await first.post(`/api/cleaning-jobs/${job.id}/start`, { data: {} }));
  await data(await first.post(`/api/cleaning-jobs/${job.id}/end`, { data: {} }));

  const staff = await device(browser, DEMO.admin, DESKTOP);
  const { page } = staff;
  await page.goto(`/admin/cleaning/${job.id}`);
  await expect(page.getByRole('heading', { level: 1, name: place })).toBeVisible();
  const section = page.getByRole('region', { name: 'Fotografias', exact: true });
  await expect(section.getByText('Este serviço só pode ser concluído com pelo menos uma fotografia «depois».')).toBeVisible();

  await page.getByRole('button', { name: 'Concluir serviço' }).click();
  const complete = page.getByRole('dialog', { name: 'Concluir este serviço?' });
  await complete.getByRole('button', { name: 'Concluir serviço' }).click();
  await expect(complete.getByText('Envie pelo menos uma fotografia “depois” antes de concluir o serviço.')).toBeVisible();
  await expectAccessible(page, 'the completion refused for lack of an after photo');
  await page.screenshot({ path: `${shots}/photos-staff-refused-1280.png` });
  await complete.getByRole('button', { name: 'Permitir concluir sem fotografia «depois»' }).click();

  const waiver = page.getByRole('dialog', { name: 'Concluir sem fotografia «depois»?' });
  await waiver.getByRole('button', { name: 'Permitir conclusão' }).click();
  await expect(waiver.getByText('Indique o motivo, em poucas palavras.')).toBeVisible();
  await waiver.getByLabel('Motivo').fill('O telemóvel da colaboradora avariou no local.');
  await waiver.getByRole('button', { name: 'Permitir conclusão' }).click();
  await expect(waiver).toBeHidden();
  await expect(complete.getByText('Permitido. Já pode concluir o serviço.')).toBeVisible();
  await complete.getByRole('button', { name: 'Concluir serviço' }).click();
  await expect(complete).toBeHidden();
  await expect(page.getByText('Concluído').first()).toBeVisible();
  await expect(section.getByText(/Conclusão sem fotografia «depois» permitida por Ricardo Almeida .*: O telemóvel da colaboradora avariou no local\./)).toBeVisible();

  const after = await data<{ status: string }>(await admin.get(`/api/cleaning-jobs/${job.id}`));
  expect(after.status).toBe('completed');
  const summary = await data<{ waiver: { reason: string } | null }>(await admin.get(`/api/cleaning-jobs/${job.id}/photos/summary`));
  expect(summary.waiver?.reason).toBe('O telemóvel da colaboradora avariou no local.');
  expect(staff.problems).toEqual([]);
  await staff.context.close();
  await Promise.all([admin.dispose(), clientApi.dispose(), first.dispose()]);
});
