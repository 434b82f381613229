//! The configuration file, inline suppressions and baselines, through the command line.
//!
//! Each test builds a small story folder in a temporary directory: two documents that disagree on
//! a stadium's capacity (value-mismatch) and on a workforce (value-mismatch again, on other
//! lines), so that a test can silence one finding and watch the other survive.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const A: &str = "Fans queued early.\n\nThe 42,000-seat stadium is now due to open in 2027.\n\n\
                 The arena was built by 300 workers in 2019.\n";
const B: &str = "Local traders expect busy weekends.\n\nThe 24,000-seat stadium at the park will \
                 host concerts.\n\nThe arena was built by 450 workers in 2019.\n";

struct Out {
    code: i32,
    json: Value,
    stderr: String,
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

/// A temporary project: `story/a.txt` and `story/b.md`.
fn project() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "story/a.txt", A);
    write(t.path(), "story/b.md", B);
    t
}

fn run_in(dir: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        json: serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn check(dir: &Path, extra: &[&str]) -> Out {
    let mut args = vec!["check", "story", "--format", "json"];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

/// `rule severity first-claim-text` of each finding.
fn findings(o: &Out) -> Vec<String> {
    o.json["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no JSON report; stderr: {}", o.stderr))
        .iter()
        .map(|f| {
            format!(
                "{} {} {}",
                f["rule"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["claims"][0]["text"].as_str().unwrap()
            )
        })
        .collect()
}

fn messages(o: &Out) -> Vec<String> {
    o.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                e["path"].as_str().unwrap(),
                e["message"].as_str().unwrap()
            )
        })
        .collect()
}

const BOTH: [&str; 2] = [
    "value-mismatch error 42,000-seat",
    "value-mismatch error 300 workers",
];

#[test]
fn without_configuration_both_conflicts_are_errors() {
    let t = project();
    let o = check(t.path(), &[]);
    assert_eq!(findings(&o), BOTH);
    assert_eq!(o.code, 1);
}

// --- crosscheck.toml ---------------------------------------------------------------------------

#[test]
fn a_configuration_can_disable_a_rule() {
    let t = project();
    write(
        t.path(),
        "crosscheck.toml",
        "[rules]\ndisable = [\"value-mismatch\"]\n",
    );
    let o = check(t.path(), &[]);
    assert!(findings(&o).is_empty(), "{:?}", findings(&o));
    assert_eq!(o.code, 0);
    // --no-config reads no file.
    assert_eq!(findings(&check(t.path(), &["--no-config"])), BOTH);
    // `rules` lists the rules in force.
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(t.path())
        .arg("rules")
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(!listed.contains("value-mismatch"), "{listed}");
    assert!(listed.contains("window-mismatch"), "{listed}");
}

#[test]
fn a_configuration_overrides_severity_and_fail_on_and_the_command_line_wins() {
    let t = project();
    write(
        t.path(),
        "crosscheck.toml",
        "fail-on = \"warning\"\n\n[rules.value-mismatch]\nseverity = \"warning\"\n",
    );
    let o = check(t.path(), &[]);
    assert!(o.stderr.is_empty(), "{}", o.stderr);
    assert_eq!(
        findings(&o),
        [
            "value-mismatch warning 42,000-seat",
            "value-mismatch warning 300 workers"
        ]
    );
    assert_eq!(o.code, 1, "fail-on = warning makes warnings fail");
    assert_eq!(check(t.path(), &["--fail-on", "error"]).code, 0);
}

#[test]
fn a_tolerance_override_changes_what_a_rule_accepts() {
    let t = project();
    // 300 against 450 workers is within a relative slack of 40% (20% a side); 24,000 against 42,000 is not.
    write(
        t.path(),
        "crosscheck.toml",
        "[rules.value-mismatch]\ntolerance = 0.4\n",
    );
    assert_eq!(
        findings(&check(t.path(), &[])),
        ["value-mismatch error 42,000-seat"]
    );
}

