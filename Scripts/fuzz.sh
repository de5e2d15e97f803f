#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a fixed budget, then prints executions and crashes.
#
#   Scripts/fuzz.sh [seconds-per-target] [target…]      (default: 60 s each, all targets)
#
# Each target is compiled by swiftc together with just the Shared sources it needs (pure Swift; OrderedCollections
# joins as sources), with
# `-sanitize=fuzzer,address`. The manifest canonicaliser lives in `ManifestVerifier+Canonical.swift`, apart from the
# swift-crypto verifier, so it builds standalone too. Not run in CI (too slow); the corpus and any crash artifacts
# go to .build/fuzz/. Needs a toolchain with libFuzzer (the swift.org Linux toolchains have it).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
budget=${1:-60}
shift || true
out=${FUZZ_OUT:-$root/.build/fuzz}
mkdir -p "$out"
cd "$root"

json_sources=(Sources/Shared/JSON/*.swift Sources/Shared/Support/ReportableError.swift Sources/Shared/Support/ExitStatus.swift Sources/Shared/Concurrency/TimeBudget.swift)

# JSONObject keeps its members in swift-collections' OrderedDictionary: its sources join the module
# (COLLECTIONS_SINGLE_MODULE), taken from the package checkout (run `swift build` once first).
# swiftc wants unique file names within a module (and some have spaces): copy each file under a name prefixed with
# its folder, spaces replaced.
rm -rf "$out/collections" && mkdir -p "$out/collections"
while IFS= read -r -d '' file; do
    unique="$out/collections/$(basename "$(dirname "$file")" | tr ' ' '_')_$(basename "$file" | tr ' ' '_')"
    cp "$file" "$unique"
    json_sources+=("$unique")
done < <(find .build/checkouts/swift-collections/Sources/OrderedCollections \
    .build/checkouts/swift-collections/Sources/InternalCollectionsUtilities -name '*.swift' -print0 2>/dev/null)
[ -d .build/checkouts/swift-collections ] || { echo "run swift build first (no .build/checkouts/swift-collections)" >&2; exit 1; }

# swift-collections' own build settings (its Package.swift): experimental features and availability macros.
collections_flags=(-D COLLECTIONS_SINGLE_MODULE)
for feature in BuiltinModule Lifetimes InoutLifetimeDependence AddressableParameters AddressableTypes; do
    collections_flags+=(-enable-experimental-feature "$feature")
done
for version in 5.0 5.1 5.6 5.7 5.8 5.9 5.10 6.0 6.1 6.2 6.3 6.4 6.5; do
    collections_flags+=(-enable-experimental-feature "AvailabilityMacro=SwiftStdlib $version: macOS 9999")
done

# Feature-module files compiled into the fuzz target's single module: copied without their `import Shared` line.
single_module() {
    local dir="$out/sources"
    mkdir -p "$dir"
    for file in "$@"; do
        sed '/^import Shared$/d' "$file" >"$dir/$(basename "$file")"
        printf '%s ' "$dir/$(basename "$file")"
    done
}

sources_for() {
    case "$1" in
    JSONParserFuzz) echo "${json_sources[@]}" ;;
    ContextSummaryFuzz)
        echo "${json_sources[@]} $(single_module Sources/Notify/NotifyContext.swift Sources/Notify/ContextSummary.swift)" ;;
    ManifestCanonicalFuzz)
        echo "${json_sources[@]} $(single_module Sources/SharedCrypto/ManifestVerifier+Canonical.swift)" ;;
    *) echo "unknown target $1" >&2; return 1 ;;
    esac
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(JSONParserFuzz ContextSummaryFuzz ManifestCanonicalFuzz)

summary=()
status=0
for target in "${targets[@]}"; do
    binary="$out/$target"
    # shellcheck disable=SC2046
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -package-name ossfuzz -O -g "${collections_flags[@]}" \
        -module-name "$target" -o "$binary" "Fuzz/$target.swift" $(sources_for "$target") \
        >"$out/$target.build.log" 2>&1; then
        # The log also holds gold's harmless "Cannot export local symbol '__asan_…'" warnings.
        grep -v "Cannot export local symbol" "$out/$target.build.log" >&2
        exit 1
    fi

    corpus="$out/corpus-$target"
    mkdir -p "$corpus"
    # Seeds: the JSON test vectors and a few hook contexts.
    cp Tests/SharedTests/Fixtures/vectors/*.json Tests/SharedTests/Fixtures/vectors/manifest.canonical.txt "$corpus/" 2>/dev/null || true
    printf '%s' '{}' >"$corpus/seed-empty"
    printf '%s' '{"testsPass": 42, "duration": "3m", "nested": {"a": [1, 2.5e-7, null, true]}}' >"$corpus/seed-context"
    printf '%s' "{'not': json}" >"$corpus/seed-raw"

    log="$out/$target.log"
    rm -f "$out/$target"-crash-* "$out/$target"-leak-* "$out/$target"-timeout-*
    set +e
    "$binary" "$corpus" -max_total_time="$budget" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="$out/$target-" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    crashes=$(find "$out" -maxdepth 1 -name "$target-crash-*" -o -maxdepth 1 -name "$target-timeout-*" -o -maxdepth 1 -name "$target-leak-*" | wc -l)
    line="$target: ${budget}s, ${execs:-?} executions, $crashes crash(es), exit $rc"
    echo "$line"
    summary+=("$line")
    if [ "$crashes" -gt 0 ] || [ "$rc" -ne 0 ]; then
        status=1
        grep -m 20 -E 'ERROR|Fatal error|SUMMARY|artifact' "$log" || true
    fi
done

echo "---"
printf '%s\n' "${summary[@]}"
exit $status
