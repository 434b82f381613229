//! Output does not depend on the number of threads: the same documents give the same claims and
//! the same findings, in the same order, on rayon pools of one, two and four threads.

use std::path::Path;

use crosscheck::check::{self, Run};
use crosscheck::document::Document;
use crosscheck::input::{self, LoadOptions};
use crosscheck::lexicon::Lexicon;
use crosscheck::rules::RuleSet;

/// The seed articles, each also in a copy of its own group and a copy with its paragraphs in
/// reverse order: enough documents for the pool to split the work unevenly.
fn documents() -> Vec<Document> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = input::load_paths(&[seeds], &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert!(!loaded.documents.is_empty());
    let mut docs = loaded.documents.clone();
    for (k, d) in loaded.documents.iter().enumerate() {
        let mut copy = d.clone();
        copy.id = format!("copy/{k}");
        copy.group = Some("copies".into());
        docs.push(copy);
        let mut reversed: Vec<&str> = d.source.split("\n\n").collect();
        reversed.reverse();
        let mut rev = Document::plain(format!("reversed/{k}"), reversed.join("\n\n"));
        rev.group = Some(format!("reversed-{}", k % 2));
        docs.push(rev);
    }
    docs
}

fn run_on(threads: usize, docs: &[Document]) -> Run {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a rayon pool");
    pool.install(|| {
        check::run(
            docs.to_vec(),
            Vec::new(),
            &RuleSet::builtin(),
            Lexicon::builtin(),
            &check::Options::default(),
        )
    })
}

#[test]
fn claims_and_findings_do_not_depend_on_thread_count() {
    let docs = documents();
    let one = run_on(1, &docs);
    assert!(!one.claims.is_empty() && !one.findings.is_empty());
    for threads in [2, 4] {
        let many = run_on(threads, &docs);
        assert!(
            one.claims == many.claims,
            "claims differ with {threads} threads"
        );
        assert_eq!(
            format!("{:?}", one.findings),
            format!("{:?}", many.findings),
            "findings differ with {threads} threads"
        );
    }
}

#[test]
fn extraction_does_not_depend_on_thread_count() {
    let docs = documents();
    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("a rayon pool")
    };
    let lexicon = Lexicon::builtin();
    let one = pool(1).install(|| check::extract_all(&docs, lexicon));
    let four = pool(4).install(|| check::extract_all(&docs, lexicon));
    assert!(!one.is_empty());
    assert!(one == four, "claims differ with 4 threads");
    // Grouped by document in input order.
    assert!(one.windows(2).all(|w| w[0].doc <= w[1].doc));
}