#[test]
fn a_bad_key_is_exit_2_naming_file_line_and_column() {
    let t = project();
    write(
        t.path(),
        "crosscheck.toml",
        "fail-on = \"error\"\n\n[rules.value-mismatch]\nseverty = \"note\"\n",
    );
    let o = check(t.path(), &[]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("crosscheck.toml:4:1: "), "{}", o.stderr);
    assert!(o.stderr.contains("severty"), "{}", o.stderr);
    assert!(o.json.is_null(), "no report after a bad configuration");

    write(t.path(), "crosscheck.toml", "colour = \"red\"\n");
    let o = check(t.path(), &[]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("crosscheck.toml:1:1: "), "{}", o.stderr);

    write(
        t.path(),
        "crosscheck.toml",
        "[rules]\ndisable = [\"value-mismatch\", \"no-such-rule\"]\n",
    );
    let o = check(t.path(), &[]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("crosscheck.toml:2:30: unknown rule \"no-such-rule\""),
        "{}",
        o.stderr
    );

    write(t.path(), "crosscheck.toml", "exclude = [\"[oops\"]\n");
    let o = check(t.path(), &[]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("crosscheck.toml:1:12: invalid glob"),
        "{}",
        o.stderr
    );
}

#[test]
fn the_configuration_is_found_upward_from_the_first_checked_path() {
    let t = project();
    write(
        t.path(),
        "crosscheck.toml",
        "[rules]\ndisable = [\"value-mismatch\"]\n",
    );
    // Run from elsewhere (a sibling folder with no configuration) on a path below the file.
    let elsewhere = tempfile::tempdir().unwrap();
    let story = t.path().join("story");
    let o = run_in(
        elsewhere.path(),
        &["check", story.to_str().unwrap(), "--format", "json"],
    );
    assert!(findings(&o).is_empty(), "{:?}", findings(&o));
    // A single file finds it too (searched from its folder).
    let o = run_in(
        elsewhere.path(),
        &[
            "check",
            story.join("a.txt").to_str().unwrap(),
            story.join("b.md").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert!(findings(&o).is_empty(), "{:?}", findings(&o));
    // --config names a file that is not on the way up.
    let other = write(elsewhere.path(), "other.toml", "fail_on = \"never\"\n");
    let o = check(t.path(), &["--config", other.to_str().unwrap()]);
    assert_eq!(findings(&o), BOTH);
    assert_eq!(o.code, 0);
    // A missing --config file is exit 2.
    let o = check(t.path(), &["--config", "missing.toml"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("missing.toml"), "{}", o.stderr);
}

#[test]
fn include_and_exclude_filter_the_walked_files() {
    let t = project();
    // A draft that contradicts both documents on the workforce.
    write(
        t.path(),
        "story/drafts/c.txt",
        "The arena was built by 900 workers in 2019.\n",
    );
    let all = check(t.path(), &[]);
    assert!(findings(&all).len() > 2, "{:?}", findings(&all));
    write(t.path(), "crosscheck.toml", "exclude = [\"drafts/\"]\n");
    assert_eq!(findings(&check(t.path(), &[])), BOTH);
    write(t.path(), "crosscheck.toml", "include = [\"*.txt\"]\n");
    let o = check(t.path(), &[]);
    let paths: Vec<&str> = o.json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["story/a.txt", "story/drafts/c.txt"]);
    // A file named on the command line is always read.
    let o = run_in(
        t.path(),
        &["check", "story/b.md", "story/a.txt", "--format", "json"],
    );
    assert_eq!(o.json["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn rules_dirs_group_by_and_self_consistency_come_from_the_file() {
    let t = project();
    // A rule folder next to the configuration: a copy of value-mismatch as a warning.
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/value-mismatch.toml"),
    )
    .unwrap();
    let local = builtin.replace("severity = \"error\"", "severity = \"warning\"");
    assert_ne!(local, builtin);
    write(t.path(), "house-rules/value-mismatch.toml", &local);
    write(
        t.path(),
        "crosscheck.toml",
        "rules-dirs = [\"house-rules\"]\n",
    );
    let o = check(t.path(), &[]);
    assert_eq!(
        findings(&o),
        [
            "value-mismatch warning 42,000-seat",
            "value-mismatch warning 300 workers"
        ]
    );

    // group-by = "dir": documents in different folders are not compared.
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "story/one/a.txt", A);
    write(t.path(), "story/two/b.md", B);
    assert_eq!(findings(&check(t.path(), &[])), BOTH);
    write(t.path(), "crosscheck.toml", "group-by = \"dir\"\n");
    assert!(findings(&check(t.path(), &[])).is_empty());
    assert_eq!(findings(&check(t.path(), &["--group-by", "none"])), BOTH);

    // self-consistency = true compares claims within one document.
    let t = tempfile::tempdir().unwrap();
    write(
        t.path(),
        "story/a.txt",
        "The club increased its membership by over 300% in six months.\n\nLater the club said \
         its membership has tripled in a year.\n",
    );
    assert!(findings(&check(t.path(), &[])).is_empty());
    write(t.path(), "crosscheck.toml", "self-consistency = true\n");
    assert_eq!(
        findings(&check(t.path(), &[])),
        ["window-mismatch warning six months"]
    );
}

// --- inline suppressions -------------------------------------------------------------------------

/// Checks `a` (as `story/a.<ext_a>`) against B's Markdown.
fn check_with(a_name: &str, a: &str, b: &str) -> Out {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), &format!("story/{a_name}"), a);
    write(t.path(), "story/b.md", b);
    check(t.path(), &[])
}

