//! Values for people: what a claim states, written the way a reader would say it ("6 months",
//! "just over a year", "nearly 1.4 PB", "about $4.2 billion", "2 October 2025") rather than the
//! way the engine stores it ("duration 182.625 day"). Shared terms are shown as the text writes
//! them, and counts are pluralised.
//!
//! Only the reports for people use these words. The JSON report keeps the exact normalised
//! values, and baselines and SARIF fingerprints keep `human::value_words` (the engine's terms),
//! so that rewording here never changes a fingerprint.

use jiff::civil::Date;

use crate::claim::{Claim, Hedge, Kind};

/// `n` and the noun, pluralised: "1 error", "3 warnings", "0 claims".
#[must_use]
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {}", plural_noun(noun))
    }
}

/// The plural of an English noun of the reports (regular forms plus the few irregular ones
/// they use).
fn plural_noun(noun: &str) -> String {
    match noun {
        "day" | "key" | "way" => format!("{noun}s"),
        "person" => "people".into(),
        "century" => "centuries".into(),
        _ if noun.ends_with('y')
            && !noun.ends_with("ay")
            && !noun.ends_with("ey")
            && !noun.ends_with("oy") =>
        {
            format!("{}ies", &noun[..noun.len() - 1])
        }
        _ if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("ch") => {
            format!("{noun}es")
        }
        _ => format!("{noun}s"),
    }
}

/// A number with at most `decimals` decimals, trailing zeros dropped, thousands separated by
/// commas: 1302.5 -> "1,302.5", 6.0 -> "6", 1.4137 -> "1.41" (2 decimals).
#[must_use]
pub fn number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// Decimals that show `v` to three significant digits (at least none, at most 2 below 1 when
/// the number has them).
fn decimals_for(v: f64) -> usize {
    let a = v.abs();
    if a >= 100.0 || a == 0.0 {
        0
    } else if a >= 10.0 {
        1
    } else {
        2
    }
}

/// A count in words people use: "1,240", "11.2 million", "4.2 billion".
#[must_use]
pub fn count(v: f64) -> String {
    let (m, scale) = customary(v);
    match scale {
        "" if v.fract() == 0.0 => number(v, 0),
        "" => number(v, decimals_for(v)),
        s => format!("{} {s}", number(m, decimals_for(m))),
    }
}

/// A value split into a mantissa and a customary scale word (million and up).
fn customary(v: f64) -> (f64, &'static str) {
    let a = v.abs();
    for (size, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if a >= size {
            return (v / size, word);
        }
    }
    (v, "")
}

/// The unit families that are scaled by SI prefixes, smallest first: each unit with its size in
/// the family's base unit.
const SI_FAMILIES: &[&[(&str, f64)]] = &[
    &[
        ("B", 1.0),
        ("KB", 1e3),
        ("MB", 1e6),
        ("GB", 1e9),
        ("TB", 1e12),
        ("PB", 1e15),
        ("EB", 1e18),
    ],
    &[("mm", 1e-3), ("cm", 1e-2), ("m", 1.0), ("km", 1e3)],
    &[("mg", 1e-3), ("g", 1.0), ("kg", 1e3)],
    &[("W", 1.0), ("kW", 1e3), ("MW", 1e6), ("GW", 1e9)],
    &[
        ("Wh", 1.0),
        ("kWh", 1e3),
        ("MWh", 1e6),
        ("GWh", 1e9),
        ("TWh", 1e12),
    ],
];

/// The prefixed unit of `unit`'s family that shows `values` (all in `unit`) with the largest
/// unit in which the smallest of them is still at least 1 (metres stay metres below a km).
fn si_unit(unit: &str, values: &[f64]) -> Option<(&'static str, f64)> {
    let family = SI_FAMILIES
        .iter()
        .find(|f| f.iter().any(|(u, _)| *u == unit))?;
    let size = family.iter().find(|(u, _)| *u == unit)?.1;
    let least = values
        .iter()
        .map(|v| (v * size).abs())
        .fold(f64::INFINITY, f64::min);
    // Centimetres are a unit of their own in prose; they are not chosen for other lengths.
    let fits = family
        .iter()
        .filter(|(u, s)| *u != "cm" || unit == "cm" || *s == size)
        .rfind(|(_, s)| least / s >= 1.0 || least == 0.0)
        .or_else(|| family.first())?;
    Some((fits.0, size / fits.1))
}

