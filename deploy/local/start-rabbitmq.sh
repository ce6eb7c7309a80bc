#!/usr/bin/env bash
# Starts a private RabbitMQ node (no Docker, no system service) for development and tests, and prints its AMQP URI
# on the last line. Idempotent: a node already running in DIR is reused.
#
#   deploy/local/start-rabbitmq.sh [--dir DIR] [--port PORT] [PORT]   start (default port 5699, DIR /tmp/platform-rabbitmq-PORT)
#   deploy/local/start-rabbitmq.sh --stop DIR                          stop the node started in DIR
#
# The management API (used by the test fixtures to create a virtual host per test class) listens on
# 127.0.0.1:PORT+10000 (PORT-10000 when that would exceed 65535). Install the broker with
# `apt-get install -y rabbitmq-server`; the Debian service itself is not used.
set -euo pipefail

port=5699
dir=""
stop=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --stop) stop=1; dir="${2:-$dir}"; shift; [ $# -gt 0 ] && shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    [0-9]*) port="$1"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

bin=/usr/lib/rabbitmq/bin
if [ ! -x "$bin/rabbitmq-server" ]; then
  echo "rabbitmq-server is not installed: apt-get install -y rabbitmq-server" >&2
  exit 1
fi

if [ -n "$stop" ]; then
  [ -n "$dir" ] || { echo "--stop needs the node's DIR" >&2; exit 2; }
  [ -f "$dir/node" ] || { echo "no node in $dir"; exit 0; }
  node=$(cat "$dir/node")
  HOME="$dir" timeout 30 "$bin/rabbitmqctl" -n "$node" stop >/dev/null 2>&1 || true
  # rabbitmqctl stop waits for the node; if it hung, end that node's own process only
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then kill "$(cat "$dir/pid")" 2>/dev/null || true; fi
  echo "stopped $node"
  exit 0
fi

[ -n "$dir" ] || dir="/tmp/platform-rabbitmq-$port"
if [ "$port" -gt 55535 ]; then mgmt=$((port - 10000)); else mgmt=$((port + 10000)); fi
# the default distribution port (AMQP port + 20000) overflows above 45535; keep it next to the AMQP port
if [ "$port" -gt 65000 ]; then dist=$((port - 100)); else dist=$((port + 100)); fi
node="platform-$port@localhost"
uri="amqp://guest:guest@127.0.0.1:$port/"

mkdir -p "$dir/mnesia" "$dir/log"
export HOME="$dir"
if [ -f "$dir/node" ] && timeout 20 "$bin/rabbitmqctl" -n "$(cat "$dir/node")" status >/dev/null 2>&1; then
  echo "already running: $(cat "$dir/node")" >&2
  echo "$uri"
  exit 0
fi

if [ ! -f "$dir/.erlang.cookie" ]; then
  (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/.erlang.cookie")
fi
chmod 600 "$dir/.erlang.cookie"
cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$port
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $mgmt
log.console = false
log.file.level = warning
CONF
echo '[rabbitmq_management].' > "$dir/enabled_plugins"
echo "$node" > "$dir/node"

export RABBITMQ_NODENAME="$node" RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT="$dist" \
  RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_PID_FILE="$dir/pid" RABBITMQ_CONF_ENV_FILE=/dev/null \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
setsid nohup "$bin/rabbitmq-server" > "$dir/log/stdout.log" 2>&1 < /dev/null &
if ! "$bin/rabbitmqctl" -n "$node" wait --timeout 60 "$dir/pid" >/dev/null 2>&1; then
  echo "RabbitMQ did not start; see $dir/log" >&2
  tail -n 20 "$dir/log/stdout.log" >&2 || true
  exit 1
fi
echo "RabbitMQ $node: AMQP $uri, management http://127.0.0.1:$mgmt/ (stop: $0 --stop $dir)" >&2
echo "$uri"
