#!/usr/bin/env bash
# End-to-end scale benchmark: generates corpora of about 10,000 and 100,000 documents with
# examples/gencorpus (4 documents a story folder on average) and checks each with
#   /usr/bin/time -v target/release/crosscheck check DIR --group-by dir --format json --output FILE
# printing MB/s, documents/s, time per document and peak RSS, and the recall of the planted
# discrepancies. Usage: scripts/bench-scale.sh [DOCS ...]   (default: 10000 100000)
# Corpora go to ${BENCH_DIR:-/tmp/crosscheck-bench} (about 1.5 KB a document) and are reused.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
dir="${BENCH_DIR:-/tmp/crosscheck-bench}"
mkdir -p "$dir"
cargo build --release --quiet --bin crosscheck --example gencorpus
bin="$PWD/target/release/crosscheck"
gen="$PWD/target/release/examples/gencorpus"
printf '| documents | groups | MB | wall s | CPU s | MB/s | documents/s | ms/document | peak RSS MB | recall | false alarms/group |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for docs in "${sizes[@]}"; do
    groups=$(( docs / 4 ))
    corpus="$dir/c$docs"
    if [ ! -f "$corpus.manifest.json" ]; then
        rm -rf "$corpus"
        "$gen" --groups "$groups" --out "$corpus" --seed 1 2>/dev/null
    fi
    n=$(find "$corpus" -type f | wc -l)
    bytes=$(find "$corpus" -type f -printf "%s\n" | awk "{ s += \$1 } END { print s }")
    report="$dir/r$docs.json"
    (cd "$dir" && /usr/bin/time -v "$bin" check "c$docs" --group-by dir --format json --no-config \
        --output "$report" 2> "$dir/time$docs.txt") || true
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$dir/time$docs.txt")
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$dir/time$docs.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time$docs.txt")
    score=$("$gen" score --manifest "$corpus.manifest.json" --report "$report")
    score="${score%%$'\n'*}"
    recall=$(sed -E 's/.*recall ([0-9.]+).*/\1/' <<< "$score")
    fa=$(sed -E 's/.*\(([0-9.]+) per group\).*/\1/' <<< "$score")
    awk -v n="$n" -v g="$groups" -v b="$bytes" -v w="$wall" -v c="$cpu" -v r="$rss" -v rc="$recall" -v fa="$fa" 'BEGIN {
        printf "| %d | %d | %.1f | %.1f | %.1f | %.2f | %.0f | %.3f | %.0f | %s | %s |\n",
            n, g, b / 1e6, w, c, b / 1e6 / w, n / w, w * 1000 / n, r / 1024, rc, fa }'
done
