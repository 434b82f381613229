//! The temporal vocabulary (rules/lexicon/temporal.toml): months, weekdays, ordinal and cardinal
//! words for days, calendar units and their lengths, relative words, seasons, parts of a unit,
//! halves, duration hedges and clause cues.
//!
//! Owns the parsed tables and a word index built once for the extractor. Must not hold parsing
//! logic: what the words mean in context is `extract/temporal.rs`'s business.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::claim::Hedge;
use crate::error::{parse_toml, Error};
use crate::lexicon::WordMap;

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// A day.
    Day,
    /// Seven days.
    Week,
    /// Fourteen days.
    Fortnight,
    /// A calendar month.
    Month,
    /// Three months.
    Quarter,
    /// A calendar year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
    /// Saturday and Sunday.
    Weekend,
}

/// Which part of a unit a word picks ("early", "mid", "late").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The first third.
    Early,
    /// The middle third.
    Mid,
    /// The last third.
    Late,
}

/// Words that mark a clause as future, hypothetical, negated or past.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// "will", "is due to".
    pub future: Vec<String>,
    /// "would", "could", "if".
    pub hypothetical: Vec<String>,
    /// "not", "never".
    pub negation: Vec<String>,
    /// "was", "said", "ago".
    pub past: Vec<String>,
    /// One automaton over every cue, built on first use (see `Cues::find`).
    #[serde(skip)]
    automaton: std::sync::OnceLock<aho_corasick::AhoCorasick>,
}

/// Which cue lists a clause holds a whole-word match of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueHits {
    /// A future cue.
    pub future: bool,
    /// A hypothetical cue.
    pub hypothetical: bool,
    /// A negation cue.
    pub negated: bool,
    /// A past cue.
    pub past: bool,
}

impl Cues {
    /// The cues found as whole words in `clause` (lowercase), in one pass.
    ///
    /// # Panics
    /// Never: the cue automaton is built from plain strings.
    #[must_use]
    pub fn find(&self, clause: &str) -> CueHits {
        let ac = self.automaton.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(
                    self.future
                        .iter()
                        .chain(&self.hypothetical)
                        .chain(&self.negation)
                        .chain(&self.past),
                )
                .expect("cue phrases build an automaton")
        });
        let (f, h, n) = (
            self.future.len(),
            self.future.len() + self.hypothetical.len(),
            self.future.len() + self.hypothetical.len() + self.negation.len(),
        );
        let b = clause.as_bytes();
        let mut hits = CueHits::default();
        for m in ac.find_overlapping_iter(clause) {
            let (s, e) = (m.start(), m.end());
            let before_ok =
                s == 0 || !b[s - 1].is_ascii_alphanumeric() || !b[s].is_ascii_alphanumeric();
            let after_ok = e >= b.len() || !b[e].is_ascii_alphanumeric();
            if !(before_ok && after_ok) {
                continue;
            }
            let id = m.pattern().as_usize();
            if id < f {
                hits.future = true;
            } else if id < h {
                hits.hypothetical = true;
            } else if id < n {
                hits.negated = true;
            } else {
                hits.past = true;
            }
        }
        hits
    }
}

/// Everything the extractor knows about one lowercase word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordInfo {
    /// Month number 1-12, 0 when not a month.
    pub month: u8,
    /// ISO weekday 1-7, 0 when not a weekday.
    pub weekday: u8,
    /// Ordinal value ("third" -> 3), 0 when none.
    pub ordinal: u8,
    /// Cardinal value ("twenty" -> 20), 0 when none.
    pub cardinal: u8,
    /// The calendar unit the word names.
    pub unit: Option<Unit>,
    /// Relative direction: -1 last, 0 this, 1 next.
    pub relative: Option<i8>,
    /// Index into `TemporalLexicon::season_days`.
    pub season: Option<u8>,
    /// Part of a unit.
    pub part: Option<Part>,
    /// Which half (1 or 2).
    pub half: u8,
    /// Some holiday name starts with this word.
    pub holiday: bool,
    /// The first year of the decade a decade word names alone ("seventies" -> 1970).
    pub decade: Option<i16>,
    /// The decade within a century a decade word names after a century number ("tens" -> 10
    /// in "twenty-tens"); set for every decade word.
    pub century_decade: Option<u8>,
}

/// How to find a holiday's day in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// The same day every year (month, day).
    Fixed(i8, i8),
    /// The `n`th ISO weekday `wd` of `month` (`n` = -1: the last), plus `shift` days.
    Nth {
        /// Month 1-12.
        month: i8,
        /// Which occurrence; -1 for the last.
        n: i8,
        /// ISO weekday, Monday = 1.
        wd: i8,
        /// Days added after.
        shift: i8,
    },
    /// Days from (Western) Easter Sunday.
    Easter(i16),
}

