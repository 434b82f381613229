//! The editor's workflow: a draft checked against its sources (`check draft.md --against
//! sources/`), and report paths relative to the working directory.
//!
//! An editor reads every line of the report, so it is kept to what differs: findings of one rule
//! over the same sentences (a window stated twice, against a source that states it twice) are
//! one finding, and notes whose alignment score is 0.00 (nothing but a rule's weakest condition
//! tied their claims) are left out.
//!
//! Architecture Invariant: this module only filters and re-grades the findings of a finished
//! run; it never compares claims itself, so a draft is judged by the same rules as any document.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::finding::Severity;
use crate::run::Run;
use crate::segment;

/// Below this alignment score a note is not shown in the editor's workflow (it prints as 0.00).
pub const MIN_NOTE_SCORE: f64 = 0.005;

/// The rule whose findings name a newer figure for a running count.
pub const SUPERSEDED_RULE: &str = "superseded-figure";

/// Keeps only the findings between a draft and a source: a finding stays when its claims come
/// from at least one draft and at least one source. Sources are not compared with each other and
/// a draft is not compared with itself. `is_draft[d]` says whether document `d` is a draft.
///
/// A superseded-figure finding whose older claim (its first) is in a draft becomes a warning:
/// the draft repeats a figure its sources have updated. When several sources update the same
/// draft claim, only the finding with the newest figure is kept.
pub fn against(run: &mut Run, is_draft: &[bool]) {
    let draft = |ci: usize| is_draft.get(run.claims[ci].doc).copied().unwrap_or(false);
    run.findings
        .retain(|f| f.claims.iter().any(|&c| draft(c)) && f.claims.iter().any(|&c| !draft(c)));
    // The newest date of a source figure for each draft claim that a source updates.
    let mut newest: std::collections::HashMap<usize, (Option<jiff::civil::Date>, usize)> =
        std::collections::HashMap::new();
    for (k, f) in run.findings.iter().enumerate() {
        if let [old, new, ..] = f.claims[..] {
            if f.rule == SUPERSEDED_RULE && draft(old) && !draft(new) {
                let date = run.documents[run.claims[new].doc].date;
                let e = newest.entry(old).or_insert((date, k));
                if date > e.0 {
                    *e = (date, k);
                }
            }
        }
    }
    let mut k = 0;
    run.findings.retain_mut(|f| {
        let keep = match f.claims[..] {
            [old, new, ..] if f.rule == SUPERSEDED_RULE && draft(old) && !draft(new) => {
                f.severity = f.severity.max(Severity::Warning);
                newest.get(&old).is_some_and(|&(_, best)| best == k)
            }
            _ => true,
        };
        k += 1;
        keep
    });
    run.findings
        .retain(|f| !(f.severity == Severity::Note && f.evidence.score < MIN_NOTE_SCORE));
    merge_same_sentences(run);
}

/// A finding's rule and the sentences (document, index) its claims stand in.
type SentenceKey = (String, BTreeSet<(usize, usize)>);

/// Keeps one finding of each rule per set of sentences its claims stand in: the most severe,
/// then the best aligned, then the first. The order of the findings is kept.
fn merge_same_sentences(run: &mut Run) {
    let mut cut: HashMap<usize, Vec<crate::document::Span>> = HashMap::new();
    let keys: Vec<SentenceKey> = run
        .findings
        .iter()
        .map(|f| {
            let sentences = f
                .claims
                .iter()
                .map(|&ci| {
                    let c = &run.claims[ci];
                    let spans = cut
                        .entry(c.doc)
                        .or_insert_with(|| segment::sentences(&run.documents[c.doc].prose));
                    // The sentence holding the claim (its index), or the claim's own offset.
                    let i = spans.partition_point(|s| s.start <= c.prose.start);
                    match i.checked_sub(1) {
                        Some(k) if c.prose.end <= spans[k].end => (c.doc, k),
                        _ => (c.doc, usize::MAX - c.prose.start),
                    }
                })
                .collect();
            (f.rule.clone(), sentences)
        })
        .collect();
    let mut best: HashMap<&SentenceKey, usize> = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        let f = &run.findings[k];
        best.entry(key)
            .and_modify(|b| {
                let o = &run.findings[*b];
                if (f.severity, f.evidence.score) > (o.severity, o.evidence.score) {
                    *b = k;
                }
            })
            .or_insert(k);
    }
    let mut k = 0;
    run.findings.retain(|_| {
        let keep = best.get(&keys[k]) == Some(&k);
        k += 1;
        keep
    });
}

/// `path` relative to `cwd` when it is an absolute path below it; otherwise as it is.
#[must_use]
pub fn relative_to(path: &str, cwd: &Path) -> String {
    let p = Path::new(path);
    if p.is_absolute() {
        if let Ok(rel) = p.strip_prefix(cwd) {
            if !rel.as_os_str().is_empty() {
                return rel.display().to_string();
            }
        }
    }
    path.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, Kind};
    use crate::document::{Document, Span};
    use crate::finding::{Category, Evidence, Finding};

    fn finding(rule: &str, severity: Severity, score: f64, claims: Vec<usize>) -> Finding {
        Finding {
            rule: rule.into(),
            category: Category::Period,
            severity,
            message: String::new(),
            claims,
            evidence: Evidence {
                score,
                ..Evidence::default()
            },
        }
    }

    // See: issue 16. Four window warnings for one pair of sentences, and a note of score 0.00.
    #[test]
    fn findings_over_the_same_sentences_are_one_and_zero_score_notes_go() {
        let draft = "It grew within six months, a six-month rise. Then it fell.";
        let source = "It grew in just over a year. Later it rose in 2019.";
        let mut run = Run {
            documents: vec![
                Document::plain("draft.md", draft.into()),
                Document::plain("source.md", source.into()),
            ],
            ..Run::default()
        };
        let claim = |doc: usize, text: &str, hay: &str| {
            let at = hay.find(text).unwrap();
            let mut c = Claim::new(doc, Span::new(at, at + text.len()), Kind::Duration);
            c.prose = c.span;
            c
        };
        run.claims = vec![
            claim(0, "six months", draft),
            claim(0, "six-month", draft),
            claim(1, "just over a year", source),
            claim(1, "2019", source),
        ];
        run.findings = vec![
            finding("window-mismatch", Severity::Warning, 0.4, vec![0, 2]),
            finding("window-mismatch", Severity::Warning, 0.7, vec![1, 2]),
            finding("duration-mismatch", Severity::Warning, 0.5, vec![1, 2]),
            finding(
                "relationship-age-divergence",
                Severity::Note,
                0.0,
                vec![0, 3],
            ),
            finding(
                "relationship-age-divergence",
                Severity::Note,
                0.2,
                vec![1, 3],
            ),
        ];
        against(&mut run, &[true, false]);
        let kept: Vec<(&str, f64)> = run
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.evidence.score))
            .collect();
        assert_eq!(
            kept,
            [
                ("window-mismatch", 0.7),
                ("duration-mismatch", 0.5),
                ("relationship-age-divergence", 0.2)
            ]
        );
    }

    #[test]
    fn absolute_paths_below_the_directory_become_relative() {
        let cwd = Path::new("/home/ed/story");
        assert_eq!(relative_to("/home/ed/story/a/b.md", cwd), "a/b.md");
        assert_eq!(
            relative_to("/home/ed/other/b.md", cwd),
            "/home/ed/other/b.md"
        );
        assert_eq!(relative_to("a/b.md", cwd), "a/b.md");
        assert_eq!(relative_to("-", cwd), "-");
    }
}
