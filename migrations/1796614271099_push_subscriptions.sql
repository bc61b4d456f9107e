-- Up Migration
-- Web push (issue 23 §4): one subscription per browser/device of a staff or worker account, keyed by the
-- push service's endpoint (a device subscribing again updates its keys). Removed with the account, and by
-- delivery when the push service answers 404 or 410 (the subscription has expired).
CREATE TABLE push_subscriptions (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  endpoint varchar(1024) NOT NULL,
  p256dh varchar(200) NOT NULL,
  auth varchar(100) NOT NULL,
  user_agent varchar(300),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_success_at timestamptz
);
CREATE UNIQUE INDEX push_subscriptions_endpoint_idx ON push_subscriptions (endpoint);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);

-- What is still to be pushed: one row per notification and subscription, written in the transaction of the
-- change and delivered by the job queue with retries; the row is removed once delivered or dropped.
CREATE TABLE push_outbox (
  id bigserial PRIMARY KEY,
  subscription_id bigint NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
  type varchar(64) NOT NULL,
  params jsonb NOT NULL,
  link varchar(500),
  status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error varchar(500),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_outbox_pending_idx ON push_outbox (created_at) WHERE status = 'pending';
CREATE INDEX push_outbox_subscription_idx ON push_outbox (subscription_id);

-- The push choice per notification type (null: the type's default), beside the e-mail one.
ALTER TABLE notification_preferences ADD COLUMN push boolean;
ALTER TABLE notification_preferences ALTER COLUMN email DROP NOT NULL;

-- Down Migration
ALTER TABLE notification_preferences DROP COLUMN push;
DROP TABLE push_outbox;
DROP TABLE push_subscriptions;
