import type { Queryable } from '../../db/pool.js';
import type { PaymentMethodValue, ServiceLineValue } from '../../contracts/payments.js';

/**
 * Read-only finance queries. Revenue and VAT use the accrual instant of PRODUCT §4 — a laundry order's
 * collection or delivery, a cleaning job's completion — always as the half-open interval [start, end)
 * of Lisbon midnights computed by the caller, so the indexes on those expressions serve them.
 */

export const LAUNDRY_ACCRUED = `o.status IN ('collected', 'delivered')`;
export const LAUNDRY_ACCRUAL = `COALESCE(o.collected_at, o.delivered_at)`;
export const CLEANING_ACCRUED = `j.status = 'completed'`;

export interface RateRow {
  line: ServiceLineValue;
  rate: number;
  documents: number;
  subtotal: number;
  vat: number;
  total: number;
}

export interface LaundryServiceRow {
  code: string;
  name: string;
  name_en: string;
  pricing_unit: 'per_kg' | 'per_item';
  documents: number;
  grams: number;
  items: number;
  net: number;
}

export interface AdjustmentRow {
  documents_delivery: number;
  delivery: number;
  documents_extra: number;
  extra: number;
  documents_discount: number;
  discount: number;
}

export interface CleaningTypeRow {
  job_type: 'airbnb' | 'house';
  documents: number;
  minutes: number;
  net: number;
}

export interface CashRow {
  method: PaymentMethodValue;
  line: ServiceLineValue;
  n: number;
  payments: number;
  refunds: number;
  tips: number;
}

export interface TimesheetRow {
  worker_id: number;
  worker_name: string;
  jobs: number;
  logs: number;
  minutes: number;
  open_logs: number;
  flagged: number;
}

