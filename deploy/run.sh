#!/usr/bin/env bash
# The run command: installs what it needs, builds, and checks the seed evaluations.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install-deps.sh
bash deploy/build.sh
build_dir=${JIXIAO_BUILD_DIR:-build}
"$build_dir/tools/jixiao/jixiao" validate data/seeds
