-- Up Migration

-- How many laundry orders are in each status, kept so the order list's `total` for the whole list or for
-- a status filter (the list's default views) is a read of a few rows instead of counting up to 10 001
-- index entries on every page (PRODUCT §6 keeps `total` exact up to the cap). At 200 list requests a
-- second those counts were most of a core of PostgreSQL. Other filters (client, dates, text) still count.
--
-- Kept like the balances (1764900000000): statement-level triggers over transition tables add what a
-- statement changed as increments, in that statement, so concurrent writers add up exactly.

-- Writers wait while the counts are taken and the triggers made (a count of 200 000 orders is ~50 ms): an
-- order written by an instance still on the old version in between would otherwise never be counted.
LOCK TABLE laundry_orders IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE laundry_order_status_counts (
  status text PRIMARY KEY,
  orders bigint NOT NULL CHECK (orders >= 0)
);

INSERT INTO laundry_order_status_counts (status, orders)
SELECT s.status, count(o.id)
  FROM unnest(ARRAY['received', 'in_progress', 'ready', 'collected', 'delivered', 'cancelled']) AS s (status)
  LEFT JOIN laundry_orders o ON o.status = s.status
 GROUP BY s.status;

-- One row per status (seeded above; laundry_orders' check constraint allows no other), updated in status
-- order, one at a time, so two statements lock the rows in the same order.
CREATE FUNCTION laundry_order_counts_apply(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  FOR d IN SELECT x.status, x.n FROM jsonb_to_recordset(deltas) AS x (status text, n bigint) WHERE x.n <> 0 ORDER BY x.status LOOP
    UPDATE laundry_order_status_counts SET orders = orders + d.n WHERE status = d.status;
  END LOOP;
END
$$;

-- A transition table exists only for the events that define it, hence one query per event. An update
-- that changes no status (payments keeping balances, edits) nets to nothing and locks nothing.
CREATE FUNCTION laundry_orders_keep_counts() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF deltas IS NOT NULL THEN PERFORM laundry_order_counts_apply(deltas); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER laundry_orders_keep_counts_insert AFTER INSERT ON laundry_orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION laundry_orders_keep_counts();
CREATE TRIGGER laundry_orders_keep_counts_update AFTER UPDATE ON laundry_orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION laundry_orders_keep_counts();
CREATE TRIGGER laundry_orders_keep_counts_delete AFTER DELETE ON laundry_orders
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION laundry_orders_keep_counts();

-- TRUNCATE fires no row or statement triggers of its own: it leaves no orders, so nothing is counted.
CREATE FUNCTION laundry_orders_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE laundry_order_status_counts SET orders = 0;
  RETURN NULL;
END
$$;
CREATE TRIGGER laundry_orders_counts_truncated AFTER TRUNCATE ON laundry_orders
  FOR EACH STATEMENT EXECUTE FUNCTION laundry_orders_counts_truncated();

-- Down Migration
DROP TRIGGER laundry_orders_counts_truncated ON laundry_orders;
DROP FUNCTION laundry_orders_counts_truncated();
DROP TRIGGER laundry_orders_keep_counts_delete ON laundry_orders;
DROP TRIGGER laundry_orders_keep_counts_update ON laundry_orders;
DROP TRIGGER laundry_orders_keep_counts_insert ON laundry_orders;
DROP FUNCTION laundry_orders_keep_counts();
DROP FUNCTION laundry_order_counts_apply(jsonb);
DROP TABLE laundry_order_status_counts;
