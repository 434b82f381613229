//! Numbers, ordinals, percentages, money, quantities and changes.
//!
//! One pass finds every numeral (`numeral::find_numerals`); each is then read in its local
//! context: the hedge before it, and the currency, percent sign, unit or counted noun around it.
//! Growth verbs and multiples are found by one combined regex. Vocabularies (hedges, units,
//! currencies, growth verbs) are data in rules/lexicon/numeric.toml.

use std::sync::OnceLock;

use regex::Regex;

use super::numeral::{find_numerals, Numeral};
use super::{Context, Extractor};
use crate::claim::{Change, Claim, Hedge, Interval, Kind};
use crate::document::Span;
use crate::lexicon::numeric::NumericLexicon;

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
        let lex = &ctx.lexicon.numeric;
        let nums = find_numerals(text);
        for n in &nums {
            if is_list_marker(text, n) {
                continue;
            }
            if let Some(c) = read_numeral(text, n, lex) {
                out.push(c);
            }
        }
        ordinals(text, out);
        changes(text, lex, out);
    }
}

/// The hedge that ends right before `at` (after optional white space), and where it starts.
#[must_use]
pub fn hedge_before(text: &str, at: usize, lex: &NumericLexicon) -> Option<(Hedge, usize)> {
    let before = &text[..at];
    let trimmed = before.trim_end();
    let lower_tail: String = trimmed
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let mut best: Option<(Hedge, usize)> = None;
    for (phrase, hedge) in lex.hedges() {
        if lower_tail.ends_with(phrase.as_str()) {
            let start = trimmed.len() - phrase.len();
            // Whole words only.
            if trimmed[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if best.is_none_or(|(_, s)| start < s) {
                best = Some((*hedge, start));
            }
        }
    }
    best
}

/// "1." or "2)" opening a line: an enumeration, not a claim.
fn is_list_marker(text: &str, n: &Numeral) -> bool {
    let line_start = text[..n.start].rfind('\n').map_or(0, |p| p + 1);
    text[line_start..n.start].trim().is_empty()
        && text[n.end..].starts_with(['.', ')'])
        && n.value < 100.0
}

fn is_year(text: &str, n: &Numeral) -> bool {
    let s = &text[n.start..n.end];
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && (1800.0..=2099.0).contains(&n.value)
}

fn next_word(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let skip = rest.len() - rest.trim_start_matches([' ', '-', '\u{a0}']).len();
    if skip > 2 {
        return None;
    }
    let start = at + skip;
    let len = text[start..]
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len() - start, |(i, _)| i);
    (len > 0).then_some((start, start + len))
}

