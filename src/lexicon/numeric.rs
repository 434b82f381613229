//! The numeric vocabulary (rules/lexicon/numeric.toml): hedges, currencies, units with their
//! conversions, percent words, growth words, counted-noun stop words and modality cues.
//!
//! Owns the file's schema (strict: unknown keys are errors) and a few lookup helpers compiled
//! once per lexicon. Must not decide what a number means: that is `extract/`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::claim::Hedge;
use crate::error::{parse_toml, Error};
use crate::lexicon::WordSet;

/// The numeric vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumericLexicon {
    /// Hedge phrases, grouped by meaning.
    #[serde(default)]
    pub hedge: Vec<HedgeEntry>,
    /// Hedge phrases written after the number ("or more").
    #[serde(default)]
    pub hedge_after: Vec<HedgeEntry>,
    /// Words that stress exactness ("exactly"): part of the span, no bounds.
    #[serde(default)]
    pub exact: WordList,
    /// "hundreds of", "tens of thousands of": vague amounts.
    #[serde(default)]
    pub multiples: Vec<MultiplesEntry>,
    /// Currencies: symbols, codes and names.
    #[serde(default)]
    pub currency: Vec<CurrencyEntry>,
    /// Units of measure and their conversion to the dimension's base unit.
    #[serde(default)]
    pub unit: Vec<UnitEntry>,
    /// Percent and percentage-point words.
    #[serde(default)]
    pub percent: PercentWords,
    /// Growth verbs and nouns.
    #[serde(default)]
    pub growth: GrowthWords,
    /// Multiplicative change words ("doubled", "fourfold").
    #[serde(default)]
    pub multiple: Vec<MultipleEntry>,
    /// What may follow "N times".
    #[serde(default)]
    pub times: TimesWords,
    /// Counted-noun stop words and skippable modifiers.
    #[serde(default)]
    pub count: CountWords,
    /// Negation, hypothetical and future cues.
    #[serde(default)]
    pub modality: ModalityWords,
    #[serde(skip)]
    compiled: OnceLock<Compiled>,
}

/// A list of words under a `words` key.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordList {
    /// The words or phrases.
    pub words: Vec<String>,
}

/// Hedge phrases with one meaning.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HedgeEntry {
    /// The meaning.
    pub kind: HedgeKind,
    /// The phrases, written before a number.
    pub words: Vec<String>,
}

/// The hedge meanings a lexicon entry may name (the `Hedge` enum without `Exact`/`Multiples`).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum HedgeKind {
    /// Strictly above.
    Above,
    /// At or above.
    AtLeast,
    /// A little above.
    JustAbove,
    /// A little below.
    Nearly,
    /// Strictly below.
    Below,
    /// At or below.
    AtMost,
    /// Approximately.
    About,
}

impl HedgeKind {
    /// The claim-level hedge.
    #[must_use]
    pub fn hedge(self) -> Hedge {
        match self {
            HedgeKind::Above => Hedge::Above,
            HedgeKind::AtLeast => Hedge::AtLeast,
            HedgeKind::JustAbove => Hedge::JustAbove,
            HedgeKind::Nearly => Hedge::Nearly,
            HedgeKind::Below => Hedge::Below,
            HedgeKind::AtMost => Hedge::AtMost,
            HedgeKind::About => Hedge::About,
        }
    }
}

/// A vague amount ("hundreds of").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultiplesEntry {
    /// The phrases.
    pub words: Vec<String>,
    /// The low end of the amount.
    pub value: f64,
}

/// One currency spelling family.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyEntry {
    /// ISO 4217 code; empty when the name does not say which currency.
    pub code: String,
    /// Symbols and codes, matched as written, before or after the number.
    #[serde(default)]
    pub symbols: Vec<String>,
    /// Names, matched case-insensitively after the number.
    #[serde(default)]
    pub names: Vec<String>,
    /// Multiplier to the major unit (0.01 for cents).
    #[serde(default = "one")]
    pub factor: f64,
    /// Names read as money only for large amounts (see the lexicon file).
    #[serde(default)]
    pub weak: bool,
}

fn one() -> f64 {
    1.0
}

/// One unit of measure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    /// The short symbol claims report ("TB", "km", "°C").
    pub symbol: String,
    /// The dimension ("data", "length", ...).
    pub dimension: String,
    /// Multiplier to the dimension's base unit.
    pub factor: f64,
    /// Added after the multiplier (temperatures).
    #[serde(default)]
    pub offset: f64,
    /// Names, matched case-insensitively.
    #[serde(default)]
    pub names: Vec<String>,
    /// Symbols, matched as written.
    #[serde(default)]
    pub symbols: Vec<String>,
}

