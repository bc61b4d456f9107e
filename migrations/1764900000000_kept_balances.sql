-- Up Migration

-- What each order and job has kept, stored on the document so the unpaid list and the outstanding
-- balance read a few thousand index entries instead of summing every payment of every document.
-- paid_cents: payments net of their tips; refunded_cents: refunds; voided records never count.
-- The payments rows stay the truth: the columns are kept by triggers on payments, in the very statement
-- that writes a payment, refund or void, as increments (`x = x + delta`). An UPDATE that waits for a
-- concurrent writer's row lock re-applies its increment to the row version that writer committed, so
-- concurrent payments add up exactly; the payment service still locks the document first, so two
-- payments at once cannot both pass the balance check.
ALTER TABLE laundry_orders ADD COLUMN paid_cents bigint NOT NULL DEFAULT 0, ADD COLUMN refunded_cents bigint NOT NULL DEFAULT 0;
ALTER TABLE cleaning_jobs ADD COLUMN paid_cents bigint NOT NULL DEFAULT 0, ADD COLUMN refunded_cents bigint NOT NULL DEFAULT 0;

-- Statement-level triggers over transition tables: one UPDATE per document touched, however many rows
-- the statement wrote (a data load of 300 000 payments costs one grouped update, not 300 000). Each
-- record contributes what it keeps (payments net of tips, refunds); an update takes the old row's
-- contribution away and adds the new one's, so a void (voided_at set) is minus that record.
CREATE FUNCTION payments_apply_deltas(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  -- Documents in id order, so two multi-row statements lock them in the same order.
  UPDATE laundry_orders o SET paid_cents = o.paid_cents + d.paid, refunded_cents = o.refunded_cents + d.refunded
    FROM (SELECT x.laundry_order_id AS id, sum(x.paid) AS paid, sum(x.refunded) AS refunded
            FROM jsonb_to_recordset(deltas) AS x (laundry_order_id bigint, cleaning_job_id bigint, paid bigint, refunded bigint)
           WHERE x.laundry_order_id IS NOT NULL GROUP BY 1 HAVING sum(x.paid) <> 0 OR sum(x.refunded) <> 0 ORDER BY 1) d
   WHERE o.id = d.id;
  UPDATE cleaning_jobs j SET paid_cents = j.paid_cents + d.paid, refunded_cents = j.refunded_cents + d.refunded
    FROM (SELECT x.cleaning_job_id AS id, sum(x.paid) AS paid, sum(x.refunded) AS refunded
            FROM jsonb_to_recordset(deltas) AS x (laundry_order_id bigint, cleaning_job_id bigint, paid bigint, refunded bigint)
           WHERE x.cleaning_job_id IS NOT NULL GROUP BY 1 HAVING sum(x.paid) <> 0 OR sum(x.refunded) <> 0 ORDER BY 1) d
   WHERE j.id = d.id;
$$;

-- A transition table exists only for the events that define it, hence one query per event.
CREATE FUNCTION payments_keep_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('laundry_order_id', laundry_order_id, 'cleaning_job_id', cleaning_job_id,
             'paid', CASE WHEN kind = 'payment' THEN amount_cents - tip_cents ELSE 0 END, 'refunded', CASE WHEN kind = 'refund' THEN amount_cents ELSE 0 END))
      INTO deltas FROM new_rows WHERE voided_at IS NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('laundry_order_id', laundry_order_id, 'cleaning_job_id', cleaning_job_id, 'paid', sign * paid, 'refunded', sign * refunded))
      INTO deltas
      FROM (SELECT 1 AS sign, laundry_order_id, cleaning_job_id, CASE WHEN kind = 'payment' THEN amount_cents - tip_cents ELSE 0 END AS paid,
                   CASE WHEN kind = 'refund' THEN amount_cents ELSE 0 END AS refunded FROM new_rows WHERE voided_at IS NULL
            UNION ALL
            SELECT -1, laundry_order_id, cleaning_job_id, CASE WHEN kind = 'payment' THEN amount_cents - tip_cents ELSE 0 END,
                   CASE WHEN kind = 'refund' THEN amount_cents ELSE 0 END FROM old_rows WHERE voided_at IS NULL) c;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('laundry_order_id', laundry_order_id, 'cleaning_job_id', cleaning_job_id,
             'paid', CASE WHEN kind = 'payment' THEN tip_cents - amount_cents ELSE 0 END, 'refunded', CASE WHEN kind = 'refund' THEN -amount_cents ELSE 0 END))
      INTO deltas FROM old_rows WHERE voided_at IS NULL;
  END IF;
  IF deltas IS NOT NULL THEN PERFORM payments_apply_deltas(deltas); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER payments_keep_balances_insert AFTER INSERT ON payments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_keep_balances();
