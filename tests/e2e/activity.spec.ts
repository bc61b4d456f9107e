import crypto from 'node:crypto';
import { createStaff } from './support/accounts.js';
import { apiAs, data, lisbonToday, newClient, newWorker } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

// The activity log names what each line is about as a person would (the job, its property and client),
// and folds a worker's repeated readings of the access notes into one line with a count.
test('when staff read the activity log in Portuguese and in English, then lines name the job and the client and repeated readings are one line', async ({ page }) => {
  test.setTimeout(180_000);
  const staff = await createStaff({ role: 'admin', name: 'Marta Registo' });
  const admin = await apiAs('staff', staff.login, staff.password);
  const suffix = crypto.randomBytes(2).toString('hex');
  const worker = await newWorker(admin, `Paula Notas ${suffix}`);
  const client = `Joana Anfitriã ${suffix}`;
  const place = `Alfama Loft ${suffix}`;
  const { clientId, propertyId } = await newClient(admin, client, place);
  const job = await data<{ id: number }>(
    await admin.post('/api/cleaning-jobs', {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      data: { clientId, propertyId, jobType: 'airbnb', scheduledDate: lisbonToday(), scheduledTime: '08:00', estimatedHours: 2, workerIds: [worker.id] },
    }),
  );
  const phone = await apiAs('staff', worker.login, worker.password);
  for (let i = 0; i < 5; i++) await data(await phone.get(`/api/cleaning-jobs/${job.id}`));
  await data(await phone.post(`/api/cleaning-jobs/${job.id}/start`, { headers: { 'Idempotency-Key': crypto.randomUUID() }, data: {} }));
  await phone.dispose();
  await admin.dispose();

  await signIn(page, staff);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/audit');
  const rows = page.getByRole('row').filter({ hasText: worker.name });
  const reads = rows.filter({ hasText: 'Consultou as notas de acesso 5 vezes' });
  await expect(reads).toHaveCount(1);
  await expect(reads).toContainText(`Limpeza de alojamento local em ${place}`);
  await expect(reads).toContainText(`(${client})`);
  await expect(rows.filter({ hasText: 'Notas de acesso consultadas' })).toHaveCount(0);
  const start = rows.filter({ hasText: 'Início no local' });
  await expect(start).toContainText(`Tempo no local — Limpeza de alojamento local em ${place}`);
  await expect(start).not.toContainText('#');
  await expectAccessible(page, 'the activity log naming jobs');

  await page.locator('label:has(input[aria-label="English"])').first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  const readsEn = page.getByRole('row').filter({ hasText: worker.name }).filter({ hasText: 'Read the access notes 5 times' });
  await expect(readsEn).toHaveCount(1);
  await expect(readsEn).toContainText(`Short-let turnover at ${place}`);
  await expect(page.getByRole('row').filter({ hasText: `Time on site — Short-let turnover at ${place}` })).toHaveCount(1);
  await page.locator('label:has(input[aria-label="Português"])').first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-PT');
});
