import { z } from 'zod';
import { PaymentMethod, ServiceLine } from './payments.js';
import { CalendarDate, CalendarMonth } from './primitives.js';

/**
 * Finance reports. Revenue and VAT are on the accrual date (a laundry order when collected or
 * delivered, a cleaning job when completed); cash reports are on the payment date. Periods are
 * Lisbon calendar dates, both ends included. Pure: no Node imports.
 */

/** The longest range a report or a dashboard query may span. */
export const REPORT_MAX_RANGE_DAYS = 366;

export const isoDate = CalendarDate;
const year = z.coerce.number().int('must be a whole year').min(2000).max(2100);
const month = CalendarMonth.meta({ description: 'A whole Lisbon month instead of from/to.', example: '2026-03' });

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** from/to or month: the period fields every report, list filter and export shares. */
export const rangeFields = {
  from: isoDate.optional().meta({ description: 'First Lisbon date included.' }),
  to: isoDate.optional().meta({ description: 'Last Lisbon date included.' }),
  month: month.optional(),
};

/**
 * The rule over `rangeFields`: `to` before `from`, or a span longer than `maxDays`, is a 400 naming the
 * field. With `optional`, no period at all is fine (lists and exports).
 */
export function checkRange(options: { optional: boolean; maxDays?: number | undefined }) {
  return (v: RangeInput, ctx: z.RefinementCtx) => {
    if (v.month && (v.from || v.to)) ctx.addIssue({ code: 'custom', path: ['month'], message: 'give either month or from/to' });
    if (!v.month && !options.optional && (!v.from || !v.to)) {
      ctx.addIssue({ code: 'custom', path: [v.from ? 'to' : 'from'], message: 'give from and to, or month' });
    }
    if (v.from && v.to) {
      const span = dayNumber(v.to) - dayNumber(v.from) + 1;
      if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
      else if (options.maxDays !== undefined && span > options.maxDays) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `the range may span at most ${options.maxDays} days` });
      }
    }
  };
}

export const ReportRangeQuery = z.object(rangeFields).superRefine(checkRange({ optional: false, maxDays: REPORT_MAX_RANGE_DAYS }));

export const VatQuarterQuery = z.object({
  year,
  quarter: z.coerce.number().int('must be 1, 2, 3 or 4').min(1, 'must be 1, 2, 3 or 4').max(4, 'must be 1, 2, 3 or 4'),
});
export const VatAnnualQuery = z.object({ year });

export const TimesheetQuery = z
  .object({ ...rangeFields, workerId: z.string().regex(/^[1-9][0-9]{0,14}$/, 'must be a positive whole number').transform(Number).optional() })
  .superRefine(checkRange({ optional: false, maxDays: REPORT_MAX_RANGE_DAYS }));

const int = z.number().int();

export const Period = z
  .object({
    from: z.string(),
    to: z.string(),
    startsAt: z.string().meta({ description: 'The instant the period starts (Lisbon midnight).' }),
    endsAt: z.string().meta({ description: 'The instant right after it (exclusive).' }),
  })
  .meta({ id: 'ReportPeriod' });

export const VatRateLine = z
  .object({ vatRateBasisPoints: int, documents: int, subtotalCents: int, vatCents: int, totalCents: int })
  .meta({ id: 'VatRateLine' });

export const VatBreakdown = z
  .object({ documents: int, subtotalCents: int, vatCents: int, totalCents: int, byRate: z.array(VatRateLine) })
  .meta({ id: 'VatBreakdown' });

export const VatQuarterReport = z
  .object({
    year: int,
    quarter: int,
    period: Period,
    basis: z.literal('accrual'),
    laundry: VatBreakdown,
    cleaning: VatBreakdown,
    total: VatBreakdown,
  })
  .meta({ id: 'VatQuarterReport' });

export const VatAnnualReport = z
  .object({
    year: int,
    period: Period,
    basis: z.literal('accrual'),
    quarters: z.array(VatQuarterReport.omit({ year: true }).extend({ quarter: int })),
    laundry: VatBreakdown,
    cleaning: VatBreakdown,
    total: VatBreakdown,
  })
  .meta({ id: 'VatAnnualReport' });

export const RevenueLine = z
  .object({
    serviceLine: ServiceLine,
    code: z.string().meta({ description: 'Catalogue code, DELIVERY, EXTRA_CHARGES, DISCOUNT, or the cleaning job type.' }),
    name: z.string(),
    nameEn: z.string(),
    documents: int.meta({ description: 'Orders or jobs that contributed.' }),
    quantity: z.number().meta({ description: 'Items, kilograms or billable hours, by the code.' }),
    netCents: int.meta({ description: 'Net of VAT; a discount is negative. The lines add up to the subtotals.' }),
  })
  .meta({ id: 'RevenueLine' });

const LineTotals = z.object({ documents: int, subtotalCents: int, vatCents: int, totalCents: int });

export const RevenueReport = z
  .object({
    period: Period,
    basis: z.literal('accrual'),
    laundry: LineTotals,
    cleaning: LineTotals,
    total: LineTotals,
    byService: z.array(RevenueLine),
  })
  .meta({ id: 'RevenueReport' });

export const CashLine = z
  .object({ count: int, paymentsCents: int, refundsCents: int, tipsCents: int, netCents: int })
  .meta({ id: 'CashLine' });

export const CashReport = z
  .object({
    period: Period,
    basis: z.literal('cash'),
    byMethod: z.array(CashLine.extend({ method: PaymentMethod })),
    byServiceLine: z.array(CashLine.extend({ serviceLine: ServiceLine })),
    total: CashLine,
  })
  .meta({ id: 'CashReport' });

export const TimesheetReport = z
  .object({
    period: Period,
    workers: z.array(
      z.object({
        worker: z.object({ id: int, name: z.string() }),
        jobs: int,
        logs: int,
        minutes: int.meta({ description: 'Closed time logs started in the period.' }),
        hours: z.number().meta({ description: 'minutes / 60, two decimals.' }),
        openLogs: int.meta({ description: 'Logs still open (not counted in minutes).' }),
        flaggedLogs: int,
      }),
    ),
    totalMinutes: int,
  })
  .meta({ id: 'TimesheetReport' });

export type RangeInput = { from?: string | undefined; to?: string | undefined; month?: string | undefined };
export type VatBreakdownDto = z.infer<typeof VatBreakdown>;
export type VatQuarterReportDto = z.infer<typeof VatQuarterReport>;
export type VatAnnualReportDto = z.infer<typeof VatAnnualReport>;
export type RevenueReportDto = z.infer<typeof RevenueReport>;
export type CashReportDto = z.infer<typeof CashReport>;
export type TimesheetReportDto = z.infer<typeof TimesheetReport>;
export type PeriodDto = z.infer<typeof Period>;
