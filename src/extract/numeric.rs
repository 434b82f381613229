//! The numeric claims: numbers, ordinals, percentages, money and quantities (measured with a
//! unit, or counts of a named noun), with hedges turned into bounds, ranges into intervals, and
//! modality flags. Changes ("tripled", "rose by 300%") are read from these mentions in
//! `change.rs`.
//!
//! Works from the numerals `numeral::scan_numerals` finds (one pass over the text) and from the
//! lexicon's trigger phrases; everything else is a look at the few bytes around each of them.
//! Must not emit claims for years standing alone or times of day: those belong to `temporal`.

// Byte scanners read best with short names for offsets (i, j, e) and the byte slice (b).
#![allow(clippy::many_single_char_names)]

use crate::claim::{Claim, Hedge, Interval, Kind, Modality};
use crate::document::Span;
use crate::lexicon::numeric::{Compiled, Trigger};

use super::change;
use super::numeral::{is_number_word, scan_numerals, tidy, Numeral};
use super::{Context, Extractor};

/// Extracts the numeric claims.
pub struct Numeric;

impl Extractor for Numeric {
    fn name(&self) -> &'static str {
        "numeric"
    }
    fn kinds(&self) -> &'static [Kind] {
        &[
            Kind::Number,
            Kind::Ordinal,
            Kind::Percent,
            Kind::Money,
            Kind::Quantity,
            Kind::Change,
        ]
    }
    fn extract(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Claim>) {
        let lex = ctx.lexicon.numeric.compiled();
        let nums = scan_numerals(text);
        // The trigger phrases (for `multiples` and the multiplicative changes) and the modality
        // cues, found in one pass.
        let (triggers, cue_hits) = triggers_and_cues(text, lex);
        let mut mentions = mentions(text, lex, &nums);
        multiples(text, lex, &triggers, &mut mentions);
        mentions.sort_by_key(|m| m.claim.span.start);
        merge_minor_units(text, &mut mentions);
        merge_pairs(text, lex, &mut mentions);
        // Straight into `out`: claims are large, every move of them costs.
        let first = out.len();
        out.reserve(mentions.len() * 2);
        change::changes(text, lex, &nums, &triggers, &mentions, out);
        bare_percents(text, lex, &triggers, &mentions, out);
        out.extend(mentions.into_iter().map(|m| m.claim));
        // The modality cues of the whole text, found once: one search instead of one per
        // claim over its clause (claims come a few dozen bytes apart in dense prose).
        if out.len() > first {
            let cues = ModalityCues::new(text, cue_hits);
            for c in &mut out[first..] {
                c.modality = cues.modality(text, lex, c.span);
            }
        }
    }
}

/// The trigger phrases of `text` as `Compiled::triggers` finds them (leftmost-longest, not
/// overlapping), and every occurrence of a modality cue, ordered by end: (start, end, cue id),
/// from one overlapping search of `Compiled::triggers_and_cues`.
fn triggers_and_cues(
    text: &str,
    lex: &Compiled,
) -> (Vec<aho_corasick::Match>, Vec<(usize, usize, usize)>) {
    let n = lex.trigger_kinds.len();
    let mut triggers: Vec<aho_corasick::Match> = Vec::with_capacity(text.len() / 32 + 4);
    let mut cues = Vec::with_capacity(text.len() / 8 + 4);
    for m in lex.triggers_and_cues.find_overlapping_iter(text) {
        let id = m.pattern().as_usize();
        if id < n {
            triggers.push(m);
        } else {
            cues.push((m.start(), m.end(), id - n));
        }
    }
    // Leftmost-longest from every occurrence: the earliest start wins, then the longest (then
    // the first pattern); the next match starts at or after its end.
    triggers.sort_unstable_by_key(|m| (m.start(), std::cmp::Reverse(m.end()), m.pattern()));
    let mut end = 0;
    triggers.retain(|m| {
        let keep = m.start() >= end;
        if keep {
            end = m.end();
        }
        keep
    });
    // Overlapping matches come ordered by end already; the sort is stable and keeps that.
    cues.sort_by_key(|h| h.1);
    (triggers, cues)
}

/// A numeric claim with the positions change detection needs.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The claim (its span starts at the hedge, if any).
    pub claim: Claim,
    /// Where the amount itself starts (after the hedge).
    pub core_start: usize,
    /// The value before currency or unit conversion, with hedge bounds (a percent's number).
    pub raw: Interval,
    /// True for percentage points.
    pub points: bool,
    /// True for "between X and Y", "X-Y".
    pub range: bool,
    /// True when the numeral was a fraction ("a third").
    pub fraction: bool,
}

// ------------------------------------------------------------------------------------------
// Small text helpers. All offsets are byte offsets into `text`; every returned offset is on a
// char boundary because it is the start or end of an ASCII byte or of a matched string.

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// True when `hay` starts with `needle`, ASCII case-insensitively.
fn starts_ci(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay.as_bytes()[..needle.len()].eq_ignore_ascii_case(needle.as_bytes())
}

/// True when `hay` ends with `needle`, ASCII case-insensitively.
fn ends_ci(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay.as_bytes()[hay.len() - needle.len()..].eq_ignore_ascii_case(needle.as_bytes())
}

/// True when a phrase of `text` starting at `s` and ending at `e` is word-bounded where the
/// phrase itself begins or ends with a word character.
fn bounded(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let left_ok = s == 0 || !is_word_byte(b[s]) || !is_word_byte(b[s - 1]);
    let right_ok = e >= b.len() || e == s || !is_word_byte(b[e - 1]) || !is_word_byte(b[e]);
    left_ok && right_ok
}

/// True when a phrase ending at `e` does not run into a word ("5 kmh" is not "5 km").
fn right_bounded(text: &str, e: usize) -> bool {
    let b = text.as_bytes();
    e >= b.len() || e == 0 || !is_word_byte(b[e - 1]) || !is_word_byte(b[e])
}

/// Skips up to `max` spaces (ASCII space, no-break space) forward.
fn skip_spaces(text: &str, mut i: usize, max: usize) -> usize {
    let mut n = 0;
    while n < max {
        if text[i..].starts_with(' ') {
            i += 1;
        } else if text[i..].starts_with('\u{a0}') {
            i += 2;
        } else {
            break;
        }
        n += 1;
    }
    i
}

/// Skips up to `max` spaces backward from `i`.
fn skip_spaces_back(text: &str, mut i: usize, max: usize) -> usize {
    let mut n = 0;
    while n < max && i > 0 {
        if text[..i].ends_with(' ') {
            i -= 1;
        } else if text[..i].ends_with('\u{a0}') {
            i -= 2;
        } else {
            break;
        }
        n += 1;
    }
    i
}

/// The longest phrase of `list` (lowercase, longest first) that ends at `end` (after spaces),
/// word-bounded: its start.
fn phrase_before<'a, T: Copy>(
    text: &str,
    end: usize,
    list: impl IntoIterator<Item = (&'a str, T)>,
) -> Option<(usize, T)> {
    let e = skip_spaces_back(text, end, 2);
    let before = &text[..e];
    for (p, t) in list {
        if ends_ci(before, p) {
            let s = e - p.len();
            if bounded(text, s, e) && text.is_char_boundary(s) {
                // A phrase made of symbols ("~", ">") may touch the number; a word may not.
                if e == end && p.as_bytes().last().is_some_and(|c| is_word_byte(*c)) {
                    continue;
                }
                return Some((s, t));
            }
        }
    }
    None
}