fn read_numeral(text: &str, n: &Numeral, lex: &NumericLexicon) -> Option<Claim> {
    let (hedge, hstart) = hedge_before(text, n.start, lex).unwrap_or((Hedge::Exact, n.start));
    let mut start = hstart;
    let mut end = n.end;
    let mut value = n.value;
    let mut kind = Kind::Number;
    let mut unit = None;
    let mut dimension = None;
    let mut base = None;
    let mut noun = None;
    let mut precision = if n.precision > 0.0 {
        Some(n.precision)
    } else {
        None
    };

    // Currency before the number: "$", "US$", "€", "EUR ".
    let before = &text[..n.start];
    if let Some((code, sym_len)) = lex.currency_prefix(before) {
        kind = Kind::Money;
        unit = Some(code);
        start = start.min(n.start - sym_len);
        if hstart < n.start - sym_len {
            start = hstart;
        } else if let Some((h, hs)) = hedge_before(text, n.start - sym_len, lex) {
            return read_money_with_hedge(text, n, h, hs, n.start - sym_len, lex);
        }
    }
    let after = &text[end..];
    let lower_after = after.chars().take(40).collect::<String>().to_lowercase();
    if kind == Kind::Number {
        if lower_after.starts_with('%')
            || lower_after.starts_with(" percent")
            || lower_after.starts_with(" per cent")
            || lower_after.starts_with("-percent")
        {
            kind = Kind::Percent;
            let l = if lower_after.starts_with('%') {
                1
            } else if lower_after.starts_with(" per cent") {
                9
            } else {
                8
            };
            end += l;
            let rest = text[end..].to_lowercase();
            if rest.starts_with("age points") {
                end += "age points".len();
                unit = Some("pp".to_string());
            } else if rest.starts_with("age point") {
                end += "age point".len();
                unit = Some("pp".to_string());
            } else if rest.starts_with("age") {
                end += 3;
            }
        } else if lower_after.starts_with(" percentage points")
            || lower_after.starts_with(" percentage point")
            || lower_after.starts_with(" points")
            || lower_after.starts_with("-point")
        {
            let l = [
                " percentage points",
                " percentage point",
                " points",
                "-point",
            ]
            .iter()
            .find(|p| lower_after.starts_with(*p))
            .map_or(0, |p| p.len());
            // "-point margin" and "percentage points" are points; bare "points" only after a
            // percent context.
            if l > 0 {
                kind = Kind::Percent;
                unit = Some("pp".to_string());
                end += l;
            }
        } else if let Some((code, l)) = lex.currency_suffix(&lower_after) {
            kind = Kind::Money;
            unit = Some(code);
            end += l;
        } else if let Some((u, l)) = lex.unit_after(&lower_after) {
            kind = Kind::Quantity;
            unit = Some(u.symbol.clone());
            dimension = Some(u.dimension.clone());
            let (b, off) = (u.factor, u.offset);
            base = Some((b, off));
            end += l;
            // "380 gigabytes of data": the measured thing.
            let rest = text[end..].to_lowercase();
            if let Some(r) = rest.strip_prefix(" of ") {
                let w: String = r.chars().take_while(|c| c.is_alphabetic()).collect();
                if !w.is_empty() && !lex.is_noun_stop(&w) {
                    noun = Some(w);
                }
            }
        } else if !is_year(text, n) || n.digits && lower_after.starts_with(' ') {
            // A counted noun: "1,200 jobs", "61,240 votes", "42,000-seat".
            if let Some(w) = counted_noun(text, end, lex) {
                kind = Kind::Quantity;
                dimension = Some("count".to_string());
                noun = Some(w.clone());
                unit = Some(w);
            }
        }
    }
    if kind == Kind::Money {
        // "hundreds of millions of dollars" is handled by vague_money; a scale word after a
        // suffix currency is already in the numeral.
        let _ = &mut value;
    }
    if kind == Kind::Number && is_year(text, n) && hedge == Hedge::Exact {
        return None; // years are the temporal extractor's
    }
    if kind == Kind::Number && !n.digits && n.value == 1.0 {
        return None; // "one" as a pronoun ("one of the...") is too noisy to be a claim
    }
    let mut v = Interval::hedged(value, hedge);
    if let Some((f, off)) = base {
        let b = Interval {
            point: v.point * f + off,
            low: v.low.map(|x| x * f + off),
            high: v.high.map(|x| x * f + off),
        };
        let mut c = claim(start, end, kind, v, hedge);
        c.unit = unit;
        c.dimension = dimension;
        c.base = Some(b);
        c.noun = noun;
        c.precision = precision.take();
        return Some(c);
    }
    if hedge == Hedge::Multiples {
        v = Interval {
            point: value,
            low: Some(value),
            high: Some(value * 10.0),
        };
    }
    let mut c = claim(start, end, kind, v, hedge);
    c.unit = unit;
    c.dimension = dimension;
    c.noun = noun;
    c.precision = precision;
    Some(c)
}

fn read_money_with_hedge(
    text: &str,
    n: &Numeral,
    hedge: Hedge,
    hstart: usize,
    sym_start: usize,
    lex: &NumericLexicon,
) -> Option<Claim> {
    let code = lex.currency_prefix(&text[..n.start])?.0;
    let _ = sym_start;
    let mut c = claim(
        hstart,
        n.end,
        Kind::Money,
        Interval::hedged(n.value, hedge),
        hedge,
    );
    c.unit = Some(code);
    if n.precision > 0.0 {
        c.precision = Some(n.precision);
    }
    Some(c)
}

