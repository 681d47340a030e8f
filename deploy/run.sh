#!/usr/bin/env bash
# The run command: installs what it needs, builds, checks the seed evaluations and
# prints their cross-district comparison under one common scheme.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install-deps.sh
bash deploy/build.sh
build_dir=${JIXIAO_BUILD_DIR:-build}
"$build_dir/tools/jixiao/jixiao" validate data/seeds
echo
echo "Cross-district comparison of the seeds, re-scored under one scheme (guangzhou-department):"
"$build_dir/tools/jixiao/jixiao" score data/seeds