/// The longest phrase of `list` that starts at `start`, word-bounded: its end.
fn phrase_after<'a, T: Copy>(
    text: &str,
    start: usize,
    list: impl IntoIterator<Item = (&'a str, T)>,
) -> Option<(usize, T)> {
    let after = &text[start..];
    for (p, t) in list {
        if starts_ci(after, p) {
            let e = start + p.len();
            if text.is_char_boundary(e) && bounded(text, start, e) {
                return Some((e, t));
            }
        }
    }
    None
}

/// The ASCII word (letters, inner hyphens and apostrophes) starting at `i`, and its end.
fn word_at(text: &str, i: usize) -> (&str, usize) {
    let b = text.as_bytes();
    let mut e = i;
    while e < b.len()
        && (b[e].is_ascii_alphabetic()
            || (matches!(b[e], b'-' | b'\'')
                && e > i
                && b.get(e + 1).is_some_and(u8::is_ascii_alphabetic)))
    {
        e += 1;
    }
    (&text[i..e], e)
}

/// The word ending at `i` (skipping spaces before it), and its start.
fn word_before(text: &str, i: usize) -> (&str, usize) {
    let e = skip_spaces_back(text, i, 3);
    let b = text.as_bytes();
    let mut s = e;
    while s > 0 && (b[s - 1].is_ascii_alphabetic() || b[s - 1] == b'\'') {
        s -= 1;
    }
    (&text[s..e], s)
}

// ------------------------------------------------------------------------------------------
// Suffixes: what follows a numeral.

#[derive(Debug, Clone, PartialEq)]
enum Suffix {
    Percent,
    Points,
    Money { code: String, factor: f64 },
    Unit(usize),
}

/// Reads what follows a numeral at `end`: a percent sign, a currency, a unit. Returns the suffix
/// and where it ends. `value` decides weak currency names ("10 million pounds" is money, "25
/// pounds" a weight).
fn suffix(text: &str, lex: &Compiled, end: usize, value: f64) -> Option<(Suffix, usize)> {
    let b = text.as_bytes();
    let attached = end;
    let spaced = skip_spaces(text, end, 1);
    // Percentage points first: "7.2 percentage points".
    if let Some((e, ())) = phrase_after(
        text,
        spaced,
        lex.point_words_at
            .at(text, spaced)
            .map(|i| (lex.point_words[i].as_str(), ())),
    ) {
        return Some((Suffix::Points, e));
    }
    // "10.5-point margin", "a 7 point lead".
    for sep in ["-", " "] {
        if text[end..].starts_with(sep) {
            let p = end + sep.len();
            for w in ["points", "point", "pts", "pt"] {
                if starts_ci(&text[p..], w) && bounded(text, p, p + w.len()) {
                    let n = skip_spaces(text, p + w.len(), 1);
                    let (next, _) = word_at(text, n);
                    if super::with_lowercase(next, |w| lex.point_nouns.contains(w)) {
                        return Some((Suffix::Points, p + w.len()));
                    }
                }
            }
        }
    }
    for start in [attached, spaced] {
        if let Some((e, ())) = phrase_after(
            text,
            start,
            lex.percent_words_at
                .at(text, start)
                .map(|i| (lex.percent_words[i].as_str(), ())),
        ) {
            // "pc" and "pct" only right after the number.
            let w = &text[start..e];
            // "%28" is URL escaping, not a percentage.
            if w == "%" && b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            return Some((Suffix::Percent, e));
        }
    }
    // Currency symbols and codes after the number: "20€", "115USD", "10 $", "42 QAR".
    for start in [attached, spaced] {
        for c in lex
            .currency_symbols_at
            .at(text, start)
            .map(|i| &lex.currency_symbols[i])
        {
            if text[start..].starts_with(c.text.as_str()) {
                let e = start + c.text.len();
                let ok = if start == attached {
                    right_bounded(text, e)
                } else {
                    bounded(text, start, e)
                };
                if ok && !(c.weak && value.abs() < 1e6) {
                    return Some((
                        Suffix::Money {
                            code: c.code.clone(),
                            factor: c.factor,
                        },
                        e,
                    ));
                }
            }
        }
    }
    // Currency names: "5 dollars", "420 million finnish markka", "one-yen".
    let hyph = if b.get(end) == Some(&b'-') {
        end + 1
    } else {
        spaced
    };
    for start in [spaced, hyph, attached] {
        let found = if start == attached {
            // "50p", "10c": attached names need only a right boundary.
            lex.currency_names_at
                .at(text, start)
                .map(|i| &lex.currency_names[i])
                .find(|c| {
                    starts_ci(&text[start..], &c.text) && right_bounded(text, start + c.text.len())
                })
                .map(|c| (start + c.text.len(), c))
        } else {
            phrase_after(
                text,
                start,
                lex.currency_names_at
                    .at(text, start)
                    .map(|i| (lex.currency_names[i].text.as_str(), &lex.currency_names[i])),
            )
        };
        if let Some((e, c)) = found {
            if c.weak && value.abs() < 1e6 {
                continue;
            }
            // Single letters ("c", "p") only attached and in lower case: "10c", "50p" ("38.4C"
            // is a temperature).
            if c.text.len() == 1
                && (start != attached || text[start..].starts_with(|ch: char| ch.is_uppercase()))
            {
                continue;
            }
            return Some((
                Suffix::Money {
                    code: c.code.clone(),
                    factor: c.factor,
                },
                e,
            ));
        }
    }
    // Units: names after a space or hyphen, symbols after at most a space (one-letter symbols
    // only attached: "48m", "100t").
    for start in [spaced, hyph, attached] {
        if let Some((e, u)) = phrase_after(
            text,
            start,
            lex.unit_names_at
                .at(text, start)
                .map(|i| (lex.unit_names[i].text.as_str(), lex.unit_names[i].unit)),
        ) {
            return Some((Suffix::Unit(u), e));
        }
        if start == attached {
            // "200lbs", "2l": attached to the digits, only the right edge must be a boundary.
            for u in lex
                .unit_names_at
                .at(text, start)
                .map(|i| &lex.unit_names[i])
            {
                if starts_ci(&text[start..], &u.text) && right_bounded(text, start + u.text.len()) {
                    return Some((Suffix::Unit(u.unit), start + u.text.len()));
                }
            }
        }
    }
    for start in [attached, spaced] {
        for u in lex
            .unit_symbols_at
            .at(text, start)
            .map(|i| &lex.unit_symbols[i])
        {
            if text[start..].starts_with(u.text.as_str()) {
                let e = start + u.text.len();
                let one_letter =
                    u.text.chars().count() == 1 && u.text.as_bytes()[0].is_ascii_alphabetic();
                // A lone letter after a space ("7 g") only at the end of a phrase: "5 m people"
                // is millions, "from 2 to 7 g" grams.
                // A capital letter ("38.4C") only attached, and not as an initial ("C.P.I.").
                if one_letter
                    && u.text.as_bytes()[0].is_ascii_uppercase()
                    && (start != attached || b.get(e) == Some(&b'.'))
                {
                    continue;
                }
                if one_letter && start != attached {
                    let n = skip_spaces(text, e, 1);
                    let (next, _) = word_at(text, n);
                    let end_ok = n >= b.len()
                        || (n == e && !b[n].is_ascii_alphanumeric())
                        || ["of", "and", "to", "or"]
                            .iter()
                            .any(|w| next.eq_ignore_ascii_case(w));
                    if !end_ok {
                        continue;
                    }
                }
                // Quote-like symbols (inches, feet) only right after digits.
                if ["\"", "''", "'", "\u{2033}", "\u{2032}"].contains(&u.text.as_str())
                    && start != attached
                {
                    continue;
                }
                let ok = if start == attached {
                    right_bounded(text, e)
                } else {
                    bounded(text, start, e)
                };
                if ok && !b.get(e).is_some_and(u8::is_ascii_digit) {
                    return Some((Suffix::Unit(u.unit), e));
                }
            }
        }
    }
    None
}

