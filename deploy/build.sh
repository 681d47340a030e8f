#!/usr/bin/env bash
# Configures and builds jixiao into build/ (or $JIXIAO_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${JIXIAO_BUILD_DIR:-build}
jobs=${JIXIAO_JOBS:-$(nproc)}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${JIXIAO_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build "$build_dir" -j "$jobs"
