#!/usr/bin/env bash
# Starts a private PostgreSQL server (no Docker, no system service) for development and tests, and prints its
# Npgsql connection string on the last line. Idempotent: a server already running in DIR is reused.
#
#   deploy/local/start-postgres.sh [--dir DIR] [--port PORT] [PORT]   start (default port 55432, DIR /tmp/platform-postgres-PORT)
#   deploy/local/start-postgres.sh --stop DIR                          stop the server started in DIR
#
# Install the binaries with `apt-get install -y postgresql`; the Debian cluster itself is not used.
set -euo pipefail

port=55432
dir=""
stop=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --stop) stop=1; dir="${2:-$dir}"; shift; [ $# -gt 0 ] && shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    [0-9]*) port="$1"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi
# initdb and the server refuse to run as root
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -n "$stop" ]; then
  [ -n "$dir" ] || { echo "--stop needs the server's DIR" >&2; exit 2; }
  [ -f "$dir/data/PG_VERSION" ] || { echo "no server in $dir"; exit 0; }
  as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  echo "stopped PostgreSQL in $dir"
  exit 0
fi

[ -n "$dir" ] || dir="/tmp/platform-postgres-$port"
conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"

if as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  echo "already running in $dir" >&2
  echo "$conn"
  exit 0
fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
fi
# test data only: durability off for speed
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "PostgreSQL on 127.0.0.1:$port (stop: $0 --stop $dir)" >&2
echo "$conn"
