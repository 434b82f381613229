//! The terms vocabulary (rules/lexicon/terms.toml).

use serde::Deserialize;

use crate::error::{parse_toml, Error};

/// The terms vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermsLexicon {}

impl TermsLexicon {
    /// The embedded vocabulary.
    ///
    /// # Errors
    /// When the embedded file is invalid.
    pub fn builtin() -> Result<Self, Error> {
        parse_toml(
            "rules/lexicon/terms.toml",
            include_str!("../../rules/lexicon/terms.toml"),
        )
    }
}
