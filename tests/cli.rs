//! The command line: exit codes, formats and error messages of the contract.

use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

#[test]
fn seeds_fail_on_error_by_default_and_never_with_never() {
    let out = bin()
        .args(["check", "seeds", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    let f = &v["findings"][0];
    for key in ["rule", "category", "severity", "message", "claims"] {
        assert!(!f[key].is_null(), "finding lacks {key}");
    }
    let c = &f["claims"][0];
    let text = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(c["path"].as_str().unwrap()),
    )
    .unwrap();
    let (s, e) = (
        c["start"].as_u64().unwrap() as usize,
        c["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], c["text"].as_str().unwrap().as_bytes());
    let out = bin()
        .args(["check", "seeds", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_missing_path_is_exit_2_with_a_message_naming_it() {
    let out = bin().args(["check", "no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/dir"), "{err}");
}

#[test]
fn an_unreadable_input_still_checks_the_others_and_exits_2() {
    let out = bin()
        .args(["check", "seeds", "no/such/file.txt", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    assert_eq!(v["errors"][0]["path"], "no/such/file.txt");
}

#[test]
fn an_empty_directory_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn malformed_jsonl_lines_are_reported_and_the_rest_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("d.jsonl");
    std::fs::write(
        &p,
        "{\"id\":\"a\",\"text\":\"Sales rose by 5%.\"}\nnot json\n",
    )
    .unwrap();
    let out = bin()
        .args(["extract", "--format", "jsonl", "--jsonl"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
    let first: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(first["doc"], "a");
}

#[test]
fn explain_prints_a_rule_and_rejects_unknown_ones() {
    let out = bin()
        .args(["explain", "change-factor-mismatch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Example"));
    let out = bin().args(["explain", "no-such-rule"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule \"no-such-rule\""));
}

#[test]
fn a_bad_rules_folder_is_exit_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "category = \"magnitude\"\nbogus = 1\n",
    )
    .unwrap();
    let out = bin()
        .args(["check", "seeds", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:"), "{err}");
}

#[test]
fn inputs_are_never_written() {
    let before: Vec<_> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| {
            std::fs::metadata(e.unwrap().path())
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    let _ = bin().args(["check", "seeds"]).output().unwrap();
    let after: Vec<_> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| {
            std::fs::metadata(e.unwrap().path())
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    assert_eq!(before, after);
}

/// Checks the two one-line documents and counts the findings of `rule`, with an extra rules
/// folder or none.
fn count_findings(a: &str, b: &str, rules: Option<&std::path::Path>, rule: &str) -> usize {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(docs.path().join("a.txt"), a).unwrap();
    std::fs::write(docs.path().join("b.txt"), b).unwrap();
    let mut c = bin();
    c.args(["check", "--format", "json", "--no-config"])
        .arg(docs.path());
    if let Some(dir) = rules {
        c.arg("--rules").arg(dir);
    }
    let out = c.output().unwrap();
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .count()
}

#[test]
fn a_project_rule_folder_changes_the_check_end_to_end() {
    // A project's own version of the value rule, with its tolerance raised so far that the two
    // capacities agree: the run then reports no value-mismatch where the built-in rule did.
    let (a, b) = (
        "The 42,000-seat stadium is now due to open in 2027.\n",
        "The 30,000-seat stadium at the park will host concerts.\n",
    );
    assert_eq!(count_findings(a, b, None, "value-mismatch"), 1);
    let rules = tempfile::tempdir().unwrap();
    let loose =
        include_str!("../rules/value-mismatch.toml").replace("tolerance = 0.02", "tolerance = 0.9");
    std::fs::write(rules.path().join("value-mismatch.toml"), loose).unwrap();
    assert_eq!(
        count_findings(a, b, Some(rules.path()), "value-mismatch"),
        0
    );
}

#[test]
fn a_project_lexicon_extends_the_related_terms() {
    // "guests" and "visitors" are different nouns to the built-in vocabulary; a project's
    // lexicon/terms.toml beside its rules makes them one measure, and the figures then conflict.
    let (a, b) = (
        "The harbour festival attracted 8,000 visitors on Saturday.\n",
        "The harbour festival drew 5,000 guests on Saturday.\n",
    );
    assert_eq!(count_findings(a, b, None, "value-mismatch"), 0);
    let rules = tempfile::tempdir().unwrap();
    std::fs::create_dir(rules.path().join("lexicon")).unwrap();
    std::fs::write(
        rules.path().join("lexicon/terms.toml"),
        "related = [[\"visitors\", \"guests\"], [\"attracted\", \"drew\"]]\n",
    )
    .unwrap();
    assert_eq!(
        count_findings(a, b, Some(rules.path()), "value-mismatch"),
        1
    );
}

/// `--format concise` is one line per finding in the shape editors' problem matchers read:
/// `path:line:col: severity[rule] message (other path:line:col, ...)`, then the summary line.
#[test]
fn concise_is_one_line_per_finding_for_problem_matchers() {
    let out = bin()
        .args(["check", "seeds", "--no-config", "--format", "concise"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let json = bin()
        .args(["check", "seeds", "--no-config", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), findings.len() + 1, "{text}");
    // The problem matcher a VS Code task or a CI log parser would use.
    let re = regex::Regex::new(
        r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|note)\[(?P<rule>[a-z-]+)\] (?P<msg>.+?)(?: \((?P<others>[^:()]+:\d+:\d+(?:, [^:()]+:\d+:\d+)*)\))?$",
    )
    .unwrap();
    for (line, f) in lines.iter().zip(findings) {
        let c = re.captures(line).unwrap_or_else(|| panic!("{line}"));
        let first = &f["claims"][0];
        assert_eq!(&c["file"], first["path"].as_str().unwrap());
        assert_eq!(
            c["line"].parse::<u64>().unwrap(),
            first["line"].as_u64().unwrap()
        );
        assert_eq!(
            c["col"].parse::<u64>().unwrap(),
            first["column"].as_u64().unwrap()
        );
        assert_eq!(&c["sev"], f["severity"].as_str().unwrap());
        assert_eq!(&c["rule"], f["rule"].as_str().unwrap());
        assert_eq!(&c["msg"], f["message"].as_str().unwrap());
        let second = &f["claims"][1];
        let other = format!(
            "{}:{}:{}",
            second["path"].as_str().unwrap(),
            second["line"],
            second["column"]
        );
        assert!(c["others"].split(", ").any(|o| o == other), "{line}");
    }
    assert!(
        regex::Regex::new(r"^1 error, 3 warnings, 4 notes in 5 documents \(31 claims\) in \d+ ms$")
            .unwrap()
            .is_match(lines.last().unwrap()),
        "{text}"
    );
}

/// The default human report is short: per finding a headline, the two claims in conflict in
/// their lines with their values in words, and one line of why; the evidence only with
/// `--verbose` (or `--show-evidence`).
#[test]
fn the_default_human_report_is_compact_and_verbose_shows_the_evidence() {
    let run = |extra: &[&str]| {
        let out = bin()
            .args(["check", "seeds", "--no-config", "--color", "never"])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let compact = run(&[]);
    assert!(compact.lines().count() < 120, "{compact}");
    assert!(compact.contains("━ 6 months"), "{compact}");
    assert!(compact.contains("━ just over a year"), "{compact}");
    assert!(
        compact.contains("why: the same change took 6 months"),
        "{compact}"
    );
    assert!(!compact.contains("182.625"), "{compact}");
    assert!(!compact.contains("aligned: score"), "{compact}");
    assert!(compact.contains("1 error, 3 warnings"), "{compact}");
    for flag in ["--verbose", "--show-evidence"] {
        let verbose = run(&[flag]);
        assert!(verbose.contains("aligned: score"), "{verbose}");
        assert!(verbose.contains("diff: "), "{verbose}");
        assert!(
            verbose.contains("values: 6 months  |  just over a year"),
            "{verbose}"
        );
    }
}
