//! The alignment vocabulary (rules/lexicon/terms.toml): stop words, related terms, event classes,
//! and the clause words that mark plans, running counts and parts. Related terms come from
//! WordNet (`lexicon::wordnet`) in the built-in vocabulary, and from the `related` groups of the
//! terms files on top of it.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;

use crate::error::{parse_toml, Error};
use crate::lexicon::wordnet::WordNet;
use crate::lexicon::{WordMap, WordSet};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermsFile {
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    related: Vec<Vec<String>>,
    #[serde(default)]
    events: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    plan: Vec<String>,
    #[serde(default)]
    running: Vec<String>,
    #[serde(default)]
    part: Vec<String>,
    #[serde(default)]
    attribution: Vec<String>,
}

/// The alignment vocabulary, indexed by stem.
#[derive(Debug, Clone, Default)]
pub struct TermsLexicon {
    /// Names what `canonical` answers: a fresh number each time related terms are added (a
    /// clone answers as its original), so that a thread's memory of canonical terms
    /// (`CANONICAL`) is never read for another vocabulary.
    id: u64,
    /// WordNet's groups of related words, in the built-in vocabulary (`None` in an empty one).
    wordnet: Option<&'static WordNet>,
    stop: WordSet,
    /// base term (`base`) -> canonical term of its related-terms group.
    canon: WordMap<String>,
    /// word (as listed, lowercase) -> event class; exact forms, since stems collide
    /// ("founded" and "found").
    events: WordMap<String>,
    /// Plan, running and part markers: lowercase phrases (one or more words).
    pub plan: Vec<String>,
    /// Running-count markers.
    pub running: Vec<String>,
    /// Part-of-a-whole markers.
    pub part: Vec<String>,
    /// Markers of a figure attributed to someone else's disputed claim.
    pub attribution: Vec<String>,
}

/// Porter-stems a lowercase word (remembered per thread, as `with_stem`).
#[must_use]
pub fn stem(word: &str) -> String {
    with_stem(word, str::to_string)
}

/// `stem` without the per-thread memory.
fn stem_uncached(word: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    }
    STEMMER.with(|s| s.stem(word).into_owned())
}

/// Distinct words a thread remembers the stems of before it starts over: prose repeats a small
/// vocabulary, so the cache stays small and bounded whatever the input.
const STEM_CACHE_WORDS: usize = 1 << 16;

/// The stem of a lowercase word, remembered per thread: the same words recur in every sentence
/// and stemming costs more than a lookup. Calls `f` with the stem, so that a caller that only
/// compares or looks it up allocates nothing.
pub fn with_stem<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static STEMS: RefCell<WordMap<String>> = RefCell::new(WordMap::default());
    }
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            return f(s);
        }
        if cache.len() >= STEM_CACHE_WORDS {
            cache.clear();
        }
        let s = stem_uncached(word);
        let r = f(&s);
        cache.insert(word.to_string(), s);
        r
    })
}

thread_local! {
    /// The canonical terms of words, for the vocabulary of that id (`TermsLexicon::id`).
    static CANONICAL: RefCell<(u64, WordMap<String>)> = RefCell::new((0, WordMap::default()));
}

impl TermsLexicon {
    /// The embedded vocabulary.
    ///
    /// # Errors
    /// When the embedded file is invalid.
    pub fn builtin() -> Result<Self, Error> {
        let path = "rules/lexicon/terms.toml";
        let f: TermsFile = parse_toml(path, include_str!("../../rules/lexicon/terms.toml"))?;
        let mut lex = TermsLexicon {
            wordnet: Some(WordNet::builtin()),
            ..TermsLexicon::default()
        };
        lex.extend(f);
        Ok(lex)
    }

    /// Parses a terms file.
    ///
    /// # Errors
    /// When the text is not a valid terms file.
    pub fn parse(path: &str, text: &str) -> Result<Self, Error> {
        let f: TermsFile = parse_toml(path, text)?;
        let mut lex = TermsLexicon::default();
        lex.extend(f);
        Ok(lex)
    }

