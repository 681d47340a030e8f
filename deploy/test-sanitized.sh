#!/usr/bin/env bash
# The test suite again, built with AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer: every test, and every service or tool a test spawns, runs
# instrumented, and any sanitizer report fails the test it happens in. Builds into
# build-sanitize/ (or $JIXIAO_SANITIZE_BUILD_DIR) with gcc; run after deploy/test.sh,
# which has installed the dependencies. No report is suppressed.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${JIXIAO_SANITIZE_BUILD_DIR:-build-sanitize}
jobs=${JIXIAO_JOBS:-$(nproc)}
bash deploy/install-deps.sh

# -O1 keeps the stacks readable and the suite fast enough; the microbenchmarks are left
# out, no test runs them.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -DNDEBUG" -DJIXIAO_WERROR="${JIXIAO_WERROR:-OFF}" \
  -DJIXIAO_SANITIZE=address,undefined -DJIXIAO_MICROBENCHMARKS=OFF >/dev/null
started=$(date +%s)
cmake --build "$build_dir" -j "$jobs"
built=$(date +%s)
echo "test-sanitized: built in $((built - started)) s" >&2

# The options reach the processes the tests spawn too, through the environment.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1:\
strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
echo "test-sanitized: tests ran in $(($(date +%s) - built)) s" >&2
