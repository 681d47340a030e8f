#!/usr/bin/env bash
# Installs the Debian 12 packages jixiao builds, tests and runs with. Idempotent:
# when every package is already installed it does nothing (no apt-get update).
#
#   bash deploy/install-deps.sh [--build-only] [PACKAGE...]
#
# --build-only installs only what building the shipped programs needs
# (JIXIAO_TESTS=OFF): no test frameworks, servers or validation tools. The image's
# build stage uses it. Extra package names given as arguments are installed too
# (bench/run adds valgrind).
set -euo pipefail

build_only=false
if [ "${1:-}" = --build-only ]; then
  build_only=true
  shift
fi

PACKAGES=(
  # Build. gRPC's CMake config insists that every plugin binary exists, so the
  # compilers and plugins are installed together with the libraries. make is
  # only a recommendation of cmake, which --no-install-recommends leaves out.
  cmake make g++ pkg-config
  libgrpc++-dev protobuf-compiler-grpc protobuf-compiler libprotobuf-dev libabsl-dev
  libhiredis-dev libsqlite3-dev libpq-dev libssl-dev
  libcli11-dev nlohmann-json3-dev
  # Metrics: the Prometheus client and its HTTP endpoint.
  prometheus-cpp-dev
  # google/rpc/status.proto and error_details.proto (google.rpc.BadRequest), which
  # Debian's gRPC packages use but do not ship; this package carries them as plain .proto.
  golang-github-gogo-googleapis-dev
)
if ! $build_only; then
  PACKAGES+=(
    clang-format
    # libcurl scrapes the metrics endpoint in the tests.
    libcurl4-openssl-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    # Run and test against real servers.
    redis-server postgresql
    # An independent client for the integration tests.
    python3 python3-grpcio python3-protobuf
  )
  # The offline check of the Kubernetes manifests (k8s/validate/run) renders them
  # with kubectl and validates them with node; npm installs the validator's
  # packages. Debian's are installed only where none is on PATH: a newer kubectl
  # or node already there is kept, not replaced by Debian's older one.
  command -v kubectl >/dev/null || PACKAGES+=(kubernetes-client)
  command -v node >/dev/null || PACKAGES+=(nodejs)
  command -v npm >/dev/null || PACKAGES+=(npm)
fi
PACKAGES+=("$@")

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  SUDO=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
