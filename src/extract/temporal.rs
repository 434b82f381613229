//! Dates, periods and durations.
//!
//! Calendar expressions are found by one combined regex and resolved against the document date
//! (`Context::date`): "on Sunday" is the most recent Sunday on or before it, "six years ago" the
//! year six years back. Without a document date, relative expressions keep their text and get no
//! dates: nothing is invented.

use std::sync::OnceLock;

use jiff::civil::{date, Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use super::numeral::find_numerals;
use super::{Context, Extractor};
use crate::claim::{Claim, DateRange, Hedge, Interval, Kind};
use crate::document::Span;

/// Extracts dates, periods and durations.
pub struct Temporal;

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

fn month_of(s: &str) -> Option<i8> {
    let l = s.to_lowercase();
    let l = l.trim_end_matches('.');
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| l.starts_with(n))
        .map(|i| i8::try_from(i + 1).unwrap_or(1))
}

fn last_day(y: i16, m: i8) -> Option<Date> {
    Some(Date::new(y, m, 1).ok()?.last_of_month())
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"(?xi)
            (?P<half>the\s+(?:latter|second|first|former)\s+half\s+of\s+(?P<hy>\d{{4}}))
          | (?P<q>(?:Q(?P<qn>[1-4])|the\s+(?P<qw>first|second|third|fourth)\s+quarter\s+of)\s+(?P<qy>\d{{4}}))
          | (?P<before>the\s+(?P<bn>[a-z]+|\d+)\s+(?P<bu>months?|years?|weeks?)\s+(?:before|to|prior\s+to|ending\s+in)\s+(?P<bm>{MONTHS})\s+(?P<by>\d{{4}}))
          | (?P<season>(?:the\s+)?(?P<sw>summer|winter|spring|autumn|fall)\s+of\s+(?P<sy>\d{{4}}))
          | (?P<since>since\s+(?P<sal>at\s+least\s+)?(?:(?P<sm>{MONTHS})\s+(?P<sd>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<sdy>\d{{4}}))?|(?P<smy>{MONTHS})\s+(?P<smyy>\d{{4}})|(?P<syr>\d{{4}})))
          | (?P<mdy>(?P<m1>{MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?)
          | (?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS})(?:,?\s+(?P<y2>\d{{4}}))?)
          | (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))
          | (?P<my>(?P<pre>(?:early|mid|late)[\s-])?(?P<m3>{MONTHS})\s+(?P<y3>\d{{4}}))
          | (?P<wd>(?:on\s+|last\s+|this\s+|next\s+)?(?P<wdn>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|’s)?)
          | (?P<ago>(?P<an>[a-z]+|\d+)\s+(?P<au>years?|months?|weeks?|days?)\s+ago)
          | (?P<rel>(?P<rw>last|this|next)\s+(?P<ru>year|month|week))
          | (?P<yr>(?:in|since|by|from|during|until|of|before|after)\s+(?P<yy>(?:19|20)\d{{2}})|\((?P<yp>(?:19|20)\d{{2}})\))
          | (?P<dur>(?P<dhedge>(?:just\s+over|more\s+than|over|nearly|almost|about|around|roughly|at\s+least|less\s+than|under|some|up\s+to)\s+)?(?P<dn>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|forty|fifty|\d+(?:\.\d+)?)(?:\s+and\s+a\s+half)?[\s-](?P<du>years?|months?|weeks?|days?|decades?)(?P<dlong>-long|-old)?)
          | (?P<dl>(?P<dlw>decade|year|month|week)-long)
          | (?P<first>(?:its|the)\s+first\s+(?P<fu>month|year|week|days?))
          | (?P<mon>(?P<m4>january|february|march|april|june|july|august|september|october|november|december)\b)
            ",
        );
        Regex::new(&pat).expect("temporal regex")
    })
}

fn unit_days(u: &str) -> f64 {
    let l = u.to_lowercase();
    if l.starts_with("decade") {
        3652.5
    } else if l.starts_with("year") {
        365.25
    } else if l.starts_with("month") {
        30.4375
    } else if l.starts_with("week") {
        7.0
    } else {
        1.0
    }
}

