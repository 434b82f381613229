//! The editor's workflow: a draft checked against its sources (`check draft.md --against
//! sources/`), and report paths relative to the working directory.
//!
//! Architecture Invariant: this module only filters and re-grades the findings of a finished
//! run; it never compares claims itself, so a draft is judged by the same rules as any document.

use std::path::Path;

use crate::finding::Severity;
use crate::run::Run;

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
