-- Up Migration
-- Digest (issue 23 §3): e-mails of a digestible type (a new message) to one account wait up to 10 minutes
-- in one pending row that collects them (`digest`, oldest first) and is sent as one e-mail once due.
ALTER TABLE mail_outbox ADD COLUMN send_after timestamptz;
ALTER TABLE mail_outbox ADD COLUMN digest jsonb;
CREATE UNIQUE INDEX mail_outbox_digest_user_idx ON mail_outbox (user_id) WHERE user_id IS NOT NULL AND status = 'pending' AND digest IS NOT NULL;
CREATE UNIQUE INDEX mail_outbox_digest_client_idx ON mail_outbox (client_id) WHERE client_id IS NOT NULL AND status = 'pending' AND digest IS NOT NULL;

-- Down Migration
DROP INDEX mail_outbox_digest_client_idx;
DROP INDEX mail_outbox_digest_user_idx;
ALTER TABLE mail_outbox DROP COLUMN digest;
ALTER TABLE mail_outbox DROP COLUMN send_after;
