-- Up Migration

-- Photos a client (or staff) attach to a request or to a message of a conversation (issue 23 §1–2), kept
-- like every other photo: re-encoded, metadata stripped, private storage under random keys, a thumbnail,
-- the original upload not kept. Each belongs to exactly one request or one message and goes with it; the
-- client is copied from the owner so access and GDPR read one table.
CREATE TABLE attached_photos (
  id bigserial PRIMARY KEY,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  request_id bigint REFERENCES client_requests (id) ON DELETE CASCADE,
  message_id bigint REFERENCES thread_messages (id) ON DELETE CASCADE,
  uploader_user_id bigint REFERENCES users (id) ON DELETE RESTRICT,
  uploader_client_id bigint REFERENCES clients (id) ON DELETE RESTRICT,
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
  CONSTRAINT attached_photos_one_owner CHECK (num_nonnulls(request_id, message_id) = 1),
  CONSTRAINT attached_photos_one_uploader CHECK (num_nonnulls(uploader_user_id, uploader_client_id) = 1)
);
CREATE INDEX attached_photos_request_idx ON attached_photos (request_id, id) WHERE request_id IS NOT NULL;
CREATE INDEX attached_photos_message_idx ON attached_photos (message_id, id) WHERE message_id IS NOT NULL;
CREATE INDEX attached_photos_client_idx ON attached_photos (client_id);

-- A message may be photos alone: its text may now be empty (the service requires text or a photo).
ALTER TABLE thread_messages DROP CONSTRAINT thread_messages_body_check;
ALTER TABLE thread_messages ADD CONSTRAINT thread_messages_body_check CHECK (char_length(body) <= 2000);

-- Down Migration
DELETE FROM thread_messages WHERE body = '';
ALTER TABLE thread_messages DROP CONSTRAINT thread_messages_body_check;
ALTER TABLE thread_messages ADD CONSTRAINT thread_messages_body_check CHECK (char_length(body) BETWEEN 1 AND 2000);
DROP TABLE attached_photos;
