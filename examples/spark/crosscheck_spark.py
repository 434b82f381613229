"""crosscheck on Spark: extract-then-check sharded by story group, with RDD.pipe.

Map:    each partition of the JSON Lines documents is piped through
        `crosscheck extract --jsonl - --format jsonl --context` (a claims file: one document
        record, then that document's claims).
Shuffle: the claims file is cut into per-document blocks, keyed by the document's `group`.
Reduce: each partition of groups is piped through `crosscheck check --claims - --format json`;
        documents of different groups are never compared, so a partition may hold many groups.
The driver merges the partitions' findings in crosscheck's one order (path, offset, rule).

    python3 crosscheck_spark.py --bin target/release/crosscheck --input docs.jsonl \
        --output findings.json [--partitions 4] [--master local[2]]
"""

import argparse
import json
import shlex
import sys


def blocks(index, lines):
    """Cuts a partition of claims-file lines into (group, ((partition, n), block)) pairs."""
    current, group, n = [], None, 0
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        if "document" in record:
            if current:
                yield group, ((index, n), "\n".join(current))
                n += 1
            current, group = [line], record.get("group") or ""
        else:
            current.append(line)
    if current:
        yield group, ((index, n), "\n".join(current))


def group_text(pair):
    """A whole group's claims file, its documents in input order."""
    _, docs = pair
    return "\n".join(block for _, block in sorted(docs))


def order_key(finding):
    """crosscheck's order of findings: first claim, rule, all claims, message."""
    locs = [(c["path"], c["start"], c["end"]) for c in finding["claims"]]
    return (locs[:1], finding["rule"], locs, finding["message"])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, help="the crosscheck binary (on every worker)")
    ap.add_argument("--input", required=True, help="JSON Lines documents {id, text, date, group}")
    ap.add_argument("--output", required=True, help="where to write {\"findings\": [...]}")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args(argv)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster(args.master).setAppName("crosscheck")
    conf.set("spark.ui.enabled", "false")
    conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        crosscheck = shlex.quote(args.bin)
        docs = sc.textFile(args.input, args.partitions)
        # Map: one extract process per partition of documents.
        claims = docs.pipe(f"{crosscheck} extract --jsonl - --format jsonl --context --no-config")
        # Shuffle by group; reduce: one check process per partition of groups.
        by_group = claims.mapPartitionsWithIndex(blocks).groupByKey(args.partitions)
        reports = by_group.map(group_text).pipe(
            f"{crosscheck} check --claims - --format json --fail-on never --no-config"
        )
        findings = []
        for report in reports.collect():
            if report.strip():
                findings.extend(json.loads(report)["findings"])
    finally:
        sc.stop()
    findings.sort(key=order_key)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump({"findings": findings}, f)
    print(f"crosscheck_spark: {len(findings)} findings in {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
