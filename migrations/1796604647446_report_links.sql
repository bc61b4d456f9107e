-- Up Migration

-- Links that share a turnover's report without signing in (issue 20 §5). Only the SHA-256 of the
-- 128-bit token is kept: whoever reads this table cannot open a report.
CREATE TABLE cleaning_job_report_links (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES cleaning_jobs (id) ON DELETE CASCADE,
  token_sha256 char(64) NOT NULL UNIQUE,
  created_by_user bigint REFERENCES users (id) ON DELETE SET NULL,
  created_by_client bigint REFERENCES clients (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_opened_at timestamptz,
  CONSTRAINT report_links_expiry CHECK (expires_at > created_at)
);
CREATE INDEX cleaning_job_report_links_job_idx ON cleaning_job_report_links (job_id, created_at DESC);

-- Down Migration
DROP TABLE cleaning_job_report_links;
