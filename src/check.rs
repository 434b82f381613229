//! The pipeline as a library call: documents in, claims and sorted findings out.

use rayon::prelude::*;

use crate::claim::Claim;
use crate::diagnostic::InputError;
use crate::document::Document;
use crate::extract;
use crate::finding::Finding;
use crate::lexicon::Lexicon;
use crate::rules::{self, RuleSet};

/// Re-exported: the type lives in `run`, below the reports that read it.
pub use crate::run::Run;

/// Options of a check run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Also compare claims within one document.
    pub self_consistency: bool,
    /// Compare only documents of the same directory (`--group-by dir`).
    pub group_by_dir: bool,
    /// Keep only the claims that findings refer to (`Run::claims`), checking the run a batch of
    /// whole groups at a time: memory then holds the documents, one batch's claims and what
    /// the findings need. Every report but HTML (which shows every claim) works on such a run.
    pub compact: bool,
}

impl Options {
    /// What the rules engine reads of these options.
    #[must_use]
    pub fn evaluation(&self) -> rules::Options {
        rules::Options {
            self_consistency: self.self_consistency,
            group_by_dir: self.group_by_dir,
        }
    }
}

/// Documents a batch holds at least (whole groups are never split) when `compact` is set.
const BATCH: usize = 2048;

/// Told how far a run has come (a progress bar); called from the extraction threads. Every
/// method does nothing by default, and `()` is the observer that ignores everything.
pub trait Progress: Sync {
    /// One more document's claims are extracted.
    fn extracted(&self) {}
    /// Extraction is over; the claims are being compared.
    fn comparing(&self) {}
}

impl Progress for () {}

/// Extracts the claims of every document, in parallel; the result does not depend on the
/// number of threads.
#[must_use]
pub fn extract_all(documents: &[Document], lexicon: &Lexicon) -> Vec<Claim> {
    extract_all_with(documents, lexicon, &())
}

/// `extract_all`, telling `progress` of each document done.
#[must_use]
pub fn extract_all_with(
    documents: &[Document],
    lexicon: &Lexicon,
    progress: &dyn Progress,
) -> Vec<Claim> {
    let per_doc: Vec<Vec<Claim>> = documents
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let claims = extract::extract_document(d, i, lexicon);
            progress.extracted();
            claims
        })
        .collect::<Vec<_>>();
    // One allocation of the final size: growing a vector of claims copies them over and over.
    let mut all = Vec::with_capacity(per_doc.iter().map(Vec::len).sum());
    for claims in per_doc {
        all.extend(claims);
    }
    all
}

/// Runs the whole check.
#[must_use]
pub fn run(
    documents: Vec<Document>,
    errors: Vec<InputError>,
    rules: &RuleSet,
    lexicon: &Lexicon,
    opts: &Options,
) -> Run {
    run_with_progress(documents, errors, rules, lexicon, opts, &())
}

/// `run`, telling `progress` how far it has come.
#[must_use]
pub fn run_with_progress(
    documents: Vec<Document>,
    errors: Vec<InputError>,
    rules: &RuleSet,
    lexicon: &Lexicon,
    opts: &Options,
    progress: &dyn Progress,
) -> Run {
    let (claims, claim_counts, mut findings) = if opts.compact {
        run_batches(&documents, rules, lexicon, opts, progress)
    } else {
        let claims = extract_all_with(&documents, lexicon, progress);
        progress.comparing();
        let findings = rules.evaluate(&documents, &claims, lexicon, &opts.evaluation());
        let n = counts(documents.len(), &claims);
        (claims, n, findings)
    };
    if crate::timing::enabled() {
        let b = crate::align::bounds();
        eprintln!(
            "crosscheck: timing: bounds: {} terms too common to pair on (posted by more than 400 \
             claims of a group and rule); {} claims whose every term was that common paired on \
             combinations of their terms and year ({} read only their 2,048 rarest postings, {} \
             proposed only their 24 best partners), {} not paired; {} claims proposed only \
             their 256 partners sharing the rarest terms",
            b.too_common, b.combined, b.scan_cut, b.top_cut, b.unpaired, b.per_claim_cut
        );
    }
    let t = std::time::Instant::now();
    sort_findings(&mut findings, &documents, &claims);
    let t = crate::timing::stage("sort", t);
    let mut errors = errors;
    crate::suppress::apply(&documents, &claims, &mut findings, &mut errors, rules);
    let _ = crate::timing::stage("suppressions", t);
    Run {
        documents,
        claims,
        claim_counts,
        findings,
        errors,
    }
}

