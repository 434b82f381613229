#!/usr/bin/env python3
"""Generates rules/lexicon/wordnet.tsv, crosscheck's related-terms table, from WordNet 3.0.

    python3 scripts/gen-wordnet.py [/usr/share/wordnet] > rules/lexicon/wordnet.tsv

Reads the WordNet 3.0 database (Debian package `wordnet-base`: index.noun, index.verb,
data.noun, data.verb, noun.exc, verb.exc, cntlist.rev); Python 3.11 standard library only. The
output is deterministic for a given database.

What it keeps, and why:

- Nouns and verbs, single words only (tokens are single words), and relational adjectives
  joined to their noun ("mayoral" / "mayor"), last and only where a group has room. Other
  adjectives and adverbs rarely name what a figure counts.
- Only each word's *frequent senses*: its first sense, and, for nouns, any other sense whose
  tagged count (cntlist.rev) is at least MIN_COUNT and at least a RATIO of its first sense's
  (verbs are too polysemous: their second senses chain "employ" to "use" and "apply"). A
  word's part of speech whose first sense is rarer than a RATIO of the other's is dropped.
  A word with a single sense makes every word of its synset its synonym ("stadium" and
  "arena"): it has no other meaning to confuse. "arena" is
  mostly "a field of activity", so it is not made a synonym of "stadium" by its third sense.
- Two words are related when one synset is a frequent sense of both (synonyms: "cost" and
  "price"), or when a derivational pointer ("+") joins a frequent sense of one to a frequent
  sense of the other ("kill" / "killing", "enrol" / "enrolment"), or when a derivational
  pointer joins any senses of two words of one root ("close" / "closure", "found" /
  "founding"), unless one of them names a person ("voter", "employer", "killer").
  Hypernyms are not used: "homes" and "dwellings" would follow, but so would "profit" and
  "income", and a parent names a larger whole, which is exactly what a figure must not be
  compared against.
- The relation is cut into groups (crosscheck compares terms by a merge of sorted lists, so a
  word needs one canonical term): edges are added strongest first (by the smaller of the two
  senses' counts) and an edge that would make a group larger than MAX_GROUP is dropped, so
  that chains of senses ("bill" - "invoice" - "account" - "history") do not melt into one
  group.

Output lines, tab-separated:

    g <TAB> word word ...     one group; the first word names it (its most frequent member)
    x <TAB> form <TAB> lemma  a WordNet exception ("children" -> "child", "won" -> "win")

The Rust side (src/lexicon/wordnet.rs) lemmatises with morphy (these exceptions plus WordNet's
suffix rules, checked against the group words) before looking a word up.
"""

import os
import sys
from collections import defaultdict

MIN_COUNT = 2
RATIO = 0.25
MAX_GROUP = 6
LINKAGE = 0.5
# Derivations between words of one root are joined first, whatever their senses' counts.
ROOT_WEIGHT = 1_000_000
ADJECTIVE_WEIGHT = -2
# The lexicographer file of nouns that denote people: "employer" and "employee" are derived
# from "employ", but they name different people, and neither is the employing; "voters" are
# not "votes". Derivations to or from a person are not followed.
PERSON = "18"
POS = {"n": ("noun", "1"), "v": ("verb", "2")}


def same_root(a: str, b: str) -> bool:
    """True when one word is the other with a suffix, allowing a final "e" dropped ("close" /
    "closure", "found" / "founding"): what a stemmer would mostly join anyway."""
    short, long = sorted((a, b), key=len)
    stem = short[:-1] if short.endswith("e") else short
    return len(stem) >= 3 and long.startswith(stem)


def is_word(lemma: str) -> bool:
    return lemma.isascii() and lemma.isalpha() and lemma.islower() and len(lemma) > 1


