-- Up Migration

-- Labour is billed by the second (PRODUCT §4: the sum of logged time rounded UP to the increment).
-- Until now each time log counted floor(minutes) and the floors were summed before rounding up, so a
-- 40-second visit billed nothing and 2 h 00 min 30 s billed 2 h. From here on a log's exact duration is
-- kept in whole seconds, the job sums the seconds of every worker and rounds up once.

-- A log's duration in whole seconds, from the timestamps it already holds: existing logs get theirs on
-- the spot. duration_minutes stays for the previous release's code and for display.
ALTER TABLE cleaning_time_logs
  ADD COLUMN duration_seconds integer GENERATED ALWAYS AS (floor(extract(epoch FROM (ended_at - started_at)))::integer) STORED;

-- The labour a priced job was billed on, in seconds (labour_minutes keeps the whole minutes of it).
-- Left NULL by the previous release's code and by imported jobs priced without time logs: readers then
-- take labour_minutes × 60.
ALTER TABLE cleaning_jobs ADD COLUMN labour_seconds integer CHECK (labour_seconds >= 0);

-- What this does to history:
-- * A completed job with time logs and NO payment row at all (not even a voided one or a refund) is
--   repriced with its own snapshot (hourly rate, increment and VAT rate taken at completion), by the new
--   rule. Its total may rise (never fall: ceil of exact seconds ≥ ceil of floored minutes); nothing has
--   been paid against it and no receipt exists, so the client is owed a bill that had not been settled.
--   The revenue-by-month summary follows through its triggers; priced_at is left as it was, since the
--   pricing inputs did not change, only the arithmetic.
-- * A completed job with any payment recorded keeps the total it was billed and paid on: its
--   labour_seconds is set to the labour it was billed for (labour_minutes × 60), so its money, receipts
--   and reports stay exactly as issued. Its logs still show their exact seconds.
-- * Jobs not completed have no price yet; they are priced by the new rule when completed.
WITH logged AS (
  SELECT l.job_id, sum(l.duration_seconds)::bigint AS seconds
    FROM cleaning_time_logs l
   WHERE l.ended_at IS NOT NULL
   GROUP BY l.job_id
), repriced AS (
  SELECT j.id, g.seconds,
         (ceil(g.seconds / (j.billing_increment_minutes * 60.0)) * j.billing_increment_minutes)::integer AS billable
    FROM cleaning_jobs j JOIN logged g ON g.job_id = j.id
   WHERE j.status = 'completed' AND j.total_cents IS NOT NULL AND j.billing_increment_minutes IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.cleaning_job_id = j.id)
), priced AS (
  -- Half-up to the cent on non-negative integers, as src/lib/money.ts: floor((2n + d) / 2d).
  SELECT r.id, r.seconds, r.billable,
         floor((2 * r.billable::bigint * j.hourly_rate_cents + 60) / 120.0)::integer AS subtotal
    FROM repriced r JOIN cleaning_jobs j ON j.id = r.id
)
UPDATE cleaning_jobs j
   SET labour_seconds = p.seconds,
       labour_minutes = (p.seconds / 60)::integer,
       billable_minutes = p.billable,
       subtotal_cents = p.subtotal,
       vat_cents = floor((2 * p.subtotal::bigint * j.vat_rate_bp + 10000) / 20000.0)::integer,
       total_cents = p.subtotal + floor((2 * p.subtotal::bigint * j.vat_rate_bp + 10000) / 20000.0)::integer
  FROM priced p
 WHERE p.id = j.id;

UPDATE cleaning_jobs SET labour_seconds = labour_minutes * 60
 WHERE labour_seconds IS NULL AND labour_minutes IS NOT NULL AND status = 'completed'
   AND EXISTS (SELECT 1 FROM payments p WHERE p.cleaning_job_id = cleaning_jobs.id);

-- Down Migration
ALTER TABLE cleaning_jobs DROP COLUMN labour_seconds;
ALTER TABLE cleaning_time_logs DROP COLUMN duration_seconds;
