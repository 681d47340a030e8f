#!/usr/bin/env bash
# Configures and builds jixiao into build/ (or $JIXIAO_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${JIXIAO_BUILD_DIR:-build}
jobs=${JIXIAO_JOBS:-$(nproc)}
# JIXIAO_WERROR=ON makes warnings errors (CI sets it); JIXIAO_SANITIZE=address,undefined
# builds with sanitizers. JIXIAO_TESTS=OFF builds only what ships, without the tests,
# benchmarks and their packages (the image's build stage does).
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${JIXIAO_BUILD_TYPE:-RelWithDebInfo}" \
  -DJIXIAO_WERROR="${JIXIAO_WERROR:-OFF}" -DJIXIAO_SANITIZE="${JIXIAO_SANITIZE:-}" \
  -DJIXIAO_TESTS="${JIXIAO_TESTS:-ON}" >/dev/null
cmake --build "$build_dir" -j "$jobs"
