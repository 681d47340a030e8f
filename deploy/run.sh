#!/usr/bin/env bash
# The run command: installs what it needs, builds, starts a private redis-server
# and the three services (SQLite store) on loopback, ingests data/seeds/, prints
# the cross-district comparison of the seed departments, and keeps serving
# until Ctrl-C. With --once it stops after printing. Everything it starts runs
# in a temporary directory and is stopped and deleted when it exits.
#
#   bash deploy/run.sh [--once]
set -euo pipefail
cd "$(dirname "$0")/.."

once=false
for arg in "$@"; do
  case "$arg" in
    --once) once=true ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done

bash deploy/install-deps.sh
bash deploy/build.sh
build=${JIXIAO_BUILD_DIR:-build}
jixiao="$build/tools/jixiao/jixiao"

work=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-run.XXXXXX")
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # A process killed by the same Ctrl-C may still be closing files; a second try covers it.
  rm -rf "$work" 2>/dev/null || { sleep 1; rm -rf "$work"; }
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Four free loopback ports, chosen by the kernel.
read -r redis_port ingest_port scoring_port query_port < <(python3 - <<'PY'
import socket
sockets = [socket.socket() for _ in range(4)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))
PY
)

# Waits until a service's log says it listens, or fails if it exited.
wait_listening() {
  local name=$1 pid=$2 log=$3
  for _ in $(seq 1 300); do
    grep -q "event=listening" "$log" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: $name exited; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "run.sh: $name did not start within 30 s; its log:" >&2
  cat "$log" >&2
  exit 1
}

redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work" --save "" --appendonly no \
  --daemonize no --logfile "$work/redis.log" &
pids+=($!)
for _ in $(seq 1 100); do
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$redis_port" ping >/dev/null || { echo "run.sh: redis-server did not start" >&2; exit 1; }

redis="redis://127.0.0.1:$redis_port"
"$build/services/ingest/jixiao-ingest" --listen "127.0.0.1:$ingest_port" \
  --store "sqlite://$work/ingest.db" --redis "$redis" --scoring "127.0.0.1:$scoring_port" \
  2>"$work/ingest.log" &
pids+=($!)
wait_listening ingest $! "$work/ingest.log"
"$build/services/scoring/jixiao-scoring" --listen "127.0.0.1:$scoring_port" \
  --schemes services/scoring/schemes --ingest "127.0.0.1:$ingest_port" --redis "$redis" \
  2>"$work/scoring.log" &
pids+=($!)
wait_listening scoring $! "$work/scoring.log"
"$build/services/query/jixiao-query" --listen "127.0.0.1:$query_port" --redis "$redis" \
  --scoring "127.0.0.1:$scoring_port" --ingest "127.0.0.1:$ingest_port" \
  --cohorts services/query/cohorts/guangzhou.textproto \
  2>"$work/query.log" &
pids+=($!)
wait_listening query $! "$work/query.log"

export JIXIAO_INGEST_ADDRESS="127.0.0.1:$ingest_port"
export JIXIAO_QUERY_ADDRESS="127.0.0.1:$query_port"
echo "Ingesting data/seeds/ ..."
"$jixiao" ingest data/seeds
for year in 2023 2022; do
  echo
  echo "Cross-district comparison $year, every department re-scored under guangzhou-department:"
  "$jixiao" compare --year "$year" --scheme guangzhou-department
done
for year in 2023 2022; do
  echo
  echo "Budget credibility $year of the city and district commerce departments (cohort guangzhou-commerce):"
  "$jixiao" credibility --year "$year" --scheme guangzhou-department --cohort guangzhou-commerce
done

if $once; then exit 0; fi
echo
echo "Serving: ingest $JIXIAO_INGEST_ADDRESS, scoring 127.0.0.1:$scoring_port, query $JIXIAO_QUERY_ADDRESS"
echo "Try:  JIXIAO_QUERY_ADDRESS=$JIXIAO_QUERY_ADDRESS $jixiao ranking --year 2023"
echo "Logs in $work. Ctrl-C stops everything."
wait -n "${pids[@]}" || true
echo "run.sh: a service stopped unexpectedly; stopping the rest" >&2
exit 1
