//! Claims: what an extractor found in a document, normalised so that rules can compare them.
//!
//! Owns the value types (`DateRange`, `Change`) and the `Claim` itself; `Hedge`, `Interval` (a
//! figure with the bounds its wording allows) and what a hedged figure allows are
//! `crate::hedge`'s, re-exported here; what a claim states for that model (`Stated::of`) is
//! read here. Writes a claim the way the contract fixes it (`Claim::to_json`), for every report
//! and claims stream alike.
//! Must not know how claims are found (that is `extract/`) or compared (`align/`, `rules/`).

use jiff::civil::Date;
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::document::{Document, Span};

/// What kind of thing a claim states. The names are the contract's (`kind` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A bare count or amount: "1,400", "three", "1.2 million".
    Number,
    /// A rank: "21st", "third".
    Ordinal,
    /// A percentage ("45%") or percentage points (`unit = "pp"`).
    Percent,
    /// An amount of money; `unit` is the ISO 4217 code.
    Money,
    /// A measured amount with a unit, or a count of named things.
    Quantity,
    /// A multiplicative or additive change: "tripled", "rose by 300%".
    Change,
    /// A day, or a calendar unit standing for one moment ("in 2017").
    Date,
    /// A span of calendar time: "the latter half of 2025", "since 2017".
    Period,
    /// A length of time, in days: "six-month", "just over a year".
    Duration,
}

impl Kind {
    /// Every kind, in a fixed order.
    pub const ALL: [Kind; 9] = [
        Kind::Number,
        Kind::Ordinal,
        Kind::Percent,
        Kind::Money,
        Kind::Quantity,
        Kind::Change,
        Kind::Date,
        Kind::Period,
        Kind::Duration,
    ];

    /// The contract's name of the kind.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Ordinal => "ordinal",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
            Kind::Change => "change",
            Kind::Date => "date",
            Kind::Period => "period",
            Kind::Duration => "duration",
        }
    }

    /// Parses a contract kind name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for the kinds that carry a numeric `value`.
    #[must_use]
    pub fn is_numeric(self) -> bool {
        !matches!(self, Kind::Date | Kind::Period)
    }
}

use crate::hedge::Stated;
/// Re-exported: a figure's hedge and its bounds are the hedge model's (`crate::hedge`), which sits
/// below claims.
pub use crate::hedge::{Hedge, Interval};

/// A span of calendar days, inclusive at both ends; either end may be unknown or open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// The first day covered, if known.
    pub from: Option<Date>,
    /// The last day covered, if known.
    pub to: Option<Date>,
}

impl DateRange {
    /// A single day.
    #[must_use]
    pub fn day(d: Date) -> DateRange {
        DateRange {
            from: Some(d),
            to: Some(d),
        }
    }

    /// Both ends known.
    #[must_use]
    pub fn new(from: Date, to: Date) -> DateRange {
        DateRange {
            from: Some(from),
            to: Some(to),
        }
    }

    /// The number of days covered, when both ends are known.
    #[must_use]
    pub fn days(&self) -> Option<f64> {
        let (f, t) = (self.from?, self.to?);
        let span = f.until(t).ok()?;
        // until() in days, inclusive of both ends.
        let d = span.get_days();
        Some(f64::from(d) + 1.0)
    }
}

/// What a `change` claim says about how a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, serde::Deserialize)]
pub struct Change {
    /// True when the change is stated as a difference ("rose by 7.2 points", "up $75 billion")
    /// rather than a factor; then the claim's `value` is the difference and `unit` its unit.
    pub additive: bool,
    /// True when the wording is ambiguous between two factors ("three times more": 3x or 4x);
    /// the claim's `value` then spans both readings.
    pub ambiguous: bool,
    /// True when the change was stated as a percentage ("increased by 300%") rather than a
    /// multiple ("quadrupled"), so that reports can explain the conversion.
    pub from_percent: bool,
    /// The starting value of "from X to Y", when stated.
    pub start: Option<f64>,
    /// The end value of "from X to Y", when stated.
    pub end: Option<f64>,
}

/// Flags about how a claim is asserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub struct Modality {
    /// "did not rise by 10%", "no 300 jobs".
    pub negated: bool,
    /// "could reach", "would cost", "if ... then".
    pub hypothetical: bool,
    /// "will open", "is expected to", "by 2030" as a target.
    pub future: bool,
}

