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
//! <!-- crosscheck-disable value-mismatch, window-mismatch -->  ...  <!-- crosscheck-enable -->
//! ```
//!
//! Plain text (and JSON Lines `text`) takes the same words on a line of their own, optionally
//! after `#` or `//`. A directive names rule ids separated by spaces or commas; none, or `all`,
//! means every rule; anything after ` -- ` is a reason and ignored.
//!
//! Architecture invariant: no IO; reading never fails (what is not a directive is skipped).

use crate::document::{Document, Format, Span};

/// The three directive forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `crosscheck-disable-next-line`.
    DisableNextLine,
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
            Form::Disable => "crosscheck-disable",
            Form::Enable => "crosscheck-enable",
        }
    }

    fn parse(word: &str) -> Option<Form> {
        match word {
            "crosscheck-disable-next-line" => Some(Form::DisableNextLine),
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
}
