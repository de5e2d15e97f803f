#!/bin/sh
# Formats every Swift source of ours in place (fixtures excluded: they are scanned input whose line numbers tests
# pin), then lints everything with --strict; `Scripts/format.sh --lint` only lints (what CI runs).
set -eu
cd "$(dirname "$0")/.."
files=$(find Sources Tests Package.swift -name '*.swift' -not -path '*/Fixtures/*' | sort)
if [ "${1:-}" != "--lint" ]; then
  # shellcheck disable=SC2086
  swift format format --in-place $files
fi
# Lint covers the fixtures too (they are kept lint-clean by hand, never reformatted).
swift format lint --strict -r Sources Tests Package.swift
