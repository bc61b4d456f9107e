import type { Db } from '../../db/pool.js';
import type {
  CashReportDto,
  PeriodDto,
  RangeInput,
  RevenueReportDto,
  TimesheetReportDto,
  VatAnnualReportDto,
  VatBreakdownDto,
  VatQuarterReportDto,
} from '../../contracts/reports.js';
import type { PaymentMethodValue, ServiceLineValue } from '../../contracts/payments.js';
import { LABELS } from '../receipts/receipt-format.js';
import { instantsOf, quarterRange, rangeOfMonth, yearRange, type DateRange } from './periods.js';
import type { CashRow, RateRow, ReportsRepository } from './reports.repository.js';

export function periodOf(range: DateRange): PeriodDto {
  const { start, end } = instantsOf(range);
  return { from: range.from, to: range.to, startsAt: start.toISOString(), endsAt: end.toISOString() };
}

/** The period asked for: a month, or from/to (validated by the query schema). */
export function rangeOf(input: RangeInput): DateRange {
  return input.month ? rangeOfMonth(input.month) : { from: input.from!, to: input.to! };
}

function breakdown(rows: RateRow[]): VatBreakdownDto {
  const byRate = new Map<number, { vatRateBasisPoints: number; documents: number; subtotalCents: number; vatCents: number; totalCents: number }>();
  for (const r of rows) {
    const line = byRate.get(r.rate) ?? { vatRateBasisPoints: r.rate, documents: 0, subtotalCents: 0, vatCents: 0, totalCents: 0 };
    line.documents += r.documents;
    line.subtotalCents += r.subtotal;
    line.vatCents += r.vat;
    line.totalCents += r.total;
    byRate.set(r.rate, line);
  }
  const lines = [...byRate.values()].sort((a, b) => b.vatRateBasisPoints - a.vatRateBasisPoints);
  return {
    documents: lines.reduce((s, l) => s + l.documents, 0),
    subtotalCents: lines.reduce((s, l) => s + l.subtotalCents, 0),
    vatCents: lines.reduce((s, l) => s + l.vatCents, 0),
    totalCents: lines.reduce((s, l) => s + l.totalCents, 0),
    byRate: lines,
  };
}

function flatten(b: VatBreakdownDto, line: ServiceLineValue): RateRow[] {
  return b.byRate.map((r) => ({ line, rate: r.vatRateBasisPoints, documents: r.documents, subtotal: r.subtotalCents, vat: r.vatCents, total: r.totalCents }));
}

function cashLine(rows: CashRow[]) {
  const payments = rows.reduce((s, r) => s + r.payments, 0);
  const refunds = rows.reduce((s, r) => s + r.refunds, 0);
  return { count: rows.reduce((s, r) => s + r.n, 0), paymentsCents: payments, refundsCents: refunds, tipsCents: rows.reduce((s, r) => s + r.tips, 0), netCents: payments - refunds };
}

