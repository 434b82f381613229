//! The hedge words of the lexicon against the hedge model: one case per word of
//! `rules/lexicon/numeric.toml`, so a word added there is tested here. An integration test,
//! because the model (`hedge`) sits below the lexicon that names its words.

use crosscheck::hedge::{Hedge, Range, Stated};
use crosscheck::lexicon::numeric::NumericLexicon;

/// Every hedge word of the lexicon (before and after the figure) with its meaning.
fn lexicon_words() -> Vec<(String, Hedge)> {
    let lex = NumericLexicon::builtin().unwrap();
    let c = lex.compiled();
    c.hedges.iter().chain(&c.hedges_after).cloned().collect()
}

/// The interval a hedge kind gives the figure 500 (written with step 100), as
/// (lo, lo_open, hi, hi_open).
fn expected(h: Hedge) -> (f64, bool, f64, bool) {
    let inf = f64::INFINITY;
    match h {
        Hedge::Exact => (450.0, false, 550.0, false),
        Hedge::Above => (500.0, true, inf, false),
        Hedge::AtLeast => (500.0, false, inf, false),
        Hedge::JustAbove => (500.0, false, 535.0, false),
        Hedge::Nearly => (465.0, false, 500.0, false),
        Hedge::Below => (-inf, false, 500.0, true),
        Hedge::AtMost => (-inf, false, 500.0, false),
        Hedge::About => (450.0, false, 550.0, false),
        Hedge::Multiples => (500.0, false, 5000.0, false),
    }
}

/// One case per hedge word of the lexicon, before and after the figure: the word's kind
/// gives "WORD 500" the interval of `expected`. The table is the lexicon itself, so a word
/// added there is tested here.
#[test]
fn every_hedge_word_gives_its_interval() {
    let words = lexicon_words();
    assert!(words.len() > 100, "{} hedge words", words.len());
    for (word, h) in words {
        let got = shape(Stated::hedged(500.0, h, Some(100.0)).allowed(0.0));
        assert_eq!(got, expected(h), "{word:?} 500 ({h:?})");
    }
}

#[test]
fn the_words_of_each_kind_are_the_expected_ones() {
    let words = lexicon_words();
    let kind = |w: &str| words.iter().find(|(x, _)| x == w).map(|(_, h)| *h);
    for (w, h) in [
        ("more than", Hedge::Above),
        ("over", Hedge::Above),
        ("at least", Hedge::AtLeast),
        ("or more", Hedge::AtLeast),
        ("just over", Hedge::JustAbove),
        ("nearly", Hedge::Nearly),
        ("almost", Hedge::Nearly),
        ("fewer than", Hedge::Below),
        ("under", Hedge::Below),
        ("up to", Hedge::AtMost),
        ("or fewer", Hedge::AtMost),
        ("about", Hedge::About),
        ("roughly", Hedge::About),
        ("or so", Hedge::About),
    ] {
        assert_eq!(kind(w), Some(h), "{w}");
    }
}

fn shape(r: Range) -> (f64, bool, f64, bool) {
    let round = |x: f64| {
        if x.is_finite() {
            (x * 1e6).round() / 1e6
        } else {
            x
        }
    };
    (round(r.lo), r.lo_open, round(r.hi), r.hi_open)
}
