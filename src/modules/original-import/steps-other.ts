import { SETTINGS } from '../../contracts/settings.js';
import * as convert from './convert.js';
import { date, num, str, type Step, type StepContext } from './step.js';
import type { Source, SourceRow } from './source.js';

interface PaymentTarget {
  laundryOrderId: number | null;
  cleaningJobId: number | null;
  clientId: number;
}

async function paymentTarget(ctx: StepContext, line: 'laundry' | 'cleaning', originalId: number | null): Promise<PaymentTarget | null> {
  const id = ctx.ids.get(line === 'laundry' ? 'laundry_order' : 'cleaning_job', originalId);
  if (id === undefined) return null;
  const { rows } = await ctx.tx.query<{ client_id: number }>(`SELECT client_id FROM ${line === 'laundry' ? 'laundry_orders' : 'cleaning_jobs'} WHERE id = $1`, [id]);
  return { laundryOrderId: line === 'laundry' ? id : null, cleaningJobId: line === 'cleaning' ? id : null, clientId: rows[0]!.client_id };
}

/** One payment row of any of the earlier layouts, as a payment here (gross amount, its document, who took it). */
async function importPayment(ctx: StepContext, r: SourceRow, entity: string, line: 'laundry' | 'cleaning' | null, documentId: number | null) {
  await ctx.row(r.id, async () => {
    if (r.twin) return { skipped: 'the same payment is in the payments table (copied by the earlier system’s own migration)' };
    if (!line) return { skipped: 'not linked to an order or a job' };
    const target = await paymentTarget(ctx, line, documentId);
    if (!target) return { skipped: `its ${line === 'laundry' ? 'order' : 'job'} was not imported` };
    const amount = convert.cents(str(r, 'amount'));
    if (amount === null || amount <= 0) return { skipped: 'amount is not positive' };
    if (amount > 10_000_000) return { skipped: 'amount above 100 000 €' };
    const paidAt = date(r, 'payment_date') ?? date(r, 'created_at') ?? new Date();
    const { rows: made } = await ctx.tx.query<{ id: number }>(
      `INSERT INTO payments (kind, client_id, laundry_order_id, cleaning_job_id, amount_cents, method, paid_at, notes, created_by, created_at)
       VALUES ('payment', $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [target.clientId, target.laundryOrderId, target.cleaningJobId, amount, convert.paymentMethod(str(r, 'payment_method')), paidAt,
        convert.text(str(r, 'notes'), 500), ctx.ids.get('user', num(r, 'created_by')) ?? ctx.fallbackStaffId, date(r, 'created_at') ?? paidAt],
    );
    await ctx.ids.set(entity, r.id, made[0]!.id);
    return 'imported';
  });
}

const paymentColumns = (s: Source, table: string, columns: string[]) =>
  ['t.id', 't.amount', ...columns.map((c) => s.col(table, c)), s.ts(table, 'payment_date'), s.ts(table, 'created_at')].join(', ');

/** The V2 unified table (service_type with one of two links), or the legacy polymorphic one (order_type, order_id). */
export const paymentsStep: Step = {
  entity: 'payment',
  table: 'payments',
  optional: true,
  select: (s) => paymentColumns(s, 'payments', ['service_type', 'cleaning_job_id', 'laundry_order_id', 'order_type', 'order_id', 'payment_method', 'notes', 'created_by']),
  async importRows(ctx, rows) {
    for (const r of rows) {
      const kind = str(r, 'service_type') ?? str(r, 'order_type');
      const line = kind === 'laundry' ? 'laundry' : kind === 'cleaning' || kind === 'airbnb' ? 'cleaning' : null;
      const documentId = line === 'laundry' ? (num(r, 'laundry_order_id') ?? num(r, 'order_id')) : (num(r, 'cleaning_job_id') ?? num(r, 'order_id'));
      await importPayment(ctx, r, 'payment', line, documentId);
    }
  },
};

/** A split-table row that the unified table also has (same document, amount and date) is that payment, once. */
function splitPaymentsStep(table: 'payments_cleaning' | 'payments_laundry'): Step {
  const line = table === 'payments_cleaning' ? 'cleaning' : 'laundry';
  const link = line === 'cleaning' ? 'cleaning_job_id' : 'laundry_order_id';
  // The map keeps each table's ids apart (payment 1 and payments_cleaning 1 are different rows).
  const entity = `payment_${line}`;
  return {
    entity,
    table,
    optional: true,
    select: (s) => {
      const twin = s.has('payments', 'service_type')
        ? `EXISTS (SELECT 1 FROM payments p WHERE p.${link} = t.${link} AND p.amount = t.amount AND p.payment_date = t.payment_date) AS twin`
        : 'false AS twin';
      return `${paymentColumns(s, table, [link, 'payment_method', 'notes'])}, ${twin}`;
    },
    async importRows(ctx, rows) {
      for (const r of rows) await importPayment(ctx, r, entity, line, num(r, link));
    },
  };
}
export const paymentsCleaningStep = splitPaymentsStep('payments_cleaning');
export const paymentsLaundryStep = splitPaymentsStep('payments_laundry');

export const ticketsStep: Step = {
  entity: 'ticket',
  table: 'tickets',
  optional: true,
  select: (s) =>
    [
      't.id', 't.title', 't.description', 't.created_by',
      ...['service_type', 'order_type', 'order_id', 'cleaning_job_id', 'laundry_order_id', 'priority', 'status', 'assigned_to', 'resolved_by', 'notes'].map((c) =>
        s.col('tickets', c),
      ),
      ...['resolved_at', 'created_at', 'updated_at'].map((c) => s.ts('tickets', c)),
    ].join(', '),
  async importRows(ctx, rows) {
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const author = ctx.ids.get('user', num(r, 'created_by'));
        if (author === undefined) return { skipped: 'its author was not imported' };
        const status = str(r, 'status') ?? 'open';
        if (!convert.TICKET_STATUSES.has(status)) return { skipped: `unknown status ${status}` };
        const kind = str(r, 'service_type') ?? str(r, 'order_type');
        const orderId = kind === 'laundry' ? (num(r, 'laundry_order_id') ?? num(r, 'order_id')) : null;
        const jobId = kind === 'cleaning' || kind === 'airbnb' ? (num(r, 'cleaning_job_id') ?? num(r, 'order_id')) : null;
        const laundryOrderId = orderId === null ? null : (ctx.ids.get('laundry_order', orderId) ?? null);
        const cleaningJobId = jobId === null ? null : (ctx.ids.get('cleaning_job', jobId) ?? null);
        if ((orderId !== null && laundryOrderId === null) || (jobId !== null && cleaningJobId === null)) {
          ctx.report.notes.push({ id: r.id, note: 'its order or job was not imported: kept without the link' });
        }
        const created = date(r, 'created_at') ?? new Date();
        const updated = date(r, 'updated_at') ?? created;
        const done = status === 'resolved' || status === 'closed';
        const priority = str(r, 'priority') ?? 'medium';
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO tickets (title, description, priority, status, created_by, assigned_to, laundry_order_id, cleaning_job_id, resolved_at, resolved_by,
                                resolution, closed_at, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
          [convert.text(str(r, 'title'), 200) ?? '—', convert.text(str(r, 'description'), 10_000) ?? '—', convert.TICKET_PRIORITIES.has(priority) ? priority : 'medium',
            status, author, ctx.ids.get('user', num(r, 'assigned_to')) ?? null, laundryOrderId, cleaningJobId,
            done ? (date(r, 'resolved_at') ?? updated) : null, done ? (ctx.ids.get('user', num(r, 'resolved_by')) ?? null) : null,
            convert.text(str(r, 'notes'), 2000), status === 'closed' ? (date(r, 'resolved_at') ?? updated) : null, created, updated],
        );
        await ctx.ids.set('ticket', r.id, made[0]!.id);
        return 'imported';
      });
    }
  },
};

/** Only "laundry ready" was ever written by the earlier system; it becomes this system's laundry.ready. */
export const notificationsStep: Step = {
  entity: 'notification',
  table: 'job_notifications',
  optional: true,
  select: (s) =>
    ['t.id', 't.user_id', 't.client_id', 't.notification_type', 't.laundry_order_id', s.ts('job_notifications', 'read_at'), s.ts('job_notifications', 'created_at')].join(', '),
  async importRows(ctx, rows) {
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        if (str(r, 'notification_type') !== 'laundry_ready') return { skipped: `type ${str(r, 'notification_type')} has no equivalent here` };
        const orderId = ctx.ids.get('laundry_order', num(r, 'laundry_order_id'));
        if (orderId === undefined) return { skipped: 'its order was not imported' };
        const clientId = ctx.ids.get('client', num(r, 'client_id')) ?? null;
        const userId = clientId === null ? (ctx.ids.get('user', num(r, 'user_id')) ?? null) : null;
        if (clientId === null && userId === null) return { skipped: 'its recipient was not imported' };
        const { rows: order } = await ctx.tx.query<{ order_number: string; delivery_requested: boolean }>(
          `SELECT order_number, delivery_requested FROM laundry_orders WHERE id = $1`,
          [orderId],
        );
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO notifications (user_id, client_id, type, params, link, read_at, created_at) VALUES ($1, $2, 'laundry.ready', $3, $4, $5, $6) RETURNING id`,
          [userId, clientId, { orderNumber: order[0]!.order_number, deliveryRequested: order[0]!.delivery_requested },
            clientId !== null ? `/client/laundry/${orderId}` : `/laundry/${orderId}`, date(r, 'read_at'), date(r, 'created_at') ?? new Date()],
        );
        await ctx.ids.set('notification', r.id, made[0]!.id);
        return 'imported';
      });
    }
  },
};

