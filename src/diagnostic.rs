//! Input messages: a problem with one input, or a warning about it, carried with the run to the
//! reports.
//!
//! Lives below every stage that reports one (`input` when reading, `suppress` for directives
//! that cannot work) and every report that prints them, so none of those depends on another
//! for the type. Must not know how inputs are read or reported.

/// A problem with one input; the run goes on without it (or with what could be read of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file, JSON Lines id, or `-`.
    pub path: String,
    /// What went wrong, with the line number where there is one.
    pub message: String,
    /// True when the input was skipped or partly lost (the check is incomplete); false for
    /// warnings such as a lossy UTF-8 decode.
    pub fatal: bool,
}