/// The symbol written before an amount of the currency, or `None` for a code written after.
fn currency_symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" | "CNY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "AUD" => "A$",
        "CAD" => "C$",
        "CHF" => "CHF ",
        _ => return None,
    })
}

/// An amount of money: "$4.2 billion", "€85 million", "£18", "2,400 SEK".
fn money(v: f64, code: &str) -> String {
    let sign = if v < 0.0 { "-" } else { "" };
    let amount = count(v.abs());
    match currency_symbol(code) {
        Some(s) => format!("{sign}{s}{amount}"),
        None => format!("{sign}{amount} {code}"),
    }
}

/// The words a hedge puts before a figure ("more than", "about"), empty for none.
fn hedge_words(h: Hedge) -> &'static str {
    match h {
        Hedge::Exact | Hedge::Multiples => "",
        Hedge::Above => "more than",
        Hedge::AtLeast => "at least",
        Hedge::JustAbove => "just over",
        Hedge::Nearly => "nearly",
        Hedge::Below => "less than",
        Hedge::AtMost => "up to",
        Hedge::About => "about",
    }
}

/// The units of time, largest first, with their length in days.
const TIME_UNITS: &[(&str, f64)] = &[
    ("year", 365.25),
    ("month", 30.4375),
    ("week", 7.0),
    ("day", 1.0),
    ("hour", 1.0 / 24.0),
    ("minute", 1.0 / 1440.0),
];

/// The unit of time the text names ("six-month" -> month), if any.
fn unit_of_text(text: &str) -> Option<(&'static str, f64)> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    // A decade is said in years ("decade-long" is "10 years").
    let named = |u: &str| {
        words
            .iter()
            .any(|w| *w == u || w.strip_suffix('s') == Some(u))
    };
    if named("decade") {
        return Some(("year", 365.25));
    }
    TIME_UNITS.iter().copied().find(|(u, _)| named(u))
}

/// A length of time in days, in the unit `text` names, or else the largest unit in which it is
/// at least one: "6 months", "2 weeks", "10 years", "just over a year".
#[must_use]
pub fn duration(days: f64, hedge: Hedge, text: &str) -> String {
    let (unit, size) = unit_of_text(text).unwrap_or_else(|| {
        TIME_UNITS
            .iter()
            .copied()
            .find(|(_, s)| days.abs() >= *s * 0.999)
            .unwrap_or(("day", 1.0))
    });
    let n = days / size;
    let shown = number(n, usize::from(n.abs() < 10.0));
    let words = hedge_words(hedge);
    let noun = if shown == "1" {
        unit.to_string()
    } else {
        plural_noun(unit)
    };
    match (words, shown.as_str()) {
        ("", _) => format!("{shown} {noun}"),
        (w, "1") => format!("{w} {} {noun}", if unit == "hour" { "an" } else { "a" }),
        (w, _) => format!("{w} {shown} {noun}"),
    }
}

/// A date as people write it: "2 October 2025".
#[must_use]
pub fn date(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(m.clamp(1, 12) - 1) as usize]
}

/// A span of days as people write it: "2025", "October 2025", "1 July – 31 December 2025",
/// "from 1 March 2017", "until 2026".
#[must_use]
pub fn dates(from: Option<Date>, to: Option<Date>) -> String {
    match (from, to) {
        (Some(f), Some(t)) if f == t => date(f),
        (Some(f), Some(t)) => {
            let whole_months = f.day() == 1 && t.tomorrow().is_ok_and(|n| n.day() == 1);
            if whole_months && f.year() == t.year() && f.month() == 1 && t.month() == 12 {
                f.year().to_string()
            } else if whole_months && f.year() == t.year() && f.month() == t.month() {
                format!("{} {}", month_name(f.month()), f.year())
            } else if whole_months && f.year() == t.year() {
                format!(
                    "{} – {} {}",
                    month_name(f.month()),
                    month_name(t.month()),
                    f.year()
                )
            } else if f.year() == t.year() && f.month() == t.month() {
                format!(
                    "{}–{} {} {}",
                    f.day(),
                    t.day(),
                    month_name(f.month()),
                    f.year()
                )
            } else if f.year() == t.year() {
                format!("{} {} – {}", f.day(), month_name(f.month()), date(t))
            } else {
                format!("{} – {}", date(f), date(t))
            }
        }
        (Some(f), None) => format!("from {}", date(f)),
        (None, Some(t)) => format!("until {}", date(t)),
        (None, None) => "an unresolved date".into(),
    }
}

