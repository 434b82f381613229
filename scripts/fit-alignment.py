#!/usr/bin/env python3
"""Fits the value rule's alignment model (rules/model/value.toml) and validates it by leaving one
story set out at a time, as ../shared/DESIGN-alignment.md sets out.

    python3 scripts/fit-alignment.py [--bin target/release/crosscheck] [--shared ../shared]
                                     [--write rules/model/value.toml] [--loo]

Data (read from ../shared, never copied): every story set of gold/clusters and gold/news and the
seeds (gold/seeds-findings.toml), and the sentence pairs of eval/pairs. crosscheck is run on each
with CROSSCHECK_FEATURES set, which makes the value test write every candidate pair that passed
its structural guards (kind and dimension, conflicting values, time anchors, standing, ...) with
its features. A candidate is positive when it is a gold finding of the magnitude category
(required or acceptable; matched as gold/check.py matches: the claims' byte spans overlap the
snippets), or when it comes from a pair labelled contradiction; every other candidate is negative.

The model is a logistic regression with an L2 penalty, fitted by Newton's method; each group
(a story set, or a fold of sentence pairs, split by template so that pairs made from one sentence
stay together) weighs the same in total, so that the 3,700 stress-test pairs do not drown sixteen
short stories. The threshold maximises F0.5 (precision counts twice) over out-of-group
probabilities (each group scored by weights fitted without it; see fit).

--loo: for each story set, fits on all other groups, writes those weights to a temporary file,
runs crosscheck on the left-out set with CROSSCHECK_MODEL pointing at it and scores the report
with gold/check.py; for the pairs, the same by fold with eval/score_pairs.py. Prints in-sample and
left-out figures side by side. Standard library only; deterministic.
"""
import argparse
import collections
import hashlib
import json
import math
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import tomllib

NAMES = [
    "same_measure", "score", "shared_word", "same_agent", "agent_conflict", "head_conflict",
    "shared_entity", "same_frame", "years_differ", "slot_aligned", "slot_same_sentence",
    "slot_same_frame", "slot_near", "slot_cover", "slot_ratio", "slot_substituted", "same_verb",
    "eligible", "same_standing", "spread", "words_agree", "verb_holds", "slot_holds",
]
L2 = float(os.environ.get("FIT_L2", "2.0"))
# The sentence pairs weigh this much of a story set each (per fold).
PAIRS_WEIGHT = float(os.environ.get("FIT_PAIRS_WEIGHT", "0.6"))
FOLDS = 5
BETA = float(os.environ.get("FIT_BETA", "0.5"))
# Thresholds whose F is within this of the best count as tied (see fit).
TIE = float(os.environ.get("FIT_TIE", "0.01"))


def story_sets(shared):
    gold = shared / "gold"
    out = []
    for d in sorted((gold / "clusters").iterdir()):
        if (d / "gold.toml").is_file():
            out.append((d.name, d, d / "gold.toml"))
    for d in sorted((gold / "news").iterdir()):
        if (d / "gold.toml").is_file():
            out.append(("news/" + d.name, d, d / "gold.toml"))
    out.append(("seeds", shared / "seeds", gold / "seeds-findings.toml"))
    return out


def spans(docs, side):
    text = (docs / side["doc"]).read_bytes()
    out = []
    for s in side["snippets"]:
        i = text.find(s.encode())
        if i >= 0:
            out.append((i, i + len(s.encode())))
    return out


def side_matches(claims, doc, rngs):
    return any(
        pathlib.PurePath(c["path"]).name == doc
        and any(c["start"] < b and a < c["end"] for a, b in rngs)
        for c in claims
    )


def run(binary, args, env_extra, stdin=None):
    env = dict(os.environ, **env_extra)
    out = subprocess.run([binary] + args, input=stdin, capture_output=True, text=True, env=env)
    # 0-2 are crosscheck's exit codes (CONTRACT.md); anything else (a panic's 101, a signal) would
    # silently drop that run's candidates from the fit.
    if out.returncode not in (0, 1, 2):
        sys.exit(f"{binary} {' '.join(args)} failed ({out.returncode}):\n{out.stderr}")
    return out