export function createReportsService({ db, repo }: { db: Db; repo: ReportsRepository }) {
  async function vatFor(range: DateRange) {
    const { start, end } = instantsOf(range);
    const rows = await repo.vatByRate(db, start, end);
    return {
      laundry: breakdown(rows.filter((r) => r.line === 'laundry')),
      cleaning: breakdown(rows.filter((r) => r.line === 'cleaning')),
      total: breakdown(rows),
    };
  }

  async function quarter(year: number, q: number): Promise<VatQuarterReportDto> {
    const range = quarterRange(year, q);
    return { year, quarter: q, period: periodOf(range), basis: 'accrual', ...(await vatFor(range)) };
  }

  return {
    /** IVA for one quarter, split by service line and rate, on the accrual date. */
    vatQuarter: quarter,

    /** The year as four quarters plus the totals, which are the sums of the quarters. */
    async vatAnnual(year: number): Promise<VatAnnualReportDto> {
      const quarters = [];
      for (const q of [1, 2, 3, 4]) quarters.push(await quarter(year, q));
      const laundry = breakdown(quarters.flatMap((q) => flatten(q.laundry, 'laundry')));
      const cleaning = breakdown(quarters.flatMap((q) => flatten(q.cleaning, 'cleaning')));
      return {
        year,
        period: periodOf(yearRange(year)),
        basis: 'accrual',
        quarters: quarters.map(({ year: _year, ...rest }) => rest),
        laundry,
        cleaning,
        total: breakdown([...flatten(laundry, 'laundry'), ...flatten(cleaning, 'cleaning')]),
      };
    },

    /**
     * Revenue by service (net of VAT) on the accrual date. Laundry lines by catalogue code, then the
     * order-level delivery fees, extra charges and discounts, so the lines add up to the subtotal.
     */
    async revenue(input: RangeInput): Promise<RevenueReportDto> {
      const range = rangeOf(input);
      const { start, end } = instantsOf(range);
      const totals = await vatFor(range);
      const services = await repo.laundryByService(db, start, end);
      const adjustments = await repo.laundryAdjustments(db, start, end);
      const cleaning = await repo.cleaningByType(db, start, end);
      const byService: RevenueReportDto['byService'] = services.map((s) => ({
        serviceLine: 'laundry',
        code: s.code,
        name: s.name,
        nameEn: s.name_en,
        documents: s.documents,
        quantity: s.pricing_unit === 'per_kg' ? s.grams / 1000 : s.items,
        netCents: s.net,
      }));
      const adjustment = (code: string, kind: 'delivery' | 'extraCharges' | 'discount', documents: number, cents: number) => {
        if (cents !== 0) byService.push({ serviceLine: 'laundry', code, name: LABELS.pt[kind], nameEn: LABELS.en[kind], documents, quantity: documents, netCents: cents });
      };
      adjustment('DELIVERY', 'delivery', adjustments.documents_delivery, adjustments.delivery);
      adjustment('EXTRA_CHARGES', 'extraCharges', adjustments.documents_extra, adjustments.extra);
      adjustment('DISCOUNT', 'discount', adjustments.documents_discount, -adjustments.discount);
      for (const c of cleaning) {
        byService.push({
          serviceLine: 'cleaning',
          code: c.job_type,
          name: LABELS.pt.cleaning[c.job_type],
          nameEn: LABELS.en.cleaning[c.job_type],
          documents: c.documents,
          quantity: Math.round((c.minutes / 60) * 100) / 100,
          netCents: c.net,
        });
      }
      const strip = ({ byRate: _r, ...rest }: VatBreakdownDto) => rest;
      return { period: periodOf(range), basis: 'accrual', laundry: strip(totals.laundry), cleaning: strip(totals.cleaning), total: strip(totals.total), byService };
    },

    /** Money received and returned, by method and by service line, on the payment date. */
    async cash(input: RangeInput): Promise<CashReportDto> {
      const range = rangeOf(input);
      const { start, end } = instantsOf(range);
      const rows = await repo.cash(db, start, end);
      const methods = [...new Set(rows.map((r) => r.method))] as PaymentMethodValue[];
      const lines = [...new Set(rows.map((r) => r.line))] as ServiceLineValue[];
      return {
        period: periodOf(range),
        basis: 'cash',
        byMethod: methods.map((method) => ({ method, ...cashLine(rows.filter((r) => r.method === method)) })),
        byServiceLine: lines.map((serviceLine) => ({ serviceLine, ...cashLine(rows.filter((r) => r.line === serviceLine)) })),
        total: cashLine(rows),
      };
    },

    async timesheet(input: RangeInput & { workerId?: number | undefined }): Promise<TimesheetReportDto> {
      const range = rangeOf(input);
      const { start, end } = instantsOf(range);
      const rows = await repo.timesheet(db, start, end, input.workerId);
      return {
        period: periodOf(range),
        workers: rows.map((r) => ({
          worker: { id: r.worker_id, name: r.worker_name },
          jobs: r.jobs,
          logs: r.logs,
          minutes: r.minutes,
          hours: Math.round((r.minutes / 60) * 100) / 100,
          openLogs: r.open_logs,
          flaggedLogs: r.flagged,
        })),
        totalMinutes: rows.reduce((s, r) => s + r.minutes, 0),
      };
    },

    /** Net revenue per Lisbon month and line, months fromMonth to toMonth (YYYY-MM), for the dashboard's charts. */
    revenueByMonth: (fromMonth: string, toMonth: string) => repo.revenueByMonth(db, fromMonth, toMonth),
    cashBetween: (start: Date, end: Date) => repo.cash(db, start, end).then(cashLine),
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