/// The temporal vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemporalLexicon {
    /// Month names and abbreviations.
    pub months: BTreeMap<String, u8>,
    /// Weekday names (ISO numbering).
    pub weekdays: BTreeMap<String, u8>,
    /// Ordinal words for days of the month.
    pub ordinals: BTreeMap<String, u8>,
    /// Cardinal words for days of the month.
    pub cardinals: BTreeMap<String, u8>,
    /// Calendar unit words.
    pub units: BTreeMap<String, Unit>,
    /// Length of each unit in days.
    pub unit_days: HashMap<Unit, f64>,
    /// Relative words.
    pub relative: BTreeMap<String, i8>,
    /// Seasons: first and last day as "MM-DD".
    pub seasons: BTreeMap<String, [String; 2]>,
    /// Part-of-unit words.
    pub parts: BTreeMap<String, Part>,
    /// Half words.
    pub halves: BTreeMap<String, u8>,
    /// Hedge phrases before a length of time, with the contract's hedge name.
    pub hedges: BTreeMap<String, String>,
    /// Clause cues.
    pub cues: Cues,
    /// Holidays and how to find their day in a year.
    pub holidays: BTreeMap<String, String>,
    /// Decade words and the first year of the decade each names alone.
    #[serde(default)]
    pub decades: BTreeMap<String, i16>,
    /// Decade words that need a century number before them, and their decade in the century.
    #[serde(default)]
    pub century_decades: BTreeMap<String, u8>,
    #[serde(skip)]
    index: OnceLock<Index>,
}

/// The word index built from the tables.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Lowercase word -> what it may mean.
    pub words: WordMap<WordInfo>,
    /// Per length (up to `SHAPE_MAX`) and first byte, a bit per last byte (both bytes folded
    /// to five bits), set when a word of `words` has that shape: `Index::info` hashes a word
    /// only then, and most words of prose have no such shape.
    shapes: Vec<u32>,
    /// Seasons as ((month, day), (month, day)), indexed by `WordInfo::season`.
    pub season_days: Vec<((i8, i8), (i8, i8))>,
    /// Hedge phrases, longest first, with their meaning.
    pub hedges: Vec<(String, Hedge)>,
    /// Holiday names split into word and punctuation pieces, longest first, keyed by the first
    /// word.
    pub holidays: WordMap<Vec<(Vec<String>, Holiday)>>,
}

/// The longest word `Index::shapes` describes; longer words are looked up directly.
const SHAPE_MAX: usize = 16;

fn shape_slot(b: &[u8]) -> Option<(usize, u32)> {
    let (&first, &last) = (b.first()?, b.last()?);
    (b.len() <= SHAPE_MAX).then(|| (b.len() * 32 + usize::from(first & 31), 1 << (last & 31)))
}

impl Index {
    /// What the vocabulary says about a lowercase word (the default when it is none of its
    /// words).
    #[must_use]
    pub fn info(&self, w: &str) -> WordInfo {
        if let Some((slot, bit)) = shape_slot(w.as_bytes()) {
            if self.shapes.get(slot).is_none_or(|m| m & bit == 0) {
                return WordInfo::default();
            }
        }
        self.words.get(w).copied().unwrap_or_default()
    }
}

