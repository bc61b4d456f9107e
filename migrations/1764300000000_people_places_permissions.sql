-- Up Migration

-- Optimistic concurrency: every editable record carries a version that an edit must echo back.
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
-- Sorted, keyset-paged lists (name, created_at) with id as the tie-breaker.
CREATE INDEX users_name_idx ON users (lower(name), id);
CREATE INDEX users_created_idx ON users (created_at, id);

ALTER TABLE clients ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE clients ADD COLUMN deactivated_at timestamptz;
ALTER TABLE clients ADD COLUMN anonymized_at timestamptz;
CREATE INDEX clients_name_idx ON clients (lower(name), id);
CREATE INDEX clients_created_idx ON clients (created_at, id);
CREATE INDEX clients_nif_idx ON clients (nif) WHERE nif IS NOT NULL;

-- A client's places. Access instructions (key and lockbox codes) are stored encrypted by the
-- application (AES-256-GCM, key from configuration); the database never sees them in clear.
CREATE TABLE properties (
  id bigserial PRIMARY KEY,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  name varchar(120) NOT NULL,
  address_line1 varchar(200) NOT NULL,
  address_line2 varchar(200),
  city varchar(100) NOT NULL,
  postal_code varchar(8) NOT NULL CHECK (postal_code ~ '^[0-9]{4}-[0-9]{3}$'),
  district text NOT NULL CHECK (district IN (
    'aveiro', 'beja', 'braga', 'braganca', 'castelo_branco', 'coimbra', 'evora', 'faro', 'guarda', 'leiria',
    'lisboa', 'portalegre', 'porto', 'santarem', 'setubal', 'viana_do_castelo', 'vila_real', 'viseu',
    'acores', 'madeira')),
  property_type text NOT NULL CHECK (property_type IN ('casa', 'apartamento', 'quinta', 'escritorio', 'loja', 'outro')),
  access_instructions_enc text,
  is_primary boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Exactly one primary per client, whatever the code does (a second primary is a unique violation).
CREATE UNIQUE INDEX properties_one_primary_key ON properties (client_id) WHERE is_primary;
CREATE INDEX properties_client_idx ON properties (client_id, created_at, id);

-- Typed settings (the keys, their validation and defaults live in code; a missing row means the default).
CREATE TABLE settings (
  key varchar(64) PRIMARY KEY,
  value jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who did what. Written in the same transaction as the change it records; personal values never
-- enter it (only the names of the fields that changed).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'client', 'system', 'anonymous')),
  actor_id bigint,
  action varchar(64) NOT NULL,
  entity varchar(64) NOT NULL,
  entity_id varchar(64),
  changed_fields text[] NOT NULL DEFAULT '{}',
  before jsonb,
  after jsonb,
  ip varchar(64),
  correlation_id varchar(128)
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_type, actor_id, at DESC);

-- In-app notifications: a type and its parameters, rendered in the reader's language when shown.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  user_id bigint REFERENCES users (id) ON DELETE RESTRICT,
  client_id bigint REFERENCES clients (id) ON DELETE RESTRICT,
  type varchar(64) NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  link varchar(500),
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(user_id, client_id) = 1)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX notifications_client_idx ON notifications (client_id, created_at DESC, id DESC) WHERE client_id IS NOT NULL;

-- E-mail outbox: written in the transaction that caused the mail, delivered by the job queue
-- (never inside the request). Secrets a mail must carry (a reset link) are encrypted and erased once sent.
CREATE TABLE mail_outbox (
  id bigserial PRIMARY KEY,
  user_id bigint REFERENCES users (id) ON DELETE RESTRICT,
  client_id bigint REFERENCES clients (id) ON DELETE RESTRICT,
  to_address varchar(254) NOT NULL,
  type varchar(64) NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  secret_params_enc text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error varchar(500),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CHECK (num_nonnulls(user_id, client_id) = 1)
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (created_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_client_idx ON mail_outbox (client_id) WHERE client_id IS NOT NULL;

-- One-time password reset tokens (e-mailed link or a link staff hand over). Only a SHA-256 hash is kept.
CREATE TABLE password_reset_tokens (
  id bigserial PRIMARY KEY,
  user_id bigint REFERENCES users (id) ON DELETE RESTRICT,
  client_id bigint REFERENCES clients (id) ON DELETE RESTRICT,
  token_hash char(64) NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('email', 'staff_link')),
  created_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK (num_nonnulls(user_id, client_id) = 1)
);
CREATE INDEX password_reset_tokens_client_idx ON password_reset_tokens (client_id) WHERE client_id IS NOT NULL;
CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id) WHERE user_id IS NOT NULL;

-- Down Migration
DROP TABLE password_reset_tokens;
DROP TABLE mail_outbox;
DROP TABLE notifications;
DROP TABLE audit_log;
DROP TABLE settings;
DROP TABLE properties;
DROP INDEX clients_nif_idx;
DROP INDEX clients_created_idx;
DROP INDEX clients_name_idx;
ALTER TABLE clients DROP COLUMN anonymized_at;
ALTER TABLE clients DROP COLUMN deactivated_at;
ALTER TABLE clients DROP COLUMN version;
DROP INDEX users_created_idx;
DROP INDEX users_name_idx;
ALTER TABLE users DROP COLUMN deactivated_at;
ALTER TABLE users DROP COLUMN version;
