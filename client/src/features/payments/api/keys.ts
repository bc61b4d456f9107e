import type { QueryClient } from '@tanstack/react-query';
import type { PaymentSummaryDto } from '@contracts/payments';
import { cleaningKeys } from '@/features/cleaning/api/keys';
import { laundryKeys } from '@/features/laundry/api/keys';

/** What a payment is recorded against: one laundry order or one cleaning job. */
export interface PaymentTarget {
  line: 'laundry' | 'cleaning';
  id: number;
}

export const targetBody = (t: PaymentTarget) => (t.line === 'laundry' ? { laundryOrderId: t.id } : { cleaningJobId: t.id });

export const paymentKeys = {
  all: ['payments'] as const,
  lists: () => ['payments', 'list'] as const,
  list: (filters: object) => ['payments', 'list', filters] as const,
  totals: (filters: object) => ['payments', 'totals', filters] as const,
  receipts: (target: PaymentTarget) => ['payments', 'receipts', target.line, target.id] as const,
};

/** The finance dashboard's key (its figures change with every payment). */
export const dashboardKey = ['dashboard'] as const;

const detailKeyOf = (t: PaymentTarget) => (t.line === 'laundry' ? laundryKeys.detail(t.id) : cleaningKeys.detail(t.id));

/**
 * After a payment, refund, void or receipt: the order or job page shows the fresh summary at once
 * (the answer carries it), and the lists, totals and dashboard that count money refetch.
 */
export function storeSummary(queryClient: QueryClient, target: PaymentTarget, summary: PaymentSummaryDto | null): void {
  if (summary) queryClient.setQueryData(detailKeyOf(target), (old: object | undefined) => (old ? { ...old, payments: summary } : old));
  void queryClient.invalidateQueries({ queryKey: detailKeyOf(target) });
  void queryClient.invalidateQueries({ queryKey: paymentKeys.all });
  void queryClient.invalidateQueries({ queryKey: dashboardKey });
}
