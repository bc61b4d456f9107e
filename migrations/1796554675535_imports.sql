-- Up Migration

-- Spreadsheet imports (clients, properties, catalogue services): a file is read into a draft — every
-- row with its outcome (valid, invalid with the reasons, duplicate of a record or of an earlier row) —
-- and only a commit writes records, all in one transaction. Drafts hold the file's cells and are
-- removed a day after they were made; a commit clears the cells and keeps per row only what it did
-- (created, updated, skipped) and the record it made, so an import can be undone and holds no copy of
-- personal data once applied.
CREATE TABLE imports (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('clients', 'properties', 'services')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'committed', 'undone')),
  file_name varchar(255),
  file_sha256 char(64) NOT NULL,
  file_bytes integer NOT NULL CHECK (file_bytes >= 0),
  encoding text NOT NULL CHECK (encoding IN ('utf-8', 'windows-1252')),
  delimiter text NOT NULL CHECK (delimiter IN (';', ',', E'\t')),
  headers text[] NOT NULL,
  -- Per column of the file, the field it fills (null: ignored).
  columns text[] NOT NULL,
  total_rows integer NOT NULL DEFAULT 0,
  valid_rows integer NOT NULL DEFAULT 0,
  invalid_rows integer NOT NULL DEFAULT 0,
  duplicate_rows integer NOT NULL DEFAULT 0,
  duplicate_policy text CHECK (duplicate_policy IN ('skip', 'update')),
  created_count integer,
  updated_count integer,
  skipped_count integer,
  created_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL,
  committed_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  committed_at timestamptz,
  undone_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  undone_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT imports_columns_match CHECK (cardinality(columns) = cardinality(headers)),
  CONSTRAINT imports_committed_stamp CHECK (status = 'draft' OR (committed_at IS NOT NULL AND committed_by IS NOT NULL)),
  CONSTRAINT imports_undone_stamp CHECK ((status = 'undone') = (undone_at IS NOT NULL))
);
CREATE INDEX imports_created_idx ON imports (created_at DESC, id DESC);
CREATE INDEX imports_drafts_idx ON imports (created_at) WHERE status = 'draft';

CREATE TABLE import_rows (
  import_id bigint NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  -- The row's line in the file as a spreadsheet numbers it (the header is line 1).
  line integer NOT NULL CHECK (line >= 2),
  cells text[],
  outcome text NOT NULL CHECK (outcome IN ('valid', 'invalid', 'duplicate')),
  errors jsonb NOT NULL DEFAULT '[]',
  -- {"field": "phone", "recordId": 12} (an existing record) or {"field": "phone", "line": 7} (an earlier row).
  duplicate_of jsonb,
  action text CHECK (action IN ('created', 'updated', 'skipped')),
  entity_id bigint,
  -- The record's version as the commit left it: undo refuses records edited since.
  entity_version integer,
  PRIMARY KEY (import_id, line)
);
CREATE INDEX import_rows_outcome_idx ON import_rows (import_id, outcome, line);

-- Down Migration
DROP TABLE import_rows;
DROP TABLE imports;
