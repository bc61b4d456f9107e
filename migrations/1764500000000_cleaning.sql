-- Up Migration

-- A recurring cleaning: the rule (weekly / every N weeks / monthly on a day, until a date) and the
-- template its occurrences are generated from. Occurrence n falls on rule(anchor_date, n); the
-- background generator keeps the jobs created up to a horizon ahead.
CREATE TABLE cleaning_job_series (
  id bigserial PRIMARY KEY,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  property_id bigint NOT NULL REFERENCES properties (id) ON DELETE RESTRICT,
  frequency text NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
  interval_count integer NOT NULL DEFAULT 1 CHECK (interval_count BETWEEN 1 AND 12),
  anchor_date date NOT NULL,
  -- Monthly: the day of the month (clamped to the month's last day when it is shorter).
  day_of_month smallint CHECK (day_of_month BETWEEN 1 AND 31),
  until_date date NOT NULL,
  job_type text NOT NULL CHECK (job_type IN ('airbnb', 'house')),
  start_time time NOT NULL,
  estimated_minutes integer NOT NULL CHECK (estimated_minutes > 0 AND estimated_minutes % 30 = 0),
  hourly_rate_cents integer NOT NULL CHECK (hourly_rate_cents BETWEEN 0 AND 100000),
  special_instructions text,
  internal_notes text,
  -- The next occurrence not generated yet, and its date: the generator's cursor.
  next_index integer NOT NULL DEFAULT 0,
  next_date date NOT NULL,
  ended_at timestamptz,
  created_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT cleaning_job_series_monthly_day CHECK ((frequency = 'monthly') = (day_of_month IS NOT NULL))
);
CREATE INDEX cleaning_job_series_due_idx ON cleaning_job_series (next_date) WHERE ended_at IS NULL;
CREATE INDEX cleaning_job_series_client_idx ON cleaning_job_series (client_id);

-- The series' workers in order (position 1 = primary), copied onto each generated occurrence.
CREATE TABLE cleaning_job_series_workers (
  series_id bigint NOT NULL REFERENCES cleaning_job_series (id) ON DELETE CASCADE,
  worker_id bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  position smallint NOT NULL CHECK (position >= 1),
  PRIMARY KEY (series_id, worker_id),
  UNIQUE (series_id, position)
);

CREATE TABLE cleaning_jobs (
  id bigserial PRIMARY KEY,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  property_id bigint NOT NULL REFERENCES properties (id) ON DELETE RESTRICT,
  job_type text NOT NULL CHECK (job_type IN ('airbnb', 'house')),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled')),
  -- The Lisbon wall-clock date and time as booked, and the instants they stand for (computed in the app,
  -- DST included): the date serves day views, the instants ordering and overlap checks.
  scheduled_date date NOT NULL,
  scheduled_time time NOT NULL,
  scheduled_start_at timestamptz NOT NULL,
  scheduled_end_at timestamptz NOT NULL,
  estimated_minutes integer NOT NULL CHECK (estimated_minutes > 0 AND estimated_minutes % 30 = 0 AND estimated_minutes <= 1440),
  hourly_rate_cents integer NOT NULL CHECK (hourly_rate_cents BETWEEN 0 AND 100000),
  special_instructions text,
  internal_notes text,
  series_id bigint REFERENCES cleaning_job_series (id) ON DELETE RESTRICT,
  series_index integer,
  started_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason varchar(500),
  -- Pricing snapshot taken at completion (PRODUCT §4): every input, so a later setting never reprices.
  billing_increment_minutes integer CHECK (billing_increment_minutes > 0),
  vat_rate_bp integer CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  labour_minutes integer CHECK (labour_minutes >= 0),
  billable_minutes integer CHECK (billable_minutes >= 0),
  subtotal_cents integer CHECK (subtotal_cents >= 0),
  vat_cents integer CHECK (vat_cents >= 0),
  total_cents integer CHECK (total_cents >= 0),
  priced_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT cleaning_jobs_end_after_start CHECK (scheduled_end_at > scheduled_start_at),
  CONSTRAINT cleaning_jobs_series_pair CHECK ((series_id IS NULL) = (series_index IS NULL)),
  CONSTRAINT cleaning_jobs_completed_priced CHECK (status <> 'completed' OR (completed_at IS NOT NULL AND total_cents IS NOT NULL)),
  CONSTRAINT cleaning_jobs_total_check CHECK (total_cents IS NULL OR total_cents = subtotal_cents + vat_cents)
);
-- One job per occurrence of a series: the generator may run twice (or on two instances) and creates nothing twice.
CREATE UNIQUE INDEX cleaning_jobs_series_occurrence_key ON cleaning_jobs (series_id, series_index) WHERE series_id IS NOT NULL;
CREATE INDEX cleaning_jobs_start_idx ON cleaning_jobs (scheduled_start_at, id);
CREATE INDEX cleaning_jobs_day_idx ON cleaning_jobs (scheduled_date, scheduled_start_at);
CREATE INDEX cleaning_jobs_status_idx ON cleaning_jobs (status, scheduled_start_at, id);
CREATE INDEX cleaning_jobs_client_idx ON cleaning_jobs (client_id, scheduled_start_at, id);
CREATE INDEX cleaning_jobs_property_idx ON cleaning_jobs (property_id, scheduled_start_at);
CREATE INDEX cleaning_jobs_created_idx ON cleaning_jobs (created_at, id);
-- Accrual date for revenue and VAT (PRODUCT §4): completion.
CREATE INDEX cleaning_jobs_accrual_idx ON cleaning_jobs (completed_at) WHERE status = 'completed';

-- The job's workers in order: position 1 is the primary (no separate column that could drift).
CREATE TABLE cleaning_job_workers (
  job_id bigint NOT NULL REFERENCES cleaning_jobs (id) ON DELETE CASCADE,
  worker_id bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  position smallint NOT NULL CHECK (position >= 1),
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (job_id, worker_id),
  UNIQUE (job_id, position)
);
CREATE INDEX cleaning_job_workers_worker_idx ON cleaning_job_workers (worker_id, job_id);

-- Time on site, one log per worker per visit. `started_at`/`ended_at` are the moments that count
-- (the phone's tap time when it sent one, else the server's); the server's own receipt time is kept
-- beside them.
CREATE TABLE cleaning_time_logs (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES cleaning_jobs (id) ON DELETE RESTRICT,
  worker_id bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  started_at timestamptz NOT NULL,
  start_received_at timestamptz NOT NULL,
  start_occurred_at timestamptz,
  start_latitude numeric(9, 6) CHECK (start_latitude BETWEEN -90 AND 90),
  start_longitude numeric(9, 6) CHECK (start_longitude BETWEEN -180 AND 180),
  start_note varchar(500),
  started_by bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  ended_at timestamptz,
  end_received_at timestamptz,
  end_occurred_at timestamptz,
  end_latitude numeric(9, 6) CHECK (end_latitude BETWEEN -90 AND 90),
  end_longitude numeric(9, 6) CHECK (end_longitude BETWEEN -180 AND 180),
  end_note varchar(500),
  ended_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  duration_minutes integer GENERATED ALWAYS AS (floor(extract(epoch FROM (ended_at - started_at)) / 60)::integer) STORED,
  flagged_for_review boolean NOT NULL DEFAULT false,
  corrected_at timestamptz,
  corrected_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  correction_reason varchar(500),
  CONSTRAINT cleaning_time_logs_end_after_start CHECK (ended_at IS NULL OR ended_at >= started_at),
  CONSTRAINT cleaning_time_logs_end_complete CHECK ((ended_at IS NULL) = (end_received_at IS NULL))
);
-- A worker is on one job at a time: at most one open log each (a double tap cannot open two).
CREATE UNIQUE INDEX cleaning_time_logs_one_open_key ON cleaning_time_logs (worker_id) WHERE ended_at IS NULL;
CREATE INDEX cleaning_time_logs_job_idx ON cleaning_time_logs (job_id, started_at, id);
CREATE INDEX cleaning_time_logs_worker_idx ON cleaning_time_logs (worker_id, started_at);

CREATE TABLE cleaning_job_status_history (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES cleaning_jobs (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  changed_by bigint REFERENCES users (id) ON DELETE RESTRICT,
  note varchar(500),
  changed_at timestamptz NOT NULL
);
CREATE INDEX cleaning_job_status_history_job_idx ON cleaning_job_status_history (job_id, changed_at, id);

-- Down Migration
DROP TABLE cleaning_job_status_history;
DROP TABLE cleaning_time_logs;
DROP TABLE cleaning_job_workers;
DROP TABLE cleaning_jobs;
DROP TABLE cleaning_job_series_workers;
DROP TABLE cleaning_job_series;
