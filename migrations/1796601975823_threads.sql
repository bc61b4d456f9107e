-- Up Migration

-- Conversations (issue 23 §2): one thread per laundry order, cleaning job or client request, between the
-- client and staff (and the workers of an open job). The subject is named by kind and id rather than by a
-- foreign key per kind, so a later kind of subject is one more value in the check; the thread is made
-- with its first message or assignment. The client is copied from the subject so access, the inbox and
-- GDPR read one table.
CREATE TABLE threads (
  id bigserial PRIMARY KEY,
  subject text NOT NULL CHECK (subject IN ('laundry_order', 'cleaning_job', 'request')),
  subject_id bigint NOT NULL,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  assignee_id bigint REFERENCES users (id) ON DELETE RESTRICT,
  last_message_id bigint,
  last_message_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (subject, subject_id)
);
CREATE INDEX threads_client_idx ON threads (client_id, last_message_at DESC NULLS LAST, id DESC);
CREATE INDEX threads_recent_idx ON threads (last_message_at DESC NULLS LAST, id DESC);

-- Plain text, kept as written (never HTML). The author is a staff member or worker (user) or the client.
CREATE TABLE thread_messages (
  id bigserial PRIMARY KEY,
  thread_id bigint NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  author_user_id bigint REFERENCES users (id) ON DELETE RESTRICT,
  author_client_id bigint REFERENCES clients (id) ON DELETE RESTRICT,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL,
  CONSTRAINT thread_messages_one_author CHECK (num_nonnulls(author_user_id, author_client_id) = 1)
);
CREATE INDEX thread_messages_thread_idx ON thread_messages (thread_id, id);
-- The per-author rate limit counts an author's last minute.
CREATE INDEX thread_messages_user_recent_idx ON thread_messages (author_user_id, created_at) WHERE author_user_id IS NOT NULL;
CREATE INDEX thread_messages_client_recent_idx ON thread_messages (author_client_id, created_at) WHERE author_client_id IS NOT NULL;

-- How far each reader has read a thread: unread = later messages by someone else.
CREATE TABLE thread_reads (
  thread_id bigint NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  reader_type text NOT NULL CHECK (reader_type IN ('user', 'client')),
  reader_id bigint NOT NULL,
  last_read_message_id bigint NOT NULL,
  PRIMARY KEY (thread_id, reader_type, reader_id)
);

-- Down Migration
DROP TABLE thread_reads;
DROP TABLE thread_messages;
DROP TABLE threads;