CREATE TRIGGER payments_keep_balances_update AFTER UPDATE ON payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_keep_balances();
CREATE TRIGGER payments_keep_balances_delete AFTER DELETE ON payments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_keep_balances();

-- TRUNCATE fires no row or statement triggers of its own: it leaves no payments, so nothing is kept.
CREATE FUNCTION payments_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE laundry_orders SET paid_cents = 0, refunded_cents = 0 WHERE paid_cents <> 0 OR refunded_cents <> 0;
  UPDATE cleaning_jobs SET paid_cents = 0, refunded_cents = 0 WHERE paid_cents <> 0 OR refunded_cents <> 0;
  RETURN NULL;
END
$$;
CREATE TRIGGER payments_truncated AFTER TRUNCATE ON payments FOR EACH STATEMENT EXECUTE FUNCTION payments_truncated();

-- The balances of the payments already recorded.
UPDATE laundry_orders o SET paid_cents = s.paid, refunded_cents = s.refunded
  FROM (SELECT laundry_order_id AS id, COALESCE(sum(amount_cents - tip_cents) FILTER (WHERE kind = 'payment'), 0) AS paid,
               COALESCE(sum(amount_cents) FILTER (WHERE kind = 'refund'), 0) AS refunded
          FROM payments WHERE laundry_order_id IS NOT NULL AND voided_at IS NULL GROUP BY 1) s
 WHERE o.id = s.id;
UPDATE cleaning_jobs j SET paid_cents = s.paid, refunded_cents = s.refunded
  FROM (SELECT cleaning_job_id AS id, COALESCE(sum(amount_cents - tip_cents) FILTER (WHERE kind = 'payment'), 0) AS paid,
               COALESCE(sum(amount_cents) FILTER (WHERE kind = 'refund'), 0) AS refunded
          FROM payments WHERE cleaning_job_id IS NOT NULL AND voided_at IS NULL GROUP BY 1) s
 WHERE j.id = s.id;

-- Accrued documents still owing (a few percent of them), oldest first, with what the totals read. The
-- dashboard's predicates repeat these WHERE clauses word for word.
CREATE INDEX laundry_orders_owing_idx ON laundry_orders ((COALESCE(collected_at, delivered_at)), id)
  INCLUDE (client_id, total_cents, paid_cents, refunded_cents)
  WHERE status IN ('collected', 'delivered') AND total_cents > paid_cents - refunded_cents;
CREATE INDEX cleaning_jobs_owing_idx ON cleaning_jobs (completed_at, id)
  INCLUDE (client_id, total_cents, paid_cents, refunded_cents)
  WHERE status = 'completed' AND total_cents > paid_cents - refunded_cents;

