//! The generated news-like corpus of the extraction benchmark, shared with
//! `examples/corpus.rs` (which writes it as JSON Lines for profiling with callgrind).

use std::fmt::Write as _;

use crosscheck::document::Document;

/// A small deterministic generator (xorshift), so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const AGENTS: &[&str] = &[
    "The council",
    "The ministry",
    "A spokesperson for the operator",
    "The regional authority",
    "Analysts at the bank",
    "The company",
    "Officials",
    "The agency",
];
const NOUNS: &[&str] = &[
    "jobs",
    "homes",
    "passengers",
    "students",
    "beds",
    "vehicles",
    "tonnes of grain",
    "megawatts",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const GROWTH: &[&str] = &["rose", "fell", "jumped", "climbed", "dropped", "increased"];
const MULTIPLES: &[&str] = &["doubled", "tripled", "halved", "nearly doubled"];
const HEDGES: &[&str] = &["about", "more than", "nearly", "up to", "at least", ""];
const CURRENCIES: &[&str] = &["$", "€", "£"];
const SCALES: &[&str] = &["million", "billion", "m", "bn", ""];
const UNITS: &[&str] = &["km", "miles", "kg", "terabytes", "hectares", "litres"];
const FILLER: &[&str] = &[
    "The plan was approved after a long debate in the chamber.",
    "Critics said the figures did not add up.",
    "Residents have complained for years about the noise.",
    "It was not immediately clear who would pay for the work.",
    "The decision is expected to be reviewed next year.",
];

fn money(r: &mut Rng) -> String {
    let whole = r.below(900) + 1;
    let frac = r.below(10);
    let c = r.pick(CURRENCIES);
    let s = r.pick(SCALES);
    if s.is_empty() || s.len() <= 2 {
        format!("{c}{whole}.{frac}{s}")
    } else {
        format!("{c}{whole}.{frac} {s}")
    }
}

fn sentence(r: &mut Rng, out: &mut String) {
    let agent = r.pick(AGENTS);
    let hedge = r.pick(HEDGES);
    let sep = if hedge.is_empty() { "" } else { " " };
    let day = r.below(28) + 1;
    let month = r.pick(MONTHS);
    let year = 1995 + r.below(35);
    let n = r.below(90_000) + 100;
    let (a, b) = (r.below(900) as f64 / 10.0, r.below(900) as f64 / 10.0);
    let _ = match r.below(10) {
        0 => write!(
            out,
            "{agent} said on {day} {month} {year} that it had created {hedge}{sep}{} {}.",
            group(n),
            r.pick(NOUNS)
        ),
        1 => write!(
            out,
            "Spending {} {a:.1}% to {}, {agent} said.",
            r.pick(GROWTH),
            money(r)
        ),
        2 => write!(
            out,
            "Turnout was {b:.1}%, up from {a:.1}% in {year}, according to {}.",
            agent.to_lowercase()
        ),
        3 => write!(
            out,
            "The budget {} between {year} and {}, reaching {hedge}{sep}{}.",
            r.pick(MULTIPLES),
            year + 1 + r.below(8),
            money(r)
        ),
        4 => write!(
            out,
            "The route is {hedge}{sep}{} {} long and opened in {month} {year}.",
            r.below(900) + 3,
            r.pick(UNITS)
        ),
        5 => write!(
            out,
            "Prices {} {a:.1} percentage points over the past {} months.",
            r.pick(GROWTH),
            r.below(30) + 2
        ),
        6 => write!(
            out,
            "From {} to {}, the number of {} {} from {} to {}.",
            month,
            r.pick(MONTHS),
            r.pick(NOUNS),
            r.pick(GROWTH),
            group(n),
            group(n + r.below(50_000))
        ),
        7 => write!(
            out,
            "The {}-capacity venue, built in the {}s, hosted its {} match last season.",
            group(r.below(60_000) + 5_000),
            1900 + r.below(10) * 10,
            ["first", "second", "tenth", "100th"][r.below(4) as usize]
        ),
        8 => write!(
            out,
            "{agent} expects to spend {} over {} years, a third of it by Q{} {year}.",
            money(r),
            ["two", "five", "ten", "three"][r.below(4) as usize],
            r.below(4) + 1
        ),
        _ => write!(out, "{}", r.pick(FILLER)),
    };
    out.push(' ');
}

/// Digits with thousands separators.
fn group(n: u64) -> String {
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

/// `n` documents of about 5 KB each; the same `n` always gives the same text.
pub fn corpus(n: usize) -> Vec<Document> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| {
            let mut text = String::new();
            while text.len() < 5_000 {
                for _ in 0..(3 + r.below(4)) {
                    sentence(&mut r, &mut text);
                }
                text.push_str("\n\n");
            }
            Document::plain(format!("doc{i}"), text)
        })
        .collect()
}
