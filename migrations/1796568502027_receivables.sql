-- Up Migration

-- What clients owe has one definition (ADR 0014): every laundry order not cancelled and every completed
-- cleaning job with a balance, and the deposits kept on jobs not priced yet. These partial indexes hold
-- exactly those documents (their predicates are the conditions of src/modules/receivables), so the
-- dashboard, the receivables list and a client's balance read the few documents that owe or hold credit,
-- however many orders and jobs there are; keyed by client for a client's own balance.
CREATE INDEX laundry_orders_receivable_idx ON laundry_orders (client_id, id)
  WHERE status <> 'cancelled' AND balance_cents <> 0;
CREATE INDEX cleaning_jobs_receivable_idx ON cleaning_jobs (client_id, id)
  WHERE ((status = 'completed' AND balance_cents <> 0) OR (status IN ('scheduled', 'in_progress') AND paid_cents <> refunded_cents));

-- Down Migration
DROP INDEX cleaning_jobs_receivable_idx;
DROP INDEX laundry_orders_receivable_idx;
