//! Inline suppressions: directives in a document's source that silence findings of named rules
//! in part of it.
//!
//! The directives are read by `crate::directive`, which describes their syntax.
//! `disable-next-line` covers the line after the one the directive ends on; `disable-line` the
//! line the directive starts on (from its start to its end, so a comment at the end of a line
//! silences that line's claims); `disable` covers
//! everything up to the matching `enable` (or the end of the document).
//!
//! A finding is suppressed when any of its claims starts in a region suppressed for its rule.
//! A directive that suppresses nothing, names a rule not in force, or an `enable` with nothing
//! to enable is reported as a warning in the run's input messages (`errors`, not fatal): it is a
//! problem with the input, not a discrepancy between documents, so it gets no finding category
//! and never changes the exit code.
//!
//! Architecture invariant: no IO; suppression never fails.

use rayon::prelude::*;

use crate::claim::Claim;
use crate::diagnostic::InputError;
use crate::document::{Document, Span};
use crate::finding::Finding;
use crate::rules::RuleSet;

/// Re-exported: directives are read by `directive`, below the claims file that keeps their lines.
pub use crate::directive::{directives, near_misses, Directive, Form, NearMiss};

/// A region of one document where one rule (or all) is suppressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The rule id, or `all`.
    pub rule: String,
    /// The suppressed bytes of the source.
    pub span: Span,
    /// The directive that opened it.
    pub form: Form,
    /// The byte offset of that directive (for its line number).
    pub at: usize,
}

/// The suppressed regions of a document, plus warnings (`(offset, message)`) about directives
/// that cannot work (an `enable` with nothing to enable).
#[must_use]
pub fn regions(doc: &Document) -> (Vec<Region>, Vec<(usize, String)>) {
    let src = doc.source.as_str();
    let mut regions = Vec::new();
    let mut warnings = Vec::new();
    // Open `disable` regions: (rule, start of region, directive offset).
    let mut open: Vec<(String, usize, usize)> = Vec::new();
    let names = |d: &Directive| {
        if d.rules.is_empty() {
            vec!["all".to_string()]
        } else {
            d.rules.clone()
        }
    };
    for d in directives(doc) {
        match d.form {
            Form::DisableNextLine => {
                let next = src[d.span.end..]
                    .find('\n')
                    .map_or(src.len(), |i| d.span.end + i + 1);
                let next_end = src[next..].find('\n').map_or(src.len(), |i| next + i);
                for rule in names(&d) {
                    regions.push(Region {
                        rule,
                        span: Span::new(next, next_end),
                        form: d.form,
                        at: d.span.start,
                    });
                }
            }
            Form::DisableLine => {
                let start = src[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
                let end = src[d.span.start..]
                    .find('\n')
                    .map_or(src.len(), |i| d.span.start + i);
                for rule in names(&d) {
                    regions.push(Region {
                        rule,
                        span: Span::new(start, end),
                        form: d.form,
                        at: d.span.start,
                    });
                }
            }
            Form::Disable => {
                for rule in names(&d) {
                    open.push((rule, d.span.end, d.span.start));
                }
            }
            Form::Enable => {
                let closes_all = d.rules.is_empty();
                let before = open.len();
                let mut kept = Vec::new();
                for (rule, start, at) in open.drain(..) {
                    if closes_all || d.rules.contains(&rule) {
                        regions.push(Region {
                            rule,
                            span: Span::new(start, d.span.start),
                            form: Form::Disable,
                            at,
                        });
                    } else {
                        kept.push((rule, start, at));
                    }
                }
                let closed = before - kept.len();
                open = kept;
                if closed == 0 {
                    warnings.push((
                        d.span.start,
                        format!(
                            "`{}` has no matching `crosscheck-disable` before it",
                            directive_text(&d)
                        ),
                    ));
                }
            }
        }
    }
    for (rule, start, at) in open {
        regions.push(Region {
            rule,
            span: Span::new(start, src.len()),
            form: Form::Disable,
            at,
        });
    }
    regions.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.rule.cmp(&b.rule)));
    for m in near_misses(doc) {
        let hint = m
            .meant
            .map_or_else(String::new, |f| format!("; did you mean `{f}`?"));
        warnings.push((
            m.at,
            format!(
                "`{}` is not a directive and suppresses nothing{hint}",
                m.written
            ),
        ));
    }
    warnings.sort_by_key(|w| w.0);
    (regions, warnings)
}

fn directive_text(d: &Directive) -> String {
    if d.rules.is_empty() {
        d.form.as_str().to_string()
    } else {
        format!("{} {}", d.form.as_str(), d.rules.join(" "))
    }
}

