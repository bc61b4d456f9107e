import type supertest from 'supertest';
import type { TestApp } from './test-app.js';

type Agent = ReturnType<typeof supertest.agent>;

/** Every key anywhere in a JSON value, to prove a field is absent at any depth. */
export function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

export async function serviceIds(t: TestApp): Promise<Record<string, number>> {
  const { rows } = await t.db.query<{ id: number; code: string }>(`SELECT id, code FROM laundry_services`);
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

export async function demoClientId(t: TestApp): Promise<number> {
  return (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
}

/** Takes a laundry order through the API and returns it (staff view). */
export async function takeOrder(staff: Agent, body: Record<string, unknown>) {
  const res = await staff.post('/api/laundry-orders').send({ orderType: 'itemized', ...body });
  if (res.status !== 201) throw new Error(`order failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { id: number; orderNumber: string; totalCents: number; subtotalCents: number; vatCents: number; version: number };
}

/** received → in_progress → ready → collected, through the API, at the test clock's time. */
export async function collectOrder(staff: Agent, id: number) {
  for (const step of [
    () => staff.post(`/api/laundry-orders/${id}/status`).send({ status: 'in_progress' }),
    () => staff.post(`/api/laundry-orders/${id}/mark-ready`).send({}),
    () => staff.post(`/api/laundry-orders/${id}/status`).send({ status: 'collected' }),
  ]) {
    const res = await step();
    if (res.status !== 200) throw new Error(`status change failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export async function cancelOrder(staff: Agent, id: number) {
  const res = await staff.post(`/api/laundry-orders/${id}/status`).send({ status: 'cancelled', note: 'Cliente desistiu' });
  if (res.status !== 200) throw new Error(`cancel failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function workerId(t: TestApp, username = 'worker1'): Promise<number> {
  return (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = $1`, [username])).rows[0]!.id;
}

export async function propertyOf(staff: Agent, clientId: number): Promise<number> {
  const list = await staff.get(`/api/clients/${clientId}/properties`);
  if (list.body.data?.length) return list.body.data[0].id as number;
  const res = await staff.post(`/api/clients/${clientId}/properties`).send({
    name: 'Apartamento da Graça',
    addressLine1: 'Rua da Graça 12, 2.º Esq.',
    city: 'Lisboa',
    postalCode: '1170-165',
    district: 'lisboa',
    propertyType: 'apartamento',
  });
  if (res.status !== 201) throw new Error(`property failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id as number;
}

/** Books a cleaning job through the API (status scheduled). */
export async function bookJob(staff: Agent, body: { clientId: number; propertyId: number; workerIds: number[]; scheduledDate?: string; estimatedHours?: number; hourlyRateCents?: number }) {
  const res = await staff.post('/api/cleaning-jobs').send({
    jobType: 'house',
    scheduledDate: '2026-03-12',
    scheduledTime: '10:00',
    estimatedHours: 2,
    ...body,
  });
  if (res.status !== 201) throw new Error(`job failed: ${res.status} ${JSON.stringify(res.body)}`);
  const job = (res.body.data.job ?? res.body.data) as { id: number };
  return job;
}

/**
 * Marks a job completed with the given final price at `at`, as the cleaning workflow leaves it (the
 * workflow itself is the cleaning module's and tested there; money tests need its outcome).
 */
export async function completeJob(t: TestApp, jobId: number, p: { at: string; billableMinutes: number; subtotalCents: number; vatCents: number; vatRateBp?: number }) {
  await t.db.query(
    `UPDATE cleaning_jobs SET status = 'completed', started_at = $2::timestamptz - interval '3 hours', completed_at = $2,
        billing_increment_minutes = 30, vat_rate_bp = $6, labour_minutes = $3, billable_minutes = $3, subtotal_cents = $4,
        vat_cents = $5, total_cents = $4::int + $5::int, priced_at = $2 WHERE id = $1`,
    [jobId, p.at, p.billableMinutes, p.subtotalCents, p.vatCents, p.vatRateBp ?? 2300],
  );
}