/// A figure with its unit ("1.4 PB", "1,240 pupils", "$4.2 billion", "45%"), its bounds, when
/// both are stated and differ, shown as a range in one scale ("1.3–1.4 PB").
fn figure(kind: Kind, point: f64, range: Option<(f64, f64)>, unit: &str) -> String {
    let values: Vec<f64> = match range {
        Some((l, h)) => vec![l, h],
        None => vec![point],
    };
    if kind == Kind::Money {
        let Some((l, h)) = range else {
            return money(point, unit);
        };
        let (_, scale) = customary(l.abs().min(h.abs()).max(1.0));
        if scale.is_empty() {
            return format!("{}–{}", money(l, unit), count(h));
        }
        let size = match scale {
            "trillion" => 1e12,
            "billion" => 1e9,
            _ => 1e6,
        };
        let (a, b) = (l / size, h / size);
        let body = format!(
            "{}–{} {scale}",
            number(a, decimals_for(a)),
            number(b, decimals_for(b))
        );
        return match currency_symbol(unit) {
            Some(s) => format!("{s}{body}"),
            None => format!("{body} {unit}"),
        };
    }
    if kind == Kind::Percent {
        let u = if unit == "pp" { " points" } else { "%" };
        return match range {
            Some((l, h)) => format!(
                "{}–{}{u}",
                number(l, decimals_for(l)),
                number(h, decimals_for(h))
            ),
            None => format!("{}{u}", number(point, decimals_for(point))),
        };
    }
    let join = |a: String, b: Option<String>, unit: &str| {
        let body = match b {
            Some(b) => format!("{a}–{b}"),
            None => a,
        };
        if unit.is_empty() {
            body
        } else {
            format!("{body} {unit}")
        }
    };
    if let Some((u, factor)) = si_unit(unit, &values) {
        let show = |v: f64| {
            let x = v * factor;
            number(x, decimals_for(x))
        };
        return match range {
            Some((l, h)) => join(show(l), Some(show(h)), u),
            None => join(show(point), None, u),
        };
    }
    // Counted things and other units: customary scale words ("11.2 million passengers").
    match range {
        Some((l, h)) => {
            let (_, scale) = customary(l.abs().min(h.abs()));
            if scale.is_empty() {
                join(count(l), Some(count(h)), unit)
            } else {
                let size = match scale {
                    "trillion" => 1e12,
                    "billion" => 1e9,
                    _ => 1e6,
                };
                let (a, b) = (l / size, h / size);
                let body = format!(
                    "{}–{} {scale}",
                    number(a, decimals_for(a)),
                    number(b, decimals_for(b))
                );
                join(body, None, unit)
            }
        }
        None => join(count(point), None, unit),
    }
}

/// A factor of change: "3 times", "+41%", "-22%".
fn factor(f: f64) -> String {
    if f >= 2.0 {
        format!("{} times", number(f, 1))
    } else {
        let pct = (f - 1.0) * 100.0;
        let sign = if pct > 0.0 { "+" } else { "" };
        format!("{sign}{}%", number(pct, usize::from(pct.abs() < 10.0)))
    }
}