/// Percent words.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PercentWords {
    /// "%", "percent", "per cent".
    pub words: Vec<String>,
    /// "percentage points".
    pub points: Vec<String>,
    /// Nouns after "N-point" that make it percentage points ("margin").
    pub point_nouns: Vec<String>,
    /// Words that are a percent claim with no number when a word precedes them ("a small
    /// percent", "the % of increase"): the claim has no value and is never compared.
    #[serde(default)]
    pub bare: Vec<String>,
}

/// Growth words.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthWords {
    /// Verbs (and adverbs) of increase.
    pub up: Vec<String>,
    /// Verbs (and adverbs) of decrease.
    pub down: Vec<String>,
    /// Nouns of increase after a percentage.
    pub up_nouns: Vec<String>,
    /// Nouns of decrease after a percentage.
    pub down_nouns: Vec<String>,
    /// Phrases that make an amount additive ("a further").
    pub additive: Vec<String>,
}

/// A multiplicative change word family.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultipleEntry {
    /// The words.
    pub words: Vec<String>,
    /// The factor they state.
    pub factor: f64,
}

/// What may follow "N times".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimesWords {
    /// Plain multiples ("as much").
    pub plain: Vec<String>,
    /// Comparatives, ambiguous between N and N+1 ("more").
    pub comparative: Vec<String>,
}

/// Counted-noun words.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountWords {
    /// Words that are never a counted noun.
    pub stop: Vec<String>,
    /// Words skipped between a number and its noun.
    pub modifiers: Vec<String>,
    /// Plural nouns that do not end in "s" ("people", "staff").
    #[serde(default)]
    pub plurals: Vec<String>,
}

/// Modality cues.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalityWords {
    /// Negation.
    pub negation: Vec<String>,
    /// Hypotheticals.
    pub hypothetical: Vec<String>,
    /// Future and targets.
    pub future: Vec<String>,
}

/// A currency spelling, flattened for lookup.
#[derive(Debug, Clone)]
pub struct CurrencyForm {
    /// The spelling (lowercased for names).
    pub text: String,
    /// ISO code, empty when unknown.
    pub code: String,
    /// Multiplier to the major unit.
    pub factor: f64,
    /// Money only for large amounts.
    pub weak: bool,
}

/// A unit spelling, flattened for lookup.
#[derive(Debug, Clone)]
pub struct UnitForm {
    /// The spelling (lowercased for names).
    pub text: String,
    /// Index into `NumericLexicon::unit`.
    pub unit: usize,
}

/// What a trigger phrase found by `Compiled::triggers` stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trigger {
    /// A vague amount ("hundreds of"), with its low end.
    Multiples(f64),
    /// A multiplicative change word ("doubled"), with its factor.
    Multiple(f64),
    /// A percent word that may stand without a number ("a small percent").
    BarePercent,
}

/// The entries of a list (longest first) grouped by their first byte, ASCII-lowercased, so that
/// a lookup at a position only tries the entries that can match there. Entries that are empty
/// come last in every group.
#[derive(Debug, Clone, Default)]
pub struct ByFirstByte {
    groups: Vec<Vec<(u32, u16)>>,
}

impl ByFirstByte {
    fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> Self {
        Self::by(keys, |k| {
            let b = k.as_bytes();
            (b.first().copied(), b.get(1).copied())
        })
    }

