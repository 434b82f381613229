//! The terminal report: one block per finding, rustc-style, with each claim's location, its
//! sentence with the claim marked, its normalised value, and the alignment evidence.

use std::fmt::Write;

use crate::check::Run;
use crate::claim::{Claim, Kind};
use crate::finding::Severity;
use crate::segment;

/// Options for the terminal report.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// ANSI colour.
    pub color: bool,
    /// Only the summary line.
    pub quiet: bool,
}

fn paint(s: &str, code: &str, on: bool) -> String {
    if on {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// The normalised value of a claim in a few words.
#[must_use]
pub fn value_words(c: &Claim) -> String {
    let unit = c.unit.as_deref().unwrap_or("");
    match c.kind {
        Kind::Date | Kind::Period => match c.dates {
            Some(d) => match (d.from, d.to) {
                (Some(f), Some(t)) if f == t => f.to_string(),
                (Some(f), Some(t)) => format!("{f} .. {t}"),
                (Some(f), None) => format!("from {f}"),
                (None, Some(t)) => format!("until {t}"),
                (None, None) => "unresolved".into(),
            },
            None => "unresolved".into(),
        },
        _ => match c.value {
            Some(v) => {
                let bound = match (v.low, v.high) {
                    (Some(l), Some(h)) if l != h => format!(" [{l} .. {h}]"),
                    (Some(l), None) => format!(" [> {l}]"),
                    (None, Some(h)) => format!(" [< {h}]"),
                    _ => String::new(),
                };
                let what = if c.kind == Kind::Change && !c.change.is_some_and(|x| x.additive) {
                    format!("x{}", v.point)
                } else {
                    format!("{} {unit}", v.point)
                };
                format!("{} {}{bound}", c.kind.as_str(), what.trim())
            }
            None => c.kind.as_str().to_string(),
        },
    }
}

/// Renders the report.
#[must_use]
pub fn render(run: &Run, opts: HumanOptions, elapsed_ms: u128) -> String {
    let mut out = String::new();
    let color = opts.color;
    if !opts.quiet {
        for f in &run.findings {
            let (label, code) = match f.severity {
                Severity::Error => ("error", "1;31"),
                Severity::Warning => ("warning", "1;33"),
                Severity::Note => ("note", "1;36"),
            };
            let _ = writeln!(
                out,
                "{}[{}] {}: {}",
                paint(label, code, color),
                f.rule,
                f.category.as_str(),
                paint(&f.message, "1", color)
            );
            for &ci in &f.claims {
                let c = &run.claims[ci];
                let d = &run.documents[c.doc];
                let (line, col) = d.line_col(c.span.start);
                let _ = writeln!(
                    out,
                    "  {} {}:{line}:{col}  {}",
                    paint("-->", "34", color),
                    d.id,
                    value_words(c)
                );
                let sent = segment::sentences(&d.prose)
                    .into_iter()
                    .find(|s| s.start <= c.prose.start && c.prose.end <= s.end);
                if let Some(s) = sent {
                    let text = &d.prose[s.start..s.end];
                    let (a, b) = (c.prose.start - s.start, c.prose.end - s.start);
                    let shown = format!(
                        "{}{}{}",
                        &text[..a],
                        paint(&format!("[{}]", &text[a..b]), "1;4", color),
                        &text[b..]
                    )
                    .replace('\n', " ");
                    let _ = writeln!(out, "   {} {shown}", paint("|", "34", color));
                }
            }
            let ev = &f.evidence;
            let _ = writeln!(
                out,
                "   {} aligned: score {:.2}; shared: {}; {}",
                paint("=", "34", color),
                ev.score,
                if ev.shared_terms.is_empty() {
                    "-".to_string()
                } else {
                    ev.shared_terms.join(", ")
                },
                ev.checks.join(", ")
            );
            out.push('\n');
        }
        for e in &run.errors {
            let _ = writeln!(
                out,
                "{}: {}: {}",
                paint("input", "1;31", color),
                e.path,
                e.message
            );
        }
    }
    let count = |s: Severity| run.findings.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(
        out,
        "{} errors, {} warnings, {} notes in {} documents ({} claims) in {} ms",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
        run.documents.len(),
        run.claims.len(),
        elapsed_ms
    );
    out
}
