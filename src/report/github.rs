//! GitHub Actions workflow commands (`check --format github`): one annotation a finding, placed on
//! its first claim, with the other claims named in the message.
//!
//! ```text
//! ::error file=a.txt,line=4,col=227,endLine=4,endColumn=239,title=rule-id::message
//! ```
//!
//! Errors and warnings become `::error` and `::warning`, notes `::notice`. Data is escaped as the
//! runner unescapes it (`%`, CR, LF); property values also escape `:` and `,`.

use std::fmt::Write;

use crate::finding::Severity;
use crate::run::Run;

use super::human::people_value;
use super::Place;

/// Escapes the message part of a workflow command.
#[must_use]
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
#[must_use]
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// Renders the annotations, one line each, then one `::error` (or `::warning`) per input problem.
#[must_use]
pub fn render(run: &Run) -> String {
    let mut out = String::new();
    for f in &run.findings {
        let places: Vec<(Place, String)> = f
            .claims
            .iter()
            .map(|&ci| {
                let c = &run.claims[ci];
                (Place::of(&run.documents[c.doc], c), people_value(run, c))
            })
            .collect();
        let Some((first, _)) = places.first() else {
            continue;
        };
        let mut message = f.message.clone();
        for (i, (p, value)) in places.iter().enumerate() {
            let text = {
                let c = &run.claims[f.claims[i]];
                run.documents[c.doc].text(c.span).to_string()
            };
            let _ = write!(message, "\n- {}: {text:?} ({value})", p.short());
        }
        let title = format!("{} ({})", f.rule, f.category.as_str());
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(&first.path),
            first.line,
            first.column,
            first.end_line,
            first.end_column,
            escape_property(&title),
            escape_data(&message)
        );
    }
    for e in &run.errors {
        let _ = writeln!(
            out,
            "::{} file={},title={}::{}",
            if e.fatal { "error" } else { "warning" },
            escape_property(&e.path),
            escape_property("crosscheck input"),
            escape_data(&e.message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(escape_data("50%\r\nx: a, b"), "50%25%0D%0Ax: a, b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
