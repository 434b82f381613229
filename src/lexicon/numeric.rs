//! The numeric vocabulary (rules/lexicon/numeric.toml).

use serde::Deserialize;

use crate::error::{parse_toml, Error};

/// The numeric vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumericLexicon {}

impl NumericLexicon {
    /// The embedded vocabulary.
    ///
    /// # Errors
    /// When the embedded file is invalid.
    pub fn builtin() -> Result<Self, Error> {
        parse_toml(
            "rules/lexicon/numeric.toml",
            include_str!("../../rules/lexicon/numeric.toml"),
        )
    }
}
