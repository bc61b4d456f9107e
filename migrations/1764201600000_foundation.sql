-- Up Migration

-- Sessions (connect-pg-simple's table, created here so no instance races to create it at run time).
CREATE TABLE session (
  sid varchar NOT NULL COLLATE "default" PRIMARY KEY,
  sess json NOT NULL,
  expire timestamp(6) NOT NULL
);
CREATE INDEX session_expire_idx ON session (expire);
-- Ending every session of one account (password change, deactivation) looks sessions up by principal.
CREATE INDEX session_principal_idx ON session ((sess -> 'auth' ->> 'principal'));

-- Staff accounts. Never hard-deleted: history keeps pointing at them.
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  username varchar(50) NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('master', 'admin', 'worker')),
  name varchar(120) NOT NULL,
  email varchar(254),
  phone varchar(20),
  date_of_birth date,
  nif varchar(9),
  locale text NOT NULL DEFAULT 'pt' CHECK (locale IN ('pt', 'en')),
  is_active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9._-]{3,50}$')
);
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
-- Exactly one master, enforced by the database whatever the code does.
CREATE UNIQUE INDEX users_single_master_key ON users (role) WHERE role = 'master';
CREATE INDEX users_role_idx ON users (role, is_active);

-- Customers: a separate table and a separate login (phone + password).
CREATE TABLE clients (
  id bigserial PRIMARY KEY,
  phone varchar(16) NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  password_hash text NOT NULL,
  name varchar(120) NOT NULL,
  email varchar(254),
  date_of_birth date,
  nif varchar(9),
  notes text,
  is_enterprise boolean NOT NULL DEFAULT false,
  company_name varchar(200),
  locale text NOT NULL DEFAULT 'pt' CHECK (locale IN ('pt', 'en')),
  is_active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT true,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX clients_phone_key ON clients (phone);
CREATE INDEX clients_active_idx ON clients (is_active);

-- Login throttling counters (rate-limiter-flexible's PostgreSQL store), shared by every instance.
CREATE TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
CREATE INDEX rate_limits_expire_idx ON rate_limits (expire);

-- Idempotency-Key replay store: the first response to a (caller, key) is kept and returned to retries.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key varchar(255) NOT NULL,
  request_hash text NOT NULL,
  state text NOT NULL DEFAULT 'in_progress' CHECK (state IN ('in_progress', 'completed')),
  status_code integer,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Down Migration
DROP TABLE idempotency_keys;
DROP TABLE rate_limits;
DROP TABLE clients;
DROP TABLE users;
DROP TABLE session;
