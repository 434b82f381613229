//! Every rule's `[[example]]` blocks run here, so a rule's documentation cannot drift from its
//! behaviour; plus the strict-loading error paths.

use crosscheck::check;
use crosscheck::document::Document;
use crosscheck::lexicon::Lexicon;
use crosscheck::rules::{Rule, RuleSet};

fn doc(id: &str, text: &str, date: Option<&String>) -> Document {
    let mut d = Document::plain(id, text.to_string());
    d.date = date.map(|s| s.parse().expect("example date"));
    d
}

#[test]
fn every_rule_example_holds() {
    let rules = RuleSet::builtin();
    let mut failures = Vec::new();
    for rule in &rules.rules {
        assert!(!rule.examples.is_empty(), "{} has no example", rule.id);
        for (n, e) in rule.examples.iter().enumerate() {
            let docs = vec![
                doc("a.txt", &e.a, e.date_a.as_ref()),
                doc("b.txt", &e.b, e.date_b.as_ref()),
            ];
            let run = check::run(
                docs,
                Vec::new(),
                &rules,
                Lexicon::builtin(),
                &check::Options::default(),
            );
            let got = run
                .findings
                .iter()
                .filter(|f| f.rule == rule.id)
                .map(|f| f.severity.as_str())
                .max_by_key(|s| match *s {
                    "error" => 2,
                    "warning" => 1,
                    _ => 0,
                })
                .unwrap_or("none");
            if got != e.expect {
                failures.push(format!(
                    "{} example {}: expected {}, got {got}",
                    rule.id,
                    n + 1,
                    e.expect
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn unknown_keys_in_a_rule_are_errors_with_file_and_line() {
    let text = "category = \"magnitude\"\nseverity = \"error\"\nsumary = \"typo\"\n";
    let e = Rule::parse("x", "rules/x.toml", "test", text)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("rules/x.toml:3:1:"), "{e}");
    assert!(e.contains("sumary"), "{e}");
}

#[test]
fn unknown_claim_kinds_are_rejected() {
    let text = r#"category = "magnitude"
severity = "error"
summary = "s"
description = "d"
test = "value"
kinds = ["numbr"]
message = "m"
"#;
    let e = Rule::parse("x", "rules/x.toml", "test", text)
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown claim kind \"numbr\""), "{e}");
}

#[test]
fn a_user_rule_folder_changes_the_result() {
    // The built-in value rule allows 2% on top of rounding; a project rule with a wider
    // tolerance makes the same pair agree.
    let dir = tempfile::tempdir().unwrap();
    let builtin =
        include_str!("../rules/value-mismatch.toml").replace("tolerance = 0.02", "tolerance = 0.5");
    std::fs::write(dir.path().join("value-mismatch.toml"), builtin).unwrap();
    let a = "The 42,000-seat stadium is now due to open in 2027.";
    let b = "The 30,000-seat stadium at the park will host concerts.";
    let count = |rules: &RuleSet| {
        let docs = vec![doc("a.txt", a, None), doc("b.txt", b, None)];
        check::run(
            docs,
            Vec::new(),
            rules,
            Lexicon::builtin(),
            &check::Options::default(),
        )
        .findings
        .iter()
        .filter(|f| f.rule == "value-mismatch")
        .count()
    };
    let mut rules = RuleSet::builtin();
    assert_eq!(count(&rules), 1);
    rules.add_dir(dir.path()).unwrap();
    assert_eq!(count(&rules), 0);
    assert!(rules
        .get("value-mismatch")
        .unwrap()
        .origin
        .ends_with("value-mismatch.toml"));
}
