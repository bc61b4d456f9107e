#!/usr/bin/env bash
# Deploys (or updates) Lavandaria with Docker Compose on this machine. Safe to run again: every step
# checks before it acts. It never deletes a volume or any data.
#
#   ./deploy.sh              check → build → back up → migrate → (first time) create master → start app → wait for ready
#   ./deploy.sh --dry-run    check everything and print the plan; change nothing
# Options: --skip-backup (not recommended), --timeout SECONDS (readiness wait, default 120).
# Environment: MASTER_USERNAME / MASTER_PASSWORD (first deploy; otherwise asked in a terminal),
# APP_URL (default http://localhost:${APP_PUBLISH_PORT:-3000}), ENV_FILE (default ./.env).
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/lib/ops-common.sh
source "$ROOT/scripts/lib/ops-common.sh"
cd "$ROOT"

dry_run=false
backup=true
timeout=120
while (($# > 0)); do
  case "$1" in
    --dry-run) dry_run=true ;;
    --skip-backup) backup=false ;;
    --timeout)
      timeout=${2:-}
      [[ "$timeout" =~ ^[0-9]+$ ]] || die "--timeout needs a number of seconds."
      shift
      ;;
    -h | --help)
      sed -n '2,/^set -Eeuo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "Unknown option: $1 (see --help)" ;;
  esac
  shift
done

step() { printf '\n=== %s ===\n' "$*"; }
# run CMD…: acts, or in a dry run only says what it would do.
run() {
  local shown="$*"
  if [[ "$1" == compose ]]; then shown="docker $*"; fi
  if [[ "$dry_run" == true ]]; then
    say "[dry-run] would run: $shown"
  else
    say "+ $shown"
    "$@"
  fi
}
acting=false
on_exit() {
  local status=$?
  if ((status == 0)) || [[ "$acting" != true ]]; then return; fi
  cat >&2 <<'HELP'

❌ Deploy stopped. Where to look:
   docker compose ps                                   (is db healthy? is app running?)
   docker compose logs app --tail 100 | grep -E "(ERROR|FATAL|❌)"
   docker compose logs db --tail 50
   curl -s http://localhost:3000/api/readyz | jq       (which check fails)
   docs/OPERATIONS_RUNBOOK.md, "Incident response" and "Emergency rollback"
HELP
}
trap on_exit EXIT

# --- 1. prerequisites and configuration --------------------------------------------------------------
step "Checking prerequisites"
command -v docker >/dev/null 2>&1 || die "docker is not installed (https://docs.docker.com/engine/install/)."
docker info >/dev/null 2>&1 || die "The Docker engine is not reachable (is it running? is this user in the docker group?)."
compose version >/dev/null || die "Docker Compose is not available."
command -v curl >/dev/null 2>&1 || die "curl is missing (apt-get install curl)."
say "✅ docker, docker compose, curl"

