//! Suppression directives as written in a document's source: where they are and what they name.
//! What they suppress is `crate::suppress`'s; this module only reads them, so that the claims
//! file (`input::claims`, which keeps the stored lines holding directives) and suppression
//! share one reading without the input layer depending on suppression.
//!
//! Markdown and HTML take comments, which the prose never sees, so they are read from
//! `Document::source`:
//!
//! ```text
//! <!-- crosscheck-disable-next-line value-mismatch -->
//! The arena holds 24,000. <!-- crosscheck-disable-line value-mismatch -->
//! <!-- crosscheck-disable value-mismatch, window-mismatch -->  ...  <!-- crosscheck-enable -->
//! ```
//!
//! Plain text (and JSON Lines `text`) takes the same words on a line of their own, optionally
//! after `#` or `//`. A directive names rule ids separated by spaces or commas; none, or `all`,
//! means every rule; anything after ` -- ` is a reason and ignored.
//!
//! Architecture invariant: no IO; reading never fails (what is not a directive is skipped).

use crate::document::{Document, Format, Span};

/// The four directive forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `crosscheck-disable-next-line`.
    DisableNextLine,
    /// `crosscheck-disable-line`: the line the directive starts on (a comment at its end, as
    /// most linters take it).
    DisableLine,
    /// `crosscheck-disable`.
    Disable,
    /// `crosscheck-enable`.
    Enable,
}

impl Form {
    /// The directive as written.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Form::DisableNextLine => "crosscheck-disable-next-line",
            Form::DisableLine => "crosscheck-disable-line",
            Form::Disable => "crosscheck-disable",
            Form::Enable => "crosscheck-enable",
        }
    }

    fn parse(word: &str) -> Option<Form> {
        match word {
            "crosscheck-disable-next-line" => Some(Form::DisableNextLine),
            "crosscheck-disable-line" => Some(Form::DisableLine),
            "crosscheck-disable" => Some(Form::Disable),
            "crosscheck-enable" => Some(Form::Enable),
            _ => None,
        }
    }
}

/// One directive as found in a source: where it is and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The form.
    pub form: Form,
    /// The rule ids named; empty means all rules.
    pub rules: Vec<String>,
    /// The directive's bytes in the source (the whole comment or line).
    pub span: Span,
}

/// The directives of a document's source, in order.
#[must_use]
pub fn directives(doc: &Document) -> Vec<Directive> {
    let src = doc.source.as_str();
    let mut out = Vec::new();
    // Every directive names its form, so a source without that word has none (the usual case,
    // found by one vectorised scan instead of a walk over comments or lines).
    if memchr::memmem::find(src.as_bytes(), b"crosscheck-").is_none() {
        return out;
    }
    match doc.format {
        Format::Markdown | Format::Html => {
            let mut from = 0;
            while let Some(i) = src[from..].find("<!--") {
                let start = from + i;
                let body_start = start + 4;
                let Some(j) = src[body_start..].find("-->") else {
                    break;
                };
                let end = body_start + j + 3;
                if let Some((form, rules)) = parse_body(&src[body_start..body_start + j]) {
                    out.push(Directive {
                        form,
                        rules,
                        span: Span::new(start, end),
                    });
                }
                from = end;
            }
        }
        Format::Text => {
            let mut off = 0;
            for line in src.split_inclusive('\n') {
                let start = off;
                off += line.len();
                let t = line.trim();
                let t = t
                    .strip_prefix("//")
                    .unwrap_or_else(|| t.trim_start_matches('#'))
                    .trim_start();
                if !t.starts_with("crosscheck-") {
                    continue;
                }
                if let Some((form, rules)) = parse_body(t) {
                    let end = start + line.trim_end_matches(['\n', '\r']).len();
                    out.push(Directive {
                        form,
                        rules,
                        span: Span::new(start, end),
                    });
                }
            }
        }
    }
    out
}

/// A comment (or a text line of its own) that looks like a directive but is none, such as
/// `crosscheck-ignore-next-line` for `crosscheck-disable-next-line`: suppression warns about it,
/// so a finding that stays has a reason shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMiss {
    /// The byte offset of the comment or line in the source.
    pub at: usize,
    /// The word that looked like a directive, as written.
    pub written: String,
    /// The directive it most likely meant.
    pub meant: Option<&'static str>,
}

/// The comments and lines of a document's source that look like directives but are none.
#[must_use]
pub fn near_misses(doc: &Document) -> Vec<NearMiss> {
    let src = doc.source.as_str();
    let mut out = Vec::new();
    // "rosscheck" finds the word in any case ("Crosscheck-disable"), again with one scan.
    if memchr::memmem::find(src.as_bytes(), b"rosscheck").is_none() {
        return out;
    }
    let mut consider = |at: usize, body: &str, comment: bool| {
        if let Some((written, meant)) = near_miss(body, comment) {
            out.push(NearMiss { at, written, meant });
        }
    };
    match doc.format {
        Format::Markdown | Format::Html => {
            let mut from = 0;
            while let Some(i) = src[from..].find("<!--") {
                let start = from + i;
                let body_start = start + 4;
                let Some(j) = src[body_start..].find("-->") else {
                    break;
                };
                consider(start, &src[body_start..body_start + j], true);
                from = body_start + j + 3;
            }
        }
        Format::Text => {
            let mut off = 0;
            for line in src.split_inclusive('\n') {
                let start = off;
                off += line.len();
                let t = line.trim();
                let (t, marked) = match t.strip_prefix("//") {
                    Some(rest) => (rest, true),
                    None => (t.trim_start_matches('#'), t.starts_with('#')),
                };
                consider(start, t.trim_start(), marked);
            }
        }
    }
    out
}