def read_counts(root):
    """(lemma, pos digit, sense number) -> tagged count, from cntlist.rev."""
    counts = {}
    with open(os.path.join(root, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, number, count = line.split()
            lemma, rest = key.split("%", 1)
            counts[(lemma.lower(), rest[0], int(number))] = int(count)
    return counts


nsenses = {"n": {}, "v": {}}
tagged = {"n": {}, "v": {}}


def read_index(root, pos, counts):
    """lemma -> [(synset offset, count)] of its frequent senses, most frequent first."""
    name, digit = POS[pos]
    senses = {}
    with open(os.path.join(root, "index." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma = fields[0]
            if not is_word(lemma):
                continue
            p_cnt = int(fields[3])
            offsets = fields[6 + p_cnt :]
            first = counts.get((lemma, digit, 1), 0)
            kept = []
            for number, offset in enumerate(offsets, start=1):
                count = counts.get((lemma, digit, number), 0)
                if number == 1 or (
                    pos == "n" and count >= MIN_COUNT and count >= RATIO * first
                ):
                    kept.append((offset, count))
            senses[lemma] = kept
            nsenses[pos][lemma] = len(offsets)
            tagged[pos][lemma] = [
                o for k, o in enumerate(offsets, start=1) if k == 1 or counts.get((lemma, digit, k))
            ]
    return senses


def read_data(root, pos):
    """offset -> (words, [(source word no., target offset, target pos, target word no.)])."""
    name, _ = POS[pos]
    synsets = {}
    with open(os.path.join(root, "data." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset = fields[0]
            w_cnt = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(w_cnt)]
            # Adjective markers such as "(a)" never occur on nouns and verbs.
            at = 4 + 2 * w_cnt
            p_cnt = int(fields[at])
            pointers = []
            for i in range(p_cnt):
                symbol, target, tpos, st = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol == "+" and tpos in POS:
                    pointers.append((int(st[:2], 16), target, tpos, int(st[2:], 16)))
            synsets[offset] = (words, pointers, fields[1])
    return synsets


def read_pertainyms(root):
    """(adjective, noun, noun synset) for each adjective whose first sense points at a noun
    (pertainym "\\" or derivation "+")."""
    first = {}
    with open(os.path.join(root, "index.adj"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            if is_word(fields[0]):
                first[fields[0]] = fields[6 + int(fields[3])]
    nouns = {}
    with open(os.path.join(root, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                fields = line.split(maxsplit=5)
                nouns[fields[0]] = line
    out = []
    with open(os.path.join(root, "data.adj"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset = fields[0]
            w_cnt = int(fields[3], 16)
            # Adjective words may carry a marker: "(a)", "(p)", "(ip)".
            words = [fields[4 + 2 * i].lower().split("(")[0] for i in range(w_cnt)]
            at = 4 + 2 * w_cnt
            for i in range(int(fields[at])):
                symbol, target, tpos, st = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                source, tword = int(st[:2], 16), int(st[2:], 16)
                if symbol not in ("\\", "+") or tpos != "n" or source == 0 or tword == 0:
                    continue
                adjective = words[source - 1]
                if first.get(adjective) != offset:
                    continue
                nf = nouns[target].split(" | ")[0].split()
                noun = nf[4 + 2 * (tword - 1)].lower()
                out.append((adjective, noun, target))
    return sorted(set(out))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    counts = read_counts(root)
    senses = {p: read_index(root, p, counts) for p in POS}
    # A word's rare part of speech is dropped: "die" is a verb, not the noun of "dice".
    for pos, other in (("n", "v"), ("v", "n")):
        for lemma, kept in senses[pos].items():
            theirs = senses[other].get(lemma)
            if theirs and kept[0][1] < RATIO * theirs[0][1]:
                senses[pos][lemma] = []
    data = {p: read_data(root, p) for p in POS}

    def count_of(pos, lemma, offset):
        """The count of a frequent sense, or None when the sense is not frequent for lemma."""
        for o, c in senses[pos].get(lemma, ()):
            if o == offset:
                return c
        return None

    def is_person(lemma):
        """True for a noun whose first or any tagged sense names a person ("killer", though
        "a killer exam" is not one; "founder", though a horse's disease comes first)."""
        return any(data["n"][o][2] == PERSON for o in tagged["n"].get(lemma, ()))

    def sense_count(pos, lemma, offset):
        """The tagged count of lemma's sense offset; -1, after every frequent sense, when the
        sense is not one of lemma's frequent senses."""
        c = count_of(pos, lemma, offset)
        return -1 if c is None else c

    edges = {}

    def edge(a, b, weight):
        if a == b:
            return
        key = (a, b) if a < b else (b, a)
        edges[key] = max(edges.get(key, -1), weight)

    freq = defaultdict(int)
    for pos in POS:
        for lemma, kept in senses[pos].items():
            freq[lemma] += sum(c for _, c in kept)
        # Synonyms: words sharing a synset that is frequent for each.
        members = defaultdict(list)
        for lemma, kept in senses[pos].items():
            for offset, count in kept:
                members[offset].append((lemma, count))
        for offset in sorted(members):
            words = members[offset]
            for i, (a, ca) in enumerate(words):
                for b, cb in words[i + 1 :]:
                    edge(a, b, min(ca, cb))
        # A word of one sense (in nouns and verbs together) lends it to every word of its
        # synset, however rare that sense is for them: "stadium" names only the sports ground,
        # so "arena" beside it names that too.
        for lemma, kept in senses[pos].items():
            other = "v" if pos == "n" else "n"
            if nsenses[pos].get(lemma) != 1 or nsenses[other].get(lemma):
                continue
            offset, count = kept[0]
            for b in data[pos][offset][0]:
                if is_word(b) and b != lemma:
                    # As strong as the sense is for the other word: after its own senses.
                    edge(lemma, b, min(count, sense_count(pos, b, offset)))
        # Derivations: a frequent sense of one word pointing at a frequent sense of another.
        for offset in sorted(data[pos]):
            words, pointers, _ = data[pos][offset]
            for source, target, tpos, tword in pointers:
                if source == 0 or tword == 0:
                    continue
                a = words[source - 1]
                tsyn = data[tpos].get(target)
                if tsyn is None or not is_word(a):
                    continue
                b = tsyn[0][tword - 1]
                if not is_word(b):
                    continue
                if is_person(a) or is_person(b):
                    continue
                ca = count_of(pos, a, offset)
                cb = count_of(tpos, b, target)
                if ca is not None and cb is not None:
                    edge(a, b, min(ca, cb))
                elif same_root(a, b) and senses[pos].get(a) and senses[tpos].get(b):
                    edge(a, b, ROOT_WEIGHT)

    # Relational adjectives: an adjective whose first sense is "of or relating to" a noun
    # (a pertainym, or a derivation to a noun) names that noun ("mayoral" / "mayor").
    for adjective, noun, offset in read_pertainyms(root):
        # An adjective that is also a noun or a verb ("close") keeps the groups of those.
        if adjective in nsenses["n"] or adjective in nsenses["v"]:
            continue
        if not is_word(noun) or not senses["n"].get(noun):
            continue
        # Joined last, so that adjectives never take the place of nouns and verbs in a group.
        if same_root(adjective, noun) or count_of("n", noun, offset) is not None:
            edge(adjective, noun, ADJECTIVE_WEIGHT)

    parent = {}
    size = {}

    def find(x):
        parent.setdefault(x, x)
        size.setdefault(x, 1)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    near = defaultdict(set)
    for a, b in edges:
        near[a].add(b)
        near[b].add(a)
    members = {}

    def group(r):
        return members.setdefault(r, [r])

    for (a, b), _ in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        ra, rb = find(a), find(b)
        if ra == rb or size[ra] + size[rb] > MAX_GROUP:
            continue
        ga, gb = group(ra), group(rb)
        linked = sum(1 for x in ga for y in gb if y in near[x])
        if linked < LINKAGE * len(ga) * len(gb):
            continue
        if size[ra] < size[rb]:
            ra, rb = rb, ra
        parent[rb] = ra
        size[ra] += size[rb]
        members[ra] = ga + members.pop(rb, [rb])

    groups = defaultdict(list)
    for x in parent:
        groups[find(x)].append(x)
    lines = []
    for words in groups.values():
        if len(words) < 2:
            continue
        words.sort(key=lambda w: (-freq[w], w))
        lines.append("g\t" + " ".join(words))
    lines.sort()

    exceptions = set()
    for name in ("noun", "verb"):
        with open(os.path.join(root, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                fields = line.split()
                if len(fields) < 2 or not is_word(fields[0]):
                    continue
                for lemma in fields[1:]:
                    if is_word(lemma) and lemma != fields[0]:
                        exceptions.add((fields[0], lemma))

    out = sys.stdout
    out.write("# Generated by scripts/gen-wordnet.py from WordNet 3.0 (see WORDNET-LICENSE);\n")
    out.write("# do not edit. g: a group of related words; x: an inflected form and its lemma.\n")
    out.write(
        f"# MIN_COUNT={MIN_COUNT} RATIO={RATIO} MAX_GROUP={MAX_GROUP} LINKAGE={LINKAGE}: "
        f"{len(lines)} groups, {len(exceptions)} exceptions\n"
    )
    for line in lines:
        out.write(line + "\n")
    for form, lemma in sorted(exceptions):
        out.write(f"x\t{form}\t{lemma}\n")


if __name__ == "__main__":
    main()
