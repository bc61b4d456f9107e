-- Up Migration
-- E-mail preferences per account and notification type (issue 23). In-app notifications are always kept;
-- a missing row means the type's default (templates.ts `emailDefault`).
CREATE TABLE notification_preferences (
  id bigserial PRIMARY KEY,
  user_id bigint REFERENCES users (id) ON DELETE CASCADE,
  client_id bigint REFERENCES clients (id) ON DELETE CASCADE,
  type varchar(64) NOT NULL,
  email boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(user_id, client_id) = 1)
);
CREATE UNIQUE INDEX notification_preferences_user_idx ON notification_preferences (user_id, type) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX notification_preferences_client_idx ON notification_preferences (client_id, type) WHERE client_id IS NOT NULL;

-- Down Migration
DROP TABLE notification_preferences;
