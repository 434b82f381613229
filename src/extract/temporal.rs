//! The temporal claims. (Being written.)

use crate::claim::{Claim, Kind};

use super::{Context, Extractor};

/// Extracts the temporal claims.
pub struct Temporal;

impl Extractor for Temporal {
    fn name(&self) -> &'static str {
        "temporal"
    }
    fn kinds(&self) -> &'static [Kind] {
        &[]
    }
    fn extract(&self, _text: &str, _ctx: &Context<'_>, _out: &mut Vec<Claim>) {}
}