-- Revenue per Lisbon month and service line (accrual basis: a laundry order's collection or delivery, a
-- cleaning job's completion), so the dashboard's two years of months are 50 rows, not 250 000 documents.
-- Kept by triggers on the documents from the old and new row of every statement that changes them (status,
-- accrual instant or amounts: a repricing, a cancellation, a correction), with increments as above.
CREATE TABLE revenue_months (
  month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  line text NOT NULL CHECK (line IN ('laundry', 'cleaning')),
  documents integer NOT NULL,
  net_cents bigint NOT NULL,
  total_cents bigint NOT NULL,
  PRIMARY KEY (month, line)
);

CREATE FUNCTION revenue_months_apply(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO revenue_months AS r (month, line, documents, net_cents, total_cents)
  SELECT d.month, d.line, d.documents, d.net, d.total
    FROM jsonb_to_recordset(deltas) AS d (month text, line text, documents int, net bigint, total bigint)
   WHERE d.documents <> 0 OR d.net <> 0 OR d.total <> 0
   ORDER BY d.month, d.line
  ON CONFLICT (month, line) DO UPDATE
    SET documents = r.documents + EXCLUDED.documents, net_cents = r.net_cents + EXCLUDED.net_cents, total_cents = r.total_cents + EXCLUDED.total_cents;
$$;

CREATE FUNCTION laundry_orders_keep_revenue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('month', month, 'line', 'laundry', 'documents', documents, 'net', net, 'total', total)) INTO deltas
      FROM (SELECT to_char(at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM') AS month, sum(documents) AS documents, sum(net) AS net, sum(total) AS total
              FROM (SELECT COALESCE(collected_at, delivered_at) AS at, 1 AS documents, subtotal_cents::bigint AS net, total_cents::bigint AS total FROM new_rows WHERE status IN ('collected', 'delivered')) c WHERE at IS NOT NULL GROUP BY 1) m;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('month', month, 'line', 'laundry', 'documents', documents, 'net', net, 'total', total)) INTO deltas
      FROM (SELECT to_char(at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM') AS month, sum(documents) AS documents, sum(net) AS net, sum(total) AS total
              FROM (SELECT COALESCE(collected_at, delivered_at) AS at, 1 AS documents, subtotal_cents::bigint AS net, total_cents::bigint AS total FROM new_rows WHERE status IN ('collected', 'delivered') UNION ALL SELECT COALESCE(collected_at, delivered_at) AS at, -1 AS documents, -subtotal_cents::bigint AS net, -total_cents::bigint AS total FROM old_rows WHERE status IN ('collected', 'delivered')) c WHERE at IS NOT NULL GROUP BY 1) m;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('month', month, 'line', 'laundry', 'documents', documents, 'net', net, 'total', total)) INTO deltas
      FROM (SELECT to_char(at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM') AS month, sum(documents) AS documents, sum(net) AS net, sum(total) AS total
              FROM (SELECT COALESCE(collected_at, delivered_at) AS at, -1 AS documents, -subtotal_cents::bigint AS net, -total_cents::bigint AS total FROM old_rows WHERE status IN ('collected', 'delivered')) c WHERE at IS NOT NULL GROUP BY 1) m;
  END IF;
  IF deltas IS NOT NULL THEN PERFORM revenue_months_apply(deltas); END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION cleaning_jobs_keep_revenue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('month', month, 'line', 'cleaning', 'documents', documents, 'net', net, 'total', total)) INTO deltas
      FROM (SELECT to_char(at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM') AS month, sum(documents) AS documents, sum(net) AS net, sum(total) AS total
              FROM (SELECT completed_at AS at, 1 AS documents, COALESCE(subtotal_cents, 0)::bigint AS net, COALESCE(total_cents, 0)::bigint AS total FROM new_rows WHERE status = 'completed') c WHERE at IS NOT NULL GROUP BY 1) m;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('month', month, 'line', 'cleaning', 'documents', documents, 'net', net, 'total', total)) INTO deltas
      FROM (SELECT to_char(at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM') AS month, sum(documents) AS documents, sum(net) AS net, sum(total) AS total
              FROM (SELECT completed_at AS at, 1 AS documents, COALESCE(subtotal_cents, 0)::bigint AS net, COALESCE(total_cents, 0)::bigint AS total FROM new_rows WHERE status = 'completed' UNION ALL SELECT completed_at AS at, -1 AS documents, -COALESCE(subtotal_cents, 0)::bigint AS net, -COALESCE(total_cents, 0)::bigint AS total FROM old_rows WHERE status = 'completed') c WHERE at IS NOT NULL GROUP BY 1) m;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('month', month, 'line', 'cleaning', 'documents', documents, 'net', net, 'total', total)) INTO deltas
      FROM (SELECT to_char(at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM') AS month, sum(documents) AS documents, sum(net) AS net, sum(total) AS total
              FROM (SELECT completed_at AS at, -1 AS documents, -COALESCE(subtotal_cents, 0)::bigint AS net, -COALESCE(total_cents, 0)::bigint AS total FROM old_rows WHERE status = 'completed') c WHERE at IS NOT NULL GROUP BY 1) m;
  END IF;
  IF deltas IS NOT NULL THEN PERFORM revenue_months_apply(deltas); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER laundry_orders_keep_revenue_insert AFTER INSERT ON laundry_orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION laundry_orders_keep_revenue();
CREATE TRIGGER laundry_orders_keep_revenue_update AFTER UPDATE ON laundry_orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION laundry_orders_keep_revenue();
CREATE TRIGGER laundry_orders_keep_revenue_delete AFTER DELETE ON laundry_orders
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION laundry_orders_keep_revenue();
CREATE TRIGGER cleaning_jobs_keep_revenue_insert AFTER INSERT ON cleaning_jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cleaning_jobs_keep_revenue();
CREATE TRIGGER cleaning_jobs_keep_revenue_update AFTER UPDATE ON cleaning_jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cleaning_jobs_keep_revenue();
CREATE TRIGGER cleaning_jobs_keep_revenue_delete AFTER DELETE ON cleaning_jobs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cleaning_jobs_keep_revenue();

-- After a TRUNCATE of the documents their line has no revenue left.
CREATE FUNCTION revenue_months_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM revenue_months WHERE line = TG_ARGV[0];
  RETURN NULL;
END
$$;
CREATE TRIGGER laundry_orders_truncated AFTER TRUNCATE ON laundry_orders FOR EACH STATEMENT EXECUTE FUNCTION revenue_months_truncated('laundry');
CREATE TRIGGER cleaning_jobs_truncated AFTER TRUNCATE ON cleaning_jobs FOR EACH STATEMENT EXECUTE FUNCTION revenue_months_truncated('cleaning');

-- The months of the documents already accrued.
INSERT INTO revenue_months (month, line, documents, net_cents, total_cents)
SELECT to_char(COALESCE(collected_at, delivered_at) AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM'), 'laundry', count(*), sum(subtotal_cents), sum(total_cents)
  FROM laundry_orders WHERE status IN ('collected', 'delivered') AND COALESCE(collected_at, delivered_at) IS NOT NULL GROUP BY 1
UNION ALL
SELECT to_char(completed_at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM'), 'cleaning', count(*), COALESCE(sum(subtotal_cents), 0), COALESCE(sum(total_cents), 0)
  FROM cleaning_jobs WHERE status = 'completed' AND completed_at IS NOT NULL GROUP BY 1;

-- Down Migration
DROP TRIGGER cleaning_jobs_truncated ON cleaning_jobs;
DROP TRIGGER laundry_orders_truncated ON laundry_orders;
DROP FUNCTION revenue_months_truncated();
DROP TRIGGER cleaning_jobs_keep_revenue_delete ON cleaning_jobs;
DROP TRIGGER cleaning_jobs_keep_revenue_update ON cleaning_jobs;
DROP TRIGGER cleaning_jobs_keep_revenue_insert ON cleaning_jobs;
DROP TRIGGER laundry_orders_keep_revenue_delete ON laundry_orders;
DROP TRIGGER laundry_orders_keep_revenue_update ON laundry_orders;
DROP TRIGGER laundry_orders_keep_revenue_insert ON laundry_orders;
DROP FUNCTION cleaning_jobs_keep_revenue();
DROP FUNCTION laundry_orders_keep_revenue();
DROP FUNCTION revenue_months_apply(jsonb);
DROP TABLE revenue_months;
DROP INDEX cleaning_jobs_owing_idx;
DROP INDEX laundry_orders_owing_idx;
DROP TRIGGER payments_truncated ON payments;
DROP FUNCTION payments_truncated();
DROP TRIGGER payments_keep_balances_delete ON payments;
DROP TRIGGER payments_keep_balances_update ON payments;
DROP TRIGGER payments_keep_balances_insert ON payments;
DROP FUNCTION payments_keep_balances();
DROP FUNCTION payments_apply_deltas(jsonb);
ALTER TABLE cleaning_jobs DROP COLUMN paid_cents, DROP COLUMN refunded_cents;
ALTER TABLE laundry_orders DROP COLUMN paid_cents, DROP COLUMN refunded_cents;
