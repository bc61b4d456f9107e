import crypto from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, completeJob, demoClientId, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;

/**
 * No N+1: every statement sent to PostgreSQL while one request runs is counted at the driver (each pooled
 * client's `query`, so the session store, transactions and BEGIN/COMMIT count too). The main endpoints
 * are measured on a small data set, the data set is then grown several times over — more orders, more
 * lines per order, more payments, jobs, workers, time logs and photos — and the counts must be the same.
 */
function countQueries(pool: pg.Pool) {
  let count = 0;
  const instrumented = new WeakSet<object>();
  const instrument = (client: pg.PoolClient) => {
    if (instrumented.has(client)) return;
    instrumented.add(client);
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count++;
      return original(...args);
    };
  };
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client: pg.PoolClient, done: () => void) => void) => unknown;
  // pg-pool's own query() checks a client out through this.connect(callback), so both forms are wrapped.
  (pool as unknown as { connect: typeof connect }).connect = (cb) => {
    if (cb) return connect((err, client, done) => (client && instrument(client), cb(err, client, done)));
    return (connect() as Promise<pg.PoolClient>).then((client) => (instrument(client), client));
  };
  return {
    async during(run: () => Promise<{ status: number }>, expectStatus = 200): Promise<number> {
      count = 0;
      const res = await run();
      expect(res.status).toBe(expectStatus);
      return count;
    },
  };
}

