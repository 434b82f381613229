#!/usr/bin/env bash
# Runs the PySpark example in local mode on a generated corpus (as JSON Lines documents) and
# checks that its findings are exactly those of one direct `crosscheck check --jsonl` run.
# Skips, with the reason, when pyspark or Java cannot be used.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! python3 -c "import pyspark" 2>/dev/null; then
    echo "spark example: skipped: pyspark is not installed (pip install pyspark)"
    exit 0
fi
if ! command -v java >/dev/null; then
    echo "spark example: skipped: no java on PATH (Spark needs Java 17 or later)"
    exit 0
fi
cargo build --release --quiet --bin crosscheck --example gencorpus
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target/release/examples/gencorpus --groups "${SPARK_GROUPS:-120}" --out "$work/corpus" --seed 5 \
    --jsonl "$work/docs.jsonl" 2>/dev/null
target/release/crosscheck check --jsonl "$work/docs.jsonl" --format json --fail-on never \
    --no-config > "$work/direct.json"
python3 examples/spark/crosscheck_spark.py --bin "$PWD/target/release/crosscheck" \
    --input "$work/docs.jsonl" --output "$work/spark.json" --partitions 3 --master 'local[2]'
python3 - "$work/direct.json" "$work/spark.json" <<'PY'
import json, sys
direct = json.load(open(sys.argv[1]))["findings"]
spark = json.load(open(sys.argv[2]))["findings"]
same = json.dumps(direct, sort_keys=True) == json.dumps(spark, sort_keys=True)
print(f"spark example: {len(spark)} findings through Spark, {len(direct)} direct: "
      + ("identical" if same else "DIFFERENT"))
sys.exit(0 if same else 1)
PY
