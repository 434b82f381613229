//! Change claims: how a value moved. Multiplicative words ("tripled", "fourfold"), "N times as
//! much", percentages with a direction ("rose by 300%", "a 20% drop", "up 5%"), percentage
//! points ("rose 7.2 percentage points"), additive amounts ("increased by $75 billion", "a
//! further €85 million") and "from X to Y" after a growth verb.
//!
//! Reads the mentions `numeric.rs` built; it never re-parses numbers. The growth vocabulary is
//! data (rules/lexicon/numeric.toml, `[growth]`, `[[multiple]]`, `[times]`).

// Byte scanners read best with short names for offsets (i, j, e) and the byte slice (b).
#![allow(clippy::many_single_char_names)]

use crate::claim::{Change, Claim, Hedge, Interval, Kind};
use crate::document::Span;
use crate::hedge;
use crate::lexicon::numeric::{Compiled, Trigger};

use super::numeral::Numeral;
use super::numeric::{clause_start, hedge_before, Mention};

/// `a * v + c` on every bound of `v` (a negative `a` swaps the bounds).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// The ASCII word ending at `i` (after at most two spaces) and its start.
fn word_before(text: &str, i: usize) -> (&str, usize) {
    let b = text.as_bytes();
    let mut e = i;
    let mut n = 0;
    while e > 0 && b[e - 1] == b' ' && n < 2 {
        e -= 1;
        n += 1;
    }
    let mut s = e;
    while s > 0 && (b[s - 1].is_ascii_alphabetic() || b[s - 1] == b'\'') {
        s -= 1;
    }
    (&text[s..e], s)
}

/// The ASCII word starting at `i` (after at most one space or hyphen) and its end.
fn word_after(text: &str, i: usize) -> (&str, usize) {
    let b = text.as_bytes();
    let mut s = i;
    if matches!(b.get(s), Some(b' ' | b'-')) {
        s += 1;
    }
    let mut e = s;
    while e < b.len() && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    (&text[s..e], e)
}

fn direction(lex: &Compiled, w: &str) -> Option<f64> {
    if w.is_empty() {
        return None;
    }
    super::with_lowercase(w, |lw| {
        if lex.up.contains(lw) {
            Some(1.0)
        } else if lex.down.contains(lw) {
            Some(-1.0)
        } else {
            None
        }
    })
}

/// A direction phrase of several words ("went up") ending at `e`: its start and direction.
fn direction_phrase_before(text: &str, lex: &Compiled, e: usize) -> Option<(usize, f64)> {
    let before = &text[..e];
    for (p, d) in &lex.direction_phrases {
        if before.len() >= p.len()
            && before.as_bytes()[e - p.len()..].eq_ignore_ascii_case(p.as_bytes())
        {
            let s = e - p.len();
            if s == 0 || !is_word_byte(text.as_bytes()[s - 1]) {
                return Some((s, f64::from(*d)));
            }
        }
    }
    None
}

/// True when a growth word occurs in the clause before `pos` (within eight words).
#[must_use]
pub fn growth_before(text: &str, lex: &Compiled, pos: usize) -> bool {
    let cs = clause_start(text, pos);
    let mut p = pos;
    for _ in 0..8 {
        let (w, s) = word_before(text, p);
        if w.is_empty() || s < cs {
            return false;
        }
        if direction(lex, w).is_some() {
            return true;
        }
        p = s;
    }
    false
}