fn counted_noun(text: &str, end: usize, lex: &NumericLexicon) -> Option<String> {
    let (s, e) = next_word(text, end)?;
    // Proper nouns ("Microsoft 365", "100 Microsoft employees") are not counted nouns.
    if text[s..e].starts_with(char::is_uppercase) {
        return None;
    }
    let w = text[s..e].to_lowercase();
    if w.len() < 2 || lex.is_noun_stop(&w) || lex.unit_words_contains(&w) {
        return None;
    }
    // A second noun word ("patient records", "walk-in clinics").
    let mut noun = w;
    if let Some((s2, e2)) = next_word(text, e) {
        if text[e..s2].chars().all(|c| c == ' ') {
            let w2 = text[s2..e2].to_lowercase();
            if w2.len() > 2
                && !lex.is_noun_stop(&w2)
                && w2.ends_with('s')
                && !w2.ends_with("ss")
                && !noun.ends_with('s')
            {
                noun = format!("{noun} {w2}");
            }
        }
    }
    Some(noun)
}

fn claim(start: usize, end: usize, kind: Kind, v: Interval, hedge: Hedge) -> Claim {
    let mut c = Claim::new(0, Span::new(start, end), kind);
    c.value = Some(v);
    c.hedge = hedge;
    c
}

fn ordinal_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(\d+)(st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|thirtieth|fortieth|fiftieth|hundredth)\b")
            .expect("ordinal regex")
    })
}

fn ordinals(text: &str, out: &mut Vec<Claim>) {
    const WORDS: &[(&str, f64)] = &[
        ("first", 1.0),
        ("second", 2.0),
        ("third", 3.0),
        ("fourth", 4.0),
        ("fifth", 5.0),
        ("sixth", 6.0),
        ("seventh", 7.0),
        ("eighth", 8.0),
        ("ninth", 9.0),
        ("tenth", 10.0),
        ("eleventh", 11.0),
        ("twelfth", 12.0),
        ("twentieth", 20.0),
        ("thirtieth", 30.0),
        ("fortieth", 40.0),
        ("fiftieth", 50.0),
        ("hundredth", 100.0),
    ];
    for c in ordinal_re().captures_iter(text) {
        let m = c.get(0).expect("match");
        let v = if let Some(d) = c.get(1) {
            d.as_str().parse::<f64>().ok()
        } else {
            let w = m.as_str().to_lowercase();
            // "a third" is a fraction, not a rank.
            if text[..m.start()].to_lowercase().ends_with("a ") {
                continue;
            }
            WORDS.iter().find(|(x, _)| *x == w).map(|(_, v)| *v)
        };
        if let Some(v) = v {
            out.push(claim(
                m.start(),
                m.end(),
                Kind::Ordinal,
                Interval::exact(v),
                Hedge::Exact,
            ));
        }
    }
}

fn change_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?xi)
            \b(?P<mult>doubled|tripled|trebled|quadrupled|quintupled|halved|doubling|tripling|quadrupling|halving)\b
            | \b(?P<n>two|three|four|five|six|seven|eight|nine|ten|twice|\d+(?:\.\d+)?)[\s-](?:times|fold)\s+(?P<cmp>as\s+(?:much|many|large|high|big)|more|larger|higher|bigger|greater|the)?
            | \b(?P<nfold>twofold|threefold|fourfold|fivefold|tenfold|\d+-fold)\b
            | \b(?P<verb>rose|risen|rise|rises|rising|grew|grow|grown|grows|growing|increased|increase|increases|increasing|jumped|jump|jumps|climbed|climb|climbs|surged|surge|soared|soar|expanded|expand|gained|gain|up|fell|fall|fallen|falls|falling|dropped|drop|drops|declined|decline|declines|decreased|decrease|decreases|plunged|plunge|slumped|slump|shrank|shrink|cut|down|lower|higher)\b
            ",
        )
        .expect("change regex")
    })
}