/// A currency symbol or code ending at `p` (with at most one space before the number).
fn currency_before(text: &str, lex: &Compiled, p: usize) -> Option<(usize, String, f64)> {
    for e in [p, skip_spaces_back(text, p, 1)] {
        let before = &text[..e];
        for c in lex
            .currency_symbols_ending
            .ending(text, e)
            .map(|i| &lex.currency_symbols[i])
        {
            if c.weak || c.text.is_empty() {
                continue;
            }
            if before.ends_with(c.text.as_str()) {
                let s = e - c.text.len();
                // Only the left edge matters: the right one touches the number ("USD3").
                let b = text.as_bytes();
                if (s == 0 || !is_word_byte(b[s]) || !is_word_byte(b[s - 1]))
                    && !owned_by_previous(text, lex, s)
                {
                    return Some((s, c.code.clone(), c.factor));
                }
            }
        }
    }
    None
}

/// True when a currency symbol at `s` follows a bare number ("10 $ 30 $"): the symbol is that
/// number's suffix. A number that has its own symbol before it ("$ 20 $ 37") leaves the next
/// symbol to the next number.
fn owned_by_previous(text: &str, lex: &Compiled, s: usize) -> bool {
    let e = skip_spaces_back(text, s, 1);
    let b = text.as_bytes();
    if e == 0 || !b[e - 1].is_ascii_digit() {
        return false;
    }
    let mut d = e;
    while d > 0 && (b[d - 1].is_ascii_digit() || matches!(b[d - 1], b',' | b'.')) {
        d -= 1;
    }
    let p = skip_spaces_back(text, d, 1);
    let before = &text[..p];
    !lex.currency_symbols
        .iter()
        .any(|c| !c.text.is_empty() && before.ends_with(c.text.as_str()))
}

/// The counted noun after `end`: "1,200 jobs", "2.4 million patient records", "42,000-seat".
fn counted_noun(text: &str, lex: &Compiled, end: usize, value: f64) -> Option<(String, usize)> {
    let b = text.as_bytes();
    // A hyphenated compound: "the 42,000-seat stadium" counts seats.
    if b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(u8::is_ascii_lowercase) {
        let (w, e) = word_at(text, end + 1);
        let lw = w.to_ascii_lowercase();
        if w.len() >= 3 && !lex.count_stop.contains(&lw) && !w.contains('-') && noun_like(&lw) {
            // The compound is singular ("seat"); the count is of seats. A consonant and "y"
            // ends a measure, not a thing counted: "a 27,000-capacity ground".
            let measure = lw.ends_with('y')
                && lw
                    .as_bytes()
                    .get(lw.len().wrapping_sub(2))
                    .is_some_and(|c| !b"aeiou".contains(c));
            let plural = if lw.ends_with('s') || measure {
                lw
            } else {
                format!("{lw}s")
            };
            let after = skip_spaces(text, e, 1);
            let (next, _) = word_at(text, after);
            // "a 10-year-old", "50-odd" and similar are not counts of things.
            if next.is_empty() || next.as_bytes()[0].is_ascii_lowercase() {
                return Some((plural, e));
            }
        }
        return None;
    }
    if b.get(end) != Some(&b' ') {
        return None;
    }
    let mut i = end + 1;
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut skipped = 0;
    while words.len() < 2 {
        let (w, e) = word_at(text, i);
        if w.len() < 2 || !w.as_bytes()[0].is_ascii_lowercase() {
            break;
        }
        // Looked up before any allocation: most words after a number are no counted noun.
        let (modifier, stop) = super::with_lowercase(w, |lw| {
            let modifier = words.is_empty() && skipped < 2 && lex.count_modifiers.contains(lw);
            (
                modifier,
                !modifier && (lex.count_stop.contains(lw) || !noun_like(lw)),
            )
        });
        if modifier {
            skipped += 1;
        } else {
            if stop {
                break;
            }
            words.push((w.to_ascii_lowercase(), e));
        }
        if b.get(e) != Some(&b' ') {
            break;
        }
        i = e + 1;
    }
    let picked = match words.len() {
        0 => None,
        1 => Some(words.remove(0)),
        _ => {
            // "patient records": a noun modifier then a plural head. Otherwise the first word
            // is the head ("jobs were").
            let (w1, e1) = words[0].clone();
            let (w2, e2) = words[1].clone();
            if !w1.ends_with('s') && plural(lex, &w2) {
                Some((format!("{w1} {w2}"), e2))
            } else {
                Some((w1, e1))
            }
        }
    };
    // Counts above one take a plural head ("8088 chip" is a name, "1,200 jobs" a count).
    picked.filter(|(w, _)| value == 1.0 || plural(lex, w.rsplit(' ').next().unwrap_or(w)))
}

/// A plural noun: ends in "s" (not "ss", "us", "is"), or is listed as an irregular plural.
fn plural(lex: &Compiled, w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
        || lex.count_plurals.contains(w)
}

/// Cheap morphology: verbs in -ed/-ing and adverbs in -ly are not counted nouns.
fn noun_like(w: &str) -> bool {
    !(w.ends_with("ed")
        || w.ends_with("ing")
        || w.ends_with("ly")
        || w.contains('\'')
        || is_number_word(w))
}

/// "380 gigabytes of data": the measured noun after a unit.
fn of_noun(text: &str, lex: &Compiled, end: usize) -> Option<String> {
    let rest = &text[end..];
    if !starts_ci(rest, " of ") {
        return None;
    }
    let (w, _) = word_at(text, end + 4);
    let lw = w.to_ascii_lowercase();
    (w.len() >= 2 && w.as_bytes()[0].is_ascii_lowercase() && !lex.count_stop.contains(&lw))
        .then_some(lw)
}

// ------------------------------------------------------------------------------------------

/// A parsed amount: numeral plus what surrounds it.
struct Amount {
    start: usize,
    core_start: usize,
    end: usize,
    value: f64,
    precision: f64,
    currency: Option<(String, f64)>,
    suffix: Option<Suffix>,
    noun: Option<String>,
}

