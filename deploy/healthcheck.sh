#!/usr/bin/env bash
# Container health probe without curl: a raw HTTP/1.1 GET over bash's /dev/tcp.
# Usage: healthcheck [path] [port]   (defaults: /health/ready, $HEALTH_PORT or 8081)
# Exit 0 when the service answers 200, 1 otherwise.
path=${1:-/health/ready}
port=${2:-${HEALTH_PORT:-8081}}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 4 status <&3 || exit 1
exec 3>&-
case "$status" in
  "HTTP/1.1 200"*) exit 0 ;;
  *) echo "unhealthy: ${status%$'\r'}" >&2; exit 1 ;;
esac
