-- Up Migration

-- The balance as a column of its own (what is owed minus what was kept), computed by PostgreSQL from the
-- total and the kept amounts on every write, so a repricing and a payment alike leave it exact. As a plain
-- column it has statistics: the planner sees that only a few percent of documents owe and reads the partial
-- indexes below serially, where a comparison between three columns was guessed at a third of the table and
-- sent to parallel workers.
ALTER TABLE laundry_orders ADD COLUMN balance_cents bigint GENERATED ALWAYS AS (total_cents - paid_cents + refunded_cents) STORED;
ALTER TABLE cleaning_jobs ADD COLUMN balance_cents bigint GENERATED ALWAYS AS (total_cents - paid_cents + refunded_cents) STORED;

DROP INDEX laundry_orders_owing_idx;
DROP INDEX cleaning_jobs_owing_idx;
-- Accrued documents still owing, oldest first, with what the totals read. The dashboard's predicates
-- repeat these WHERE clauses word for word.
CREATE INDEX laundry_orders_owing_idx ON laundry_orders ((COALESCE(collected_at, delivered_at)), id)
  INCLUDE (client_id, total_cents, balance_cents) WHERE status IN ('collected', 'delivered') AND balance_cents > 0;
CREATE INDEX cleaning_jobs_owing_idx ON cleaning_jobs (completed_at, id)
  INCLUDE (client_id, total_cents, balance_cents) WHERE status = 'completed' AND balance_cents > 0;
ANALYZE laundry_orders, cleaning_jobs;

-- Down Migration
DROP INDEX cleaning_jobs_owing_idx;
DROP INDEX laundry_orders_owing_idx;
ALTER TABLE cleaning_jobs DROP COLUMN balance_cents;
ALTER TABLE laundry_orders DROP COLUMN balance_cents;
CREATE INDEX laundry_orders_owing_idx ON laundry_orders ((COALESCE(collected_at, delivered_at)), id)
  INCLUDE (client_id, total_cents, paid_cents, refunded_cents)
  WHERE status IN ('collected', 'delivered') AND total_cents > paid_cents - refunded_cents;
CREATE INDEX cleaning_jobs_owing_idx ON cleaning_jobs (completed_at, id)
  INCLUDE (client_id, total_cents, paid_cents, refunded_cents)
  WHERE status = 'completed' AND total_cents > paid_cents - refunded_cents;