/// What a claim states, for people. `text` is the claim's text as written (it names the unit of
/// a duration).
#[must_use]
pub fn claim_value(c: &Claim, text: &str) -> String {
    let unit = c.unit.as_deref().unwrap_or("");
    match c.kind {
        Kind::Date | Kind::Period => match c.dates {
            Some(d) => dates(d.from, d.to),
            None => "an unresolved date".into(),
        },
        _ => {
            let Some(v) = c.value else {
                return c.kind.as_str().to_string();
            };
            // A range when both bounds are stated and differ (and the hedge is not one of the
            // one-sided ones, whose words say it).
            let range = match (v.low, v.high) {
                (Some(l), Some(h)) if l != h => Some((l, h)),
                _ => None,
            };
            let words = if range.is_some() {
                ""
            } else {
                hedge_words(c.hedge)
            };
            // A bare bound with no hedge word (a rule's reading): said in words.
            let words = match (words, v.low, v.high) {
                ("", Some(_), None) if range.is_none() => "more than",
                ("", None, Some(_)) if range.is_none() => "less than",
                (w, _, _) => w,
            };
            let body = match c.kind {
                Kind::Duration => return duration(v.point, c.hedge, text),
                Kind::Ordinal => ordinal(v.point),
                Kind::Change if !c.change.is_some_and(|x| x.additive) => match range {
                    Some((l, h)) => format!("{}–{}", factor(l), factor(h)),
                    None => factor(v.point),
                },
                Kind::Change => {
                    let kind = if unit == "pp" {
                        Kind::Percent
                    } else if currency_symbol(unit).is_some() || unit.len() == 3 {
                        Kind::Money
                    } else {
                        Kind::Quantity
                    };
                    let s = figure(kind, v.point.abs(), range, unit);
                    let sign = if v.point < 0.0 { "-" } else { "+" };
                    format!("{sign}{s}")
                }
                k => figure(k, v.point, range, unit),
            };
            if words.is_empty() {
                body
            } else {
                format!("{words} {body}")
            }
        }
    }
}

/// A rule's message with the values it quotes in the engine's terms written for people: ISO
/// dates and ranges of them ("2024-06-01 to 2024-06-30" -> "June 2024"), and figures of a
/// million or more, alone or as a range with their unit ("44,500,000,000 to 45,500,000,000
/// USD" -> "$44.5–45.5 billion", "1302000000000000 to 1398000000000000 B" -> "1.3–1.4 PB").
/// Everything else is left as written. The JSON report keeps the message exactly.
#[must_use]
pub fn message_for_people(message: &str) -> String {
    use std::sync::OnceLock;
    static DATES: OnceLock<regex::Regex> = OnceLock::new();
    static FIGURES: OnceLock<regex::Regex> = OnceLock::new();
    let dates_re = DATES.get_or_init(|| {
        regex::Regex::new(r"\b(\d{4}-\d{2}-\d{2})(?:(?: to |\.\.)(\d{4}-\d{2}-\d{2}))?\b").unwrap()
    });
    let figures_re = FIGURES.get_or_init(|| {
        regex::Regex::new(
            r"\b(\d[\d,]*(?:\.\d+)?)(?: to (\d[\d,]*(?:\.\d+)?))?(?: ([A-Za-z][A-Za-z0-9]*))?\b",
        )
        .unwrap()
    });
    let with_dates = dates_re.replace_all(message, |c: &regex::Captures| {
        let d = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<Date>().ok());
        match (d(1), c.get(2)) {
            (Some(f), Some(_)) => match d(2) {
                Some(t) => dates(Some(f), Some(t)),
                None => c[0].to_string(),
            },
            (Some(f), None) => date(f),
            _ => c[0].to_string(),
        }
    });
    figures_re
        .replace_all(&with_dates, |c: &regex::Captures| {
            let num = |i: usize| {
                c.get(i)
                    .and_then(|m| m.as_str().replace(',', "").parse::<f64>().ok())
            };
            let (Some(a), b) = (num(1), num(2)) else {
                return c[0].to_string();
            };
            let unit = c.get(3).map_or("", |m| m.as_str());
            let least = b.map_or(a, |b| a.min(b));
            let si = si_unit(unit, &[least]).is_some();
            if least.abs() < 1e6 && !(si && si_unit(unit, &[least]).is_some_and(|u| u.1 != 1.0)) {
                return c[0].to_string();
            }
            let range = b.map(|b| (a, b));
            let kind = if currency_symbol(unit).is_some() {
                Kind::Money
            } else {
                Kind::Quantity
            };
            figure(kind, a, range, unit)
        })
        .into_owned()
}

