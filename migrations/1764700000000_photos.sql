-- Up Migration

-- Proof-of-work photos of a cleaning job. Only the processed images are kept (re-encoded, at most
-- 2560 px, metadata stripped) with their thumbnails, under random storage keys; the original upload is
-- not. The client's name for the file is kept for display only and never touches storage.
CREATE TABLE cleaning_job_photos (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES cleaning_jobs (id) ON DELETE RESTRICT,
  uploaded_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  photo_type text NOT NULL CHECK (photo_type IN ('before', 'after', 'detail')),
  room_area varchar(100) CHECK (room_area IS NULL OR btrim(room_area) <> ''),
  caption varchar(500),
  -- The phone's key for this photo: a retried upload with the same key returns the photo it made.
  upload_key varchar(100),
  storage_key text NOT NULL UNIQUE,
  thumbnail_key text NOT NULL UNIQUE,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  thumbnail_size_bytes integer NOT NULL CHECK (thumbnail_size_bytes > 0),
  thumbnail_width integer NOT NULL CHECK (thumbnail_width > 0),
  thumbnail_height integer NOT NULL CHECK (thumbnail_height > 0),
  -- Content hashes: the strong ETags of the two images (the bytes under a key never change).
  content_sha256 char(64) NOT NULL,
  thumbnail_sha256 char(64) NOT NULL,
  source_format text NOT NULL CHECK (source_format IN ('jpeg', 'png', 'webp', 'avif', 'heic')),
  original_file_name varchar(255),
  -- Capture time from the photo's EXIF, when it had one.
  taken_at timestamptz,
  uploaded_at timestamptz NOT NULL,
  -- The first time the job's client loaded the photo (or its thumbnail).
  client_viewed_at timestamptz,
  CONSTRAINT cleaning_job_photos_upload_key UNIQUE (job_id, upload_key)
);
CREATE INDEX cleaning_job_photos_job_idx ON cleaning_job_photos (job_id, photo_type, uploaded_at, id);
CREATE INDEX cleaning_job_photos_uploader_idx ON cleaning_job_photos (uploaded_by);

-- Staff's recorded decision that a job may be completed without an "after" photo, with the reason.
CREATE TABLE cleaning_job_photo_waivers (
  job_id bigint PRIMARY KEY REFERENCES cleaning_jobs (id) ON DELETE CASCADE,
  reason varchar(500) NOT NULL CHECK (btrim(reason) <> ''),
  waived_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  waived_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE cleaning_job_photo_waivers;
DROP TABLE cleaning_job_photos;
