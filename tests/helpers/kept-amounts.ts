import { SUMMARY_BY_CLIENT_FROM_DOCUMENTS_SQL } from '../../src/modules/receivables/receivables.repository.js';

/**
 * The invariants of the kept amounts (migrations kept_balances and owing_balance), as SQL any test can run
 * against a database: each returns the rows that break them, so an empty result is the pass.
 */

/** Documents whose stored paid/refunded/balance differ from the sums over their unvoided payment rows. */
export const BALANCE_DRIFT_SQL = `WITH sums AS (
     SELECT laundry_order_id, cleaning_job_id,
            COALESCE(sum(amount_cents - tip_cents) FILTER (WHERE kind = 'payment'), 0) AS paid,
            COALESCE(sum(amount_cents) FILTER (WHERE kind = 'refund'), 0) AS refunded
       FROM payments WHERE voided_at IS NULL GROUP BY 1, 2)
   SELECT 'laundry' AS line, o.id, concat_ws('/', o.paid_cents, o.refunded_cents, o.balance_cents) AS stored,
          concat_ws('/', COALESCE(s.paid, 0), COALESCE(s.refunded, 0), o.total_cents - COALESCE(s.paid, 0) + COALESCE(s.refunded, 0)) AS summed
     FROM laundry_orders o LEFT JOIN sums s ON s.laundry_order_id = o.id
   UNION ALL
   SELECT 'cleaning', j.id, concat_ws('/', j.paid_cents, j.refunded_cents, j.balance_cents),
          concat_ws('/', COALESCE(s.paid, 0), COALESCE(s.refunded, 0), j.total_cents - COALESCE(s.paid, 0) + COALESCE(s.refunded, 0))
     FROM cleaning_jobs j LEFT JOIN sums s ON s.cleaning_job_id = j.id`;

/** Months whose revenue_months row differs from the accrued documents of that month, both ways. */
export const REVENUE_DRIFT_SQL = `WITH truth AS (
     SELECT to_char(COALESCE(collected_at, delivered_at) AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM') AS month, 'laundry' AS line,
            count(*)::int AS documents, sum(subtotal_cents)::bigint AS net_cents, sum(total_cents)::bigint AS total_cents
       FROM laundry_orders WHERE status IN ('collected', 'delivered') GROUP BY 1
     UNION ALL
     SELECT to_char(completed_at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM'), 'cleaning', count(*)::int, sum(subtotal_cents)::bigint, sum(total_cents)::bigint
       FROM cleaning_jobs WHERE status = 'completed' GROUP BY 1),
   kept AS (SELECT month::text AS month, line, documents, net_cents, total_cents FROM revenue_months
             WHERE documents <> 0 OR net_cents <> 0 OR total_cents <> 0)
   (SELECT 'summary only' AS side, * FROM kept EXCEPT SELECT 'summary only', * FROM truth)
   UNION ALL
   (SELECT 'documents only', * FROM truth EXCEPT SELECT 'documents only', * FROM kept)`;

/**
 * Clients whose kept receivables summary (migration client_receivables) differs from the summary computed
 * from their documents by the receivables definition itself (ADR 0014), both ways. A kept row of zeros is
 * the same as no documents.
 */
export const RECEIVABLES_DRIFT_SQL = `WITH truth AS (${SUMMARY_BY_CLIENT_FROM_DOCUMENTS_SQL}),
   kept AS (SELECT client_id, documents, balance_cents AS balance, accrued_cents AS accrued, in_progress_cents AS in_progress, credit_cents AS credit
              FROM client_receivables WHERE documents <> 0 OR balance_cents <> 0 OR accrued_cents <> 0 OR in_progress_cents <> 0 OR credit_cents <> 0),
   truth_nonzero AS (SELECT * FROM truth WHERE documents <> 0 OR balance <> 0 OR accrued <> 0 OR in_progress <> 0 OR credit <> 0)
   (SELECT 'kept only' AS side, * FROM kept EXCEPT SELECT 'kept only', * FROM truth_nonzero)
   UNION ALL
   (SELECT 'documents only', * FROM truth_nonzero EXCEPT SELECT 'documents only', * FROM kept)`;
