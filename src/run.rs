//! The result of a check run: what every report, the baseline and the editor filter read.
//!
//! Its own module, below the reports and above the stages whose output it holds, so that reports
//! read runs without depending on the pipeline (`check`) that makes them. Must not compute
//! anything: it is data.

use crate::claim::Claim;
use crate::diagnostic::InputError;
use crate::document::Document;
use crate::finding::Finding;

/// Everything a report needs: the documents, their claims, the findings and the input errors.
#[derive(Debug, Default)]
pub struct Run {
    /// The documents, in input order.
    pub documents: Vec<Document>,
    /// Every claim of every document, grouped by document in input order, sorted by span; with
    /// `check::Options::compact`, only the claims findings refer to.
    pub claims: Vec<Claim>,
    /// How many claims each document has (whether or not `claims` keeps them).
    pub claim_counts: Vec<usize>,
    /// The findings, in the one report order (path, offset, rule).
    pub findings: Vec<Finding>,
    /// Problems with the inputs.
    pub errors: Vec<InputError>,
}
