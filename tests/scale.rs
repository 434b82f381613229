//! Scale: recall of the discrepancies planted in a generated corpus, and the map/reduce path
//! (`extract --format jsonl --context` on shards, then `check --claims`) giving exactly the
//! findings of one direct check.
//!
//! The generator is `examples/gencorpus` (shared here as a module). See README "Scale".

#[path = "../examples/gencorpus/corpus.rs"]
mod corpus;
mod support;

use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

/// `check DIR --group-by dir --format json`, run from `cwd`.
fn check_json(cwd: &Path, args: &[&str]) -> String {
    let out = bin()
        .current_dir(cwd)
        .args([
            "check",
            "--group-by",
            "dir",
            "--format",
            "json",
            "--no-config",
        ])
        .args(args)
        .output()
        .expect("crosscheck runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "check failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 report")
}

/// The findings array of a report, as the exact bytes serde_json writes for it.
fn findings_of(report: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(report).expect("a JSON report");
    serde_json::to_string(&v["findings"]).unwrap()
}

// Measured on seed 7 at 50 groups (README "Scale"): recall 0.90 (18 of 20 planted), no false
// alarms (warnings or errors nobody planted); at 2,500 and 25,000 groups recall 0.97 and 1 and 5
// false alarms in all. The floors leave a little room for rule changes, not for regressions.
const RECALL_FLOOR: f64 = 0.85;
const FALSE_ALARMS_CEILING: f64 = 0.05;

#[test]
fn planted_discrepancies_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus::generate(50, 7);
    c.write(&dir.path().join("corpus")).unwrap();
    let report = check_json(dir.path(), &["corpus"]);
    let v: serde_json::Value = serde_json::from_str(&report).unwrap();
    let s = corpus::score(&v, &c.planted, 50);
    println!(
        "50 groups: planted {}, found {} (recall {:.3}), false alarms {} ({:.3} a group), stray notes {}",
        s.planted,
        s.found,
        s.recall(),
        s.false_alarms,
        s.false_alarms_per_group(),
        s.stray_notes
    );
    for m in &s.missed {
        println!("missed: {m}");
    }
    // Every category of CONTRACT.md is planted.
    for cat in corpus::CATEGORIES {
        assert!(
            c.planted.iter().any(|p| p.category == *cat),
            "no {cat} discrepancy planted"
        );
    }
    assert!(
        s.recall() >= RECALL_FLOOR,
        "recall {:.3} below {RECALL_FLOOR}",
        s.recall()
    );
    assert!(
        s.false_alarms_per_group() <= FALSE_ALARMS_CEILING,
        "{:.3} false alarms a group, above {FALSE_ALARMS_CEILING}",
        s.false_alarms_per_group()
    );
}

#[test]
fn generation_is_deterministic() {
    let a = corpus::generate(20, 3);
    let b = corpus::generate(20, 3);
    assert_eq!(a.files, b.files);
    assert_eq!(a.manifest_json(), b.manifest_json());
    assert_ne!(a.files, corpus::generate(20, 4).files);
    // 2 to 6 documents a group, in the three formats.
    for ext in [".txt", ".md", ".html"] {
        assert!(a.files.iter().any(|(p, _)| p.ends_with(ext)));
    }
}

