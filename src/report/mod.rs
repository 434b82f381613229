//! Reports for people (human, html, markdown) and machines (json, jsonl, sarif, github).
//!
//! Reporters only format: they receive the finished `Run` and write text. The order of findings
//! is decided once, in `check`.

pub mod human;
pub mod json;