/// How an amount starting at `start` is introduced: (direction, change span start, "to").
/// "rose 20%", "grew by 20%", "increased its spending by 20%", "increased to 300% of".
fn direction_left(text: &str, lex: &Compiled, start: usize) -> Option<(f64, usize, bool)> {
    let cs = clause_start(text, start);
    let (w, ws) = word_before(text, start);
    if ws < cs || w.is_empty() {
        return None;
    }
    if w.eq_ignore_ascii_case("by") {
        // The verb right before "by", or a few words earlier ("increased its X by").
        let mut p = ws;
        for step in 0..8 {
            let e = {
                let b = text.as_bytes();
                let mut e = p;
                while e > 0 && b[e - 1] == b' ' {
                    e -= 1;
                }
                e
            };
            if let Some((s, d)) = direction_phrase_before(text, lex, e) {
                return Some((d, if step == 0 { s } else { ws }, false));
            }
            let (v, vs) = word_before(text, p);
            if v.is_empty() || vs < cs {
                return None;
            }
            if let Some(d) = direction(lex, v) {
                return Some((d, if step == 0 { vs } else { ws }, false));
            }
            p = vs;
        }
        return None;
    }
    if w.eq_ignore_ascii_case("to") {
        let (v, vs) = word_before(text, ws);
        if vs >= cs {
            if let Some(d) = direction(lex, v) {
                return Some((d, vs, true));
            }
        }
        return None;
    }
    let e = {
        let b = text.as_bytes();
        let mut e = start;
        while e > 0 && b[e - 1] == b' ' {
            e -= 1;
        }
        e
    };
    if let Some((s, d)) = direction_phrase_before(text, lex, e) {
        return Some((d, s, false));
    }
    direction(lex, w).map(|d| (d, ws, false))
}

/// Comparatives among the change nouns, which never stand before "of" as a change.
const COMPARATIVES: &[&str] = &["higher", "more", "lower", "less", "fewer"];

/// "an increase of", "a fall of" right before `start`: the direction and where the change noun
/// starts. A change written as a noun states the same change as its verb ("rose 40%").
fn noun_of_before(text: &str, lex: &Compiled, start: usize) -> Option<(f64, usize)> {
    let cs = clause_start(text, start);
    let (of, os) = word_before(text, start);
    if os < cs || !of.eq_ignore_ascii_case("of") {
        return None;
    }
    let (noun, ns) = word_before(text, os);
    if ns < cs || noun.is_empty() {
        return None;
    }
    let lw = noun.to_ascii_lowercase();
    if COMPARATIVES.contains(&lw.as_str()) {
        return None;
    }
    if lex.up_nouns.contains(&lw) {
        Some((1.0, ns))
    } else if lex.down_nouns.contains(&lw) {
        Some((-1.0, ns))
    } else {
        None
    }
}

fn change_claim(
    span: Span,
    value: Interval,
    hedge: Hedge,
    change: Change,
    unit: Option<String>,
) -> Claim {
    let mut c = Claim::new(0, span, Kind::Change);
    c.value = Some(value);
    c.hedge = hedge;
    c.change = Some(change);
    c.unit = unit;
    c
}

/// Appends the change claims found in `text`; `triggers` are the trigger phrases found in it.
pub fn changes(
    text: &str,
    lex: &Compiled,
    nums: &[Numeral],
    triggers: &[aho_corasick::Match],
    mentions: &[Mention],
    out: &mut Vec<Claim>,
) {
    multiplicative_words(text, lex, triggers, out);
    times(text, lex, nums, out);
    for (i, m) in mentions.iter().enumerate() {
        if m.range {
            continue;
        }
        if let Some(c) = from_to(text, lex, mentions, i) {
            out.push(c);
            continue;
        }
        if let Some(c) = up_from(text, lex, mentions, i) {
            out.push(c);
            continue;
        }
        if let Some(mut c) = directed(text, lex, m) {
            // "jumped 7.2% to 58.4%", "rose 7.2 percentage points to 58.4%": the level reached.
            if let (Some(ch), Some(level)) = (c.change.as_mut(), level_after(text, mentions, i)) {
                ch.end = Some(level);
            }
            out.push(c);
        }
    }
}

/// The level a change reached, stated right after it: "rose 7.2% to 58.4%" -> 58.4. A change
/// in points reaches a percentage, a percentage change any amount, and an amount an amount of
/// its own kind and unit.
fn level_after(text: &str, mentions: &[Mention], i: usize) -> Option<f64> {
    let (a, b) = (mentions.get(i)?, mentions.get(i + 1)?);
    if b.range || b.claim.span.start < a.claim.span.end {
        return None;
    }
    if !text[a.claim.span.end..b.claim.span.start]
        .trim()
        .eq_ignore_ascii_case("to")
    {
        return None;
    }
    let fits = if a.points {
        b.claim.kind == Kind::Percent && !b.points
    } else if a.claim.kind == Kind::Percent {
        // A relative change reaches a level of any kind: "rose 25% to $1,250".
        !b.points
            && matches!(
                b.claim.kind,
                Kind::Percent | Kind::Money | Kind::Quantity | Kind::Number
            )
    } else {
        a.claim.kind == b.claim.kind && a.claim.unit == b.claim.unit
    };
    fits.then(|| b.claim.value.map(|v| v.point)).flatten()
}