/// Removes the suppressed findings and appends a warning to `errors` for every directive that
/// suppressed nothing or names a rule not in force. Keeps the order of the findings.
pub fn apply(
    documents: &[Document],
    claims: &[Claim],
    findings: &mut Vec<Finding>,
    errors: &mut Vec<InputError>,
    rules: &RuleSet,
) {
    // Regions by document, each with whether it suppressed something: a finding only looks at
    // the regions of its claims' documents, so the cost stays linear in findings.
    // Documents are read in parallel (the whole text of each is scanned), warnings kept in
    // document order.
    let read: Vec<_> = documents.par_iter().map(regions).collect();
    let mut by_doc: Vec<Vec<(Region, bool)>> = Vec::with_capacity(documents.len());
    for (d, (regions, warnings)) in documents.iter().zip(read) {
        for (at, message) in warnings {
            push_warning(errors, d, at, &message);
        }
        by_doc.push(regions.into_iter().map(|r| (r, false)).collect());
    }
    if by_doc.iter().all(Vec::is_empty) {
        return;
    }
    findings.retain(|f| {
        let mut suppressed = false;
        for &ci in &f.claims {
            let c = &claims[ci];
            for (region, used) in &mut by_doc[c.doc] {
                if (region.rule == "all" || region.rule == f.rule)
                    && region.span.start <= c.span.start
                    && c.span.start < region.span.end
                {
                    *used = true;
                    suppressed = true;
                }
            }
        }
        !suppressed
    });
    for (d, regions) in documents.iter().zip(by_doc) {
        for (region, used) in regions {
            let written = format!("{} {}", region.form.as_str(), region.rule);
            if region.rule != "all" && rules.get(&region.rule).is_none() {
                let hint = crate::error::did_you_mean(
                    &region.rule,
                    rules.rules.iter().map(|r| r.id.as_str()),
                );
                push_warning(
                    errors,
                    d,
                    region.at,
                    &format!("`{written}` names no rule in force{hint}"),
                );
            } else if !used {
                push_warning(
                    errors,
                    d,
                    region.at,
                    &format!("unused suppression: `{written}` suppresses no finding"),
                );
            }
        }
    }
}

fn push_warning(errors: &mut Vec<InputError>, d: &Document, at: usize, message: &str) {
    let (line, _) = d.line_col(at);
    errors.push(InputError {
        path: d.id.clone(),
        message: format!("line {line}: {message}"),
        fatal: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn doc(format: Format, text: &str) -> Document {
        let mut d = Document::plain("d", text.to_string());
        d.format = format;
        d
    }

    #[test]
    fn regions_cover_the_next_line_or_up_to_enable() {
        let text = "one\n  # crosscheck-disable-next-line r\ntwo\nthree\n// crosscheck-disable\n\
                    four\ncrosscheck-enable\nfive\n";
        let d = doc(Format::Text, text);
        let (r, w) = regions(&d);
        assert!(w.is_empty());
        let covered: Vec<(&str, &str)> = r
            .iter()
            .map(|r| (r.rule.as_str(), d.text(r.span).trim()))
            .collect();
        assert_eq!(covered, [("r", "two"), ("all", "four")]);

        let d = doc(
            Format::Markdown,
            "one\ntwo <!-- crosscheck-disable-line r -->\nthree\n",
        );
        let (r, w) = regions(&d);
        assert!(w.is_empty());
        let covered: Vec<(&str, &str)> = r
            .iter()
            .map(|r| (r.rule.as_str(), d.text(r.span)))
            .collect();
        assert_eq!(covered, [("r", "two <!-- crosscheck-disable-line r -->")]);
    }

    #[test]
    fn an_enable_without_disable_is_a_warning_and_an_unclosed_comment_is_ignored() {
        let d = doc(
            Format::Markdown,
            "<!-- crosscheck-enable x -->\ntext <!-- crosscheck-",
        );
        let (r, w) = regions(&d);
        assert!(r.is_empty());
        assert_eq!(w.len(), 1);
        assert!(w[0].1.contains("no matching"), "{}", w[0].1);
    }

    proptest::proptest! {
        #[test]
        fn scanning_never_panics(s in "(crosscheck-(disable|enable|disable-next-line|disable-line)|<!--|-->|\n|#|//| |x|é)*") {
            for f in [Format::Text, Format::Markdown, Format::Html] {
                let d = doc(f, &s);
                let (regions, _) = regions(&d);
                for r in regions {
                    proptest::prop_assert!(r.span.end <= s.len());
                    proptest::prop_assert!(s.is_char_boundary(r.span.start));
                }
            }
        }
    }
}
