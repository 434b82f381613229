//! Writes two long reports about one story (`DIR/a.txt`, `DIR/b.txt`) in one of the shapes of
//! issue 15, or scores a `check --format json` report against what was planted in them.
//!
//!     longreport --shape crowded|companies --kb 64 --out DIR [--seed 1]
//!     longreport score --shape companies --kb 64 [--seed 1] --report FILE
//!
//! See README "Scale" (long documents).

mod report;

use std::path::PathBuf;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let score = args.first().is_some_and(|a| a == "score");
    if score {
        args.remove(0);
    }
    let mut shape = report::Shape::Companies;
    let mut kb = 16usize;
    let mut seed = 1u64;
    let mut out = PathBuf::from("long");
    let mut report_path = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let v = it.next().unwrap_or_default();
        match a.as_str() {
            "--shape" => shape = report::Shape::parse(&v).expect("--shape crowded|companies"),
            "--kb" => kb = v.parse().expect("--kb N"),
            "--seed" => seed = v.parse().expect("--seed N"),
            "--out" => out = PathBuf::from(v),
            "--report" => report_path = Some(PathBuf::from(v)),
            other => panic!("unknown argument {other}"),
        }
    }
    let pair = report::generate(shape, kb * 1024, seed);
    if score {
        let text = std::fs::read_to_string(report_path.expect("--report FILE")).expect("report");
        let json: serde_json::Value = serde_json::from_str(&text).expect("JSON report");
        for p in &pair.planted {
            if report::found(std::slice::from_ref(p), &json) == 0 {
                eprintln!("missed: {} / {}", p.a, p.b);
            }
        }
        println!(
            "planted found {} of {}",
            report::found(&pair.planted, &json),
            pair.planted.len()
        );
    } else {
        std::fs::create_dir_all(&out).expect("output folder");
        std::fs::write(out.join("a.txt"), &pair.a).expect("write a.txt");
        std::fs::write(out.join("b.txt"), &pair.b).expect("write b.txt");
        eprintln!(
            "{} and {} bytes, {} planted",
            pair.a.len(),
            pair.b.len(),
            pair.planted.len()
        );
    }
}
