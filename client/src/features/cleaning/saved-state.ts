import type { DoubleBookingWarningDto } from '@contracts/cleaning';

/** What a save hands to the job page it lands on (router state): the confirmation and any warnings. */
export interface SavedState {
  saved: 'booked' | 'saved';
  count: number;
  warnings: DoubleBookingWarningDto[];
}

export function isSavedState(value: unknown): value is SavedState {
  return typeof value === 'object' && value !== null && 'saved' in value && Array.isArray((value as SavedState).warnings);
}
