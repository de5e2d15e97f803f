#!/bin/sh
# Benchmarks every hook call as a whole process against /bin/true: release binaries (Scripts/build-release.sh),
# a loopback OSS API (oss-fixture-server), medians and p95 over --runs runs after warm-up. Includes the session-start
# steps: `oss-notify --hook SessionStart` and `oss-hooks reapply` (nothing to do, and 3 shims to put back).
#
#   Scripts/bench.sh [--runs N] [--no-build] [--out FILE]
#
# Writes the table to bench/results.md (or FILE) and prints it.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"
runs=50
build=1
out="bench/results.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "bench.sh: unknown option: $1" >&2; exit 64 ;;
  esac
done
if [ "$build" -eq 1 ]; then
  Scripts/build-release.sh >/dev/null
fi
swift build --product oss-fixture-server >/dev/null
mkdir -p "$(dirname "$out")"
python3 Scripts/bench.py --bin .build-dist --server .build/debug/oss-fixture-server --runs "$runs" --out "$out"