fn word_factor(w: &str) -> Option<f64> {
    Some(match w.to_lowercase().as_str() {
        "twice" | "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "twofold" => 2.0,
        "threefold" => 3.0,
        "fourfold" => 4.0,
        "fivefold" => 5.0,
        "tenfold" => 10.0,
        x => x.trim_end_matches("-fold").parse().ok()?,
    })
}

fn is_down(verb: &str) -> bool {
    matches!(
        verb.to_lowercase().as_str(),
        "fell"
            | "fall"
            | "fallen"
            | "falls"
            | "falling"
            | "dropped"
            | "drop"
            | "drops"
            | "declined"
            | "decline"
            | "declines"
            | "decreased"
            | "decrease"
            | "decreases"
            | "plunged"
            | "plunge"
            | "slumped"
            | "slump"
            | "shrank"
            | "shrink"
            | "cut"
            | "down"
            | "lower"
    )
}

fn changes(text: &str, lex: &NumericLexicon, out: &mut Vec<Claim>) {
    for c in change_re().captures_iter(text) {
        let m = c.get(0).expect("match");
        if let Some(w) = c.name("mult") {
            let lw = w.as_str().to_lowercase();
            let f = if lw.starts_with("doubl") {
                2.0
            } else if lw.starts_with("tripl") || lw.starts_with("trebl") {
                3.0
            } else if lw.starts_with("quadrupl") {
                4.0
            } else if lw.starts_with("quintupl") {
                5.0
            } else {
                0.5
            };
            let (hedge, start) =
                hedge_before(text, w.start(), lex).unwrap_or((Hedge::Exact, w.start()));
            let mut cl = claim(
                start,
                w.end(),
                Kind::Change,
                Interval::hedged(f, hedge),
                hedge,
            );
            cl.change = Some(Change::default());
            out.push(cl);
        } else if let Some(n) = c.name("n") {
            let Some(f) = word_factor(n.as_str()) else {
                continue;
            };
            let cmp = c.name("cmp").map(|x| x.as_str().to_lowercase());
            let (hedge, start) =
                hedge_before(text, n.start(), lex).unwrap_or((Hedge::Exact, n.start()));
            let end = c.name("cmp").map_or(m.end(), |x| x.end());
            let ambiguous = cmp
                .as_deref()
                .is_some_and(|x| matches!(x, "more" | "larger" | "higher" | "bigger" | "greater"));
            let mut v = Interval::hedged(f, hedge);
            if ambiguous {
                v = Interval {
                    point: f,
                    low: Some(f),
                    high: Some(f + 1.0),
                };
            }
            if cmp.is_none() && !m.as_str().to_lowercase().contains("fold") {
                continue; // "three times" alone is a count of occasions
            }
            let mut cl = claim(start, end, Kind::Change, v, hedge);
            cl.change = Some(Change {
                ambiguous,
                ..Change::default()
            });
            out.push(cl);
        } else if let Some(n) = c.name("nfold") {
            let Some(f) = word_factor(n.as_str()) else {
                continue;
            };
            let (hedge, start) =
                hedge_before(text, n.start(), lex).unwrap_or((Hedge::Exact, n.start()));
            let mut cl = claim(
                start,
                n.end(),
                Kind::Change,
                Interval::hedged(f, hedge),
                hedge,
            );
            cl.change = Some(Change::default());
            out.push(cl);
        } else if let Some(v) = c.name("verb") {
            // "made up 38% of": a phrasal verb, not a change.
            let prev = text[..v.start()].trim_end().to_lowercase();
            if v.as_str().eq_ignore_ascii_case("up")
                && [
                    "made", "make", "makes", "making", "sum", "summed", "ended", "end", "set",
                ]
                .iter()
                .any(|w| prev.ends_with(w))
            {
                continue;
            }
            if let Some(cl) = verb_change(text, v.start(), v.end(), is_down(v.as_str()), lex) {
                out.push(cl);
            }
        }
    }
}

