#!/usr/bin/env bash
# Scores the extractor against ../shared/eval/dev and fails when a kind falls below its floor.
# Floors (fractions): span F1 and value accuracy per kind. Skips, with a reason, when the eval
# kit is absent. Usage: scripts/eval-floors.sh [path/to/crosscheck]  (default: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${CROSSCHECK_EVAL:-../shared/eval}"
if [ ! -f "$eval_dir/score.py" ] || ! ls "$eval_dir"/dev/*.jsonl >/dev/null 2>&1; then
    echo "eval-floors: skipped: no eval kit at $eval_dir (score.py and dev/*.jsonl)"
    exit 0
fi
bin="${1:-target/release/crosscheck}"
if [ $# -eq 0 ]; then
    cargo build --release --quiet
fi
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
python3 "$eval_dir/score.py" --bin "$bin" --report-json "$report" "$eval_dir"/dev/*.jsonl >/dev/null
python3 - "$report" <<'PY'
import json, sys

# kind: (span F1 floor, value accuracy floor); None where the target is not reached yet
# (targets: 0.90 / 0.90 for number, percent, money, quantity; 0.80 / 0.75 for date, period,
# duration). Every target is reached: keep each floor at its target.
FLOORS = {
    "number": (0.90, 0.90), "percent": (0.90, 0.90), "money": (0.90, 0.90),
    "quantity": (0.90, 0.90), "date": (0.80, 0.75), "period": (0.80, 0.75),
    "duration": (0.80, 0.75),
}

def frac(x):
    """The report gives fractions (0..1), or null when nothing was scored."""
    return None if x is None else float(x)

report = json.load(open(sys.argv[1]))
kinds = report.get("per_kind") or {}
failed = False
for kind, (f1_floor, val_floor) in FLOORS.items():
    row = kinds.get(kind)
    if row is None:
        print(f"eval-floors: {kind}: missing from the report")
        failed = True
        continue
    f1, val = frac(row.get("f1")), frac(row.get("value_acc"))
    bad = (f1_floor is not None and (f1 is None or f1 < f1_floor)) or (
        val_floor is not None and val is not None and val < val_floor)
    status = "FAIL" if bad else "ok"
    show = lambda x: "-" if x is None else f"{100 * x:.1f}"
    floor = lambda x: "none" if x is None else f"{100 * x:.0f}"
    print(f"eval-floors: {kind:9} F1 {show(f1):>5} (floor {floor(f1_floor)})  "
          f"value {show(val):>5} (floor {floor(val_floor)})  {status}")
    failed |= bad
sys.exit(1 if failed else 0)
PY
