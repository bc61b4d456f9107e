-- Up Migration

-- Checklists: staff keep templates (sections of items; an item may need a photo), a property names its
-- default, and a job keeps its own copy taken when first needed, so a later template edit never
-- changes what a worker ticked. A job is completed with every required item done, or a staff waiver.
CREATE TABLE checklist_templates (
  id bigserial PRIMARY KEY,
  name varchar(120) NOT NULL,
  -- [{ "title": "Cozinha", "items": [{ "label": "…", "required": true, "requiresPhoto": false }] }]
  sections jsonb NOT NULL CHECK (jsonb_typeof(sections) = 'array'),
  version integer NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

ALTER TABLE property_turnover_rules ADD COLUMN checklist_template_id bigint REFERENCES checklist_templates (id) ON DELETE SET NULL;

CREATE TABLE job_checklists (
  job_id bigint PRIMARY KEY REFERENCES cleaning_jobs (id) ON DELETE CASCADE,
  template_id bigint REFERENCES checklist_templates (id) ON DELETE SET NULL,
  template_name varchar(120) NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE job_checklist_items (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES job_checklists (job_id) ON DELETE CASCADE,
  position integer NOT NULL,
  section varchar(120) NOT NULL,
  label varchar(300) NOT NULL,
  required boolean NOT NULL,
  requires_photo boolean NOT NULL,
  done boolean NOT NULL DEFAULT false,
  -- The tap that set `done` (the phone's time when it was queued offline): an older replay never undoes a newer tap.
  changed_at timestamptz,
  changed_by bigint REFERENCES users (id) ON DELETE SET NULL,
  received_at timestamptz,
  photo_id bigint REFERENCES cleaning_job_photos (id) ON DELETE SET NULL,
  CONSTRAINT job_checklist_items_position_key UNIQUE (job_id, position)
);

CREATE TABLE job_checklist_waivers (
  job_id bigint PRIMARY KEY REFERENCES cleaning_jobs (id) ON DELETE CASCADE,
  reason varchar(500) NOT NULL,
  waived_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  waived_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE job_checklist_waivers;
DROP TABLE job_checklist_items;
DROP TABLE job_checklists;
ALTER TABLE property_turnover_rules DROP COLUMN checklist_template_id;
DROP TABLE checklist_templates;
