#!/usr/bin/env bash
# Parse + serialise benchmark of the ordered JSON object: a 1 MB object with 50 000 keys, parsed and written back
# (compact and pretty), median of 5 rounds, optimised build.
#
#   Scripts/json-bench.sh [keys] [rounds]
#
# Compiled by swiftc with just the Shared JSON sources (and swift-collections' OrderedCollections sources from
# .build/checkouts, as one module: run `swift build` once first so the checkout exists).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_OUT:-$root/.build/json-bench}
mkdir -p "$out"
cd "$root"
sources=(Sources/Shared/JSON/*.swift Sources/Shared/Support/ReportableError.swift Sources/Shared/Support/ExitStatus.swift Sources/Shared/Concurrency/TimeBudget.swift)
collections=()
if grep -q "OrderedCollections" Sources/Shared/JSON/*.swift; then
    checkout=$(ls -d .build/checkouts/swift-collections 2>/dev/null || true)
    [ -n "$checkout" ] || { echo "run swift build first (no .build/checkouts/swift-collections)" >&2; exit 1; }
    while IFS= read -r file; do collections+=("$file"); done < <(find "$checkout/Sources/OrderedCollections" \
        "$checkout/Sources/InternalCollectionsUtilities" -name '*.swift' | sort)
fi
# swift-collections' own build settings (its Package.swift): experimental features and availability macros.
collections_flags=(-D COLLECTIONS_SINGLE_MODULE)
for feature in BuiltinModule Lifetimes InoutLifetimeDependence AddressableParameters AddressableTypes; do
    collections_flags+=(-enable-experimental-feature "$feature")
done
for version in 5.0 5.1 5.6 5.7 5.8 5.9 5.10 6.0 6.1 6.2 6.3 6.4 6.5; do
    collections_flags+=(-enable-experimental-feature "AvailabilityMacro=SwiftStdlib $version: macOS 9999")
done
swiftc -O -parse-as-library -package-name ossbench "${collections_flags[@]}" -module-name JSONBench \
    -lm -o "$out/JSONBench" bench/JSONBench.swift "${sources[@]}" "${collections[@]}"
"$out/JSONBench" "${1:-50000}" "${2:-5}"