/// A change stated by a growth verb and an amount: "rose 7.2%", "grew by over 300%", "increased
/// its consumption of cloud services by over 300%", "up by more than a third", "rose 7.2
/// percentage points", "increased by $75 billion".
fn verb_change(
    text: &str,
    vs: usize,
    ve: usize,
    down: bool,
    lex: &NumericLexicon,
) -> Option<Claim> {
    // Look ahead within the clause for "by" + amount, or the amount right after the verb.
    // The clause ends at a semicolon, colon, line break, or a period that ends a sentence (not
    // the decimal point of "7.2%").
    let bytes = text.as_bytes();
    let window_end = text[ve..]
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, ';' | '\n' | ':')
                || c == '.' && !bytes.get(ve + i + 1).is_some_and(u8::is_ascii_digit)
        })
        .map_or(text.len(), |(i, _)| ve + i)
        .min(ve + 90);
    let window_end = (window_end..=text.len())
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(text.len());
    let window = &text[ve..window_end];
    let lower = window.to_lowercase();
    let (amount_at, by) = if let Some(p) = find_word(&lower, "by") {
        (ve + p + 2, true)
    } else {
        (ve, false)
    };
    // The amount must follow (after a hedge) immediately.
    let rest = &text[amount_at..window_end];
    let skip = rest.len() - rest.trim_start().len();
    let at = amount_at + skip;
    if !by && skip > 1 {
        return None;
    }
    let tail = &text[at..window_end];
    let (hedge, hlen) = lex
        .hedges()
        .iter()
        .filter(|(p, _)| {
            tail.to_lowercase().starts_with(p.as_str()) && tail[p.len()..].starts_with(' ')
        })
        .max_by_key(|(p, _)| p.len())
        .map_or((Hedge::Exact, 0), |(p, h)| (*h, p.len() + 1));
    let num_at = at + hlen;
    let lowtail = text[num_at..window_end].to_lowercase();
    // Fractions: "a third", "a quarter", "half".
    for (w, f) in [
        ("a third", 1.0 / 3.0),
        ("a quarter", 0.25),
        ("a half", 0.5),
        ("half", 0.5),
        ("a fifth", 0.2),
        ("two-thirds", 2.0 / 3.0),
    ] {
        if lowtail.starts_with(w) && !lowtail[w.len()..].starts_with(|c: char| c.is_alphabetic()) {
            let factor = if down { 1.0 - f } else { 1.0 + f };
            let end = num_at + w.len();
            let mut cl = claim(
                vs,
                end,
                Kind::Change,
                Interval::hedged(factor, flip(hedge, down)),
                flip(hedge, down),
            );
            cl.change = Some(Change {
                from_percent: true,
                ..Change::default()
            });
            return Some(cl);
        }
    }
    let nums = find_numerals(&text[num_at..window_end]);
    let n = nums.first().filter(|n| {
        n.start == 0
            || text[num_at..num_at + n.start].trim().is_empty()
            || lex.currency_prefix(&text[..num_at + n.start]).is_some()
    })?;
    let n_end = num_at + n.end;
    let after = text[n_end..window_end].to_lowercase();
    let start = if by && amount_at - ve > 25 { at } else { vs };
    let points = [
        " percentage points",
        " percentage point",
        " points",
        "-point",
    ]
    .iter()
    .any(|p| after.starts_with(p));
    if !points
        && (after.starts_with('%')
            || after.starts_with(" percent")
            || after.starts_with(" per cent"))
    {
        let l = if after.starts_with('%') {
            1
        } else if after.starts_with(" per cent") {
            9
        } else {
            8
        };
        let pct = n.value;
        let factor = if down {
            1.0 - pct / 100.0
        } else {
            1.0 + pct / 100.0
        };
        let h = flip(hedge, down);
        let mut cl = claim(
            start,
            n_end + l,
            Kind::Change,
            Interval::hedged(factor, h),
            h,
        );
        cl.change = Some(Change {
            from_percent: true,
            ..Change::default()
        });
        // "to 58.4%": the end point.
        let later = &text[n_end + l..window_end];
        if let Some(p) = later.to_lowercase().find(" to ") {
            if p < 4 {
                if let Some(e) = find_numerals(&later[p + 4..]).first() {
                    if e.start == 0 && later[p + 4 + e.end..].starts_with('%') {
                        cl.change = Some(Change {
                            from_percent: true,
                            end: Some(e.value),
                            ..Change::default()
                        });
                    }
                }
            }
        }
        return Some(cl);
    }
    for p in [
        " percentage points",
        " percentage point",
        " points",
        "-point",
    ] {
        if after.starts_with(p) {
            let v = if down { -n.value } else { n.value };
            let mut cl = claim(
                start,
                n_end + p.len(),
                Kind::Change,
                Interval::hedged(v, hedge),
                hedge,
            );
            cl.unit = Some("pp".into());
            cl.change = Some(Change {
                additive: true,
                ..Change::default()
            });
            return Some(cl);
        }
    }
    if let Some((code, _)) = lex.currency_prefix(&text[..num_at + n.start]) {
        let v = if down { -n.value } else { n.value };
        let mut cl = claim(
            start,
            n_end,
            Kind::Change,
            Interval::hedged(v, hedge),
            hedge,
        );
        cl.unit = Some(code);
        cl.change = Some(Change {
            additive: true,
            ..Change::default()
        });
        return Some(cl);
    }
    None
}

