//! The temporal claims: dates ("October 2, 2025", "on Monday", "yesterday"), periods ("the
//! latter half of 2025", "since 2017", "Q3") and, in `duration.rs`, lengths of time.
//!
//! How it works: one cheap pass splits the text into tokens (words, digit runs, punctuation) and
//! looks every short word up once in the vocabulary index (rules/lexicon/temporal.toml). A small
//! hand-written grammar then tries to read an expression at each token; most tokens fail on the
//! first test, so no regex runs over the whole text. What is read is an unresolved value (`V`)
//! that is resolved against the document date and the tense of the clause at the end.
//!
//! Must not: invent dates (with no document date, relative expressions get no `from`/`to`),
//! panic, or look at anything but the text and the context.

// Date arithmetic reads best with the usual short names (y, m, d, f, t), and calendar numbers
// are small enough that the casts between integer widths cannot wrap.
#![allow(clippy::many_single_char_names, clippy::cast_possible_wrap)]

use std::cell::RefCell;
use std::sync::OnceLock;

use jiff::civil::Date;

use crate::claim::{Claim, DateRange, Kind, Modality};
use crate::document::Span;
use crate::lexicon::temporal::{Holiday, Index, Part, TemporalLexicon, Unit, WordInfo};

use super::duration;
use super::numeral::{leading_numeral, Numeral};
use super::{Context, Extractor};

/// Extracts dates, periods and durations.
pub struct Temporal;

impl Extractor for Temporal {
    fn name(&self) -> &'static str {
        "temporal"
    }
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Date, Kind::Period, Kind::Duration]
    }
    fn extract(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Claim>) {
        let lex = &ctx.lexicon.temporal;
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text, &lower, lex.index());
        let p = Parser {
            text,
            lower: &lower,
            t: &toks,
            doc: ctx.date,
            lex,
            idx: lex.index(),
            leads: RefCell::new(vec![(false, None); toks.len()]),
        };
        p.run(out);
        duration::extract(&p, out);
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// A run of letters.
    Word,
    /// A run of ASCII digits and its value (saturating).
    Num(u32),
    /// One punctuation character; curly quotes and dashes are folded to ASCII, other non-ASCII
    /// symbols are 0.
    Punct(u8),
}

/// One token with its byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub tk: Tk,
    /// Whitespace precedes the token.
    pub space: bool,
    /// What the vocabulary says about the word (default for non-words).
    pub info: WordInfo,
}

fn tokenize(text: &str, lower: &str, idx: &Index) -> Vec<Tok> {
    let b = text.as_bytes();
    // Prose has a token every four or five bytes, punctuation included.
    let mut out = Vec::with_capacity(b.len() / 3 + 4);
    let mut i = 0;
    let mut space = true;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let tk;
        if c.is_ascii_digit() {
            let mut v: u32 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
                i += 1;
            }
            tk = Tk::Num(v);
        } else if c.is_ascii_alphabetic() || (c >= 0x80 && starts_letter(text, i)) {
            while i < b.len() {
                if b[i].is_ascii_alphabetic() {
                    i += 1;
                } else if b[i] >= 0x80 && starts_letter(text, i) {
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                } else {
                    break;
                }
            }
            tk = Tk::Word;
        } else if c >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            if ch.is_whitespace() {
                space = true;
                continue;
            }
            tk = Tk::Punct(match ch {
                '\u{2018}' | '\u{2019}' => b'\'',
                '\u{2010}'..='\u{2015}' => b'-',
                _ => 0,
            });
        } else {
            i += 1;
            tk = Tk::Punct(c);
        }
        let info = if tk == Tk::Word && i - start <= 16 {
            idx.info(&lower[start..i])
        } else {
            WordInfo::default()
        };
        out.push(Tok {
            start,
            end: i,
            tk,
            space,
            info,
        });
        space = false;
    }
    out
}

fn starts_letter(text: &str, i: usize) -> bool {
    text.is_char_boundary(i) && text[i..].chars().next().is_some_and(char::is_alphabetic)
}

// ---------------------------------------------------------------------------------------------
// Values

/// A year as written: absolute, or relative to the document's ("this year", "last year").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Y {
    Abs(i16),
    Rel(i8),
}

/// An expression as read, before resolution against the document date.
#[derive(Debug, Clone, PartialEq)]
enum V {
    Day(Date),
    /// Month and day; the year comes from the document and the tense.
    MonthDay(i8, i8),
    /// A day of the document's month ("Friday the 22nd"), or of the month `k` months away
    /// ("the 20th of next month").
    DayOfMonth(i8, Option<i8>),
    /// Days `a..=b` of a month ("from 4 to 22 this month", "13 to 15 July").
    DaysIn(i8, i8, Box<V>),
    /// The `n`th weekday of a month (`n` = -1: the last).
    NthWeekday(i8, i8, Box<V>),
    Holiday(Holiday, Option<Y>),
    Month(Option<Y>, i8),
    Year(i16),
    /// The first year of a decade.
    Decade(i16),
    /// The first year of a century ("the 19th century": 1800).
    Century(i16),
    Quarter(Option<Y>, i8),
    Half(Option<Y>, i8),
    Season(Option<Y>, u8),
    /// ISO weekday; relative word; week offset ("Friday next week").
    Weekday(i8, Option<i8>, Option<i8>),
    /// Days from the document date: "yesterday" -1.
    Today(i64),
    /// "last year", "this week".
    RelUnit(Unit, i8),
    /// "the past two years" (direction -1), "the next 3 months" (1).
    Rolling(Unit, i8, f64),
    /// "two years ago" (-2), "in six weeks" (6).
    Shift(Unit, f64),
    /// "within ten months".
    Within(Unit, f64),
    /// "later this year" (1), "earlier this month" (-1).
    RestOf(Unit, i8),
    Part(Part, Box<V>),
    Range(Box<V>, Box<V>),
    Since(Box<V>),
    Until(Box<V>),
    Before(Box<V>),
    After(Box<V>),
    /// `n` units before (dir -1) or after (1) an anchor; `period` for "the six months before".
    Window(Unit, f64, i8, bool, Box<V>),
    /// The first (`true`) or last `n` units of a period, or its `nth` unit ("the third month
    /// of 2021").
    UnitsOf(bool, i64, Unit, f64, Box<V>),
    /// The `k`th weekday after (k > 0) or before (k < 0) the document date.
    NthWeekdayFrom(i8, i64),
    /// The Monday-to-Sunday week holding a day.
    WeekOf(Box<V>),
    /// `n` units from a day on ("a week starting tomorrow").
    Starting(Unit, f64, Box<V>),
    /// A temporal expression whose days are unknown ("in its first month").
    NoValue(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Neutral,
    Future,
}

/// A resolved expression: first and last day, and whether it names a single day.
#[derive(Debug, Clone, Copy)]
struct R {
    from: Option<Date>,
    to: Option<Date>,
    day: bool,
    unit: Option<Unit>,
}

impl V {
    /// Whether resolving needs the document date (a relative word, a missing year).
    fn needs_doc(&self) -> bool {
        match self {
            V::Day(_) | V::Year(_) | V::Decade(_) | V::Century(_) => false,
            V::Month(y, _)
            | V::Quarter(y, _)
            | V::Half(y, _)
            | V::Season(y, _)
            | V::Holiday(_, y) => !matches!(y, Some(Y::Abs(_))),
            V::Part(_, x)
            | V::Until(x)
            | V::Before(x)
            | V::After(x)
            | V::Since(x)
            | V::Window(.., x)
            | V::DaysIn(_, _, x)
            | V::NthWeekday(_, _, x)
            | V::UnitsOf(.., x)
            | V::WeekOf(x)
            | V::Starting(.., x) => x.needs_doc(),
            V::Range(a, b) => a.needs_doc() || b.needs_doc(),
            _ => true,
        }
    }
    /// Whether the expression names one day (a date claim) rather than a period.
    fn is_day(&self) -> bool {
        match self {
            V::Day(_)
            | V::MonthDay(..)
            | V::DayOfMonth(..)
            | V::NthWeekday(..)
            | V::Holiday(..)
            | V::Weekday(..)
            | V::Today(_)
            | V::Shift(..)
            | V::NthWeekdayFrom(..) => true,
            V::Window(_, _, _, period, _) => !period,
            V::NoValue(day) => *day,
            _ => false,
        }
    }
    /// Whether the year is written.
    fn explicit_year(&self) -> Option<i16> {
        match self {
            V::Day(d) => Some(d.year()),
            V::Month(Some(Y::Abs(y)), _) | V::Year(y) => Some(*y),
            _ => None,
        }
    }
    /// Gives a year-less month or day the year `y` (the end of "from April to June 2017").
    fn with_year(self, y: i16) -> V {
        match self {
            V::MonthDay(m, d) => ymd(i32::from(y), m.into(), d.into()).map_or(self, V::Day),
            V::Month(None, m) => V::Month(Some(Y::Abs(y)), m),
            V::Part(p, inner) => V::Part(p, Box::new(inner.with_year(y))),
            other => other,
        }
    }
    fn month(&self) -> Option<i8> {
        match self {
            V::MonthDay(m, _) | V::Month(_, m) => Some(*m),
            V::Day(d) => Some(d.month()),
            V::Part(_, v) => v.month(),
            _ => None,
        }
    }
}

pub(crate) fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

/// `d` moved by `n` units; whole months and years move on the calendar, fractions by days.
fn shift(lex: &TemporalLexicon, d: Date, unit: Unit, n: f64) -> Option<Date> {
    let months = match unit {
        Unit::Month => Some(1),
        Unit::Quarter => Some(3),
        Unit::Year => Some(12),
        Unit::Decade => Some(120),
        Unit::Century => Some(1200),
        _ => None,
    };
    if let Some(k) = months {
        if n.fract() == 0.0 && n.abs() < 10_000.0 {
            return add_months(d, n as i64 * k);
        }
    }
    let days = (n * lex.days(unit)).round();
    if days.abs() > 1e6 {
        return None;
    }
    add_days(d, days as i64)
}

fn month_span(y: i32, m: i32) -> Option<(Date, Date)> {
    let f = ymd(y, m, 1)?;
    Some((f, f.last_of_month()))
}

fn r(from: Date, to: Date, unit: Option<Unit>) -> R {
    R {
        from: Some(from),
        to: Some(to),
        day: false,
        unit,
    }
}

fn monday(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_one_offset() - 1))
}

// ---------------------------------------------------------------------------------------------
// The parser

/// Reads temporal expressions over the tokens of one text.
pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub t: &'a [Tok],
    pub doc: Option<Date>,
    pub lex: &'a TemporalLexicon,
    pub idx: &'a Index,
    /// The numeral starting at each token, read once (`count` asks for it many times).
    leads: RefCell<Vec<(bool, Option<Numeral>)>>,
}

const MAX_WORD: usize = 16;

/// The words `expr` and `point` read literally at the start of an expression; any other word
/// starts one only through its vocabulary entry (`WordInfo`). Keep in step with them: the test
/// `may_start_rejects_only_what_cannot_start` holds the two together.
const LEAD_WORDS: &[&str] = &[
    "since",
    "between",
    "from",
    "until",
    "till",
    "through",
    "thru",
    "by",
    "later",
    "greater",
    "before",
    "after",
    "in",
    "within",
    "rest",
    "remainder",
    "earlier",
    "last",
    "final",
    "opening",
    "closing",
    "month",
    "the",
    "yesterday",
    "today",
    "tomorrow",
    "tmrw",
    "q",
    "h",
    "mid",
    "a",
    "an",
    "few",
    "several",
];