fn word_num(s: &str) -> Option<f64> {
    let l = s.to_lowercase();
    if l == "a" || l == "an" {
        return Some(1.0);
    }
    if let Ok(v) = l.parse::<f64>() {
        return Some(v);
    }
    find_numerals(&l)
        .first()
        .filter(|n| n.start == 0 && n.end == l.len())
        .map(|n| n.value)
}

fn hedge_of(s: &str) -> Hedge {
    let l = s.to_lowercase();
    let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
    match l.as_str() {
        "just over" => Hedge::JustAbove,
        "more than" | "over" => Hedge::Above,
        "at least" => Hedge::AtLeast,
        "nearly" | "almost" => Hedge::Nearly,
        "about" | "around" | "roughly" | "some" => Hedge::About,
        "less than" | "under" => Hedge::Below,
        "up to" => Hedge::AtMost,
        _ => Hedge::Exact,
    }
}

fn period(start: usize, end: usize, from: Option<Date>, to: Option<Date>, kind: Kind) -> Claim {
    let mut c = Claim::new(0, Span::new(start, end), kind);
    c.dates = Some(DateRange { from, to });
    c
}

fn year_of(s: &str) -> Option<i16> {
    s.parse().ok()
}

/// A month-day without a year: the document's year, or the one before when that would put a
/// past event in the future by more than a month.
fn infer_year(doc: Option<Date>, m: i8, d: i8) -> Option<Date> {
    let doc = doc?;
    let this = Date::new(doc.year(), m, d).ok()?;
    if this > doc.checked_add(40.days()).ok()? {
        Date::new(doc.year() - 1, m, d).ok()
    } else {
        Some(this)
    }
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match &s.to_lowercase()[..3] {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// True when the clause before `at` speaks of the future ("will", "is due to", "set to").
fn future_before(text: &str, at: usize) -> bool {
    let start = text[..at].rfind(['.', ';', '\n']).map_or(0, |p| p + 1);
    let clause = text[start..at].to_lowercase();
    [
        " will ",
        " due to ",
        " set to ",
        " expected to ",
        " scheduled ",
        " plans to ",
        " going to ",
    ]
    .iter()
    .any(|w| clause.contains(w))
}

impl Extractor for Temporal {
    fn name(&self) -> &'static str {
        "temporal"
    }
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Date, Kind::Period, Kind::Duration]
    }
    fn extract(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Claim>) {
        let doc = ctx.date;
        for c in re().captures_iter(text) {
            let m = c.get(0).expect("match");
            let (s, e) = (m.start(), m.end());
            if s > 0
                && text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let claim = if c.name("half").is_some() {
                let y = year_of(&c["hy"]);
                let first = c["half"].to_lowercase().contains("first")
                    || c["half"].to_lowercase().contains("former");
                y.map(|y| {
                    let (a, b) = if first { (1, 6) } else { (7, 12) };
                    period(s, e, Some(date(y, a, 1)), last_day(y, b), Kind::Period)
                })
            } else if c.name("q").is_some() {
                let n: i8 = match (
                    c.name("qn"),
                    c.name("qw").map(|x| x.as_str().to_lowercase()),
                ) {
                    (Some(n), _) => n.as_str().parse().unwrap_or(1),
                    (None, Some(w)) => match w.as_str() {
                        "first" => 1,
                        "second" => 2,
                        "third" => 3,
                        _ => 4,
                    },
                    _ => 1,
                };
                year_of(&c["qy"]).map(|y| {
                    period(
                        s,
                        e,
                        Some(date(y, (n - 1) * 3 + 1, 1)),
                        last_day(y, n * 3),
                        Kind::Period,
                    )
                })
            } else if c.name("before").is_some() {
                let n = word_num(&c["bn"]);
                let mon = month_of(&c["bm"]);
                match (n, mon, year_of(&c["by"])) {
                    (Some(n), Some(mo), Some(y)) => {
                        let end = Date::new(y, mo, 1).ok().and_then(|d| d.yesterday().ok());
                        let days = n * unit_days(&c["bu"]);
                        let start = end.and_then(|x| {
                            let months = (days / 30.4375).round() as i32;
                            x.tomorrow().ok()?.checked_sub(months.months()).ok()
                        });
                        Some(period(s, e, start, end, Kind::Period))
                    }
                    _ => None,
                }
            } else if c.name("season").is_some() {
                let y = year_of(&c["sy"]);
                let (a, b) = match c["sw"].to_lowercase().as_str() {
                    "spring" => (3, 5),
                    "summer" => (6, 8),
                    "autumn" | "fall" => (9, 11),
                    _ => (12, 2),
                };
                y.map(|y| {
                    let to = if b < a {
                        last_day(y + 1, b)
                    } else {
                        last_day(y, b)
                    };
                    period(s, e, Some(date(y, a, 1)), to, Kind::Period)
                })
            } else if c.name("since").is_some() {
                let from = if let Some(sm) = c.name("sm") {
                    let mo = month_of(sm.as_str());
                    let d: Option<i8> = c["sd"].parse().ok();
                    match (mo, d, c.name("sdy").and_then(|y| year_of(y.as_str()))) {
                        (Some(mo), Some(d), Some(y)) => Date::new(y, mo, d).ok(),
                        (Some(mo), Some(d), None) => infer_year(doc, mo, d),
                        _ => None,
                    }
                } else if let Some(smy) = c.name("smy") {
                    month_of(smy.as_str())
                        .zip(year_of(&c["smyy"]))
                        .and_then(|(mo, y)| Date::new(y, mo, 1).ok())
                } else {
                    year_of(&c["syr"]).and_then(|y| Date::new(y, 1, 1).ok())
                };
                from.map(|f| {
                    let mut p = period(s, e, Some(f), doc, Kind::Period);
                    if c.name("sal").is_some() {
                        p.hedge = Hedge::AtLeast;
                    }
                    p
                })
            } else if c.name("mdy").is_some() || c.name("dmy").is_some() {
                let (mo, d, y) = if c.name("mdy").is_some() {
                    (
                        month_of(&c["m1"]),
                        c["d1"].parse::<i8>().ok(),
                        c.name("y1").and_then(|y| year_of(y.as_str())),
                    )
                } else {
                    (
                        month_of(&c["m2"]),
                        c["d2"].parse::<i8>().ok(),
                        c.name("y2").and_then(|y| year_of(y.as_str())),
                    )
                };
                // "May 5" needs care: "may" is also a verb; require a capital M.
                if m.as_str().starts_with("may ") {
                    continue;
                }
                match (mo, d) {
                    (Some(mo), Some(d)) if (1..=31).contains(&d) => {
                        let day = match y {
                            Some(y) => Date::new(y, mo, d).ok(),
                            None => infer_year(doc, mo, d),
                        };
                        Some(period(s, e, day, day, Kind::Date))
                    }
                    _ => None,
                }
            } else if c.name("iso").is_some() {
                let d = Date::new(
                    c["iy"].parse().unwrap_or(0),
                    c["im"].parse().unwrap_or(0),
                    c["id"].parse().unwrap_or(0),
                )
                .ok();
                d.map(|d| period(s, e, Some(d), Some(d), Kind::Date))
            } else if c.name("my").is_some() {
                let mo = month_of(&c["m3"]);
                let y = year_of(&c["y3"]);
                mo.zip(y).and_then(|(mo, y)| {
                    let (a, b) = match c.name("pre").map(|p| p.as_str().to_lowercase()) {
                        Some(p) if p.starts_with("early") => (1, 10),
                        Some(p) if p.starts_with("mid") => (11, 20),
                        Some(p) if p.starts_with("late") => (21, 31),
                        _ => (1, 31),
                    };
                    let last = last_day(y, mo)?;
                    let to = Date::new(y, mo, b.min(last.day())).ok();
                    Some(period(s, e, Date::new(y, mo, a).ok(), to, Kind::Period))
                })
            } else if c.name("wd").is_some() {
                let Some(wd) = weekday(&c["wdn"]) else {
                    continue;
                };
                let lw = m.as_str().to_lowercase();
                let resolved = doc.and_then(|d| {
                    if lw.starts_with("next") || future_before(text, s) {
                        d.nth_weekday(1, wd).ok()
                    } else if d.weekday() == wd && !lw.starts_with("last") {
                        Some(d)
                    } else {
                        d.nth_weekday(-1, wd).ok()
                    }
                });
                Some(period(s, e, resolved, resolved, Kind::Date))
            } else if c.name("ago").is_some() {
                let n = word_num(&c["an"]);
                let u = c["au"].to_lowercase();
                let r = doc.zip(n).and_then(|(d, n)| {
                    let n = n as i16;
                    if u.starts_with("year") {
                        let y = d.year() - n;
                        Some((date(y, 1, 1), date(y, 12, 31), Kind::Period))
                    } else if u.starts_with("month") {
                        let x = d.checked_sub((i32::from(n)).months()).ok()?;
                        Some((x.first_of_month(), x.last_of_month(), Kind::Period))
                    } else {
                        let days = if u.starts_with("week") {
                            7 * i32::from(n)
                        } else {
                            i32::from(n)
                        };
                        let x = d.checked_sub(days.days()).ok()?;
                        Some((x, x, Kind::Date))
                    }
                });
                Some(match r {
                    Some((f, t, k)) => period(s, e, Some(f), Some(t), k),
                    None => period(s, e, None, None, Kind::Date),
                })
            } else if c.name("rel").is_some() {
                let w = c["rw"].to_lowercase();
                let u = c["ru"].to_lowercase();
                let off: i16 = match w.as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                let r = doc.and_then(|d| match u.as_str() {
                    "year" => {
                        let y = d.year() + off;
                        Some((date(y, 1, 1), date(y, 12, 31)))
                    }
                    "month" => {
                        let x = d.checked_add(i32::from(off).months()).ok()?;
                        Some((x.first_of_month(), x.last_of_month()))
                    }
                    _ => {
                        let x = d.checked_add((7 * i32::from(off)).days()).ok()?;
                        let monday = if x.weekday() == Weekday::Monday {
                            x
                        } else {
                            x.nth_weekday(-1, Weekday::Monday).ok()?
                        };
                        Some((monday, monday.checked_add(6.days()).ok()?))
                    }
                });
                Some(period(s, e, r.map(|x| x.0), r.map(|x| x.1), Kind::Period))
            } else if c.name("yr").is_some() {
                let ym = c.name("yy").or_else(|| c.name("yp")).expect("year");
                let y = year_of(ym.as_str());
                let lw = m.as_str().to_lowercase();
                y.map(|y| {
                    let (ys, ye) = (ym.start(), ym.end());
                    if lw.starts_with("since") {
                        period(s, e, Some(date(y, 1, 1)), doc, Kind::Period)
                    } else if lw.starts_with("by")
                        || lw.starts_with("until")
                        || lw.starts_with("before")
                    {
                        period(s, e, None, Some(date(y, 12, 31)), Kind::Period)
                    } else {
                        period(
                            ys,
                            ye,
                            Some(date(y, 1, 1)),
                            Some(date(y, 12, 31)),
                            Kind::Period,
                        )
                    }
                })
            } else if c.name("dur").is_some() {
                let Some(n) = word_num(&c["dn"]) else {
                    continue;
                };
                let half = if m.as_str().to_lowercase().contains("and a half") {
                    0.5
                } else {
                    0.0
                };
                let days = (n + half) * unit_days(&c["du"]);
                let hedge = c
                    .name("dhedge")
                    .map_or(Hedge::Exact, |h| hedge_of(h.as_str().trim()));
                let lower = m.as_str().to_lowercase();
                // "a year later", "a day" are too vague alone to be claims unless hedged.
                if (c["dn"].eq_ignore_ascii_case("a") || c["dn"].eq_ignore_ascii_case("an"))
                    && hedge == Hedge::Exact
                    && !lower.ends_with("-long")
                {
                    continue;
                }
                // "more than four years ago" is a date, not a duration.
                if text[e..].to_lowercase().starts_with(" ago") {
                    let ago_end = e + 4;
                    let r = doc.and_then(|d| {
                        let back = (days.round() as i32).days();
                        let x = d.checked_sub(back).ok()?;
                        Some(if unit_days(&c["du"]) >= 365.0 {
                            (date(x.year(), 1, 1), date(x.year(), 12, 31), Kind::Period)
                        } else {
                            (x, x, Kind::Date)
                        })
                    });
                    let mut p = match r {
                        Some((f, t, k)) => period(s, ago_end, Some(f), Some(t), k),
                        None => period(s, ago_end, None, None, Kind::Date),
                    };
                    p.hedge = hedge;
                    out.push(p);
                    continue;
                }
                let mut cl = Claim::new(0, Span::new(s, e), Kind::Duration);
                cl.value = Some(Interval::hedged(days, hedge));
                cl.hedge = hedge;
                cl.unit = Some("day".into());
                Some(cl)
            } else if c.name("dl").is_some() {
                let mut cl = Claim::new(0, Span::new(s, e), Kind::Duration);
                cl.value = Some(Interval::exact(unit_days(&c["dlw"])));
                cl.unit = Some("day".into());
                Some(cl)
            } else if c.name("first").is_some() {
                let mut cl = Claim::new(0, Span::new(s, e), Kind::Duration);
                cl.value = Some(Interval::exact(unit_days(&c["fu"])));
                cl.unit = Some("day".into());
                Some(cl)
            } else if c.name("mon").is_some() {
                // A bare month counts only after a preposition ("in March", "by June").
                let prev = text[..s]
                    .trim_end()
                    .rsplit(|ch: char| !ch.is_alphabetic())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if ![
                    "in", "on", "by", "since", "until", "from", "during", "of", "through",
                    "before", "after",
                ]
                .contains(&prev.as_str())
                {
                    continue;
                }
                let mo = month_of(&c["m4"]);
                let r = doc.zip(mo).and_then(|(d, mo)| {
                    let f = Date::new(d.year(), mo, 1).ok()?;
                    Some((f, f.last_of_month()))
                });
                let ms = c.name("m4").expect("month");
                Some(period(
                    ms.start(),
                    ms.end(),
                    r.map(|x| x.0),
                    r.map(|x| x.1),
                    Kind::Period,
                ))
            } else {
                None
            };
            if let Some(mut cl) = claim {
                if future_before(text, cl.span.start) {
                    cl.modality.future = true;
                }
                out.push(cl);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::lexicon::Lexicon;

    fn one(text: &str, doc: Option<Date>) -> Claim {
        let ctx = Context {
            date: doc,
            lexicon: Lexicon::builtin(),
        };
        let c = extract_text(text, &ctx);
        let t: Vec<_> = c
            .iter()
            .filter(|c| matches!(c.kind, Kind::Date | Kind::Period | Kind::Duration))
            .cloned()
            .collect();
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t[0].clone()
    }

    #[test]
    fn halves_and_months_before() {
        let c = one("storage grew in the latter half of 2025.", None);
        assert_eq!(
            c.dates.unwrap(),
            DateRange::new(date(2025, 7, 1), date(2025, 12, 31))
        );
        let c = one(
            "it stored more in the six months before January 2026, they said",
            None,
        );
        assert_eq!(
            c.dates.unwrap(),
            DateRange::new(date(2025, 7, 1), date(2025, 12, 31))
        );
    }

    #[test]
    fn durations_in_days() {
        let c = one("in just over a year", None);
        assert_eq!(c.value.unwrap().low, Some(365.25));
        let c = one("a single six-month period", None);
        assert!((c.value.unwrap().point - 182.625).abs() < 1e-9);
        assert_eq!(
            one("decade-long contracts", None).value.unwrap().point,
            3652.5
        );
    }

    #[test]
    fn weekdays_resolve_against_the_document_date() {
        let c = one("She won the election on Sunday.", Some(date(2025, 10, 13)));
        assert_eq!(c.dates.unwrap().from, Some(date(2025, 10, 12)));
        let c = one(
            "The company has worked with the agency since at least 2017.",
            Some(date(2026, 2, 1)),
        );
        assert_eq!(c.dates.unwrap().from, Some(date(2017, 1, 1)));
    }
}
