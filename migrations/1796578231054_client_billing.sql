-- Up Migration

-- Client accounts (issue 19): each client's own prices, how they are billed, and the reminders sent.

-- How a client is billed: per document (pays each order or job), or monthly (on account, pays the
-- statement issued on the 1st for the month before). Reminders can be switched off per client.
ALTER TABLE clients
  ADD COLUMN billing text NOT NULL DEFAULT 'per_document' CHECK (billing IN ('per_document', 'monthly')),
  ADD COLUMN reminders_excluded boolean NOT NULL DEFAULT false;

-- A client's own price for a laundry service (per kg or per item, like the catalogue) or for the
-- cleaning hour, valid on the Lisbon days from valid_from to valid_to (open-ended when NULL). Two prices
-- of the same client and item never overlap (the service checks under the client's row lock).
CREATE TABLE client_prices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  item text NOT NULL CHECK (item IN ('laundry_service', 'cleaning_hour')),
  service_id bigint REFERENCES laundry_services (id),
  price_cents integer NOT NULL CHECK (price_cents > 0),
  valid_from date NOT NULL,
  valid_to date,
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK ((item = 'laundry_service') = (service_id IS NOT NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX client_prices_client_idx ON client_prices (client_id, item, service_id, valid_from);

-- Whether a price came from the client's own prices (shown as "client price"); the price itself is
-- already snapshotted on the line (unit_price_cents) and on the job (hourly_rate_cents).
ALTER TABLE laundry_order_lines ADD COLUMN client_price boolean NOT NULL DEFAULT false;
ALTER TABLE cleaning_jobs ADD COLUMN client_price boolean NOT NULL DEFAULT false;
ALTER TABLE cleaning_job_series ADD COLUMN client_price boolean NOT NULL DEFAULT false;

-- Reminders of overdue documents: one row per document and step (days after accrual), so a step is
-- reminded at most once however many workers run the tick (the insert claims it).
CREATE TABLE document_reminders (
  line text NOT NULL CHECK (line IN ('laundry', 'cleaning')),
  document_id bigint NOT NULL,
  step_days integer NOT NULL,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  balance_cents bigint NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (line, document_id, step_days)
);
CREATE INDEX document_reminders_client_idx ON document_reminders (client_id);

-- Monthly statements issued to on-account clients: one per client and month, claimed by the insert so
-- the e-mail goes once however many instances run the tick, and a retried tick skips the clients done.
CREATE TABLE statement_issues (
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  closing_balance_cents bigint NOT NULL,
  issued_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, month)
);

-- Down Migration
DROP TABLE statement_issues;
DROP TABLE document_reminders;
ALTER TABLE cleaning_job_series DROP COLUMN client_price;
ALTER TABLE cleaning_jobs DROP COLUMN client_price;
ALTER TABLE laundry_order_lines DROP COLUMN client_price;
DROP TABLE client_prices;
ALTER TABLE clients DROP COLUMN reminders_excluded, DROP COLUMN billing;
