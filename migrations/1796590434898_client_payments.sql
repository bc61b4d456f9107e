-- Up Migration

-- One payment of a client across several of their open orders and jobs (issue 19 §3). Each part is an
-- ordinary payment row against one document (so balances, receivables, statements and receipts read it
-- unchanged); this row groups them and carries the payment's own receipt number PAG-YYYY-MM-####.
CREATE TABLE client_payment_counters (
  month char(7) PRIMARY KEY CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  last_number integer NOT NULL
);

CREATE TABLE client_payments (
  id bigserial PRIMARY KEY,
  payment_number varchar(20) NOT NULL UNIQUE,
  month char(7) NOT NULL,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  amount_cents integer NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 10000000),
  method text NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'mbway', 'other')),
  paid_at timestamptz NOT NULL,
  notes varchar(500),
  created_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL
);
CREATE INDEX client_payments_client_idx ON client_payments (client_id, paid_at DESC, id DESC);

ALTER TABLE payments ADD COLUMN client_payment_id bigint REFERENCES client_payments (id) ON DELETE RESTRICT;
CREATE INDEX payments_client_payment_idx ON payments (client_payment_id) WHERE client_payment_id IS NOT NULL;

-- Down Migration
ALTER TABLE payments DROP COLUMN client_payment_id;
DROP TABLE client_payments;
DROP TABLE client_payment_counters;
