import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, collectOrder, completeJob, demoClientId, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { createExportsRepository } from '../../src/modules/exports/exports.repository.js';

type Agent = ReturnType<typeof supertest.agent>;

const EXPORTS = ['clients', 'laundry-orders', 'cleaning-jobs', 'payments', 'timesheets'] as const;

/** A small reader for the files under test: quoted cells, doubled quotes, either separator. */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/** The file as text, without its BOM (checked apart), parsed into records keyed by header. */
function records(body: Buffer, separator = ';') {
  const text = body.toString('utf8');
  const [header, ...rows] = parseCsv(text.slice(1), separator);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('CSV exports', () => {
  let t: TestApp;
  let admin: Agent;
  let master: Agent;
  let worker: Agent;
  let client: Agent;
  let clientId: number;
  let workerOne: number;
  let order: { id: number; orderNumber: string; totalCents: number };
  let jobId: number;

  const download = (agent: Agent, name: string, query: Record<string, string | number> = {}) =>
    agent
      .get(`/api/exports/${name}.csv`)
      .query(query)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    master = await t.signIn('master');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    const services = await serviceIds(t);
    clientId = await demoClientId(t);
    workerOne = await workerId(t);
    await t.db.query(`UPDATE clients SET name = 'Conceição Ribeiro' WHERE id = $1`, [clientId]);

    t.clock.set('2025-03-14T10:00:00Z');
    order = await takeOrder(admin, { clientId, lines: [{ serviceId: services.DRY_CLEAN, quantity: 3 }] });
    await collectOrder(admin, order.id);
    let res = await admin.post('/api/payments').send({ laundryOrderId: order.id, amountCents: 1000, method: 'mbway', notes: '=HYPERLINK("http://x")' });
    expect(res.status).toBe(201);
    t.clock.set('2025-04-02T10:00:00Z');
    res = await admin.post('/api/payments').send({ laundryOrderId: order.id, amountCents: 500, method: 'cash' });
    expect(res.status).toBe(201);

    const propertyId = await propertyOf(admin, clientId);
    const job = await bookJob(admin, { clientId, propertyId, workerIds: [workerOne], scheduledDate: '2025-04-03' });
    jobId = job.id;
    await completeJob(t, jobId, { at: '2025-04-03T12:00:00Z', billableMinutes: 150, subtotalCents: 3750, vatCents: 863 });
    await t.db.query(
      `INSERT INTO cleaning_time_logs (job_id, worker_id, started_at, start_received_at, started_by, ended_at, end_received_at, ended_by)
       VALUES ($1, $2, '2025-04-03T09:00:00Z', '2025-04-03T09:00:00Z', $2, '2025-04-03T11:30:00Z', '2025-04-03T11:30:00Z', $2)`,
      [jobId, workerOne],
    );
    t.clock.set(new Date());
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(EXPORTS)('when %s is downloaded, then it is an attachment of UTF-8 CSV with a BOM and a header row', async (name) => {
    const res = await download(admin, name);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toMatch(/^\uFEFF"ID";/);
  });

  it.each(EXPORTS)('when a worker or a client asks for %s, then it is 403', async (name) => {
    expect((await worker.get(`/api/exports/${name}.csv`)).status).toBe(403);
    expect((await client.get(`/api/exports/${name}.csv`)).status).toBe(403);
  });

  it('when payments are exported, then each is a row in euros with a decimal comma, accents intact and formulas defused', async () => {
    const res = await download(master, 'payments', { laundryOrderId: order.id });
    const rows = records(res.body as Buffer);
    const first = rows.find((r) => r['Notas']?.includes('HYPERLINK'));
    expect(first).toMatchObject({
      Data: '2025-03-14 10:00:00',
      Referência: order.orderNumber,
      Cliente: 'Conceição Ribeiro',
      Método: 'mbway',
      'Valor (EUR)': '10,00',
      Notas: `'=HYPERLINK("http://x")`,
    });
  });

  it('when payments are filtered by date range and method, then only those are in the file', async () => {
    const march = records((await download(admin, 'payments', { from: '2025-03-01', to: '2025-03-31' })).body as Buffer);
    expect(march.map((r) => r['Valor (EUR)'])).toEqual(['10,00']);
    const cash = records((await download(admin, 'payments', { method: 'cash', clientId })).body as Buffer);
    expect(cash.every((r) => r['Método'] === 'cash')).toBe(true);
    expect(cash.map((r) => r['Valor (EUR)'])).toContain('5,00');
  });

  it('when format=comma is asked for, then cells are separated by commas and decimals use a point', async () => {
    const res = await download(admin, 'payments', { format: 'comma', laundryOrderId: order.id });
    const rows = records(res.body as Buffer, ',');
    expect(rows.map((r) => r['Valor (EUR)']).sort()).toEqual(['10.00', '5.00']);
  });

  it('when the range is backwards or the format unknown, then it is 400', async () => {
    expect((await admin.get('/api/exports/payments.csv').query({ from: '2025-04-01', to: '2025-03-01' })).status).toBe(400);
    expect((await admin.get('/api/exports/laundry-orders.csv').query({ format: 'xlsx' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await admin.get('/api/exports/cleaning-jobs.csv').query({ status: 'done' })).status).toBe(400);
  });

  it('when clients are exported, then a phone starting with + is kept as text, not a formula', async () => {
    const rows = records((await download(admin, 'clients', { active: 'true' })).body as Buffer);
    const mine = rows.find((r) => r['ID'] === String(clientId));
    expect(mine).toMatchObject({ Nome: 'Conceição Ribeiro', Telefone: "'+351911111111", Ativo: 'sim' });
    expect(rows.every((r) => r['Ativo'] === 'sim')).toBe(true);
  });

  it('when the master exports clients, then the activity log says who, which file and which filters — no data', async () => {
    expect((await download(master, 'clients', { active: 'true', format: 'comma' })).status).toBe(200);
    const { rows } = await t.db.query<{ actor_type: string; actor_id: number; entity_id: string; changed_fields: string[]; before: unknown; after: unknown }>(
      `SELECT actor_type, actor_id, entity_id, changed_fields, before, after FROM audit_log WHERE action = 'export' AND entity = 'csv' ORDER BY id DESC LIMIT 1`,
    );
    const me = (await master.get('/api/auth/session')).body.data as { id: number };
    expect(rows[0]).toMatchObject({ actor_type: 'user', actor_id: me.id, entity_id: 'clientes', changed_fields: ['active'] });
    expect(rows[0]!.before ?? {}).toEqual({});
    expect(rows[0]!.after ?? {}).toEqual({});
  });

  it('when laundry orders are exported, then the order shows its total, what was paid and the balance', async () => {
    const rows = records((await download(admin, 'laundry-orders', { status: 'collected', from: '2025-03-14', to: '2025-03-14' })).body as Buffer);
    expect(rows).toHaveLength(1);
    const euros = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
    expect(rows[0]).toMatchObject({ Encomenda: order.orderNumber, Estado: 'collected', 'Total (EUR)': euros(order.totalCents), 'Pago (EUR)': '15,00' });
    expect(rows[0]!['Saldo (EUR)']).toBe(euros(order.totalCents - 1500));
    expect(records((await download(admin, 'laundry-orders', { status: 'cancelled', from: '2025-03-14', to: '2025-03-14' })).body as Buffer)).toEqual([]);
  });

  it('when cleaning jobs are exported by worker, then the job shows its workers and price', async () => {
    const rows = records((await download(admin, 'cleaning-jobs', { workerId: workerOne, month: '2025-04' })).body as Buffer);
    const job = rows.find((r) => r['ID'] === String(jobId));
    expect(job).toMatchObject({ Data: '2025-04-03', Estado: 'completed', 'Subtotal (EUR)': '37,50', 'IVA (EUR)': '8,63', 'Total (EUR)': '46,13' });
    expect(job!['Trabalhadores']).toMatch(/\S/);
  });

  it('when timesheets are exported for a range, then each time log is a row in Lisbon time with hours in decimal comma', async () => {
    const rows = records((await download(admin, 'timesheets', { from: '2025-04-03', to: '2025-04-03', workerId: workerOne })).body as Buffer);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'Serviço ID': String(jobId), Início: '2025-04-03 10:00:00', Fim: '2025-04-03 12:30:00', Minutos: '150', Horas: '2,5' });
    expect(records((await download(admin, 'timesheets', { from: '2025-04-04', to: '2025-04-30' })).body as Buffer)).toEqual([]);
  });

  it('when rows span several batches, then the keyset walk returns each row once, in id order', async () => {
    const repo = createExportsRepository(t.db, 2);
    const seen: number[] = [];
    let batches = 0;
    for await (const batch of repo.payments({})) {
      batches++;
      seen.push(...batch.map((r) => r.id));
    }
    const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM payments ORDER BY id`);
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(rows.length / 2));
  });
});