/// The word of `body` that looks like a directive and the form it most likely meant; `None`
/// for a directive or for text that does not look like one. A word counts when it is
/// `crosscheck` joined to more by `-`, `_` or `:` (`crosscheck-ignore-line`,
/// `crosscheck:disable`), or, in a comment, `crosscheck` followed by `disable` or `enable`.
fn near_miss(body: &str, comment: bool) -> Option<(String, Option<&'static str>)> {
    let body = body.trim();
    let body = body.split_once(" -- ").map_or(body, |(b, _)| b);
    let mut words = body.split(|c: char| c.is_whitespace() || c == ',');
    let first = words.next()?;
    let lower = first.to_lowercase();
    let rest = lower.strip_prefix("crosscheck")?;
    let written = if rest.is_empty() {
        // "crosscheck disable-next-line": two words, only in a comment.
        let second = words.find(|w| !w.is_empty())?.to_lowercase();
        if !comment || !(second.starts_with("disable") || second.starts_with("enable")) {
            return None;
        }
        format!("{first} {second}")
    } else if rest.starts_with(['-', '_', ':']) {
        if Form::parse(first).is_some() {
            return None;
        }
        first.to_string()
    } else {
        return None;
    };
    let normal = format!(
        "crosscheck-{}",
        written.to_lowercase()["crosscheck".len()..]
            .trim_start_matches(['-', '_', ':', ' '])
            .replace(['_', ':', ' '], "-")
    );
    let forms = [
        Form::DisableNextLine,
        Form::DisableLine,
        Form::Disable,
        Form::Enable,
    ]
    .map(Form::as_str);
    let meant = if Form::parse(&normal).is_some() {
        forms.into_iter().find(|f| *f == normal)
    } else if normal.contains("next-line") || normal.contains("nextline") {
        // "ignore-next-line", "disable-nextline": a directive about the next line.
        Some(Form::DisableNextLine.as_str())
    } else if normal.contains("line") {
        // "ignore-line", "disable-this-line": a directive about its own line.
        Some(Form::DisableLine.as_str())
    } else {
        // Compared after the shared prefix, which would make every word look close.
        let tail = &normal["crosscheck-".len()..];
        let tails = forms.map(|f| &f["crosscheck-".len()..]);
        crate::error::suggest(tail, tails).and_then(|t| {
            forms
                .into_iter()
                .find(|f| f.ends_with(t) && f.len() == t.len() + 11)
        })
    };
    // A plain text line is prose unless it is plainly a directive gone wrong.
    if !comment && meant.is_none() {
        return None;
    }
    Some((written, meant))
}

/// Reads `crosscheck-<form> [rule ...] [-- reason]`; `None` when it is not a directive.
fn parse_body(body: &str) -> Option<(Form, Vec<String>)> {
    let body = body.trim();
    let body = body.split_once(" -- ").map_or(body, |(b, _)| b);
    let mut words = body.split(|c: char| c.is_whitespace() || c == ',');
    let form = Form::parse(words.next()?)?;
    let rules: Vec<String> = words
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let rules = if rules.iter().any(|r| r == "all") {
        Vec::new()
    } else {
        rules
    };
    Some((form, rules))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_read_rule_lists_reasons_and_all() {
        assert_eq!(
            parse_body(" crosscheck-disable a-rule, b-rule -- checked by hand "),
            Some((Form::Disable, vec!["a-rule".into(), "b-rule".into()]))
        );
        assert_eq!(
            parse_body("crosscheck-enable all"),
            Some((Form::Enable, vec![]))
        );
        assert_eq!(parse_body("crosscheck-disabled x"), None);
        assert_eq!(parse_body("a comment"), None);
    }

    #[test]
    fn near_misses_name_the_directive_meant() {
        let meant = |body: &str| near_miss(body, true).map(|(w, m)| (w, m.unwrap_or("-")));
        for (body, written, want) in [
            (
                " crosscheck-ignore-next-line value-mismatch ",
                "crosscheck-ignore-next-line",
                "crosscheck-disable-next-line",
            ),
            (
                "crosscheck-ignore-line",
                "crosscheck-ignore-line",
                "crosscheck-disable-line",
            ),
            (
                "crosscheck-disable-this-line",
                "crosscheck-disable-this-line",
                "crosscheck-disable-line",
            ),
            (
                "crosscheck-disabled",
                "crosscheck-disabled",
                "crosscheck-disable",
            ),
            (
                "crosscheck:disable",
                "crosscheck:disable",
                "crosscheck-disable",
            ),
            (
                "crosscheck disable-next-line x",
                "crosscheck disable-next-line",
                "crosscheck-disable-next-line",
            ),
            (
                "Crosscheck-Disable-Next-Line",
                "Crosscheck-Disable-Next-Line",
                "crosscheck-disable-next-line",
            ),
            (
                "crosscheck-enabel",
                "crosscheck-enabel",
                "crosscheck-enable",
            ),
        ] {
            assert_eq!(meant(body), Some((written.to_string(), want)), "{body}");
        }
        assert_eq!(meant("crosscheck-disable-next-line x"), None);
        // See: issue 16. The same-line form is a directive, no longer a near miss.
        assert_eq!(meant("crosscheck-disable-line x"), None);
        assert_eq!(
            parse_body("crosscheck-disable-line x"),
            Some((Form::DisableLine, vec!["x".into()]))
        );
        assert_eq!(meant("crosscheck is a tool"), None);
        assert_eq!(meant("a comment"), None);
        assert_eq!(near_miss("crosscheck disable the rule", false), None);
        assert_eq!(near_miss("Crosscheck-style checks help", false), None);
    }
}
