-- Up Migration

-- Price-list categories (clothing, bedding, curtains…). Like services they are deactivated, never deleted.
CREATE TABLE laundry_categories (
  id bigserial PRIMARY KEY,
  name varchar(80) NOT NULL,
  name_en varchar(80) NOT NULL,
  position integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX laundry_categories_name_idx ON laundry_categories (lower(name));

INSERT INTO laundry_categories (name, name_en, position) VALUES
  ('Ao quilo', 'By weight', 1),
  ('Vestuário', 'Clothing', 2),
  ('Roupa de cama', 'Bedding', 3),
  ('Cortinados', 'Curtains', 4),
  ('Casa', 'Household', 5),
  ('Calçado', 'Shoes', 6),
  ('Arranjos', 'Alterations', 7);

-- A service is one entry of the price list: a category, a turnaround (days to the expected ready date)
-- and an optional express option (a percentage in basis points or a fixed amount in cents, with its own
-- shorter turnaround). The code is made from the name on creation and never shown as a label.
ALTER TABLE laundry_services
  ADD COLUMN category_id bigint REFERENCES laundry_categories (id) ON DELETE RESTRICT,
  ADD COLUMN position integer NOT NULL DEFAULT 0,
  ADD COLUMN turnaround_days integer NOT NULL DEFAULT 2 CHECK (turnaround_days BETWEEN 0 AND 60),
  ADD COLUMN express_kind text CHECK (express_kind IN ('percent', 'fixed')),
  ADD COLUMN express_value integer CHECK (express_value BETWEEN 0 AND 100000),
  ADD COLUMN express_turnaround_days integer CHECK (express_turnaround_days BETWEEN 0 AND 60),
  ADD CONSTRAINT laundry_services_express_check CHECK (
    (express_kind IS NULL AND express_value IS NULL AND express_turnaround_days IS NULL)
    OR (express_kind IS NOT NULL AND express_value IS NOT NULL AND express_turnaround_days IS NOT NULL));

UPDATE laundry_services SET category_id = (SELECT id FROM laundry_categories WHERE name = 'Ao quilo'), turnaround_days = 2,
  express_kind = 'percent', express_value = 5000, express_turnaround_days = 1
  WHERE code IN ('WASH_IRON', 'IRON_ONLY');
UPDATE laundry_services SET category_id = (SELECT id FROM laundry_categories WHERE name = 'Vestuário'), turnaround_days = 3,
  express_kind = 'fixed', express_value = 400, express_turnaround_days = 1
  WHERE code = 'DRY_CLEAN';

-- Express is chosen per order; each line keeps the surcharge it was priced with.
ALTER TABLE laundry_orders ADD COLUMN express boolean NOT NULL DEFAULT false;
ALTER TABLE laundry_order_lines ADD COLUMN express_cents integer NOT NULL DEFAULT 0 CHECK (express_cents >= 0);

-- Rack/shelf locations where ready orders wait. An order holds at most one, a rack at most one order;
-- the order lets go of it when it leaves `ready`.
CREATE TABLE laundry_racks (
  id bigserial PRIMARY KEY,
  code varchar(20) NOT NULL,
  position integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX laundry_racks_code_idx ON laundry_racks (upper(code));
ALTER TABLE laundry_orders ADD COLUMN rack_id bigint REFERENCES laundry_racks (id) ON DELETE RESTRICT;
CREATE UNIQUE INDEX laundry_orders_rack_idx ON laundry_orders (rack_id) WHERE rack_id IS NOT NULL;

-- The garments (per-item lines) and bags (per-kg lines) of an order, each with a tag: `003-07` is short,
-- printable and read aloud at the counter (unique in its order), the global code (order number + tag)
-- is what the label's QR code holds.
CREATE TABLE laundry_items (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES laundry_orders (id) ON DELETE CASCADE,
  line_id bigint NOT NULL REFERENCES laundry_order_lines (id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq > 0),
  kind text NOT NULL CHECK (kind IN ('item', 'bag')),
  tag_code varchar(16) NOT NULL,
  global_code varchar(40) NOT NULL UNIQUE,
  description varchar(120) NOT NULL,
  category varchar(80),
  colour varchar(40),
  brand varchar(60),
  notes varchar(500),
  stage text NOT NULL DEFAULT 'received' CHECK (stage IN ('received', 'washing', 'drying', 'ironing', 'ready')),
  stage_changed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (order_id, seq),
  UNIQUE (order_id, tag_code)
);
CREATE INDEX laundry_items_line_idx ON laundry_items (line_id);

CREATE TABLE laundry_item_stage_history (
  id bigserial PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES laundry_items (id) ON DELETE CASCADE,
  from_stage text NOT NULL,
  to_stage text NOT NULL,
  changed_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  note varchar(500),
  is_revert boolean NOT NULL DEFAULT false,
  changed_at timestamptz NOT NULL
);
CREATE INDEX laundry_item_stage_history_item_idx ON laundry_item_stage_history (item_id, changed_at, id);

-- Down Migration
DROP TABLE laundry_item_stage_history;
DROP TABLE laundry_items;
DROP INDEX laundry_orders_rack_idx;
ALTER TABLE laundry_orders DROP COLUMN rack_id;
DROP TABLE laundry_racks;
ALTER TABLE laundry_order_lines DROP COLUMN express_cents;
ALTER TABLE laundry_orders DROP COLUMN express;
ALTER TABLE laundry_services DROP CONSTRAINT laundry_services_express_check,
  DROP COLUMN express_turnaround_days, DROP COLUMN express_value, DROP COLUMN express_kind,
  DROP COLUMN turnaround_days, DROP COLUMN position, DROP COLUMN category_id;
DROP TABLE laundry_categories;
