import { AppError } from '../../lib/app-error.js';
import type { CLEANING_STATUSES } from '../../contracts/cleaning.js';

/**
 * The one state machine of a cleaning job (PRODUCT §2): scheduled → in_progress (the first Start) →
 * completed, and cancelled from scheduled or in_progress. Completed and cancelled are final.
 */
export type CleaningStatus = (typeof CLEANING_STATUSES)[number];

const NEXT: Record<CleaningStatus, readonly CleaningStatus[]> = {
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function allowedNext(status: CleaningStatus): CleaningStatus[] {
  return [...NEXT[status]];
}

/** Open jobs can still be edited, reassigned, started and ended. */
export function isOpen(status: CleaningStatus): boolean {
  return NEXT[status].length > 0;
}

export function assertTransition(from: CleaningStatus, to: CleaningStatus): void {
  if (!NEXT[from].includes(to)) {
    throw new AppError(409, 'INVALID_TRANSITION', `A cleaning job cannot go from ${from} to ${to}.`, { from, to, allowed: allowedNext(from) });
  }
}