/// The longest of `LEAD_WORDS`.
const LEAD_WORD_MAX: usize = 9;

/// Whether `w` (lowercase) is one of `LEAD_WORDS`: a bit per (length, first letter, last
/// letter) first, then the words of that length (no hashing: this runs for most words).
fn is_lead_word(w: &[u8]) -> bool {
    struct Lead {
        shapes: [u32; (LEAD_WORD_MAX + 1) * 32],
        by_len: Vec<Vec<&'static [u8]>>,
    }
    static LEAD: OnceLock<Lead> = OnceLock::new();
    let lead = LEAD.get_or_init(|| {
        let mut l = Lead {
            shapes: [0; (LEAD_WORD_MAX + 1) * 32],
            by_len: vec![Vec::new(); LEAD_WORD_MAX + 1],
        };
        for w in LEAD_WORDS {
            let b = w.as_bytes();
            l.shapes[b.len() * 32 + usize::from(b[0] & 31)] |= 1 << (b[b.len() - 1] & 31);
            l.by_len[b.len()].push(b);
        }
        l
    });
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    w.len() <= LEAD_WORD_MAX
        && lead.shapes[w.len() * 32 + usize::from(first & 31)] & (1 << (last & 31)) != 0
        && lead.by_len[w.len()].contains(&w)
}

