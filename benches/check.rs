//! End-to-end `check` throughput on a generated corpus (examples/gencorpus: 250 story folders,
//! about 1,000 documents, 1.5 MB): loading the files, extraction, alignment, rules and the JSON
//! report, as `crosscheck check DIR --group-by dir --format json` runs them.
//!
//! Run: `cargo bench --bench check`. For 10,000 and 100,000 documents with peak memory, see
//! `scripts/bench-scale.sh`.

#[path = "../examples/gencorpus/corpus.rs"]
mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::check::{self, Options};
use crosscheck::input::{self, LoadOptions};
use crosscheck::lexicon::Lexicon;
use crosscheck::report;
use crosscheck::rules::RuleSet;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let corpus = corpus::generate(250, 1);
    corpus.write(dir.path()).expect("the corpus is written");
    let paths = vec![dir.path().to_path_buf()];
    let rules = RuleSet::builtin();
    let lexicon = Lexicon::builtin();
    let opts = Options {
        group_by_dir: true,
        compact: true,
        ..Options::default()
    };
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(corpus.bytes() as u64));
    g.bench_function("generated corpus, 250 groups", |b| {
        b.iter(|| {
            let loaded = input::load_paths(&paths, &LoadOptions::default());
            let run = check::run(loaded.documents, loaded.errors, &rules, lexicon, &opts);
            report::json::render(&run).len()
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
