-- Up Migration

-- Text search of the laundry list ("order number or client name contains") through trigram indexes,
-- so a rare name is found without reading every order. pg_trgm ships with PostgreSQL (contrib) and is a
-- trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX laundry_orders_number_trgm_idx ON laundry_orders USING gin (order_number gin_trgm_ops);
CREATE INDEX clients_name_trgm_idx ON clients USING gin (name gin_trgm_ops);

-- Revenue and IVA read only these columns of accrued orders and completed jobs over a period: with them
-- in the index the reports are index-only scans instead of a visit to every order's row.
CREATE INDEX laundry_orders_accrual_cover_idx ON laundry_orders ((COALESCE(collected_at, delivered_at)))
  INCLUDE (vat_rate_bp, subtotal_cents, vat_cents, total_cents) WHERE status IN ('collected', 'delivered');
DROP INDEX laundry_orders_accrual_idx;
CREATE INDEX cleaning_jobs_accrual_cover_idx ON cleaning_jobs (completed_at)
  INCLUDE (vat_rate_bp, subtotal_cents, vat_cents, total_cents, job_type, billable_minutes) WHERE status = 'completed';
DROP INDEX cleaning_jobs_accrual_idx;

-- Down Migration
CREATE INDEX cleaning_jobs_accrual_idx ON cleaning_jobs (completed_at) WHERE status = 'completed';
DROP INDEX cleaning_jobs_accrual_cover_idx;
CREATE INDEX laundry_orders_accrual_idx ON laundry_orders ((COALESCE(collected_at, delivered_at))) WHERE status IN ('collected', 'delivered');
DROP INDEX laundry_orders_accrual_cover_idx;
DROP INDEX clients_name_trgm_idx;
DROP INDEX laundry_orders_number_trgm_idx;
