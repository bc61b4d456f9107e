#!/usr/bin/env bash
# The application's database role: it signs in, reads and writes rows, and owns nothing.
#
# The PostgreSQL image runs this once, when the database volume is first created, as POSTGRES_USER (the
# schema owner, which runs the migrations). On a volume created before this script existed, run it by hand
# once (runbook §6, "Database roles"):
#   docker compose exec db bash /docker-entrypoint-initdb.d/10-app-role.sh
# It is idempotent: running it again resets the password and the grants.
#
# Environment: POSTGRES_USER, POSTGRES_DB (the image's), APP_DB_USER, APP_DB_PASSWORD. psql connects with
# the libpq defaults (the container's local socket; PGHOST/PGPORT elsewhere). The password is read by psql
# from the environment, never placed on a command line.
set -euo pipefail

owner=${POSTGRES_USER:?POSTGRES_USER is not set}
database=${POSTGRES_DB:-$owner}
app=${APP_DB_USER:-}
if [[ -z "$app" || "$app" == "$owner" ]]; then
  echo "ℹ️  APP_DB_USER is unset or the owner itself: the application will connect as the owner $owner."
  exit 0
fi
[[ -n "${APP_DB_PASSWORD:-}" ]] || { echo "❌ APP_DB_PASSWORD is not set (DB_PASSWORD in .env)." >&2; exit 1; }

psql -X -q -v ON_ERROR_STOP=1 --username "$owner" --dbname "$database" \
  -v app="$app" -v owner="$owner" -v db="$database" <<'SQL'
\getenv app_password APP_DB_PASSWORD
-- No superuser, no role or database creation, no replication, no row-security bypass.
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', :'app')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'app', :'app_password') \gexec
-- Behind a transaction-mode pooler the server's own timeouts cannot travel as startup parameters: the
-- role carries them (the app's direct connections set their configured values on top).
SELECT format('ALTER ROLE %I SET statement_timeout = %L', :'app', '15s') \gexec
SELECT format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', :'app', '30s') \gexec
-- Only the owner and the app may connect; nobody but the owner creates objects.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db', :'app') \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'app') \gexec
-- Rows of every table the owner creates from now on (the migrator repeats these grants after each run,
-- for the job queue's schema too).
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', :'owner', :'app') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', :'owner', :'app') \gexec
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', :'app') \gexec
SELECT format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', :'app') \gexec
SQL
echo "✅ Role $app may sign in to $database and read and write rows; $owner owns the schema and runs the migrations."
