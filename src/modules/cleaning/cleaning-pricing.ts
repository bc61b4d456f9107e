import { divideHalfUp, vatCents } from '../../lib/money.js';

/**
 * Cleaning pricing, PRODUCT §4, pure and in integer cents. Estimated hours are time on site, so the
 * estimate multiplies by the number of workers; the final price bills the labour actually logged,
 * summed over all workers and rounded UP to the billing increment.
 */

export interface CleaningEstimateInput {
  /** Estimated hours on site, in minutes (0.5 h steps → multiples of 30). */
  estimatedMinutes: number;
  workerCount: number;
  hourlyRateCents: number;
  vatRateBasisPoints: number;
}

export interface CleaningFinalInput {
  /** Each time log's exact duration in whole seconds (any order, any workers). */
  loggedSeconds: number[];
  billingIncrementMinutes: number;
  hourlyRateCents: number;
  vatRateBasisPoints: number;
}

export interface CleaningPrice {
  /** Whole minutes of labour (the estimate's, or the logged seconds' whole minutes). */
  labourMinutes: number;
  billableMinutes: number;
  subtotalCents: number;
  vatRateBasisPoints: number;
  vatCents: number;
  totalCents: number;
}

function check(value: number, what: string, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${what} must be a whole number ≥ ${min} (got ${value})`);
}

function priced(labourMinutes: number, billableMinutes: number, hourlyRateCents: number, vatRateBasisPoints: number): CleaningPrice {
  const subtotalCents = divideHalfUp(billableMinutes * hourlyRateCents, 60);
  const vat = vatCents(subtotalCents, vatRateBasisPoints);
  return { labourMinutes, billableMinutes, subtotalCents, vatRateBasisPoints, vatCents: vat, totalCents: subtotalCents + vat };
}

/**
 * Rounds labour, in seconds, up to the next multiple of the increment, once: any logged second starts
 * an increment (0 stays 0), so a 40-second visit bills one increment, never nothing.
 */
export function billableMinutes(labourSeconds: number, incrementMinutes: number): number {
  check(labourSeconds, 'labour seconds');
  check(incrementMinutes, 'billing increment', 1);
  return Math.ceil(labourSeconds / (incrementMinutes * 60)) * incrementMinutes;
}

export interface CompletedCleaningPrice extends CleaningPrice {
  labourSeconds: number;
}

export function estimateCleaning(input: CleaningEstimateInput): CleaningPrice {
  check(input.estimatedMinutes, 'estimated minutes');
  check(input.workerCount, 'worker count', 1);
  check(input.hourlyRateCents, 'hourly rate');
  check(input.vatRateBasisPoints, 'VAT rate');
  const labour = input.estimatedMinutes * input.workerCount;
  return priced(labour, labour, input.hourlyRateCents, input.vatRateBasisPoints);
}

/** The final price: every log's seconds summed, then rounded up to the increment once (never per log). */
export function priceCompletedCleaning(input: CleaningFinalInput): CompletedCleaningPrice {
  input.loggedSeconds.forEach((s) => check(s, 'logged seconds'));
  check(input.hourlyRateCents, 'hourly rate');
  check(input.vatRateBasisPoints, 'VAT rate');
  const labourSeconds = input.loggedSeconds.reduce((a, b) => a + b, 0);
  const billable = billableMinutes(labourSeconds, input.billingIncrementMinutes);
  return { ...priced(Math.floor(labourSeconds / 60), billable, input.hourlyRateCents, input.vatRateBasisPoints), labourSeconds };
}

/**
 * The hourly rate a new job is priced at (issue 19 §7): a rate staff typed for this job wins (it is the
 * client's price when it is the client's own rate, as the booking form proposes it), then the client's own
 * rate in force on the job's Lisbon day, then the settings' rate. The result is snapshotted on the job, so
 * a later change of either never reprices it.
 */
export function hourlyRateFor(input: { explicitCents?: number | null | undefined; clientCents?: number | null | undefined; settingsCents: number }): { hourlyRateCents: number; clientPrice: boolean } {
  if (input.explicitCents != null) return { hourlyRateCents: input.explicitCents, clientPrice: input.explicitCents === input.clientCents };
  if (input.clientCents != null) return { hourlyRateCents: input.clientCents, clientPrice: true };
  return { hourlyRateCents: input.settingsCents, clientPrice: false };
}