/// "58.4%, up from 51.2%", "410 jobs, down from 520": a level and the level it moved from;
/// the factor is the first over the second.
fn up_from(text: &str, lex: &Compiled, mentions: &[Mention], i: usize) -> Option<Claim> {
    let (a, b) = (mentions.get(i)?, mentions.get(i + 1)?);
    if a.range || b.range || b.claim.span.start < a.claim.span.end {
        return None;
    }
    // "400 members, down from 500": the second count may leave its noun implied.
    let count_then_number = a.claim.kind == Kind::Quantity
        && a.claim.dimension.as_deref() == Some("count")
        && b.claim.kind == Kind::Number;
    let same = count_then_number
        || (a.claim.kind == b.claim.kind
            && a.points == b.points
            && (a.claim.unit == b.claim.unit || b.claim.unit.is_none()));
    if !same
        || !matches!(
            a.claim.kind,
            Kind::Percent | Kind::Money | Kind::Quantity | Kind::Number
        )
    {
        return None;
    }
    let sep = text[a.claim.span.end..b.claim.span.start].trim_start_matches([',', ' ']);
    let mut words = sep.split_ascii_whitespace();
    let (Some(dir), Some(from), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    if !from.eq_ignore_ascii_case("from") || direction(lex, dir).is_none() {
        return None;
    }
    let x = b.claim.value?.point;
    let y = a.claim.value?.point;
    if x == 0.0 {
        return None;
    }
    let mut c = change_claim(
        Span::new(a.claim.span.start, b.claim.span.end),
        Interval::exact(y / x),
        Hedge::Exact,
        Change {
            start: Some(x),
            end: Some(y),
            ..Change::default()
        },
        None,
    );
    c.precision = None;
    Some(c)
}

/// "doubled", "more than tripled", "nearly doubled", "a fourfold increase".
fn multiplicative_words(
    text: &str,
    lex: &Compiled,
    triggers: &[aho_corasick::Match],
    out: &mut Vec<Claim>,
) {
    let b = text.as_bytes();
    for m in triggers {
        let Trigger::Multiple(f) = lex.trigger_kinds[m.pattern().as_usize()] else {
            continue;
        };
        let (s, e) = (m.start(), m.end());
        if (s > 0 && is_word_byte(b[s - 1]))
            || b.get(e).is_some_and(|c| is_word_byte(*c) || *c == b'-')
        {
            continue;
        }
        let w = text[s..e].to_ascii_lowercase();
        // Base forms are verbs only after a modal or "to" ("could double"); otherwise they are
        // adjectives ("a double blow") or nouns ("two halves").
        if ["double", "triple", "quadruple", "halves"].contains(&w.as_str()) {
            let (p, _) = word_before(text, s);
            let p = p.to_ascii_lowercase();
            if ![
                "to", "could", "would", "will", "may", "might", "can", "should", "did", "does",
                "not", "nearly", "almost", "more", "than",
            ]
            .contains(&p.as_str())
            {
                continue;
            }
        }
        let mut end = e;
        let mut ambiguous = false;
        if w == "twice" {
            // Only "twice as much", "twice the size", "twice more": otherwise a frequency.
            match comparison_after(text, lex, e) {
                Some((ce, amb)) => {
                    end = ce;
                    ambiguous = amb;
                }
                None => continue,
            }
        }
        let (start, hedge) = hedge_before(text, lex, s).unwrap_or((s, Hedge::Exact));
        let (mut v, mut hedge) = hedge::factor(f, hedge);
        if ambiguous {
            (v, hedge) = (ambiguous_factor(f, hedge), hedge);
        }
        out.push(change_claim(
            Span::new(start, end),
            v,
            hedge,
            Change {
                ambiguous,
                ..Change::default()
            },
            None,
        ));
    }
}

/// What follows "N times" / "twice": a plain comparison ("as much") or a comparative ("more",
/// ambiguous). Returns its end and whether it is ambiguous.
fn comparison_after(text: &str, lex: &Compiled, e: usize) -> Option<(usize, bool)> {
    if text.as_bytes().get(e) != Some(&b' ') {
        return None;
    }
    let after = e + 1;
    let r = &text[after..];
    let matches = |p: &String| {
        r.len() >= p.len()
            && r.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            && !r
                .as_bytes()
                .get(p.len())
                .is_some_and(u8::is_ascii_alphabetic)
    };
    if let Some(p) = lex.times_plain.iter().find(|p| matches(p)) {
        return Some((after + p.len(), false));
    }
    lex.times_comparative
        .iter()
        .find(|p| matches(p))
        .map(|p| (after + p.len(), true))
}

/// "N times more": N or N+1 times; a hedge like "more than" leaves the top open.
fn ambiguous_factor(f: f64, hedge: Hedge) -> Interval {
    let v = Interval::hedged(f, hedge);
    Interval {
        point: f,
        low: Some(v.low.unwrap_or(f).min(f)),
        high: match hedge {
            Hedge::Above | Hedge::AtLeast | Hedge::JustAbove => None,
            _ => Some(f + 1.0),
        },
    }
}

/// "three times as much", "3-fold", "five times more" (ambiguous: 5x or 6x).
fn times(text: &str, lex: &Compiled, nums: &[Numeral], out: &mut Vec<Claim>) {
    for n in nums {
        if n.ordinal || n.value <= 0.0 {
            continue;
        }
        let rest = &text[n.end..];
        let mut end = None;
        let mut ambiguous = false;
        for fold in ["-fold", " fold", "fold"] {
            if rest.len() >= fold.len()
                && rest.as_bytes()[..fold.len()].eq_ignore_ascii_case(fold.as_bytes())
                && !rest
                    .as_bytes()
                    .get(fold.len())
                    .is_some_and(u8::is_ascii_alphanumeric)
            {
                end = Some(n.end + fold.len());
                break;
            }
        }
        if end.is_none() {
            let (w, we) = word_after(text, n.end);
            if w.eq_ignore_ascii_case("times") && text.as_bytes().get(n.end) == Some(&b' ') {
                if let Some((ce, amb)) = comparison_after(text, lex, we) {
                    end = Some(ce);
                    ambiguous = amb;
                }
            }
        }
        let Some(end) = end else { continue };
        let (start, hedge) = hedge_before(text, lex, n.start).unwrap_or((n.start, Hedge::Exact));
        let f = n.value;
        let v = if ambiguous {
            ambiguous_factor(f, hedge)
        } else {
            Interval::hedged(f, hedge)
        };
        out.push(change_claim(
            Span::new(start, end),
            v,
            hedge,
            Change {
                ambiguous,
                ..Change::default()
            },
            None,
        ));
    }
}

/// A percentage, money amount or count with a direction.
fn directed(text: &str, lex: &Compiled, m: &Mention) -> Option<Claim> {
    let c = &m.claim;
    let left = direction_left(text, lex, c.span.start);
    match c.kind {
        Kind::Percent if m.points => {
            let (d, s, to) = left?;
            if to {
                return None;
            }
            // "fell by more than 3 points": beyond −3, so the hedge mirrors with the bounds.
            let (v, h) = hedge::directed(m.raw, c.hedge, d, 0.0);
            Some(change_claim(
                Span::new(s, c.span.end),
                v,
                h,
                Change {
                    additive: true,
                    from_percent: true,
                    ..Change::default()
                },
                Some("pp".into()),
            ))
        }
        Kind::Percent => {
            if let Some((d, s, to)) = left {
                if to {
                    // "increased to 300% of its size": the level, as a factor.
                    let (w, _) = word_after(text, c.span.end);
                    if !w.eq_ignore_ascii_case("of") {
                        return None;
                    }
                    let _ = d;
                    return Some(change_claim(
                        Span::new(s, c.span.end),
                        m.raw.scale(0.01),
                        c.hedge,
                        Change {
                            from_percent: true,
                            ..Change::default()
                        },
                        None,
                    ));
                }
                return Some(percent_change(m, Span::new(s, c.span.end), d));
            }
            // "an increase of 20%", "a fall of 5 per cent".
            if let Some((d, s)) = noun_of_before(text, lex, c.span.start) {
                return Some(percent_change(m, Span::new(s, c.span.end), d));
            }
            // "a 20% increase", "a 5 per cent drop", "10% more".
            let (w, we) = word_after(text, c.span.end);
            let lw = w.to_ascii_lowercase();
            let d = if lex.up_nouns.contains(&lw) {
                1.0
            } else if lex.down_nouns.contains(&lw) {
                -1.0
            } else {
                return None;
            };
            Some(percent_change(m, Span::new(c.span.start, we), d))
        }
        Kind::Number if m.fraction && m.raw.point < 1.0 => {
            // "up by more than a third", "cut by half", "a rise of a fifth".
            let (d, s, to) = match noun_of_before(text, lex, c.span.start) {
                Some((d, s)) => (d, s, false),
                None => left?,
            };
            let of = noun_of_before(text, lex, c.span.start).is_some();
            let (w, _) = word_before(text, c.span.start);
            if to || !(of || w.eq_ignore_ascii_case("by")) {
                return None;
            }
            // A fraction is read like a percentage: "up by a third" is "up by 33%".
            let (v, h) = hedge::directed(m.raw, c.hedge, d, 1.0);
            Some(change_claim(
                Span::new(s, c.span.end),
                v,
                h,
                Change {
                    from_percent: true,
                    ..Change::default()
                },
                None,
            ))
        }
        Kind::Money | Kind::Quantity | Kind::Number => {
            if c.kind == Kind::Quantity
                && c.dimension.as_deref() != Some("count")
                && c.dimension.is_none()
            {
                return None;
            }
            let unit = c.unit.clone();
            let additive = Change {
                additive: true,
                ..Change::default()
            };
            // "a further €85 million", "an additional 300 jobs".
            let before = &text[clause_start(text, c.span.start)..c.span.start];
            let trimmed = before.trim_end();
            if lex.additive.iter().any(|p| {
                trimmed.len() >= p.len()
                    && trimmed.as_bytes()[trimmed.len() - p.len()..]
                        .eq_ignore_ascii_case(p.as_bytes())
                    && (trimmed.len() == p.len()
                        || !is_word_byte(trimmed.as_bytes()[trimmed.len() - p.len() - 1]))
            }) && c.kind == Kind::Money
            {
                let s = c.span.start
                    - (before.len() - trimmed.len())
                    - lex
                        .additive
                        .iter()
                        .find(|p| trimmed.to_ascii_lowercase().ends_with(p.as_str()))
                        .map_or(0, String::len);
                return Some(change_claim(
                    Span::new(s, c.span.end),
                    c.value?,
                    c.hedge,
                    additive,
                    unit,
                ));
            }
            let (d, s, to) = left?;
            if to {
                return None;
            }
            // Money moves with "by" or with "up"/"down" right before it; counts and numbers
            // only with "by" ("rose by 5"), since "cut 1,200 jobs" states a count.
            let (w, _) = word_before(text, c.span.start);
            let by = w.eq_ignore_ascii_case("by");
            let updown = w.eq_ignore_ascii_case("up") || w.eq_ignore_ascii_case("down");
            if !(by || (c.kind == Kind::Money && updown)) {
                return None;
            }
            if c.kind == Kind::Number && !by {
                return None;
            }
            let (v, h) = hedge::directed(c.value?, c.hedge, d, 0.0);
            Some(change_claim(Span::new(s, c.span.end), v, h, additive, unit))
        }
        _ => None,
    }
}

fn percent_change(m: &Mention, span: Span, d: f64) -> Claim {
    let (v, h) = hedge::directed(m.raw, m.claim.hedge, d / 100.0, 1.0);
    change_claim(
        span,
        v,
        h,
        Change {
            from_percent: true,
            ..Change::default()
        },
        None,
    )
}

/// "rose from 10% to 40%", "grew from $2 billion to $5 billion": factor end/start.
fn from_to(text: &str, lex: &Compiled, mentions: &[Mention], i: usize) -> Option<Claim> {
    let a = mentions.get(i)?;
    let b = mentions.get(i + 1)?;
    if a.claim.kind != b.claim.kind || a.range || b.range || b.claim.span.start < a.claim.span.end {
        return None;
    }
    let between = &text[a.claim.span.end..b.claim.span.start];
    if !between.trim().eq_ignore_ascii_case("to") {
        return None;
    }
    let (w, ws) = word_before(text, a.claim.span.start);
    if !w.eq_ignore_ascii_case("from") || !growth_before(text, lex, ws) {
        return None;
    }
    let x = a.claim.value?.point;
    let y = b.claim.value?.point;
    if x == 0.0 {
        return None;
    }
    let (v, vs) = word_before(text, ws);
    let start = if direction(lex, v).is_some() { vs } else { ws };
    let mut c = change_claim(
        Span::new(start, b.claim.span.end),
        Interval::exact(y / x),
        Hedge::Exact,
        Change {
            start: Some(x),
            end: Some(y),
            ..Change::default()
        },
        None,
    );
    c.precision = None;
    Some(c)
}

#[cfg(test)]
mod tests {
    use crate::claim::{Claim, Kind};
    use crate::extract::{extract_text, Context};
    use crate::lexicon::Lexicon;

    fn change(text: &str) -> Claim {
        let ctx = Context {
            date: None,
            lexicon: Lexicon::builtin(),
        };
        let c = extract_text(text, &ctx);
        c.into_iter()
            .find(|c| c.kind == Kind::Change)
            .unwrap_or_else(|| panic!("no change in {text:?}"))
    }

    fn span(text: &str) -> (&str, f64, Option<f64>, Option<f64>) {
        let c = change(text);
        let v = c.value.unwrap();
        (&text[c.span.start..c.span.end], v.point, v.low, v.high)
    }

    #[test]
    fn multiples_and_percents() {
        assert_eq!(
            span("sales more than tripled"),
            ("more than tripled", 3.0, Some(3.0), None)
        );
        assert_eq!(
            span("it grew by over 300% in a year"),
            ("grew by over 300%", 4.0, Some(4.0), None)
        );
        assert_eq!(
            span("they increased their spending on cloud by over 300%"),
            ("by over 300%", 4.0, Some(4.0), None)
        );
        assert_eq!(span("profit fell 20%").1, 0.8);
        assert_eq!(span("a 20% increase").1, 1.2);
        assert_eq!(span("three times more").3, Some(4.0));
        assert_eq!(
            span("nearly doubled"),
            ("nearly doubled", 2.0, None, Some(2.0))
        );
    }

    #[test]
    fn from_to_and_additive() {
        let c = change("revenue rose from $10 million to $40 million");
        assert_eq!(c.value.unwrap().point, 4.0);
        let c = change("spending increased by $75 billion");
        assert!(c.change.unwrap().additive);
        assert_eq!(c.unit.as_deref(), Some("USD"));
    }

    /// One row per grammatical form of a change: the verb, the noun before and after the
    /// figure, the comparative, the fraction, each with its factor.
    #[test]
    fn changes_in_every_grammatical_form() {
        let rows: &[(&str, &str, f64)] = &[
            ("revenue rose 21% last year", "rose 21%", 1.21),
            (
                "revenue saw an increase of 21% last year",
                "increase of 21%",
                1.21,
            ),
            ("revenue saw a 21% rise last year", "21% rise", 1.21),
            ("sales posted a rise of a fifth", "rise of a fifth", 1.2),
            ("there was a threefold increase in waits", "threefold", 3.0),
            ("volumes showed a 40% drop in September", "40% drop", 0.6),
            ("prices were 21% higher than a year ago", "21% higher", 1.21),
            ("footfall is down by a quarter", "down by a quarter", 0.75),
            (
                "bookings suffered a fall of 30 per cent",
                "fall of 30 per cent",
                0.7,
            ),
        ];
        for &(text, want, factor) in rows {
            let (got, point, _, _) = span(text);
            assert_eq!(got, want, "{text}");
            assert!((point - factor).abs() < 1e-9, "{text}: {point}");
        }
        // A falling noun mirrors its hedge: "a fall of more than half" leaves at most half.
        assert_eq!(
            span("a fall of more than half in bookings"),
            ("fall of more than half", 0.5, None, Some(0.5))
        );
        // "the price of 40% of homes" is no change: "price" is not a change noun.
        let ctx = Context {
            date: None,
            lexicon: Lexicon::builtin(),
        };
        assert!(!extract_text("the price of 40% of homes rose", &ctx)
            .iter()
            .any(
                |c| c.kind == Kind::Change && c.value.is_some_and(|v| (v.point - 1.4).abs() < 1e-9)
            ));
    }
}
