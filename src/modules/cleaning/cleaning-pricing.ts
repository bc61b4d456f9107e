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
  /** Each worker's logged minutes (whole minutes). */
  loggedMinutes: number[];
  billingIncrementMinutes: number;
  hourlyRateCents: number;
  vatRateBasisPoints: number;
}

export interface CleaningPrice {
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

/** Rounds labour up to the next multiple of the increment (0 stays 0). */
export function billableMinutes(labourMinutes: number, incrementMinutes: number): number {
  check(labourMinutes, 'labour minutes');
  check(incrementMinutes, 'billing increment', 1);
  return Math.ceil(labourMinutes / incrementMinutes) * incrementMinutes;
}

export function estimateCleaning(input: CleaningEstimateInput): CleaningPrice {
  check(input.estimatedMinutes, 'estimated minutes');
  check(input.workerCount, 'worker count', 1);
  check(input.hourlyRateCents, 'hourly rate');
  check(input.vatRateBasisPoints, 'VAT rate');
  const labour = input.estimatedMinutes * input.workerCount;
  return priced(labour, labour, input.hourlyRateCents, input.vatRateBasisPoints);
}

export function priceCompletedCleaning(input: CleaningFinalInput): CleaningPrice {
  input.loggedMinutes.forEach((m) => check(m, 'logged minutes'));
  check(input.hourlyRateCents, 'hourly rate');
  check(input.vatRateBasisPoints, 'VAT rate');
  const labour = input.loggedMinutes.reduce((a, b) => a + b, 0);
  return priced(labour, billableMinutes(labour, input.billingIncrementMinutes), input.hourlyRateCents, input.vatRateBasisPoints);
}
