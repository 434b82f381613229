//! The editor's workflow (`check draft --against sources`) and the terminal report.

use std::path::Path;
use std::process::Command;

const EARLY: &str = "---\ndate: 2025-04-02\n---\nThe number of confirmed cases of measles climbed \
                     to 142. The new bridge cost 40 million dollars to build.\n";
const LATE: &str =
    "---\ndate: 2025-04-16\n---\nThe number of confirmed cases of measles has risen \
                    to 197. The new bridge cost 90 million dollars to build.\n";
const DRAFT: &str = "---\ndate: 2025-04-10\n---\nThe number of confirmed cases of measles climbed \
                     to 142. The new bridge cost 40 million dollars to build.\n";

/// A folder with two sources that disagree with each other and a draft that agrees with the
/// older one: it repeats its running count and its cost.
fn story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/early.md"), EARLY).unwrap();
    std::fs::write(dir.path().join("sources/late.md"), LATE).unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    dir
}

fn check(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(dir)
        .arg("check")
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// (rule, severity, paths of the claims) of each finding of a JSON report.
fn findings(json: &str) -> Vec<(String, String, Vec<String>)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let paths = f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["path"].as_str().unwrap().to_string())
                .collect();
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                paths,
            )
        })
        .collect()
}

#[test]
fn without_against_the_sources_are_compared_with_each_other() {
    let dir = story();
    let (_, out) = check(dir.path(), &["draft.md", "sources", "--format", "json"]);
    let f = findings(&out);
    assert!(
        f.iter()
            .any(|(_, _, p)| p.iter().all(|p| p.starts_with("sources/"))),
        "{f:?}"
    );
}

#[test]
fn against_keeps_only_findings_between_the_draft_and_a_source() {
    let dir = story();
    let (code, out) = check(
        dir.path(),
        &["draft.md", "--against", "sources", "--format", "json"],
    );
    assert_eq!(code, Some(1), "the draft's cost contradicts a source");
    let f = findings(&out);
    assert!(!f.is_empty());
    for (rule, _, paths) in &f {
        assert!(paths.iter().any(|p| p == "draft.md"), "{rule}: {paths:?}");
        assert!(
            paths.iter().any(|p| p.starts_with("sources/")),
            "{rule}: {paths:?}"
        );
    }
    assert!(
        f.iter()
            .any(|(r, _, p)| r == "value-mismatch" && p.contains(&"sources/late.md".to_string())),
        "{f:?}"
    );
}

/// The superseded-figure finding of `draft.md --against sources` in `dir`.
fn stale_figure_warning(dir: &Path) -> serde_json::Value {
    let (_, out) = check(
        dir,
        &["draft.md", "--against", "sources", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "superseded-figure")
        .cloned()
        .expect("a superseded-figure finding")
}

#[test]
fn a_draft_repeating_an_older_running_count_gets_a_warning_naming_the_newer_one() {
    let dir = story();
    let f = stale_figure_warning(dir.path());
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["claims"][0]["path"], "draft.md");
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("197"), "{message}");
    assert!(message.contains("sources/late.md"), "{message}");
    // Without --against the same update between documents stays a note.
    let (_, out) = check(dir.path(), &["draft.md", "sources", "--format", "json"]);
    let f = findings(&out);
    assert!(
        f.iter()
            .filter(|(r, _, _)| r == "superseded-figure")
            .all(|(_, s, _)| s == "note"),
        "{f:?}"
    );
}

#[test]
fn against_without_a_draft_is_a_usage_error() {
    let dir = story();
    let (code, _) = check(dir.path(), &["--against", "sources"]);
    assert_eq!(code, Some(2));
}