[[ -f "$ENV_FILE" ]] || die "$ENV_FILE is missing: cp .env.example .env, then fill in the secrets (see docs/OPERATIONS_RUNBOOK.md)."
generate='node -e "console.log(require('"'"'crypto'"'"').randomBytes(32).toString('"'"'hex'"'"'))"   (or: openssl rand -hex 32)'
secret=$(file_value SESSION_SECRET)
if [[ ${#secret} -lt 64 ]]; then
  die "SESSION_SECRET in $ENV_FILE is ${secret:+too short (${#secret} characters, 64+ needed)}${secret:-missing}. Generate one with:
   $generate"
fi
for key in DB_PASSWORD DB_MIGRATION_PASSWORD; do
  db_password=$(file_value "$key")
  [[ -n "$db_password" && "$db_password" != change-me* ]] || die "Set $key in $ENV_FILE to a strong password of your own (not the example's): DB_PASSWORD for the app's role, DB_MIGRATION_PASSWORD for the owner that runs the migrations."
done
field_key=$(file_value FIELD_ENCRYPTION_KEY)
if [[ ! "$field_key" =~ ^[0-9a-fA-F]{64}$ ]]; then
  die "FIELD_ENCRYPTION_KEY in $ENV_FILE must be 64 hexadecimal characters (it encrypts access codes; keep a copy in your vault). Generate one with:
   $generate"
fi
say "✅ $ENV_FILE has SESSION_SECRET, DB_PASSWORD, DB_MIGRATION_PASSWORD and FIELD_ENCRYPTION_KEY"
app_url=${APP_URL:-http://localhost:$(env_value APP_PUBLISH_PORT 3000)}
# The owner role (compose's POSTGRES_USER): the deploy's own checks read the schema the migrations own.
db_user=$(env_value DB_MIGRATION_USER lavandaria)
db_name=$(env_value DB_NAME lavandaria)
if git -C "$ROOT" rev-parse --short HEAD >/dev/null 2>&1; then say "ℹ️  Deploying commit $(git -C "$ROOT" rev-parse --short HEAD)"; fi

# --- 2. build (a failed build leaves the running system alone) ---------------------------------------
acting=true
step "Building the app image"
if docker image inspect lavandaria-app:latest >/dev/null 2>&1; then
  # Kept for a quick rollback: APP_IMAGE_TAG=previous docker compose up -d app
  run docker image tag lavandaria-app:latest lavandaria-app:previous
fi
run compose build app

# --- 3. database up, then a backup unless this is the first deploy ------------------------------------
step "Database"
run compose up -d db
if [[ "$dry_run" != true ]]; then
  waited=0
  until docker exec "$DB_CONTAINER" pg_isready -U "$db_user" -d "$db_name" >/dev/null 2>&1; do
    ((waited < 60)) || die "The database did not become ready in 60s: docker compose logs db --tail 50"
    sleep 2
    waited=$((waited + 2))
  done
  say "✅ $DB_CONTAINER accepts connections"
fi
sql() { docker exec "$DB_CONTAINER" psql -X -A -t -U "$db_user" -d "$db_name" -c "$1"; }
existing=unknown
if container_running "$DB_CONTAINER"; then
  existing=$(sql "SELECT to_regclass('public.pgmigrations') IS NOT NULL") || die "Cannot query the database."
fi

step "Backup"
if [[ "$backup" != true ]]; then
  warn "Backup skipped (--skip-backup)."
elif [[ "$existing" == f ]]; then
  say "ℹ️  First deploy: the database has no schema yet, so there is nothing to back up."
elif [[ "$existing" == unknown ]]; then
  say "[dry-run] would run: scripts/backup.sh --label predeploy (when the database holds data)"
else
  run env DB_MODE=docker "$ROOT/scripts/backup.sh" --label predeploy
fi

# --- 4. migrate with the new image (expand/contract: the running release keeps working) ---------------
step "Migrations"
run compose run --rm --no-deps app npm run --silent migrate

# --- 5. the master account, once ------------------------------------------------------------------------
step "Master account"
masters=unknown
if container_running "$DB_CONTAINER" && [[ "$existing" == t || "$dry_run" != true ]]; then
  masters=$(sql "SELECT count(*) FROM users WHERE role = 'master'") || die "Cannot read the users table."
fi
if [[ "$masters" == unknown ]]; then
  say "[dry-run] would create the master account if none exists (MASTER_USERNAME/MASTER_PASSWORD or a prompt)"
elif ((masters > 0)); then
  say "✅ A master account exists"
else
  master_env=()
  if [[ -n "${MASTER_USERNAME:-}" ]]; then master_env+=(-e "MASTER_USERNAME=$MASTER_USERNAME"); fi
  if [[ -n "${MASTER_PASSWORD:-}" ]]; then master_env+=(-e "MASTER_PASSWORD=$MASTER_PASSWORD"); fi
  if [[ -n "${MASTER_NAME:-}" ]]; then master_env+=(-e "MASTER_NAME=$MASTER_NAME"); fi
  if [[ -z "${MASTER_USERNAME:-}" || -z "${MASTER_PASSWORD:-}" ]] && [[ -z "$(file_value MASTER_USERNAME)" || -z "$(file_value MASTER_PASSWORD)" ]] && [[ ! -t 0 ]]; then
    die "First deploy: set MASTER_USERNAME and MASTER_PASSWORD (environment or .env), or run in a terminal to be asked."
  fi
  say "First deploy: creating the master account"
  if [[ "$dry_run" == true ]]; then
    say "[dry-run] would run: docker compose run --rm --no-deps app npm run create-master"
  else
    say "+ docker compose run --rm --no-deps app npm run create-master"
    compose run --rm --no-deps "${master_env[@]}" app npm run --silent create-master
  fi
fi

# --- 6. start the new release and wait until it is ready ---------------------------------------------
step "Starting the app"
# --force-recreate: the container always runs the image just built and re-reads .env.
run compose up -d --force-recreate app
if [[ "$dry_run" == true ]]; then
  say "[dry-run] would wait up to ${timeout}s for $app_url/api/readyz to answer \"ready\""
  say "[dry-run] nothing changed."
  exit 0
fi
wait_ready "$app_url/api/readyz" "$timeout" || die "The app did not become ready in ${timeout}s."
say "
✅ Deployed. Next:
   curl -s $app_url/api/readyz | jq '.status'
   docker compose logs app --since 15m | grep -c \"❌\"    (the runbook's first-2-hours watch)"