/// Reads the amount whose numeral is `n`: a currency symbol before it, a short money scale, and
/// what follows.
fn amount(text: &str, lex: &Compiled, n: &Numeral) -> Amount {
    let b = text.as_bytes();
    let mut value = n.value;
    let mut precision = n.precision;
    let mut end = n.end;
    let mut core_start = n.start;
    let mut currency = None;
    if let Some((s, code, factor)) = currency_before(text, lex, n.start) {
        core_start = s;
        currency = Some((code, factor));
        // "$5m", "€2b", "£3bn": single-letter scales are safe after a currency symbol.
        if !n.scaled {
            let (w, e) = word_at(text, end);
            let k = match w {
                // "mil" and "bil" are headline abbreviations ("$29.3 mil").
                "m" | "M" | "mn" | "MM" | "mil" => 1e6,
                "b" | "B" | "bn" | "bil" => 1e9,
                "k" | "K" => 1e3,
                "tn" | "T" => 1e12,
                _ => 1.0,
            };
            if k != 1.0 && !b.get(e).is_some_and(u8::is_ascii_digit) {
                value = tidy(value * k);
                precision = tidy(precision * k);
                end = e;
            } else if w.is_empty() && b.get(end) == Some(&b' ') {
                // "$29.3 mil", "$4 bn": an abbreviated scale of two letters or more after a space.
                let (w, e) = word_at(text, end + 1);
                let k = match w {
                    "mil" | "mn" | "mln" => 1e6,
                    "bil" | "bn" | "bln" => 1e9,
                    _ => 1.0,
                };
                if k != 1.0 && !b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                    value = tidy(value * k);
                    precision = tidy(precision * k);
                    end = e;
                }
            }
        }
    }
    let mut suffix_found = suffix(text, lex, end, value);
    if currency.is_some() {
        // After "$", a unit would be nonsense and a second symbol is the next amount's.
        suffix_found = None;
    }
    let mut noun = None;
    let suffix = suffix_found.map(|(s, e)| {
        end = e;
        s
    });
    if let Some(Suffix::Money { code, factor }) = &suffix {
        currency = Some((code.clone(), *factor));
    }
    if suffix.is_none() && currency.is_none() {
        if let Some((w, e)) = counted_noun(text, lex, end, n.value) {
            noun = Some(w);
            end = e;
        }
    } else if matches!(suffix, Some(Suffix::Unit(_))) {
        noun = of_noun(text, lex, end);
    }
    Amount {
        start: core_start,
        core_start,
        end,
        value,
        precision,
        currency,
        suffix,
        noun,
    }
}

/// The connector between two ends of a range ("-", "to", "and"...), ending where the second
/// amount may start.
fn range_connector(text: &str, end: usize, between: bool, from: bool) -> Option<usize> {
    let s = skip_spaces(text, end, 2);
    let rest = &text[s..];
    let len = if between {
        if starts_ci(rest, "and ") {
            3
        } else {
            return None;
        }
    } else if rest.starts_with('-') || rest.starts_with('~') {
        1
    } else if rest.starts_with('\u{2013}') || rest.starts_with('\u{2014}') {
        3
    } else if starts_ci(rest, "to ") || starts_ci(rest, "through ") {
        rest.find(' ').unwrap_or(2)
    } else {
        let _ = from;
        return None;
    };
    let mut e = skip_spaces(text, s + len, 2);
    // "2 - ~7 grams", "between 2.0 g and about 7.0 g".
    if text[e..].starts_with('~') {
        e += 1;
    } else if starts_ci(&text[e..], "about ") || starts_ci(&text[e..], "around ") {
        e = skip_spaces(text, e + text[e..].find(' ').unwrap_or(0), 1);
    }
    Some(e)
}

/// Builds the claims of every numeral; ranges consume two numerals.
fn mentions(text: &str, lex: &Compiled, nums: &[Numeral]) -> Vec<Mention> {
    // At most one mention per numeral; mentions are large, and growing the vector moves them.
    let mut out = Vec::with_capacity(nums.len() + 4);
    let mut k = 0;
    while k < nums.len() {
        let n = &nums[k];
        k += 1;
        if n.ordinal {
            if let Some(m) = ordinal(text, n) {
                out.push(m);
            }
            continue;
        }
        if time_of_day(text, n) {
            continue;
        }
        if n.glued_left && currency_before(text, lex, n.start).is_none_or(|(s, _, _)| s == n.start)
        {
            continue;
        }
        let mut a = amount(text, lex, n);
        // A numeral glued to letters that are no unit ("5G", "3D", "4x4") is a name.
        if a.suffix.is_none()
            && a.currency.is_none()
            && text
                .as_bytes()
                .get(n.end)
                .is_some_and(u8::is_ascii_alphabetic)
            && a.end == n.end
        {
            continue;
        }
        // Range openers and hedges before the amount.
        let (between_start, between) = match word_before(text, a.start) {
            (w, s) if w.eq_ignore_ascii_case("between") => (Some(s), true),
            _ => (None, false),
        };
        let from_start = match word_before(text, a.start) {
            (w, s) if w.eq_ignore_ascii_case("from") => Some(s),
            _ => None,
        };
        // Ranges: "10-20", "between 10 and 20", "from $10 to $20", "3km-5km".
        let mut range: Option<(Amount, usize)> = None;
        if k < nums.len() && !nums[k].ordinal {
            let conn_end = [a.end, n.end].into_iter().find_map(|e| {
                range_connector(text, e, between, from_start.is_some()).map(|c| (e, c))
            });
            if let Some((first_end, c)) = conn_end {
                let m = &nums[k];
                let second_start = currency_before(text, lex, m.start).map_or(m.start, |x| x.0);
                let word_to = text[first_end..c].trim().to_ascii_lowercase();
                let dash = !word_to.starts_with("to")
                    && !word_to.starts_with("through")
                    && !word_to.starts_with("and");
                if second_start == c || m.start == c {
                    let b2 = amount(text, lex, m);
                    let kinds_agree = match (&a.suffix, &b2.suffix) {
                        (Some(x), Some(y)) => {
                            std::mem::discriminant(x) == std::mem::discriminant(y)
                        }
                        _ => true,
                    } && (a.currency.is_none()
                        || b2.currency.is_none()
                        || a.currency == b2.currency);
                    let years = n.is_year_like() || m.is_year_like();
                    // "10 to 20" needs "from" or a unit on the second end only ("5 to 10 km");
                    // with a unit on both ends ("7.2% to 58.4%") or after a growth verb
                    // ("jumped 7.2% to 58.4%") it is a change and a level, not a range. A dash
                    // needs nothing.
                    let unit_a = a.suffix.is_some() || a.currency.is_some();
                    let unit_b = b2.suffix.is_some() || b2.currency.is_some();
                    let to_ok = dash
                        || between
                        || from_start.is_some()
                        || ((word_to.starts_with("through") || (unit_b && !unit_a))
                            && !change::growth_before(text, lex, a.start));
                    // A percentage and an amount of money are never one range.
                    let kinds_agree = kinds_agree
                        && !(matches!(a.suffix, Some(Suffix::Percent | Suffix::Points))
                            && b2.currency.is_some())
                        && !(matches!(b2.suffix, Some(Suffix::Percent | Suffix::Points))
                            && a.currency.is_some());
                    // "+1-222-2222": a chain of dashed groups is a phone number or a code.
                    let chain = dash
                        && (text[b2.end..].starts_with('-') || text[b2.end..].starts_with('/'))
                        && text
                            .as_bytes()
                            .get(b2.end + 1)
                            .is_some_and(u8::is_ascii_digit);
                    let ordered = b2.value >= a.value || (a.value < 0.0);
                    if kinds_agree
                        && !years
                        && to_ok
                        && !chain
                        && ordered
                        && (first_end == a.end || a.suffix.is_none())
                    {
                        range = Some((
                            b2,
                            between_start
                                .or(if dash { None } else { from_start })
                                .unwrap_or(a.start),
                        ));
                    }
                }
            }
        }
        if let Some((b2, start)) = range {
            // A "from X to Y" after a growth verb is a change, read by change.rs from the two
            // separate amounts; only plain ranges merge.
            if from_start.is_some() && !between && change::growth_before(text, lex, start) {
                out.extend(single(text, lex, n, a));
                continue;
            }
            k += 1;
            let low_a = Amount { start, ..a };
            out.push(range_mention(&low_a, &b2, lex, text));
            continue;
        }
        if a.suffix.is_none()
            && a.currency.is_none()
            && n.digits
            && model_number(text, lex, a.core_start)
        {
            // "Office 365", "Windows 11", "Section 230": a name, not an amount.
            continue;
        }
        if n.is_year_like() && a.suffix.is_none() && a.currency.is_none() && a.noun.is_none() {
            // A year standing alone: the temporal extractor's.
            continue;
        }
        a.start = a.core_start;
        out.extend(single(text, lex, n, a));
    }
    out
}

