//! Long documents (issue 15): a discrepancy among a few hundred other figures is found as it is
//! when its two sentences stand alone, at small and large sizes.
//!
//! The reports come from `examples/longreport` (shared here as a module). See README "Scale".

#[path = "../examples/longreport/report.rs"]
mod report;

use std::path::Path;
use std::process::Command;

/// `check DIR --group-by dir --format json`, parsed.
fn check(dir: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "check",
            "--group-by",
            "dir",
            "--format",
            "json",
            "--no-config",
        ])
        .arg(dir)
        .output()
        .expect("crosscheck runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "check failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// True when `report` has a finding holding a claim `a` of `dir/a.txt` and `b` of `dir/b.txt`.
fn holds(report: &serde_json::Value, dir: &str, a: &str, b: &str) -> bool {
    let has = |f: &serde_json::Value, text: &str, doc: &str| {
        f["claims"].as_array().is_some_and(|cs| {
            cs.iter().any(|c| {
                c["text"].as_str() == Some(text)
                    && c["path"]
                        .as_str()
                        .is_some_and(|p| p.ends_with(&format!("{dir}/{doc}")))
            })
        })
    };
    report["findings"]
        .as_array()
        .is_some_and(|fs| fs.iter().any(|f| has(f, a, "a.txt") && has(f, b, "b.txt")))
}

/// The planted discrepancies of a long pair of reports that are found when each one's two
/// sentences are the whole documents, and those found in the long reports.
fn recall(shape: report::Shape, kb: usize) -> (usize, usize, usize) {
    let pair = report::generate(shape, kb * 1024, 7);
    let tmp = tempfile::tempdir().expect("temporary folder");
    let long = tmp.path().join("long");
    std::fs::create_dir_all(&long).expect("folder");
    std::fs::write(long.join("a.txt"), &pair.a).expect("write");
    std::fs::write(long.join("b.txt"), &pair.b).expect("write");
    let alone = tmp.path().join("alone");
    for (n, p) in pair.planted.iter().enumerate() {
        let d = alone.join(format!("p{n:03}"));
        std::fs::create_dir_all(&d).expect("folder");
        std::fs::write(d.join("a.txt"), format!("{}\n", p.sentence_a)).expect("write");
        std::fs::write(d.join("b.txt"), format!("{}\n", p.sentence_b)).expect("write");
    }
    let (in_long, by_itself) = (check(&long), check(&alone));
    let mut found_alone = 0;
    let mut found_long = 0;
    for (n, p) in pair.planted.iter().enumerate() {
        let alone = holds(&by_itself, &format!("p{n:03}"), &p.a, &p.b);
        let long = holds(&in_long, "long", &p.a, &p.b);
        assert!(
            long || !alone,
            "{kb} KB: found alone, lost in the long report: {:?} / {:?}",
            p.sentence_a,
            p.sentence_b
        );
        found_alone += usize::from(alone);
        found_long += usize::from(long);
    }
    (pair.planted.len(), found_alone, found_long)
}

// See: issue 15. 'X reported 5,425 staff at the end of 2015' / '5,900 staff' gave an error as
// the whole documents and nothing among a few hundred other figures: another figure of the
// report within a tenth of the other's, about another company, "witnessed" it.
#[test]
fn the_two_sentences_of_the_issue_are_found_among_hundreds_of_figures() {
    let pair = report::generate(report::Shape::Companies, 32 * 1024, 3);
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("long");
    std::fs::create_dir_all(&dir).expect("folder");
    let (a, b) = (
        "Varnock reported 5,425 staff at the end of 2015.",
        "Varnock reported 5,900 staff at the end of 2015.",
    );
    let mid = |s: &str| s.len() / 2 + s[s.len() / 2..].find(". ").map_or(0, |k| k + 2);
    let (ma, mb) = (mid(&pair.a), mid(&pair.b));
    std::fs::write(
        dir.join("a.txt"),
        format!("{}{a} {}", &pair.a[..ma], &pair.a[ma..]),
    )
    .expect("write");
    std::fs::write(
        dir.join("b.txt"),
        format!("{}{b} {}", &pair.b[..mb], &pair.b[mb..]),
    )
    .expect("write");
    let r = check(&dir);
    assert!(
        holds(&r, "long", "5,425 staff", "5,900 staff"),
        "not found among {} findings",
        r["findings"].as_array().map_or(0, Vec::len)
    );
}

#[test]
fn a_planted_discrepancy_is_found_in_a_long_report_as_alone_small() {
    for shape in [report::Shape::Companies, report::Shape::Crowded] {
        let (planted, alone, long) = recall(shape, 16);
        assert!(
            alone * 2 >= planted,
            "{shape:?}: {alone} of {planted} alone"
        );
        assert!(long >= alone, "{shape:?}: {long} long, {alone} alone");
    }
}

#[test]
fn a_planted_discrepancy_is_found_in_a_long_report_as_alone_large() {
    for shape in [report::Shape::Companies, report::Shape::Crowded] {
        let (planted, alone, long) = recall(shape, 64);
        assert!(
            alone * 2 >= planted,
            "{shape:?}: {alone} of {planted} alone"
        );
        assert!(long >= alone, "{shape:?}: {long} long, {alone} alone");
    }
}
