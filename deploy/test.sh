#!/usr/bin/env bash
# The test command: installs what it needs, builds, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install-deps.sh
bash deploy/build.sh
ctest --test-dir "${JIXIAO_BUILD_DIR:-build}" --output-on-failure -j "${JIXIAO_JOBS:-$(nproc)}"
