#!/usr/bin/env bash
# The backup round trip docs/deploy.md describes, run for real: pg_dump the database named by $1 (or
# DATABASE_URL) in the custom format, restore it with pg_restore into a new database `<db>_restore`, and
# compare the exact row counts of the key tables, plus the migrations applied. Exits non-zero on any
# difference. `npm run test:cluster` runs it on the cluster's database after the proofs.
set -euo pipefail

SRC="${1:-${DATABASE_URL:?give a database URL or set DATABASE_URL}}"
BASE="${SRC%/*}"
NAME="${SRC##*/}"
NAME="${NAME%%\?*}"
TARGET="${NAME}_restore"
ADMIN="$BASE/postgres"
DUMP="$(mktemp -d)/portal.dump"
trap 'rm -rf "$(dirname "$DUMP")"; psql "$ADMIN" -qAtc "DROP DATABASE IF EXISTS \"$TARGET\" WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

TABLES=(app_user agency procedure service admin_unit dossier dossier_event audit_event attachment draft outbox_message notification payment session document _prisma_migrations)

count_rows() {
  local url="$1" t
  for t in "${TABLES[@]}"; do
    if [ "$(psql "$url" -qAtc "SELECT to_regclass('public.$t') IS NOT NULL")" = "t" ]; then
      printf '%s %s\n' "$t" "$(psql "$url" -qAtc "SELECT count(*) FROM \"$t\"")"
    fi
  done
}

start=$(date +%s)
pg_dump --format=custom --no-owner --no-privileges --file="$DUMP" "$SRC"
size=$(du -h "$DUMP" | cut -f1)
psql "$ADMIN" -qAtc "DROP DATABASE IF EXISTS \"$TARGET\" WITH (FORCE)" >/dev/null
psql "$ADMIN" -qAtc "CREATE DATABASE \"$TARGET\"" >/dev/null
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$BASE/$TARGET" "$DUMP"

before="$(count_rows "$SRC")"
after="$(count_rows "$BASE/$TARGET")"
echo "[backup] pg_dump of $NAME ($size) restored into $TARGET in $(( $(date +%s) - start )) s; rows per table:"
paste <(echo "$before") <(echo "$after" | cut -d' ' -f2) | awk '{ printf "[backup]   %-22s %8s -> %8s %s\n", $1, $2, $3, ($2==$3 ? "same" : "DIFFERENT") }'
if [ "$before" != "$after" ]; then
  echo "[backup] FAILED: the restored database differs" >&2
  exit 1
fi
echo "[backup] PROVED: the restore holds every row of the key tables"
