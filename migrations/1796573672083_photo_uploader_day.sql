-- Up Migration

-- The daily photo quota counts one person's photos since the start of the Lisbon day: an index on
-- (uploader, time) reads just that day, where the uploader index alone read their whole history.
CREATE INDEX cleaning_job_photos_uploader_day_idx ON cleaning_job_photos (uploaded_by, uploaded_at);
DROP INDEX cleaning_job_photos_uploader_idx;

-- Down Migration
CREATE INDEX cleaning_job_photos_uploader_idx ON cleaning_job_photos (uploaded_by);
DROP INDEX cleaning_job_photos_uploader_day_idx;
