#!/usr/bin/env bash
# Rotates SESSION_SECRET in .env without logging anyone out, or — in an emergency — logging everyone out.
#
#   scripts/rotate-session-secret.sh                  graceful: new secret; the old one moves to
#                                                     SESSION_SECRET_PREVIOUS so existing cookies stay valid
#   scripts/rotate-session-secret.sh --drop-previous  after the longest idle window: forget old secrets
#   scripts/rotate-session-secret.sh --emergency      new secret, no previous ones, every session deleted
# Options: --dry-run (show what would change, change nothing), --no-restart (only edit the file; for a
# server not run by compose), ENV_FILE=path (default ./.env).
#
# Why graceful works: sessions are rolling, so every answer to a signed-in user re-signs the cookie
# with the new (first) secret; after the longest idle timeout (SESSION_IDLE_MINUTES_*, 7 days for
# clients by default) a cookie still signed with the old secret belongs to an expired session anyway.
# `docker compose up -d app` recreates the container, which re-reads .env (a restart does not).
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/ops-common.sh
source "$ROOT/scripts/lib/ops-common.sh"

mode=graceful
dry_run=false
restart=true
while (($# > 0)); do
  case "$1" in
    --emergency) mode=emergency ;;
    --drop-previous) mode=drop-previous ;;
    --dry-run) dry_run=true ;;
    --no-restart) restart=false ;;
    -h | --help)
      sed -n '2,/^set -Eeuo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "Unknown option: $1 (see --help)" ;;
  esac
  shift
done

[[ -f "$ENV_FILE" ]] || die "$ENV_FILE not found (copy .env.example to .env first)."

new_secret() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }
# Only a fingerprint of a secret is ever printed.
mask() {
  if [[ -n "$1" ]]; then printf 'sha256:%s… (%s chars)' "$(printf '%s' "$1" | sha256sum | cut -c1-8)" "${#1}"; else printf '(empty)'; fi
}

# set_key FILE KEY VALUE: the first KEY= line takes the value, later duplicates go, absent keys are added.
set_key() {
  local file=$1 key=$2 value=$3 tmp
  tmp=$(mktemp "$file.XXXXXX")
  chmod --reference="$file" "$tmp"
  KEY="$key" VALUE="$value" awk '
    BEGIN { key = ENVIRON["KEY"]; value = ENVIRON["VALUE"]; done = 0 }
    {
      line = $0
      sub(/^[ \t]+/, "", line)
      if (index(line, key "=") == 1) {
        if (!done) { print key "=" value; done = 1 }
        next
      }
      print
    }
    END { if (!done) print key "=" value }
  ' "$file" >"$tmp"
  mv -- "$tmp" "$file"
}

current=$(file_value SESSION_SECRET)
previous=$(file_value SESSION_SECRET_PREVIOUS)

case "$mode" in
  graceful)
    secret=$(new_secret)
    # The old secret first, then older ones still inside their window; no empties, no repeats.
    keep=$(printf '%s\n' "$current" "${previous//,/$'\n'}" | awk 'NF && !seen[$0]++' | paste -sd, -)
    # The server refuses secrets under 64 characters, previous ones included: such a value never signed
    # a cookie it accepted, so it is dropped rather than carried along.
    short=$(printf '%s\n' "${keep//,/$'\n'}" | awk 'NF && length($0) < 64' | wc -l)
    if ((short > 0)); then
      warn "Dropping $short previous secret(s) shorter than 64 characters (the server would refuse them)."
      keep=$(printf '%s\n' "${keep//,/$'\n'}" | awk 'length($0) >= 64' | paste -sd, -)
    fi
    ;;
  drop-previous)
    [[ -n "$current" ]] || die "SESSION_SECRET is empty in $ENV_FILE; nothing to keep."
    secret=$current
    keep=''
    ;;
  emergency)
    secret=$(new_secret)
    keep=''
    ;;
esac

say "Rotation ($mode) of $ENV_FILE"
say "  SESSION_SECRET:          $(mask "$current") → $(mask "$secret")"
say "  SESSION_SECRET_PREVIOUS: $(mask "$previous") → $(mask "$keep")"
if [[ "$mode" == emergency ]]; then say "  every session is deleted: everyone signs in again"; fi

if [[ "$dry_run" == true ]]; then
  say "[dry-run] would write SESSION_SECRET and SESSION_SECRET_PREVIOUS in $ENV_FILE"
  if [[ "$restart" == true ]]; then say "[dry-run] would run: docker compose up -d app"; fi
  if [[ "$mode" == emergency ]]; then say "[dry-run] would run: DELETE FROM session"; fi
  say "[dry-run] nothing changed."
  exit 0
fi

set_key "$ENV_FILE" SESSION_SECRET "$secret"
set_key "$ENV_FILE" SESSION_SECRET_PREVIOUS "$keep"
say "✅ $ENV_FILE updated"

if [[ "$restart" == true ]]; then
  say "+ docker compose up -d app   (recreates the container so it reads the new .env)"
  compose up -d app
  wait_ready "${APP_URL:-http://localhost:$(env_value APP_PUBLISH_PORT 3000)}/api/readyz" "${READY_TIMEOUT:-120}" ||
    die "The app is not ready: docker compose logs app --tail 100 (roll back: put the old secret back in SESSION_SECRET)."
else
  say "ℹ️  Restart the server yourself so it reads $ENV_FILE."
fi

if [[ "$mode" == emergency ]]; then
  db_setup
  deleted=$(db_psql -X -A -t -v ON_ERROR_STOP=1 -c 'WITH gone AS (DELETE FROM session RETURNING 1) SELECT count(*) FROM gone') ||
    die "Could not delete the sessions: run DELETE FROM session by hand."
  say "✅ $deleted session(s) deleted; everyone signs in again."
elif [[ "$mode" == graceful ]]; then
  idle=$(for k in STAFF WORKER CLIENT; do
    case $k in STAFF) d=120 ;; WORKER) d=720 ;; CLIENT) d=10080 ;; esac
    env_value "SESSION_IDLE_MINUTES_$k" "$d"
    echo
  done | sort -n | tail -n 1)
  days=$(((idle + 1439) / 1440))
  say "✅ Nobody was logged out. After $days day(s) (the longest idle timeout, on $(date -d "+$days days" +%F)) run:"
  say "   scripts/rotate-session-secret.sh --drop-previous"
fi