/// Extracts each shard (a list of group folders) to a claims file, checks all claims files in
/// one reduce run and each shard alone, and compares with the direct run.
fn assert_map_reduce_matches(root: &Path, shards: &[Vec<String>], direct_args: &[&str]) {
    let direct = check_json(root, direct_args);
    let mut files = Vec::new();
    for (i, shard) in shards.iter().enumerate() {
        let out = bin()
            .current_dir(root)
            .args(["extract", "--format", "jsonl", "--context", "--no-config"])
            .args(shard)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = root.join(format!("shard-{i}.claims.jsonl"));
        std::fs::write(&path, &out.stdout).unwrap();
        files.push(path.display().to_string());
    }
    let mut args = vec!["--claims"];
    args.extend(files.iter().map(String::as_str));
    let reduced = check_json(root, &args);
    assert_eq!(
        findings_of(&reduced),
        findings_of(&direct),
        "the reduce step's findings differ from the direct run's"
    );
    // Each shard alone gives the direct run's findings of its groups.
    let direct_v: serde_json::Value = serde_json::from_str(&direct).unwrap();
    let mut union = Vec::new();
    for f in &files {
        let r: serde_json::Value =
            serde_json::from_str(&check_json(root, &["--claims", f])).unwrap();
        union.extend(r["findings"].as_array().cloned().unwrap_or_default());
    }
    let key = |v: &serde_json::Value| serde_json::to_string(v).unwrap();
    let mut a: Vec<String> = union.iter().map(key).collect();
    let mut b: Vec<String> = direct_v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(key)
        .collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "per-shard reduce runs differ from the direct run");
}

#[test]
fn map_reduce_on_a_generated_corpus_matches_a_direct_run() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus::generate(40, 11);
    c.write(&dir.path().join("corpus")).unwrap();
    let mut groups: Vec<String> = std::fs::read_dir(dir.path().join("corpus"))
        .unwrap()
        .map(|e| format!("corpus/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    groups.sort();
    // Three shards of whole groups.
    let shards: Vec<Vec<String>> = groups.chunks(15).map(<[String]>::to_vec).collect();
    assert_map_reduce_matches(dir.path(), &shards, &["corpus"]);
}

#[test]
fn map_reduce_on_the_gold_clusters_matches_a_direct_run() {
    let Some(gold) = support::shared("gold/clusters", "map/reduce on the story clusters") else {
        return;
    };
    // Copies of the story folders only (not the README beside them), one shard a story.
    let dir = tempfile::tempdir().unwrap();
    let mut shards = Vec::new();
    let mut stories: Vec<_> = std::fs::read_dir(&gold)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    stories.sort();
    for s in stories {
        let name = s.file_name().unwrap().to_string_lossy().to_string();
        let to = dir.path().join("clusters").join(&name);
        std::fs::create_dir_all(&to).unwrap();
        for f in std::fs::read_dir(&s).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|x| x != "toml") {
                std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
            }
        }
        shards.push(vec![format!("clusters/{name}")]);
    }
    assert_map_reduce_matches(dir.path(), &shards, &["clusters"]);
}

#[test]
fn map_reduce_on_the_seeds_is_byte_identical() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let direct = bin()
        .current_dir(root)
        .args(["check", "seeds", "--format", "json", "--no-config"])
        .output()
        .unwrap();
    let claims = bin()
        .current_dir(root)
        .args([
            "extract",
            "seeds",
            "--format",
            "jsonl",
            "--context",
            "--no-config",
        ])
        .output()
        .unwrap();
    let mut reduce = bin()
        .current_dir(root)
        .args(["check", "--claims", "-", "--format", "json", "--no-config"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = reduce.stdin.take().unwrap();
        stdin.write_all(&claims.stdout).unwrap();
    }
    let reduced = reduce.wait_with_output().unwrap();
    // The whole report, documents and all, is the same.
    assert_eq!(
        String::from_utf8_lossy(&reduced.stdout),
        String::from_utf8_lossy(&direct.stdout)
    );
    assert_eq!(reduced.status.code(), direct.status.code());
}

#[test]
fn claims_files_without_context_are_refused_with_the_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let plain = bin()
        .current_dir(root)
        .args(["extract", "seeds", "--format", "jsonl", "--no-config"])
        .output()
        .unwrap();
    let path = dir.path().join("plain.jsonl");
    std::fs::write(&path, &plain.stdout).unwrap();
    let out = bin()
        .args(["check", "--claims", path.to_str().unwrap(), "--no-config"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 1:") && err.contains("--context"),
        "{err}"
    );
}
