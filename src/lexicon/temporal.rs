//! The temporal vocabulary (rules/lexicon/temporal.toml).

use serde::Deserialize;

use crate::error::{parse_toml, Error};

/// The temporal vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemporalLexicon {}

impl TemporalLexicon {
    /// The embedded vocabulary.
    ///
    /// # Errors
    /// When the embedded file is invalid.
    pub fn builtin() -> Result<Self, Error> {
        parse_toml(
            "rules/lexicon/temporal.toml",
            include_str!("../../rules/lexicon/temporal.toml"),
        )
    }
}
