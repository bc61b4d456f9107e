-- Up Migration

-- How many cleaning jobs are in each status, kept so the job list's `total` for the whole list or for a
-- status filter is a read of a few rows instead of counting up to 10 001 index entries on every page, as
-- the laundry order list does (1764930000000_order_status_counts, whose design this follows: statement-level
-- triggers over transition tables apply what a statement changed as increments, in that statement, so
-- concurrent writers add up exactly). Other filters (dates, worker, client, property, text) still count.

-- Writers wait while the counts are taken and the triggers made, so no job is written uncounted between.
LOCK TABLE cleaning_jobs IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE cleaning_job_status_counts (
  status text PRIMARY KEY,
  jobs bigint NOT NULL CHECK (jobs >= 0)
);

INSERT INTO cleaning_job_status_counts (status, jobs)
SELECT s.status, count(j.id)
  FROM unnest(ARRAY['scheduled', 'in_progress', 'completed', 'cancelled']) AS s (status)
  LEFT JOIN cleaning_jobs j ON j.status = s.status
 GROUP BY s.status;

-- One row per status (seeded above; cleaning_jobs' check constraint allows no other), updated in status
-- order, one at a time, so two statements lock the rows in the same order.
CREATE FUNCTION cleaning_job_counts_apply(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  FOR d IN SELECT x.status, x.n FROM jsonb_to_recordset(deltas) AS x (status text, n bigint) WHERE x.n <> 0 ORDER BY x.status LOOP
    UPDATE cleaning_job_status_counts SET jobs = jobs + d.n WHERE status = d.status;
  END LOOP;
END
$$;

-- A transition table exists only for the events that define it, hence one query per event. An update
-- that changes no status (edits, prices, kept balances) nets to nothing and locks nothing.
CREATE FUNCTION cleaning_jobs_keep_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('status', status, 'n', n)) INTO deltas
      FROM (SELECT status, count(*) AS n FROM new_rows GROUP BY status) c;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('status', status, 'n', n)) INTO deltas
      FROM (SELECT status, sum(d) AS n
              FROM (SELECT status, 1 AS d FROM new_rows UNION ALL SELECT status, -1 FROM old_rows) c
             GROUP BY status HAVING sum(d) <> 0) g;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('status', status, 'n', -n)) INTO deltas
      FROM (SELECT status, count(*) AS n FROM old_rows GROUP BY status) c;
  END IF;
  IF deltas IS NOT NULL THEN PERFORM cleaning_job_counts_apply(deltas); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cleaning_jobs_keep_counts_insert AFTER INSERT ON cleaning_jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cleaning_jobs_keep_counts();
CREATE TRIGGER cleaning_jobs_keep_counts_update AFTER UPDATE ON cleaning_jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cleaning_jobs_keep_counts();
CREATE TRIGGER cleaning_jobs_keep_counts_delete AFTER DELETE ON cleaning_jobs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cleaning_jobs_keep_counts();

-- TRUNCATE fires no row or statement triggers of its own: it leaves no jobs, so nothing is counted.
CREATE FUNCTION cleaning_jobs_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cleaning_job_status_counts SET jobs = 0;
  RETURN NULL;
END
$$;
CREATE TRIGGER cleaning_jobs_counts_truncated AFTER TRUNCATE ON cleaning_jobs
  FOR EACH STATEMENT EXECUTE FUNCTION cleaning_jobs_counts_truncated();

-- Down Migration
DROP TRIGGER cleaning_jobs_counts_truncated ON cleaning_jobs;
DROP FUNCTION cleaning_jobs_counts_truncated();
DROP TRIGGER cleaning_jobs_keep_counts_delete ON cleaning_jobs;
DROP TRIGGER cleaning_jobs_keep_counts_update ON cleaning_jobs;
DROP TRIGGER cleaning_jobs_keep_counts_insert ON cleaning_jobs;
DROP FUNCTION cleaning_jobs_keep_counts();
DROP FUNCTION cleaning_job_counts_apply(jsonb);
DROP TABLE cleaning_job_status_counts;
