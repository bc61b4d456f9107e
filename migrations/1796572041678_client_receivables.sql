-- Up Migration

-- What each client owes, kept (ADR 0014): the summary of the receivables per client (documents owing,
-- balance, accrued, in progress, credit), so the dashboard's headline and a client's own balance read a
-- few narrow rows instead of every document that owes or holds credit (at 10 000 open documents that sum
-- was ~400 ms of PostgreSQL CPU on every dashboard request). The documents stay the truth, and what a
-- document adds is still defined once: `receivable_balance` below is the WHERE clause and balance of
-- src/modules/receivables (their agreement is tested per client after random sequences of operations).
--
-- Kept like the balances (1764900000000) and the status counts: statement-level triggers over transition
-- tables add what a statement changed as increments (`x = x + delta`), in that statement's transaction, so
-- concurrent writers add up exactly. One row per client, not one global row: two payments of different
-- clients never wait for each other, and a statement that changes no document's contribution (an edit, a
-- status step within the same stage) locks nothing.

-- Writers wait while the rows are summed and the triggers made, so no document is written uncounted between.
LOCK TABLE laundry_orders IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE cleaning_jobs IN SHARE ROW EXCLUSIVE MODE;

-- The signed balance a document adds to what its client owes, or NULL when it adds nothing (cancelled,
-- settled, a job not priced with no money kept). Same cases as documentsSql in receivables.repository.ts.
CREATE FUNCTION receivable_balance(line text, status text, balance bigint, paid bigint, refunded bigint)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN line = 'laundry' THEN CASE WHEN status <> 'cancelled' AND balance <> 0 THEN balance END
    WHEN (status = 'completed' AND balance <> 0) OR (status IN ('scheduled', 'in_progress') AND paid <> refunded)
      THEN COALESCE(balance, refunded - paid)
  END
$$;

-- No CHECK (x >= 0): an upsert's proposed row is a delta, checked before it meets the row it adds to.
-- Rows are never deleted by the triggers (a client back to zero keeps a row of zeros, so a concurrent
-- increment never races a delete); they go with the client, who can only be deleted without documents.
CREATE TABLE client_receivables (
  client_id bigint PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  documents integer NOT NULL,
  balance_cents bigint NOT NULL,
  accrued_cents bigint NOT NULL,
  in_progress_cents bigint NOT NULL,
  credit_cents bigint NOT NULL
);

-- The summary from the documents themselves: the backfill below, and after a TRUNCATE of either table.
CREATE FUNCTION client_receivables_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM client_receivables;
  INSERT INTO client_receivables (client_id, documents, balance_cents, accrued_cents, in_progress_cents, credit_cents)
  SELECT client_id, count(*) FILTER (WHERE b > 0), sum(b),
         COALESCE(sum(b) FILTER (WHERE b > 0 AND status IN ('collected', 'delivered', 'completed')), 0),
         COALESCE(sum(b) FILTER (WHERE b > 0 AND status NOT IN ('collected', 'delivered', 'completed')), 0),
         COALESCE(-sum(b) FILTER (WHERE b < 0), 0)
    FROM (SELECT client_id, status, receivable_balance('laundry', status, balance_cents, paid_cents, refunded_cents) AS b FROM laundry_orders
          UNION ALL
          SELECT client_id, status, receivable_balance('cleaning', status, balance_cents, paid_cents, refunded_cents) FROM cleaning_jobs) d
   WHERE b IS NOT NULL
   GROUP BY client_id;
$$;

