import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;
type Entry = { action: string; entity: string; entityId: string; subject: Record<string, unknown> };

// Each activity line names what it is about as a person would: the job (its type, day and property), the
// order (its number) and the client, whether the line is about the record itself or something hanging
// off it (a time log, a payment, a ticket, the access notes read for a job).
describe('what each activity entry is about', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let clientId: number;
  let propertyId: number;
  let jobId: number;
  let order: { id: number; orderNumber: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-06-22T08:00:00Z');
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    const created = await admin.post('/api/clients').send({ phone: '939876501', name: 'Joana Anfitriã' });
    clientId = created.body.data.client.id;
    propertyId = (
      await admin.post(`/api/clients/${clientId}/properties`).send({
        name: 'Alfama Loft',
        addressLine1: 'Rua de São Miguel 5',
        city: 'Lisboa',
        postalCode: '1100-544',
        district: 'lisboa',
        propertyType: 'apartamento',
        accessInstructions: 'Cofre 1234',
      })
    ).body.data.id;
    jobId = (await bookJob(admin, { clientId, propertyId, workerIds: [await workerId(t)], scheduledDate: '2026-06-22' })).id;
    const services = await serviceIds(t);
    order = await takeOrder(admin, { clientId, lines: [{ serviceId: services.WASH_IRON, weightGrams: 2000 }] });
  });
  afterAll(async () => {
    await t.close();
  });

  const entries = async (query: string): Promise<Entry[]> => {
    const res = await admin.get(`/api/audit-log?${query}`);
    expect(res.status).toBe(200);
    return res.body.data as Entry[];
  };
  const job = () => ({ jobId, jobType: 'house', jobDate: '2026-06-22', propertyId, propertyName: 'Alfama Loft' });

  it('when a worker taps Start, then the time log entry names the job, its property and the client', async () => {
    expect((await worker.post(`/api/cleaning-jobs/${jobId}/start`)).status).toBe(200);
    const [start] = await entries('entity=cleaning_time_log&action=start');
    expect(start!.subject).toEqual({ ...job(), orderId: null, orderNumber: null, clientId, clientName: 'Joana Anfitriã' });
  });

  it('when a worker reads the access notes, then the entry names the job they were read for', async () => {
    expect((await worker.get(`/api/cleaning-jobs/${jobId}`)).status).toBe(200);
    const [view] = await entries(`entity=property&entityId=${propertyId}&action=view_access_instructions`);
    expect(view!.subject).toMatchObject({ ...job(), clientName: 'Joana Anfitriã' });
  });

  it('when a payment and a ticket are about an order, then their entries name the order number and the client', async () => {
    const paid = await admin.post('/api/payments').send({ laundryOrderId: order.id, amountCents: 100, method: 'cash' });
    expect(paid.status).toBe(201);
    const ticket = await worker.post('/api/tickets').send({ title: 'Botão solto', description: 'Na camisa azul.', laundryOrderId: order.id });
    expect(ticket.status).toBe(201);
    const [payment] = await entries(`entity=payment&entityId=${paid.body.data.payment.id}`);
    const [opened] = await entries(`entity=ticket&entityId=${ticket.body.data.id}`);
    for (const entry of [payment!, opened!]) {
      expect(entry.subject).toMatchObject({ jobId: null, orderId: order.id, orderNumber: order.orderNumber, clientId, clientName: 'Joana Anfitriã' });
    }
  });

  it('when an entry is about a client, an order or a job itself, then it is named the same way; a setting has no subject', async () => {
    expect((await entries(`entity=client&entityId=${clientId}&action=create`))[0]!.subject).toMatchObject({ clientId, clientName: 'Joana Anfitriã', jobId: null });
    expect((await entries(`entity=laundry_order&entityId=${order.id}&action=create`))[0]!.subject).toMatchObject({ orderNumber: order.orderNumber, clientName: 'Joana Anfitriã' });
    expect((await entries(`entity=cleaning_job&entityId=${jobId}&action=create`))[0]!.subject).toMatchObject({ ...job(), clientName: 'Joana Anfitriã' });
    const setting = await admin.get('/api/settings');
    expect(setting.status).toBe(200);
    const master = await t.signIn('master');
    const vat = (setting.body.data as Array<{ key: string; version: number }>).find((s) => s.key === 'vatRateBasisPoints')!;
    expect((await master.patch('/api/settings').send({ vatRateBasisPoints: { value: 2200, version: vat.version } })).status).toBe(200);
    const [changed] = await entries('entity=setting');
    expect(Object.values(changed?.subject ?? { none: null }).every((v) => v === null)).toBe(true);
  });

  it('when the finance dashboard lists recent activity, then each line carries the same names', async () => {
    const res = await admin.get('/api/dashboard');
    expect(res.status).toBe(200);
    const lines = res.body.data.recentActivity as Entry[];
    const start = lines.find((l) => l.entity === 'cleaning_time_log')!;
    expect(start.subject).toMatchObject({ ...job(), clientName: 'Joana Anfitriã' });
  });
});
