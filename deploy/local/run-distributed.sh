#!/usr/bin/env bash
# Distributed mode without Docker: a private RabbitMQ node plus Ingest, Extraction and Query as three separate
# processes, each with its own SQLite file under the data folder. Ctrl-C stops everything this script started.
#
#   deploy/local/run-distributed.sh [--data DIR] [--rabbitmq-port PORT] [--configuration Debug|Release] [--no-build]
#
#   --data DIR            SQLite files, logs and the broker's state (default: data/distributed in the repository)
#   --rabbitmq-port PORT  AMQP port of the private node (default 5698; management API on PORT+10000)
#   --no-build            run what is already built
# Environment: RABBITMQ_URI=amqp://... uses that broker instead of starting one;
#              INGEST_PORT / EXTRACTION_PORT / QUERY_PORT (default 5001 / 5002 / 5003).
#
# Needs the .NET SDK and rabbitmq-server (Debian: apt-get install -y rabbitmq-server; its system service is not used).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

data="$root/data/distributed"
rabbit_port=5698
configuration=Debug
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --rabbitmq-port) rabbit_port="$2"; shift 2 ;;
    --configuration|-c) configuration="$2"; shift 2 ;;
    --no-build) build=""; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
ingest_port=${INGEST_PORT:-5001}
extraction_port=${EXTRACTION_PORT:-5002}
query_port=${QUERY_PORT:-5003}
mkdir -p "$data/logs"
data=$(cd "$data" && pwd)

# The keys the CLI uses by default (same as the all-in-one host), plus the service key Extraction reads Ingest with.
api_key=dev-local-key
service_key=dev-service-key

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$ingest_port" "$extraction_port" "$query_port"; do
  if port_busy "$p"; then
    echo "port $p is already in use; stop what listens there or set INGEST_PORT/EXTRACTION_PORT/QUERY_PORT" >&2
    exit 1
  fi
done

pids=()
broker_dir=""
stopping=""
cleanup() {
  [ -n "$stopping" ] && return
  stopping=1
  trap - INT TERM
  echo
  echo "stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  [ -n "${tail_pid:-}" ] && kill "$tail_pid" 2>/dev/null || true
  if [ -n "$broker_dir" ]; then
    bash deploy/local/start-rabbitmq.sh --stop "$broker_dir" >/dev/null 2>&1 || true
    echo "stopped RabbitMQ ($broker_dir)"
  fi
  echo "stopped. Data kept in $data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$build" ]; then
  echo "building the services ($configuration)..."
  for svc in Platform.Ingest Platform.Extraction Platform.Query; do
    dotnet build "services/$svc" -c "$configuration" -v quiet -nologo >"$data/logs/build-$svc.log" 2>&1 \
      || { echo "build of $svc failed; see $data/logs/build-$svc.log" >&2; tail -n 20 "$data/logs/build-$svc.log" >&2; exit 1; }
  done
fi

if [ -n "${RABBITMQ_URI:-}" ]; then
  rabbit_uri="$RABBITMQ_URI"
  echo "using the broker in RABBITMQ_URI"
else
  if port_busy "$rabbit_port" && [ ! -f "$data/rabbitmq/node" ]; then
    echo "port $rabbit_port is already in use: pick another with --rabbitmq-port, or use that broker with RABBITMQ_URI=amqp://..." >&2
    exit 1
  fi
  echo "starting a private RabbitMQ node on port $rabbit_port..."
  broker_dir="$data/rabbitmq"
  rabbit_uri=$(bash deploy/local/start-rabbitmq.sh --dir "$broker_dir" --port "$rabbit_port" | tail -n 1)
fi

common_env=(
  "ConnectionStrings__rabbitmq=$rabbit_uri"
  "Auth__ApiKeys__$api_key=local"
  "Auth__ApiKeys__$service_key=*"
  "DOTNET_ENVIRONMENT=Development"
  "Logging__Json=false"
)

# start NAME PROJECT PORT VAR=VALUE...: runs the built dll in the background, logging to $data/logs/NAME.log.
start() {
  local name=$1 project=$2 port=$3
  shift 3
  local dll="$root/services/$project/bin/$configuration/net10.0/$project.dll"
  [ -f "$dll" ] || { echo "$dll is missing: build first (omit --no-build)" >&2; exit 1; }
  # The working directory is the data folder, so nothing the service writes lands in the source tree.
  (cd "$data" && exec env "${common_env[@]}" \
      "Kestrel__Endpoints__Grpc__Url=http://localhost:$port" "Kestrel__Endpoints__Grpc__Protocols=Http2" "$@" \
      dotnet "$dll" >>"$data/logs/$name.log" 2>&1) &
  pids+=($!)
  echo "  $name: pid $! on port $port (log $data/logs/$name.log)"
}

wait_ready() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited; last lines of $data/logs/$name.log:" >&2
      tail -n 30 "$data/logs/$name.log" >&2
      exit 1
    fi
    if curl -sf --http2-prior-knowledge -o /dev/null "http://127.0.0.1:$port/health/ready"; then
      echo "  $name is ready"
      return
    fi
    sleep 0.5
  done
  echo "$name did not become ready within 150 s; see $data/logs/$name.log" >&2
  exit 1
}

echo "starting the services..."
# Query and Extraction first: their queues must exist before Ingest's outbox relay publishes.
start query Platform.Query "$query_port" "ConnectionStrings__query=Data Source=$data/query.db"
wait_ready query "$query_port" "${pids[-1]}"
start extraction Platform.Extraction "$extraction_port" \
  "Services__Ingest=http://127.0.0.1:$ingest_port" "Services__ApiKey=$service_key"
start ingest Platform.Ingest "$ingest_port" "ConnectionStrings__documents=Data Source=$data/ingest.db"
wait_ready ingest "$ingest_port" "${pids[-1]}"
wait_ready extraction "$extraction_port" "${pids[-2]}"

cli="dotnet run --project clients/Platform.Cli --"
cat <<EOF

Platform running in distributed mode (three processes, RabbitMQ, SQLite under $data):
  ingest      http://localhost:$ingest_port   (gRPC: IngestService)
  extraction  http://localhost:$extraction_port   (gRPC: ExtractionService; consumes DocumentSubmitted)
  query       http://localhost:$query_port   (gRPC: QueryService)
  rabbitmq    ${rabbit_uri}$([ -n "$broker_dir" ] && echo "   (management http://127.0.0.1:$((rabbit_port > 55535 ? rabbit_port - 10000 : rabbit_port + 10000))/, guest/guest)")
  API key     $api_key (tenant "local")

Try it from another shell at $root:
  $cli --ingest http://localhost:$ingest_port --query http://localhost:$query_port submit samples/news --wait
  $cli --ingest http://localhost:$ingest_port --query http://localhost:$query_port search drought
  $cli --ingest http://localhost:$ingest_port --query http://localhost:$query_port watch
(or export PLATFORM_INGEST=http://localhost:$ingest_port PLATFORM_QUERY=http://localhost:$query_port once)

Logs follow; Ctrl-C stops the services$([ -n "$broker_dir" ] && echo " and the broker").
EOF

tail -n 0 -F "$data/logs/ingest.log" "$data/logs/extraction.log" "$data/logs/query.log" &
tail_pid=$!
# Stop everything when any service dies, so a half-running platform never lingers.
while true; do
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "a service (pid ${pids[$i]}) exited; stopping the rest" >&2
      exit 1
    fi
  done
  sleep 1
done
