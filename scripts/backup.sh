#!/usr/bin/env bash
# Backs up the database and the uploaded files into ./backups/ and applies the retention policy.
#
#   scripts/backup.sh                    dump + uploads archive + retention
#   scripts/backup.sh --label predeploy  a labelled set (kept BACKUP_KEEP_LABELLED_DAYS, default 30, outside the rotation)
#   scripts/backup.sh --no-retention     do not prune anything this time
#   scripts/backup.sh --prune-only       only apply the retention policy
#   scripts/backup.sh --docker|--direct  how to reach the database (see scripts/lib/ops-common.sh)
#
# Writes backup_<YYYYMMDD_HHMMSS>[_label].sql — a plain SQL dump made with --clean --if-exists, so
# `cat backup_….sql | docker exec -i lavandaria-db psql -U lavandaria lavandaria` restores it over a live
# database — and uploads_<same>.tar.gz (members under uploads/, so `tar -xzf` at the project root puts
# them back). Files appear only when complete (written as .partial, then renamed). Exits non-zero on
# any failure. Retention (unlabelled sets, newest first): the newest set of each of the last 7 days that
# have one, of the last 4 ISO weeks, of the last 12 months; a set is kept when any rule keeps it.
# Files that do not follow the naming (e.g. hand-made dumps) are never touched.
#
# Environment: BACKUP_DIR (./backups), UPLOADS_DIR (./uploads), BACKUP_UPLOADS (true; false when
# uploads live in versioned object storage), BACKUP_KEEP_DAILY (7), BACKUP_KEEP_WEEKLY (4),
# BACKUP_KEEP_MONTHLY (12), BACKUP_KEEP_LABELLED_DAYS (30), DB_MODE, ENV_FILE.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/ops-common.sh
source "$ROOT/scripts/lib/ops-common.sh"
# Backups hold every client's personal data: readable by their owner only.
umask 077

BACKUP_DIR=${BACKUP_DIR:-$ROOT/backups}
UPLOADS_DIR=${UPLOADS_DIR:-$ROOT/uploads}
BACKUP_UPLOADS=${BACKUP_UPLOADS:-true}
KEEP_DAILY=${BACKUP_KEEP_DAILY:-7}
KEEP_WEEKLY=${BACKUP_KEEP_WEEKLY:-4}
KEEP_MONTHLY=${BACKUP_KEEP_MONTHLY:-12}
KEEP_LABELLED_DAYS=${BACKUP_KEEP_LABELLED_DAYS:-30}
SET_PATTERN='^(backup|uploads)_([0-9]{8}_[0-9]{6})(_[a-z0-9-]+)?\.(sql|tar\.gz|note)$'

label=''
retention=true
dump=true
while (($# > 0)); do
  case "$1" in
    --label)
      label=${2:-}
      [[ "$label" =~ ^[a-z0-9-]+$ ]] || die "--label needs a name of lower-case letters, digits and dashes."
      shift
      ;;
    --no-retention) retention=false ;;
    --prune-only) dump=false ;;
    --docker) DB_MODE=docker ;;
    --direct) DB_MODE=direct ;;
    -h | --help)
      sed -n '2,/^set -Eeuo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "Unknown option: $1 (see --help)" ;;
  esac
  shift
done

for n in "$KEEP_DAILY" "$KEEP_WEEKLY" "$KEEP_MONTHLY" "$KEEP_LABELLED_DAYS"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "Retention counts must be whole numbers (got \"$n\")."
done

