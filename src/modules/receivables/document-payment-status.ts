/**
 * The money state of one order or job (unpaid / partial / paid / not_priced, issue 19), from its kept
 * balances (migration kept_balances), as a column expression: no subquery, so the account documents,
 * the laundry and cleaning lists and their details add it, and filter on it, at no cost per row. This is
 * its one definition: every answer that shows a document's payment status reads it from here.
 */
export function laundryPaymentStatusSql(o: string): string {
  return `(CASE WHEN ${o}.status = 'cancelled' OR ${o}.priced_at IS NULL THEN 'not_priced'
               WHEN ${o}.paid_cents - ${o}.refunded_cents >= ${o}.total_cents THEN 'paid'
               WHEN ${o}.paid_cents - ${o}.refunded_cents > 0 THEN 'partial' ELSE 'unpaid' END)`;
}

export function cleaningPaymentStatusSql(j: string): string {
  return `(CASE WHEN ${j}.status <> 'completed' OR ${j}.total_cents IS NULL THEN 'not_priced'
               WHEN ${j}.paid_cents - ${j}.refunded_cents >= ${j}.total_cents THEN 'paid'
               WHEN ${j}.paid_cents - ${j}.refunded_cents > 0 THEN 'partial' ELSE 'unpaid' END)`;
}
