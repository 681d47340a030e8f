# Shell functions bench/run and bench/national share: a temporary workspace
# deleted on exit, free ports, private Redis, PostgreSQL and service
# processes, load runs. Sourced, not run. The caller sets $build, $load,
# $seconds and $python, then calls bench_workspace.

# Creates $work and $results, and the traps that stop everything started (the
# processes in $pids, PostgreSQL once $postgres_data is set) and delete $work.
bench_workspace() {
  work=$(mktemp -d /tmp/jixiao-bench.XXXXXX)
  chmod 755 "$work"  # PostgreSQL's own user must reach its directory when run as root
  results="$work/results"
  mkdir -p "$results"
  pids=()
  postgres_data=""
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

bench_cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$postgres_data" ] && as_postgres "$pg_bin/pg_ctl" -D "$postgres_data" -m fast -w stop \
    >/dev/null 2>&1 || true
  # BENCH_KEEP=1 keeps the logs and results for a look afterwards.
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts a service binary in the background on $listen_port, or a free port
# when that is empty; sets $port.
listen_port=""
start_service() {
  local name=$1
  shift
  port=${listen_port:-$(free_port)}
  listen_port=""
  "$@" --listen "127.0.0.1:$port" 2>"$work/$name.log" &
  pids+=($!)
  local pid=$!
  for _ in $(seq 1 300); do
    grep -q "event=listening" "$work/$name.log" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "bench/run: $name exited:" >&2; cat "$work/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "bench/run: $name did not start" >&2
  exit 1
}

start_redis() {
  local name=$1
  shift
  port=$(free_port)
  mkdir -p "$work/$name"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$work/$name" --save "" --appendonly no \
    --daemonize no --logfile "$work/$name.log" "$@" &
  pids+=($!)
  for _ in $(seq 1 100); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "bench/run: redis-server did not start" >&2
  exit 1
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  postgres_data="$work/postgres"
  mkdir -p "$postgres_data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$postgres_data"
  as_postgres "$pg_bin/initdb" -D "$postgres_data" -U postgres -A trust -E UTF8 -N \
    >"$work/initdb.log" 2>&1
  port=$(free_port)
  # fsync and synchronous_commit stay on: the benchmark measures durable commits.
  as_postgres "$pg_bin/pg_ctl" -D "$postgres_data" -l "$postgres_data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $postgres_data" start >/dev/null
  pg_port=$port
}

# Runs one load scenario; its JSON report goes to $results/NAME.load.json.
# Warm-up calls (1 s, or $warmup) are sent but not recorded.
run_load() {
  local name=$1
  shift
  say "load: $name"
  "$load" --label "$name" --json --duration "$seconds" --warmup "${warmup:-1}" "$@" \
    >"$results/$name.load.json"
}

