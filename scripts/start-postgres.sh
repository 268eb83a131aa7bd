#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 cluster if it is down, makes sure the test role and database
# exist, and prints the export line for the tests' connection string (eval its output).
set -euo pipefail
# Only the export line goes to stdout: everything the PostgreSQL tools print (for example
# "Removed stale pid file" after an unclean stop) goes to stderr, or eval would run it.
exec 3>&1 1>&2
log() { printf '[postgres] %s\n' "$*"; }
if [ -n "${COMMERCE_TEST_POSTGRES:-}" ]; then echo "export COMMERCE_TEST_POSTGRES='$COMMERCE_TEST_POSTGRES'" >&3; exit 0; fi
ver="$(ls /usr/lib/postgresql | sort -n | tail -1)"
cluster_exists() { pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$ver main"; }
cluster_exists || pg_createcluster "$ver" main >/dev/null
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  log "starting cluster $ver/main"
  pg_ctlcluster "$ver" main start 3>&-   # the server must not hold the export pipe open
fi
port="$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')"
for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.2; done
psql_admin() { su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 $*"; }
psql_admin "-tAc \"SELECT 1 FROM pg_roles WHERE rolname='commerce'\"" | grep -q 1 \
  || psql_admin "-c \"CREATE ROLE commerce LOGIN SUPERUSER PASSWORD 'commerce'\""
psql_admin "-tAc \"SELECT 1 FROM pg_database WHERE datname='commerce_test'\"" | grep -q 1 \
  || psql_admin "-c \"CREATE DATABASE commerce_test OWNER commerce\""
echo "export COMMERCE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Database=commerce_test;Username=commerce;Password=commerce'" >&3
