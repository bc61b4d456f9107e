-- Up Migration

-- The importer from the earlier Lavandaria system (npm run import:original): which record here each of
-- its rows became, so a second run adds nothing and a run after new data in the old system adds only
-- that. A row skipped for a reason is not mapped, so it is tried again once fixed at the source.
CREATE TABLE original_import_map (
  entity text NOT NULL,
  original_id bigint NOT NULL,
  new_id bigint NOT NULL,
  run_id bigint NOT NULL,
  PRIMARY KEY (entity, original_id)
);
CREATE INDEX original_import_map_new_idx ON original_import_map (entity, new_id);

-- One run: where it stands (the entity and the last source id of the last committed batch) so an
-- interrupted run resumes there, and its report (counts and every skipped row with its reason).
CREATE TABLE original_import_runs (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
  checkpoint_entity text,
  checkpoint_after_id bigint,
  report jsonb NOT NULL DEFAULT '{}',
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  error text
);
CREATE INDEX original_import_runs_started_idx ON original_import_runs (started_at DESC);

-- Down Migration
DROP TABLE original_import_runs;
DROP TABLE original_import_map;
