//! Snapshots of every report format on the seed articles (insta): a change in what a user or a
//! CI system receives shows up as a reviewed diff of tests/snapshots/*.snap.

use std::process::Command;

fn check(format: &str) -> String {
    check_with(format, &[])
}

fn check_with(format: &str, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            "seeds",
            "--no-config",
            "--color",
            "never",
            "--format",
            format,
        ])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // The one thing that changes from run to run: the time taken.
    let ms = regex::Regex::new(r"in \d+ ms").unwrap();
    ms.replace_all(&text, "in <ms> ms").into_owned()
}

#[test]
fn human() {
    insta::assert_snapshot!(check("human"));
}

#[test]
fn human_verbose() {
    insta::assert_snapshot!(check_with("human", &["--verbose"]));
}

#[test]
fn concise() {
    insta::assert_snapshot!(check("concise"));
}

#[test]
fn json() {
    insta::assert_snapshot!(check("json"));
}

#[test]
fn sarif() {
    insta::assert_snapshot!(check("sarif"));
}

#[test]
fn github() {
    insta::assert_snapshot!(check("github"));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(check("markdown"));
}

#[test]
fn html() {
    insta::assert_snapshot!(check("html"));
}

#[test]
fn extract_table() {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "seeds/004_c959df7bbf3d8666.txt", "--no-config"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}
