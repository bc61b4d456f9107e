#!/usr/bin/env bash
# Restores one backup set made by scripts/backup.sh: the database, and the uploads when archived.
#
#   scripts/restore.sh backups/backup_20260310_020000.sql
#   scripts/restore.sh 20260310_020000            (the set's timestamp, with its _label if it has one)
#   scripts/restore.sh latest                     (the newest unlabelled set in BACKUP_DIR)
# Options:
#   --yes                 do not ask for confirmation (needed when not run in a terminal)
#   --no-uploads          restore the database only
#   --no-safety-backup    skip the "prerestore" backup of the current state taken first
#   --no-app              leave the app alone (restoring into a scratch database for a drill)
#   --docker | --direct   how to reach the database (see scripts/lib/ops-common.sh)
#
# What it does: checks the dump is complete; takes a safety backup of the current state (label
# prerestore, kept 30 days); with the compose setup, stops the app; replaces the database contents in
# ONE transaction (the application's schemas are dropped and the dump applied, so tables created after
# the backup disappear too and a failure changes nothing); puts the uploads back (the current files
# are moved aside to <uploads>.before-restore-<time>, never deleted); starts the app again and waits
# until /api/readyz answers "ready" (direct mode: when APP_URL is set; otherwise the schema is checked).
#
# Environment: BACKUP_DIR (./backups), UPLOADS_DIR (./uploads), APP_URL
# (http://localhost:${APP_PUBLISH_PORT:-3000} in docker mode), READY_TIMEOUT (120), DB_MODE, ENV_FILE.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/ops-common.sh
source "$ROOT/scripts/lib/ops-common.sh"

BACKUP_DIR=${BACKUP_DIR:-$ROOT/backups}
UPLOADS_DIR=${UPLOADS_DIR:-$ROOT/uploads}
READY_TIMEOUT=${READY_TIMEOUT:-120}

assume_yes=false
with_uploads=true
safety_backup=true
touch_app=true
target=''
while (($# > 0)); do
  case "$1" in
    --yes | -y) assume_yes=true ;;
    --no-uploads) with_uploads=false ;;
    --no-safety-backup) safety_backup=false ;;
    --no-app) touch_app=false ;;
    --docker) DB_MODE=docker ;;
    --direct) DB_MODE=direct ;;
    -h | --help)
      sed -n '2,/^set -Eeuo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    -*) die "Unknown option: $1 (see --help)" ;;
    *)
      [[ -z "$target" ]] || die "Give one backup to restore."
      target=$1
      ;;
  esac
  shift
done
[[ -n "$target" ]] || die "Which backup? e.g. scripts/restore.sh latest (see --help)"

# --- which set ---------------------------------------------------------------------------------------
if [[ "$target" == latest ]]; then
  # Unlabelled sets only: a second run must not pick the prerestore backup the first run just made.
  sql=$(find "$BACKUP_DIR" -maxdepth 1 -regextype posix-extended -regex '.*/backup_[0-9]{8}_[0-9]{6}\.sql' 2>/dev/null | sort | tail -n 1)
  [[ -n "$sql" ]] || die "No backup_*.sql in $BACKUP_DIR."
elif [[ -f "$target" ]]; then
  sql=$target
else
  sql="$BACKUP_DIR/backup_${target}.sql"
