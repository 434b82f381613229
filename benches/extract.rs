//! Extraction throughput on generated text (about 12 MB in 2,400 documents), on a rayon pool of
//! one thread and of two threads, reported in bytes per second: `extract-news` at the claim
//! density of real reporting, `extract-figures` at five times the densest story set (see
//! `corpus::Density`).
//!
//! Run: `cargo bench --bench extract`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::check::extract_all;
use crosscheck::lexicon::Lexicon;

mod corpus;

fn bench(c: &mut Criterion) {
    let lexicon = Lexicon::builtin();
    for (name, density) in [
        ("extract-news", corpus::Density::News),
        ("extract-figures", corpus::Density::Figures),
    ] {
        let docs = corpus::corpus(2_400, density);
        let bytes: usize = docs.iter().map(|d| d.source.len()).sum();
        assert!(bytes >= 10_000_000, "only {bytes} bytes generated");
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a rayon pool");
            group.bench_function(format!("{threads}-thread"), |b| {
                b.iter(|| pool.install(|| extract_all(&docs, lexicon)).len());
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