/// Splits a holiday name the way the extractor tokenizes text: runs of letters or digits, and
/// single punctuation characters.
#[must_use]
pub fn name_pieces(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            cur.push(ch.to_ascii_lowercase());
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if !ch.is_whitespace() {
            out.push(ch.to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn parse_holiday(rule: &str, weekdays: &BTreeMap<String, u8>) -> Option<Holiday> {
    if let Some(rest) = rule.strip_prefix("easter") {
        let k: i16 = if rest.is_empty() {
            0
        } else {
            rest.trim_start_matches('+').parse().ok()?
        };
        return Some(Holiday::Easter(k));
    }
    if let Some((m, d)) = month_day(rule) {
        return Some(Holiday::Fixed(m, d));
    }
    let mut it = rule.splitn(3, '/');
    let month: i8 = it.next()?.parse().ok()?;
    let n: i8 = it.next()?.parse().ok()?;
    let tail = it.next()?;
    let (wd, shift) = match tail.find(['+', '-']) {
        Some(k) => (&tail[..k], tail[k..].trim_start_matches('+').parse().ok()?),
        None => (tail, 0),
    };
    let wd = i8::try_from(*weekdays.get(wd).or_else(|| {
        weekdays
            .iter()
            .find(|(name, _)| name.starts_with(wd))
            .map(|(_, v)| v)
    })?)
    .ok()?;
    ((1..=12).contains(&month) && (n == -1 || (1..=5).contains(&n))).then_some(Holiday::Nth {
        month,
        n,
        wd,
        shift,
    })
}

fn hedge_named(name: &str) -> Option<Hedge> {
    Some(match name {
        "exact" => Hedge::Exact,
        "above" => Hedge::Above,
        "at_least" => Hedge::AtLeast,
        "just_above" => Hedge::JustAbove,
        "nearly" => Hedge::Nearly,
        "below" => Hedge::Below,
        "at_most" => Hedge::AtMost,
        "about" => Hedge::About,
        "multiples" => Hedge::Multiples,
        _ => return None,
    })
}

fn month_day(s: &str) -> Option<(i8, i8)> {
    let (m, d) = s.split_once('-')?;
    let (m, d): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

impl TemporalLexicon {
    /// The embedded vocabulary.
    ///
    /// # Errors
    /// When the embedded file is invalid.
    pub fn builtin() -> Result<Self, Error> {
        let lex: TemporalLexicon = parse_toml(
            "rules/lexicon/temporal.toml",
            include_str!("../../rules/lexicon/temporal.toml"),
        )?;
        lex.validate()?;
        Ok(lex)
    }

    fn validate(&self) -> Result<(), Error> {
        let bad = |message: String| Error::Invalid {
            path: "rules/lexicon/temporal.toml".into(),
            message,
        };
        for (name, h) in &self.hedges {
            if hedge_named(h).is_none() {
                return Err(bad(format!("hedge {name:?}: unknown hedge {h:?}")));
            }
        }
        for (name, rule) in &self.holidays {
            if parse_holiday(rule, &self.weekdays).is_none() {
                return Err(bad(format!("holiday {name:?}: cannot read rule {rule:?}")));
            }
        }
        for (name, y) in &self.decades {
            if y % 10 != 0 {
                return Err(bad(format!(
                    "decade {name:?}: {y} is not the first year of a decade"
                )));
            }
        }
        for (name, d) in &self.century_decades {
            if d % 10 != 0 || *d > 90 {
                return Err(bad(format!(
                    "century decade {name:?}: expected 0, 10, ... 90"
                )));
            }
        }
        for (name, [a, b]) in &self.seasons {
            if month_day(a).is_none() || month_day(b).is_none() {
                return Err(bad(format!("season {name:?}: expected \"MM-DD\" days")));
            }
        }
        Ok(())
    }

    /// Length of `unit` in days.
    #[must_use]
    pub fn days(&self, unit: Unit) -> f64 {
        self.unit_days.get(&unit).copied().unwrap_or(match unit {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Fortnight => 14.0,
            Unit::Month => 30.4375,
            Unit::Quarter => 91.3125,
            Unit::Year => 365.25,
            Unit::Decade => 3652.5,
            Unit::Century => 36525.0,
            Unit::Weekend => 2.0,
        })
    }

    /// The word index (built on first use).
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| self.build_index())
    }

    fn build_index(&self) -> Index {
        let mut words: WordMap<WordInfo> = WordMap::default();
        let mut idx = Index::default();
        for (w, m) in &self.months {
            words.entry(w.clone()).or_default().month = *m;
        }
        for (w, d) in &self.weekdays {
            words.entry(w.clone()).or_default().weekday = *d;
        }
        for (w, d) in &self.ordinals {
            words.entry(w.clone()).or_default().ordinal = *d;
        }
        for (w, d) in &self.cardinals {
            words.entry(w.clone()).or_default().cardinal = *d;
        }
        for (w, u) in &self.units {
            words.entry(w.clone()).or_default().unit = Some(*u);
        }
        for (w, r) in &self.relative {
            words.entry(w.clone()).or_default().relative = Some(*r);
        }
        for (w, p) in &self.parts {
            words.entry(w.clone()).or_default().part = Some(*p);
        }
        for (w, h) in &self.halves {
            words.entry(w.clone()).or_default().half = *h;
        }
        for (w, y) in &self.decades {
            let info = words.entry(w.clone()).or_default();
            info.decade = Some(*y);
            info.century_decade = u8::try_from(y.rem_euclid(100)).ok();
        }
        for (w, d) in &self.century_decades {
            words.entry(w.clone()).or_default().century_decade = Some(*d);
        }
        for (w, [a, b]) in &self.seasons {
            if let (Some(a), Some(b)) = (month_day(a), month_day(b)) {
                words.entry(w.clone()).or_default().season =
                    u8::try_from(idx.season_days.len()).ok();
                idx.season_days.push((a, b));
            }
        }
        for (name, rule) in &self.holidays {
            let pieces = name_pieces(name);
            let (Some(first), Some(h)) = (pieces.first(), parse_holiday(rule, &self.weekdays))
            else {
                continue;
            };
            words.entry(first.clone()).or_default().holiday = true;
            idx.holidays
                .entry(first.clone())
                .or_default()
                .push((pieces, h));
        }
        for v in idx.holidays.values_mut() {
            v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        idx.hedges = self
            .hedges
            .iter()
            .filter_map(|(p, h)| Some((p.clone(), hedge_named(h)?)))
            .collect();
        // Longest first: "just over" must win over "over".
        idx.hedges.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        idx.shapes = vec![0; (SHAPE_MAX + 1) * 32];
        for w in words.keys() {
            if let Some((slot, bit)) = shape_slot(w.as_bytes()) {
                idx.shapes[slot] |= bit;
            }
        }
        idx.words = words;
        idx
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn info_finds_every_word_through_its_shape() {
        let idx = crate::lexicon::Lexicon::builtin().temporal.index();
        assert!(idx.words.len() > 50);
        for (w, info) in &idx.words {
            assert_eq!(idx.info(w), *info, "{w}");
        }
        for w in ["", "the", "xyzzy", "percentage", "a-very-long-word-indeed"] {
            assert_eq!(
                idx.info(w),
                idx.words.get(w).copied().unwrap_or_default(),
                "{w}"
            );
        }
    }
}