#[test]
fn disable_next_line_in_markdown_suppresses_one_finding() {
    let b = B.replace(
        "The arena",
        "<!-- crosscheck-disable-next-line value-mismatch -->\nThe arena",
    );
    let o = check_with("a.txt", A, &b);
    assert_eq!(findings(&o), ["value-mismatch error 42,000-seat"]);
    assert!(messages(&o).is_empty(), "{:?}", messages(&o));
}

// See: issue 16. `crosscheck-disable-line` was a near miss; it is the same-line directive most
// linters have.
#[test]
fn disable_line_suppresses_the_finding_on_its_own_line() {
    let b = B.replace(
        "450 workers in 2019.",
        "450 workers in 2019. <!-- crosscheck-disable-line value-mismatch -->",
    );
    let o = check_with("a.txt", A, &b);
    assert_eq!(findings(&o), ["value-mismatch error 42,000-seat"]);
    assert!(
        messages(&o).is_empty(),
        "no near-miss warning: {:?}",
        messages(&o)
    );
    // On a line of its own it covers only that line, so it suppresses nothing and says so.
    let b = B.replace(
        "The arena",
        "<!-- crosscheck-disable-line value-mismatch -->\nThe arena",
    );
    let o = check_with("a.txt", A, &b);
    assert_eq!(findings(&o), BOTH);
    assert_eq!(
        messages(&o),
        [
            "story/b.md: line 5: unused suppression: `crosscheck-disable-line value-mismatch` \
          suppresses no finding"
        ]
    );
}

// See: issue 16. A comment that looks like a directive but is none was silently ignored.
#[test]
fn a_near_miss_directive_is_a_warning_with_did_you_mean() {
    let b = B.replace(
        "The arena",
        "<!-- crosscheck-ignore-next-line value-mismatch -->\nThe arena",
    );
    let o = check_with("a.txt", A, &b);
    assert_eq!(findings(&o).len(), 2, "nothing is suppressed");
    assert_eq!(
        messages(&o),
        [
            "story/b.md: line 5: `crosscheck-ignore-next-line` is not a directive and suppresses \
          nothing; did you mean `crosscheck-disable-next-line`?"
        ],
    );
    assert_eq!(o.code, 1, "a warning does not change the exit code");
    // A misspelt rule name in a real directive gets its own hint.
    let b = B.replace(
        "The arena",
        "<!-- crosscheck-disable-next-line value-mismach -->\nThe arena",
    );
    let o = check_with("a.txt", A, &b);
    assert!(
        messages(&o)
            .iter()
            .any(|m| m.ends_with("names no rule in force; did you mean `value-mismatch`?")),
        "{:?}",
        messages(&o)
    );
}

