-- Up Migration

-- The service catalogue. Services are deactivated, never deleted: order lines keep pointing at them.
CREATE TABLE laundry_services (
  id bigserial PRIMARY KEY,
  code varchar(40) NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name varchar(120) NOT NULL,
  name_en varchar(120) NOT NULL,
  pricing_unit text NOT NULL CHECK (pricing_unit IN ('per_kg', 'per_item')),
  price_cents integer NOT NULL CHECK (price_cents BETWEEN 0 AND 100000),
  minimum_charge_cents integer CHECK (minimum_charge_cents BETWEEN 0 AND 100000),
  is_package boolean NOT NULL DEFAULT false,
  package_includes text[] NOT NULL DEFAULT '{}',
  description text,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO laundry_services (code, name, name_en, pricing_unit, price_cents, is_package, package_includes, description) VALUES
  ('WASH_IRON', 'Lavar + Engomar', 'Wash + Iron', 'per_kg', 350, true, ARRAY['WASH', 'IRON'],
   'Lavagem e engomagem, vendidas em conjunto (não se separam).'),
  ('DRY_CLEAN', 'Limpeza a seco', 'Dry cleaning', 'per_item', 800, false, '{}', 'Por peça (fatos, casacos, vestidos).'),
  ('IRON_ONLY', 'Só engomar', 'Iron only', 'per_kg', 200, false, '{}', 'Roupa já lavada, só engomada.');

-- Order numbers LDR-YYYYMMDD-NNN: one counter row per Lisbon day, incremented in the order's own
-- transaction, so concurrent creates queue on the row lock and a rolled-back create leaves no gap.
CREATE TABLE laundry_order_counters (
  day date PRIMARY KEY,
  last_number integer NOT NULL
);

CREATE TABLE laundry_orders (
  id bigserial PRIMARY KEY,
  order_number varchar(24) NOT NULL UNIQUE,
  order_day date NOT NULL,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  order_type text NOT NULL CHECK (order_type IN ('bulk_kg', 'itemized', 'house_bundle')),
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'in_progress', 'ready', 'collected', 'delivered', 'cancelled')),
  assigned_worker_id bigint REFERENCES users (id) ON DELETE RESTRICT,
  expected_ready_date date,
  special_instructions text,
  internal_notes text,
  delivery_requested boolean NOT NULL DEFAULT false,
  delivery_property_id bigint REFERENCES properties (id) ON DELETE RESTRICT,
  delivery_address text,
  delivery_date date,
  additional_charges_cents integer NOT NULL DEFAULT 0 CHECK (additional_charges_cents >= 0),
  additional_charges_note varchar(200),
  discount_cents integer NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
  -- Pricing snapshot: the settings in force when the order was priced.
  delivery_fee_cents integer NOT NULL CHECK (delivery_fee_cents >= 0),
  vat_rate_bp integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  lines_total_cents integer NOT NULL DEFAULT 0,
  subtotal_cents integer NOT NULL DEFAULT 0 CHECK (subtotal_cents >= 0),
  vat_cents integer NOT NULL DEFAULT 0 CHECK (vat_cents >= 0),
  total_cents integer NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
  priced_at timestamptz,
  ready_at timestamptz,
  collected_at timestamptz,
  delivered_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason varchar(500),
  version integer NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT laundry_orders_total_check CHECK (total_cents = subtotal_cents + vat_cents),
  CONSTRAINT laundry_orders_delivery_check CHECK (delivery_requested OR (delivery_property_id IS NULL AND delivery_address IS NULL))
);
CREATE INDEX laundry_orders_status_idx ON laundry_orders (status, created_at DESC, id DESC);
CREATE INDEX laundry_orders_created_idx ON laundry_orders (created_at DESC, id DESC);
CREATE INDEX laundry_orders_client_idx ON laundry_orders (client_id, created_at DESC, id DESC);
CREATE INDEX laundry_orders_assignee_idx ON laundry_orders (assigned_worker_id, status) WHERE assigned_worker_id IS NOT NULL;
-- Accrual date for revenue and VAT (PRODUCT §4): collected or delivered.
CREATE INDEX laundry_orders_accrual_idx ON laundry_orders ((COALESCE(collected_at, delivered_at))) WHERE status IN ('collected', 'delivered');

CREATE TABLE laundry_order_lines (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES laundry_orders (id) ON DELETE CASCADE,
  position integer NOT NULL,
  service_id bigint NOT NULL REFERENCES laundry_services (id) ON DELETE RESTRICT,
  -- Snapshot of the catalogue entry as priced.
  service_code varchar(40) NOT NULL,
  service_name varchar(120) NOT NULL,
  service_name_en varchar(120) NOT NULL,
  pricing_unit text NOT NULL CHECK (pricing_unit IN ('per_kg', 'per_item')),
  unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
  minimum_charge_cents integer,
  weight_grams integer CHECK (weight_grams > 0),
  quantity integer CHECK (quantity > 0),
  item_type varchar(80),
  item_category varchar(80),
  condition_notes varchar(500),
  special_treatment varchar(500),
  base_cents integer NOT NULL CHECK (base_cents >= 0),
  minimum_applied boolean NOT NULL DEFAULT false,
  total_cents integer NOT NULL CHECK (total_cents >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT laundry_order_lines_amount_check CHECK (
    (pricing_unit = 'per_kg' AND weight_grams IS NOT NULL) OR (pricing_unit = 'per_item' AND quantity IS NOT NULL))
);
CREATE INDEX laundry_order_lines_order_idx ON laundry_order_lines (order_id, position);

CREATE TABLE laundry_order_status_history (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES laundry_orders (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  changed_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  note varchar(500),
  is_revert boolean NOT NULL DEFAULT false,
  changed_at timestamptz NOT NULL
);
CREATE INDEX laundry_order_status_history_order_idx ON laundry_order_status_history (order_id, changed_at, id);

-- Down Migration
DROP TABLE laundry_order_status_history;
DROP TABLE laundry_order_lines;
DROP TABLE laundry_orders;
DROP TABLE laundry_order_counters;
DROP TABLE laundry_services;
