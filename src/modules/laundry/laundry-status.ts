import { AppError } from '../../lib/app-error.js';
import { LAUNDRY_STATUSES } from '../../contracts/laundry.js';

/**
 * The one state machine of a laundry order (PRODUCT §2):
 * received → in_progress → ready → collected | delivered, and cancelled from any open state.
 * `delivered` only exists for orders that asked for delivery.
 */
export { LAUNDRY_STATUSES };
export type LaundryStatus = (typeof LAUNDRY_STATUSES)[number];

export const OPEN_STATUSES: readonly LaundryStatus[] = ['received', 'in_progress', 'ready'];
export const CLOSED_STATUSES: readonly LaundryStatus[] = ['collected', 'delivered', 'cancelled'];

const NEXT: Record<LaundryStatus, readonly LaundryStatus[]> = {
  received: ['in_progress', 'cancelled'],
  in_progress: ['ready', 'cancelled'],
  ready: ['collected', 'delivered', 'cancelled'],
  collected: [],
  delivered: [],
  cancelled: [],
};

export function isOpen(status: LaundryStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function allowedNext(status: LaundryStatus, deliveryRequested: boolean): LaundryStatus[] {
  return NEXT[status].filter((s) => s !== 'delivered' || deliveryRequested);
}

export function assertTransition(from: LaundryStatus, to: LaundryStatus, deliveryRequested: boolean): void {
  if (!allowedNext(from, deliveryRequested).includes(to)) {
    const hint = to === 'delivered' && !deliveryRequested ? ' (this order did not ask for delivery)' : '';
    throw new AppError(409, 'INVALID_TRANSITION', `An order cannot go from ${from} to ${to}${hint}.`, {
      from,
      to,
      allowed: allowedNext(from, deliveryRequested),
    });
  }
}

/** The timestamp column a status stamps when entered (and clears when reverted). */
export const STAMP_OF: Partial<Record<LaundryStatus, 'ready_at' | 'collected_at' | 'delivered_at' | 'cancelled_at'>> = {
  ready: 'ready_at',
  collected: 'collected_at',
  delivered: 'delivered_at',
  cancelled: 'cancelled_at',
};