impl Parser<'_> {
    pub fn word(&self, i: usize) -> Option<&str> {
        let t = self.t.get(i)?;
        (t.tk == Tk::Word).then(|| &self.lower[t.start..t.end])
    }
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    pub fn is_any_pub(&self, i: usize, ws: &[&str]) -> bool {
        self.is_any(i, ws)
    }
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i).is_some_and(|w| ws.contains(&w))
    }
    pub fn punct(&self, i: usize, c: u8) -> bool {
        self.t.get(i).is_some_and(|t| t.tk == Tk::Punct(c))
    }
    pub fn num(&self, i: usize) -> Option<u32> {
        match self.t.get(i)?.tk {
            Tk::Num(v) => Some(v),
            _ => None,
        }
    }
    /// Number of digits of a number token.
    fn ndigits(&self, i: usize) -> usize {
        self.t.get(i).map_or(0, |t| t.end - t.start)
    }
    /// Token `i` follows token `i - 1` with no space.
    pub fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }
    pub fn info(&self, i: usize) -> WordInfo {
        self.t.get(i).map(|t| t.info).unwrap_or_default()
    }
    fn capitalized(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| self.text.as_bytes()[t.start].is_ascii_uppercase())
    }

    /// False when token `i` cannot start an expression: punctuation (but an apostrophe), or a
    /// word with no vocabulary entry that `expr` and `point` do not read literally. Most words
    /// of a text are rejected here, before the grammar looks at them.
    #[inline]
    fn may_start(&self, i: usize) -> bool {
        let t = &self.t[i];
        match t.tk {
            Tk::Num(_) | Tk::Punct(b'\'') => true,
            Tk::Punct(_) => false,
            Tk::Word => {
                t.info != WordInfo::default()
                    || is_lead_word(&self.lower.as_bytes()[t.start..t.end])
            }
        }
    }

    fn run(&self, out: &mut Vec<Claim>) {
        let mut i = 0;
        while i < self.t.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            if let Some((end, v)) = self.expr(i) {
                if end > i {
                    self.emit(i, end, &v, out);
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    fn emit(&self, i: usize, end: usize, v: &V, out: &mut Vec<Claim>) {
        let span = Span::new(self.t[i].start, self.t[end - 1].end);
        // One search of the clause gives the modality and the tense.
        let hits = self.lex.cues.find(self.clause(span.start));
        let m = Modality {
            negated: hits.negated,
            hypothetical: hits.hypothetical,
            future: hits.future,
        };
        let tense = if m.future || m.hypothetical {
            Tense::Future
        } else if hits.past {
            Tense::Past
        } else {
            Tense::Neutral
        };
        // Absolute expressions resolve without a document date; any date will do as the anchor
        // since nothing reads it.
        let anchor = self
            .doc
            .or_else(|| (!v.needs_doc()).then(|| Date::constant(2000, 1, 1)));
        let res = anchor.and_then(|doc| self.resolve(v, doc, tense));
        let day = res.map_or_else(|| v.is_day(), |r| r.day);
        let mut c = Claim::new(0, span, if day { Kind::Date } else { Kind::Period });
        if let Some(r) = res {
            if r.from.is_some() || r.to.is_some() {
                c.dates = Some(DateRange {
                    from: r.from,
                    to: r.to,
                });
            }
        }
        c.modality = m;
        out.push(c);
    }

    // -- clause cues --------------------------------------------------------------------------

    /// The lowercase clause before `at`: back to the sentence start, at most 160 bytes.
    fn clause(&self, at: usize) -> &str {
        let mut s = at.saturating_sub(160);
        while !self.lower.is_char_boundary(s) {
            s += 1;
        }
        let w = &self.lower[s..at];
        match w.rfind(['.', '!', '?', ';', '\n']) {
            Some(k) => &w[k + 1..],
            None => w,
        }
    }

    pub fn modality(&self, at: usize) -> Modality {
        let hits = self.lex.cues.find(self.clause(at));
        Modality {
            negated: hits.negated,
            hypothetical: hits.hypothetical,
            future: hits.future,
        }
    }

    fn past(&self, at: usize) -> bool {
        self.lex.cues.find(self.clause(at)).past
    }

    // -- counts ---------------------------------------------------------------------------------

    /// The numeral that starts token `j` (read from a 40-byte window), remembered per token.
    fn lead(&self, j: usize) -> Option<Numeral> {
        if let Some((true, known)) = self.leads.borrow().get(j) {
            return *known;
        }
        let start = self.t.get(j)?.start;
        let n = leading_numeral(self.window(start));
        if let Some(slot) = self.leads.borrow_mut().get_mut(j) {
            *slot = (true, n);
        }
        n
    }

    /// Up to 40 bytes of text from `start`, cut on a char boundary.
    fn window(&self, start: usize) -> &str {
        let mut e = (start + 40).min(self.text.len());
        while !self.text.is_char_boundary(e) {
            e -= 1;
        }
        &self.text[start..e]
    }

    /// A count starting at token `j` ("two", "18", "two and a half", "a"): the token after it
    /// and its value (`None` for "a few", "several").
    pub fn count(&self, j: usize) -> Option<(usize, Option<f64>)> {
        let t = self.t.get(j)?;
        if let Some(w) = self.word(j) {
            match w {
                "a" | "an" => {
                    if self.is(j + 1, "few") {
                        return Some((j + 2, Some(3.0)));
                    }
                    if self.is(j + 1, "couple") {
                        let k = if self.is(j + 2, "of") { j + 3 } else { j + 2 };
                        return Some((k, Some(2.0)));
                    }
                    // "a hundred", "a dozen" are numerals; a bare "a" is one.
                    if let Some(first) = self.lead(j) {
                        let end = t.start + first.end;
                        if let Some(k) = self.t[j..].iter().position(|x| x.end == end) {
                            if k > 0 {
                                return Some((j + k + 1, Some(first.value)));
                            }
                        }
                    }
                    if !self.is(j + 1, "half") {
                        return Some((j + 1, Some(1.0)));
                    }
                }
                // "a few" is read as three, as the reference suites do.
                "few" => return Some((j + 1, Some(3.0))),
                "several" | "many" => return Some((j + 1, None)),
                _ => {}
            }
        } else if !matches!(t.tk, Tk::Num(_)) {
            return None;
        }
        let first = self.lead(j)?;
        let end = t.start + first.end;
        // The numeral must end on a token boundary.
        let k = j + self.t[j..].iter().position(|x| x.end >= end)?;
        (self.t[k].end == end && first.value >= 0.0).then_some((k + 1, Some(first.value)))
    }

    // -- expressions ---------------------------------------------------------------------------

    fn expr(&self, i: usize) -> Option<(usize, V)> {
        let w = self.word(i);
        match w {
            Some("since") => {
                let mut j = i + 1;
                if self.is(j, "at") && self.is(j + 1, "least") {
                    j += 2;
                }
                // "since" is itself a date context: "since at least 2017".
                let (e, v) = self.point(j).or_else(|| {
                    self.year_number(j, false)
                        .filter(|(e, _)| !self.word_follows(*e))
                        .map(|(e, y)| (e, V::Year(y)))
                })?;
                if matches!(v, V::Shift(..)) {
                    return None;
                }
                return Some((e, V::Since(Box::new(v))));
            }
            Some("between") => {
                if let Some(found) = self.days_in(self.the_at(i + 1)) {
                    return Some(found);
                }
                let (e, a) = if self.is(i + 1, "now") {
                    (i + 2, V::Today(0))
                } else {
                    self.point(i + 1)?
                };
                if !self.is(e, "and") {
                    return None;
                }
                let (e2, b) = self.end_point(e + 1, &a)?;
                return Some(self.range_in_year(e2, a, b));
            }
            Some("from") => {
                if let Some(found) = self.days_in(self.the_at(i + 1)) {
                    return Some(found);
                }
                if let Some((e, a)) = self.point(i + 1) {
                    if self.is_any(e, &["to", "until", "till", "through", "thru"])
                        || self.punct(e, b'-')
                    {
                        if let Some((e2, b)) = self.end_point(e + 1, &a) {
                            return Some(self.range_in_year(e2, a, b));
                        }
                    }
                }
                return None;
            }
            Some("until" | "till" | "through" | "thru" | "by") => {
                let (e, v) = self.point(i + 1)?;
                if matches!(v, V::Shift(..) | V::Within(..) | V::Rolling(..)) {
                    return None;
                }
                return Some((e, V::Until(Box::new(v))));
            }
            // "later than 2018", "greater than 2015".
            Some("later" | "greater") if self.is(i + 1, "than") => {
                let (e, v) = self
                    .point(i + 2)
                    .or_else(|| self.year_number(i + 2, false).map(|(e, y)| (e, V::Year(y))))?;
                return Some((e, V::After(Box::new(v))));
            }
            Some("before" | "after") => {
                let (e, v) = self.point(i + 1)?;
                if matches!(v, V::Shift(..) | V::Within(..) | V::Rolling(..)) {
                    return None;
                }
                let v = if w == Some("before") {
                    V::Before(Box::new(v))
                } else {
                    V::After(Box::new(v))
                };
                return Some((e, v));
            }
            Some("in") => {
                // "in six weeks": a day counted from the document date, when the clause looks
                // ahead or stands alone (in a past clause it is a length of time, left to the
                // duration reader).
                if let Some((e, n)) = self.count(i + 1) {
                    if let Some(unit) = self.info(e).unit {
                        let at = self.t[i].start;
                        let ahead = self.modality(at).future
                            || (!self.past(at) && self.clause(at).split_whitespace().count() <= 2);
                        if unit != Unit::Weekend && ahead {
                            return Some((
                                e + 1,
                                n.map_or(V::NoValue(true), |n| V::Shift(unit, n)),
                            ));
                        }
                    }
                }
                return None;
            }
            Some("within") => {
                if let Some((e, Some(n))) = self.count(i + 1) {
                    if let Some(unit) = self.info(e).unit {
                        if unit != Unit::Weekend && self.modality(self.t[i].start).future {
                            return Some((e + 1, V::Within(unit, n)));
                        }
                    }
                }
                return None;
            }
            Some("rest" | "remainder") if self.is(i + 1, "of") => {
                let j = if self.is_any(i + 2, &["the", "this", "my"]) {
                    i + 3
                } else {
                    i + 2
                };
                let unit = self.info(j).unit?;
                return Some((j + 1, V::RestOf(unit, 1)));
            }
            Some("later" | "earlier") if self.is(i + 1, "this") => {
                let unit = self.info(i + 2).unit?;
                let dir = if w == Some("later") { 1 } else { -1 };
                return Some((i + 3, V::RestOf(unit, dir)));
            }
            _ => {}
        }
        if let Some(found) = self.days_in(i) {
            return Some(found);
        }
        let (e, v) = self.point(i)?;
        // A range "X - Y", "X to Y", "X through Y".
        if self.punct(e, b'-')
            || self.punct(e, b'~')
            || self.is_any(e, &["through", "thru", "until", "till"])
            || (self.is(e, "to")
                && matches!(v, V::Year(_) | V::Month(..) | V::Day(_) | V::MonthDay(..)))
        {
            if let Some((e2, b)) = self.end_point(e + 1, &v) {
                return Some(self.range_in_year(e2, v, b));
            }
        }
        Some((e, v))
    }

    /// A range, with a year after it applying to both ends ("from April to June in 2017").
    fn range_in_year(&self, e: usize, a: V, b: V) -> (usize, V) {
        if self.is(e, "in") || self.punct(e, b',') {
            if let Some((e2, y)) = self.year_number(e + 1, true) {
                return (e2, range(a.with_year(y), b.with_year(y)));
            }
        }
        (e, range(a, b))
    }

    fn the_at(&self, i: usize) -> usize {
        if self.is(i, "the") {
            i + 1
        } else {
            i
        }
    }

    /// Days of one month: "4 to 22 this month", "13-15 July", "4 till 23 of next month".
    fn days_in(&self, i: usize) -> Option<(usize, V)> {
        if self.num(i).is_none() && self.info(i).ordinal == 0 {
            return None;
        }
        let (e, a) = self.day_number(i, true)?;
        if !(self.punct(e, b'-')
            || self.is_any(e, &["to", "till", "until", "through", "thru", "and"]))
        {
            return None;
        }
        let (e2, b) = self.day_number(self.the_at(e + 1), true)?;
        if b <= a {
            return None;
        }
        let k = if self.is_any(e2, &["of", "in"]) {
            e2 + 1
        } else {
            e2
        };
        // The month may be lowercase here ("1-8 september"): the days make it a date.
        if let Some(m) = i8::try_from(self.info(k).month).ok().filter(|m| *m > 0) {
            if self.point(k).is_none_or(|(e, _)| e == k + 1) {
                return Some((k + 1, V::DaysIn(a, b, Box::new(V::Month(None, m)))));
            }
        }
        let (e3, m) = self.point(k)?;
        match m {
            V::Month(..) | V::RelUnit(Unit::Month, _) => Some((e3, V::DaysIn(a, b, Box::new(m)))),
            V::Day(_) | V::MonthDay(..) if !self.is_any(e2, &["of", "in"]) => {
                // "from 4 to January 22, 1995": the start takes the end's month.
                let start = match &m {
                    V::Day(d) => V::Day(ymd(d.year().into(), d.month().into(), a.into())?),
                    V::MonthDay(mo, _) => V::MonthDay(*mo, a),
                    _ => return None,
                };
                Some((e3, V::Range(Box::new(start), Box::new(m))))
            }
            _ => None,
        }
    }

    /// "first Monday of this month", "the third Tuesday of September 2014", "last Friday in
    /// October".
    fn nth_weekday_expr(&self, i: usize) -> Option<(usize, V)> {
        let (e, n) = if self.is(i, "last") {
            (i + 1, -1)
        } else if let Some(n) = self.num(i) {
            if !(self.tight(i + 1) && self.is_any(i + 1, &["st", "nd", "rd", "th"])) {
                return None;
            }
            (i + 2, i8::try_from(n).ok()?)
        } else {
            (i + 1, i8::try_from(self.info(i).ordinal).ok()?)
        };
        if n == 0 || n > 5 {
            return None;
        }
        let wd = i8::try_from(self.info(e).weekday).ok().filter(|w| *w > 0)?;
        if !self.is_any(e + 1, &["of", "in"]) {
            return None;
        }
        let k = e + 2;
        if self.is(k, "the") && self.is(k + 1, "month") {
            return Some((
                k + 2,
                V::NthWeekday(n, wd, Box::new(V::RelUnit(Unit::Month, 0))),
            ));
        }
        let (e2, m) = self.point(k)?;
        match m {
            V::Month(..) | V::RelUnit(Unit::Month, _) => {
                Some((e2, V::NthWeekday(n, wd, Box::new(m))))
            }
            _ => None,
        }
    }

    /// The end of a range after "and", "to", "-": a full point, or a bare day of the start's
    /// month ("November 19-20", "July 13 through 15").
    fn end_point(&self, j: usize, start: &V) -> Option<(usize, V)> {
        if self.is(j, "now") {
            return Some((j + 1, V::Today(0)));
        }
        if let V::MonthDay(..) | V::Day(_) = start {
            if let Some((e, d)) = self.day_number(j, true) {
                if self.info(e).month == 0 && !self.punct(e, b'/') && !self.punct(e, b'-') {
                    let b = match start {
                        V::MonthDay(m, _) => V::MonthDay(*m, d),
                        V::Day(x) => V::Day(ymd(x.year().into(), x.month().into(), d.into())?),
                        _ => return None,
                    };
                    let (e, b) = self.opt_year(e, b);
                    return Some((e, b));
                }
            }
        }
        let (e, b) = self.point(j)?;
        Some((e, b))
    }

    /// A year after a day ("October 2, 2025"), if any.
    fn opt_year(&self, j: usize, v: V) -> (usize, V) {
        let k = if self.punct(j, b',') { j + 1 } else { j };
        if let Some((e, y)) = self.year_number(k, true) {
            return (e, v.with_year(y));
        }
        (j, v)
    }

    /// A four-digit year (any 1000-2999 when `loose`, else 1900-2099), or "'87".
    fn year_number(&self, j: usize, loose: bool) -> Option<(usize, i16)> {
        if self.punct(j, b'\'') {
            let n = self.num(j + 1)?;
            if self.tight(j + 1) && self.ndigits(j + 1) == 2 && !self.word_follows(j + 2) {
                return Some((j + 2, two_digit_year(n)));
            }
            return None;
        }
        let n = self.num(j)?;
        let range = if loose { 1000..=2999 } else { 1900..=2099 };
        if self.ndigits(j) != 4 || !range.contains(&n) {
            return None;
        }
        // "2017's" is still the year; "2017s" or "2017km" are not.
        if self.tight(j + 1)
            && matches!(self.t.get(j + 1).map(|t| t.tk), Some(Tk::Word | Tk::Num(_)))
        {
            return None;
        }
        // "2,017" (a number with a thousands separator) is not a year.
        if self.punct(j + 1, b',')
            && self.tight(j + 1)
            && self.num(j + 2).is_some()
            && self.tight(j + 2)
        {
            return None;
        }
        if j > 1 && self.punct(j - 1, b',') && self.tight(j) && self.num(j - 2).is_some() {
            return None;
        }
        Some((j + 1, i16::try_from(n).ok()?))
    }

    fn word_follows(&self, j: usize) -> bool {
        self.tight(j) && matches!(self.t.get(j).map(|t| t.tk), Some(Tk::Word))
    }

    /// A day of the month: "2", "2nd", "second", "twenty-first", "twenty nine". `plain` allows
    /// a bare number without an ordinal suffix.
    fn day_number(&self, j: usize, plain: bool) -> Option<(usize, i8)> {
        if let Some(n) = self.num(j) {
            if !(1..=31).contains(&n) || self.ndigits(j) > 2 {
                return None;
            }
            let d = i8::try_from(n).ok()?;
            if self.tight(j + 1) && self.is_any(j + 1, &["st", "nd", "rd", "th"]) {
                return Some((j + 2, d));
            }
            // "5 million", "5%", "5:30", "2.5" are not days.
            if self.tight(j + 1)
                && (self.punct(j + 1, b'%')
                    || self.punct(j + 1, b':')
                    || self.punct(j + 1, b'.') && self.num(j + 2).is_some())
            {
                return None;
            }
            if self.word_follows(j + 1) {
                return None;
            }
            return plain.then_some((j + 1, d));
        }
        let info = self.info(j);
        if info.ordinal > 0 {
            return Some((j + 1, i8::try_from(info.ordinal).ok()?));
        }
        if info.cardinal >= 20 && info.cardinal.is_multiple_of(10) {
            let k = if self.punct(j + 1, b'-') {
                j + 2
            } else {
                j + 1
            };
            let next = self.info(k);
            let unit = next.ordinal.max(if plain { next.cardinal } else { 0 });
            if (1..=9).contains(&unit) {
                let d = info.cardinal + unit;
                return (d <= 31).then_some((k + 1, i8::try_from(d).ok()?));
            }
            if info.cardinal == 20 || info.cardinal == 30 {
                return plain.then_some((j + 1, i8::try_from(info.cardinal).ok()?));
            }
            return None;
        }
        if plain && (1..=19).contains(&info.cardinal) && self.word(j).is_some() {
            return Some((j + 1, i8::try_from(info.cardinal).ok()?));
        }
        None
    }

    /// The best (longest) reading of a single time point or unit at `i`.
    fn point(&self, i: usize) -> Option<(usize, V)> {
        let mut best: Option<(usize, V)> = None;
        let mut take = |c: Option<(usize, V)>| {
            if let Some((e, v)) = c {
                if best.as_ref().is_none_or(|(be, _)| e > *be) {
                    best = Some((e, v));
                }
            }
        };
        let tok = self.t.get(i)?;
        match tok.tk {
            Tk::Num(_) => {
                take(self.century(i));
                take(self.nth_weekday_expr(i));
                take(self.numeric_date(i));
                take(self.day_first(i));
                take(self.year_point(i));
                take(self.ordinal_unit(i));
                take(self.count_relative(i));
            }
            Tk::Word => {
                let w = &self.lower[tok.start..tok.end];
                let info = tok.info;
                if w.len() > MAX_WORD {
                    return None;
                }
                if info.month > 0 {
                    take(self.month_first(i));
                }
                if info.weekday > 0 {
                    take(self.weekday(i));
                }
                if info.relative.is_some() {
                    take(self.relative(i));
                }
                if info.part.is_some() {
                    take(self.part(i));
                }
                if info.ordinal > 0 || info.cardinal > 0 || info.half > 0 {
                    take(self.day_first(i));
                    take(self.ordinal_unit(i));
                }
                if info.season.is_some() {
                    take(self.season(i, None));
                }
                if info.ordinal > 0 {
                    take(self.century(i));
                }
                if info.decade.is_some() || info.cardinal > 0 {
                    take(self.decade_word(i));
                }
                if info.ordinal > 0 || w == "last" {
                    take(self.nth_weekday_expr(i));
                }
                if info.ordinal > 0 || matches!(w, "last" | "final" | "opening" | "closing") {
                    take(self.units_of(i));
                }
                if w == "month" && self.is(i + 1, "of") && self.info(i + 2).month > 0 {
                    let m = i8::try_from(self.info(i + 2).month).ok()?;
                    take(Some((i + 3, V::Month(None, m))));
                }
                if info.holiday {
                    take(self.holiday(i, None));
                }
                match w {
                    "the" => take(self.the_point(i)),
                    "yesterday" => take(Some((i + 1, V::Today(-1)))),
                    "today" => take(Some((i + 1, V::Today(0)))),
                    "tomorrow" | "tmrw" => take(Some((i + 1, V::Today(1)))),
                    "q" | "h" => take(self.quarter_code(i)),
                    "mid" => take(self.part(i)),
                    _ => {}
                }
                if info.cardinal > 0 || matches!(w, "a" | "an" | "few" | "several") {
                    take(self.count_relative(i));
                }
            }
            Tk::Punct(b'\'') => take(self.year_point(i)),
            Tk::Punct(_) => {}
        }
        best
    }

    /// "the ..." forms.
    fn the_point(&self, i: usize) -> Option<(usize, V)> {
        let j = i + 1;
        let w = self.word(j);
        match w {
            // "the week of October 6", "the week beginning February 4".
            Some("week") if self.is_any(j + 1, &["of", "starting", "beginning", "commencing"]) => {
                let k = if self.is(j + 2, "on") { j + 3 } else { j + 2 };
                let k = if self.is(j + 1, "of") {
                    self.the_at(k)
                } else {
                    k
                };
                let (e, x) = if self.is(j + 1, "of") && self.num(k).is_some() {
                    let (e, d) = self.day_number(k, false)?;
                    (e, V::DayOfMonth(d, None))
                } else {
                    self.point(k)?
                };
                if !x.is_day() {
                    return None;
                }
                Some((e, V::WeekOf(Box::new(x))))
            }
            Some("day") => {
                if self.is(j + 1, "after") && self.is_any(j + 2, &["tomorrow", "tmrw"]) {
                    return Some((j + 3, V::Today(2)));
                }
                if self.is(j + 1, "before") && self.is(j + 2, "yesterday") {
                    return Some((j + 3, V::Today(-2)));
                }
                None
            }
            Some("week" | "year" | "month")
                if self.is(j + 1, "after") && self.is(j + 2, "next") =>
            {
                let unit = self.info(j).unit?;
                Some((j + 3, V::RelUnit(unit, 2)))
            }
            _ if self.num(j).is_some()
                && self.day_number(j, false).is_some()
                && self.info(self.day_number(j, false)?.0).month == 0
                && !self.is(self.day_number(j, false)?.0, "of")
                && !self.word_follows(self.day_number(j, false)?.0)
                && self.word(self.day_number(j, false)?.0).is_none_or(|w| {
                    matches!(w, "and" | "or" | "at" | "to" | "when" | "until" | "through")
                }) =>
            {
                let (e, d) = self.day_number(j, false)?;
                Some((e, V::DayOfMonth(d, None)))
            }
            _ => {
                // "the 2nd of October", "the 1990s", "the third quarter", "the latter half".
                let (e, v) = self.point(j)?;
                if matches!(v, V::Today(_) | V::Shift(..)) {
                    return None;
                }
                // "the six months before January 2026" is a period.
                let v = match v {
                    V::Window(u, n, d, _, a) => V::Window(u, n, d, true, a),
                    other => other,
                };
                Some((e, v))
            }
        }
    }

    /// Numeric dates: "2025-10-02", "2025/10/02", "10/2/2025", "21/04/16", "2/15", "2019/sep/01".
    fn numeric_date(&self, i: usize) -> Option<(usize, V)> {
        let a = self.num(i)?;
        let sep = match self.t.get(i + 1)?.tk {
            Tk::Punct(c @ (b'/' | b'-' | b'.')) if self.tight(i + 1) && self.tight(i + 2) => c,
            _ => return None,
        };
        // Not inside a longer run ("1/2/3/4", "v1.2").
        if i > 0 && !self.t[i].space && !matches!(self.t[i - 1].tk, Tk::Punct(b'(' | b'"' | b'\''))
        {
            return None;
        }
        let second_month = self.info(i + 2).month;
        let b = if second_month > 0 {
            u32::from(second_month)
        } else {
            self.num(i + 2)?
        };
        let has_third = self.punct(i + 3, sep)
            && self.tight(i + 3)
            && self.tight(i + 4)
            && self.num(i + 4).is_some();
        let tail_ok = |k: usize| {
            !(self.tight(k)
                && matches!(
                    self.t.get(k).map(|t| t.tk),
                    Some(Tk::Num(_) | Tk::Word | Tk::Punct(b'/' | b'%' | b':'))
                )
                || self.tight(k)
                    && (self.punct(k, b'-') || self.punct(k, b'.'))
                    && self.num(k + 1).is_some()
                    // "10/1/2018-10/7/2018" is a range of two dates.
                    && self.numeric_date(k + 1).is_none())
        };
        if self.ndigits(i) == 4 {
            if !has_third {
                return None;
            }
            let c = self.num(i + 4)?;
            let d = ymd(a as i32, b as i32, c as i32)?;
            return tail_ok(i + 5).then_some((i + 5, V::Day(d)));
        }
        if self.ndigits(i) > 2 || second_month > 0 {
            return None;
        }
        if has_third {
            let c = self.num(i + 4)?;
            let y = match self.ndigits(i + 4) {
                4 => c as i32,
                2 => i32::from(two_digit_year(c)),
                _ => return None,
            };
            // Month first (US) unless the first number cannot be a month.
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            let date = ymd(y, m as i32, d as i32)?;
            return tail_ok(i + 5).then_some((i + 5, V::Day(date)));
        }
        // "2/15" without a year: only with a slash, and not a fraction ("1/2", "3/4"); "22/04"
        // is day first.
        let (a, b) = if a > 12 && (1..=12).contains(&b) && a <= 31 {
            (b, a)
        } else {
            (a, b)
        };
        if sep != b'/'
            || !(1..=12).contains(&a)
            || !(1..=31).contains(&b)
            || self.ndigits(i + 2) > 2
        {
            return None;
        }
        if b <= 10 && a < b || self.is(i + 3, "of") {
            return None;
        }
        if !tail_ok(i + 3) {
            return None;
        }
        ymd(2000, a as i32, b as i32)?;
        Some((i + 3, V::MonthDay(a as i8, b as i8)))
    }

    /// Month first: "October 2, 2025", "Oct. 2", "Oct 2nd", "March 2025", "March of 2025",
    /// "March".
    fn month_first(&self, i: usize) -> Option<(usize, V)> {
        let m = i8::try_from(self.info(i).month).ok()?;
        let full = self
            .word(i)
            .is_some_and(|w| w.len() >= 5 || matches!(w, "june" | "july" | "may"));
        let mut j = i + 1;
        // "Oct. 2", "Oct/2", "Oct-2"; after a full name a full stop ends the sentence ("from
        // July. One-way fares ...").
        if self.tight(j)
            && (self.punct(j, b'.') && !full
                || (self.punct(j, b'/') || self.punct(j, b'-')) && self.num(j + 1).is_some())
        {
            j += 1;
        }
        // "May" the modal verb and "march" the verb are only months when capitalised or
        // followed by a day or year.
        let cap = self.capitalized(i);
        let k = if self.is(j, "the") { j + 1 } else { j };
        if let Some((e, d)) = self.day_number(k, k == j) {
            if (1..=31).contains(&d) && ymd(2000, m.into(), d.into()).is_some() {
                let (e, v) = self.opt_year(e, V::MonthDay(m, d));
                return Some((e, v));
            }
        }
        // "March 2025", "March of 2025", "April of 87", "March, 2025".
        let k = if self.is(j, "of") || self.punct(j, b',') {
            j + 1
        } else {
            j
        };
        if let Some((e, y)) = self.year_number(k, true) {
            return Some((e, V::Month(Some(Y::Abs(y)), m)));
        }
        if k > j && self.num(k).is_some() && self.ndigits(k) == 2 && self.is(j, "of") {
            let y = two_digit_year(self.num(k)?);
            return Some((k + 1, V::Month(Some(Y::Abs(y)), m)));
        }
        if self.is(j, "of")
            && self.is_any(j + 1, &["this", "last", "next"])
            && self.is(j + 2, "year")
        {
            let r = self.info(j + 1).relative?;
            return Some((j + 3, V::Month(Some(Y::Rel(r)), m)));
        }
        // "Nov-Feb 2017": an abbreviation starts a range of months.
        let starts_range = (self.punct(j, b'-') || self.is(j, "to")) && self.info(j + 1).month > 0;
        if (cap || i == 0) && (full || starts_range) {
            return Some((i + 1, V::Month(None, m)));
        }
        // "in Jan", "since may": a preposition makes an abbreviation or a lowercase name a month.
        let after_prep = i > 0
            && self.is_any(
                i - 1,
                &[
                    "in", "since", "until", "till", "by", "from", "through", "during", "of",
                    "early", "late", "mid", "before", "after",
                ],
            );
        if after_prep && (cap || full) && self.word(i).is_some_and(|w| w.len() >= 3) {
            return Some((i + 1, V::Month(None, m)));
        }
        None
    }

    /// Day first: "2 October 2025", "2nd of October", "the second of Aug".
    fn day_first(&self, i: usize) -> Option<(usize, V)> {
        // "6,107.31 August", "$12 December": the number belongs to something else.
        if i > 0
            && self.tight(i)
            && matches!(self.t[i - 1].tk, Tk::Punct(c) if !matches!(c, b'(' | b'"' | b'\'' | b'['))
        {
            return None;
        }
        let (mut e, d) = self.day_number(i, true)?;
        // "the 15th day of next month", "05-Aug-2016".
        let day_of = self.is(e, "day") && self.is(e + 1, "of");
        let dashed =
            self.punct(e, b'-') && self.tight(e) && self.tight(e + 1) && self.info(e + 1).month > 0;
        if day_of || dashed {
            e += 1;
        }
        if self.is(e, "of") && self.is(e + 2, "month") {
            if let Some(r) = self.info(e + 1).relative {
                return Some((e + 3, V::DayOfMonth(d, Some(r))));
            }
        }
        let j = if self.is(e, "of") { e + 1 } else { e };
        let m = i8::try_from(self.info(j).month).ok().filter(|m| *m > 0)?;
        // A plain number before a month needs the month right after it ("2 October").
        if self.num(i).is_some()
            && j == e
            && !self.tight(e)
            && self.t[e].space
            && self.num(i).is_some()
        {
            // fine: "2 October"
        }
        ymd(2000, m.into(), d.into())?;
        let mut k = j + 1;
        if self.punct(k, b'.') && self.tight(k) {
            k += 1;
        }
        // "15 April of 87", "31-Oct-74".
        if (self.is(k, "of") || self.punct(k, b'-')) && self.num(k + 1).is_some() {
            if let Some((e2, y)) = self.year_number(k + 1, true) {
                return Some((e2, V::MonthDay(m, d).with_year(y)));
            }
            if self.ndigits(k + 1) == 2 {
                let y = two_digit_year(self.num(k + 1)?);
                return Some((k + 2, V::MonthDay(m, d).with_year(y)));
            }
        }
        Some(self.opt_year(k, V::MonthDay(m, d)))
    }

    /// Years: "2017" (in a date context), "2017's", "the 1990s", "'90s", "2014-2018".
    fn year_point(&self, i: usize) -> Option<(usize, V)> {
        // Decades: "1990s", "'90s".
        if self.punct(i, b'\'') {
            let n = self.num(i + 1)?;
            if self.ndigits(i + 1) == 2 && n % 10 == 0 && self.tight(i + 2) && self.is(i + 2, "s") {
                return Some((i + 3, V::Decade(1900 + n as i16)));
            }
            return None;
        }
        let n = self.num(i)?;
        // "the 70s", "the late 80's": a two-digit decade, after "the" (not "in their 70s").
        if self.ndigits(i) == 2 && n % 10 == 0 && self.tight(i + 1) && i > 0 {
            let after_the = self.is(i - 1, "the")
                || (self.is_any(i - 1, &["early", "late"]) && self.is(i.wrapping_sub(2), "the"));
            let e = if self.is(i + 1, "s") {
                i + 2
            } else if self.punct(i + 1, b'\'') && self.is(i + 2, "s") && self.tight(i + 2) {
                i + 3
            } else {
                0
            };
            if after_the && e > 0 && !self.word_follows(e) {
                return Some((e, V::Decade(two_digit_year(n))));
            }
        }
        if self.ndigits(i) == 4 && (1000..3000).contains(&n) && n % 10 == 0 && self.tight(i + 1) {
            // "the 1800s" is a century; "the 1900s" too (it holds the decade of the same name);
            // "the 2000s" is mostly said of the decade.
            if self.is(i + 1, "s") && n % 100 == 0 && n <= 1900 {
                return Some((i + 2, V::Century(n as i16)));
            }
            if self.is(i + 1, "s") {
                return Some((i + 2, V::Decade(n as i16)));
            }
            // "the 1970's".
            if self.punct(i + 1, b'\'') && self.is(i + 2, "s") && self.tight(i + 2) {
                return Some((i + 3, V::Decade(n as i16)));
            }
        }
        // "2018Q4".
        if self.ndigits(i) == 4
            && (1900..2100).contains(&n)
            && self.is(i + 1, "q")
            && self.tight(i + 1)
            && self.tight(i + 2)
            && self.ndigits(i + 2) == 1
            && !self.word_follows(i + 3)
        {
            if let Some(q) = self.num(i + 2).filter(|q| (1..=4).contains(q)) {
                return Some((i + 3, V::Quarter(Some(Y::Abs(n as i16)), q as i8)));
            }
        }
        let (e, y) = self.year_number(i, false).or_else(|| self.old_year(i))?;
        // "2015-3", "2015/03", "2015.3": a month; but "2011-12" is two years.
        if matches!(
            self.t.get(e).map(|t| t.tk),
            Some(Tk::Punct(b'-' | b'/' | b'.'))
        ) && self.tight(e)
            && self.tight(e + 1)
        {
            if let Some(m) = self.num(e + 1) {
                let next_year =
                    self.ndigits(e + 1) == 2 && m == (u32::try_from(y).unwrap_or(0) + 1) % 100;
                let continues = self.tight(e + 2)
                    && matches!(
                        self.t.get(e + 2).map(|t| t.tk),
                        Some(Tk::Punct(b'-' | b'/' | b'.') | Tk::Num(_) | Tk::Word)
                    );
                if (1..=12).contains(&m) && self.ndigits(e + 1) <= 2 && !next_year && !continues {
                    return Some((e + 2, V::Month(Some(Y::Abs(y)), m as i8)));
                }
            }
        }
        // "2014-2018", "2019-20", "2014 to 2018" need no other context.
        if (self.punct(e, b'-') || self.punct(e, b'/')) && self.tight(e) && self.tight(e + 1) {
            if let Some(n2) = self.num(e + 1) {
                let y2 = match self.ndigits(e + 1) {
                    4 => i16::try_from(n2).ok()?,
                    2 => y / 100 * 100 + n2 as i16,
                    _ => return None,
                };
                if y2 > y && y2 - y < 100 && !self.word_follows(e + 2) && !self.punct(e + 2, b'-') {
                    return Some((e + 2, V::Range(Box::new(V::Year(y)), Box::new(V::Year(y2)))));
                }
            }
        }
        // "2017 q1", "2017 Q1".
        if self.is(e, "q") && self.tight(e + 1) && self.ndigits(e + 1) == 1 {
            if let Some(q) = self.num(e + 1).filter(|q| (1..=4).contains(q)) {
                return Some((e + 2, V::Quarter(Some(Y::Abs(y)), q as i8)));
            }
        }
        // "2016 june".
        if let Some(m) = i8::try_from(self.info(e).month).ok().filter(|m| *m > 0) {
            if self.word(e).is_some_and(|w| w.len() >= 3) && !self.capitalized(e) {
                return Some((e + 1, V::Month(Some(Y::Abs(y)), m)));
            }
        }
        if self.year_context(i, e) {
            return Some((e, V::Year(y)));
        }
        None
    }

    /// A year before 1900 standing where only a date can ("opened in 1885 in a building",
    /// "since 1850."): after a temporal preposition and before punctuation or a function word,
    /// not a noun ("in 1850 homes" is a count).
    fn old_year(&self, i: usize) -> Option<(usize, i16)> {
        let (e, y) = self.year_number(i, true)?;
        let before = i > 0 && self.is_any(i - 1, &["in", "since", "from", "until", "till", "by"]);
        let after = e >= self.t.len()
            || matches!(self.t[e].tk, Tk::Punct(_))
            || self.is_any(
                e,
                &[
                    "in", "and", "when", "with", "by", "at", "as", "after", "before", "but", "on",
                    "for", "to", "the", "a", "an", "under", "until", "from",
                ],
            );
        ((1600..1900).contains(&y) && before && after).then_some((e, y))
    }

    /// Whether a bare four-digit number at `i..e` is used as a year.
    fn year_context(&self, i: usize, e: usize) -> bool {
        // What follows: "2017 people" is a count, "2017's" a year.
        if self.punct(e, b'\'') && self.is(e + 1, "s") {
            return true;
        }
        // "2017 to 2019", "2017-2019".
        if (self.is_any(e, &["to", "through", "until", "and"]) || self.punct(e, b'-'))
            && self.ndigits(e + 1) == 4
            && self.num(e + 1).is_some()
        {
            return true;
        }
        // "the firm's 2017 accounts".
        if i >= 2 && self.is(i - 1, "s") && self.punct(i - 2, b'\'') && self.tight(i - 1) {
            return true;
        }
        if self.punct(e, b'%')
            || self.is_any(
                e,
                &["percent", "per", "people", "million", "billion", "thousand"],
            )
        {
            return false;
        }
        if i == 0 {
            return e >= self.t.len() || matches!(self.t[e].tk, Tk::Punct(_));
        }
        if self.punct(i - 1, b'(') {
            return self.punct(e, b')') || self.punct(e, b',');
        }
        self.is_any(
            i - 1,
            &[
                "in",
                "since",
                "from",
                "by",
                "until",
                "till",
                "through",
                "thru",
                "during",
                "of",
                "before",
                "after",
                "early",
                "mid",
                "late",
                "to",
                "and",
                "between",
                "year",
                "circa",
                "spring",
                "summer",
                "autumn",
                "fall",
                "winter",
                "around",
                "throughout",
                "fiscal",
                "end",
                "start",
                "beginning",
                "middle",
                "or",
                "for",
                "as",
                "against",
                "than",
            ],
        ) || (self.punct(i - 1, b'-') && self.is(i.wrapping_sub(2), "mid"))
            || (self.punct(i - 1, b',') && self.info(i.wrapping_sub(2)).month > 0)
    }

    /// "the 21st century", "the nineteenth century", "21st-century".
    fn century(&self, i: usize) -> Option<(usize, V)> {
        let (e, n) = match self.num(i) {
            Some(n) if self.tight(i + 1) && self.is_any(i + 1, &["st", "nd", "rd", "th"]) => {
                (i + 2, n)
            }
            Some(_) => return None,
            None => (i + 1, u32::from(self.info(i).ordinal)),
        };
        let e = if self.punct(e, b'-') && self.tight(e) && self.tight(e + 1) {
            e + 1
        } else {
            e
        };
        if !(1..=30).contains(&n) || !self.is(e, "century") {
            return None;
        }
        Some((e + 1, V::Century(i16::try_from((n - 1) * 100).ok()?)))
    }

    /// Decades in words: "the seventies", "the early eighties", "the nineteen seventies", "the
    /// twenty-tens".
    fn decade_word(&self, i: usize) -> Option<(usize, V)> {
        let info = self.info(i);
        if let Some(y) = info.decade {
            let after = i > 0
                && (self.is(i - 1, "the")
                    || (self.is_any(i - 1, &["early", "late", "mid"])
                        && self.is(i.wrapping_sub(2), "the"))
                    || (self.punct(i - 1, b'-') && self.is(i.wrapping_sub(2), "mid")));
            return after.then_some((i + 1, V::Decade(y)));
        }
        // A century number: "nineteen", "twenty".
        let century = i16::from(info.cardinal);
        if !(10..=20).contains(&century) {
            return None;
        }
        let k = if self.punct(i + 1, b'-') && self.tight(i + 1) && self.tight(i + 2) {
            i + 2
        } else {
            i + 1
        };
        let d = self.info(k).century_decade?;
        Some((k + 1, V::Decade(century * 100 + i16::from(d))))
    }

    /// "Q3 2025", "Q3", "H2 2025", "H1".
    fn quarter_code(&self, i: usize) -> Option<(usize, V)> {
        let n = self.num(i + 1)?;
        if !self.tight(i + 1) || self.ndigits(i + 1) != 1 {
            return None;
        }
        let quarter = self.is(i, "q");
        if !(1..=if quarter { 4 } else { 2 }).contains(&n) || self.word_follows(i + 2) {
            return None;
        }
        if !self.capitalized(i) {
            return None;
        }
        // "Q1-2019".
        let (e, y) = match self.year_number(i + 3, false) {
            Some((e, y)) if self.punct(i + 2, b'-') && self.tight(i + 2) && self.tight(i + 3) => {
                (e, Some(Y::Abs(y)))
            }
            _ => self.of_year(i + 2),
        };
        let n = n as i8;
        Some((
            e,
            if quarter {
                V::Quarter(y, n)
            } else {
                V::Half(y, n)
            },
        ))
    }

    /// An optional year after a quarter, half or season: "2025", "of 2025", "of the year",
    /// "of last year", "'s".
    fn of_year(&self, j: usize) -> (usize, Option<Y>) {
        let k = if self.is(j, "of") || self.punct(j, b',') {
            j + 1
        } else {
            j
        };
        if let Some((e, y)) = self.year_number(k, true) {
            return (e, Some(Y::Abs(y)));
        }
        // "Christmas last year", "Q3 next year".
        if let Some(r) = self.info(j).relative {
            if self.is(j + 1, "year") {
                return (j + 2, Some(Y::Rel(r)));
            }
        }
        if k > j && self.is(j, "of") {
            if self.is(k, "the") && self.is(k + 1, "year") {
                return (k + 2, Some(Y::Rel(0)));
            }
            if let Some(r) = self.info(k).relative {
                if self.is(k + 1, "year") {
                    return (k + 2, Some(Y::Rel(r)));
                }
            }
        }
        (j, None)
    }

    /// "Fridays": the weekday of a plural weekday name.
    fn plural_weekday(&self, j: usize) -> Option<i8> {
        let w = self.word(j)?.strip_suffix('s')?;
        let wd = self.idx.words.get(w)?.weekday;
        (wd > 0 && w.len() > 5)
            .then(|| i8::try_from(wd).ok())
            .flatten()
    }

    /// "the first six months of 2025", "the last four months of 2021", "the third month of
    /// 2021", "the first week of 2021", "the last week of July".
    fn units_of(&self, i: usize) -> Option<(usize, V)> {
        let w = self.word(i)?;
        let (first, nth, mut j) = match w {
            "first" | "opening" => (true, 1, i + 1),
            "last" | "final" | "closing" => (false, 1, i + 1),
            _ => {
                let o = self.info(i).ordinal;
                if o == 0 {
                    return None;
                }
                (true, i64::from(o), i + 1)
            }
        };
        let mut n = 1.0;
        if nth == 1 && self.info(j).unit.is_none() {
            let (e, c) = self.count(j)?;
            n = c?;
            j = e;
        }
        let unit = self.info(j).unit?;
        if !self.is(j + 1, "of") || unit == Unit::Weekend {
            return None;
        }
        let k = j + 2;
        let (e, x) = if self.is(k, "the") && self.is_any(k + 1, &["year", "month"]) {
            (k + 2, V::RelUnit(self.info(k + 1).unit?, 0))
        } else {
            self.point(k)?
        };
        if !matches!(
            x,
            V::Year(_)
                | V::Month(..)
                | V::RelUnit(..)
                | V::Quarter(..)
                | V::Half(..)
                | V::Decade(_)
                | V::Century(_)
        ) {
            return None;
        }
        Some((e, V::UnitsOf(first, nth, unit, n, Box::new(x))))
    }

    /// "third quarter (of 2025)", "3rd quarter", "first half of 2025", "latter half", "its
    /// first month".
    fn ordinal_unit(&self, i: usize) -> Option<(usize, V)> {
        let (e, n) = if let Some(n) = self.num(i) {
            if self.ndigits(i) != 1
                || !self.tight(i + 1)
                || !self.is_any(i + 1, &["st", "nd", "rd", "th"])
            {
                return None;
            }
            (i + 2, n as u8)
        } else {
            let info = self.info(i);
            let n = if self.is(i + 1, "half") {
                info.half
            } else {
                info.ordinal
            };
            (i + 1, n)
        };
        if n == 0 {
            return None;
        }
        if self.is(e, "half") {
            let h = if n == 1 { 1 } else { 2 };
            let (e2, y) = self.of_year(e + 1);
            // "the first half" alone is as often a match as a year.
            return Some((e2, V::Half(Some(y?), h)));
        }
        if self.info(e).unit == Some(Unit::Quarter) && self.is(e, "quarter") && (1..=4).contains(&n)
        {
            let (e2, y) = self.of_year(e + 1);
            return Some((e2, V::Quarter(y, n as i8)));
        }
        // "in its first month": a period whose days the text does not give.
        if i > 0 && self.is_any(i - 1, &["its", "their", "his", "her"]) {
            if let Some(unit) = self.info(e).unit {
                if self.word(e).is_some_and(|w| !w.ends_with('s')) {
                    return Some((e + 1, V::NoValue(unit == Unit::Day)));
                }
            }
        }
        None
    }

    /// Holidays: "Christmas", "Thanksgiving 2017", "Easter of 2013"; `rel` for "last Easter".
    fn holiday(&self, i: usize, rel: Option<i8>) -> Option<(usize, V)> {
        let first = self.word(i)?;
        let cands = self.idx.holidays.get(first)?;
        for (pieces, h) in cands {
            let mut j = i;
            let ok = pieces.iter().all(|p| {
                let matched = match self.t.get(j).map(|t| t.tk) {
                    Some(Tk::Word | Tk::Num(_)) => {
                        let t = self.t[j];
                        self.lower[t.start..t.end] == *p
                    }
                    Some(Tk::Punct(c)) => p.len() == 1 && p.as_bytes()[0] == c,
                    None => false,
                };
                j += 1;
                matched
            });
            if !ok {
                continue;
            }
            if rel.is_some() {
                return Some((j, V::Holiday(*h, rel.map(Y::Rel))));
            }
            let (e, y) = self.of_year(j);
            return Some((e, V::Holiday(*h, y)));
        }
        None
    }

    /// Seasons: "summer 2023", "the summer of 2023"; `rel` for "this summer", "last winter".
    fn season(&self, i: usize, rel: Option<i8>) -> Option<(usize, V)> {
        let s = self.info(i).season?;
        if rel.is_some() {
            return Some((i + 1, V::Season(rel.map(Y::Rel), s)));
        }
        let (e, y) = self.of_year(i + 1);
        let y = y?;
        Some((e, V::Season(Some(y), s)))
    }

    /// Weekdays: "Monday", "Monday, October 2", "Tuesday March 7", "Friday the 22nd",
    /// "Friday next week".
    fn weekday(&self, i: usize) -> Option<(usize, V)> {
        let wd = i8::try_from(self.info(i).weekday).ok()?;
        let w = self.word(i)?;
        // Short forms only when capitalised ("Tue", "Thurs").
        if w.len() <= 5 && !self.capitalized(i) {
            return None;
        }
        let mut j = i + 1;
        if self.punct(j, b'.') && self.tight(j) {
            j += 1;
        }
        let k = if self.punct(j, b',') { j + 1 } else { j };
        let mut best = (i + 1, V::Weekday(wd, None, None));
        for c in [self.month_first(k), self.day_first(k), self.numeric_date(k)]
            .into_iter()
            .flatten()
        {
            if c.1.is_day() && c.0 > best.0 {
                best = c;
            }
        }
        if best.0 > j {
            return Some(best);
        }
        if self.is(j, "the") {
            if let Some((e, d)) = self.day_number(j + 1, true) {
                return Some((e, V::DayOfMonth(d, None)));
            }
        }
        let k = if self.is_any(j, &["of", "in"]) {
            j + 1
        } else {
            j
        };
        if let Some(r) = self.info(k).relative {
            if self.is(k + 1, "week") {
                return Some((k + 2, V::Weekday(wd, None, Some(r))));
            }
        }
        if self.is(j, "after") && self.is(j + 1, "next") {
            return Some((j + 2, V::Weekday(wd, Some(2), None)));
        }
        Some(best)
    }

    /// "last year", "this week", "next month", "last September", "last Monday", "this summer",
    /// "the past two years", "the next 3 months".
    fn relative(&self, i: usize) -> Option<(usize, V)> {
        let r = self.info(i).relative?;
        let w = self.word(i)?;
        // "this past weekend", "this coming week".
        if w == "this" && self.info(i + 1).relative.is_some_and(|r| r != 0) {
            return self.relative(i + 1);
        }
        let j = i + 1;
        let info = self.info(j);
        if let Some(unit) = info.unit {
            if self.word(j).is_some_and(|u| u.ends_with('s')) {
                return None;
            }
            // "the past year" is the twelve months to the document date; "last year" the
            // calendar year before it.
            if w == "past" && i > 0 && self.is(i - 1, "the") && unit != Unit::Weekend {
                return Some((j + 1, V::Rolling(unit, -1, 1.0)));
            }
            if unit == Unit::Day {
                return None;
            }
            // "next week Wednesday".
            if unit == Unit::Week
                && self.info(j + 1).weekday > 0
                && self.word(j + 1).is_some_and(|w| w.len() > 5)
            {
                let wd = i8::try_from(self.info(j + 1).weekday).ok()?;
                return Some((j + 2, V::Weekday(wd, None, Some(r))));
            }
            return Some((j + 1, V::RelUnit(unit, r)));
        }
        if info.month > 0 && self.word(j).is_some_and(|m| m.len() >= 3) {
            let m = i8::try_from(info.month).ok()?;
            return Some((j + 1, V::Month(Some(Y::Rel(r)), m).relative_month()));
        }
        if info.weekday > 0 {
            let wd = i8::try_from(info.weekday).ok()?;
            // "next Sunday" is the Sunday of next week, "previous Sunday" the one of last week;
            // "last Sunday" the latest one before.
            let v = if r == 1 {
                V::Weekday(wd, None, Some(1))
            } else if w == "previous" {
                V::Weekday(wd, None, Some(-1))
            } else {
                V::Weekday(wd, Some(r), None)
            };
            return Some((j + 1, v));
        }
        if info.season.is_some() {
            return self.season(j, Some(r));
        }
        if info.holiday {
            return self.holiday(j, Some(r));
        }
        // "the past two years", "the next 3 months", "the last few days".
        if r != 0 {
            let (e, n) = self.count(j)?;
            let unit = self.info(e).unit?;
            if unit == Unit::Weekend {
                return None;
            }
            let v = n.map_or(V::NoValue(false), |n| V::Rolling(unit, r, n));
            return Some((e + 1, v));
        }
        None
    }

    /// "early August", "mid-February", "late 2024", "the end of June", "end of last week",
    /// "beginning of the month".
    fn part(&self, i: usize) -> Option<(usize, V)> {
        let p = self
            .info(i)
            .part
            .or_else(|| self.is(i, "mid").then_some(Part::Mid))?;
        let w = self.word(i)?;
        let mut j = i + 1;
        let needs_of = !matches!(w, "early" | "mid" | "late");
        if (self.punct(j, b'-') && self.tight(j)) || self.is(j, "of") {
            j += 1;
        } else if needs_of {
            return None;
        }
        let mut k = j;
        if self.is(k, "the") && self.is_any(k + 1, &["year", "month", "week", "decade"]) {
            let unit = self.info(k + 1).unit?;
            return Some((k + 2, V::Part(p, Box::new(V::RelUnit(unit, 0)))));
        }
        if self.is(k, "the") {
            k += 1;
        }
        let (e, v) = self.point(k)?;
        match v {
            V::Month(..)
            | V::Year(_)
            | V::RelUnit(..)
            | V::Decade(_)
            | V::Century(_)
            | V::Quarter(..)
            | V::Season(..)
            | V::Half(..) => Some((e, V::Part(p, Box::new(v)))),
            _ => None,
        }
    }

    /// Counts relative to the document date or another point: "two years ago", "two weeks
    /// from now", "the six months before January 2026", "2 weeks before Christmas".
    fn count_relative(&self, i: usize) -> Option<(usize, V)> {
        let (e, n) = self.count(i)?;
        // "three Fridays from now", "2 Thursdays back".
        if let Some(wd) = self.plural_weekday(e) {
            // Clamped so that the arithmetic below cannot overflow on absurd counts.
            let n = (n? as i64).clamp(0, 10_000);
            let dir = if self.is(e + 1, "from") && self.is(e + 2, "now") {
                Some((e + 3, 1))
            } else if self.is_any(e + 1, &["hence"]) {
                Some((e + 2, 1))
            } else if self.is_any(e + 1, &["ago", "back"]) {
                Some((e + 2, -1))
            } else {
                None
            };
            let (end, dir) = dir?;
            return Some((end, V::NthWeekdayFrom(wd, dir * n)));
        }
        let unit = self.info(e).unit?;
        if unit == Unit::Weekend {
            return None;
        }
        let e = e + 1;
        if self.is(e, "ago") {
            return Some((e + 1, n.map_or(V::NoValue(true), |n| V::Shift(unit, -n))));
        }
        if self.is(e, "from") && self.is(e + 1, "now") {
            return Some((e + 2, n.map_or(V::NoValue(true), |n| V::Shift(unit, n))));
        }
        // "a week starting tomorrow", "3 days starting from next Monday".
        if self.is_any(e, &["starting", "beginning"]) {
            let k = if self.is_any(e + 1, &["from", "on"]) {
                e + 2
            } else {
                e + 1
            };
            let (e2, x) = self.point(k)?;
            if x.is_day() {
                return Some((e2, V::Starting(unit, n?, Box::new(x))));
            }
        }
        if self.is(e, "hence") {
            return Some((e + 1, n.map_or(V::NoValue(true), |n| V::Shift(unit, n))));
        }
        if self.is_any(e, &["before", "after", "prior"]) {
            let dir = if self.is(e, "after") { 1 } else { -1 };
            let k = if self.is(e, "prior") && self.is(e + 1, "to") {
                e + 2
            } else {
                e + 1
            };
            let (e2, anchor) = self.point(k)?;
            if matches!(anchor, V::Shift(..) | V::Window(..)) {
                return None;
            }
            let n = n?;
            return Some((e2, V::Window(unit, n, dir, false, Box::new(anchor))));
        }
        None
    }

    // -- resolution -------------------------------------------------------------------------

    fn resolve(&self, v: &V, doc: Date, tense: Tense) -> Option<R> {
        let y0 = i32::from(doc.year());
        Some(match v {
            V::Day(d) => R {
                from: Some(*d),
                to: Some(*d),
                day: true,
                unit: Some(Unit::Day),
            },
            V::MonthDay(m, d) => {
                // February 29 falls in the nearest leap year.
                let mut c = ymd(y0, (*m).into(), (*d).into())
                    .or_else(|| ymd(y0 + 1, (*m).into(), (*d).into()))
                    .or_else(|| ymd(y0 - 1, (*m).into(), (*d).into()))
                    .or_else(|| ymd(y0 + 2, (*m).into(), (*d).into()))
                    .or_else(|| ymd(y0 - 2, (*m).into(), (*d).into()))?;
                c = pick_year(c, c, doc, tense, |k| {
                    ymd(i32::from(c.year()) + k, (*m).into(), (*d).into())
                });
                self.resolve(&V::Day(c), doc, tense)?
            }
            V::DayOfMonth(d, Some(k)) => {
                let f = add_months(doc.first_of_month(), (*k).into())?;
                let c = ymd(f.year().into(), f.month().into(), (*d).into())?;
                self.resolve(&V::Day(c), doc, tense)?
            }
            V::DaysIn(a, b, month) => {
                let m = self.resolve(month, doc, tense)?.from?;
                let (y, mo) = (i32::from(m.year()), i32::from(m.month()));
                r(ymd(y, mo, (*a).into())?, ymd(y, mo, (*b).into())?, None)
            }
            V::NthWeekday(n, wd, month) => {
                let m = self.resolve(month, doc, tense)?;
                let d = nth_weekday(m.from?, *n, *wd)?;
                self.resolve(&V::Day(d), doc, tense)?
            }
            V::Holiday(h, y) => {
                let d = match y {
                    Some(Y::Abs(y)) => holiday_in(*h, (*y).into())?,
                    Some(Y::Rel(-1)) => {
                        let d = holiday_in(*h, y0)?;
                        if d < doc {
                            d
                        } else {
                            holiday_in(*h, y0 - 1)?
                        }
                    }
                    Some(Y::Rel(1)) => {
                        let d = holiday_in(*h, y0)?;
                        if d > doc {
                            d
                        } else {
                            holiday_in(*h, y0 + 1)?
                        }
                    }
                    _ => holiday_in(*h, y0)?,
                };
                self.resolve(&V::Day(d), doc, tense)?
            }
            V::DayOfMonth(d, None) => {
                let mut c = ymd(y0, doc.month().into(), (*d).into())?;
                if tense == Tense::Future && c < doc {
                    c = add_months(c, 1)?;
                } else if tense == Tense::Past && c > doc {
                    c = add_months(c, -1)?;
                }
                self.resolve(&V::Day(c), doc, tense)?
            }
            V::Month(y, m) => {
                let (m, mi) = ((*m).into(), *m);
                match y {
                    Some(Y::Abs(y)) => {
                        let (f, t) = month_span((*y).into(), m)?;
                        r(f, t, Some(Unit::Month))
                    }
                    Some(Y::Rel(rel)) => {
                        let _ = mi;
                        let (f, t) = month_span(y0, m)?;
                        // "last September": the latest September before the document's month.
                        let (f, t) = match rel {
                            -1 if f >= doc.first_of_month() => month_span(y0 - 1, m)?,
                            1 if f <= doc => month_span(y0 + 1, m)?,
                            _ => (f, t),
                        };
                        r(f, t, Some(Unit::Month))
                    }
                    _ => {
                        let (f, t) = month_span(y0, m)?;
                        let f2 = pick_year(f, t, doc, tense, |k| ymd(y0 + k, m, 1));
                        r(f2, f2.last_of_month(), Some(Unit::Month))
                    }
                }
            }
            V::Year(y) => r(
                ymd((*y).into(), 1, 1)?,
                ymd((*y).into(), 12, 31)?,
                Some(Unit::Year),
            ),
            V::Decade(y) => r(
                ymd((*y).into(), 1, 1)?,
                ymd(i32::from(*y) + 9, 12, 31)?,
                Some(Unit::Decade),
            ),
            V::Century(y) => r(
                ymd((*y).into(), 1, 1)?,
                ymd(i32::from(*y) + 99, 12, 31)?,
                Some(Unit::Century),
            ),
            V::Quarter(y, q) => {
                let y = year_of(*y, y0);
                let m = 3 * i32::from(*q) - 2;
                r(ymd(y, m, 1)?, month_span(y, m + 2)?.1, Some(Unit::Quarter))
            }
            V::Half(y, h) => {
                let y = year_of(*y, y0);
                let m = 6 * i32::from(*h) - 5;
                r(ymd(y, m, 1)?, month_span(y, m + 5)?.1, None)
            }
            V::Season(y, s) => {
                let ((fm, fd), (tm, td)) = *self.idx.season_days.get(usize::from(*s))?;
                let at = |y: i32| -> Option<(Date, Date)> {
                    let f = ymd(y, fm.into(), fd.into())?;
                    let ty = if tm < fm { y + 1 } else { y };
                    Some((f, ymd(ty, tm.into(), td.into())?))
                };
                let (f, t) = match y {
                    Some(Y::Abs(y)) => at((*y).into())?,
                    Some(Y::Rel(rel)) => {
                        // "this winter" is the one under way (it may have begun last year),
                        // else the one of the document's year; "last" and "next" step from
                        // the document date.
                        let (pf, pt) = at(y0 - 1)?;
                        let (f, t) = at(y0)?;
                        match rel {
                            -1 if t < doc => (f, t),
                            -1 if pt < doc => (pf, pt),
                            -1 => at(y0 - 2)?,
                            1 if f > doc => (f, t),
                            1 => at(y0 + 1)?,
                            _ if pf <= doc && doc <= pt => (pf, pt),
                            _ => (f, t),
                        }
                    }
                    None => at(y0)?,
                };
                r(f, t, None)
            }
            V::Weekday(wd, rel, week) => {
                let cur = doc.weekday().to_monday_one_offset();
                let day = if let Some(wk) = week {
                    add_days(monday(doc)?, i64::from(*wk) * 7 + i64::from(wd - 1))?
                } else {
                    let back = i64::from((cur - wd).rem_euclid(7));
                    let fwd = i64::from((wd - cur).rem_euclid(7));
                    match rel {
                        Some(-1) => add_days(doc, -if back == 0 { 7 } else { back })?,
                        Some(1) => add_days(doc, if fwd == 0 { 7 } else { fwd })?,
                        // "Friday after next": the one after the coming one.
                        Some(2) => add_days(doc, if fwd == 0 { 14 } else { fwd + 7 })?,
                        Some(_) => add_days(monday(doc)?, i64::from(wd - 1))?,
                        None if tense == Tense::Future => add_days(doc, fwd)?,
                        None => add_days(doc, -back)?,
                    }
                };
                self.resolve(&V::Day(day), doc, tense)?
            }
            V::Today(k) => self.resolve(&V::Day(add_days(doc, *k)?), doc, tense)?,
            V::RelUnit(unit, k) => {
                let k = i64::from(*k);
                match unit {
                    Unit::Day => self.resolve(&V::Day(add_days(doc, k)?), doc, tense)?,
                    Unit::Week | Unit::Fortnight => {
                        let f = add_days(monday(doc)?, 7 * k)?;
                        r(f, add_days(f, 6)?, Some(Unit::Week))
                    }
                    Unit::Weekend => {
                        let f = add_days(monday(doc)?, 7 * k + 5)?;
                        r(f, add_days(f, 1)?, None)
                    }
                    Unit::Month => {
                        let f = add_months(doc.first_of_month(), k)?;
                        r(f, f.last_of_month(), Some(Unit::Month))
                    }
                    Unit::Quarter => {
                        let q0 = (i64::from(doc.month()) - 1) / 3;
                        let f = add_months(ymd(y0, 1, 1)?, 3 * (q0 + k))?;
                        r(f, add_days(add_months(f, 3)?, -1)?, Some(Unit::Quarter))
                    }
                    Unit::Year => {
                        let y = y0 + k as i32;
                        r(ymd(y, 1, 1)?, ymd(y, 12, 31)?, Some(Unit::Year))
                    }
                    Unit::Decade => {
                        let y = y0.div_euclid(10) * 10 + 10 * k as i32;
                        r(ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?, Some(Unit::Decade))
                    }
                    Unit::Century => {
                        let y = y0.div_euclid(100) * 100 + 100 * k as i32;
                        r(ymd(y, 1, 1)?, ymd(y + 99, 12, 31)?, None)
                    }
                }
            }
            V::Rolling(unit, dir, n) => {
                if matches!(unit, Unit::Quarter | Unit::Decade) && n.fract() == 0.0 {
                    // Whole quarters and decades count complete calendar units.
                    let n = *n as i8;
                    let a = self.resolve(
                        &V::RelUnit(*unit, if *dir < 0 { -n } else { 1 }),
                        doc,
                        tense,
                    )?;
                    let b = self.resolve(
                        &V::RelUnit(*unit, if *dir < 0 { -1 } else { n }),
                        doc,
                        tense,
                    )?;
                    R {
                        from: a.from,
                        to: b.to,
                        day: false,
                        unit: None,
                    }
                } else if *dir < 0 {
                    r(shift(self.lex, doc, *unit, -n)?, add_days(doc, -1)?, None)
                } else {
                    r(add_days(doc, 1)?, shift(self.lex, doc, *unit, *n)?, None)
                }
            }
            V::Shift(unit, n) => {
                self.resolve(&V::Day(shift(self.lex, doc, *unit, *n)?), doc, tense)?
            }
            V::Within(unit, n) => r(doc, add_days(shift(self.lex, doc, *unit, *n)?, -1)?, None),
            V::RestOf(unit, dir) => {
                let whole = self.resolve(&V::RelUnit(*unit, 0), doc, tense)?;
                if *dir > 0 {
                    // "the rest of the week" runs to Saturday, as both reference suites read it.
                    let end = if *unit == Unit::Week {
                        add_days(whole.to?, -1)?
                    } else {
                        whole.to?
                    };
                    r(doc, end.max(doc), None)
                } else {
                    r(whole.from?, add_days(doc, -1)?, None)
                }
            }
            V::Part(p, inner) => {
                let x = self.resolve(inner, doc, tense)?;
                apply_part(*p, x)?
            }
            V::Range(a, b) => {
                let rb = self.resolve(b, doc, tense)?;
                // A start without a year takes the end's ("from August to October": the
                // August before that October).
                let a = match (a.explicit_year(), a.month(), b.month(), rb.from) {
                    (None, Some(ma), Some(mb), Some(bf))
                        if !matches!(a.as_ref(), V::Month(Some(Y::Rel(_)), _)) =>
                    {
                        let y = if ma > mb { bf.year() - 1 } else { bf.year() };
                        a.as_ref().clone().with_year(y)
                    }
                    _ => a.as_ref().clone(),
                };
                let ra = self.resolve(&a, doc, tense)?;
                R {
                    from: ra.from,
                    to: rb.to.max(ra.to),
                    day: false,
                    unit: None,
                }
            }
            V::Since(x) => {
                let rx = self.resolve(x, doc, Tense::Past)?;
                R {
                    from: rx.from,
                    to: self.doc.filter(|d| rx.from.is_none_or(|f| f <= *d)),
                    day: false,
                    unit: None,
                }
            }
            V::Until(x) => {
                let rx = self.resolve(x, doc, tense)?;
                R {
                    from: None,
                    to: rx.to,
                    day: false,
                    unit: None,
                }
            }
            V::Before(x) => {
                let rx = self.resolve(x, doc, tense)?;
                // "before the end of the year" means by the year's last day.
                let to = if matches!(x.as_ref(), V::Part(Part::Late, _)) {
                    rx.to
                } else {
                    add_days(rx.from?, -1)
                };
                R {
                    from: None,
                    to,
                    day: false,
                    unit: None,
                }
            }
            V::After(x) => {
                let rx = self.resolve(x, doc, tense)?;
                R {
                    from: add_days(rx.to?, 1),
                    to: None,
                    day: false,
                    unit: None,
                }
            }
            V::Window(unit, n, dir, period, x) => {
                let rx = self.resolve(x, doc, tense)?;
                if *period {
                    if *dir < 0 {
                        let end = rx.from?;
                        r(shift(self.lex, end, *unit, -n)?, add_days(end, -1)?, None)
                    } else {
                        let start = rx.to?;
                        r(
                            add_days(start, 1)?,
                            shift(self.lex, start, *unit, *n)?,
                            None,
                        )
                    }
                } else {
                    let base = if *dir < 0 { rx.from? } else { rx.to? };
                    let d = shift(self.lex, base, *unit, f64::from(*dir) * n)?;
                    self.resolve(&V::Day(d), doc, tense)?
                }
            }
            V::UnitsOf(first, nth, unit, n, x) => {
                let rx = self.resolve(x, doc, tense)?;
                let (f, t) = (rx.from?, rx.to?);
                if *unit == Unit::Week {
                    // Weeks run Monday to Sunday: the first week of a year is ISO week 1 (the
                    // one with the year's first Thursday), the last the one holding the last day.
                    let start = if *first {
                        let m = monday(add_days(f, 3)?)?;
                        add_days(m, 7 * (nth - 1))?
                    } else {
                        // The last Monday-to-Sunday week that ends inside the period.
                        let back = i64::from(t.weekday().to_monday_one_offset() % 7);
                        add_days(t, -back - 6)?
                    };
                    let days = 7 * (*n as i64).clamp(0, 10_000);
                    let start = if *first {
                        start
                    } else {
                        add_days(start, 7 - days)?
                    };
                    r(start, add_days(start, days - 1)?, None)
                } else if *first {
                    let s = shift(self.lex, f, *unit, (nth - 1) as f64)?;
                    let e = add_days(shift(self.lex, s, *unit, *n)?, -1)?;
                    r(s, e.min(t), if *n == 1.0 { Some(*unit) } else { None })
                } else {
                    let s = shift(self.lex, add_days(t, 1)?, *unit, -n)?;
                    r(s.max(f), t, None)
                }
            }
            V::NthWeekdayFrom(wd, k) => {
                let cur = doc.weekday().to_monday_one_offset();
                let d = if *k > 0 {
                    let fwd = i64::from((wd - cur).rem_euclid(7));
                    add_days(doc, if fwd == 0 { 7 } else { fwd } + 7 * (k - 1))?
                } else {
                    let back = i64::from((cur - wd).rem_euclid(7));
                    add_days(doc, -(if back == 0 { 7 } else { back }) + 7 * (k + 1))?
                };
                self.resolve(&V::Day(d), doc, tense)?
            }
            V::WeekOf(x) => {
                let m = monday(self.resolve(x, doc, tense)?.from?)?;
                r(m, add_days(m, 6)?, Some(Unit::Week))
            }
            V::Starting(unit, n, x) => {
                let f = self.resolve(x, doc, tense)?.from?;
                r(f, add_days(shift(self.lex, f, *unit, *n)?, -1)?, None)
            }
            V::NoValue(_) => return None,
        })
    }
}

impl V {
    /// "last September" keeps its relative year; a plain month resolves by tense.
    fn relative_month(self) -> V {
        self
    }
}

/// The `n`th ISO weekday `wd` of the month starting at `first` (`n` = -1: the last).
fn nth_weekday(first: Date, n: i8, wd: i8) -> Option<Date> {
    let first = first.first_of_month();
    if n < 0 {
        let last = first.last_of_month();
        let back = (last.weekday().to_monday_one_offset() - wd).rem_euclid(7);
        return add_days(last, -i64::from(back));
    }
    let fwd = (wd - first.weekday().to_monday_one_offset()).rem_euclid(7);
    let d = add_days(first, i64::from(fwd) + 7 * i64::from(n - 1))?;
    (d.month() == first.month()).then_some(d)
}

/// Western Easter Sunday (the anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month, day)
}

fn holiday_in(h: Holiday, y: i32) -> Option<Date> {
    match h {
        Holiday::Fixed(m, d) => ymd(y, m.into(), d.into()),
        Holiday::Nth {
            month,
            n,
            wd,
            shift,
        } => add_days(nth_weekday(ymd(y, month.into(), 1)?, n, wd)?, shift.into()),
        Holiday::Easter(k) => add_days(easter(y)?, k.into()),
    }
}

fn range(mut a: V, b: V) -> V {
    // "from April to June 2017": the start takes the end's year.
    if let (None, Some(y)) = (a.explicit_year(), b.explicit_year()) {
        let y = if a.month() > b.month() { y - 1 } else { y };
        a = a.with_year(y);
    }
    V::Range(Box::new(a), Box::new(b))
}

fn year_of(y: Option<Y>, y0: i32) -> i32 {
    match y {
        Some(Y::Abs(y)) => y.into(),
        Some(Y::Rel(k)) => y0 + i32::from(k),
        None => y0,
    }
}

fn two_digit_year(n: u32) -> i16 {
    let n = n as i16;
    if n < 30 {
        2000 + n
    } else {
        1900 + n
    }
}

/// Chooses the year of a month or day written without one: the document's year, moved a year
/// ahead when a future clause would otherwise point to the past, or a year back when a past or
/// neutral clause would point far into the future (news convention).
fn pick_year(
    from: Date,
    to: Date,
    doc: Date,
    tense: Tense,
    at: impl Fn(i32) -> Option<Date>,
) -> Date {
    let shifted = match tense {
        Tense::Future if to < doc => at(1),
        Tense::Past if from > add_days(doc, 31).unwrap_or(doc) => at(-1),
        Tense::Neutral if from > add_months(doc, 6).unwrap_or(doc) => at(-1),
        _ => None,
    };
    shifted.unwrap_or(from)
}

/// The early, middle or late part of a resolved unit.
fn apply_part(p: Part, x: R) -> Option<R> {
    let (f, t) = (x.from?, x.to?);
    let (a, b) = match x.unit {
        Some(Unit::Month) => {
            let y = i32::from(f.year());
            let m = i32::from(f.month());
            match p {
                Part::Early => (f, ymd(y, m, 10)?),
                Part::Mid => (ymd(y, m, 11)?, ymd(y, m, 20)?),
                Part::Late => (ymd(y, m, 21)?, t),
            }
        }
        Some(Unit::Year) => {
            let y = i32::from(f.year());
            match p {
                Part::Early => (f, ymd(y, 4, 30)?),
                Part::Mid => (ymd(y, 5, 1)?, ymd(y, 8, 31)?),
                Part::Late => (ymd(y, 9, 1)?, t),
            }
        }
        _ => {
            let days = i64::from(f.until(t).ok()?.get_days()) + 1;
            let third = (days + 2) / 3;
            match p {
                Part::Early => (f, add_days(f, third - 1)?),
                Part::Mid => (add_days(f, third)?, add_days(t, -third)?),
                Part::Late => (add_days(t, -(third - 1))?, t),
            }
        }
    };
    Some(r(a, b, None))
}

/// Whether `hay` contains `word` as a whole word (a cue may start with an apostrophe).
#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::lexicon::Lexicon;

    fn run(text: &str, date: &str) -> Vec<(String, Kind, Option<String>, Option<String>)> {
        let ctx = Context {
            date: date.parse().ok(),
            lexicon: Lexicon::builtin(),
        };
        extract_text(text, &ctx)
            .into_iter()
            .filter(|c| matches!(c.kind, Kind::Date | Kind::Period))
            .map(|c| {
                let d = c.dates.unwrap_or(DateRange {
                    from: None,
                    to: None,
                });
                (
                    text[c.span.start..c.span.end].to_string(),
                    c.kind,
                    d.from.map(|x| x.to_string()),
                    d.to.map(|x| x.to_string()),
                )
            })
            .collect()
    }

    /// Every token `may_start` rejects reads no expression, over the texts of the extractor
    /// corpora (the temporal ones and the others, for their ordinary prose).
    #[test]
    fn may_start_rejects_only_what_cannot_start() {
        let lex = &Lexicon::builtin().temporal;
        let corpora = [
            include_str!("../../tests/corpus/date.toml"),
            include_str!("../../tests/corpus/period.toml"),
            include_str!("../../tests/corpus/duration.toml"),
            include_str!("../../tests/corpus/number.toml"),
            include_str!("../../tests/corpus/change.toml"),
            include_str!("../../tests/corpus/money.toml"),
        ];
        let mut rejected = 0;
        for text in corpora {
            for line in text.lines() {
                let lower = line.to_ascii_lowercase();
                let toks = tokenize(line, &lower, lex.index());
                for doc in [None, Some(Date::constant(2025, 10, 9))] {
                    let p = Parser {
                        text: line,
                        lower: &lower,
                        t: &toks,
                        doc,
                        lex,
                        idx: lex.index(),
                        leads: RefCell::new(vec![(false, None); toks.len()]),
                    };
                    for (i, tok) in toks.iter().enumerate() {
                        // Punctuation was never tried; words are what the test is about.
                        if tok.tk == Tk::Word && !p.may_start(i) {
                            rejected += 1;
                            assert!(p.expr(i).is_none(), "{line:?} at token {i}");
                        }
                    }
                }
            }
        }
        assert!(rejected > 1000, "only {rejected} tokens rejected");
        for w in LEAD_WORDS {
            assert!(w.len() <= LEAD_WORD_MAX, "{w}");
        }
    }

    #[test]
    fn weekday_in_a_past_report_is_the_last_one() {
        // 2025-10-07 is a Tuesday.
        let got = run(
            "The minister said on Monday that talks failed.",
            "2025-10-07",
        );
        assert_eq!(got[0].2.as_deref(), Some("2025-10-06"));
        let got = run("He will be sworn in on Monday.", "2025-10-07");
        assert_eq!(got[0].2.as_deref(), Some("2025-10-13"));
    }

    #[test]
    fn no_document_date_means_no_days() {
        let got = run("It happened last year.", "");
        assert_eq!(got, vec![("last year".into(), Kind::Period, None, None)]);
    }

    #[test]
    fn absurd_counts_do_not_panic() {
        for text in [
            "999 trillion Fridays from now",
            "the first 99999999999999999999 weeks of 2020",
            "the past 1e300 years",
            "99999999999 quarters ago",
        ] {
            let _ = run(text, "2025-01-01");
        }
    }

    #[test]
    fn counts_are_not_years() {
        assert!(run("There were 2,017 people and 2017 people.", "2025-01-01").is_empty());
    }
}