def dump(binary, args, stdin=None, model=None):
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl", delete=False) as f:
        path = f.name
    extra = {"CROSSCHECK_FEATURES": path}
    if model:
        extra["CROSSCHECK_MODEL"] = model
    r = run(binary, args, extra, stdin)
    rows = [json.loads(line) for line in open(path) if line.strip()]
    os.unlink(path)
    return rows, r


def gold_rows(binary, name, docs, gold_file):
    gold = tomllib.loads(gold_file.read_text())
    entries = [g for g in gold.get("required", []) + gold.get("acceptable", [])]
    rows, _ = dump(binary, ["check", str(docs), "--format", "json", "--fail-on", "never", "--no-config"])
    seen = set()
    out = []
    for r in rows:
        key = tuple(sorted((c["path"], c["start"]) for c in r["claims"]))
        if (r["rule"], key) in seen:
            continue
        seen.add((r["rule"], key))
        # One sentence with another figure is accepted before the model: not fitted on.
        if r["features"].get("slot_whole"):
            continue
        pos = any(
            g["category"] == r["category"]
            and side_matches(r["claims"], g["a"]["doc"], spans(docs, g["a"]))
            and side_matches(r["claims"], g["b"]["doc"], spans(docs, g["b"]))
            for g in entries
        )
        out.append((name, [r["features"][n] for n in NAMES], 1 if pos else 0))
    return out


def template(p):
    """Pairs made from one sentence share their premise with the figures masked."""
    return re.sub(r"\d[\d,.]*", "#", p["premise"].lower())


def fold_of(p):
    return int(hashlib.sha256(template(p).encode()).hexdigest(), 16) % FOLDS


def load_pairs(shared):
    pairs = []
    for f in sorted((shared / "eval" / "pairs").glob("*.jsonl")):
        pairs += [json.loads(line) for line in open(f) if line.strip()]
    return pairs


def pairs_input(pairs):
    docs = []
    for p in pairs:
        g = p["id"]
        docs.append({"id": g + "/premise", "text": p["premise"], "group": g})
        docs.append({"id": g + "/hypothesis", "text": p["hypothesis"], "group": g})
    return "".join(json.dumps(d) + "\n" for d in docs)


def pair_rows(binary, pairs):
    label = {p["id"]: p["label"] == "contradiction" for p in pairs}
    fold = {p["id"]: fold_of(p) for p in pairs}
    subset = {p["id"]: p["subset"] for p in pairs}
    rows, _ = dump(binary, ["check", "--jsonl", "-", "--format", "json", "--fail-on", "never"],
                   stdin=pairs_input(pairs))
    out = []
    for r in rows:
        pid = r["claims"][0]["path"].rsplit("/", 1)[0]
        # AWPNLI is arithmetic (a computed total), information rather than a target: not fitted.
        if subset[pid] == "AWPNLI" or r["features"].get("slot_whole"):
            continue
        out.append((f"pairs/{fold[pid]}", [r["features"][n] for n in NAMES],
                    1 if label[pid] else 0))
    return out


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def weights_of(rows):
    """Row weights: each group weighs the same in total (sentence-pair folds PAIRS_WEIGHT)."""
    per_group = collections.Counter(g for g, _, _ in rows)
    return [(PAIRS_WEIGHT if g.startswith("pairs/") else 1.0) / per_group[g] for g, _, _ in rows]


def newton(rows):
    """Weighted L2 logistic regression by Newton's method: [bias] + weights."""
    n_groups = len({g for g, _, _ in rows})
    xs = [[1.0] + x for _, x, _ in rows]
    ys = [y for _, _, y in rows]
    ws = weights_of(rows)
    d = len(NAMES) + 1
    beta = [0.0] * d
    for _ in range(50):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y, w in zip(xs, ys, ws):
            p = sigmoid(sum(b * v for b, v in zip(beta, x)))
            for i in range(d):
                grad[i] += w * (y - p) * x[i]
                wi = w * p * (1 - p) * x[i]
                for k in range(i, d):
                    hess[i][k] += wi * x[k]
        for i in range(d):
            for k in range(i):
                hess[i][k] = hess[k][i]
        for i in range(1, d):
            grad[i] -= L2 * beta[i] / n_groups
            hess[i][i] += L2 / n_groups
        step = solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return beta