/// The compact run: batches of whole groups are extracted and evaluated in turn, and only the
/// claims findings refer to are kept (renumbered in the order findings first name them).
fn run_batches(
    documents: &[Document],
    rules: &RuleSet,
    lexicon: &Lexicon,
    opts: &Options,
    progress: &dyn Progress,
) -> (Vec<Claim>, Vec<usize>, Vec<Finding>) {
    let all: Vec<usize> = (0..documents.len()).collect();
    let groups = crate::align::group_docs(documents, &all, opts.group_by_dir);
    let mut batches: Vec<Vec<usize>> = vec![Vec::new()];
    for (_, g) in groups {
        if batches.last().is_some_and(|b| b.len() >= BATCH) {
            batches.push(Vec::new());
        }
        if let Some(b) = batches.last_mut() {
            b.extend(g);
        }
    }
    let mut kept: Vec<Claim> = Vec::new();
    let mut claim_counts = vec![0; documents.len()];
    let mut findings = Vec::new();
    let last = batches.len().saturating_sub(1);
    let eval = opts.evaluation();
    let mut t = std::time::Instant::now();
    for (n, mut docs) in batches.into_iter().enumerate() {
        docs.sort_unstable();
        let per_doc: Vec<Vec<Claim>> = docs
            .par_iter()
            .map(|&d| {
                let claims = extract::extract_document(&documents[d], d, lexicon);
                progress.extracted();
                claims
            })
            .collect();
        let mut claims = Vec::with_capacity(per_doc.iter().map(Vec::len).sum());
        for (&d, c) in docs.iter().zip(per_doc) {
            claim_counts[d] = c.len();
            claims.extend(c);
        }
        t = crate::timing::stage("extract batch", t);
        if n == last {
            progress.comparing();
        }
        let mut renumber: std::collections::HashMap<usize, usize> =
            std::collections::HashMap::new();
        for mut f in rules.evaluate(documents, &claims, lexicon, &eval) {
            for c in &mut f.claims {
                *c = *renumber.entry(*c).or_insert_with(|| {
                    kept.push(claims[*c].clone());
                    kept.len() - 1
                });
            }
            findings.push(f);
        }
        t = crate::timing::stage("evaluate batch", t);
    }
    (kept, claim_counts, findings)
}

/// The profile of every document (what alignment reads of a whole document), in parallel.
#[must_use]
pub fn profiles(documents: &[Document], lexicon: &Lexicon) -> Vec<crate::align::subject::Profile> {
    documents
        .par_iter()
        .map(|d| crate::align::subject::profile(d, &lexicon.terms))
        .collect()
}

/// Runs the check on documents and claims read from claims files (the reduce step,
/// `check --claims`): the same evaluation, order and suppressions as `run`, without extraction.
#[must_use]
pub fn run_claims(
    input: crate::input::claims::ClaimsInput,
    errors: Vec<InputError>,
    rules: &RuleSet,
    lexicon: &Lexicon,
    opts: &Options,
) -> Run {
    let crate::input::claims::ClaimsInput {
        documents,
        claims,
        profiles,
        errors: read_errors,
    } = input;
    let mut errors = errors;
    errors.extend(read_errors);
    let mut findings =
        rules.evaluate_with(&documents, &claims, &profiles, lexicon, &opts.evaluation());
    let claim_counts = counts(documents.len(), &claims);
    sort_findings(&mut findings, &documents, &claims);
    crate::suppress::apply(&documents, &claims, &mut findings, &mut errors, rules);
    Run {
        documents,
        claims,
        claim_counts,
        findings,
        errors,
    }
}

fn counts(documents: usize, claims: &[Claim]) -> Vec<usize> {
    let mut n = vec![0; documents];
    for c in claims {
        if let Some(x) = n.get_mut(c.doc) {
            *x += 1;
        }
    }
    n
}

/// The one order of findings: by path, then offset, then rule, then the other claims.
pub fn sort_findings(findings: &mut Vec<Finding>, documents: &[Document], claims: &[Claim]) {
    let key = |f: &Finding| {
        let locs: Vec<(&str, usize, usize)> = f
            .claims
            .iter()
            .map(|&i| {
                let c = &claims[i];
                (documents[c.doc].id.as_str(), c.span.start, c.span.end)
            })
            .collect();
        locs
    };
    // Keys computed once a finding, not once a comparison.
    let keys: Vec<Vec<(&str, usize, usize)>> = findings.iter().map(key).collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&findings[x], &findings[y]);
        let (ka, kb) = (&keys[x], &keys[y]);
        ka.first()
            .cmp(&kb.first())
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| ka.cmp(kb))
            .then_with(|| a.message.cmp(&b.message))
    });
    drop(keys);
    // The findings are moved into their order, not copied.
    let mut taken: Vec<Option<Finding>> = std::mem::take(findings).into_iter().map(Some).collect();
    findings.extend(order.iter().filter_map(|&i| taken[i].take()));
}