    /// Adds the words of another terms file (a project's `lexicon/terms.toml`) to this
    /// vocabulary.
    ///
    /// # Errors
    /// When the text is not a valid terms file.
    pub fn merge(&mut self, path: &str, text: &str) -> Result<(), Error> {
        let f: TermsFile = parse_toml(path, text)?;
        self.extend(f);
        Ok(())
    }

    fn extend(&mut self, f: TermsFile) {
        static IDS: AtomicU64 = AtomicU64::new(1);
        self.id = IDS.fetch_add(1, Ordering::Relaxed);
        for w in f.stopwords {
            self.stop.insert(w.to_lowercase());
        }
        for group in f.related {
            let Some(first) = group.first() else { continue };
            let head = self.base(&first.to_lowercase());
            let head = self.canon.get(&head).cloned().unwrap_or(head);
            for w in &group {
                let base = self.base(&w.to_lowercase());
                if base != head {
                    self.canon.entry(base).or_insert_with(|| head.clone());
                }
            }
        }
        for (class, words) in f.events {
            for w in words {
                self.events.insert(w.to_lowercase(), class.clone());
            }
        }
        self.plan
            .extend(f.plan.into_iter().map(|s| s.to_lowercase()));
        self.running
            .extend(f.running.into_iter().map(|s| s.to_lowercase()));
        self.part
            .extend(f.part.into_iter().map(|s| s.to_lowercase()));
        self.attribution
            .extend(f.attribution.into_iter().map(|s| s.to_lowercase()));
    }

    /// True for a word (lowercase) that says nothing about a subject.
    #[must_use]
    pub fn is_stop(&self, lower: &str) -> bool {
        self.stop.contains(lower)
    }

    /// The canonical term of a lowercase word: its WordNet group's name or else its stem
    /// (`base`), mapped to its related-terms group.
    /// Remembered per thread for the vocabulary last asked (one lookup instead of two).
    #[must_use]
    pub fn canonical(&self, lower: &str) -> String {
        CANONICAL.with(|cache| {
            let mut cache = cache.borrow_mut();
            let (id, words) = &mut *cache;
            if *id != self.id || words.len() >= STEM_CACHE_WORDS {
                *id = self.id;
                words.clear();
            }
            if let Some(c) = words.get(lower) {
                return c.clone();
            }
            let c = self.canonical_uncached(lower);
            words.insert(lower.to_string(), c.clone());
            c
        })
    }

    /// `canonical` without the per-thread memory of canonical terms.
    fn canonical_uncached(&self, lower: &str) -> String {
        let base = self.base(lower);
        match self.canon.get(&base) {
            Some(c) => c.clone(),
            None => base,
        }
    }

    /// The term of a lowercase word before the terms files' related groups: the name of its
    /// WordNet group, else its stem.
    fn base(&self, lower: &str) -> String {
        let Some(wn) = self.wordnet else {
            return stem(lower);
        };
        let mut base = String::new();
        match wn.group_name(lower, &mut base) {
            Some(name) => name.to_string(),
            None if base.is_empty() => stem(lower),
            None => base,
        }
    }

    /// True when two lowercase words are the same term or related terms.
    #[must_use]
    pub fn related(&self, a: &str, b: &str) -> bool {
        self.canonical(a) == self.canonical(b)
    }