fn flip(h: Hedge, down: bool) -> Hedge {
    if !down {
        return h;
    }
    match h {
        Hedge::Above => Hedge::Below,
        Hedge::AtLeast => Hedge::AtMost,
        Hedge::Below => Hedge::Above,
        Hedge::AtMost => Hedge::AtLeast,
        x => x,
    }
}

fn find_word(hay: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = hay[from..].find(w) {
        let s = from + p;
        let e = s + w.len();
        let ok_l = s == 0
            || !hay[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let ok_r = !hay[e..].chars().next().is_some_and(char::is_alphanumeric);
        if ok_l && ok_r {
            return Some(s);
        }
        from = e;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::lexicon::Lexicon;

    fn claims(text: &str) -> Vec<(Kind, String, Option<Interval>)> {
        let ctx = Context {
            date: None,
            lexicon: Lexicon::builtin(),
        };
        extract_text(text, &ctx)
            .into_iter()
            .map(|c| (c.kind, text[c.span.start..c.span.end].to_string(), c.value))
            .collect()
    }

    #[test]
    fn percent_growth_is_a_factor() {
        let c = claims(
            "The agency increased its consumption of cloud services by over 300% within months.",
        );
        let ch = c.iter().find(|x| x.0 == Kind::Change).unwrap();
        assert_eq!(ch.2.unwrap().point, 4.0);
        assert_eq!(ch.2.unwrap().low, Some(4.0));
    }

    #[test]
    fn multiples_and_hedges() {
        let c = claims("Its holdings have tripled, reaching nearly 1,400 terabytes.");
        assert!(c
            .iter()
            .any(|x| x.0 == Kind::Change && x.1 == "tripled" && x.2.unwrap().point == 3.0));
        let q = c.iter().find(|x| x.0 == Kind::Quantity).unwrap();
        assert_eq!(q.1, "nearly 1,400 terabytes");
        assert_eq!(q.2.unwrap().high, Some(1400.0));
    }

    #[test]
    fn money_and_counts() {
        let c =
            claims("The council added €85 million and 42,000-seat plans; 61,240 votes were cast.");
        assert!(c
            .iter()
            .any(|x| x.0 == Kind::Money && x.2.unwrap().point == 85e6));
        assert!(c.iter().any(|x| x.0 == Kind::Quantity && x.1 == "61,240"));
    }
}
