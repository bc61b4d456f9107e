import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOriginalSystem, MISSING_PHOTO_IDS, ORIGINAL_ACCOUNTS, type OriginalSystem } from '../fixtures/original-system/original-fixture.js';
import { systemClock } from '../../src/lib/clock.js';
import { createFieldCipher } from '../../src/lib/field-crypto.js';
import { createLogger } from '../../src/lib/logger.js';
import { createAuditRepository } from '../../src/modules/audit/audit.repository.js';
import { createAuditService } from '../../src/modules/audit/audit.service.js';
import { createImagePipeline } from '../../src/modules/photos/image-pipeline.js';
import { storageFromConfig } from '../../src/modules/photos/storage-from-config.js';
import { NotTheEarlierSystem, openSource } from '../../src/modules/original-import/source.js';
import { importOriginal, type ImportOriginalOptions } from '../../src/modules/original-import/run.js';

let t: TestApp;
let original: OriginalSystem;
let work: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-original-'));
  t = await createTestApp({ env: { UPLOADS_DIR: path.join(work, 'storage') } });
  const info = inject('testDatabase');
  original = await createOriginalSystem(info.admin, info.prefix, work);
});
afterAll(async () => {
  await original?.drop();
  await t?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function run(app: TestApp, options: Partial<ImportOriginalOptions> = {}) {
  const source = await openSource(original.connection, 'fixture');
  try {
    return await importOriginal({
      source,
      db: app.db,
      clock: systemClock,
      logger: createLogger({ level: 'silent', pretty: false }),
      audit: createAuditService({ repo: createAuditRepository(), clock: systemClock, db: app.db }),
      cipher: createFieldCipher(app.config.fieldEncryption.key),
      storage: storageFromConfig(app.config.photos.storage),
      pipeline: createImagePipeline({ maxInputPixels: 50_000_000, concurrency: 2 }),
      uploadsDir: original.uploadsDir,
      dryRun: false,
      ...options,
    });
  } finally {
    await source.close();
  }
}

const one = async <T>(app: TestApp, sql: string, values: unknown[] = []) => (await app.db.query<T>(sql, values)).rows[0]!;
const mapped = (entity: string) => `(SELECT new_id FROM original_import_map WHERE entity = '${entity}')`;

async function targetCounts(app: TestApp) {
  return one<Record<string, number>>(
    app,
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM properties)::int AS properties,
            (SELECT count(*) FROM laundry_orders)::int AS orders, (SELECT count(*) FROM cleaning_jobs)::int AS jobs, (SELECT count(*) FROM payments)::int AS payments,
            (SELECT count(*) FROM cleaning_job_photos)::int AS photos, (SELECT count(*) FROM tickets)::int AS tickets,
            (SELECT count(*) FROM original_import_runs)::int AS runs, (SELECT count(*) FROM settings)::int AS settings`,
  );
}

describe('refusing what is not the earlier system', () => {
  it('when the source is this system’s own database or an empty one, then it is refused with the reasons, before anything is read', async () => {
    const ours = await openSource(t.connection, 'ours').catch((e: unknown) => e);
    expect(ours).toBeInstanceOf(NotTheEarlierSystem);
    expect((ours as NotTheEarlierSystem).problems).toContain('it has the table original_import_map of this system');
    const err = await openSource(inject('testDatabase').admin, 'blank').catch((e: unknown) => e);
    expect((err as NotTheEarlierSystem).problems).toEqual(expect.arrayContaining(['no table users', 'no table laundry_orders_new']));
  });

  it('when the command is pointed at a database that is not the earlier system, then it exits 2 and writes nothing', () => {
    const before = fs.readdirSync(path.join(work)).length;
    const url = original.url.replace(original.name, t.connection.database ?? '');
    const res = spawnSync(process.execPath, ['scripts/cli.mjs', 'import-original', '--from', url], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
    expect(res.status, res.stderr).toBe(2);
    expect(res.stderr).toContain('is not the earlier Lavandaria database');
    expect(res.stderr).toContain('original_import_map');
    expect(fs.readdirSync(path.join(work)).length).toBe(before);
  });
});

describe('the earlier system’s fixture', () => {
  let jobOne: number;

  it('when run as a dry run, then the report is complete and nothing is written, files included', async () => {
    const before = await targetCounts(t);
    const result = await run(t, { dryRun: true });
    expect(result.status).toBe('completed');
    expect(result.report.laundry_order).toMatchObject({ read: 7, imported: 7 });
    expect(result.report.cleaning_job_photo!.skipped.map((s) => s.id)).toEqual(MISSING_PHOTO_IDS);
    expect(await targetCounts(t)).toEqual(before);
    expect(fs.existsSync(path.join(work, 'storage')) ? fs.readdirSync(path.join(work, 'storage'), { recursive: true }).length : 0).toBe(0);
  });

  it('when imported, then every table arrives with its counts, and missing photo files are reported, not fatal', async () => {
    const result = await run(t);
    expect(result.status).toBe('completed');
    const r = result.report;
    expect({ imported: r.user!.imported, matched: r.user!.matched }).toEqual({ imported: 2, matched: 3 });
    expect({ imported: r.client!.imported, matched: r.client!.matched }).toEqual({ imported: 3, matched: 1 });
    for (const [entity, n] of Object.entries({ property: 4, laundry_order: 7, cleaning_job: 6, cleaning_time_log: 5, payment: 4, payment_laundry: 1, ticket: 3, notification: 2 })) {
      expect([entity, r[entity]!.imported, r[entity]!.skipped]).toEqual([entity, n, []]);
    }
    expect(r.laundry_service).toMatchObject({ imported: 1, matched: 3 });
    expect(r.payment_cleaning).toMatchObject({ imported: 1, skipped: [{ id: 2, reason: expect.stringContaining('same payment is in the payments table') }] });
    expect(r.cleaning_job_photo).toMatchObject({ imported: 5, skipped: MISSING_PHOTO_IDS.map((id) => ({ id, reason: expect.stringContaining('file missing') })) });
    expect(r.setting!.imported).toBe(2);
    expect(r.setting!.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('hourly rate'), 'no setting company_slogan here']);
    expect(r.user!.notes).toEqual(expect.arrayContaining([{ id: 5, note: 'username "ana santos" became "ana.santos"' }, { id: 4, note: 'NIF dropped: wrong check digit' }]));
    expect(r.cleaning_time_log!.notes).toEqual([{ id: 5, note: expect.stringContaining('no end time') }]);
    jobOne = (await one<{ new_id: number }>(t, `SELECT new_id FROM original_import_map WHERE entity = 'cleaning_job' AND original_id = 1`)).new_id;
  });

  it('when each table is checked against the source, then counts and money are equal', async () => {
    const src = (await original.query<Record<string, string>>(`
      SELECT (SELECT count(*) FROM laundry_orders_new) AS orders, (SELECT sum(total_price) FROM laundry_orders_new) AS orders_total,
             (SELECT sum(total_price) FROM laundry_order_items) AS items_total, (SELECT count(*) FROM laundry_order_items) AS items,
             (SELECT count(*) FROM cleaning_jobs) AS jobs, (SELECT sum(COALESCE(total_with_vat, total_cost)) FROM cleaning_jobs WHERE status = 'completed') AS jobs_total,
             (SELECT count(*) FROM cleaning_time_logs) AS logs, (SELECT count(*) FROM properties) AS properties, (SELECT count(*) FROM tickets) AS tickets,
             (SELECT sum(amount) FROM payments) + (SELECT sum(amount) FROM payments_laundry)
               + (SELECT sum(amount) FROM payments_cleaning pc WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.cleaning_job_id = pc.cleaning_job_id
                   AND p.amount = pc.amount AND p.payment_date = pc.payment_date)) AS paid,
             (SELECT count(*) FROM cleaning_job_photos) AS photos`))[0]!;
    const got = await one<Record<string, number>>(
      t,
      `SELECT (SELECT count(*) FROM laundry_orders WHERE id IN ${mapped('laundry_order')})::int AS orders,
              (SELECT sum(total_cents) FROM laundry_orders WHERE id IN ${mapped('laundry_order')})::int AS orders_total,
              (SELECT sum(total_cents) FROM laundry_order_lines WHERE pricing_unit = 'per_item' AND order_id IN ${mapped('laundry_order')})::int AS items_total,
              (SELECT count(*) FROM laundry_order_lines WHERE pricing_unit = 'per_item' AND order_id IN ${mapped('laundry_order')})::int AS items,
              (SELECT count(*) FROM cleaning_jobs WHERE id IN ${mapped('cleaning_job')})::int AS jobs,
              (SELECT sum(total_cents) FROM cleaning_jobs WHERE status = 'completed' AND id IN ${mapped('cleaning_job')})::int AS jobs_total,
              (SELECT count(*) FROM cleaning_time_logs WHERE id IN ${mapped('cleaning_time_log')})::int AS logs,
              (SELECT count(*) FROM properties WHERE id IN ${mapped('property')})::int AS properties,
              (SELECT count(*) FROM tickets WHERE id IN ${mapped('ticket')})::int AS tickets,
              (SELECT sum(amount_cents) FROM payments WHERE id IN (SELECT new_id FROM original_import_map WHERE entity LIKE 'payment%'))::int AS paid,
              (SELECT count(*) FROM cleaning_job_photos WHERE id IN ${mapped('cleaning_job_photo')})::int AS photos`,
    );
    const cents = (euros: string) => Math.round(Number(euros) * 100);
    expect(got).toEqual({
      orders: Number(src.orders), orders_total: cents(src.orders_total!), items_total: cents(src.items_total!), items: Number(src.items),
      jobs: Number(src.jobs), jobs_total: cents(src.jobs_total!), logs: Number(src.logs), properties: Number(src.properties), tickets: Number(src.tickets),
      paid: cents(src.paid!), photos: Number(src.photos) - MISSING_PHOTO_IDS.length,
    });
    // VAT is kept as recorded; an order from before the VAT columns is split as the earlier system's backfill assumed.
    const orders = await t.db.query<{ order_number: string; subtotal_cents: number; vat_cents: number; total_cents: number; lines_total_cents: number }>(
      `SELECT order_number, subtotal_cents, vat_cents, total_cents, lines_total_cents FROM laundry_orders WHERE order_number IN ('LDR-20251020-001', 'TEST-ORDER-200', 'LDR-20251110-002') ORDER BY order_number`,
    );
    expect(orders.rows).toEqual([
      { order_number: 'LDR-20251020-001', subtotal_cents: 1565, vat_cents: 360, total_cents: 1925, lines_total_cents: 1925 },
      { order_number: 'LDR-20251110-002', subtotal_cents: 2000, vat_cents: 460, total_cents: 2460, lines_total_cents: 1950 },
      { order_number: 'TEST-ORDER-200', subtotal_cents: 1925, vat_cents: 443, total_cents: 2368, lines_total_cents: 1925 },
    ]);
    // The next order of an imported day continues after the imported number.
    expect((await one<{ last_number: number }>(t, `SELECT last_number FROM laundry_order_counters WHERE day = '2025-11-10'`)).last_number).toBe(2);
    // Balances follow from the payments: the partially paid job owes the rest.
    const job2 = await one<{ balance_cents: number }>(t, `SELECT balance_cents FROM cleaning_jobs WHERE id = (SELECT new_id FROM original_import_map WHERE entity = 'cleaning_job' AND original_id = 2)`);
    expect(job2.balance_cents).toBe(3000 - 1000 - 2000);
    const open = await one<{ open: number; flagged: number }>(t, `SELECT count(*) FILTER (WHERE ended_at IS NULL)::int AS open, count(*) FILTER (WHERE flagged_for_review)::int AS flagged
         FROM cleaning_time_logs WHERE id IN ${mapped('cleaning_time_log')}`);
    expect(open).toEqual({ open: 1, flagged: 1 });
  });

  it('when the imported client signs in with their old password, then it works and the stored hash is now Argon2id', async () => {
    const login = await t.request.post('/api/auth/login/client').send({ phone: ORIGINAL_ACCOUNTS.client.phone, password: ORIGINAL_ACCOUNTS.client.password });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(login.body.data).toMatchObject({ name: 'Ana Ferreira', mustChangePassword: false });
    const stored = await one<{ password_hash: string }>(t, `SELECT password_hash FROM clients WHERE phone = '+351912000111'`);
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const weak = await t.request.post('/api/auth/login/client').send({ phone: ORIGINAL_ACCOUNTS.weakClient.phone, password: ORIGINAL_ACCOUNTS.weakClient.password });
    expect(weak.body.data.mustChangePassword).toBe(true);
    const staff = await t.request.post('/api/auth/login/user').send({ username: ORIGINAL_ACCOUNTS.worker.username, password: ORIGINAL_ACCOUNTS.worker.password });
    expect(staff.status).toBe(200);
  });

  it('when staff open the imported job, then its photos are in the gallery with thumbnails, before and after paired by room', async () => {
    const master = await t.signIn('master');
    const list = await master.get(`/api/cleaning-jobs/${jobOne}/photos`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { photoType: string; roomArea: string | null }) => [p.roomArea, p.photoType])).toEqual([
      ['bathroom', 'after'],
      ['kitchen', 'before'],
      ['kitchen', 'after'],
      [null, 'detail'],
    ]);
    const thumbnail = await master.get(`/api/photos/${list.body.data[0].id}/thumbnail`);
    expect([thumbnail.status, thumbnail.headers['content-type']]).toEqual([200, 'image/webp']);
  });

  it('when run a second time, then nothing is added', async () => {
    const before = await targetCounts(t);
    const result = await run(t);
    expect(Object.values(result.report).every((r) => r.imported === 0 && r.matched === 0)).toBe(true);
    expect(result.report.laundry_order).toMatchObject({ read: 7, already: 7 });
    expect(await targetCounts(t)).toEqual({ ...before, runs: before.runs! + 1 });
  });

  it('when the earlier system has new data, then the next run adds only that', async () => {
    await original.query(`INSERT INTO clients (id, phone, name) VALUES (50, '936000050', 'Cliente Novo')`);
    await original.query(`INSERT INTO laundry_orders_new (id, client_id, order_number, order_type, total_weight_kg, price_per_kg, base_price, total_price, status)
                          VALUES (50, 50, 'LDR-20251120-001', 'bulk_kg', 2.00, 3.50, 7.00, 8.61, 'received')`);
    const before = await targetCounts(t);
    const result = await run(t);
    expect([result.report.client!.imported, result.report.laundry_order!.imported]).toEqual([1, 1]);
    const after = await targetCounts(t);
    expect([after.clients! - before.clients!, after.orders! - before.orders!, after.payments! - before.payments!]).toEqual([1, 1, 0]);
  });
});

describe('an interrupted import', () => {
  it('when stopped after a few batches, then the next run resumes at the checkpoint and ends with the same data', async () => {
    const app = await createTestApp({ env: { UPLOADS_DIR: path.join(work, 'storage-2') } });
    try {
      const controller = new AbortController();
      let batches = 0;
      const first = await run(app, { batchSize: 1, signal: controller.signal, onBatch: () => (++batches === 7 ? controller.abort() : undefined) });
      expect(first.status).toBe('interrupted');
      const checkpoint = await one<{ status: string; checkpoint_entity: string; checkpoint_after_id: number }>(
        app,
        `SELECT status, checkpoint_entity, checkpoint_after_id FROM original_import_runs`,
      );
      expect(checkpoint).toEqual({ status: 'interrupted', checkpoint_entity: 'client', checkpoint_after_id: 2 });
      const second = await run(app, { batchSize: 50 });
      expect(second).toMatchObject({ status: 'completed', runId: first.runId, resumedFrom: { entity: 'client', afterId: 2 } });
      expect(second.report.client).toMatchObject({ read: 5, imported: 4, matched: 1 });
      expect(await targetCounts(app)).toMatchObject({ orders: (await targetCounts(t)).orders, runs: 1 });
    } finally {
      await app.close();
    }
  });
});