#[test]
fn disable_and_enable_in_html_suppress_a_region() {
    let a = "<html><body>\n<p>Fans queued early.</p>\n\
             <!-- crosscheck-disable value-mismatch -- confirmed with the club -->\n\
             <p>The 42,000-seat stadium is now due to open in 2027.</p>\n\
             <!-- crosscheck-enable value-mismatch -->\n\
             <p>The arena was built by 300 workers in 2019.</p>\n</body></html>\n";
    let o = check_with("a.html", a, B);
    assert_eq!(findings(&o), ["value-mismatch error 300 workers"]);
    assert!(messages(&o).is_empty(), "{:?}", messages(&o));
}

#[test]
fn the_plain_text_forms_suppress_with_and_without_a_comment_marker() {
    let a = A.replace(
        "The arena",
        "# crosscheck-disable-next-line value-mismatch\nThe arena",
    );
    let o = check_with("a.txt", &a, B);
    assert_eq!(findings(&o), ["value-mismatch error 42,000-seat"]);

    let a = format!("crosscheck-disable all\n{A}");
    assert!(findings(&check_with("a.txt", &a, B)).is_empty());

    let a = A
        .replace(
            "The 42,000",
            "// crosscheck-disable value-mismatch\nThe 42,000",
        )
        .replace(
            "\n\nThe arena",
            "\n// crosscheck-enable value-mismatch\n\nThe arena",
        );
    let o = check_with("a.txt", &a, B);
    assert_eq!(findings(&o), ["value-mismatch error 300 workers"]);
    assert!(messages(&o).is_empty(), "{:?}", messages(&o));
}

#[test]
fn a_directive_for_another_rule_suppresses_nothing_and_is_reported() {
    let b = B.replace(
        "The arena",
        "<!-- crosscheck-disable-next-line window-mismatch -->\nThe arena",
    );
    let o = check_with("a.txt", A, &b);
    assert_eq!(findings(&o), BOTH);
    assert_eq!(
        messages(&o),
        ["story/b.md: line 5: unused suppression: `crosscheck-disable-next-line window-mismatch` \
          suppresses no finding"]
    );
    assert_eq!(
        o.code, 1,
        "a warning about the input does not change the exit code"
    );
    assert!(
        o.stderr.contains("line 5: unused suppression"),
        "{}",
        o.stderr
    );

    let b = format!("<!-- crosscheck-disable no-such-rule -->\n{B}<!-- crosscheck-enable -->\n");
    let o = check_with("a.txt", A, &b);
    assert_eq!(findings(&o), BOTH);
    assert_eq!(
        messages(&o),
        ["story/b.md: line 1: `crosscheck-disable no-such-rule` names no rule in force"]
    );
    // A directive in plain prose (not on a line of its own) is not a directive.
    let a = A.replace(
        "Fans queued early.",
        "Fans said crosscheck-disable all, early.",
    );
    assert_eq!(findings(&check_with("a.txt", &a, B)), BOTH);
}

// --- baselines -----------------------------------------------------------------------------------

#[test]
fn a_baseline_survives_unrelated_edits_and_reports_only_new_findings() {
    let t = project();
    let o = check(t.path(), &["--write-baseline", "known.toml"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("wrote 2 findings"), "{}", o.stderr);
    let written = std::fs::read_to_string(t.path().join("known.toml")).unwrap();
    assert!(written.contains("rule = \"value-mismatch\""), "{written}");
    // Atomic write: no temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // An unrelated edit shifts every offset and line.
    let edited = A.replace(
        "Fans queued early.",
        "Fans queued early.\n\nThe gates opened at noon after a long delay.",
    );
    write(t.path(), "story/a.txt", &edited);
    let o = check(t.path(), &["--baseline", "known.toml"]);
    assert!(findings(&o).is_empty(), "{:?}", findings(&o));
    assert_eq!(o.code, 0);

    // A new conflict is reported, and only it.
    let b = format!("{B}\nTickets cost $40 for the opening match.\n");
    let a = format!("{edited}\nTickets cost $95 for the opening match.\n");
    write(t.path(), "story/a.txt", &a);
    write(t.path(), "story/b.md", &b);
    let o = check(t.path(), &["--baseline", "known.toml"]);
    let f = findings(&o);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("$95") || f[0].contains("$40"), "{f:?}");
    assert_eq!(o.code, 1);

    // Rewriting an unchanged baseline changes no byte.
    write(t.path(), "story/a.txt", A);
    write(t.path(), "story/b.md", B);
    check(t.path(), &["--write-baseline", "again.toml"]);
    assert_eq!(
        std::fs::read_to_string(t.path().join("again.toml")).unwrap(),
        written
    );
}

