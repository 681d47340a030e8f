#!/usr/bin/env bash
# Installs into ROOT exactly what the image ships, as the paths it has there:
#
#   ROOT/usr/local/bin/   jixiao-ingest, jixiao-scoring, jixiao-query, jixiao (stripped)
#   ROOT/etc/jixiao/schemes/   the built-in schemes: *.textproto and published.lock
#                              (JIXIAO_SCHEMES_DIR in the image and in k8s/base/config.yaml)
#
# and nothing else: the shared libraries come from Debian packages
# (runtime-packages.txt), not from here.
#
#   bash deploy/image/stage.sh BUILD_DIR ROOT
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: stage.sh BUILD_DIR ROOT" >&2
  exit 2
fi
build=$1
root=$2
source_dir=$(cd "$(dirname "$0")/../.." && pwd)

programs=(
  services/ingest/jixiao-ingest
  services/scoring/jixiao-scoring
  services/query/jixiao-query
  tools/jixiao/jixiao
)
for program in "${programs[@]}"; do
  [ -x "$build/$program" ] || { echo "stage.sh: $build/$program not built" >&2; exit 1; }
done

install -d -m 0755 "$root/usr/local/bin" "$root/etc/jixiao/schemes"
# The debug information stays in the build directory.
for program in "${programs[@]}"; do
  install -m 0755 -s "$build/$program" "$root/usr/local/bin/"
done
install -m 0644 "$source_dir"/services/scoring/schemes/*.textproto \
  "$source_dir/services/scoring/schemes/published.lock" "$root/etc/jixiao/schemes/"
