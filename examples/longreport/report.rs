//! A deterministic generator of two long reports about one story, in the two shapes that long
//! documents take (issue 15), and the scoring of a `check --format json` report against the
//! discrepancies planted in them.
//!
//! - `Shape::Crowded`: figures crowded on a few subjects (six organisations, twelve measures,
//!   many years): nearly every claim shares its terms with nearly every other.
//! - `Shape::Companies`: many companies, each figure stated once in each report, one in fifty
//!   different in the second ("Varnock reported 5,425 staff at the end of 2015" against "5,900
//!   staff").
//!
//! Shared by the `longreport` example and `tests/long.rs` (each includes this file as a module).
//! Every name is made up from syllables; the vocabulary is generic.

#![allow(dead_code)]

/// SplitMix64, as `examples/gencorpus`.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The two shapes of long report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Few subjects, many figures each.
    Crowded,
    /// Many companies, each figure stated once a report.
    Companies,
}

impl Shape {
    pub fn parse(s: &str) -> Option<Shape> {
        match s {
            "crowded" => Some(Shape::Crowded),
            "companies" => Some(Shape::Companies),
            _ => None,
        }
    }
}

/// One planted discrepancy: the figure as the first report and as the second states it.
#[derive(Debug, Clone)]
pub struct Planted {
    pub a: String,
    pub b: String,
    /// The sentences that state them, in the first report and in the second.
    pub sentence_a: String,
    pub sentence_b: String,
}

/// The two reports and what was planted in them.
#[derive(Debug, Clone, Default)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub planted: Vec<Planted>,
}