/// True when the digits at `start` follow a capitalised word in mid-sentence that is no hedge
/// ("Office 365", "Boeing 737"): a product, model or section number.
fn model_number(text: &str, lex: &Compiled, start: usize) -> bool {
    let b = text.as_bytes();
    if start == 0 || b[start - 1] != b' ' {
        return false;
    }
    let (w, ws) = word_before(text, start);
    if w.len() < 2
        || !w.as_bytes()[0].is_ascii_uppercase()
        || hedge_before(text, lex, start).is_some()
    {
        return false;
    }
    // Sentence-initial capitals ("In 2019", "Some 300") are ordinary words.
    let p = skip_spaces_back(text, ws, 2);
    let sentence_start =
        p == 0 || matches!(b[p - 1], b'.' | b'!' | b'?' | b'\n' | b'"' | b':' | b'(');
    if sentence_start {
        return false;
    }
    // Headlines capitalise every word; a name has a lower-case word before it.
    let (prev, _) = word_before(text, ws);
    !prev.is_empty() && prev.as_bytes()[0].is_ascii_lowercase()
}

/// "3 pm", "10:30", "3 o'clock": times of day are not claims here.
fn time_of_day(text: &str, n: &Numeral) -> bool {
    let rest = &text[n.end..];
    let prev = &text[..n.start];
    rest.starts_with(':') && rest.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
        || prev.ends_with(':')
            && prev.len() >= 2
            && prev.as_bytes()[prev.len() - 2].is_ascii_digit()
        || [
            " pm", " am", "pm", "am", " p.m.", " a.m.", "p.m.", "a.m.", " o'clock", " GMT", " BST",
            " ET", " EST", " PST", " UTC",
        ]
        .iter()
        .any(|s| {
            starts_ci(rest, s)
                && !rest
                    .as_bytes()
                    .get(s.len())
                    .is_some_and(u8::is_ascii_alphabetic)
        })
}

fn ordinal(text: &str, n: &Numeral) -> Option<Mention> {
    let w = &text[n.start..n.end];
    if w.eq_ignore_ascii_case("second") {
        // "a second", "per second", "one second": the time unit.
        let (p, _) = word_before(text, n.start);
        if [
            "a", "an", "per", "one", "each", "every", "split", "nano", "milli",
        ]
        .iter()
        .any(|x| p.eq_ignore_ascii_case(x))
        {
            return None;
        }
    }
    let mut c = Claim::new(0, Span::new(n.start, n.end), Kind::Ordinal);
    c.value = Some(Interval::exact(n.value));
    Some(Mention {
        claim: c,
        core_start: n.start,
        raw: Interval::exact(n.value),
        points: false,
        range: false,
        fraction: false,
    })
}

/// The hedge before `start`, if any: its start and meaning.
#[must_use]
pub fn hedge_before(text: &str, lex: &Compiled, start: usize) -> Option<(usize, Hedge)> {
    let e = skip_spaces_back(text, start, 2);
    let h = phrase_before(
        text,
        start,
        lex.hedges_ending
            .ending(text, e)
            .map(|i| (lex.hedges[i].0.as_str(), lex.hedges[i].1)),
    );
    if h.is_some() {
        return h;
    }
    phrase_before(
        text,
        start,
        lex.exact_ending
            .ending(text, e)
            .map(|i| (lex.exact[i].as_str(), Hedge::Exact)),
    )
}

fn single(text: &str, lex: &Compiled, n: &Numeral, mut a: Amount) -> Option<Mention> {
    // "this one", "which one": a pronoun, not a count; "one more season" means another.
    if n.end - n.start == 3
        && text[n.start..n.end].eq_ignore_ascii_case("one")
        && a.suffix.is_none()
        && a.currency.is_none()
    {
        if starts_ci(&text[n.end..], " more ") {
            return None;
        }
        let (p, _) = word_before(text, n.start);
        if [
            "this", "that", "which", "the", "any", "every", "each", "no", "another", "last",
            "next", "only", "little", "big", "new", "old", "someone", "anyone",
        ]
        .iter()
        .any(|x| p.eq_ignore_ascii_case(x))
        {
            return None;
        }
    }
    let (start, mut hedge) =
        hedge_before(text, lex, a.core_start).unwrap_or((a.core_start, Hedge::Exact));
    if matches!(hedge, Hedge::Exact | Hedge::About) {
        let s = if text[a.end..].starts_with('-') {
            a.end
        } else {
            skip_spaces(text, a.end, 1)
        };
        if let Some((e, h)) = phrase_after(
            text,
            s,
            lex.hedges_after.iter().map(|(w, h)| (w.as_str(), *h)),
        ) {
            hedge = h;
            a.end = e;
        }
    }
    let mut raw = Interval::hedged(a.value, hedge);
    let mut c = Claim::new(0, Span::new(start, a.end), Kind::Number);
    c.hedge = hedge;
    c.precision = (a.precision > 0.0).then_some(a.precision);
    let mut points = false;
    match (&a.suffix, &a.currency) {
        (Some(Suffix::Percent), _) => {
            c.kind = Kind::Percent;
            c.value = Some(raw);
        }
        (Some(Suffix::Points), _) => {
            c.kind = Kind::Percent;
            c.unit = Some("pp".into());
            c.value = Some(raw);
            points = true;
        }
        (_, Some((code, factor))) => {
            c.kind = Kind::Money;
            c.value = Some(raw.scale(*factor));
            c.precision = c.precision.map(|p| p * factor);
            c.unit = (!code.is_empty()).then(|| code.clone());
        }
        (Some(Suffix::Unit(u)), None) => {
            let unit = &lex_unit(lex, *u);
            c.kind = Kind::Quantity;
            c.value = Some(raw);
            c.unit = Some(unit.0.clone());
            c.dimension = Some(unit.1.clone());
            c.base = Some(to_base(raw, unit.2, unit.3));
            c.noun.clone_from(&a.noun);
        }
        (Some(Suffix::Money { .. }), None) => unreachable_money(&mut c, raw),
        (None, None)
            if n.fraction && a.noun.is_none() && a.value < 1.0 && fraction_of(text, a.end) =>
        {
            // "a third of", "1/4 of voters": a share of a whole, stated as a percentage.
            c.kind = Kind::Percent;
            raw = percent_of_fraction(raw);
            c.value = Some(raw);
            c.precision = None;
        }
        (None, None) => {
            if let Some(noun) = &a.noun {
                c.kind = Kind::Quantity;
                c.dimension = Some("count".into());
                c.unit = Some(noun.clone());
                c.noun = Some(noun.clone());
            }
            c.value = Some(raw);
        }
    }
    let _ = text;
    Some(Mention {
        claim: c,
        core_start: a.core_start,
        raw,
        points,
        range: false,
        fraction: n.fraction,
    })
}

/// A fraction's interval as a percentage: 1/3 -> 33.33.
fn percent_of_fraction(v: Interval) -> Interval {
    let v = v.scale(100.0);
    Interval {
        point: tidy(v.point),
        low: v.low.map(tidy),
        high: v.high.map(tidy),
    }
}

/// True when "of" follows `end`: "a third of", "1/4 of the vote".
fn fraction_of(text: &str, end: usize) -> bool {
    let s = skip_spaces(text, end, 1);
    s > end && starts_ci(&text[s..], "of") && right_bounded(text, s + 2)
}

