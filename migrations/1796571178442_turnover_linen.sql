-- Up Migration

-- A short-let property's linen set (2 double bed sets, 4 bath towels…), each line a per-item catalogue
-- service. When a turnover is completed its linen becomes a laundry order for the host, with the counts
-- the worker confirmed on site (a missing towel is counted out before completing).
CREATE TABLE property_linen_items (
  id bigserial PRIMARY KEY,
  property_id bigint NOT NULL REFERENCES properties (id) ON DELETE CASCADE,
  position integer NOT NULL,
  service_id bigint NOT NULL REFERENCES laundry_services (id) ON DELETE RESTRICT,
  label varchar(120) NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 500),
  CONSTRAINT property_linen_items_position_key UNIQUE (property_id, position)
);

CREATE TABLE job_linen_counts (
  job_id bigint NOT NULL REFERENCES cleaning_jobs (id) ON DELETE CASCADE,
  linen_item_id bigint NOT NULL REFERENCES property_linen_items (id) ON DELETE CASCADE,
  quantity integer NOT NULL CHECK (quantity BETWEEN 0 AND 500),
  counted_by bigint REFERENCES users (id) ON DELETE SET NULL,
  counted_at timestamptz NOT NULL,
  PRIMARY KEY (job_id, linen_item_id)
);

-- The laundry order a completed turnover's linen became (one per job).
CREATE TABLE job_linen_orders (
  job_id bigint PRIMARY KEY REFERENCES cleaning_jobs (id) ON DELETE CASCADE,
  order_id bigint NOT NULL UNIQUE REFERENCES laundry_orders (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE job_linen_orders;
DROP TABLE job_linen_counts;
DROP TABLE property_linen_items;
