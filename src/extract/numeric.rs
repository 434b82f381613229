//! The numeric claims. (Being written.)

use crate::claim::{Claim, Kind};

use super::{Context, Extractor};

/// Extracts the numeric claims.
pub struct Numeric;

impl Extractor for Numeric {
    fn name(&self) -> &'static str {
        "numeric"
    }
    fn kinds(&self) -> &'static [Kind] {
        &[]
    }
    fn extract(&self, _text: &str, _ctx: &Context<'_>, _out: &mut Vec<Claim>) {}
}
