-- Up Migration
-- Issue 23 §1: a client asks for a laundry pickup, a delivery of a ready order, or a cleaning visit;
-- staff accept (creating the order or job from it), propose another time, or decline.
CREATE TABLE client_requests (
  id bigserial PRIMARY KEY,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  kind text NOT NULL CHECK (kind IN ('pickup', 'delivery', 'cleaning')),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'proposed', 'pending_confirmation', 'accepted', 'declined', 'cancelled')),
  property_id bigint REFERENCES properties (id) ON DELETE RESTRICT,
  address varchar(500),
  -- The ready order a delivery is asked for (kind 'delivery').
  laundry_order_id bigint REFERENCES laundry_orders (id) ON DELETE RESTRICT,
  preferred_date date NOT NULL,
  window_start time NOT NULL,
  window_end time NOT NULL,
  notes varchar(2000),
  proposed_date date,
  proposed_window_start time,
  proposed_window_end time,
  proposal_note varchar(2000),
  decline_reason varchar(2000),
  cancel_reason varchar(2000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT client_requests_window CHECK (window_end > window_start),
  CONSTRAINT client_requests_delivery_order CHECK ((kind = 'delivery') = (laundry_order_id IS NOT NULL)),
  CONSTRAINT client_requests_cleaning_property CHECK (kind <> 'cleaning' OR property_id IS NOT NULL)
);
CREATE INDEX client_requests_state_idx ON client_requests (state, created_at);
CREATE INDEX client_requests_client_idx ON client_requests (client_id, created_at);

-- Who did what to a request and when, shown to the client and to staff.
CREATE TABLE client_request_history (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES client_requests (id) ON DELETE CASCADE,
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'client')),
  actor_id bigint NOT NULL,
  note varchar(2000),
  details jsonb,
  created_at timestamptz NOT NULL
);
CREATE INDEX client_request_history_request_idx ON client_request_history (request_id, created_at);

-- The order or job made from a request carries it; one per request, whoever confirms it first.
ALTER TABLE laundry_orders ADD COLUMN request_id bigint REFERENCES client_requests (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX laundry_orders_request_idx ON laundry_orders (request_id) WHERE request_id IS NOT NULL;
ALTER TABLE cleaning_jobs ADD COLUMN request_id bigint REFERENCES client_requests (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX cleaning_jobs_request_idx ON cleaning_jobs (request_id) WHERE request_id IS NOT NULL;

-- Down Migration
DROP INDEX cleaning_jobs_request_idx;
ALTER TABLE cleaning_jobs DROP COLUMN request_id;
DROP INDEX laundry_orders_request_idx;
ALTER TABLE laundry_orders DROP COLUMN request_id;
DROP TABLE client_request_history;
DROP TABLE client_requests;
