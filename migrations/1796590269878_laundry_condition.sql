-- Up Migration

-- What was wrong with a garment when it came in (issue 21 §6): notes of a kind with free text, and
-- photos kept like every other photo (re-encoded, metadata stripped, private storage under random keys,
-- with a thumbnail; the original upload is not kept).
CREATE TABLE laundry_item_conditions (
  id bigserial PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES laundry_items (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('stain', 'tear', 'missing_button', 'discolouration', 'other')),
  note varchar(500),
  created_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL
);
CREATE INDEX laundry_item_conditions_item_idx ON laundry_item_conditions (item_id, id);

CREATE TABLE laundry_item_condition_photos (
  id bigserial PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES laundry_items (id) ON DELETE RESTRICT,
  uploaded_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  caption varchar(500),
  upload_key varchar(100),
  storage_key text NOT NULL UNIQUE,
  thumbnail_key text NOT NULL UNIQUE,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  thumbnail_size_bytes integer NOT NULL CHECK (thumbnail_size_bytes > 0),
  content_sha256 char(64) NOT NULL,
  thumbnail_sha256 char(64) NOT NULL,
  source_format text NOT NULL CHECK (source_format IN ('jpeg', 'png', 'webp', 'avif', 'heic')),
  original_file_name varchar(255),
  uploaded_at timestamptz NOT NULL,
  CONSTRAINT laundry_item_condition_photos_upload_key UNIQUE (item_id, upload_key)
);
CREATE INDEX laundry_item_condition_photos_item_idx ON laundry_item_condition_photos (item_id, id);

-- The client's acknowledgement of what was noted on the order; cleared when something is noted after it.
ALTER TABLE laundry_orders
  ADD COLUMN condition_acknowledged_at timestamptz,
  ADD COLUMN condition_acknowledged_by bigint REFERENCES clients (id) ON DELETE SET NULL;

-- Down Migration
ALTER TABLE laundry_orders DROP COLUMN condition_acknowledged_by, DROP COLUMN condition_acknowledged_at;
DROP TABLE laundry_item_condition_photos;
DROP TABLE laundry_item_conditions;
