//! The rules engine. (Being written.)

use crate::check::Options;
use crate::claim::Claim;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::Lexicon;

/// The rules in force.
#[derive(Debug, Default)]
pub struct RuleSet {}

impl RuleSet {
    /// Evaluates every rule over the claims.
    #[must_use]
    pub fn evaluate(
        &self,
        _documents: &[Document],
        _claims: &[Claim],
        _lexicon: &Lexicon,
        _opts: &Options,
    ) -> Vec<Finding> {
        Vec::new()
    }
}
