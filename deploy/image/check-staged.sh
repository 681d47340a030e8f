#!/usr/bin/env bash
# Checks a root staged by stage.sh as the image's runtime stage will hold it, on the
# Debian 12 machine that built it (the image's build stage, or CI):
#
#   - ROOT/usr/local/bin holds jixiao-ingest, jixiao-scoring, jixiao-query and jixiao,
#     and no ELF file is anywhere else in ROOT (libraries come from packages);
#   - every library an ELF file there names as NEEDED belongs to a package of
#     runtime-packages.txt, to one they depend on, or to libc6, libstdc++6 or
#     libgcc-s1 (in debian:bookworm-slim already);
#   - each program runs `--help` and exits 0; ROOT/etc/jixiao/schemes holds schemes
#     and published.lock, and `jixiao schemes` loads them;
#   - ROOT holds no compiler, test, benchmark or fuzzing binary, Redis or PostgreSQL.
#
#   bash deploy/image/check-staged.sh [--packages FILE] ROOT
#
# --packages FILE checks against another package list (default: runtime-packages.txt
# beside this script). Needs objdump, ldd, dpkg and apt-cache with package lists
# (apt-get update). Every failure is one line naming the file and what it lacks;
# exits 1 if there is any.
set -euo pipefail
packages_file="$(dirname "$0")/runtime-packages.txt"
while [ $# -gt 0 ]; do
  case "$1" in
    --packages) packages_file=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-staged: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 1 ]; then
  echo "usage: check-staged.sh [--packages FILE] ROOT" >&2
  exit 2
fi
root=${1%/}
bin="$root/usr/local/bin"
for tool in objdump ldd dpkg-query apt-cache; do
  command -v "$tool" >/dev/null || { echo "check-staged: needs $tool" >&2; exit 2; }
done

failures=0
fail() {
  echo "check-staged: FAIL $*" >&2
  failures=$((failures + 1))
}
is_elf() { [ "$(LC_ALL=C head -c 4 "$1")" = $'\177ELF' ]; }

# The packages the runtime stage has: the list, the base image's C and C++
# runtime, and everything they depend on.
mapfile -t listed < <(sed 's/#.*//' "$packages_file" | tr -s ' \t' '\n' | sed '/^$/d')
[ ${#listed[@]} -gt 0 ] || { echo "check-staged: $packages_file names no package" >&2; exit 2; }
declare -A provided=()
while read -r package; do
  provided[$package]=1
done < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
  --no-breaks --no-replaces --no-enhances "${listed[@]}" libc6 libstdc++6 libgcc-s1 |
  grep -v '^ ' | tr -d '<>')
# apt-cache depends leaves out, without a word, the names it does not know.
for package in "${listed[@]}"; do
  [ -n "${provided[$package]:-}" ] ||
    { echo "check-staged: apt-cache knows no package $package (apt-get update?)" >&2; exit 2; }
done

for name in jixiao-ingest jixiao-scoring jixiao-query jixiao; do
  [ -f "$bin/$name" ] || fail "$bin/$name: missing"
done

# Each program's NEEDED libraries, as "program library path" (path "not" when ldd
# finds none); each program runs --help on the way.
needs=()
while IFS= read -r -d '' file; do
  is_elf "$file" || continue
  case "$file" in
    "$bin"/*) ;;
    *) fail "$file: an ELF file outside usr/local/bin (libraries come from packages)"; continue ;;
  esac
  name=${file##*/}
  declare -A resolved=()
  while read -r library _ path _; do
    resolved[$library]=$path
  done < <(ldd "$file" | grep ' => ')
  while read -r library; do
    needs+=("$name $library ${resolved[$library]:-not}")
  done < <(objdump -p "$file" | awk '$1 == "NEEDED" { print $2 }')
  unset resolved
  if ! output=$(timeout 30 env -i "$file" --help 2>&1 >/dev/null </dev/null); then
    fail "$name --help exits non-zero: ${output:0:300}"
  fi
done < <(find "$root" -type f -print0)

# The package that installed each library, whichever of /lib and /usr/lib dpkg
# knows it by: one dpkg-query for them all, which takes a while per call.
variants() {
  local candidate
  for candidate in "$1" "$(readlink -f "$1")"; do
    printf '%s\n' "$candidate" "${candidate#/usr}" "/usr$candidate"
  done
}
declare -A owner=()
mapfile -t paths < <(for need in "${needs[@]}"; do
  path=${need##* }
  [ "$path" = not ] || variants "$path"
done | sort -u)
if [ ${#paths[@]} -gt 0 ]; then
  while IFS= read -r line; do
    owner[${line#*: }]=${line%%:*}
  done < <(dpkg-query -S "${paths[@]}" 2>/dev/null | grep -v '^diversion')
fi

for need in "${needs[@]}"; do
  read -r name library path <<<"$need"
  if [ "$path" = not ]; then
    fail "$name needs $library, which no installed package provides here (ldd: not found)"
    continue
  fi
  package=
  while read -r variant; do
    package=${owner[$variant]:-}
    [ -z "$package" ] || break
  done < <(variants "$path")
  if [ -z "$package" ]; then
    fail "$name needs $library ($path), which belongs to no Debian package"
  elif [ -z "${provided[$package]:-}" ]; then
    fail "$name needs $library ($path) of package $package, which neither" \
      "$packages_file nor its dependencies install"
  fi
done

schemes="$root/etc/jixiao/schemes"
if [ ! -f "$schemes/published.lock" ] || ! compgen -G "$schemes/*.textproto" >/dev/null; then
  fail "$schemes: the built-in schemes (*.textproto and published.lock) are missing"
elif [ -x "$bin/jixiao" ] && ! output=$(timeout 30 env -i "$bin/jixiao" schemes \
  --schemes "$schemes" 2>&1 >/dev/null </dev/null); then
  fail "jixiao schemes does not load $schemes: ${output:0:300}"
fi

while IFS= read -r -d '' file; do
  fail "$file: no compiler, test, benchmark, fuzzer or database server ships"
done < <(find "$root" \( -name 'gcc*' -o -name 'g++*' -o -name 'cc' -o -name 'c++' -o -name 'cc1*' \
  -o -name 'clang*' -o -name 'ld' -o -name 'ld.*' -o -name 'collect2' -o -name '*_test' \
  -o -name '*_bench' -o -name '*_fuzzer' -o -name 'jixiao-load' -o -name 'jixiao-echo' \
  -o -name 'redis-server' -o -name 'postgres' -o -name 'pg_ctl' -o -name 'initdb' \) -print0)

if [ "$failures" -gt 0 ]; then
  echo "check-staged: $failures failure(s) in $root" >&2
  exit 1
fi
echo "check-staged: $root passes (${#listed[@]} packages from $packages_file)"