    /// Grouped by the last byte instead, for phrases that must end at a position.
    fn new_last<'a>(keys: impl IntoIterator<Item = &'a str>) -> Self {
        Self::by(keys, |k| {
            let b = k.as_bytes();
            let n = b.len();
            (b.last().copied(), n.checked_sub(2).map(|i| b[i]))
        })
    }

    /// Groups the entries by their edge byte; each entry keeps its next byte inwards
    /// (`NO_BYTE` when it has none), a second filter before the caller compares whole phrases.
    fn by<'a>(
        keys: impl IntoIterator<Item = &'a str>,
        edge: impl Fn(&str) -> (Option<u8>, Option<u8>),
    ) -> Self {
        let mut groups = vec![Vec::new(); 257];
        let mut empty = Vec::new();
        for (i, k) in keys.into_iter().enumerate() {
            let (first, second) = edge(k);
            let second = second.map_or(NO_BYTE, |b| u16::from(b.to_ascii_lowercase()));
            match first {
                Some(b) => groups[usize::from(b.to_ascii_lowercase())].push((i as u32, second)),
                None => empty.push((i as u32, second)),
            }
        }
        for g in &mut groups {
            g.extend_from_slice(&empty);
        }
        ByFirstByte { groups }
    }

    /// The entries of group `g` whose inner byte may be `inner` (lower-cased; `NO_BYTE` for
    /// none), in list order. Only an entry that cannot match is left out: its byte next to the
    /// edge differs from the text's even ignoring ASCII case.
    fn select(&self, g: usize, inner: u16) -> impl Iterator<Item = usize> + '_ {
        self.groups
            .get(g)
            .into_iter()
            .flatten()
            .filter(move |&&(_, b)| b == NO_BYTE || b == inner)
            .map(|&(i, _)| i as usize)
    }

    /// Indices of the entries (grouped by last byte) that may end at `text[..end]`.
    pub fn ending(&self, text: &str, end: usize) -> impl Iterator<Item = usize> + '_ {
        let b = text.as_bytes();
        let byte = |i: Option<usize>| {
            i.and_then(|i| b.get(i))
                .map_or(NO_BYTE, |c| u16::from(c.to_ascii_lowercase()))
        };
        self.select(
            usize::from(byte(end.checked_sub(1))),
            byte(end.checked_sub(2)),
        )
    }

    /// Indices of the entries that may start at `text[at..]`, in list order.
    pub fn at<'s>(&'s self, text: &str, at: usize) -> impl Iterator<Item = usize> + 's {
        let b = text.as_bytes();
        let byte = |i: usize| {
            b.get(i)
                .map_or(NO_BYTE, |c| u16::from(c.to_ascii_lowercase()))
        };
        self.select(usize::from(byte(at)), byte(at + 1))
    }
}

/// No byte there (the end of the text, or a phrase of one byte).
const NO_BYTE: u16 = 256;

/// Lookup tables built once from the lexicon; every list is sorted longest first so that the
/// first match is the longest ("just over" before "over", "km/h" before "km").
#[derive(Debug, Clone)]
pub struct Compiled {
    /// One automaton for the phrases that start a claim without a numeral: vague amounts and
    /// multiplicative words. Pattern `i` means `trigger_kinds[i]`.
    pub triggers: aho_corasick::AhoCorasick,
    /// The meaning of each trigger pattern.
    pub trigger_kinds: Vec<Trigger>,
    /// Hedge phrases, lowercased.
    pub hedges: Vec<(String, Hedge)>,
    /// Hedge phrases after the number, lowercased.
    pub hedges_after: Vec<(String, Hedge)>,
    /// Exactness words, lowercased.
    pub exact: Vec<String>,
    /// Vague amounts, lowercased.
    pub multiples: Vec<(String, f64)>,
    /// Currency symbols, as written.
    pub currency_symbols: Vec<CurrencyForm>,
    /// Currency names, lowercased.
    pub currency_names: Vec<CurrencyForm>,
    /// Per unit (index into `NumericLexicon::unit`): symbol, dimension, factor, offset.
    pub units: Vec<(String, String, f64, f64)>,
    /// Unit symbols, as written.
    pub unit_symbols: Vec<UnitForm>,
    /// Unit names, lowercased.
    pub unit_names: Vec<UnitForm>,
    /// Percent words, lowercased.
    pub percent_words: Vec<String>,
    /// Percentage-point words, lowercased.
    pub point_words: Vec<String>,
    /// Nouns making "N-point" percentage points.
    pub point_nouns: WordSet,
    /// Up words (single words).
    pub up: WordSet,
    /// Down words (single words).
    pub down: WordSet,
    /// Up and down phrases of several words, lowercased, with their direction (+1/-1).
    pub direction_phrases: Vec<(String, i8)>,
    /// Up nouns.
    pub up_nouns: WordSet,
    /// Down nouns.
    pub down_nouns: WordSet,
    /// Additive phrases, lowercased.
    pub additive: Vec<String>,
    /// Multiplicative words and their factor.
    pub multiples_words: HashMap<String, f64>,
    /// "N times" plain followers, lowercased.
    pub times_plain: Vec<String>,
    /// "N times" comparative followers, lowercased.
    pub times_comparative: Vec<String>,
    /// Counted-noun stop words.
    pub count_stop: WordSet,
    /// Counted-noun modifiers.
    pub count_modifiers: WordSet,
    /// Irregular plurals.
    pub count_plurals: WordSet,
    /// Negation cues.
    pub negation: Vec<String>,
    /// Hypothetical cues.
    pub hypothetical: Vec<String>,
    /// Future cues.
    pub future: Vec<String>,
    /// One automaton over the negation, hypothetical and future cues (in that order of
    /// pattern ids: `negation.len()`, then `hypothetical.len()`, then the future cues).
    pub modality_cues: aho_corasick::AhoCorasick,
    /// One automaton over the trigger phrases and then the modality cues, searched for every
    /// overlapping occurrence: a single pass over a text finds both. Pattern `i` is trigger `i`
    /// below `trigger_kinds.len()`, modality cue `i - trigger_kinds.len()` above;
    /// `extract::numeric` keeps the triggers that a leftmost-longest search (`triggers`) finds.
    pub triggers_and_cues: aho_corasick::AhoCorasick,
    /// `currency_symbols` by first byte.
    pub currency_symbols_at: ByFirstByte,
    /// `currency_names` by first byte.
    pub currency_names_at: ByFirstByte,
    /// `unit_symbols` by first byte.
    pub unit_symbols_at: ByFirstByte,
    /// `unit_names` by first byte.
    pub unit_names_at: ByFirstByte,
    /// `percent_words` by first byte.
    pub percent_words_at: ByFirstByte,
    /// `point_words` by first byte.
    pub point_words_at: ByFirstByte,
    /// `currency_symbols` by last byte.
    pub currency_symbols_ending: ByFirstByte,
    /// `hedges` by last byte.
    pub hedges_ending: ByFirstByte,
    /// `exact` by last byte.
    pub exact_ending: ByFirstByte,
}