-- TG_ARGV[0] is the service line. The old rows count minus, the new rows plus: an insert, a delete, a
-- payment (the kept balances' UPDATE of the document), a status change, a repricing and a move to another
-- client are all "the old contribution out, the new one in". A transition table exists only for the events
-- that define it, hence the statement is made per event. Clients are written in id order, so two
-- multi-row statements lock their rows in the same order.
CREATE FUNCTION documents_keep_receivables() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, n.* FROM new_rows n'
    WHEN 'UPDATE' THEN 'SELECT 1 AS sign, n.* FROM new_rows n UNION ALL SELECT -1, o.* FROM old_rows o'
    ELSE 'SELECT -1 AS sign, o.* FROM old_rows o' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO client_receivables AS r (client_id, documents, balance_cents, accrued_cents, in_progress_cents, credit_cents)
    SELECT client_id, COALESCE(sum(sign) FILTER (WHERE b > 0), 0), sum(sign * b),
           COALESCE(sum(sign * b) FILTER (WHERE b > 0 AND status IN ('collected', 'delivered', 'completed')), 0),
           COALESCE(sum(sign * b) FILTER (WHERE b > 0 AND status NOT IN ('collected', 'delivered', 'completed')), 0),
           COALESCE(-sum(sign * b) FILTER (WHERE b < 0), 0)
      FROM (SELECT c.sign, c.client_id, c.status, receivable_balance(%L, c.status, c.balance_cents, c.paid_cents, c.refunded_cents) AS b
              FROM (%s) c) d
     WHERE b IS NOT NULL
     GROUP BY client_id
    HAVING COALESCE(sum(sign) FILTER (WHERE b > 0), 0) <> 0 OR sum(sign * b) <> 0
        OR COALESCE(sum(sign * b) FILTER (WHERE b > 0 AND status IN ('collected', 'delivered', 'completed')), 0) <> 0
        OR COALESCE(sum(sign * b) FILTER (WHERE b < 0), 0) <> 0
     ORDER BY client_id
    ON CONFLICT (client_id) DO UPDATE
      SET documents = r.documents + EXCLUDED.documents, balance_cents = r.balance_cents + EXCLUDED.balance_cents,
          accrued_cents = r.accrued_cents + EXCLUDED.accrued_cents, in_progress_cents = r.in_progress_cents + EXCLUDED.in_progress_cents,
          credit_cents = r.credit_cents + EXCLUDED.credit_cents$q$, TG_ARGV[0], changes);
  RETURN NULL;
END
$$;

CREATE TRIGGER laundry_orders_keep_receivables_insert AFTER INSERT ON laundry_orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_keep_receivables('laundry');
CREATE TRIGGER laundry_orders_keep_receivables_update AFTER UPDATE ON laundry_orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_keep_receivables('laundry');
CREATE TRIGGER laundry_orders_keep_receivables_delete AFTER DELETE ON laundry_orders
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_keep_receivables('laundry');
CREATE TRIGGER cleaning_jobs_keep_receivables_insert AFTER INSERT ON cleaning_jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_keep_receivables('cleaning');
CREATE TRIGGER cleaning_jobs_keep_receivables_update AFTER UPDATE ON cleaning_jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_keep_receivables('cleaning');
CREATE TRIGGER cleaning_jobs_keep_receivables_delete AFTER DELETE ON cleaning_jobs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_keep_receivables('cleaning');

-- TRUNCATE fires no row or statement triggers of its own; the other table's documents still count.
CREATE FUNCTION client_receivables_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM client_receivables_rebuild();
  RETURN NULL;
END
$$;
CREATE TRIGGER laundry_orders_receivables_truncated AFTER TRUNCATE ON laundry_orders
  FOR EACH STATEMENT EXECUTE FUNCTION client_receivables_truncated();
CREATE TRIGGER cleaning_jobs_receivables_truncated AFTER TRUNCATE ON cleaning_jobs
  FOR EACH STATEMENT EXECUTE FUNCTION client_receivables_truncated();

-- What the documents already recorded owe.
SELECT client_receivables_rebuild();

-- Down Migration
DROP TRIGGER cleaning_jobs_receivables_truncated ON cleaning_jobs;
DROP TRIGGER laundry_orders_receivables_truncated ON laundry_orders;
DROP FUNCTION client_receivables_truncated();
DROP TRIGGER cleaning_jobs_keep_receivables_delete ON cleaning_jobs;
DROP TRIGGER cleaning_jobs_keep_receivables_update ON cleaning_jobs;
DROP TRIGGER cleaning_jobs_keep_receivables_insert ON cleaning_jobs;
DROP TRIGGER laundry_orders_keep_receivables_delete ON laundry_orders;
DROP TRIGGER laundry_orders_keep_receivables_update ON laundry_orders;
DROP TRIGGER laundry_orders_keep_receivables_insert ON laundry_orders;
DROP FUNCTION documents_keep_receivables();
DROP FUNCTION client_receivables_rebuild();
DROP TABLE client_receivables;
DROP FUNCTION receivable_balance(text, text, bigint, bigint, bigint);