fi
[[ -f "$sql" ]] || die "No such backup: $sql"
base=${sql##*/}
key=${base#backup_}
key=${key%.sql}
archive="$(dirname "$sql")/uploads_${key}.tar.gz"
grep -q '^-- PostgreSQL database dump complete' "$sql" || die "$sql is incomplete (no end marker); refusing to restore it."

db_setup
manage_app=false
if [[ "$touch_app" == true && "$DB_MODE" == docker ]] && container_running "$APP_CONTAINER"; then manage_app=true; fi
if [[ "$manage_app" == true && -z "${APP_URL:-}" ]]; then APP_URL="http://localhost:$(env_value APP_PUBLISH_PORT 3000)"; fi

say "Restore $sql"
say "  into     $DB_DESCRIPTION (its current contents are replaced)"
if [[ "$with_uploads" == true && -f "$archive" ]]; then
  say "  uploads  $archive → $UPLOADS_DIR (current files moved aside)"
else
  with_uploads=false
  say "  uploads  not restored"
fi
if [[ "$manage_app" == true ]]; then say "  the app ($APP_CONTAINER) is stopped during the restore and started again"; fi

if [[ "$assume_yes" != true ]]; then
  [[ -t 0 ]] || die "Not a terminal: add --yes to confirm."
  read -r -p "Type yes to continue: " answer
  [[ "$answer" == yes ]] || die "Cancelled; nothing changed."
fi

# --- safety first ------------------------------------------------------------------------------------
if [[ "$safety_backup" == true ]]; then
  DB_MODE=$DB_MODE BACKUP_DIR=$BACKUP_DIR UPLOADS_DIR=$UPLOADS_DIR "$ROOT/scripts/backup.sh" --label prerestore --no-retention ||
    die "The safety backup failed; nothing was restored (--no-safety-backup skips it)."
fi

if [[ "$manage_app" == true ]]; then
  say "+ docker compose stop app"
  compose stop app
fi
restart_app() {
  if [[ "$manage_app" == true ]]; then
    say "+ docker compose start app"
    compose start app || true
  fi
}
trap 'restart_app' ERR

# --- database ----------------------------------------------------------------------------------------
schemas=$(db_psql -X -A -t -v ON_ERROR_STOP=1 -c \
  "SELECT quote_ident(nspname) FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'") ||
  die "Cannot read the database's schemas."
{
  printf 'SET client_min_messages = warning;\n'
  while IFS= read -r schema; do
    if [[ -n "$schema" ]]; then printf 'DROP SCHEMA %s CASCADE;\n' "$schema"; fi
  done <<<"$schemas"
  # The dump does not create the public schema; recreate it as PostgreSQL 15+ ships it.
  printf 'CREATE SCHEMA public AUTHORIZATION pg_database_owner;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\n'
  cat -- "$sql"
} | db_psql -X -q -v ON_ERROR_STOP=1 --single-transaction >/dev/null ||
  die "The restore failed and was rolled back: the database is as it was before."
say "✅ Database restored from $base"

# --- uploads -----------------------------------------------------------------------------------------
if [[ "$with_uploads" == true ]]; then
  parent=$(dirname "$UPLOADS_DIR")
  mkdir -p -- "$parent"
  staging=$(mktemp -d "$parent/.uploads-restore.XXXXXX")
  tar -xzf "$archive" -C "$staging" || {
    rm -rf -- "$staging"
    die "Cannot extract $archive; the uploads were not touched."
  }
  [[ -d "$staging/uploads" ]] || {
    rm -rf -- "$staging"
    die "$archive has no uploads/ directory; the uploads were not touched."
  }
  mkdir -p -- "$UPLOADS_DIR"
  if [[ -n "$(ls -A -- "$UPLOADS_DIR")" ]]; then
    aside="$UPLOADS_DIR.before-restore-$(date +%Y%m%d_%H%M%S)"
    mkdir -- "$aside"
    find "$UPLOADS_DIR" -mindepth 1 -maxdepth 1 -exec mv -t "$aside" -- {} +
    say "ℹ️  The previous uploads are kept in $aside (delete it once the restore is confirmed)."
  fi
  # Moving the contents (not the directory) keeps the bind-mounted directory and its owner.
  find "$staging/uploads" -mindepth 1 -maxdepth 1 -exec mv -t "$UPLOADS_DIR" -- {} +
  rm -rf -- "$staging"
  say "✅ Uploads restored into $UPLOADS_DIR"
fi

# --- back in service ---------------------------------------------------------------------------------
trap - ERR
restart_app
if [[ -n "${APP_URL:-}" ]]; then
  wait_ready "$APP_URL/api/readyz" "$READY_TIMEOUT" || die "The app is not ready: docker compose logs app --tail 100"
else
  migrations=$(db_psql -X -A -t -v ON_ERROR_STOP=1 -c 'SELECT count(*) FROM pgmigrations') || die "The restored database has no pgmigrations table."
  say "✅ Restored schema has $migrations migration(s) applied; start the app and check /api/readyz (APP_URL would let this script wait for it)."
fi
