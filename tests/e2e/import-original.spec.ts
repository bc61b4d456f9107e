import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { DEMO } from './support/accounts.js';
import { createOriginalSystem, MISSING_PHOTO_IDS } from '../fixtures/original-system/original-fixture.js';

test('a job brought over from the earlier system shows its photos in the gallery', async ({ page }) => {
  test.setTimeout(180_000);
  const url = process.env.E2E_DATABASE_URL!;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-e2e-original-'));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const original = await createOriginalSystem({ connectionString: admin.toString() }, 'e2e', work);
  try {
    // The command as operations run it, against the server's own database, storage and keys.
    const run = spawnSync(process.execPath, ['scripts/cli.mjs', 'import-original', '--from', original.url, '--uploads', original.uploadsDir], {
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url, DATA_DIR: process.env.E2E_DATA_DIR!, LOG_LEVEL: 'warn' },
    });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    for (const id of MISSING_PHOTO_IDS) expect(run.stdout).toContain(`cleaning_job_photo #${id}: file missing`);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const job = await db.query<{ new_id: string }>(`SELECT new_id FROM original_import_map WHERE entity = 'cleaning_job' AND original_id = 1`);
    await db.end();

    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(`/admin/cleaning/${job.rows[0]!.new_id}`);
    const gallery = page.getByRole('region', { name: 'Fotografias', exact: true });
    const photos = gallery.getByRole('img', { name: /^Fotografia/ });
    await expect(photos).toHaveCount(4);
    await expect(gallery.getByRole('img', { name: 'Fotografia «Antes» — kitchen: Antes' })).toBeVisible();
    // Every thumbnail really loads from the storage the importer wrote to. They load lazily, so the gallery is
    // brought into view first; the first request of an imported photo makes its thumbnail (slow on a busy machine).
    await photos.last().scrollIntoViewIfNeeded();
    await expect
      .poll(() => photos.evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0).length), {
        timeout: 60_000,
      })
      .toBe(4);
    await expectAccessible(page, 'the imported job gallery');
  } finally {
    await original.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
