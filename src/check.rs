//! The pipeline as a library call: documents in, claims and sorted findings out.

use rayon::prelude::*;

use crate::claim::Claim;
use crate::document::Document;
use crate::extract;
use crate::finding::Finding;
use crate::input::InputError;
use crate::lexicon::Lexicon;
use crate::rules::RuleSet;

/// Options of a check run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Also compare claims within one document.
    pub self_consistency: bool,
    /// Compare only documents of the same directory (`--group-by dir`).
    pub group_by_dir: bool,
}

/// Everything a report needs: the documents, their claims, the findings and the input errors.
#[derive(Debug, Default)]
pub struct Run {
    /// The documents, in input order.
    pub documents: Vec<Document>,
    /// Every claim of every document, grouped by document in input order, sorted by span.
    pub claims: Vec<Claim>,
    /// The findings, in the one report order (path, offset, rule).
    pub findings: Vec<Finding>,
    /// Problems with the inputs.
    pub errors: Vec<InputError>,
}

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
    let claims = extract_all_with(&documents, lexicon, progress);
    progress.comparing();
    let mut findings = rules.evaluate(&documents, &claims, lexicon, opts);
    sort_findings(&mut findings, &documents, &claims);
    let mut errors = errors;
    crate::suppress::apply(&documents, &claims, &mut findings, &mut errors, rules);
    Run {
        documents,
        claims,
        findings,
        errors,
    }
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
    let mut findings = rules.evaluate_with(&documents, &claims, profiles, lexicon, opts);
    sort_findings(&mut findings, &documents, &claims);
    crate::suppress::apply(&documents, &claims, &mut findings, &mut errors, rules);
    Run {
        documents,
        claims,
        findings,
        errors,
    }
}

/// The one order of findings: by path, then offset, then rule, then the other claims.
pub fn sort_findings(findings: &mut [Finding], documents: &[Document], claims: &[Claim]) {
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
    let sorted: Vec<Finding> = order.iter().map(|&i| findings[i].clone()).collect();
    findings.clone_from_slice(&sorted);
}