/** The earlier system's settings that have an equivalent here, and how their text becomes our value. */
const SETTING_MAP: Record<string, { key: keyof typeof SETTINGS; value: (text: string) => number | null }> = {
  vat_rate: { key: 'vatRateBasisPoints', value: (t) => convert.basisPoints(t) },
  delivery_fee: { key: 'deliveryFeeCents', value: (t) => convert.cents(t) },
};
const NOT_MAPPED: Record<string, string> = {
  cleaning_rate_30min:
    'not applied: the earlier system billed each job at its own hourly rate (kept on every job); set the default hourly rate in Settings',
};

export const settingsStep: Step = {
  entity: 'setting',
  table: 'system_settings',
  optional: true,
  select: () => 't.id, t.setting_key, t.setting_value',
  async importRows(ctx, rows) {
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const key = str(r, 'setting_key') ?? '';
        const mapped = SETTING_MAP[key];
        if (!mapped) return { skipped: NOT_MAPPED[key] ?? `no setting ${key} here` };
        const value = mapped.value(str(r, 'setting_value') ?? '');
        const parsed = SETTINGS[mapped.key].schema.safeParse(value);
        if (!parsed.success) return { skipped: `value ${str(r, 'setting_value')} is not valid here` };
        // A value set here already is the business's current choice and stays.
        const { rowCount } = await ctx.tx.query(`INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO NOTHING`, [
          mapped.key, JSON.stringify(parsed.data),
        ]);
        if (!rowCount) ctx.report.notes.push({ id: r.id, note: `${mapped.key} already set here: kept` });
        await ctx.ids.set('setting', r.id, r.id);
        return rowCount ? 'imported' : 'matched';
      });
    }
  },
};
