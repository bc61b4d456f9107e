# shellcheck shell=bash disable=SC2034
# (SC2034: the variables set here are read by the scripts that source this file.)
# Shared by deploy.sh, backup.sh, restore.sh and rotate-session-secret.sh (sourced, never run).
# The caller sets ROOT (the project root) before sourcing.
#
# Reaching the database, two ways:
#   DB_MODE=docker  `docker exec lavandaria-db psql|pg_dump -U <owner> -d $DB_NAME` (the compose setup;
#                   the client tools of the container match its server, so no tools on the host)
#   DB_MODE=direct  the host's psql/pg_dump with the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD,
#                   PGDATABASE (each defaults to DB_HOST, DB_PORT, <owner>, its password, DB_NAME)
# <owner> is the schema owner, DB_MIGRATION_USER: in docker mode it defaults to lavandaria (compose's
# POSTGRES_USER); in direct mode to DB_USER (one role for everything), with the matching password.
# Restores replace the schema, which only the owner may do; the app role owns nothing.
#   unset           docker when the container is running, otherwise direct.
# Values come from the environment first, then from $ENV_FILE (default $ROOT/.env).

ENV_FILE=${ENV_FILE:-$ROOT/.env}
DB_CONTAINER=${DB_CONTAINER:-lavandaria-db}
# With several replicas (runbook §17) the first one is lavandaria-app-1: set APP_CONTAINER to it.
APP_CONTAINER=${APP_CONTAINER:-lavandaria-app}

say() { printf '%s\n' "$*"; }
warn() { printf '⚠️  %s\n' "$*" >&2; }
die() {
  printf '❌ %s\n' "$*" >&2
  exit 1
}

# file_value KEY [FILE]: the last KEY=value line of the file, surrounding quotes removed ('' when absent).
file_value() {
  local key=$1 file=${2:-$ENV_FILE} line value
  [[ -f "$file" ]] || return 0
  line=$(grep -E "^[[:space:]]*${key}=" "$file" | tail -n 1 || true)
  [[ -n "$line" ]] || return 0
  value=${line#*=}
  value=${value%$'\r'}
  if [[ ${#value} -ge 2 && ( ( ${value:0:1} == '"' && ${value: -1} == '"' ) || ( ${value:0:1} == "'" && ${value: -1} == "'" ) ) ]]; then
    value=${value:1:${#value}-2}
  fi
  printf '%s' "$value"
}

# env_value KEY [DEFAULT]: the environment wins over the env file; DEFAULT when neither has a value.
env_value() {
  local key=$1 fallback=${2:-} value
  value=${!key:-}
  [[ -n "$value" ]] || value=$(file_value "$key")
  printf '%s' "${value:-$fallback}"
}

compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose --project-directory "$ROOT" -f "$ROOT/docker-compose.yml" "$@"
  elif command -v docker-compose >/dev/null 2>&1; then
    docker-compose --project-directory "$ROOT" -f "$ROOT/docker-compose.yml" "$@"
  else
    die "Docker Compose is missing: install the compose plugin (docker compose) or docker-compose."
  fi
}

container_running() {
  command -v docker >/dev/null 2>&1 && [[ "$(docker inspect -f '{{.State.Running}}' "$1" 2>/dev/null || true)" == "true" ]]
}

# The owner role and its password (see above).
owner_user() {
  local user
  user=$(env_value DB_MIGRATION_USER)
  printf '%s' "${user:-$(env_value DB_USER)}"
}
owner_password() {
  if [[ -n "$(env_value DB_MIGRATION_USER)" ]]; then env_value DB_MIGRATION_PASSWORD; else env_value DB_PASSWORD; fi
}

# Decides DB_MODE once and prepares the connection settings for db_psql / db_dump.
db_setup() {
  DB_MODE=${DB_MODE:-}
  if [[ -z "$DB_MODE" ]]; then
    if container_running "$DB_CONTAINER"; then DB_MODE=docker; else DB_MODE=direct; fi
  fi
  case "$DB_MODE" in
    docker)
      command -v docker >/dev/null 2>&1 || die "DB_MODE=docker but the docker command is missing."
      DB_ADMIN_USER=$(env_value DB_MIGRATION_USER lavandaria)
      DB_TARGET_NAME=$(env_value DB_NAME lavandaria)
      DB_DESCRIPTION="container $DB_CONTAINER, database $DB_TARGET_NAME (user $DB_ADMIN_USER)"
      ;;
    direct)
      export PGHOST="${PGHOST:-$(env_value DB_HOST)}"
      export PGPORT="${PGPORT:-$(env_value DB_PORT 5432)}"
      export PGUSER="${PGUSER:-$(owner_user)}"
      export PGDATABASE="${PGDATABASE:-$(env_value DB_NAME)}"
      local password
      password=${PGPASSWORD:-$(owner_password)}
      if [[ -n "$password" ]]; then export PGPASSWORD="$password"; fi
      [[ -n "$PGHOST" && -n "$PGDATABASE" ]] || die "No database to reach: start the compose database ($DB_CONTAINER) or set PGHOST/PGDATABASE (or DB_HOST/DB_NAME)."
      for tool in psql pg_dump; do
        command -v "$tool" >/dev/null 2>&1 || die "$tool is missing on this host (Debian/Ubuntu: apt-get install postgresql-client), or use DB_MODE=docker."
      done
      DB_DESCRIPTION="$PGHOST:$PGPORT, database $PGDATABASE (user ${PGUSER:-$(id -un)})"
      ;;
    *) die "DB_MODE must be docker or direct (got \"$DB_MODE\")." ;;
  esac
}

# db_psql ARGS…: psql on the target database; stdin is passed through.
db_psql() {
  if [[ "$DB_MODE" == docker ]]; then
    docker exec -i "$DB_CONTAINER" psql -U "$DB_ADMIN_USER" -d "$DB_TARGET_NAME" "$@"
  else
    psql "$@"
  fi
}

# db_dump ARGS…: pg_dump of the target database to stdout.
db_dump() {
  if [[ "$DB_MODE" == docker ]]; then
    docker exec "$DB_CONTAINER" pg_dump -U "$DB_ADMIN_USER" -d "$DB_TARGET_NAME" "$@"
  else
    pg_dump "$@"
  fi
}

# wait_ready URL TIMEOUT_SECONDS: polls the readiness probe until it answers "ready".
wait_ready() {
  local url=$1 timeout=$2 started body
  command -v curl >/dev/null 2>&1 || die "curl is missing: cannot check $url."
  started=$(date +%s)
  while true; do
    body=$(curl -fsS --max-time 5 "$url" 2>/dev/null || true)
    if [[ "$body" == *'"status":"ready"'* ]]; then
      say "✅ $url is ready"
      return 0
    fi
    if (($(date +%s) - started >= timeout)); then
      printf '❌ %s not ready after %ss (last answer: %s)\n' "$url" "$timeout" "${body:-none}" >&2
      return 1
    fi
    sleep 2
  done
}
