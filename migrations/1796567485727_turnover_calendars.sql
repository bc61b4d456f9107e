-- Up Migration

-- Short-let turnovers: a property's rule for the cleanings its bookings need, the calendar feeds
-- (iCal export URLs of Airbnb, Booking.com, VRBO…) that say when guests leave, and the reservations
-- read from them. A reservation keeps only what a turnover needs (dates, source, the feed's UID):
-- never the guest's name or contact.
CREATE TABLE property_turnover_rules (
  property_id bigint PRIMARY KEY REFERENCES properties (id) ON DELETE CASCADE,
  -- The cleaning starts on the check-out day at this Lisbon time.
  clean_time time NOT NULL DEFAULT '11:00',
  estimated_minutes integer NOT NULL DEFAULT 180 CHECK (estimated_minutes > 0 AND estimated_minutes % 30 = 0 AND estimated_minutes <= 1440),
  -- When a feed gives check-in as a date only, guests arrive at this time (the back-to-back deadline).
  check_in_time time NOT NULL DEFAULT '15:00',
  worker_ids bigint[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL
);

CREATE TABLE property_calendars (
  id bigserial PRIMARY KEY,
  property_id bigint NOT NULL REFERENCES properties (id) ON DELETE CASCADE,
  label varchar(100) NOT NULL,
  -- Export URLs carry the listing's secret: encrypted like access instructions.
  url_enc text NOT NULL,
  url_host varchar(255) NOT NULL,
  source text NOT NULL CHECK (source IN ('airbnb', 'booking', 'vrbo', 'other')),
  -- Blocked dates ("Not available") are no reservations unless the host says their feed marks stays that way.
  include_blocked boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  etag text,
  last_modified text,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_error_code text,
  last_error_at timestamptz,
  -- The first failure of the current run of failures; null while the feed answers.
  failing_since timestamptz,
  consecutive_failures integer NOT NULL DEFAULT 0,
  failure_alerted_at timestamptz,
  next_sync_at timestamptz NOT NULL,
  last_event_count integer,
  last_skipped_count integer,
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX property_calendars_property_idx ON property_calendars (property_id, id);
CREATE INDEX property_calendars_due_idx ON property_calendars (next_sync_at) WHERE is_active;

CREATE TABLE reservations (
  id bigserial PRIMARY KEY,
  calendar_id bigint NOT NULL REFERENCES property_calendars (id) ON DELETE CASCADE,
  property_id bigint NOT NULL REFERENCES properties (id) ON DELETE CASCADE,
  uid varchar(500) NOT NULL,
  source text NOT NULL,
  check_in date NOT NULL,
  check_out date NOT NULL,
  -- The arrival instant when the feed gives a time; otherwise the rule's check-in time applies.
  check_in_at timestamptz,
  status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
  job_id bigint REFERENCES cleaning_jobs (id) ON DELETE SET NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  CONSTRAINT reservations_dates CHECK (check_out > check_in),
  CONSTRAINT reservations_uid_key UNIQUE (calendar_id, uid)
);
CREATE INDEX reservations_property_idx ON reservations (property_id, check_out);
CREATE UNIQUE INDEX reservations_job_key ON reservations (job_id) WHERE job_id IS NOT NULL;

-- A turnover whose next guests arrive the same day: done first, before their check-in.
ALTER TABLE cleaning_jobs ADD COLUMN back_to_back boolean NOT NULL DEFAULT false;
ALTER TABLE cleaning_jobs ADD COLUMN deadline_at timestamptz;

-- Down Migration
ALTER TABLE cleaning_jobs DROP COLUMN deadline_at;
ALTER TABLE cleaning_jobs DROP COLUMN back_to_back;
DROP TABLE reservations;
DROP TABLE property_calendars;
DROP TABLE property_turnover_rules;