    /// The event class a lowercase word names, if any.
    #[must_use]
    pub fn event_class(&self, lower: &str) -> Option<&str> {
        self.events.get(lower).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordnet_synonyms_are_related() {
        let t = TermsLexicon::builtin().unwrap();
        for (a, b) in [
            ("stadium", "arena"),
            ("votes", "ballots"),
            ("homes", "dwellings"),
            ("attackers", "assailants"),
            ("bill", "invoice"),
            ("died", "perished"),
            ("residents", "occupants"),
            ("revenue", "receipts"),
            ("profit", "earnings"),
        ] {
            assert!(t.related(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn wordnet_derivations_are_related() {
        let t = TermsLexicon::builtin().unwrap();
        for (a, b) in [
            ("increase", "increased"),
            ("open", "opening"),
            ("closed", "closure"),
            ("found", "founding"),
            ("founded", "foundation"),
            ("enrol", "enrolment"),
            ("killed", "killing"),
            ("mayoral", "mayor"),
            ("elected", "election"),
        ] {
            assert!(t.related(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn unrelated_words_stay_apart() {
        let t = TermsLexicon::builtin().unwrap();
        for (a, b) in [
            ("killed", "injured"),
            ("homes", "customers"),
            ("revenue", "profit"),
            ("votes", "voters"),
            ("votes", "seats"),
            ("employees", "employers"),
            ("deaths", "injuries"),
            ("price", "cost"),
            ("strike", "hit"),
            ("patients", "people"),
        ] {
            assert!(!t.related(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn inflections_are_lemmatised_before_lookup() {
        let t = TermsLexicon::builtin().unwrap();
        let wn = WordNet::builtin();
        assert_eq!(wn.lemma("residents"), Some("resident"));
        assert_eq!(wn.lemma("killed"), Some("kill"));
        // Irregular forms through WordNet's exception lists, listed or not.
        assert!(t.related("won", "win"));
        assert!(t.related("children", "child"));
        assert!(t.related("struck", "strikes"));
        // Words WordNet has no group for keep their stems.
        assert_eq!(t.canonical("zorblax"), stem("zorblax"));
        assert!(t.related("zorblaxes", "zorblax"));
    }

    #[test]
    fn spelling_variants_of_the_terms_file_join_wordnet_groups() {
        let t = TermsLexicon::builtin().unwrap();
        assert!(t.related("enrollment", "enrolment"));
        assert!(t.related("enrollment", "enrolled"));
        assert!(t.related("programme", "program"));
        assert!(t.related("defence", "defense"));
    }

    #[test]
    fn an_empty_vocabulary_only_stems() {
        let t = TermsLexicon::default();
        assert!(!t.related("stadium", "arena"));
        assert!(t.related("stadiums", "stadium"));
    }

    #[test]
    fn remembered_stems_are_the_stemmer_s() {
        let words = [
            "running",
            "runs",
            "votes",
            "voted",
            "stadium",
            "stadiums",
            "enrolment",
            "generously",
            "cases",
            "caring",
            "",
            "a",
            "naïve",
            "école",
            "o'neill",
            "x-ray",
            "42",
        ];
        // Twice: the second time every word is remembered.
        for _ in 0..2 {
            for w in words {
                assert_eq!(stem(w), stem_uncached(w), "{w}");
                assert_eq!(with_stem(w, str::to_string), stem_uncached(w), "{w}");
            }
        }
    }

    #[test]
    fn remembered_canonical_terms_follow_the_vocabulary() {
        let builtin = TermsLexicon::builtin().unwrap();
        let mut merged = builtin.clone();
        merged
            .merge("x.toml", "related = [[\"apple\", \"orange\"]]\n")
            .unwrap();
        let words = ["holdings", "storage", "apple", "orange", "votes", "votes"];
        // Alternating vocabularies on one thread, each word asked twice.
        for _ in 0..2 {
            for w in words {
                for lex in [&builtin, &merged, &TermsLexicon::default()] {
                    assert_eq!(lex.canonical(w), lex.canonical_uncached(w), "{w}");
                }
            }
        }
        assert_eq!(merged.canonical("apple"), merged.canonical("orange"));
        assert_ne!(builtin.canonical("apple"), builtin.canonical("orange"));
    }

    #[test]
    fn irregular_event_verbs_are_listed() {
        let t = TermsLexicon::builtin().unwrap();
        assert_eq!(t.event_class("began"), Some("start"));
        assert_eq!(t.event_class("found"), Some("discovery"));
        assert_eq!(t.event_class("notified"), None);
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let e = TermsLexicon::parse("x.toml", "stopwords = []\nbogus = 1\n").unwrap_err();
        assert!(e.to_string().starts_with("x.toml:2:"), "{e}");
    }
}