/// One numeric or temporal claim in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Index of the document in the run (see `Corpus`).
    #[serde(skip)]
    pub doc: usize,
    /// Where the claim's text lies in the file as stored.
    #[serde(skip)]
    pub span: Span,
    /// Where the claim's text lies in the document's prose (equal to `span` for plain text).
    #[serde(skip)]
    pub prose: Span,
    /// The kind of claim.
    pub kind: Kind,
    /// The normalised value, for numeric kinds and durations (days).
    pub value: Option<Interval>,
    /// The unit: ISO 4217 for money, unit symbol for quantities, "day" for durations, "pp" for
    /// percentage points, the counted noun for counts of things when known.
    pub unit: Option<String>,
    /// The hedge that qualified the stated value.
    pub hedge: Hedge,
    /// The rounding step the text implies for `value.point` ("1,400" -> 100, "16.4" -> 0.1);
    /// `None` when unknown.
    pub precision: Option<f64>,
    /// For quantities: the dimension of the unit ("data", "length", "mass", "temperature",
    /// "count" for counts of named things), from the unit table.
    pub dimension: Option<String>,
    /// For quantities with a physical unit: `value` converted to the dimension's base unit
    /// (bytes, metres, ...) so that "380 gigabytes" and "0.38 TB" compare equal.
    pub base: Option<Interval>,
    /// The counted or measured noun phrase, when the text names it ("1,200 jobs" -> "jobs",
    /// "380 gigabytes of data" -> "data", "61,240 votes" -> "votes").
    pub noun: Option<String>,
    /// First and last day covered, for dates and periods.
    pub dates: Option<DateRange>,
    /// Details of a change claim.
    pub change: Option<Change>,
    /// Negation, hypotheticals, future tense.
    pub modality: Modality,
}

impl Claim {
    /// A claim of `kind` over `span` with nothing else set.
    #[must_use]
    pub fn new(doc: usize, span: Span, kind: Kind) -> Claim {
        Claim {
            doc,
            span,
            prose: span,
            kind,
            value: None,
            unit: None,
            hedge: Hedge::Exact,
            precision: None,
            dimension: None,
            base: None,
            noun: None,
            dates: None,
            change: None,
            modality: Modality::default(),
        }
    }

    /// The claim as the contract writes it (CONTRACT.md): `path_key` naming `doc` (the document
    /// the claim is in), span, line and column, text and the normalised value. The JSON report,
    /// extract's claim stream and the claims file all write this value.
    #[must_use]
    pub fn to_json(&self, doc: &Document, path_key: &str) -> Value {
        let mut m = Map::new();
        m.insert(path_key.into(), json!(doc.id));
        m.insert("start".into(), json!(self.span.start));
        m.insert("end".into(), json!(self.span.end));
        let (line, column) = doc.line_col(self.span.start);
        m.insert("line".into(), json!(line));
        m.insert("column".into(), json!(column));
        m.insert("text".into(), json!(doc.text(self.span)));
        m.insert("kind".into(), json!(self.kind.as_str()));
        if let Some(v) = self.value {
            m.insert(
                "value".into(),
                json!({"point": num(v.point), "low": v.low.map(num), "high": v.high.map(num)}),
            );
        }
        if let Some(u) = &self.unit {
            m.insert("unit".into(), json!(u));
        }
        if let Some(d) = self.dates {
            if let Some(f) = d.from {
                m.insert("from".into(), json!(f.to_string()));
            }
            if let Some(t) = d.to {
                m.insert("to".into(), json!(t.to_string()));
            }
        }
        if let Some(d) = &self.dimension {
            m.insert("dimension".into(), json!(d));
        }
        if let Some(n) = &self.noun {
            m.insert("noun".into(), json!(n));
        }
        if self.hedge != Hedge::Exact {
            m.insert("hedge".into(), json!(self.hedge.as_str()));
        }
        if let Some(ch) = self.change {
            m.insert(
                "change".into(),
                serde_json::to_value(ch).unwrap_or(Value::Null),
            );
        }
        let md = self.modality;
        if md.negated || md.hypothetical || md.future {
            m.insert(
                "modality".into(),
                serde_json::to_value(md).unwrap_or(Value::Null),
            );
        }
        Value::Object(m)
    }
}

/// What a claim states, for the hedge model. Here rather than in `hedge`, which sits below
/// claims and knows only figures.
impl Stated {
    /// What claim `c` states (in base units for converted quantities).
    #[must_use]
    pub fn of(c: &Claim) -> Option<Stated> {
        let v = c.base.or(c.value)?;
        // The step is of the figure as written; a converted value carries it converted.
        let scale = match (c.base, c.value) {
            (Some(b), Some(x)) if x.point != 0.0 => b.point / x.point,
            _ => 1.0,
        };
        let origin = match c.change {
            Some(ch) if ch.from_percent && !ch.additive => 1.0,
            _ => 0.0,
        };
        Some(Stated {
            value: v,
            hedge: c.hedge,
            step: c.precision.map(|s| s * scale.abs()),
            origin,
        })
    }
}

/// Writes a float as an integer when it is one (so 1400.0 prints as 1400).
fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        let i = v as i64;
        json!(i)
    } else {
        json!(v)
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn date_range_days_are_inclusive() {
        let r = DateRange::new(
            jiff::civil::date(2025, 7, 1),
            jiff::civil::date(2025, 12, 31),
        );
        assert_eq!(r.days(), Some(184.0));
    }
}