export function createReportsRepository() {
  return {
    /** Documents, subtotal, VAT and total per service line and VAT rate, accrued in [start, end). */
    async vatByRate(q: Queryable, start: Date, end: Date): Promise<RateRow[]> {
      const { rows } = await q.query<RateRow>(
        `SELECT 'laundry' AS line, o.vat_rate_bp AS rate, count(*)::int AS documents, COALESCE(sum(o.subtotal_cents), 0)::int AS subtotal,
                COALESCE(sum(o.vat_cents), 0)::int AS vat, COALESCE(sum(o.total_cents), 0)::int AS total
           FROM laundry_orders o
          WHERE ${LAUNDRY_ACCRUED} AND ${LAUNDRY_ACCRUAL} >= $1 AND ${LAUNDRY_ACCRUAL} < $2
          GROUP BY o.vat_rate_bp
         UNION ALL
         SELECT 'cleaning', j.vat_rate_bp, count(*)::int, COALESCE(sum(j.subtotal_cents), 0)::int, COALESCE(sum(j.vat_cents), 0)::int,
                COALESCE(sum(j.total_cents), 0)::int
           FROM cleaning_jobs j
          WHERE ${CLEANING_ACCRUED} AND j.completed_at >= $1 AND j.completed_at < $2
          GROUP BY j.vat_rate_bp
          ORDER BY 1, 2`,
        [start, end],
      );
      return rows;
    },

    async laundryByService(q: Queryable, start: Date, end: Date): Promise<LaundryServiceRow[]> {
      const { rows } = await q.query<LaundryServiceRow>(
        `SELECT l.service_code AS code, max(l.service_name) AS name, max(l.service_name_en) AS name_en, max(l.pricing_unit) AS pricing_unit,
                count(DISTINCT o.id)::int AS documents, COALESCE(sum(l.weight_grams), 0)::int AS grams,
                COALESCE(sum(l.quantity), 0)::int AS items, COALESCE(sum(l.total_cents), 0)::int AS net
           FROM laundry_order_lines l JOIN laundry_orders o ON o.id = l.order_id
          WHERE ${LAUNDRY_ACCRUED} AND ${LAUNDRY_ACCRUAL} >= $1 AND ${LAUNDRY_ACCRUAL} < $2
          GROUP BY l.service_code ORDER BY net DESC, code`,
        [start, end],
      );
      return rows;
    },

    async laundryAdjustments(q: Queryable, start: Date, end: Date): Promise<AdjustmentRow> {
      const { rows } = await q.query<AdjustmentRow>(
        `SELECT count(*) FILTER (WHERE o.delivery_requested AND o.delivery_fee_cents > 0)::int AS documents_delivery,
                COALESCE(sum(o.delivery_fee_cents) FILTER (WHERE o.delivery_requested), 0)::int AS delivery,
                count(*) FILTER (WHERE o.additional_charges_cents > 0)::int AS documents_extra,
                COALESCE(sum(o.additional_charges_cents), 0)::int AS extra,
                count(*) FILTER (WHERE o.discount_cents > 0)::int AS documents_discount,
                COALESCE(sum(o.discount_cents), 0)::int AS discount
           FROM laundry_orders o
          WHERE ${LAUNDRY_ACCRUED} AND ${LAUNDRY_ACCRUAL} >= $1 AND ${LAUNDRY_ACCRUAL} < $2`,
        [start, end],
      );
      return rows[0]!;
    },

    async cleaningByType(q: Queryable, start: Date, end: Date): Promise<CleaningTypeRow[]> {
      const { rows } = await q.query<CleaningTypeRow>(
        `SELECT j.job_type, count(*)::int AS documents, COALESCE(sum(j.billable_minutes), 0)::int AS minutes,
                COALESCE(sum(j.subtotal_cents), 0)::int AS net
           FROM cleaning_jobs j
          WHERE ${CLEANING_ACCRUED} AND j.completed_at >= $1 AND j.completed_at < $2
          GROUP BY j.job_type ORDER BY net DESC, j.job_type`,
        [start, end],
      );
      return rows;
    },

    /** Money received and returned in [start, end) by payment date; voided records never moved money. */
    async cash(q: Queryable, start: Date, end: Date): Promise<CashRow[]> {
      const { rows } = await q.query<CashRow>(
        `SELECT p.method, CASE WHEN p.laundry_order_id IS NOT NULL THEN 'laundry' ELSE 'cleaning' END AS line, count(*)::int AS n,
                COALESCE(sum(p.amount_cents) FILTER (WHERE p.kind = 'payment'), 0)::int AS payments,
                COALESCE(sum(p.amount_cents) FILTER (WHERE p.kind = 'refund'), 0)::int AS refunds,
                COALESCE(sum(p.tip_cents), 0)::int AS tips
           FROM payments p
          WHERE p.voided_at IS NULL AND p.paid_at >= $1 AND p.paid_at < $2
          GROUP BY 1, 2 ORDER BY 1, 2`,
        [start, end],
      );
      return rows;
    },

    /** Time on site per worker: logs started in [start, end); open logs are counted apart, not in minutes. */
    async timesheet(q: Queryable, start: Date, end: Date, workerId: number | undefined): Promise<TimesheetRow[]> {
      const { rows } = await q.query<TimesheetRow>(
        `SELECT l.worker_id, u.name AS worker_name, count(DISTINCT l.job_id)::int AS jobs, count(*)::int AS logs,
                -- Seconds summed before the whole minutes are taken, as labour is billed (PRODUCT §4).
                (COALESCE(sum(l.duration_seconds) FILTER (WHERE l.ended_at IS NOT NULL), 0) / 60)::int AS minutes,
                count(*) FILTER (WHERE l.ended_at IS NULL)::int AS open_logs,
                count(*) FILTER (WHERE l.flagged_for_review)::int AS flagged
           FROM cleaning_time_logs l JOIN users u ON u.id = l.worker_id
          WHERE l.started_at >= $1 AND l.started_at < $2 AND ($3::bigint IS NULL OR l.worker_id = $3)
          GROUP BY l.worker_id, u.name ORDER BY u.name, l.worker_id`,
        [start, end, workerId ?? null],
      );
      return rows;
    },

    /**
     * Net revenue (ex-VAT) and total per Lisbon month and service line, months fromMonth to toMonth
     * (YYYY-MM, inclusive), from the monthly summary the document triggers keep (migration kept_balances).
     */
    async revenueByMonth(q: Queryable, fromMonth: string, toMonth: string): Promise<Array<{ month: string; line: ServiceLineValue; net: number; total: number }>> {
      const { rows } = await q.query<{ month: string; line: ServiceLineValue; net: number; total: number }>(
        `SELECT month, line, net_cents AS net, total_cents AS total FROM revenue_months WHERE month BETWEEN $1 AND $2`,
        [fromMonth, toMonth],
      );
      return rows;
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
