//! Vocabularies as data: number words, scales, hedges, units, currencies, growth verbs, months,
//! related terms. Each lives in `rules/lexicon/*.toml`, is embedded in the binary, and is parsed
//! strictly (unknown keys are errors with file and line).

pub mod numeric;
pub mod temporal;
pub mod terms;
pub mod wordnet;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::error::Error;

/// Every vocabulary crosscheck uses.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Hedges, scales, units, currencies, growth verbs.
    pub numeric: numeric::NumericLexicon,
    /// Months, weekdays, seasons, period words.
    pub temporal: temporal::TemporalLexicon,
    /// Related terms and stop words for alignment.
    pub terms: terms::TermsLexicon,
}

impl Lexicon {
    /// The built-in vocabularies (embedded from `rules/lexicon`).
    ///
    /// # Panics
    /// Never in a released build: the embedded files are checked by a test.
    #[must_use]
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::load_builtin().expect("built-in lexicon is valid"))
    }

    /// The built-in vocabularies extended by the `lexicon/terms.toml` of each rules folder that
    /// has one (a project's own related terms, event words and markers).
    ///
    /// # Errors
    /// An unreadable or invalid terms file.
    pub fn with_folders(dirs: &[std::path::PathBuf]) -> Result<Lexicon, Error> {
        let mut lex = Lexicon::builtin().clone();
        for d in dirs {
            let p = d.join("lexicon").join("terms.toml");
            if !p.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&p).map_err(|e| Error::Io {
                path: p.clone(),
                source: e,
            })?;
            lex.terms.merge(&p.display().to_string(), &text)?;
        }
        Ok(lex)
    }

    /// Parses the built-in vocabularies.
    ///
    /// # Errors
    /// When an embedded file is invalid (a bug caught by the test suite).
    pub fn load_builtin() -> Result<Lexicon, Error> {
        Ok(Lexicon {
            numeric: numeric::NumericLexicon::builtin()?,
            temporal: temporal::TemporalLexicon::builtin()?,
            terms: terms::TermsLexicon::builtin()?,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_lexicon_parses() {
        super::Lexicon::load_builtin().unwrap();
    }
}

/// FNV-1a, the hasher of the vocabularies' word maps. Extraction looks up nearly every word of a
/// text in them, and for words of a few bytes SipHash (the standard default) costs more than the
/// rest of the lookup; its resistance to crafted collisions buys nothing for a vocabulary the
/// binary embeds or the user supplies. Deterministic: nothing depends on iteration order anyway.
#[derive(Debug, Clone, Copy)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by (lower-case) words, with the fast word hasher.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// A set of (lower-case) words, with the fast word hasher.
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;