const ONSETS: &[&str] = &[
    "b", "br", "c", "d", "dr", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "th",
    "v", "w", "qu", "gl", "tr", "sk",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"];
const CODAS: &[&str] = &[
    "", "n", "r", "l", "m", "s", "th", "ck", "nd", "rn", "ll", "st", "x", "mb", "rk",
];
const SUFFIXES: &[&str] = &[
    "",
    " Group",
    " Holdings",
    " Industries",
    " Systems",
    " Foods",
];

/// Counted measures: the noun and the range of its figures.
const COUNTS: &[(&str, u64, u64)] = &[
    ("staff", 200, 9_000),
    ("stores", 10, 900),
    ("customers", 5_000, 900_000),
    ("vehicles", 50, 4_000),
    ("branches", 5, 400),
    ("contracts", 20, 3_000),
];
/// Money measures: the noun and the range in millions of euros.
const MONEY: &[(&str, u64, u64)] = &[
    ("revenue", 20, 9_000),
    ("profit", 2, 900),
    ("debt", 10, 4_000),
    ("investment", 5, 800),
    ("payroll", 5, 700),
    ("dividends", 1, 300),
];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn name(r: &mut Rng) -> String {
    let w = format!(
        "{}{}{}{}{}",
        r.pick(ONSETS),
        r.pick(VOWELS),
        r.pick(CODAS),
        r.pick(ONSETS),
        r.pick(VOWELS)
    );
    format!("{}{}", cap(&w), r.pick(SUFFIXES))
}

/// "42,000", "1,250".
pub fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// One fact: who, which measure, which year, the value.
struct Fact {
    who: usize,
    measure: usize,
    year: u64,
    value: u64,
}

/// The figure of measure `m` (counts first, then money) with value `v` as written.
fn figure(m: usize, v: u64) -> String {
    if m < COUNTS.len() {
        format!("{} {}", grouped(v), COUNTS[m].0)
    } else {
        format!("€{} million in {}", grouped(v), MONEY[m - COUNTS.len()].0)
    }
}

/// The figure's text as a claim (what the extractor reads): a count with its noun ("5,425
/// staff"), money with its scale ("€120 million").
fn claim_text(m: usize, v: u64) -> String {
    if m < COUNTS.len() {
        format!("{} {}", grouped(v), COUNTS[m].0)
    } else {
        format!("€{} million", grouped(v))
    }
}

/// Appends a sentence stating `fig` of `who` for `year`, and returns it.
fn sentence(out: &mut String, r: &mut Rng, who: &str, m: usize, v: u64, year: u64) -> String {
    let fig = figure(m, v);
    let s = match r.below(3) {
        0 => format!("{who} reported {fig} at the end of {year}."),
        1 => format!("At the end of {year}, {who} reported {fig}."),
        _ => format!("{who} said it had {fig} at the end of {year}."),
    };
    out.push_str(&s);
    out.push(' ');
    s
}

/// A changed value: far enough from `v` that no hedge or rounding covers it, near enough to be
/// one figure misreported (10 to 30% away).
fn changed(r: &mut Rng, v: u64) -> u64 {
    let pct = 10 + r.below(21) as u64;
    let d = (v * pct / 100).max(2);
    if r.below(2) == 0 || v <= d {
        v + d
    } else {
        v - d
    }
}

/// Two reports of about `bytes` bytes each in `shape`, deterministic from `seed`: the facts in
/// shuffled order in each, one in fifty changed in the second.
pub fn generate(shape: Shape, bytes: usize, seed: u64) -> Pair {
    let mut r = Rng::new(seed);
    // About 68 bytes a sentence.
    let n = (bytes / 68).max(1);
    let names: Vec<String> = match shape {
        Shape::Crowded => (0..6).map(|_| name(&mut r)).collect(),
        Shape::Companies => {
            let mut seen = std::collections::HashSet::new();
            let mut v = Vec::new();
            while v.len() < n.div_ceil(2) {
                let x = name(&mut r);
                if seen.insert(x.clone()) {
                    v.push(x);
                }
            }
            v
        }
    };
    let measures = COUNTS.len() + MONEY.len();
    let mut facts = Vec::with_capacity(n);
    let mut used = std::collections::HashSet::new();
    let mut values = std::collections::HashMap::new();
    while facts.len() < n {
        let (who, measure, year) = match shape {
            // Six organisations, twelve measures, years 1970 to 2025: 4,032 facts at most;
            // beyond that a fact repeats (the same figure again).
            Shape::Crowded => (r.below(6), r.below(measures), 1970 + r.below(56) as u64),
            // Two figures a company.
            Shape::Companies => (
                facts.len() / 2,
                r.below(measures),
                2010 + r.below(15) as u64,
            ),
        };
        if !used.insert((who, measure, year)) && used.len() < 6 * measures * 56 {
            continue;
        }
        let (lo, hi) = if measure < COUNTS.len() {
            (COUNTS[measure].1, COUNTS[measure].2)
        } else {
            (
                MONEY[measure - COUNTS.len()].1,
                MONEY[measure - COUNTS.len()].2,
            )
        };
        // A fact stated again (the crowded shape beyond its 4,032 facts) keeps its value.
        let fresh = lo + r.next() % (hi - lo);
        let value = *values.entry((who, measure, year)).or_insert(fresh);
        facts.push(Fact {
            who,
            measure,
            year,
            value,
        });
    }
    let mut order_a: Vec<usize> = (0..n).collect();
    let mut order_b: Vec<usize> = (0..n).collect();
    shuffle(&mut r, &mut order_a);
    shuffle(&mut r, &mut order_b);
    let mut pair = Pair::default();
    // One fact in fifty is changed in the second report, wherever it is stated there; the
    // sentences recorded are its first statement in each.
    let mut changed_of = std::collections::HashMap::new();
    let mut planted_of = std::collections::HashMap::new();
    for (k, f) in facts.iter().enumerate() {
        let key = (f.who, f.measure, f.year);
        if k % 50 == 25 && !changed_of.contains_key(&key) {
            let v = changed(&mut r, f.value);
            changed_of.insert(key, v);
            planted_of.insert(key, pair.planted.len());
            pair.planted.push(Planted {
                a: claim_text(f.measure, f.value),
                b: claim_text(f.measure, v),
                sentence_a: String::new(),
                sentence_b: String::new(),
            });
        }
    }
    let second: Vec<u64> = facts
        .iter()
        .map(|f| {
            changed_of
                .get(&(f.who, f.measure, f.year))
                .copied()
                .unwrap_or(f.value)
        })
        .collect();
    let planted_at = |k: usize| {
        let f = &facts[k];
        planted_of.get(&(f.who, f.measure, f.year)).copied()
    };
    let mut a = String::with_capacity(bytes + 200);
    for &k in &order_a {
        let f = &facts[k];
        let s = sentence(&mut a, &mut r, &names[f.who], f.measure, f.value, f.year);
        if let Some(p) = planted_at(k) {
            if pair.planted[p].sentence_a.is_empty() {
                pair.planted[p].sentence_a = s;
            }
        }
        if a.len().is_multiple_of(7) {
            a.push_str("\n\n");
        }
    }
    let mut b = String::with_capacity(bytes + 200);
    for &k in &order_b {
        let f = &facts[k];
        let s = sentence(&mut b, &mut r, &names[f.who], f.measure, second[k], f.year);
        if let Some(p) = planted_at(k) {
            if pair.planted[p].sentence_b.is_empty() {
                pair.planted[p].sentence_b = s;
            }
        }
        if b.len().is_multiple_of(7) {
            b.push_str("\n\n");
        }
    }
    a.push('\n');
    b.push('\n');
    pair.a = a;
    pair.b = b;
    pair
}

fn shuffle<T>(r: &mut Rng, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = r.below(i + 1);
        v.swap(i, j);
    }
}

/// How many of `planted` a `check --format json` report finds: a finding holding one claim with
/// the first report's text and one with the second's, from the two documents.
pub fn found(planted: &[Planted], report: &serde_json::Value) -> usize {
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    planted
        .iter()
        .filter(|p| {
            findings.iter().any(|f| {
                let claims = f["claims"].as_array().cloned().unwrap_or_default();
                let has = |t: &str, doc: &str| {
                    claims.iter().any(|c| {
                        c["text"].as_str() == Some(t)
                            && c["path"].as_str().is_some_and(|p| p.ends_with(doc))
                    })
                };
                has(&p.a, "a.txt") && has(&p.b, "b.txt")
            })
        })
        .count()
}