/// "1st", "22nd", "113th".
fn ordinal(v: f64) -> String {
    let n = v.round() as i64;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A shared term as one of `texts` writes it: the first word (or phrase of as many words) whose
/// canonical term, stem or lowercase form is `term`; the term itself when none is found.
#[must_use]
pub fn term_as_written(term: &str, texts: &[&str], canonical: &dyn Fn(&str) -> String) -> String {
    let n = term.split_whitespace().count().max(1);
    for text in texts {
        let words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        for win in words.windows(n) {
            let lower: Vec<String> = win.iter().map(|w| w.to_lowercase()).collect();
            let joined = lower.join(" ");
            let canon: Vec<String> = lower.iter().map(|w| canonical(w)).collect();
            if joined == term || canon.join(" ") == term {
                return win.join(" ");
            }
        }
    }
    term.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Interval;
    use crate::document::Span;

    fn claim(kind: Kind, point: f64, low: Option<f64>, high: Option<f64>, unit: &str) -> Claim {
        let mut c = Claim::new(0, Span::new(0, 0), kind);
        c.value = Some(Interval { point, low, high });
        c.unit = (!unit.is_empty()).then(|| unit.to_string());
        c
    }

    #[test]
    fn plurals() {
        for (n, noun, want) in [
            (1, "error", "1 error"),
            (0, "error", "0 errors"),
            (3, "warning", "3 warnings"),
            (5, "document", "5 documents"),
            (1, "claim", "1 claim"),
            (2, "day", "2 days"),
            (2, "century", "2 centuries"),
            (2, "match", "2 matches"),
        ] {
            assert_eq!(plural(n, noun), want);
        }
    }

    #[test]
    fn durations_in_the_unit_of_the_text_or_the_largest_that_fits() {
        for (days, hedge, text, want) in [
            (182.625, Hedge::Exact, "six-month", "6 months"),
            (
                365.25,
                Hedge::JustAbove,
                "just over a year",
                "just over a year",
            ),
            (3652.5, Hedge::Exact, "decade-long", "10 years"),
            (14.0, Hedge::Exact, "a fortnight", "2 weeks"),
            (133.0, Hedge::Exact, "19 weeks", "19 weeks"),
            (
                1461.0,
                Hedge::Above,
                "more than four years",
                "more than 4 years",
            ),
            (14610.0, Hedge::Nearly, "nearly 40 years", "nearly 40 years"),
            (426.125, Hedge::Exact, "fourteen months", "14 months"),
            (730.5, Hedge::Exact, "", "2 years"),
            (45.0, Hedge::Exact, "", "1.5 months"),
            (3.0, Hedge::Exact, "", "3 days"),
            (1.0, Hedge::Exact, "", "1 day"),
        ] {
            assert_eq!(duration(days, hedge, text), want, "{days} {text}");
        }
    }

    #[test]
    fn quantities_take_si_or_customary_scales_and_ranges() {
        for (kind, point, low, high, unit, want) in [
            (
                Kind::Quantity,
                1400.0,
                None,
                Some(1400.0),
                "TB",
                "less than 1.4 PB",
            ),
            (
                Kind::Quantity,
                1350.0,
                Some(1302.0),
                Some(1398.0),
                "TB",
                "1.3–1.4 PB",
            ),
            (Kind::Quantity, 550.0, None, None, "km", "550 km"),
            (Kind::Quantity, 0.5, None, None, "km", "500 m"),
            (Kind::Quantity, 22.0, None, None, "mm", "22 mm"),
            (Kind::Quantity, 1240.0, None, None, "pupils", "1,240 pupils"),
            (
                Kind::Quantity,
                11_200_000.0,
                None,
                None,
                "passengers",
                "11.2 million passengers",
            ),
            (Kind::Number, 201.0, None, None, "", "201"),
            (Kind::Percent, 45.0, None, None, "", "45%"),
            (Kind::Percent, 7.2, None, None, "pp", "7.2 points"),
            (Kind::Ordinal, 22.0, None, None, "", "22nd"),
            (Kind::Ordinal, 113.0, None, None, "", "113th"),
        ] {
            let c = claim(kind, point, low, high, unit);
            assert_eq!(claim_value(&c, ""), want, "{point} {unit}");
        }
    }

    #[test]
    fn money_in_symbols_and_scale_words() {
        let mut c = claim(Kind::Money, 4_200_000_000.0, None, None, "USD");
        c.hedge = Hedge::About;
        assert_eq!(claim_value(&c, ""), "about $4.2 billion");
        for (point, low, high, unit, want) in [
            (75e9, None, None, "USD", "$75 billion"),
            (85e6, None, None, "EUR", "€85 million"),
            (18.0, None, None, "GBP", "£18"),
            (2400.0, None, None, "SEK", "2,400 SEK"),
            (3e6, Some(3e6), None, "EUR", "more than €3 million"),
            (4.25e9, Some(4.1e9), Some(4.3e9), "USD", "$4.1–4.3 billion"),
        ] {
            let c = claim(Kind::Money, point, low, high, unit);
            assert_eq!(claim_value(&c, ""), want);
        }
    }

    #[test]
    fn changes_as_times_or_percentages() {
        let mut c = claim(Kind::Change, 4.0, Some(4.0), None, "");
        c.hedge = Hedge::Above;
        assert_eq!(claim_value(&c, ""), "more than 4 times");
        for (point, want) in [
            (3.0, "3 times"),
            (1.413_793_103_448_275_8, "+41%"),
            (0.78, "-22%"),
            (1.072, "+7.2%"),
        ] {
            assert_eq!(
                claim_value(&claim(Kind::Change, point, None, None, ""), ""),
                want
            );
        }
        let mut c = claim(Kind::Change, -9.0, None, None, "pp");
        c.change = Some(crate::claim::Change {
            additive: true,
            ..Default::default()
        });
        assert_eq!(claim_value(&c, ""), "-9 points");
        c.unit = Some("USD".into());
        c.value = Some(Interval::exact(75e9));
        assert_eq!(claim_value(&c, ""), "+$75 billion");
    }

    #[test]
    fn dates_as_dates() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        for (from, to, want) in [
            (
                Some(d("2025-10-02")),
                Some(d("2025-10-02")),
                "2 October 2025",
            ),
            (Some(d("2025-10-01")), Some(d("2025-10-31")), "October 2025"),
            (Some(d("2025-01-01")), Some(d("2025-12-31")), "2025"),
            (
                Some(d("2025-07-01")),
                Some(d("2025-12-31")),
                "July – December 2025",
            ),
            (
                Some(d("2025-07-03")),
                Some(d("2025-07-09")),
                "3–9 July 2025",
            ),
            (
                Some(d("2025-07-03")),
                Some(d("2026-01-09")),
                "3 July 2025 – 9 January 2026",
            ),
            (Some(d("2017-03-01")), None, "from 1 March 2017"),
            (None, Some(d("2026-01-31")), "until 31 January 2026"),
        ] {
            assert_eq!(dates(from, to), want);
        }
    }

    #[test]
    fn messages_quote_values_for_people() {
        for (message, want) in [
            (
                "the same start is dated 2024-06-01 to 2024-06-30 in one source and 2024-09-01 to 2024-09-30 in the other",
                "the same start is dated June 2024 in one source and September 2024 in the other",
            ),
            (
                "the same discovery is dated 2025-10-02 in one source and 2025-10-09 in the other",
                "the same discovery is dated 2 October 2025 in one source and 9 October 2025 in the other",
            ),
            (
                "44,500,000,000 to 45,500,000,000 USD against 74,500,000,000 to 75,500,000,000 USD: the ranges do not overlap",
                "$44.5–45.5 billion against $74.5–75.5 billion: the ranges do not overlap",
            ),
            (
                "1302000000000000 to 1398000000000000 B against 1350 TB",
                "1.3–1.4 PB against 1.35 PB",
            ),
            (
                "1479.5 to 1480.5 dockworkers against more than 1,500 dockworkers",
                "1479.5 to 1480.5 dockworkers against more than 1,500 dockworkers",
            ),
            (
                "the start to 1962-01-01..1963-12-31, the other to 1958",
                "the start to 1 January 1962 – 31 December 1963, the other to 1958",
            ),
            (
                "11200000 passengers against 9 million",
                "11.2 million passengers against 9 million",
            ),
        ] {
            assert_eq!(message_for_people(message), want);
        }
    }

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        for (v, dec, want) in [
            (1302.5, 1, "1,302.5"),
            (6.0, 2, "6"),
            (1_302_000_000_000_000.0, 0, "1,302,000,000,000,000"),
            (-1234.0, 0, "-1,234"),
            (0.25, 2, "0.25"),
        ] {
            assert_eq!(number(v, dec), want);
        }
    }

    #[test]
    fn shared_terms_are_shown_as_written() {
        let canonical = |w: &str| crate::lexicon::terms::stem(w);
        let texts = ["Quenby ferry services grew", "timetables of Halvard Quenby"];
        assert_eq!(term_as_written("servic", &texts, &canonical), "services");
        assert_eq!(
            term_as_written("halvard quenby", &texts, &canonical),
            "Halvard Quenby"
        );
        assert_eq!(term_as_written("nothing", &texts, &canonical), "nothing");
    }
}
