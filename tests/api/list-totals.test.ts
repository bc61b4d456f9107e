import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { demoClientId, keysOf, serviceIds, workerId } from '../helpers/money-fixtures.js';
import { createClient } from '../helpers/people-fixtures.js';
import { createLaundryRepository } from '../../src/modules/laundry/laundry.repository.js';

type Agent = ReturnType<typeof supertest.agent>;

const STATUSES = ['cancelled', 'collected', 'delivered', 'in_progress', 'ready', 'received'] as const;
type Status = (typeof STATUSES)[number];
const CAP = 10_000;

interface Meta {
  total: number;
  totalCapped: boolean;
  limit: number;
  offset: number;
  count: number;
  nextCursor: string | null;
}

/**
 * A list's `_meta.total` (PRODUCT §6: exact up to 10 000, `totalCapped` beyond) is taken without a count
 * when a first page holds the whole list, from a capped count otherwise, and for the laundry list unfiltered
 * or filtered by status alone from per-status counts kept by triggers (migration order_status_counts).
 * Whatever writes the orders, and whichever page is asked for, the total must be what the rows say.
 */
describe('list totals', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let services: Record<string, number>;
  let demoClient: number;
  let workerOne: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    services = await serviceIds(t);
    demoClient = await demoClientId(t);
    workerOne = await workerId(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const ok = (res: supertest.Response, what: string) => {
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(200);
    return res;
  };

  async function take(body: Record<string, unknown> = {}): Promise<{ id: number; orderNumber: string; version: number }> {
    const res = await admin.post('/api/laundry-orders').send({ clientId: demoClient, orderType: 'itemized', lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }], ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data;
  }
  const toStatus = async (id: number, status: Status, note?: string) =>
    ok(await admin.post(`/api/laundry-orders/${id}/status`).send(note ? { status, note } : { status }), `${id} → ${status}`);
  const markReady = async (id: number) => ok(await admin.post(`/api/laundry-orders/${id}/mark-ready`).send({}), `${id} → ready`);
  const revert = async (id: number) => ok(await admin.post(`/api/laundry-orders/${id}/revert`).send({ reason: 'Marcado por engano' }), `${id} revert`);
  const cancel = (id: number) => toStatus(id, 'cancelled', 'Cliente desistiu');

  /** Orders per status as the rows say, every status present (0 where none). */
  async function ordersByStatus(): Promise<Record<Status, number>> {
    const { rows } = await t.db.query<{ status: Status; n: number }>(`SELECT status, count(*)::int AS n FROM laundry_orders GROUP BY status`);
    const truth = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const r of rows) truth[r.status] = r.n;
    return truth;
  }

  async function keptCounts(): Promise<Record<string, number>> {
    const { rows } = await t.db.query<{ status: string; orders: number }>(`SELECT status, orders::int AS orders FROM laundry_order_status_counts ORDER BY status`);
    return Object.fromEntries(rows.map((r) => [r.status, r.orders]));
  }

  /**
   * The kept table holds exactly the six statuses and equals `SELECT status, count(*) … GROUP BY status`;
   * the list's totals (unfiltered and per status, answered from it) say the same.
   */
  async function expectKeptCounts(step: string) {
    const truth = await ordersByStatus();
    expect(await keptCounts(), step).toEqual(truth);
    const all = Object.values(truth).reduce((a, b) => a + b, 0);
    const whole = ok(await admin.get('/api/laundry-orders?limit=1'), step).body._meta as Meta;
    expect({ total: whole.total, totalCapped: whole.totalCapped }, `${step}: unfiltered`).toEqual({ total: Math.min(all, CAP), totalCapped: all > CAP });
    const perStatus = await Promise.all(STATUSES.map((s) => admin.get(`/api/laundry-orders?status=${s}&limit=1`)));
    expect(
      Object.fromEntries(perStatus.map((r, i) => [STATUSES[i], (ok(r, step).body._meta as Meta).total])),
      `${step}: per-status totals`,
    ).toEqual(Object.fromEntries(STATUSES.map((s) => [s, Math.min(truth[s], CAP)])));
    return truth;
  }

  /** No row of a page carries the paging columns the page query added. */
  function expectNoPagingColumns(body: unknown, what: string) {
    const keys = keysOf(body);
    expect(keys.has('_sortValue') || keys.has('_sortId'), `${what} leaks paging columns`).toBe(false);
  }

  /**
   * Every way of reaching a list of `expected` (ids in list order) gives `total` = its length: one page
   * that is not full, one exactly full, one full with more behind it, every offset page of 2, the offset
   * right at the end and far past it, and each cursor page to the last.
   */
  async function expectPagingTotals(agent: Agent, base: string, query: string, expected: number[]) {
    const n = expected.length;
    const url = (paging: string) => `${base}?${[query, paging].filter(Boolean).join('&')}`;
    const get = async (paging: string) => {
      const res = ok(await agent.get(url(paging)), url(paging));
      expectNoPagingColumns(res.body, url(paging));
      return { ids: (res.body.data as Array<{ id: number }>).map((r) => r.id), meta: res.body._meta as Meta };
    };
    const expectTotal = (meta: Meta, paging: string) =>
      expect({ total: meta.total, totalCapped: meta.totalCapped }, url(paging)).toEqual({ total: n, totalCapped: false });

    const roomy = await get('limit=100');
    expectTotal(roomy.meta, 'limit=100');
    expect(roomy.ids, url('limit=100')).toEqual(expected);
    expect(roomy.meta.nextCursor).toBeNull();
    expect(roomy.meta.count).toBe(n);

    if (n < 10) {
      const notFull = await get('limit=10');
      expectTotal(notFull.meta, 'limit=10');
      expect(notFull.ids).toEqual(expected);
    }
    if (n > 0) {
      const exact = await get(`limit=${n}`);
      expectTotal(exact.meta, `limit=${n}`);
      expect(exact.ids).toEqual(expected);
      expect(exact.meta.nextCursor, url(`limit=${n}`)).toBeNull();
    }
    if (n > 1) {
      const short = await get(`limit=${n - 1}`);
      expectTotal(short.meta, `limit=${n - 1}`);
      expect(short.ids).toEqual(expected.slice(0, n - 1));
      expect(short.meta.nextCursor, url(`limit=${n - 1}`)).not.toBeNull();
    }

    const byOffset: number[] = [];
    for (let offset = 0; offset <= n; offset += 2) {
      const paging = `limit=2&offset=${offset}`;
      const page = await get(paging);
      expectTotal(page.meta, paging);
      expect(page.meta.offset).toBe(offset);
      expect(page.ids, url(paging)).toEqual(expected.slice(offset, offset + 2));
      byOffset.push(...page.ids);
    }
    expect(byOffset).toEqual(expected);
    for (const offset of [n, n + 1, 50]) {
      const paging = `limit=2&offset=${offset}`;
      const beyond = await get(paging);
      expect(beyond.ids, url(paging)).toEqual([]);
      expectTotal(beyond.meta, paging);
      expect(beyond.meta.nextCursor).toBeNull();
    }

    const byCursor: number[] = [];
    let page = await get('limit=2');
    expectTotal(page.meta, 'limit=2');
    byCursor.push(...page.ids);
    let pages = 1;
    while (page.meta.nextCursor) {
      const paging = `limit=2&cursor=${page.meta.nextCursor}`;
      page = await get(paging);
      expectTotal(page.meta, `cursor page ${pages + 1}`);
      expect(page.meta.offset).toBe(0);
      byCursor.push(...page.ids);
      pages += 1;
      expect(pages, 'cursor walk does not end').toBeLessThanOrEqual(n + 1);
    }
    expect(page.meta.nextCursor).toBeNull();
    expect(pages).toBe(Math.max(1, Math.ceil(n / 2)));
    expect(byCursor).toEqual(expected);
  }

  describe('kept order counts', () => {
    it('when nothing was ordered yet, then the kept table has all six statuses at zero', async () => {
      expect(Object.keys(await keptCounts()).sort()).toEqual([...STATUSES]);
      await expectKeptCounts('start');
    });

    it('when orders are taken one at a time and twelve at once, then the kept counts follow', async () => {
      await take();
      await expectKeptCounts('one order');
      const results = await Promise.all(
        Array.from({ length: 12 }, () => admin.post('/api/laundry-orders').send({ clientId: demoClient, orderType: 'itemized', lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
      const truth = await expectKeptCounts('twelve concurrent orders');
      expect(truth.received).toBeGreaterThanOrEqual(13);
    });

    it('when orders move through every status, are cancelled and reverted, then the kept counts follow each step', async () => {
      const a = await take();
      const b = await take({ deliveryRequested: true, deliveryAddress: 'Rua Augusta 10, 1100-053 Lisboa' });
      const c = await take();
      const d = await take();
      const e = await take();
      await expectKeptCounts('five more orders');

      // Three moves at once, from different requests.
      await Promise.all([toStatus(a.id, 'in_progress'), toStatus(b.id, 'in_progress'), toStatus(c.id, 'in_progress')]);
      await expectKeptCounts('three to in_progress at once');
      await markReady(a.id);
      await expectKeptCounts('a ready');
      await markReady(b.id);
      await Promise.all([toStatus(a.id, 'collected'), toStatus(b.id, 'delivered')]);
      await expectKeptCounts('a collected, b delivered');

      await cancel(d.id);
      await expectKeptCounts('d cancelled from received');
      await revert(d.id);
      expect((await admin.get(`/api/laundry-orders/${d.id}`)).body.data.status).toBe('received');
      await expectKeptCounts('cancellation of d reverted');

      await revert(a.id);
      expect((await admin.get(`/api/laundry-orders/${a.id}`)).body.data.status).toBe('ready');
      await expectKeptCounts('collection of a reverted');
      await toStatus(a.id, 'collected');
      await expectKeptCounts('a collected again');

      await markReady(c.id);
      await revert(c.id);
      expect((await admin.get(`/api/laundry-orders/${c.id}`)).body.data.status).toBe('in_progress');
      await expectKeptCounts('ready of c reverted');
      await cancel(c.id);
      await expectKeptCounts('c cancelled from in_progress');
      await toStatus(e.id, 'in_progress');
      await markReady(e.id);
      await expectKeptCounts('e ready');

      // A double tap: one change wins, the refused one rolls back and counts nothing.
      const [x, y] = await Promise.all([
        worker.post(`/api/laundry-orders/${d.id}/status`).send({ status: 'in_progress' }),
        admin.post(`/api/laundry-orders/${d.id}/status`).send({ status: 'in_progress' }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      await expectKeptCounts('racing changes on d');

      const truth = await ordersByStatus();
      for (const s of STATUSES) expect(truth[s], s).toBeGreaterThan(0);
    });

    it('when orders are edited, paid and assigned without a status change, then the kept counts do not move', async () => {
      const o = await take();
      const before = await keptCounts();
      const edited = await admin.patch(`/api/laundry-orders/${o.id}`).send({ version: o.version, discountCents: 100, internalNotes: 'Sem pressa', assignedWorkerId: workerOne });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const paid = await admin.post('/api/payments').send({ method: 'cash', laundryOrderId: o.id, amountCents: 300 });
      expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      expect(await keptCounts()).toEqual(before);
      await expectKeptCounts('edited and paid');
    });

    it('when a client with orders in several statuses is anonymised, then the orders and the kept counts stay exact', async () => {
      const { client: gone } = await createClient(admin, { name: 'Teresa Anónima' });
      const mine = [await take({ clientId: gone.id }), await take({ clientId: gone.id }), await take({ clientId: gone.id, deliveryRequested: true, deliveryAddress: 'Rua do Ouro 5, Lisboa' })];
      await toStatus(mine[1]!.id, 'in_progress');
      await cancel(mine[2]!.id);
      await expectKeptCounts('orders of the client to anonymise');
      const before = await ordersByStatus();

      const res = await admin.post(`/api/clients/${gone.id}/anonymise`).send({ confirm: true });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(await expectKeptCounts('after anonymisation')).toEqual(before);
      const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_orders WHERE client_id = $1`, [gone.id]);
      expect(rows[0]!.n).toBe(3);
      const listed = ok(await admin.get(`/api/laundry-orders?clientId=${gone.id}`), 'orders of the anonymised client');
      expect(listed.body._meta.total).toBe(3);
      expect(listed.body.data.map((o: { id: number }) => o.id).sort((p: number, q: number) => p - q)).toEqual(mine.map((o) => o.id).sort((p, q) => p - q));
    });

    it('when SQL inserts, updates and deletes many orders in one statement, then the statement-level triggers count every row', async () => {
      const { rows: inserted } = await t.db.query<{ id: number; status: Status }>(
        `INSERT INTO laundry_orders (order_number, order_day, client_id, order_type, status, delivery_fee_cents, vat_rate_bp, cancelled_at, cancel_reason)
         SELECT 'LDR-20190301-' || lpad(g::text, greatest(3, length(g::text)), '0'), DATE '2019-03-01', $1, 'itemized', s.status, 500, 2300,
                CASE WHEN s.status = 'cancelled' THEN now() END, CASE WHEN s.status = 'cancelled' THEN 'Teste' END
           FROM generate_series(1, 24) g, LATERAL (SELECT (ARRAY['received', 'in_progress', 'ready', 'cancelled'])[1 + g % 4] AS status) s
         RETURNING id, status`,
        [demoClient],
      );
      await t.db.query(`INSERT INTO laundry_order_counters (day, last_number) VALUES ('2019-03-01', 24)`);
      expect(inserted).toHaveLength(24);
      await expectKeptCounts('24 orders of four statuses in one INSERT');

      // Every received order goes in progress and every in-progress one back, in one statement.
      const swapped = await t.db.query(
        `UPDATE laundry_orders SET status = CASE status WHEN 'received' THEN 'in_progress' ELSE 'received' END
          WHERE status IN ('received', 'in_progress')`,
      );
      expect(swapped.rowCount).toBeGreaterThan(10);
      await expectKeptCounts('received and in_progress swapped in one UPDATE');

      const unchanged = await keptCounts();
      await t.db.query(`UPDATE laundry_orders SET status = status, updated_at = now()`);
      expect(await keptCounts()).toEqual(unchanged);
      await expectKeptCounts('UPDATE of every order keeping its status');

      await t.db.query(`UPDATE laundry_orders SET status = 'ready' WHERE id = ANY($1::bigint[]) AND status = 'received'`, [inserted.map((o) => o.id)]);
      await expectKeptCounts('several of the inserted orders made ready in one UPDATE');

      // Two statements on different orders at once, touching the same statuses.
      const halves = [inserted.filter((_, i) => i % 2 === 0), inserted.filter((_, i) => i % 2 === 1)].map((h) => h.map((o) => o.id));
      await Promise.all(
        halves.map((ids, i) =>
          t.db.query(
            `UPDATE laundry_orders SET status = $2::text, collected_at = CASE WHEN $2::text = 'collected' THEN now() END
              WHERE id = ANY($1::bigint[]) AND status <> 'cancelled'`,
            [ids, i === 0 ? 'collected' : 'in_progress'],
          ),
        ),
      );
      await expectKeptCounts('two concurrent multi-row UPDATEs');

      // A statement rolled back leaves the counts as they were.
      const beforeRollback = await keptCounts();
      await expect(
        t.db.transaction(async (tx) => {
          await tx.query(`UPDATE laundry_orders SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'x' WHERE id = ANY($1::bigint[])`, [halves[0]]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await keptCounts()).toEqual(beforeRollback);

      const deleted = await t.db.query(`DELETE FROM laundry_orders WHERE id = ANY($1::bigint[])`, [inserted.slice(0, 15).map((o) => o.id)]);
      expect(deleted.rowCount).toBe(15);
      await expectKeptCounts('15 orders of mixed statuses in one DELETE');
    });

    it('when the orders are truncated, then every kept count is zero and new orders count from there', async () => {
      await t.db.query(`TRUNCATE laundry_orders CASCADE`);
      expect(await keptCounts()).toEqual(Object.fromEntries(STATUSES.map((s) => [s, 0])));
      await expectKeptCounts('truncated');
      await take();
      await expectKeptCounts('one order after the truncation');
    });
  });

  describe('laundry order list totals', () => {
    let clientA: number;
    let clientB: number;
    let fromA: number[];
    let fromB: number[];

    /** Ids of the orders matching `where`, in the list's default order (newest first). */
    async function idsWhere(where = 'true', values: unknown[] = [], order = 'o.created_at DESC, o.id DESC'): Promise<number[]> {
      const { rows } = await t.db.query<{ id: string }>(`SELECT o.id FROM laundry_orders o WHERE ${where} ORDER BY ${order}`, values);
      return rows.map((r) => Number(r.id));
    }

    beforeAll(async () => {
      await t.db.query(`TRUNCATE laundry_orders CASCADE`);
      // A: the demo client, whose own list (signed in) must count only theirs; five orders on 10 February,
      // all assigned to worker1. B: three orders on 15 January, none assigned.
      clientA = demoClient;
      clientB = (await createClient(admin, { name: 'Bernardo Quintela' })).client.id;
      const taken = async (at: string, body: Record<string, unknown>, count: number) => {
        t.clock.set(at);
        try {
          const ids: number[] = [];
          for (let i = 0; i < count; i++) ids.push((await take(body)).id);
          return ids;
        } finally {
          t.clock.set(new Date());
        }
      };
      fromB = await taken('2026-01-15T12:00:00Z', { clientId: clientB }, 3);
      fromA = await taken('2026-02-10T12:00:00Z', { clientId: clientA, assignedWorkerId: workerOne }, 5);
      // ready: A ×3, B ×2; collected: A ×2; received: B ×1 — eight orders.
      for (const id of [...fromA, ...fromB.slice(0, 2)]) {
        await toStatus(id, 'in_progress');
        await markReady(id);
      }
      for (const id of fromA.slice(3)) await toStatus(id, 'collected');
      await expectKeptCounts('list fixture');
    });

    it('when the list is unfiltered or filtered by status only, then every page’s total is the exact count (kept counts)', async () => {
      expect(await idsWhere()).toHaveLength(8);
      await expectPagingTotals(admin, '/api/laundry-orders', '', await idsWhere());
      await expectPagingTotals(admin, '/api/laundry-orders', 'status=ready', await idsWhere(`o.status = 'ready'`));
      expect(await idsWhere(`o.status = 'ready'`)).toHaveLength(5);
      await expectPagingTotals(admin, '/api/laundry-orders', 'status=ready,collected', await idsWhere(`o.status IN ('ready', 'collected')`));
      await expectPagingTotals(admin, '/api/laundry-orders', 'status=received', await idsWhere(`o.status = 'received'`));
      await expectPagingTotals(worker, '/api/laundry-orders', 'status=ready', await idsWhere(`o.status = 'ready'`));
    });

    it('when the list is filtered by client, text, dates or assignee, then every page’s total is the exact count (capped count)', async () => {
      const cases: Array<[string, string, unknown[]]> = [
        [`clientId=${clientA}`, 'o.client_id = $1', [clientA]],
        [`clientId=${clientB}`, 'o.client_id = $1', [clientB]],
        ['q=quintela', 'o.client_id = $1', [clientB]],
        ['from=2026-02-01', `o.order_day >= DATE '2026-02-01'`, []],
        ['to=2026-01-31', `o.order_day <= DATE '2026-01-31'`, []],
        ['from=2026-01-15&to=2026-02-10', `o.order_day BETWEEN DATE '2026-01-15' AND DATE '2026-02-10'`, []],
        [`assignedWorkerId=${workerOne}`, 'o.assigned_worker_id = $1', [workerOne]],
        [`status=ready&clientId=${clientA}`, `o.status = 'ready' AND o.client_id = $1`, [clientA]],
        [`status=ready,received&clientId=${clientB}`, `o.status IN ('ready', 'received') AND o.client_id = $1`, [clientB]],
      ];
      for (const [query, where, values] of cases) {
        const expected = await idsWhere(where, values);
        expect(expected.length, query).toBeGreaterThan(0);
        await expectPagingTotals(admin, '/api/laundry-orders', query, expected);
      }
      expect(await idsWhere('o.client_id = $1', [clientA])).toHaveLength(5);
      expect(await idsWhere(`o.order_day >= DATE '2026-02-01'`)).toHaveLength(5);
      expect(await idsWhere('o.assigned_worker_id = $1', [workerOne])).toHaveLength(5);

      const { rows } = await t.db.query<{ order_number: string; id: string }>(`SELECT id, order_number FROM laundry_orders WHERE id = $1`, [fromB[2]]);
      await expectPagingTotals(admin, '/api/laundry-orders', `q=${rows[0]!.order_number}`, [Number(rows[0]!.id)]);
    });

    it('when a client lists their own orders with or without a status, then the total counts only theirs', async () => {
      await expectPagingTotals(client, '/api/laundry-orders', '', await idsWhere('o.client_id = $1', [clientA]));
      await expectPagingTotals(client, '/api/laundry-orders', 'status=ready', await idsWhere(`o.client_id = $1 AND o.status = 'ready'`, [clientA]));
      await expectPagingTotals(client, '/api/laundry-orders', 'status=received', []);
    });

    it('when nothing matches, then the total is 0 on every page', async () => {
      for (const query of ['status=cancelled', 'status=delivered,cancelled', `status=collected&clientId=${clientB}`, 'q=ninguem-com-este-nome', 'from=2030-01-01', `assignedWorkerId=${workerOne}&clientId=${clientB}`]) {
        await expectPagingTotals(admin, '/api/laundry-orders', query, []);
      }
    });

    it('when pages are sorted by any key, then the late-joined rows keep the order and carry the client and worker names', async () => {
      const names = await t.db.query<{ id: string; client: string; worker: string | null }>(
        `SELECT o.id, c.name AS client, w.name AS worker FROM laundry_orders o JOIN clients c ON c.id = o.client_id LEFT JOIN users w ON w.id = o.assigned_worker_id`,
      );
      const byId = new Map(names.rows.map((r) => [Number(r.id), r]));
      const sorts: Array<[string, string]> = [
        ['-createdAt', 'o.created_at DESC, o.id DESC'],
        ['createdAt', 'o.created_at, o.id'],
        ['orderNumber', 'o.order_number, o.id'],
        ['-orderNumber', 'o.order_number DESC, o.id DESC'],
        ['total', 'o.total_cents, o.id'],
        ['-expectedReadyDate', `COALESCE(o.expected_ready_date, DATE '9999-12-31') DESC, o.id DESC`],
      ];
      for (const [sort, order] of sorts) {
        await expectPagingTotals(admin, '/api/laundry-orders', `sort=${sort}`, await idsWhere('true', [], order));
        await expectPagingTotals(admin, '/api/laundry-orders', `sort=${sort}&status=ready`, await idsWhere(`o.status = 'ready'`, [], order));
      }

      for (const agent of [admin, worker]) {
        for (const query of ['', 'status=ready', `clientId=${clientB}`]) {
          const res = ok(await agent.get(`/api/laundry-orders?limit=3&${query}`), query);
          expect(res.body.data).toHaveLength(3);
          for (const row of res.body.data as Array<{ id: number; client: { id: number; name: string }; assignedWorker: { id: number; name: string } | null }>) {
            const want = byId.get(row.id)!;
            expect(row.client.name, `order ${row.id} (${query})`).toBe(want.client);
            expect(row.assignedWorker?.name ?? null, `order ${row.id} (${query})`).toBe(want.worker);
          }
        }
      }
      const assigned = ok(await admin.get(`/api/laundry-orders?clientId=${clientA}`), 'assigned').body.data as Array<{ assignedWorker: { id: number; name: string } | null; client: { name: string } }>;
      expect(assigned.every((o) => o.assignedWorker?.id === workerOne && o.assignedWorker.name.length > 0)).toBe(true);
      const unassigned = ok(await admin.get(`/api/laundry-orders?clientId=${clientB}`), 'unassigned').body.data as Array<{ assignedWorker: unknown; client: { name: string } }>;
      expect(unassigned.map((o) => [o.client.name, o.assignedWorker])).toEqual([
        ['Bernardo Quintela', null],
        ['Bernardo Quintela', null],
        ['Bernardo Quintela', null],
      ]);
    });

    it('when the repository returns a page, then its rows carry no paging columns', async () => {
      const repo = createLaundryRepository(t.db);
      for (const [filters, page] of [
        [{}, { limit: 2, offset: 0, sort: '-createdAt' }],
        [{ status: ['ready'] }, { limit: 100, offset: 0, sort: 'total' }],
        [{ clientId: clientB }, { limit: 2, offset: 2, sort: 'orderNumber' }],
      ] as const) {
        const result = await repo.listOrders({ ...filters } as never, { ...page });
        expect(result.items.length).toBeGreaterThan(0);
        for (const row of result.items) {
          expect(Object.keys(row)).not.toContain('_sortValue');
          expect(Object.keys(row)).not.toContain('_sortId');
          expect((row as { client_name: string }).client_name).toBeTruthy();
        }
      }
    });
  });

  describe('a list without a kept total (clients)', () => {
    let created: number[];

    async function clientIds(where = 'true', values: unknown[] = []): Promise<number[]> {
      const { rows } = await t.db.query<{ id: string }>(`SELECT c.id FROM clients c WHERE ${where} ORDER BY lower(c.name), c.id`, values);
      return rows.map((r) => Number(r.id));
    }

    beforeAll(async () => {
      created = [];
      for (const name of ['Zacarias Totalista', 'Zélia Totalista', 'Zulmira Totalista', 'Zeferino Totalista', 'Zita Totalista']) {
        created.push((await createClient(admin, { name })).client.id);
      }
      expect(created).toHaveLength(5);
    });

    it('when clients are searched, unfiltered or none match, then each page’s total is the exact count', async () => {
      const matching = await clientIds(`c.name ILIKE '%totalista%'`);
      expect(matching.sort((a, b) => a - b)).toEqual([...created].sort((a, b) => a - b));
      await expectPagingTotals(admin, '/api/clients', 'search=totalista', await clientIds(`c.name ILIKE '%totalista%'`));
      await expectPagingTotals(admin, '/api/clients', '', await clientIds());
      await expectPagingTotals(admin, '/api/clients', 'active=true', await clientIds('c.is_active'));
      await expectPagingTotals(admin, '/api/clients', 'search=ninguem-assim', []);
    });

    it('when a client is deactivated between pages, then the next page’s total counts again', async () => {
      const first = ok(await admin.get('/api/clients?search=totalista&active=true&limit=2'), 'first page');
      expect(first.body._meta.total).toBe(5);
      expect((await admin.post(`/api/clients/${created[4]}/deactivate`)).status).toBe(200);
      const next = ok(await admin.get(`/api/clients?search=totalista&active=true&limit=2&cursor=${first.body._meta.nextCursor}`), 'cursor page');
      expect(next.body._meta.total).toBe(4);
      const offset = ok(await admin.get('/api/clients?search=totalista&active=true&limit=2&offset=2'), 'offset page');
      expect(offset.body._meta.total).toBe(4);
    });
  });

  describe('the cap', () => {
    let bulkClient: number;

    const meta = async (query: string, agent: Agent = admin) => {
      const res = ok(await agent.get(`/api/laundry-orders?${query}`), query);
      expectNoPagingColumns(res.body, query);
      return { ...(res.body._meta as Meta), ids: (res.body.data as Array<{ id: number }>).map((r) => r.id) };
    };
    const capped = { total: CAP, totalCapped: true };
    const exact = (total: number) => ({ total, totalCapped: false });
    const totalOf = (m: Meta) => ({ total: m.total, totalCapped: m.totalCapped });

    beforeAll(async () => {
      bulkClient = (
        await t.db.query<{ id: number }>(
          `INSERT INTO clients (phone, password_hash, name, must_change_password) VALUES ('+351966777001', 'x', 'Volumoso Grossista', false) RETURNING id`,
        )
      ).rows[0]!.id;
      // 10 000 orders on 1 January 2020 and 41 on the 2nd (1 received, 40 cancelled), each day's numbers
      // continuing in laundry_order_counters so the API never hands out one of them again.
      await t.db.query(
        `INSERT INTO laundry_orders (order_number, order_day, client_id, order_type, status, delivery_fee_cents, vat_rate_bp)
         SELECT 'LDR-20200101-' || lpad(g::text, greatest(3, length(g::text)), '0'), DATE '2020-01-01', $1, 'bulk_kg', 'received', 500, 2300 FROM generate_series(1, 10000) g`,
        [bulkClient],
      );
      await t.db.query(
        `INSERT INTO laundry_orders (order_number, order_day, client_id, order_type, status, delivery_fee_cents, vat_rate_bp, cancelled_at, cancel_reason)
         SELECT 'LDR-20200102-' || lpad(g::text, greatest(3, length(g::text)), '0'), DATE '2020-01-02', $1, 'bulk_kg', CASE WHEN g = 1 THEN 'received' ELSE 'cancelled' END, 500, 2300,
                CASE WHEN g > 1 THEN now() END, CASE WHEN g > 1 THEN 'Volume' END
           FROM generate_series(1, 41) g`,
        [bulkClient],
      );
      await t.db.query(`INSERT INTO laundry_order_counters (day, last_number) VALUES ('2020-01-01', 10000), ('2020-01-02', 41)`);
      const numbers = await t.db.query<{ n: number; distinct: number }>(`SELECT count(*)::int AS n, count(DISTINCT order_number)::int AS distinct FROM laundry_orders`);
      expect(numbers.rows[0]!.distinct).toBe(numbers.rows[0]!.n);
    });

    it('when more than 10 000 orders exist, then the kept counts are exact and the unfiltered and status totals are capped', async () => {
      const truth = await expectKeptCounts('10 041 orders inserted in two statements');
      expect(truth.received).toBeGreaterThan(CAP);
      expect(truth.cancelled).toBe(40);

      expect(totalOf(await meta(''))).toEqual(capped);
      expect(totalOf(await meta('status=received'))).toEqual(capped);
      expect(totalOf(await meta('status=received,cancelled&limit=5'))).toEqual(capped);
      expect(totalOf(await meta('status=cancelled'))).toEqual(exact(40));
      expect(totalOf(await meta('status=cancelled&limit=10&offset=30'))).toEqual(exact(40));
      expect(totalOf(await meta('status=ready&limit=2'))).toEqual(exact(truth.ready));
      expect(totalOf(await meta('status=ready,collected&limit=2'))).toEqual(exact(truth.ready + truth.collected));

      const first = await meta('limit=100');
      expect(first.ids).toHaveLength(100);
      const second = await meta(`limit=100&cursor=${first.nextCursor}`);
      expect(totalOf(second)).toEqual(capped);
      expect(second.ids).toHaveLength(100);
      expect(totalOf(await meta('limit=100&offset=10000'))).toEqual(capped);
      // The worker's list is answered the same way.
      expect(totalOf(await meta('status=received&limit=1', worker))).toEqual(capped);
    });

    it('when a filter that is not status-only matches more than 10 000 orders, then its count stops at the cap', async () => {
      expect(totalOf(await meta(`clientId=${bulkClient}`))).toEqual(capped);
      expect(totalOf(await meta(`clientId=${bulkClient}&status=received`))).toEqual(capped);
      expect(totalOf(await meta('q=grossista&limit=10'))).toEqual(capped);
      expect(totalOf(await meta('to=2020-01-02'))).toEqual(capped);

      const first = await meta(`clientId=${bulkClient}&limit=100`);
      expect(totalOf(await meta(`clientId=${bulkClient}&limit=100&cursor=${first.nextCursor}`))).toEqual(capped);

      // The last page of a capped list, reached by offset: 41 rows after the first 10 000.
      const tail = await meta(`clientId=${bulkClient}&limit=100&offset=10000`);
      expect(tail.ids).toHaveLength(41);
      expect(tail.nextCursor).toBeNull();
      expect(totalOf(tail)).toEqual(capped);

      // Exactly at the cap is still exact, on the first page, on an offset page and past the end.
      expect(totalOf(await meta('from=2020-01-01&to=2020-01-01&limit=10'))).toEqual(exact(CAP));
      const last = await meta('from=2020-01-01&to=2020-01-01&limit=100&offset=9950');
      expect(last.ids).toHaveLength(50);
      expect(totalOf(last)).toEqual(exact(CAP));
      const beyond = await meta('from=2020-01-01&to=2020-01-01&limit=100&offset=10000');
      expect(beyond.ids).toEqual([]);
      expect(totalOf(beyond)).toEqual(exact(CAP));

      expect(totalOf(await meta(`from=2020-01-02&to=2020-01-02&limit=10`))).toEqual(exact(41));
      expect(totalOf(await meta(`clientId=${bulkClient}&status=cancelled&limit=7&offset=14`))).toEqual(exact(40));
    });

    it('when orders are deleted down to exactly 10 000 in one statement, then the kept total is exact at the cap and below it', async () => {
      const received = (await ordersByStatus()).received;
      const surplus = received - CAP;
      expect(surplus).toBeGreaterThan(0);
      const deleted = await t.db.query(
        `DELETE FROM laundry_orders WHERE id IN (SELECT id FROM laundry_orders WHERE client_id = $1 AND status = 'received' ORDER BY id DESC LIMIT $2)`,
        [bulkClient, surplus],
      );
      expect(deleted.rowCount).toBe(surplus);
      await expectKeptCounts('received deleted down to the cap');
      expect(totalOf(await meta('status=received&limit=1'))).toEqual(exact(CAP));
      expect(totalOf(await meta(''))).toEqual(capped);

      await t.db.query(`DELETE FROM laundry_orders WHERE id = (SELECT max(id) FROM laundry_orders WHERE client_id = $1 AND status = 'received')`, [bulkClient]);
      expect(totalOf(await meta('status=received&limit=1'))).toEqual(exact(CAP - 1));

      // 9 000 of them move on in one statement.
      await t.db.query(`UPDATE laundry_orders SET status = 'in_progress' WHERE id IN (SELECT id FROM laundry_orders WHERE client_id = $1 AND status = 'received' ORDER BY id LIMIT 9000)`, [
        bulkClient,
      ]);
      const truth = await expectKeptCounts('9 000 received moved to in_progress in one UPDATE');
      expect(truth.in_progress).toBeGreaterThanOrEqual(9000);
      expect(totalOf(await meta('status=in_progress&limit=3&offset=6'))).toEqual(exact(truth.in_progress));
      expect(totalOf(await meta('status=received,in_progress&limit=3'))).toEqual(exact(truth.received + truth.in_progress));
    });
  });
});
