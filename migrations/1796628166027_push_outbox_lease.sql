-- Up Migration
-- A push is claimed for a short lease in a statement of its own, sent with no database connection held, and
-- its outcome recorded afterwards. Before, the row stayed locked inside a transaction for the whole HTTP
-- request, so a slow push service held a pooled connection per delivery. Until the lease ends no other
-- worker (nor the sweep) takes the row; a delivery that died mid-send is taken again after it.
ALTER TABLE push_outbox ADD COLUMN sending_until timestamptz;

-- Down Migration
ALTER TABLE push_outbox DROP COLUMN sending_until;
