//! Writes the extraction benchmark's generated corpus as JSON Lines documents on standard output,
//! for profiling a release build with callgrind:
//!
//!     cargo run --release --example corpus -- 60 > /tmp/corpus.jsonl
//!     RAYON_NUM_THREADS=1 valgrind --tool=callgrind target/release/crosscheck \
//!         extract --jsonl /tmp/corpus.jsonl --format jsonl > /dev/null
//!
//! The argument is the number of documents (about 5 KB each; default 60). The first `n`
//! documents are the benchmark's first `n`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::Write as _;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(60);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for d in corpus::corpus(n) {
        let line = serde_json::json!({"id": d.id, "text": d.source});
        writeln!(out, "{line}").expect("writing to standard output");
    }
}