#[test]
fn absolute_paths_below_the_working_directory_are_reported_relative() {
    let dir = story();
    let draft = dir.path().join("draft.md");
    let sources = dir.path().join("sources");
    let (_, out) = check(
        dir.path(),
        &[
            draft.to_str().unwrap(),
            "--against",
            sources.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["draft.md", "sources/early.md", "sources/late.md"]);
}

#[test]
fn the_verbose_human_report_underlines_the_claims_and_shows_values_evidence_and_a_word_diff() {
    let dir = story();
    let (_, out) = check(
        dir.path(),
        &[
            "draft.md",
            "--against",
            "sources",
            "--color",
            "never",
            "--verbose",
        ],
    );
    assert!(!out.contains('\u{1b}'), "no colour with --color never");
    assert!(out.contains("error[value-mismatch]"), "{out}");
    assert!(out.contains("draft.md:4:78"), "{out}");
    // The sentence as stored, with the claim underlined and its value as the label.
    assert!(
        out.contains("The new bridge cost 40 million dollars to build."),
        "{out}"
    );
    // "40 million dollars" is 18 characters: a heavy underline of 18 with the label's hook.
    assert!(
        out.lines()
            .any(|l| l.contains(&format!("┯{}─", "━".repeat(17)))),
        "{out}"
    );
    // Values in words, shared terms as the text writes them.
    assert!(out.contains("$40 million"), "{out}");
    assert!(out.contains("values: $40 million  |  $90 million"), "{out}");
    assert!(out.contains("aligned: score 0."), "{out}");
    assert!(out.contains("shared: bridge"), "{out}");
    assert!(
        out.contains("diff: The new bridge cost [-40-]{+90+} million dollars to build."),
        "{out}"
    );
    assert!(
        out.contains("1 error, 1 warning, 0 notes in 3 documents"),
        "{out}"
    );
}

#[test]
fn the_human_report_is_coloured_only_when_asked_or_on_a_terminal() {
    let dir = story();
    let (_, always) = check(
        dir.path(),
        &["draft.md", "--against", "sources", "--color", "always"],
    );
    assert!(always.contains("\u{1b}["), "{always}");
    // stdout is a pipe here: auto means no colour.
    let (_, auto) = check(dir.path(), &["draft.md", "--against", "sources"]);
    assert!(!auto.contains('\u{1b}'), "{auto}");
}

#[test]
fn quiet_prints_only_the_summary() {
    let dir = story();
    let (_, out) = check(dir.path(), &["draft.md", "--against", "sources", "-q"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("1 error, 1 warning, 0 notes"), "{out}");
}

#[test]
fn an_undated_draft_repeating_an_older_running_count_gets_the_warning_too() {
    // A draft usually has no date of its own: it is as old as the report whose figure it repeats.
    let dir = story();
    let undated = DRAFT.replace("---\ndate: 2025-04-10\n---\n", "");
    std::fs::write(dir.path().join("draft.md"), undated).unwrap();
    let f = stale_figure_warning(dir.path());
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["claims"][0]["path"], "draft.md");
    assert!(f["message"].as_str().unwrap().contains("197"));
}

/// A plain figure mismatch between a draft and its source for the same deal ("$45bn" against
/// "$75bn"): reported when the sentences share a term or a name.
#[test]
fn a_plain_figure_mismatch_with_its_source_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let source = "The takeover of Tarrisk by Velmont values the company at $75bn.\n";
    std::fs::write(dir.path().join("sources/wire.md"), source).unwrap();
    std::fs::write(
        dir.path().join("draft.md"),
        "Velmont is buying Tarrisk in a deal worth $45bn.\n",
    )
    .unwrap();
    let (code, out) = check(
        dir.path(),
        &["draft.md", "--against", "sources", "--format", "concise"],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.starts_with("draft.md:1:43: error[value-mismatch] $45bn and $75bn"),
        "{out}"
    );
}

// See: issue 16. The miss lies in alignment's candidates (src/align/, not this layer's): the
// two sentences share no term ("deal" / "buy") and the draft names no one, so the pair is never
// compared. Run with --ignored once alignment proposes such pairs.
#[test]
#[ignore = "alignment proposes no candidate pair for sentences with no shared term"]
fn a_figure_mismatch_with_no_shared_term_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let source = "Velmont Energy said on Tuesday it would buy Tarrisk Power for $75bn.\n";
    std::fs::write(dir.path().join("sources/wire.md"), source).unwrap();
    std::fs::write(
        dir.path().join("draft.md"),
        "The $45bn deal was announced on Tuesday.\n",
    )
    .unwrap();
    let (code, out) = check(
        dir.path(),
        &["draft.md", "--against", "sources", "--format", "concise"],
    );
    assert_eq!(code, Some(1), "{out}");
}