/// "thirteen dollars and forty-five cents", "$20 and 43c": a major amount followed by a minor
/// one of the same currency is one amount.
fn merge_minor_units(text: &str, mentions: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i].claim, &mentions[i + 1].claim);
        let joined = a.kind == Kind::Money
            && b.kind == Kind::Money
            && a.unit.is_some()
            && a.unit == b.unit
            && a.span.end <= b.span.start
            && matches!(text[a.span.end..b.span.start].trim(), "" | "and" | ",")
            && b.value
                .is_some_and(|v| v.point < 1.0 && v.low.is_none() && v.high.is_none())
            && a.value
                .is_some_and(|v| v.point >= 1.0 && v.point.fract() == 0.0);
        // "15 dollars 50", "twenty ringgit and 43": a named major unit and a bare count of
        // hundredths that ends the phrase.
        let bare_minor = !joined
            && a.kind == Kind::Money
            && b.kind == Kind::Number
            && a.span.end <= b.span.start
            && matches!(text[a.span.end..b.span.start].trim(), "" | "and")
            && text[..a.span.end]
                .bytes()
                .last()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && a.value
                .is_some_and(|v| v.point >= 1.0 && v.point.fract() == 0.0 && v.low.is_none())
            && b.value.is_some_and(|v| {
                v.point >= 1.0 && v.point < 100.0 && v.point.fract() == 0.0 && v.low.is_none()
            })
            && phrase_ends(text, b.span.end);
        if bare_minor {
            if let Some(v) = &mut mentions[i + 1].claim.value {
                v.point /= 100.0;
            }
        }
        if joined || bare_minor {
            let b = &mentions[i + 1].claim;
            let add = b.value.map_or(0.0, |v| v.point);
            let end = b.span.end;
            let m = &mut mentions[i];
            if let Some(v) = &mut m.claim.value {
                v.point = tidy(v.point + add);
                v.low = v.low.map(|x| tidy(x + add));
                v.high = v.high.map(|x| tidy(x + add));
            }
            m.claim.span = Span::new(m.claim.span.start, end);
            m.claim.precision = Some(0.01);
            mentions.remove(i + 1);
        }
        i += 1;
    }
}

/// True when nothing that continues the phrase follows `end`: punctuation, the end of the
/// text, or a conjunction.
fn phrase_ends(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    match rest.bytes().next() {
        None => true,
        Some(c) if !c.is_ascii_alphanumeric() => !matches!(c, b'%' | b'$' | b'-'),
        Some(_) => {
            let (w, _) = word_at(rest, 0);
            ["and", "or", "but"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
        }
    }
}

/// Joins two neighbouring mentions that state one value:
/// - opposite one-sided bounds: "more than 10 and less than 20" -> 10..20;
/// - compound measures: "5 feet 2 inches", "2 km and 1 metre" -> one length in the smaller unit;
/// - ratios: "one in five", "2 out of 3" -> 0.2, 0.667.
fn merge_pairs(text: &str, lex: &Compiled, mentions: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if b.claim.span.start < a.claim.span.end {
            i += 1;
            continue;
        }
        let sep = text[a.claim.span.end..b.claim.span.start]
            .trim()
            .to_ascii_lowercase();
        let merged = merge_bounds(a, b, &sep)
            .or_else(|| merge_compound(lex, a, b, &sep))
            .or_else(|| merge_ratio(a, b, &sep));
        if let Some(m) = merged {
            mentions[i] = m;
            mentions.remove(i + 1);
        }
        i += 1;
    }
}

fn merge_bounds(a: &Mention, b: &Mention, sep: &str) -> Option<Mention> {
    if !matches!(sep, "and" | "but" | "," | ", and" | ", but")
        || a.claim.kind != b.claim.kind
        || a.claim.unit != b.claim.unit
    {
        return None;
    }
    let (va, vb) = (a.claim.value?, b.claim.value?);
    let ((Some(low), None, None, Some(high)) | (None, Some(high), Some(low), None)) =
        (va.low, va.high, vb.low, vb.high)
    else {
        return None;
    };
    if low >= high {
        return None;
    }
    let mut m = a.clone();
    m.claim.span = Span::new(a.claim.span.start, b.claim.span.end);
    m.claim.value = Some(Interval {
        point: f64::midpoint(low, high),
        low: Some(low),
        high: Some(high),
    });
    m.claim.hedge = Hedge::Exact;
    m.range = true;
    Some(m)
}

fn merge_compound(lex: &Compiled, a: &Mention, b: &Mention, sep: &str) -> Option<Mention> {
    if !matches!(sep, "" | "," | "and" | ", and")
        || a.claim.kind != Kind::Quantity
        || b.claim.kind != Kind::Quantity
    {
        return None;
    }
    let dim = a.claim.dimension.as_deref()?;
    if dim == "count" || dim == "temperature" || b.claim.dimension.as_deref() != Some(dim) {
        return None;
    }
    let factor = |u: &str| lex.units.iter().find(|x| x.0 == u).map(|x| x.2);
    let fa = factor(a.claim.unit.as_deref()?)?;
    let fb = factor(b.claim.unit.as_deref()?)?;
    let (va, vb) = (a.claim.value?, b.claim.value?);
    if fa <= fb || va.low.is_some() || va.high.is_some() || vb.low.is_some() || vb.high.is_some() {
        return None;
    }
    let mut m = b.clone();
    let v = tidy(va.point * fa / fb + vb.point);
    m.claim.span = Span::new(a.claim.span.start, b.claim.span.end);
    m.claim.value = Some(Interval::exact(v));
    m.claim.base = Some(Interval::exact(v * fb));
    m.claim.hedge = a.claim.hedge;
    m.core_start = a.core_start;
    Some(m)
}

fn merge_ratio(a: &Mention, b: &Mention, sep: &str) -> Option<Mention> {
    if !matches!(sep, "in" | "out of")
        || a.claim.kind != Kind::Number
        || a.claim.hedge != Hedge::Exact
    {
        return None;
    }
    if !(b.claim.kind == Kind::Number || b.claim.dimension.as_deref() == Some("count")) {
        return None;
    }
    let (x, y) = (a.claim.value?, b.claim.value?);
    let integral = |v: f64| v.fract() == 0.0 && v > 0.0;
    if x.low.is_some()
        || y.low.is_some()
        || !integral(x.point)
        || !integral(y.point)
        || x.point >= y.point
        || y.point >= 1000.0
    {
        return None;
    }
    // "one in five adults": a proportion, stated as the percentage it is (20).
    let share = Interval::exact(tidy(x.point / y.point * 100.0));
    let mut m = a.clone();
    m.claim.span = Span::new(a.claim.span.start, b.claim.span.end);
    m.claim.kind = Kind::Percent;
    m.claim.value = Some(share);
    m.claim.precision = None;
    m.claim.noun.clone_from(&b.claim.noun);
    m.raw = share;
    m.fraction = true;
    Some(m)
}

/// Money suffixes always set `currency` in `amount`; keep a number if that ever changes.
fn unreachable_money(c: &mut Claim, raw: Interval) {
    c.value = Some(raw);
}

/// (symbol, dimension, factor, offset) of unit `u`.
fn lex_unit(lex: &Compiled, u: usize) -> (String, String, f64, f64) {
    lex.units.get(u).map_or_else(
        || (String::new(), String::new(), 1.0, 0.0),
        |x| (x.0.clone(), x.1.clone(), x.2, x.3),
    )
}

fn to_base(v: Interval, factor: f64, offset: f64) -> Interval {
    let s = v.scale(factor);
    Interval {
        point: s.point + offset,
        low: s.low.map(|x| x + offset),
        high: s.high.map(|x| x + offset),
    }
}