fn longest_first<T>(v: &mut [(String, T)]) {
    v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
}

fn lower_all(v: &[String]) -> Vec<String> {
    let mut out: Vec<String> = v.iter().map(|w| w.to_lowercase()).collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out
}

impl NumericLexicon {
    /// The embedded vocabulary.
    ///
    /// # Errors
    /// When the embedded file is invalid.
    pub fn builtin() -> Result<Self, Error> {
        parse_toml(
            "rules/lexicon/numeric.toml",
            include_str!("../../rules/lexicon/numeric.toml"),
        )
    }

    /// The lookup tables, built on first use.
    pub fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| self.compile())
    }

    fn compile(&self) -> Compiled {
        let mut hedges: Vec<(String, Hedge)> = self
            .hedge
            .iter()
            .flat_map(|e| e.words.iter().map(|w| (w.to_lowercase(), e.kind.hedge())))
            .collect();
        longest_first(&mut hedges);
        let mut hedges_after: Vec<(String, Hedge)> = self
            .hedge_after
            .iter()
            .flat_map(|e| e.words.iter().map(|w| (w.to_lowercase(), e.kind.hedge())))
            .collect();
        longest_first(&mut hedges_after);
        let mut multiples: Vec<(String, f64)> = self
            .multiples
            .iter()
            .flat_map(|e| e.words.iter().map(|w| (w.to_lowercase(), e.value)))
            .collect();
        longest_first(&mut multiples);
        let mut currency_symbols = Vec::new();
        let mut currency_names = Vec::new();
        for c in &self.currency {
            for s in &c.symbols {
                currency_symbols.push(CurrencyForm {
                    text: s.clone(),
                    code: c.code.clone(),
                    factor: c.factor,
                    weak: c.weak,
                });
            }
            for n in &c.names {
                currency_names.push(CurrencyForm {
                    text: n.to_lowercase(),
                    code: c.code.clone(),
                    factor: c.factor,
                    weak: c.weak,
                });
            }
        }
        currency_symbols.sort_by_key(|x| std::cmp::Reverse(x.text.len()));
        currency_names.sort_by_key(|x| std::cmp::Reverse(x.text.len()));
        let mut unit_symbols = Vec::new();
        let mut unit_names = Vec::new();
        for (i, u) in self.unit.iter().enumerate() {
            for s in &u.symbols {
                unit_symbols.push(UnitForm {
                    text: s.clone(),
                    unit: i,
                });
            }
            for n in &u.names {
                unit_names.push(UnitForm {
                    text: n.to_lowercase(),
                    unit: i,
                });
            }
        }
        unit_symbols.sort_by_key(|x| std::cmp::Reverse(x.text.len()));
        unit_names.sort_by_key(|x| std::cmp::Reverse(x.text.len()));
        let set = |v: &[String]| -> WordSet { v.iter().map(|w| w.to_lowercase()).collect() };
        let mut direction_phrases = Vec::new();
        let mut up = WordSet::default();
        let mut down = WordSet::default();
        for (words, dir, single) in [
            (&self.growth.up, 1i8, &mut up),
            (&self.growth.down, -1i8, &mut down),
        ] {
            for w in words {
                let w = w.to_lowercase();
                if w.contains(' ') {
                    direction_phrases.push((w, dir));
                } else {
                    single.insert(w);
                }
            }
        }
        longest_first(&mut direction_phrases);
        let multiples_words: HashMap<String, f64> = self
            .multiple
            .iter()
            .flat_map(|e| e.words.iter().map(|w| (w.to_lowercase(), e.factor)))
            .collect();
        let mut patterns: Vec<String> = Vec::new();
        let mut trigger_kinds = Vec::new();
        for (w, v) in &multiples {
            patterns.push(w.clone());
            trigger_kinds.push(Trigger::Multiples(*v));
        }
        for (w, f) in &multiples_words {
            patterns.push(w.clone());
            trigger_kinds.push(Trigger::Multiple(*f));
        }
        for w in lower_all(&self.percent.bare) {
            patterns.push(w);
            trigger_kinds.push(Trigger::BarePercent);
        }
        // A DFA: the fastest search, for a few kilobytes of tables built once.
        let triggers = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("trigger phrases build an automaton");
        let negation = lower_all(&self.modality.negation);
        let hypothetical = lower_all(&self.modality.hypothetical);
        let future = lower_all(&self.modality.future);
        let modality_cues = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(negation.iter().chain(&hypothetical).chain(&future))
            .expect("modality cues build an automaton");
        let triggers_and_cues = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(
                patterns
                    .iter()
                    .chain(&negation)
                    .chain(&hypothetical)
                    .chain(&future),
            )
            .expect("trigger phrases and modality cues build an automaton");
        let percent_words = lower_all(&self.percent.words);
        let point_words = lower_all(&self.percent.points);
        let exact = lower_all(&self.exact.words);
        Compiled {
            currency_symbols_ending: ByFirstByte::new_last(
                currency_symbols.iter().map(|c| c.text.as_str()),
            ),
            hedges_ending: ByFirstByte::new_last(hedges.iter().map(|h| h.0.as_str())),
            exact_ending: ByFirstByte::new_last(exact.iter().map(String::as_str)),
            modality_cues,
            triggers_and_cues,
            currency_symbols_at: ByFirstByte::new(currency_symbols.iter().map(|c| c.text.as_str())),
            currency_names_at: ByFirstByte::new(currency_names.iter().map(|c| c.text.as_str())),
            unit_symbols_at: ByFirstByte::new(unit_symbols.iter().map(|u| u.text.as_str())),
            unit_names_at: ByFirstByte::new(unit_names.iter().map(|u| u.text.as_str())),
            percent_words_at: ByFirstByte::new(percent_words.iter().map(String::as_str)),
            point_words_at: ByFirstByte::new(point_words.iter().map(String::as_str)),
            triggers,
            trigger_kinds,
            hedges,
            hedges_after,
            exact,
            multiples,
            currency_symbols,
            currency_names,
            units: self
                .unit
                .iter()
                .map(|u| (u.symbol.clone(), u.dimension.clone(), u.factor, u.offset))
                .collect(),
            unit_symbols,
            unit_names,
            percent_words,
            point_words,
            point_nouns: set(&self.percent.point_nouns),
            up,
            down,
            direction_phrases,
            up_nouns: set(&self.growth.up_nouns),
            down_nouns: set(&self.growth.down_nouns),
            additive: lower_all(&self.growth.additive),
            multiples_words,
            times_plain: lower_all(&self.times.plain),
            times_comparative: lower_all(&self.times.comparative),
            count_stop: set(&self.count.stop),
            count_modifiers: set(&self.count.modifiers),
            count_plurals: set(&self.count.plurals),
            negation,
            hypothetical,
            future,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_compiles() {
        let lex = NumericLexicon::builtin().unwrap();
        let c = lex.compiled();
        assert!(c
            .hedges
            .iter()
            .any(|(w, h)| w == "just over" && *h == Hedge::JustAbove));
        // Longest first: "just over" must be tried before "over".
        let pos = |w: &str| c.hedges.iter().position(|(x, _)| x == w).unwrap();
        assert!(pos("just over") < pos("over"));
        assert!(c.unit_symbols.iter().any(|u| u.text == "TiB"));
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = parse_toml::<NumericLexicon>(
            "x.toml",
            "[[hedge]]\nkind = \"above\"\nwords = []\nbogus = 1\n",
        );
        assert!(e.is_err());
    }
}
