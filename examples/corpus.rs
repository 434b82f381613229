//! The extraction benchmark's generated corpus, for profiling outside criterion.
//!
//!     cargo run --release --example corpus -- 60 > /tmp/corpus.jsonl
//!
//! writes the first 60 documents (about 5 KB each; default 60) as JSON Lines documents, the
//! input of `crosscheck extract --jsonl`; at the claim density of real reporting, or with
//! `--figures` (anywhere on the line) at the benchmark's figure-dense density. With `--extract THREADS [TIMES]` it writes nothing and
//! instead runs extraction over them TIMES times (default 1) on a rayon pool of THREADS threads,
//! printing the throughput of each run: a harness for `valgrind --tool=callgrind` (extraction
//! only, no input parsing or output) and for a quick look at how two threads scale.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::Write as _;
use std::time::Instant;

use crosscheck::check::extract_all;
use crosscheck::lexicon::Lexicon;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let density = if args.iter().any(|a| a == "--figures") {
        args.retain(|a| a != "--figures");
        corpus::Density::Figures
    } else {
        corpus::Density::News
    };
    let n = args.first().and_then(|a| a.parse().ok()).unwrap_or(60);
    let docs = corpus::corpus(n, density);
    if args.get(1).map(String::as_str) == Some("--extract") {
        let threads = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
        let times = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a rayon pool");
        let lexicon = Lexicon::builtin();
        let bytes: usize = docs.iter().map(|d| d.source.len()).sum();
        for _ in 0..times {
            let t = Instant::now();
            let claims = pool.install(|| extract_all(&docs, lexicon)).len();
            let s = t.elapsed().as_secs_f64();
            println!(
                "{threads} thread(s): {bytes} bytes, {claims} claims in {s:.3} s: {:.1} MB/s",
                bytes as f64 / s / 1e6
            );
        }
        return;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for d in docs {
        let line = serde_json::json!({"id": d.id, "text": d.source});
        writeln!(out, "{line}").expect("writing to standard output");
    }
}