describe('queries per request do not grow with the data (no N+1)', { timeout: 120_000 }, () => {
  let t: TestApp;
  let admin: Agent;
  let counter: ReturnType<typeof countQueries>;
  let clientId: number;
  let propertyId: number;
  let workers: number[];
  let services: Record<string, number>;
  let firstOrder: number;
  let firstJob: number;

  async function addOrders(n: number, linesEach: number) {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const lines = Array.from({ length: linesEach }, (_, k) =>
        k % 2 === 0 ? { serviceId: services.DRY_CLEAN, quantity: 1 + k } : { serviceId: services.WASH_IRON, weightGrams: 2000 + k * 100 },
      );
      const order = await takeOrder(admin, { clientId, orderType: 'itemized', lines });
      // Two payments each (deposit and rest), so a list or detail showing balances meets several rows.
      for (const amount of [Math.floor(order.totalCents / 2), order.totalCents - Math.floor(order.totalCents / 2)]) {
        const paid = await admin.post('/api/payments').send({ laundryOrderId: order.id, amountCents: amount, method: 'card' });
        expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      }
      for (const status of ['in_progress']) await admin.post(`/api/laundry-orders/${order.id}/status`).send({ status });
      ids.push(order.id);
    }
    return ids;
  }

  async function addJobs(n: number, photosEach: number, teamSize: number) {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const job = await bookJob(admin, { clientId, propertyId, workerIds: workers.slice(0, teamSize), scheduledDate: '2026-03-12' });
      await completeJob(t, job.id, { at: '2026-03-12T13:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
      await t.db.query(
        `INSERT INTO cleaning_time_logs (job_id, worker_id, started_at, start_received_at, started_by, ended_at, end_received_at, ended_by)
         SELECT $1, w, '2026-03-12T09:00:00Z', '2026-03-12T09:00:00Z', w, '2026-03-12T11:00:00Z', '2026-03-12T11:00:00Z', w FROM unnest($2::bigint[]) w`,
        [job.id, workers.slice(0, teamSize)],
      );
      await t.db.query(
        `INSERT INTO cleaning_job_photos (job_id, uploaded_by, photo_type, room_area, storage_key, thumbnail_key, content_type, size_bytes, width, height,
            thumbnail_size_bytes, thumbnail_width, thumbnail_height, content_sha256, thumbnail_sha256, source_format, uploaded_at)
         SELECT $1, $2, (ARRAY['before', 'after', 'detail'])[1 + g % 3], 'Sala ' || (g % 4), k || '.webp', k || '-thumb.webp', 'image/webp',
                1000, 800, 600, 100, 400, 300, repeat('a', 64), repeat('b', 64), 'jpeg', '2026-03-12T12:00:00Z'
           FROM generate_series(1, $3::int) g, LATERAL (SELECT $4 || '/' || g AS k) key`,
        [job.id, workers[0], photosEach, crypto.randomUUID()],
      );
      const paid = await admin.post('/api/payments').send({ cleaningJobId: job.id, amountCents: 1000, method: 'cash' });
      expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      ids.push(job.id);
    }
    return ids;
  }

  /** The main endpoints, each with its query count. */
  async function measure(): Promise<Record<string, number>> {
    const get = (path: string) => () => admin.get(path);
    const counts: Record<string, number> = {};
    const endpoints: Record<string, string> = {
      'laundry order list': '/api/laundry-orders?limit=100',
      'laundry order list, filtered and searched': `/api/laundry-orders?status=in_progress&q=LDR&clientId=${clientId}`,
      'laundry order detail': `/api/laundry-orders/${firstOrder}`,
      'cleaning job list': '/api/cleaning-jobs?limit=100',
      'cleaning job detail': `/api/cleaning-jobs/${firstJob}`,
      'job photo list': `/api/cleaning-jobs/${firstJob}/photos?limit=100`,
      'payments list': '/api/payments?limit=100',
      dashboard: '/api/dashboard',
      // Each line names its job, property, order and client in the page's own query.
      'activity log': '/api/audit-log?limit=100',
    };
    for (const [name, path] of Object.entries(endpoints)) {
      await admin.get(path); // warm: a first request may prepare what later ones reuse
      counts[name] = await counter.during(get(path));
    }
    return counts;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    counter = countQueries(t.db.pool);
    clientId = await demoClientId(t);
    propertyId = await propertyOf(admin, clientId);
    services = await serviceIds(t);
    const second = await t.db.query<{ id: number }>(
      `INSERT INTO users (username, password_hash, role, name) VALUES ('worker.second', 'not-a-login', 'worker', 'Rui Costa') RETURNING id`,
    );
    workers = [await workerId(t, 'worker1'), second.rows[0]!.id];
    firstOrder = (await addOrders(2, 1))[0]!;
    firstJob = (await addJobs(1, 2, 1))[0]!;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('when the data grows several times over, then each main endpoint runs the same number of queries', async () => {
    const small = await measure();
    for (const [name, n] of Object.entries(small)) {
      // Sanity: the counter sees the session lookup and the endpoint's own reads.
      expect(n, name).toBeGreaterThanOrEqual(2);
      expect(n, name).toBeLessThanOrEqual(12);
    }

    await addOrders(12, 6);
    await addJobs(6, 15, 2);
    // The first order and job grow too: more lines, payments, photos and time logs of their own.
    await t.db.query(
      `INSERT INTO laundry_order_lines (order_id, position, service_id, service_code, service_name, service_name_en, pricing_unit,
          unit_price_cents, quantity, base_cents, total_cents)
       SELECT $1, 10 + g, id, code, name, name_en, pricing_unit, price_cents, 1, 0, 0 FROM laundry_services, generate_series(1, 5) g
        WHERE code = 'DRY_CLEAN'`,
      [firstOrder],
    );
    await t.db.query(
      `INSERT INTO cleaning_job_workers (job_id, worker_id, position, assigned_at) VALUES ($1, $2, 2, now()) ON CONFLICT DO NOTHING`,
      [firstJob, workers[1]],
    );

    const large = await measure();
    expect(large).toEqual(small);
  });

  it('when a detail is read, then it is one round trip: the order and the job in 2 statements each (the session lookup included)', async () => {
    const counts = await measure();
    // The session lookup, then the order with its lines, history and payments block in one statement.
    expect(counts['laundry order detail']).toBeLessThanOrEqual(2);
    // The session lookup, then the job with its time logs, history, photo counts, payments block and settings.
    expect(counts['cleaning job detail']).toBeLessThanOrEqual(2);
  });

  it('when the cleaning list is read, then it costs the statements of the laundry list: the session lookup, the page with its settings, the count', async () => {
    const counts = await measure();
    expect(counts['cleaning job list']).toBeLessThanOrEqual(counts['laundry order list']!);
  });
});
