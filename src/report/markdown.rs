//! The Markdown report (`check --format markdown`), for a pull-request comment or a job summary:
//! the severity counts, a table with one row per finding, then a section per finding with the
//! sentences of its claims quoted and the claims in bold.
//!
//! All text from documents and messages is escaped, so a document cannot inject markup. Past
//! `SECTION_BUDGET` characters the per-finding sections stop (the table still lists every
//! finding): a PR comment holds 65,536 characters.

use std::fmt::Write;

use crate::finding::Severity;
use crate::run::Run;

use super::human::people_value;
use super::values::plural;
use super::{sentence_parts_in, Place};
use crate::document::Span;
use crate::segment;

/// The number of characters after which no further finding section is written.
pub const SECTION_BUDGET: usize = 60_000;

/// Escapes text for inline Markdown (CommonMark backslash escapes; line breaks become spaces).
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(ch);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "🔴 error",
        Severity::Warning => "🟠 warning",
        Severity::Note => "🔵 note",
    }
}

/// Renders the report.
#[must_use]
pub fn render(run: &Run) -> String {
    let mut out = String::new();
    let count = |s: Severity| run.findings.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(out, "## crosscheck\n");
    let _ = writeln!(
        out,
        "{} in {} ({}).\n",
        plural(run.findings.len(), "finding"),
        plural(run.documents.len(), "document"),
        plural(run.claim_counts.iter().sum::<usize>(), "claim")
    );
    let _ = writeln!(out, "| severity | count |\n| --- | ---: |");
    for s in [Severity::Error, Severity::Warning, Severity::Note] {
        let _ = writeln!(out, "| {} | {} |", icon(s), count(s));
    }
    out.push('\n');
    if !run.findings.is_empty() {
        let _ = writeln!(
            out,
            "| # | severity | rule | category | locations | message |\n| ---: | --- | --- | --- | --- | --- |"
        );
        for (n, f) in run.findings.iter().enumerate() {
            let locations: Vec<String> = f
                .claims
                .iter()
                .map(|&ci| {
                    let c = &run.claims[ci];
                    format!(
                        "`{}`",
                        // A table cell ends at `|` even inside code, unless escaped.
                        Place::of(&run.documents[c.doc], c)
                            .short()
                            .replace('`', "'")
                            .replace('|', "\\|")
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "| [{}](#finding-{}) | {} | `{}` | {} | {} | {} |",
                n + 1,
                n + 1,
                icon(f.severity),
                f.rule,
                f.category.as_str(),
                locations.join("<br>"),
                escape(&f.message)
            );
        }
        out.push('\n');
    }
    // Each document is cut into sentences once, the first time one of its claims is quoted.
    let sentences: Vec<std::cell::OnceCell<Vec<Span>>> = run
        .documents
        .iter()
        .map(|_| std::cell::OnceCell::new())
        .collect();
    for (n, f) in run.findings.iter().enumerate() {
        if out.len() > SECTION_BUDGET {
            let _ = writeln!(
                out,
                "_{} more findings not shown here; run crosscheck for the full report._",
                run.findings.len() - n
            );
            break;
        }
        let _ = writeln!(
            out,
            "<a id=\"finding-{}\"></a>\n### {}. `{}` ({}, {})\n\n{}\n",
            n + 1,
            n + 1,
            f.rule,
            f.severity.as_str(),
            f.category.as_str(),
            escape(&f.message)
        );
        for &ci in &f.claims {
            let c = &run.claims[ci];
            let d = &run.documents[c.doc];
            let p = Place::of(d, c);
            let _ = writeln!(
                out,
                "`{}`: {}\n",
                p.short().replace('`', "'"),
                escape(&people_value(run, c))
            );
            let cut = sentences[c.doc].get_or_init(|| segment::sentences(&d.prose));
            match sentence_parts_in(d, cut, c) {
                Some((before, claim, after)) => {
                    let _ = writeln!(
                        out,
                        "> {}**{}**{}\n",
                        escape(&before),
                        escape(&claim),
                        escape(&after)
                    );
                }
                None => {
                    let _ = writeln!(out, "> **{}**\n", escape(d.text(c.span)));
                }
            }
        }
    }
    if !run.errors.is_empty() {
        let _ = writeln!(out, "### Input problems\n");
        for e in &run.errors {
            let _ = writeln!(
                out,
                "- {} `{}`: {}",
                if e.fatal { "error" } else { "warning" },
                e.path.replace('`', "'"),
                escape(&e.message)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_line_breaks() {
        assert_eq!(escape("a|b *c*\n<x>"), "a\\|b \\*c\\* \\<x\\>");
    }
}
