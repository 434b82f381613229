//! The numeric vocabulary (rules/lexicon/numeric.toml): hedges, currencies, units and the words
//! that are never counted nouns.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::claim::Hedge;
use crate::error::{parse_toml, Error};

/// One unit of measure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The short symbol reported as the claim's unit ("TB", "km").
    pub symbol: String,
    /// The dimension ("data", "length", ...): units convert only within one.
    pub dimension: String,
    /// Multiply by this to get the dimension's base unit.
    pub factor: f64,
    /// Then add this (temperatures).
    #[serde(default)]
    pub offset: f64,
    /// The words and symbols written after a number (matched lowercase).
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Currencies {
    #[serde(default)]
    prefix: BTreeMap<String, String>,
    #[serde(default)]
    suffix: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Nouns {
    #[serde(default)]
    not_counted: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NumericFile {
    #[serde(default)]
    hedges: BTreeMap<Hedge, Vec<String>>,
    #[serde(default)]
    currencies: Currencies,
    #[serde(default)]
    unit: Vec<Unit>,
    #[serde(default)]
    nouns: Nouns,
}

/// The numeric vocabulary, indexed for lookups.
#[derive(Debug, Clone, Default)]
pub struct NumericLexicon {
    /// Hedge phrases (lowercase), longest first.
    hedges: Vec<(String, Hedge)>,
    /// Currency prefixes (as written), longest first.
    prefix: Vec<(String, String)>,
    /// Currency suffix words (lowercase), longest first.
    suffix: Vec<(String, String)>,
    /// Units.
    units: Vec<Unit>,
    /// (word, unit index), longest first.
    unit_words: Vec<(String, usize)>,
    not_counted: HashSet<String>,
}

impl Ord for Hedge {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Hedge {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl NumericLexicon {
    /// The embedded vocabulary.
    ///
    /// # Errors
    /// When the embedded file is invalid.
    pub fn builtin() -> Result<Self, Error> {
        Self::parse(
            "rules/lexicon/numeric.toml",
            include_str!("../../rules/lexicon/numeric.toml"),
        )
    }

    /// Parses a numeric vocabulary file.
    ///
    /// # Errors
    /// When the text is invalid.
    pub fn parse(path: &str, text: &str) -> Result<Self, Error> {
        let f: NumericFile = parse_toml(path, text)?;
        let mut lex = NumericLexicon::default();
        for (h, words) in f.hedges {
            for w in words {
                lex.hedges.push((w.to_lowercase(), h));
            }
        }
        lex.hedges
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        lex.prefix = f.currencies.prefix.into_iter().collect();
        lex.prefix
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        lex.suffix = f
            .currencies
            .suffix
            .into_iter()
            .map(|(k, v)| (k.to_lowercase(), v))
            .collect();
        lex.suffix
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        for (i, u) in f.unit.iter().enumerate() {
            if !u.factor.is_finite() || u.factor <= 0.0 {
                return Err(Error::Invalid {
                    path: path.into(),
                    message: format!("unit {}: factor must be a positive number", u.symbol),
                });
            }
            for w in &u.words {
                lex.unit_words.push((w.to_lowercase(), i));
            }
        }
        lex.unit_words
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        lex.units = f.unit;
        lex.not_counted = f
            .nouns
            .not_counted
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect();
        Ok(lex)
    }

    /// Hedge phrases, longest first.
    #[must_use]
    pub fn hedges(&self) -> &[(String, Hedge)] {
        &self.hedges
    }

    /// The currency written right before a number (text before it): ISO code and its length.
    #[must_use]
    pub fn currency_prefix(&self, before: &str) -> Option<(String, usize)> {
        let t = before.trim_end_matches([' ', '\u{a0}']);
        let gap = before.len() - t.len();
        for (sym, code) in &self.prefix {
            if t.ends_with(sym.as_str()) {
                let is_code = sym.chars().all(|c| c.is_ascii_uppercase());
                // Codes need a word boundary before them and may have a space after; symbols
                // must touch the number.
                if is_code {
                    let s = t.len() - sym.len();
                    if t[..s]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                    {
                        continue;
                    }
                } else if gap > 0 {
                    continue;
                }
                return Some((code.clone(), sym.len() + gap));
            }
        }
        None
    }

    /// A currency word right after a number (lowercase text after it): ISO code and length,
    /// including a scale word before it ("million euros" is handled by the numeral).
    #[must_use]
    pub fn currency_suffix(&self, lower_after: &str) -> Option<(String, usize)> {
        let t = lower_after.trim_start_matches(' ');
        let gap = lower_after.len() - t.len();
        if gap > 1 {
            return None;
        }
        for (w, code) in &self.suffix {
            if t.starts_with(w.as_str()) && !t[w.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                return Some((code.clone(), gap + w.len()));
            }
        }
        None
    }

    /// The unit right after a number (lowercase text after it) and its length.
    #[must_use]
    pub fn unit_after(&self, lower_after: &str) -> Option<(&Unit, usize)> {
        let t = lower_after.trim_start_matches([' ', '-']);
        let gap = lower_after.len() - t.len();
        if gap > 1 {
            return None;
        }
        for (w, i) in &self.unit_words {
            if t.starts_with(w.as_str()) && !t[w.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                return Some((&self.units[*i], gap + w.len()));
            }
        }
        None
    }

    /// True when a unit word is spelled `w`.
    #[must_use]
    pub fn unit_words_contains(&self, w: &str) -> bool {
        self.unit_words.iter().any(|(x, _)| x == w)
    }

    /// True for a word that is never the counted noun after a number.
    #[must_use]
    pub fn is_noun_stop(&self, w: &str) -> bool {
        self.not_counted.contains(w)
    }
}
