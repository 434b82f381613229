//! crosscheck reads several documents about the same story and reports where they disagree on
//! numbers and dates.
//!
//! The pipeline, one module a stage (see ARCHITECTURE.md):
//! `input` (files, JSON Lines) -> `document` (prose and offsets) -> `segment` (sentences) ->
//! `extract` (claims, in parallel) -> `align` (which claims speak of the same thing) -> `rules`
//! (declarative comparisons) -> `finding` -> `report`.
#![deny(missing_docs)]

pub mod align;
pub mod baseline;
pub mod check;
pub mod claim;
pub mod config;
pub mod diagnostic;
pub mod directive;
pub mod document;
pub mod editor;
pub mod error;
pub mod extract;
pub mod finding;
pub mod hedge;
pub mod input;
pub mod lexicon;
pub mod progress;
pub mod report;
pub mod rules;
pub mod run;
pub mod segment;
pub mod suppress;
pub mod timing;
