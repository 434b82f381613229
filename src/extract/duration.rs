//! Lengths of time: "six-month", "just over a year", "decade-long", "two and a half weeks",
//! "five years old", "the 16-year-old company". Values are in days (year 365.25, month 30.4375,
//! week 7); hedges before the count become bounds as `Hedge::bounds` says.
//!
//! Runs over the tokens the temporal parser made, starting only at calendar unit words, so it
//! costs nothing on text without them. Must not produce sub-day durations (hours, minutes):
//! those are not claims.

// Token indices read best with short names (j, k, e, n) in this small scanner.
#![allow(clippy::many_single_char_names)]

use crate::claim::{Claim, Hedge, Interval, Kind};
use crate::document::Span;
use crate::lexicon::temporal::Unit;

use super::temporal::Parser;

/// Appends the duration claims of the parsed text.
pub(crate) fn extract(p: &Parser<'_>, out: &mut Vec<Claim>) {
    let mut j = 0;
    let mut last_end = 0;
    while j < p.t.len() {
        let Some(unit) = p.t[j].info.unit else {
            j += 1;
            continue;
        };
        if unit == Unit::Weekend || p.t[j].start < last_end {
            j += 1;
            continue;
        }
        if let Some((start_tok, end_tok, value)) = read(p, j, unit) {
            let mut start = p.t[start_tok].start;
            let mut hedge_kind = Hedge::Exact;
            if let Some((s, h)) = hedge_before(p, start) {
                start = s;
                hedge_kind = h;
            }
            let span = Span::new(start, p.t[end_tok - 1].end);
            let mut c = Claim::new(0, span, Kind::Duration);
            c.value = Some(Interval::hedged(value, hedge_kind));
            c.hedge = hedge_kind;
            c.unit = Some("day".into());
            c.modality = p.modality(start);
            last_end = span.end;
            out.push(c);
            j = end_tok;
            continue;
        }
        j += 1;
    }
}

/// Reads the count before the unit word at `j` and what follows it: returns the first and one
/// past the last token, and the value in days.
fn read(p: &Parser<'_>, j: usize, unit: Unit) -> Option<(usize, usize, f64)> {
    let days = p.lex.days(unit);
    let plural = p.word(j).is_some_and(|w| w.ends_with('s'));
    // The count ends right before the unit, or before a hyphen ("six-month").
    let hyphen = j > 0 && p.punct(j - 1, b'-') && p.tight(j) && p.tight(j - 1);
    let before = if hyphen { j - 1 } else { j };
    let mut found: Option<(usize, f64)> = None;
    for s in before.saturating_sub(6)..before {
        if let Some((e, Some(n))) = p.count(s) {
            if e == before {
                found = Some((s, n));
                break;
            }
        }
    }
    let mut end = j + 1;
    // "decade-long", "year-long", "month-long": one unit.
    let long = p.punct(end, b'-') && p.tight(end) && p.is(end + 1, "long");
    let (start, n) = match found {
        // "a decade-long fight": the article is not part of the length.
        Some((s, n)) if long && p.is_any_pub(s, &["a", "an"]) => (j, n),
        Some((s, n)) => (s, n),
        None if long && !plural => (j, 1.0),
        // "all day", "a full year", "full-week", "another week": one unit.
        None if !plural
            && before > 0
            && p.is_any_pub(before - 1, &["all", "full", "entire", "whole", "another"]) =>
        {
            (before - 1, 1.0)
        }
        None => return None,
    };
    // "half a year": half of one unit.
    let (start, n) =
        if start > 0 && n == 1.0 && p.is_any_pub(start, &["a", "an"]) && p.is(start - 1, "half") {
            (start - 1, 0.5)
        } else {
            (start, n)
        };
    let mut n = n;
    // "a quarter of respondents" is a share, not three months.
    if p.is(end, "of") && unit == Unit::Quarter {
        return None;
    }
    // A year used as a count ("the 2017 year") is not a length.
    if n >= 1000.0 && unit == Unit::Year && !plural {
        return None;
    }
    if n <= 0.0 {
        return None;
    }
    // A count that is a day of a date ("2 October") never reaches here: months are not units.
    if long {
        end += 2;
    }
    // "a year and a half".
    if p.is(end, "and") && p.is(end + 1, "a") && p.is(end + 2, "half") {
        n += 0.5;
        end += 3;
    }
    let mut total = n * days;
    // "1 month and 21 days", "2 years, 3 months", "1 year 1 month 21 days": each part a
    // different unit.
    let mut seen = vec![unit];
    for _ in 0..3 {
        let k = if p.is(end, "and") || (p.punct(end, b',') && !p.is(end + 1, "and")) {
            end + 1
        } else {
            end
        };
        let Some((e, Some(m))) = p.count(k) else {
            break;
        };
        let Some(u2) = p.info(e).unit else {
            break;
        };
        if u2 == Unit::Weekend || seen.contains(&u2) || p.is(k, "a") || p.is(k, "an") {
            break;
        }
        seen.push(u2);
        total += m * p.lex.days(u2);
        end = e + 1;
    }
    // Ages: "five years old", "the 16-year-old company".
    if unit == Unit::Year || unit == Unit::Month || unit == Unit::Week || unit == Unit::Day {
        if p.punct(end, b'-') && p.tight(end) && p.is(end + 1, "old") {
            end += 2;
        } else if p.is(end, "old") {
            end += 1;
        }
    }
    Some((start, end, total))
}

/// A hedge phrase ending right before byte `at` ("just over ", "more than "): its start and
/// meaning.
fn hedge_before(p: &Parser<'_>, at: usize) -> Option<(usize, Hedge)> {
    let head = p.lower[..at].trim_end();
    if head.len() == at {
        return None;
    }
    for (phrase, h) in &p.idx.hedges {
        if let Some(rest) = head.strip_suffix(phrase.as_str()) {
            if rest.is_empty() || !rest.as_bytes()[rest.len() - 1].is_ascii_alphanumeric() {
                return Some((rest.len(), *h));
            }
        }
    }
    None
}
