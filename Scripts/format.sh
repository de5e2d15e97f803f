#!/bin/sh
# Formats every Swift source of ours in place (fixtures excluded: they are scanned input, byte for byte), then
# lints with --strict; `Scripts/format.sh --lint` only lints (what CI runs).
set -eu
cd "$(dirname "$0")/.."
files=$(find Sources Tests Package.swift -name '*.swift' -not -path '*/Fixtures/*' | sort)
if [ "${1:-}" != "--lint" ]; then
  # shellcheck disable=SC2086
  swift format format --in-place $files
fi
# shellcheck disable=SC2086
swift format lint --strict $files