#[test]
fn a_fixed_finding_is_noted_and_a_bad_baseline_is_exit_2() {
    let t = project();
    check(t.path(), &["--write-baseline", "known.toml"]);
    write(
        t.path(),
        "story/a.txt",
        &A.replace("300 workers", "450 workers"),
    );
    let o = check(t.path(), &["--baseline", "known.toml"]);
    assert!(findings(&o).is_empty());
    assert!(
        o.stderr.contains("1 finding of the baseline"),
        "{}",
        o.stderr
    );

    let text = std::fs::read_to_string(t.path().join("known.toml")).unwrap();
    write(
        t.path(),
        "bad.toml",
        &text.replacen("rule = ", "rules = ", 1),
    );
    let o = check(t.path(), &["--baseline", "bad.toml"]);
    assert_eq!(o.code, 2);
    let line = text.lines().position(|l| l.starts_with("rule = ")).unwrap() + 1;
    assert!(
        o.stderr.contains(&format!("bad.toml:{line}:")),
        "{}",
        o.stderr
    );
    write(t.path(), "v2.toml", "version = 2\n");
    let o = check(t.path(), &["--baseline", "v2.toml"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("baseline version 2"), "{}", o.stderr);
}

#[test]
fn an_old_key_spelling_still_works_with_a_deprecation_warning() {
    let t = project();
    write(
        t.path(),
        "crosscheck.toml",
        "fail_on = \"never\"\n\n[rules.value-mismatch]\nmin_score = 0.3\n",
    );
    let o = check(t.path(), &[]);
    assert_eq!(o.code, 0, "fail_on = never is still read: {}", o.stderr);
    assert_eq!(findings(&o).len(), 2);
    assert!(
        o.stderr
            .contains("crosscheck.toml:1:11: `fail_on` is deprecated, write `fail-on`"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("`min_score` is deprecated, write `min-score`"),
        "{}",
        o.stderr
    );
}

#[test]
fn an_unknown_key_or_rule_gets_did_you_mean() {
    let t = project();
    write(t.path(), "crosscheck.toml", "fail-onn = \"never\"\n");
    let o = check(t.path(), &[]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("crosscheck.toml:1:1: unknown key `fail-onn`; did you mean `fail-on`?"),
        "{}",
        o.stderr
    );
    write(
        t.path(),
        "crosscheck.toml",
        "[rules]\ndisable = [\"value-mismtach\"]\n",
    );
    let o = check(t.path(), &[]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(
            "crosscheck.toml:2:12: unknown rule \"value-mismtach\"; did you mean `value-mismatch`?"
        ),
        "{}",
        o.stderr
    );
    std::fs::remove_file(t.path().join("crosscheck.toml")).unwrap();
    let o = check(t.path(), &["--select", "value-missmatch"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("did you mean `value-mismatch`?"),
        "{}",
        o.stderr
    );
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["explain", "windw-mismatch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("did you mean `window-mismatch`?"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn select_and_ignore_run_only_some_rules_for_one_run() {
    let t = project();
    assert_eq!(findings(&check(t.path(), &[])).len(), 2);
    let o = check(t.path(), &["--select", "window-mismatch,duration-mismatch"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(findings(&o).is_empty());
    let o = check(t.path(), &["--ignore", "value-mismatch"]);
    assert!(findings(&o).is_empty());
    let o = check(
        t.path(),
        &["--select", "value-mismatch", "--ignore", "window-mismatch"],
    );
    assert_eq!(findings(&o).len(), 2);
    // In the file too; the command line's --select replaces the file's select.
    write(
        t.path(),
        "crosscheck.toml",
        "select = [\"window-mismatch\"]\n",
    );
    assert!(findings(&check(t.path(), &[])).is_empty());
    assert_eq!(
        findings(&check(t.path(), &["--select", "value-mismatch"])).len(),
        2
    );
    write(
        t.path(),
        "crosscheck.toml",
        "ignore = [\"value-mismatch\"]\n",
    );
    assert!(findings(&check(t.path(), &[])).is_empty());
    // `rules` lists what is in force.
    let out = run_in(t.path(), &["rules"]);
    assert_eq!(out.code, 0);
}

// See: issue 16. Fingerprints were relative to the working directory, so a baseline written
// from one folder matched nothing from another.
#[test]
fn a_baseline_matches_from_any_working_directory() {
    let t = project();
    std::fs::create_dir_all(t.path().join("ci")).unwrap();
    let o = run_in(
        t.path(),
        &["check", "story", "--write-baseline", "ci/baseline.toml"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let written = std::fs::read_to_string(t.path().join("ci/baseline.toml")).unwrap();
    assert!(written.contains("path = \"../story/a.txt\""), "{written}");
    // From the project's root, from inside the story folder and from the ci folder.
    for (dir, args) in [
        (
            t.path().to_path_buf(),
            vec!["check", "story", "--baseline", "ci/baseline.toml"],
        ),
        (
            t.path().join("story"),
            vec!["check", ".", "--baseline", "../ci/baseline.toml"],
        ),
        (
            t.path().join("ci"),
            vec!["check", "../story", "--baseline", "baseline.toml"],
        ),
    ] {
        let mut args = args;
        args.extend(["--format", "json"]);
        let o = run_in(&dir, &args);
        assert_eq!(o.code, 0, "{dir:?}: {}", o.stderr);
        assert!(findings(&o).is_empty(), "{dir:?}: {:?}", findings(&o));
        assert!(o.stderr.is_empty(), "{dir:?}: {}", o.stderr);
    }
}

#[test]
fn a_missing_baseline_is_one_clear_message() {
    let t = project();
    let o = check(t.path(), &["--baseline", "nope.toml"]);
    assert_eq!(o.code, 2);
    let lines: Vec<&str> = o.stderr.lines().collect();
    assert_eq!(
        lines,
        ["crosscheck: nope.toml: no such baseline file (record one with `check --write-baseline FILE`)"],
        "{}",
        o.stderr
    );
}

/// The claims file keeps a near miss's line, so the reduce step warns as a direct run does.
#[test]
fn a_near_miss_is_warned_about_in_the_reduce_step_too() {
    let t = tempfile::tempdir().unwrap();
    let b = B.replace(
        "The arena",
        "<!-- crosscheck-ignore-next-line value-mismatch -->\nThe arena",
    );
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": A}),
        serde_json::json!({"id": "b", "text": b.replace("<!-- ", "# ").replace(" -->", "")})
    );
    write(t.path(), "docs.jsonl", &jsonl);
    let map = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(t.path())
        .args([
            "extract",
            "--jsonl",
            "docs.jsonl",
            "--format",
            "jsonl",
            "--context",
        ])
        .output()
        .unwrap();
    assert_eq!(map.status.code(), Some(0));
    std::fs::write(t.path().join("claims.jsonl"), &map.stdout).unwrap();
    let direct = run_in(
        t.path(),
        &["check", "--jsonl", "docs.jsonl", "--format", "json"],
    );
    let reduce = run_in(
        t.path(),
        &["check", "--claims", "claims.jsonl", "--format", "json"],
    );
    let want = [
        "b: line 5: `crosscheck-ignore-next-line` is not a directive and suppresses nothing; \
                 did you mean `crosscheck-disable-next-line`?",
    ];
    assert_eq!(messages(&direct), want);
    assert_eq!(messages(&reduce), want);
}
