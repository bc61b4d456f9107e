-- Up Migration

-- Money received and money returned, against exactly one laundry order or cleaning job. A record is
-- never deleted or edited: a wrong one is voided with a reason, money going back is a refund row.
-- Payment status and balances are derived from these rows (never stored as truth).
CREATE TABLE payments (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('payment', 'refund')),
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  laundry_order_id bigint REFERENCES laundry_orders (id) ON DELETE RESTRICT,
  cleaning_job_id bigint REFERENCES cleaning_jobs (id) ON DELETE RESTRICT,
  -- Gross amount that changed hands (always positive; the kind gives the direction).
  amount_cents integer NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 10000000),
  -- The part of a payment above the outstanding balance, explicitly accepted as a tip.
  tip_cents integer NOT NULL DEFAULT 0 CHECK (tip_cents >= 0 AND tip_cents <= amount_cents),
  method text NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'mbway', 'other')),
  paid_at timestamptz NOT NULL,
  notes varchar(500),
  reason varchar(500),
  voided_at timestamptz,
  voided_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  void_reason varchar(500),
  created_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL,
  CONSTRAINT payments_one_target CHECK (num_nonnulls(laundry_order_id, cleaning_job_id) = 1),
  CONSTRAINT payments_tip_only_on_payments CHECK (kind = 'payment' OR tip_cents = 0),
  CONSTRAINT payments_refund_reason CHECK (kind = 'payment' OR reason IS NOT NULL),
  CONSTRAINT payments_void_complete CHECK ((voided_at IS NULL) = (void_reason IS NULL) AND (voided_at IS NULL) = (voided_by IS NULL))
);
CREATE INDEX payments_laundry_idx ON payments (laundry_order_id) WHERE laundry_order_id IS NOT NULL;
CREATE INDEX payments_cleaning_idx ON payments (cleaning_job_id) WHERE cleaning_job_id IS NOT NULL;
CREATE INDEX payments_paid_at_idx ON payments (paid_at, id);
CREATE INDEX payments_client_idx ON payments (client_id, paid_at);

-- Receipt numbers REC-YYYY-MM-####: one counter row per Lisbon month, incremented in the issuing
-- transaction, so concurrent issues queue on the row lock and a rolled-back issue leaves no gap.
CREATE TABLE receipt_counters (
  month char(7) PRIMARY KEY CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  last_number integer NOT NULL
);

-- A non-fiscal receipt, issued once per order or job: the snapshot it was printed from and the PDF
-- bytes themselves, so every download is byte-identical.
CREATE TABLE receipts (
  id bigserial PRIMARY KEY,
  receipt_number varchar(20) NOT NULL UNIQUE,
  month char(7) NOT NULL,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  laundry_order_id bigint REFERENCES laundry_orders (id) ON DELETE RESTRICT,
  cleaning_job_id bigint REFERENCES cleaning_jobs (id) ON DELETE RESTRICT,
  locale text NOT NULL CHECK (locale IN ('pt', 'en')),
  total_cents integer NOT NULL CHECK (total_cents >= 0),
  balance_cents integer NOT NULL,
  snapshot jsonb NOT NULL,
  pdf bytea NOT NULL,
  pdf_sha256 char(64) NOT NULL,
  issued_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  issued_at timestamptz NOT NULL,
  CONSTRAINT receipts_one_target CHECK (num_nonnulls(laundry_order_id, cleaning_job_id) = 1)
);
CREATE UNIQUE INDEX receipts_laundry_key ON receipts (laundry_order_id) WHERE laundry_order_id IS NOT NULL;
CREATE UNIQUE INDEX receipts_cleaning_key ON receipts (cleaning_job_id) WHERE cleaning_job_id IS NOT NULL;
CREATE INDEX receipts_client_idx ON receipts (client_id, issued_at DESC, id DESC);
CREATE INDEX receipts_issued_idx ON receipts (issued_at DESC, id DESC);

-- Problems reported by staff (PRODUCT §2), optionally about one order or one job.
CREATE TABLE tickets (
  id bigserial PRIMARY KEY,
  title varchar(200) NOT NULL,
  description text NOT NULL,
  priority text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
  created_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  assigned_to bigint REFERENCES users (id) ON DELETE RESTRICT,
  laundry_order_id bigint REFERENCES laundry_orders (id) ON DELETE RESTRICT,
  cleaning_job_id bigint REFERENCES cleaning_jobs (id) ON DELETE RESTRICT,
  resolved_at timestamptz,
  resolved_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  resolution varchar(2000),
  closed_at timestamptz,
  closed_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT tickets_one_link CHECK (num_nonnulls(laundry_order_id, cleaning_job_id) <= 1),
  CONSTRAINT tickets_resolved_stamp CHECK (status NOT IN ('resolved', 'closed') OR resolved_at IS NOT NULL OR closed_at IS NOT NULL)
);
CREATE INDEX tickets_status_idx ON tickets (status, created_at);
CREATE INDEX tickets_created_by_idx ON tickets (created_by, created_at);
CREATE INDEX tickets_assignee_idx ON tickets (assigned_to, status) WHERE assigned_to IS NOT NULL;
CREATE INDEX tickets_laundry_order_idx ON tickets (laundry_order_id) WHERE laundry_order_id IS NOT NULL;
CREATE INDEX tickets_cleaning_job_idx ON tickets (cleaning_job_id) WHERE cleaning_job_id IS NOT NULL;

CREATE TABLE ticket_comments (
  id bigserial PRIMARY KEY,
  ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  author_id bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  body varchar(4000) NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, created_at, id);

-- Down Migration
DROP TABLE ticket_comments;
DROP TABLE tickets;
DROP TABLE receipts;
DROP TABLE receipt_counters;
DROP TABLE payments;
