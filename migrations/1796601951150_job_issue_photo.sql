-- Up Migration

-- A problem noted on a cleaning job (issue 20 §5) is a ticket linked to the job; it may carry one
-- photo of that job, taken through the photo pipeline as a "detail" photo. Deleting the photo keeps
-- the ticket.
ALTER TABLE tickets ADD COLUMN photo_id bigint REFERENCES cleaning_job_photos (id) ON DELETE SET NULL;
ALTER TABLE tickets ADD CONSTRAINT tickets_photo_of_job CHECK (photo_id IS NULL OR cleaning_job_id IS NOT NULL);

-- Down Migration
ALTER TABLE tickets DROP CONSTRAINT tickets_photo_of_job;
ALTER TABLE tickets DROP COLUMN photo_id;
