//! Generates a news-like corpus of story folders with planted discrepancies, and scores a
//! `crosscheck check --format json` report against them.
//!
//!     cargo run --release --example gencorpus -- --groups 1000 --out DIR --seed 7
//!     cargo run --release --example gencorpus -- score --manifest DIR.manifest.json --report R.json
//!
//! Generation writes DIR/g00000/a.txt, ... (2 to 6 documents a group, .txt, .md and .html) and
//! the manifest of what was planted beside DIR, as DIR.manifest.json. With `--jsonl FILE` it
//! also writes the documents as JSON Lines (`{"id", "text", "group", "format"}`).

mod corpus;

use std::fmt::Write as _;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: gencorpus --groups N --out DIR [--seed S] [--jsonl FILE]\n       gencorpus score --manifest FILE --report FILE [--verbose]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if args.first().map(String::as_str) == Some("score") {
        let (Some(m), Some(r)) = (value("--manifest"), value("--report")) else {
            return usage();
        };
        let manifest = std::fs::read_to_string(&m).unwrap_or_default();
        let groups = serde_json::from_str::<serde_json::Value>(&manifest)
            .ok()
            .and_then(|v| v["groups"].as_u64())
            .unwrap_or(0) as usize;
        let planted = corpus::read_manifest(&manifest);
        let report: serde_json::Value =
            match serde_json::from_str(&std::fs::read_to_string(&r).unwrap_or_default()) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("gencorpus: {r}: not a JSON report: {e}");
                    return ExitCode::from(2);
                }
            };
        let s = corpus::score(&report, &planted, groups);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "groups {}  planted {}  found {}  recall {:.3}  false alarms {} ({:.3} per group)  stray notes {}",
            s.groups,
            s.planted,
            s.found,
            s.recall(),
            s.false_alarms,
            s.false_alarms_per_group(),
            s.stray_notes
        );
        for (c, (p, f)) in &s.by_category {
            let _ = writeln!(out, "  {c:<10} {f} / {p}");
        }
        if args.iter().any(|a| a == "--verbose") {
            for m in &s.missed {
                let _ = writeln!(out, "missed: {m}");
            }
            for a in &s.alarms {
                let _ = writeln!(out, "unplanted: {a}");
            }
        }
        // A closed pipe (`| head`) is not an error worth a panic.
        let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
        return ExitCode::SUCCESS;
    }
    let (Some(groups), Some(out)) = (value("--groups"), value("--out")) else {
        return usage();
    };
    let Ok(groups) = groups.parse::<usize>() else {
        return usage();
    };
    let seed = value("--seed").and_then(|s| s.parse().ok()).unwrap_or(1);
    let out = PathBuf::from(out);
    let c = corpus::generate(groups, seed);
    if let Err(e) = c.write(&out) {
        eprintln!("gencorpus: cannot write {}: {e}", out.display());
        return ExitCode::from(2);
    }
    if let Some(j) = value("--jsonl") {
        if let Err(e) = std::fs::write(&j, c.jsonl()) {
            eprintln!("gencorpus: cannot write {j}: {e}");
            return ExitCode::from(2);
        }
    }
    let manifest = PathBuf::from(format!("{}.manifest.json", out.display()));
    if let Err(e) = std::fs::write(&manifest, c.manifest_json()) {
        eprintln!("gencorpus: cannot write {}: {e}", manifest.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "gencorpus: {} groups, {} documents, {} bytes, {} planted discrepancies in {}",
        groups,
        c.files.len(),
        c.bytes(),
        c.planted.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
