//! Findings: what the rules report, and the one order they are reported in.

use serde::{Deserialize, Serialize};

/// How serious a finding is. `note < warning < error`, so `--fail-on` is one comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never a contradiction on its own.
    Note,
    /// Probably a discrepancy.
    Warning,
    /// The values cannot both be true.
    Error,
}

impl Severity {
    /// The contract's name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The kind of discrepancy (the contract's `category`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// The same measure is given values that cannot both be true.
    Magnitude,
    /// The time window over which the same change happened disagrees.
    Period,
    /// The same event is dated differently.
    Date,
    /// Start dates, ages or durations of the same relationship disagree or diverge.
    Timeline,
}

impl Category {
    /// The contract's name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Magnitude => "magnitude",
            Category::Period => "period",
            Category::Date => "date",
            Category::Timeline => "timeline",
        }
    }
}

/// Why two claims were judged to speak of the same thing.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evidence {
    /// The similarity score, 0 to 1.
    pub score: f64,
    /// Normalised terms both claims' subjects share.
    pub shared_terms: Vec<String>,
    /// The checks that passed ("same kind", "same unit dimension", "same predicate", ...).
    pub checks: Vec<String>,
}

/// One reported discrepancy between two or more claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule id.
    pub rule: String,
    /// The discrepancy category.
    pub category: Category,
    /// The severity after configuration.
    pub severity: Severity,
    /// A plain-words explanation of why the values conflict.
    pub message: String,
    /// Indices into the run's claim list: the claims in conflict, in report order. Where a
    /// finding rests on context (a change and its window) the context claims follow.
    pub claims: Vec<usize>,
    /// Alignment evidence.
    pub evidence: Evidence,
}