def prob(beta, x):
    return sigmoid(beta[0] + sum(b * v for b, v in zip(beta[1:], x)))


def pick_threshold(scored):
    """The threshold of the best weighted F-beta over (probability, label, weight) rows. The F
    curve is flat near its top, so the argmax jumps between distant thresholds when a few rows
    change: the median of the thresholds within TIE of the best is taken instead."""
    scored = sorted(scored, reverse=True)
    pos = sum(w for _, y, w in scored if y)
    curve, tp, fp = [], 0.0, 0.0
    for k, (p, y, w) in enumerate(scored):
        tp += w * y
        fp += w * (1 - y)
        if k + 1 < len(scored) and scored[k + 1][0] == p:
            continue
        prec, rec = tp / (tp + fp), tp / pos if pos else 0.0
        f = (1 + BETA**2) * prec * rec / (BETA**2 * prec + rec) if prec + rec else 0.0
        if p > 0.05:
            curve.append((p, f))
    best = max((f for _, f in curve), default=0.0)
    near = sorted(p for p, f in curve if f >= best - TIE)
    threshold = near[len(near) // 2] if near else 0.5
    return max(0.05, min(0.95, threshold - 1e-9))


def fit(rows):
    """(bias, weights, threshold). The weights are fitted on all rows; the threshold is chosen on
    out-of-group probabilities (each group scored by weights fitted without it), so that it is
    the threshold that works on a story set the weights have not seen, not the one that best
    separates the rows the weights were fitted on."""
    beta = newton(rows)
    ws = weights_of(rows)
    groups = sorted({g for g, _, _ in rows})
    scored = []
    for g in groups:
        rest = [r for r in rows if r[0] != g]
        if not any(y for _, _, y in rest) or all(y for _, _, y in rest):
            continue
        held = newton(rest)
        scored += [(prob(held, x), y, w) for (gg, x, y), w in zip(rows, ws) if gg == g]
    threshold = pick_threshold(scored) if scored else 0.5
    return beta[0], dict(zip(NAMES, beta[1:])), threshold


def write_model(path, bias, weights, threshold, note):
    lines = [
        "# The value rule's alignment model: a logistic regression over the features of",
        "# src/align/fitted.rs. Written by scripts/fit-alignment.py; do not edit by hand.",
        f'fitted = "{note}"',
        f"bias = {bias:.6f}",
        f"threshold = {threshold:.6f}",
        "",
        "[weights]",
    ] + [f"{n} = {weights[n]:.6f}" for n in NAMES]
    pathlib.Path(path).write_text("\n".join(lines) + "\n")


def check_set(binary, docs, gold_file, model, check_py):
    _, r = dump(binary, ["check", str(docs), "--format", "json", "--fail-on", "never", "--no-config"],
                model=model)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write(r.stdout)
        report = f.name
    out = subprocess.run([sys.executable, str(check_py), str(gold_file), str(docs), report],
                         capture_output=True, text=True).stdout
    os.unlink(report)
    m = re.search(r"recall (\d+)/(\d+), false alarms (\d+)", out)
    return tuple(int(x) for x in m.groups()) if m else (0, 0, 0)


def score_pairs(binary, pairs, model, score_py):
    with tempfile.TemporaryDirectory() as tmp:
        by = collections.defaultdict(list)
        for p in pairs:
            by[p["subset"]].append(p)
        files = []
        for s, ps in by.items():
            f = pathlib.Path(tmp) / f"{s}.jsonl"
            f.write_text("".join(json.dumps(p) + "\n" for p in ps))
            files.append(str(f))
        env = dict(os.environ)
        if model:
            env["CROSSCHECK_MODEL"] = model
        out = subprocess.run([sys.executable, str(score_py), "--bin", binary] + files,
                             capture_output=True, text=True, env=env).stdout
    counts = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 7 and f[1].isdigit():
            counts[f[0]] = f
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/crosscheck")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--write", default=None)
    ap.add_argument("--loo", action="store_true")
    a = ap.parse_args()
    shared = pathlib.Path(a.shared)
    sets = story_sets(shared)
    pairs = load_pairs(shared)
    rows = []
    for name, docs, gold in sets:
        rows += gold_rows(a.bin, name, docs, gold)
    rows += pair_rows(a.bin, pairs)
    groups = collections.Counter(g for g, _, _ in rows)
    positives = collections.Counter(g for g, _, y in rows if y)
    print(f"{len(rows)} candidates in {len(groups)} groups, {sum(positives.values())} positive")
    bias, weights, threshold = fit(rows)
    print(f"in-sample: bias {bias:+.2f}, threshold {threshold:.3f}")
    for n in NAMES:
        print(f"  {n:20} {weights[n]:+.3f}")
    if a.write:
        note = (f"scripts/fit-alignment.py on {len(sets)} story sets of ../shared/gold and "
                f"../shared/eval/pairs (AWPNLI left out): {len(rows)} candidates")
        write_model(a.write, bias, weights, threshold, note)
        print(f"wrote {a.write}")
    if not a.loo:
        return
    check_py, score_py = shared / "gold" / "check.py", shared / "eval" / "score_pairs.py"
    with tempfile.TemporaryDirectory() as tmp:
        full = pathlib.Path(tmp) / "full.toml"
        held = pathlib.Path(tmp) / "held.toml"
        write_model(full, bias, weights, threshold, "in-sample")
        print(f"\n{'story set':28} {'in-sample':>14} {'left out':>14}")
        tot = collections.Counter()
        for name, docs, gold in sets:
            write_model(held, *fit([r for r in rows if r[0] != name]), "left out")
            ins = check_set(a.bin, docs, gold, str(full), check_py)
            out = check_set(a.bin, docs, gold, str(held), check_py)
            tot.update({"in_f": ins[0], "n": ins[1], "in_fa": ins[2], "out_f": out[0], "out_fa": out[2]})
            print(f"{name:28} {ins[0]:>3}/{ins[1]:<3} FA {ins[2]:<3}  {out[0]:>3}/{out[1]:<3} FA {out[2]:<3}")
        print(f"{'all story sets':28} {tot['in_f']:>3}/{tot['n']:<3} FA {tot['in_fa']:<3}  "
              f"{tot['out_f']:>3}/{tot['n']:<3} FA {tot['out_fa']:<3}")
        # Pairs: each fold scored with weights fitted without it.
        by_fold = collections.defaultdict(list)
        for p in pairs:
            by_fold[fold_of(p)].append(p)
        agg = collections.defaultdict(lambda: collections.Counter())
        ins = score_pairs(a.bin, pairs, str(full), score_py)
        for k, ps in sorted(by_fold.items()):
            write_model(held, *fit([r for r in rows if r[0] != f"pairs/{k}"]), "left out")
            res = score_pairs(a.bin, ps, str(held), score_py)
            for s, f in res.items():
                n, pos = int(f[1]), int(f[2])
                rec = float(f[4]) if f[4] != "-" else 0.0
                fa = float(f[6])
                agg[s].update({"n": n, "pos": pos, "tp": round(rec * pos), "fp": round(fa * (n - pos))})
        print(f"\n{'pairs':12} {'in-sample R':>12} {'FA':>6}   {'left-out R':>10} {'FA':>6}")
        for s in sorted(agg):
            c = agg[s]
            f = ins.get(s)
            rin = f[4] if f else "-"
            fain = f[6] if f else "-"
            rout = f"{c['tp'] / c['pos']:.3f}" if c["pos"] else "-"
            print(f"{s:12} {rin:>12} {fain:>6}   {rout:>10} {c['fp'] / max(1, c['n'] - c['pos']):6.3f}")

main()