fn range_mention(a: &Amount, b: &Amount, lex: &Compiled, text: &str) -> Mention {
    let (hstart, hedge) = hedge_before(text, lex, a.start).unwrap_or((a.start, Hedge::Exact));
    let _ = hedge;
    let suffix = b.suffix.clone().or(a.suffix.clone());
    let currency = b.currency.clone().or(a.currency.clone());
    let raw = Interval::range(a.value, b.value);
    let mut c = Claim::new(0, Span::new(hstart, b.end), Kind::Number);
    c.precision = (b.precision > 0.0).then_some(b.precision);
    match (&suffix, &currency) {
        (Some(Suffix::Percent), _) => {
            c.kind = Kind::Percent;
            c.value = Some(raw);
        }
        (Some(Suffix::Points), _) => {
            c.kind = Kind::Percent;
            c.unit = Some("pp".into());
            c.value = Some(raw);
        }
        (_, Some((code, factor))) => {
            // "$10-20" and "10-20 dollars": the currency's factor applies to both ends, but a
            // scale written only on the second end ("7-9 lakh") is not carried over.
            c.kind = Kind::Money;
            c.value = Some(raw.scale(*factor));
            c.unit = (!code.is_empty()).then(|| code.clone());
        }
        (Some(Suffix::Unit(u)), None) => {
            let unit = lex_unit(lex, *u);
            c.kind = Kind::Quantity;
            c.value = Some(raw);
            c.unit = Some(unit.0);
            c.dimension = Some(unit.1);
            c.base = Some(to_base(raw, unit.2, unit.3));
            c.noun.clone_from(&b.noun);
        }
        _ => {
            if let Some(noun) = &b.noun {
                c.kind = Kind::Quantity;
                c.dimension = Some("count".into());
                c.unit = Some(noun.clone());
                c.noun = Some(noun.clone());
            }
            c.value = Some(raw);
        }
    }
    Mention {
        claim: c,
        core_start: a.core_start,
        raw,
        points: matches!(suffix, Some(Suffix::Points)),
        range: true,
        fraction: false,
    }
}

/// Vague amounts: "hundreds of millions of dollars", "tens of thousands of jobs".
fn multiples(text: &str, lex: &Compiled, triggers: &[aho_corasick::Match], out: &mut Vec<Mention>) {
    for m in triggers {
        let Trigger::Multiples(v) = lex.trigger_kinds[m.pattern().as_usize()] else {
            continue;
        };
        let (s, e) = (m.start(), m.end());
        if !bounded(text, s, e) || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if out.iter().any(|x| x.claim.span.overlaps(Span::new(s, e))) {
            continue;
        }
        let raw = Interval::hedged(v, Hedge::Multiples);
        let mut c = Claim::new(0, Span::new(s, e), Kind::Number);
        c.hedge = Hedge::Multiples;
        c.value = Some(raw);
        let mut end = e;
        let after = skip_spaces(text, e, 1);
        if let Some((ce, cur)) = phrase_after(
            text,
            after,
            lex.currency_names.iter().map(|c| (c.text.as_str(), c)),
        ) {
            c.kind = Kind::Money;
            c.value = Some(raw.scale(cur.factor));
            c.unit = (!cur.code.is_empty()).then(|| cur.code.clone());
            end = ce;
        } else if let Some((ue, u)) = phrase_after(
            text,
            after,
            lex.unit_names.iter().map(|u| (u.text.as_str(), u.unit)),
        ) {
            let unit = lex_unit(lex, u);
            c.kind = Kind::Quantity;
            c.unit = Some(unit.0);
            c.dimension = Some(unit.1);
            c.base = Some(to_base(raw, unit.2, unit.3));
            end = ue;
        } else if let Some((noun, ne)) =
            counted_noun(text, lex, skip_spaces_back(text, after, 1), 2.0)
        {
            c.kind = Kind::Quantity;
            c.dimension = Some("count".into());
            c.unit = Some(noun.clone());
            c.noun = Some(noun);
            end = ne;
        }
        c.span = Span::new(s, end);
        out.push(Mention {
            claim: c,
            core_start: s,
            raw,
            points: false,
            range: false,
            fraction: false,
        });
    }
}

/// Percent words with no number: "a small percent", "what percent of", "the % of increase".
/// A word must precede them (a lone "percent of 210" is a fragment), and it is no number word,
/// since "forty-five percent" is a mention already. The claims have no value.
fn bare_percents(
    text: &str,
    lex: &Compiled,
    triggers: &[aho_corasick::Match],
    mentions: &[Mention],
    out: &mut Vec<Claim>,
) {
    let b = text.as_bytes();
    for m in triggers {
        if lex.trigger_kinds[m.pattern().as_usize()] != Trigger::BarePercent {
            continue;
        }
        let (s, e) = (m.start(), m.end());
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        // "%" between spaces; words on word boundaries, and not "percent-based".
        let next_ok = b.get(e).is_none_or(|c| {
            !(c.is_ascii_alphanumeric() || matches!(*c, b'-' | b'%' | b'_' | b'/'))
        });
        let left_ok = s > 0 && b[s - 1] == b' ';
        if !next_ok || !left_ok || (b[s] != b'%' && !bounded(text, s, e)) {
            continue;
        }
        let (w, _) = word_before(text, s);
        if w.is_empty() || !w.bytes().all(|c| c.is_ascii_alphabetic()) || is_number_word(w) {
            continue;
        }
        let span = Span::new(s, e);
        let i = mentions.partition_point(|x| x.claim.span.start < e);
        if mentions[i.saturating_sub(2)..i]
            .iter()
            .any(|x| x.claim.span.overlaps(span))
        {
            continue;
        }
        out.push(Claim::new(0, span, Kind::Percent));
    }
}

// ------------------------------------------------------------------------------------------
// Modality.

