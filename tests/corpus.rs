//! Runs every corpus file in tests/corpus/ (Duckling style): each file names the claim `kind` it
//! tests, then `[[case]]` blocks with one expected value and many phrasings, and `negatives`
//! that must produce no claim of that kind. A phrasing passes only when exactly one claim of
//! the kind covers the whole text (or the case's `span`) with the expected value.
//!
//! Numeric kinds check `point`, `low`, `high` (absent means null) and `unit`; date kinds check
//! `from` and `to`. Change cases may check `change_start`, `change_end`, `from_percent` and
//! `additive`; any case may check the counted `noun`; `valueless = true` asks for a claim with no
//! value ("a small percent"). Files may set `date` (YYYY-MM-DD), the document date that anchors relative
//! expressions.

use std::fmt::Write as _;
use std::path::Path;

use crosscheck::claim::{Claim, Kind};
use crosscheck::extract::{extract_text, Context};
use crosscheck::lexicon::Lexicon;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CorpusFile {
    kind: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    negatives: Vec<String>,
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    texts: Vec<String>,
    #[serde(default)]
    point: Option<f64>,
    #[serde(default)]
    low: Option<f64>,
    #[serde(default)]
    high: Option<f64>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    /// The part of each text the claim must cover exactly, when not the whole text.
    #[serde(default)]
    span: Option<String>,
    /// Change claims: `change.start` ("from X"), when stated.
    #[serde(default)]
    change_start: Option<f64>,
    /// Change claims: `change.end` (the level reached), when stated.
    #[serde(default)]
    change_end: Option<f64>,
    /// Change claims: whether the change was stated as a percentage or fraction.
    #[serde(default)]
    from_percent: Option<bool>,
    /// Change claims: whether the change is a difference rather than a factor.
    #[serde(default)]
    additive: Option<bool>,
    /// The counted noun, when the case checks it.
    #[serde(default)]
    noun: Option<String>,
    /// The claim states no number ("a small percent"): it must have no value.
    #[serde(default)]
    valueless: bool,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

fn opt_close(got: Option<f64>, want: Option<f64>) -> bool {
    match (got, want) {
        (None, None) => true,
        (Some(a), Some(b)) => close(a, b),
        _ => false,
    }
}

fn describe(text: &str, c: &Claim) -> String {
    format!(
        "{:?} {} value={:?} unit={:?} dates={:?}",
        &text[c.span.start..c.span.end],
        c.kind.as_str(),
        c.value,
        c.unit,
        c.dates
    )
}

fn check_case(kind: Kind, case: &Case, text: &str, claims: &[Claim]) -> Result<(), String> {
    let target = case.span.as_deref().unwrap_or(text);
    let Some(start) = text.find(target) else {
        return Err(format!("span {target:?} is not in the text"));
    };
    let end = start + target.len();
    let of_kind: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.kind == kind && c.span.start < end && start < c.span.end)
        .collect();
    let all = || {
        claims
            .iter()
            .map(|c| describe(text, c))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if of_kind.len() != 1 {
        return Err(format!(
            "expected one {} claim over {target:?}, found: [{}]",
            kind.as_str(),
            all()
        ));
    }
    let c = of_kind[0];
    if (c.span.start, c.span.end) != (start, end) {
        return Err(format!(
            "span is {:?}, expected {target:?}",
            &text[c.span.start..c.span.end]
        ));
    }
    if kind.is_numeric() && case.valueless {
        if let Some(v) = c.value {
            return Err(format!("value {v:?}, expected none"));
        }
    } else if kind.is_numeric() {
        let v = c.value.ok_or("no value")?;
        let point_ok = case.point.is_none_or(|p| close(v.point, p));
        if !point_ok || !opt_close(v.low, case.low) || !opt_close(v.high, case.high) {
            return Err(format!(
                "value {v:?}, expected point {:?} low {:?} high {:?}",
                case.point, case.low, case.high
            ));
        }
        if case.unit.is_some() && c.unit != case.unit {
            return Err(format!("unit {:?}, expected {:?}", c.unit, case.unit));
        }
        if case.noun.is_some() && c.noun != case.noun {
            return Err(format!("noun {:?}, expected {:?}", c.noun, case.noun));
        }
        check_change(case, c)?;
    } else {
        let d = c.dates.ok_or("no dates")?;
        let from = d.from.map(|x| x.to_string());
        let to = d.to.map(|x| x.to_string());
        if from != case.from || to != case.to {
            return Err(format!(
                "dates {from:?}..{to:?}, expected {:?}..{:?}",
                case.from, case.to
            ));
        }
    }
    Ok(())
}

/// The change details a case asks for.
fn check_change(case: &Case, c: &Claim) -> Result<(), String> {
    let asks = case.change_start.is_some()
        || case.change_end.is_some()
        || case.from_percent.is_some()
        || case.additive.is_some();
    if !asks {
        return Ok(());
    }
    let ch = c.change.ok_or("no change details")?;
    let want = |x: Option<f64>, got: Option<f64>| x.is_none() || opt_close(got, x);
    if !want(case.change_start, ch.start) || !want(case.change_end, ch.end) {
        return Err(format!(
            "change start {:?} end {:?}, expected {:?} {:?}",
            ch.start, ch.end, case.change_start, case.change_end
        ));
    }
    if case.from_percent.is_some_and(|f| f != ch.from_percent)
        || case.additive.is_some_and(|a| a != ch.additive)
    {
        return Err(format!(
            "from_percent {} additive {}, expected {:?} {:?}",
            ch.from_percent, ch.additive, case.from_percent, case.additive
        ));
    }
    Ok(())
}

#[test]
fn corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus files in {}", dir.display());
    let lexicon = Lexicon::builtin();
    let mut failures = String::new();
    let mut phrasings = 0;
    for path in &files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let src = std::fs::read_to_string(path).expect("corpus file readable");
        let file: CorpusFile = match crosscheck::error::parse_toml(&name, &src) {
            Ok(f) => f,
            Err(e) => {
                let _ = writeln!(failures, "{e}");
                continue;
            }
        };
        let Some(kind) = Kind::parse(&file.kind) else {
            let _ = writeln!(failures, "{name}: unknown kind {:?}", file.kind);
            continue;
        };
        let date = file
            .date
            .as_deref()
            .map(|d| d.parse().expect("corpus date is YYYY-MM-DD"));
        let ctx = Context { date, lexicon };
        for (i, case) in file.case.iter().enumerate() {
            for text in &case.texts {
                phrasings += 1;
                let claims = extract_text(text, &ctx);
                if let Err(e) = check_case(kind, case, text, &claims) {
                    let _ = writeln!(failures, "{name} case {}: {text:?}: {e}", i + 1);
                }
            }
        }
        for text in &file.negatives {
            phrasings += 1;
            let claims = extract_text(text, &ctx);
            let bad: Vec<String> = claims
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| describe(text, c))
                .collect();
            if !bad.is_empty() {
                let _ = writeln!(
                    failures,
                    "{name} negative {text:?}: found {}",
                    bad.join("; ")
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "corpus failures ({phrasings} phrasings checked):\n{failures}"
    );
}