partials=()
cleanup() {
  if ((${#partials[@]} > 0)); then rm -f -- "${partials[@]}"; fi
}
trap cleanup EXIT

human_size() { du -h -- "$1" | cut -f1; }

take_backup() {
  db_setup
  mkdir -p -- "$BACKUP_DIR"
  local stamp key sql archive
  stamp=$(date +%Y%m%d_%H%M%S)
  key="${stamp}${label:+_$label}"
  sql="$BACKUP_DIR/backup_${key}.sql"
  archive="$BACKUP_DIR/uploads_${key}.tar.gz"
  [[ ! -e "$sql" ]] || die "$sql already exists."
  say "Backing up $DB_DESCRIPTION → $sql"

  partials+=("$sql.partial")
  # Owner and privilege statements are left out so the dump restores as whichever user runs it.
  db_dump --clean --if-exists --no-owner --no-privileges >"$sql.partial" || die "pg_dump failed; no backup was written."
  grep -q '^-- PostgreSQL database dump complete' "$sql.partial" || die "The dump is incomplete (no end marker); no backup was written."
  mv -- "$sql.partial" "$sql"
  say "✅ Database: $sql ($(human_size "$sql"))"

  if [[ "$BACKUP_UPLOADS" != true ]]; then
    printf 'Uploads not archived (BACKUP_UPLOADS=%s): they live in object storage, which keeps its own versions.\n' "$BACKUP_UPLOADS" >"$BACKUP_DIR/uploads_${key}.note"
    say "ℹ️  Uploads not archived (BACKUP_UPLOADS=$BACKUP_UPLOADS): object storage keeps its own versions."
  elif [[ -d "$UPLOADS_DIR" ]]; then
    partials+=("$archive.partial")
    tar -C "$UPLOADS_DIR" --transform 's,^\.,uploads,' -czf "$archive.partial" . || die "Archiving $UPLOADS_DIR failed."
    mv -- "$archive.partial" "$archive"
    say "✅ Uploads: $archive ($(human_size "$archive"))"
  else
    printf 'No uploads directory at %s when this backup was taken.\n' "$UPLOADS_DIR" >"$BACKUP_DIR/uploads_${key}.note"
    warn "No uploads directory at $UPLOADS_DIR: nothing to archive (noted in uploads_${key}.note)."
  fi
}

apply_retention() {
  [[ -d "$BACKUP_DIR" ]] || return 0
  local -A found=() seen_day=() seen_week=() seen_month=()
  local file base
  for file in "$BACKUP_DIR"/*; do
    base=${file##*/}
    if [[ "$base" =~ $SET_PATTERN ]]; then found["${BASH_REMATCH[2]}${BASH_REMATCH[3]}"]=1; fi
  done
  ((${#found[@]} > 0)) || return 0

  # Newest first. The names hold local time; one `date` call turns every name into its ISO week and
  # its age (a call per set is too slow with hundreds of sets).
  local -a keys weeks epochs
  mapfile -t keys < <(printf '%s\n' "${!found[@]}" | sort -r)
  mapfile -t weeks < <(printf '%s\n' "${keys[@]}" | sed -E 's/^(....)(..)(..)_.*/\1-\2-\3/' | date -f - +%G-W%V)
  mapfile -t epochs < <(printf '%s\n' "${keys[@]}" | sed -E 's/^(....)(..)(..)_(..)(..)(..).*/\1-\2-\3 \4:\5:\6/' | date -f - +%s)
  ((${#weeks[@]} == ${#keys[@]} && ${#epochs[@]} == ${#keys[@]})) || die "Cannot read the dates of the backups in $BACKUP_DIR."

  local now days=0 week_count=0 months=0 kept=0 i key keep day week month
  local -a doomed=() doomed_files=()
  now=$(date +%s)
  for i in "${!keys[@]}"; do
    key=${keys[$i]}
    keep=false
    if [[ ${#key} -gt 15 ]]; then
      # Labelled sets (before a deploy or a restore) stay for a fixed time, outside the rotation.
      if ((now - epochs[i] < KEEP_LABELLED_DAYS * 86400)); then keep=true; fi
    else
      day=${key:0:8}
      week=${weeks[$i]}
      month=${key:0:6}
      if [[ -z "${seen_day[$day]:-}" ]]; then
        seen_day[$day]=1
        if ((days < KEEP_DAILY)); then keep=true; fi
        days=$((days + 1))
      fi
      if [[ -z "${seen_week[$week]:-}" ]]; then
        seen_week[$week]=1
        if ((week_count < KEEP_WEEKLY)); then keep=true; fi
        week_count=$((week_count + 1))
      fi
      if [[ -z "${seen_month[$month]:-}" ]]; then
        seen_month[$month]=1
        if ((months < KEEP_MONTHLY)); then keep=true; fi
        months=$((months + 1))
      fi
    fi
    if [[ "$keep" == true ]]; then
      kept=$((kept + 1))
    else
      doomed+=("$key")
      doomed_files+=("$BACKUP_DIR/backup_${key}.sql" "$BACKUP_DIR/uploads_${key}.tar.gz" "$BACKUP_DIR/uploads_${key}.note")
    fi
  done
  if ((${#doomed[@]} > 0)); then
    rm -f -- "${doomed_files[@]}"
    say "🗑  Pruned backup set(s): ${doomed[*]}"
  fi
  say "✅ Retention (${KEEP_DAILY} daily, ${KEEP_WEEKLY} weekly, ${KEEP_MONTHLY} monthly, labelled ${KEEP_LABELLED_DAYS} days): kept $kept set(s), pruned ${#doomed[@]}"
}

if [[ "$dump" == true ]]; then take_backup; fi
if [[ "$retention" == true ]]; then apply_retention; fi
