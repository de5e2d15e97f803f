#!/usr/bin/env bash
# Measures `oss-integration scan` throughput (files/second) on generated repositories of several sizes.
#
# Usage: Scripts/scan-bench.sh [N ...]        (default sizes: 1000 5000 20000)
# Builds the release binary, generates each tree once in a temp dir (20 % test files with mocks in five
# languages, 80 % production files, ~3 KiB each, some vendored and build folders), then times 5 scans per size
# and prints the median. The trees are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 20000)

swift build -c release --product oss-integration >/dev/null
binary="$(swift build -c release --show-bin-path)/oss-integration"

work="$(mktemp -d "${TMPDIR:-/tmp}/scan-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

filler="$(for _ in $(seq 1 40); do printf 'export function f(a: number): number {\n  return a * 2; // comment\n}\n'; done)"

generate() {  # generate <dir> <count>
  local dir="$1" count="$2" i pkg
  for ((i = 0; i < count; i++)); do
    pkg="$dir/pkg$((i / 100))"
    [ $((i % 100)) -eq 0 ] && mkdir -p "$pkg" "$pkg/node_modules/dep"
    case $((i % 25)) in
      0) printf "import axios from 'axios';\njest.mock('axios');\njest.spyOn(fs, 'readFile');\n%s\n" "$filler" >"$pkg/m$i.test.ts" ;;
      5) printf "from unittest.mock import patch\n\n@patch('app.db.psycopg2.connect')\ndef test_a(c):\n    pass\n%s\n" "$filler" >"$pkg/test_m$i.py" ;;
      10) printf "package p\n\nfunc TestA(t *testing.T) {\n\ts := httptest.NewServer(nil)\n\t_ = s\n}\n/*\n%s\n*/\n" "$filler" >"$pkg/m${i}_test.go" ;;
      15) printf "class M%sTest {\n    @Mock private UserRepository repo;\n}\n/*\n%s\n*/\n" "$i" "$filler" >"$pkg/M${i}Test.java" ;;
      20) printf "RSpec.describe A do\n  before { allow(File).to receive(:read) }\nend\n=begin\n%s\n=end\n" "$filler" >"$pkg/m${i}_spec.rb" ;;
      *) printf "export const a%s = 'jest.mock(\"pg\")';\n%s\n" "$i" "$filler" >"$pkg/m$i.ts" ;;
    esac
    [ $((i % 100)) -eq 0 ] && printf "jest.mock('pg');\n" >"$pkg/node_modules/dep/index.test.js"
  done
  return 0
}

now_ns() { date +%s%N; }

printf '%8s %10s %12s %14s\n' files findings median_ms files_per_s
for n in "${sizes[@]}"; do
  tree="$work/tree-$n"
  mkdir -p "$tree"
  generate "$tree" "$n"
  "$binary" scan --format json "$tree" >"$work/out.json"  # warm the page cache
  findings="$(grep -c '"framework"' "$work/out.json" || true)"
  times=()
  for _ in 1 2 3 4 5; do
    start="$(now_ns)"
    "$binary" scan --format json "$tree" >/dev/null
    end="$(now_ns)"
    times+=($(((end - start) / 1000000)))
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)"
  visited="$(sed -n 's/.*"filesVisited": \([0-9]*\).*/\1/p' "$work/out.json")"
  rate="$(awk -v f="$visited" -v ms="$median" 'BEGIN { printf "%.0f", (ms > 0 ? f * 1000 / ms : 0) }')"
  printf '%8s %10s %12s %14s\n' "$visited" "$findings" "$median" "$rate"
done