/// Where the clause containing `pos` starts: after the last sentence or clause punctuation, at
/// most 160 bytes back.
#[must_use]
pub fn clause_start(text: &str, pos: usize) -> usize {
    let lo = pos.saturating_sub(160);
    let b = text.as_bytes();
    let mut i = pos;
    while i > lo {
        if clause_break(b, i) {
            return i;
        }
        i -= 1;
    }
    // Never split a character.
    while i < pos && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// True when a clause starts at `i` (`clause_start`'s test of the byte before it).
fn clause_break(b: &[u8], i: usize) -> bool {
    let c = b[i - 1];
    matches!(c, b';' | b'!' | b'?' | b'\n' | b':')
        || (c == b'.'
            && b.get(i).is_none_or(|x| *x == b' ')
            && !(i >= 2 && b[i - 2].is_ascii_digit()))
}

/// The modality cues and clause breaks of a whole text, found once.
struct ModalityCues {
    /// Every occurrence of a cue, ordered by end: (start, end, pattern id).
    hits: Vec<(usize, usize, usize)>,
    /// Every offset where `clause_break` holds, in order.
    breaks: Vec<usize>,
}

impl ModalityCues {
    /// From the cue occurrences of `triggers_and_cues`.
    fn new(text: &str, hits: Vec<(usize, usize, usize)>) -> ModalityCues {
        let b = text.as_bytes();
        let mut breaks = Vec::with_capacity(b.len() / 32 + 4);
        // Only the bytes `clause_break` looks for are tested.
        breaks.extend(
            b.iter()
                .enumerate()
                .filter(|&(_, &c)| matches!(c, b';' | b'!' | b'?' | b'\n' | b':' | b'.'))
                .map(|(k, _)| k + 1)
                .filter(|&i| clause_break(b, i)),
        );
        ModalityCues { hits, breaks }
    }

    /// `clause_start(text, pos)`, from the breaks found once.
    fn clause_start(&self, text: &str, pos: usize) -> usize {
        let lo = pos.saturating_sub(160);
        let k = self.breaks.partition_point(|&i| i <= pos);
        if k > 0 && self.breaks[k - 1] > lo {
            return self.breaks[k - 1];
        }
        let mut i = lo;
        while i < pos && !text.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    /// The modality of the claim at `span`: the cues of its clause before it (an overlapping
    /// search finds every occurrence, so those inside the clause are exactly what a search of
    /// the clause alone would find), word-bounded within the clause, and a target year after.
    fn modality(&self, text: &str, lex: &Compiled, span: Span) -> Modality {
        let (cs, at) = (self.clause_start(text, span.start), span.start);
        let mut m = Modality::default();
        if cs == at {
            return m;
        }
        let (n_neg, n_hyp) = (lex.negation.len(), lex.hypothetical.len());
        let b = text.as_bytes();
        let upto = self.hits.partition_point(|h| h.1 <= at);
        for &(s, e, id) in self.hits[..upto].iter().rev() {
            if e < cs {
                break;
            }
            if s < cs {
                continue;
            }
            // `bounded` within the clause: its two ends count as boundaries.
            let left_ok = s == cs || !is_word_byte(b[s]) || !is_word_byte(b[s - 1]);
            let right_ok = e >= at || e == s || !is_word_byte(b[e - 1]) || !is_word_byte(b[e]);
            if !(left_ok && right_ok) {
                continue;
            }
            if id < n_neg {
                m.negated = true;
            } else if id < n_neg + n_hyp {
                m.hypothetical = true;
            } else {
                m.future = true;
            }
        }
        m.future = m.future || target_year_after(text, span.end);
        m
    }
}

/// "... by 2030": a target year later in the clause.
fn target_year_after(text: &str, end: usize) -> bool {
    let mut cut = text.len().min(end + 60);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let rest = &text[end..cut];
    let stop = rest.find(['.', ';', '\n']).unwrap_or(rest.len());
    let rest = &rest[..stop];
    let mut from = 0;
    while let Some(p) = rest[from..].find("by ") {
        let s = from + p + 3;
        let y = rest.get(s..s + 4).unwrap_or("");
        if y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()) && y.starts_with("20") {
            return true;
        }
        from = s;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    /// The one overlapping search finds exactly what the two searches it replaces find: the
    /// leftmost-longest triggers, and every cue occurrence.
    #[test]
    fn one_search_finds_the_triggers_and_cues_of_two() {
        let lex = Lexicon::builtin().numeric.compiled();
        let mut texts: Vec<String> = [
            include_str!("../../tests/corpus/change.toml"),
            include_str!("../../tests/corpus/number.toml"),
            include_str!("../../tests/corpus/percent.toml"),
            include_str!("../../tests/corpus/money.toml"),
            include_str!("../../tests/corpus/quantity.toml"),
        ]
        .iter()
        .flat_map(|t| t.lines().map(str::to_string))
        .collect();
        // Phrases run together and cut short, so that occurrences overlap and nest.
        let words = [
            "hundreds of thousands of",
            "tens of ",
            "doubled",
            "Double",
            "halves",
            "per cent",
            "percent",
            "%",
            "not",
            "nothing",
            "won't",
            "plans to",
            "plan",
            "could",
            "twice",
            "fourfold",
            "four-fold",
            "thousands of millions of",
            "x",
            " ",
            "-",
        ];
        for i in 0..words.len() {
            for j in 0..words.len() {
                for k in 0..words.len() {
                    texts.push(format!("{}{}{}{}", words[i], words[j], words[k], words[i]));
                }
            }
        }
        for text in &texts {
            let (triggers, mut cues) = triggers_and_cues(text, lex);
            let want: Vec<aho_corasick::Match> = lex.triggers.find_iter(text).collect();
            assert_eq!(triggers, want, "{text:?}");
            let mut want: Vec<(usize, usize, usize)> = lex
                .modality_cues
                .find_overlapping_iter(text)
                .map(|h| (h.start(), h.end(), h.pattern().as_usize()))
                .collect();
            want.sort_unstable();
            cues.sort_unstable();
            assert_eq!(cues, want, "{text:?}");
        }
    }

    fn run(text: &str) -> Vec<Claim> {
        let ctx = Context {
            date: None,
            lexicon: Lexicon::builtin(),
        };
        super::super::extract_text(text, &ctx)
    }

    fn find(text: &str, kind: Kind) -> (String, Interval, Option<String>) {
        let c = run(text);
        let c = c
            .iter()
            .find(|c| c.kind == kind)
            .unwrap_or_else(|| panic!("{text}: {c:?}"));
        (
            text[c.span.start..c.span.end].to_string(),
            c.value.unwrap(),
            c.unit.clone(),
        )
    }

    #[test]
    fn money_percent_quantity() {
        assert_eq!(find("paid $16.4 million", Kind::Money).1.point, 16.4e6);
        assert_eq!(find("€6.1bn deal", Kind::Money).2.as_deref(), Some("EUR"));
        assert_eq!(find("rose 45 per cent", Kind::Percent).0, "45 per cent");
        let (s, v, u) = find("nearly 2,600 terabytes", Kind::Quantity);
        assert_eq!(
            (s.as_str(), v.high, u.as_deref()),
            ("nearly 2,600 terabytes", Some(2600.0), Some("TB"))
        );
        let (s, _, u) = find("cut 1,200 jobs", Kind::Quantity);
        assert_eq!((s.as_str(), u.as_deref()), ("1,200 jobs", Some("jobs")));
    }

    #[test]
    fn years_are_left_to_temporal() {
        assert!(run("in 2017 the").iter().all(|c| c.kind != Kind::Number));
    }
}

#[cfg(test)]
mod robustness {
    use proptest::prelude::*;

    use crate::extract::{extract_text, Context};
    use crate::lexicon::Lexicon;

    proptest! {
        // Extraction never panics and every span is a char-boundary slice of the input,
        // whatever mix of digits, number words, symbols and multi-byte characters it meets.
        #[test]
        fn never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("1,400"), Just("16.4"), Just("-3"), Just("$"), Just("US$"), Just("€"), Just("£"),
            Just("%"), Just(" per cent"), Just("million"), Just("bn"), Just("k"), Just("m"),
            Just("over "), Just("nearly "), Just("between "), Just(" and "), Just(" to "),
            Just("-"), Just("–"), Just("/"), Just("1/2"), Just(" "), Just("."), Just(","),
            Just("tripled"), Just("twice as much"), Just("rose by "), Just("from "), Just("a third"),
            Just("twenty-one"), Just("hundreds of"), Just("jobs"), Just("TB"), Just("°C"), Just("½"),
            Just("é"), Just("’"), Just("\n"), Just("2017"), Just("10:30"), Just("3 times more"),
            Just("USD3"), Just("5 feet 2 inches"), Just("one in five"), Just("more than 10 and less than 20"),
        ], 0..24)) {
            let text: String = parts.concat();
            let ctx = Context { date: None, lexicon: Lexicon::builtin() };
            for c in extract_text(&text, &ctx) {
                prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
                prop_assert!(c.span.start < c.span.end && c.span.end <= text.len());
            }
        }

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,80}") {
            let ctx = Context { date: None, lexicon: Lexicon::builtin() };
            let _ = extract_text(&text, &ctx);
        }
    }
}
