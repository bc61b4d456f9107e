-- Up Migration

-- A checklist template can be switched off: it is no longer offered as a property's default, while the
-- properties that already name it and the jobs that copied it keep working.
ALTER TABLE checklist_templates ADD COLUMN is_active boolean NOT NULL DEFAULT true;

-- Down Migration

ALTER TABLE checklist_templates DROP COLUMN is_active;
