//! The generated corpora of the extraction benchmark, shared with `examples/corpus.rs` (which
//! writes them as JSON Lines for profiling with callgrind).
//!
//! Two densities. `Density::News` matches the claim density of real reporting: the six story
//! sets in `../shared/gold/clusters` have one claim per 78 to 281 bytes (median about 140), the
//! seed articles one per 940; here about two sentences in nine carry figures, the rest is
//! prose, for one claim per about 160 bytes. `Density::Figures` is the stress case: nearly every
//! sentence carries two to four figures, one claim per 27 bytes, five times denser than the
//! densest story set.

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

/// How many figures the text carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // each user of this module picks its own
pub enum Density {
    /// Like real reporting: about two sentences in nine carry figures.
    News,
    /// Nearly every sentence carries figures.
    Figures,
}

const PEOPLE: &[&str] = &[
    "Maria Okafor",
    "the mayor",
    "a senior official",
    "Daniel Brennan",
    "the chief executive",
    "Priya Raman",
    "one resident",
    "the opposition leader",
];
const ROLES: &[&str] = &[
    "a spokeswoman for the department",
    "who chairs the committee",
    "an economist at the university",
    "the union's regional secretary",
    "a lawyer representing the families",
];
const CLAIMS: &[&str] = &[
    "the project had been badly managed from the start",
    "the new rules would make little difference to most households",
    "talks with the contractors were continuing",
    "the review should have been published months ago",
    "nobody had been told about the change in advance",
    "the service was under more pressure than ever",
    "the findings raised serious questions about oversight",
];
const PROSE: &[&str] = &[
    "The proposal has divided opinion in the town, where many families have lived for generations.",
    "Campaigners gathered outside the building on a grey morning, holding banners and handing out leaflets.",
    "Supporters argue that the scheme will bring investment to an area that has long been overlooked.",
    "The government has not said whether it will appeal against the ruling.",
    "Local businesses say the disruption has already cost them customers, although they expect trade to recover.",
    "In a statement, the company said it took its responsibilities seriously and was cooperating fully.",
    "The inquiry heard evidence from engineers, planners and residents over several weeks.",
    "Opposition politicians called for an independent investigation into how the contract was awarded.",
    "It is the latest in a series of setbacks for the programme, which was launched with great fanfare.",
    "Officials insisted the timetable remained realistic despite the delays.",
];

/// A sentence of prose without figures.
fn prose(r: &mut Rng, out: &mut String) {
    let _ = match r.below(3) {
        0 => write!(
            out,
            "\"{},\" said {}, {}.",
            capitalised(r.pick(CLAIMS)),
            r.pick(PEOPLE),
            r.pick(ROLES)
        ),
        1 => write!(
            out,
            "{} said {} and that {}.",
            capitalised(r.pick(PEOPLE)),
            r.pick(CLAIMS),
            r.pick(CLAIMS)
        ),
        _ => write!(out, "{}", r.pick(PROSE)),
    };
    out.push(' ');
}

/// `s` with its first letter upper-cased.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `n` documents of about 5 KB each; the same `n` and density always give the same text.
pub fn corpus(n: usize, density: Density) -> Vec<Document> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| {
            let mut text = String::new();
            while text.len() < 5_000 {
                for _ in 0..(3 + r.below(4)) {
                    if density == Density::News && r.below(9) >= 2 {
                        prose(&mut r, &mut text);
                    } else {
                        sentence(&mut r, &mut text);
                    }
                }
                text.push_str("\n\n");
            }
            Document::plain(format!("doc{i}"), text)
        })
        .collect()
}
