//! The SARIF 2.1.0 report (`check --format sarif`), for code-scanning services and SARIF viewers.
//!
//! One run: the tool with the metadata of every rule in force, one artifact per document, one
//! result per finding. A result's first claim is its location; the other claims are related
//! locations. Columns count Unicode code points (`columnKind`), as everywhere in crosscheck.
//! `partialFingerprints` key a finding by what it says (rule, paths, claim texts, values), never
//! by offsets, so a finding keeps its key when text above it moves.

use std::fmt::Write;

use serde_json::{json, Value};

use crate::claim::Claim;
use crate::document::{Document, Format};
use crate::finding::{Finding, Severity};
use crate::rules::RuleSet;
use crate::run::Run;

use super::human::value_words;
use super::{stable_hash, Place};

/// The schema the report follows.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of crosscheck's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "crosscheckFinding/v1";

/// Where to read about the tool: the package's repository or homepage when Cargo.toml names one.
fn information_uri() -> &'static str {
    let repo = env!("CARGO_PKG_REPOSITORY");
    let home = env!("CARGO_PKG_HOMEPAGE");
    if !repo.is_empty() {
        repo
    } else if !home.is_empty() {
        home
    } else {
        "https://crates.io/crates/crosscheck"
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A path as a URI reference: relative paths stay relative (resolved against `%SRCROOT%`),
/// absolute ones become `file://` URIs; every byte outside the unreserved set and `/` is
/// percent-encoded.
#[must_use]
pub fn uri_of(path: &str) -> (String, bool) {
    let p = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let p = p.strip_prefix("./").unwrap_or(&p);
    let mut enc = String::with_capacity(p.len());
    for &b in p.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            enc.push(b as char);
        } else if b == b':' && cfg!(windows) {
            enc.push(':');
        } else {
            let _ = write!(enc, "%{b:02X}");
        }
    }
    let absolute = p.starts_with('/') || (cfg!(windows) && p.as_bytes().get(1) == Some(&b':'));
    if absolute {
        let sep = if p.starts_with('/') { "" } else { "/" };
        (format!("file://{sep}{enc}"), true)
    } else {
        (enc, false)
    }
}

fn artifact_location(path: &str, index: usize) -> Value {
    let (uri, absolute) = uri_of(path);
    if absolute {
        json!({"uri": uri, "index": index})
    } else {
        json!({"uri": uri, "uriBaseId": "%SRCROOT%", "index": index})
    }
}

fn physical(doc: &Document, doc_index: usize, c: &Claim) -> Value {
    let p = Place::of(doc, c);
    json!({
        "artifactLocation": artifact_location(&doc.id, doc_index),
        "region": {
            "startLine": p.line,
            "startColumn": p.column,
            "endLine": p.end_line,
            "endColumn": p.end_column,
            "byteOffset": p.start,
            "byteLength": p.end - p.start,
            "snippet": {"text": doc.text(c.span)},
        },
    })
}

/// The text of a claim as a fingerprint reads it: lowercase, whitespace runs as one space.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The offset-free key of a finding: its rule, and each claim's path, normalised text and value.
#[must_use]
pub fn fingerprint(run: &Run, f: &Finding) -> String {
    let mut key = f.rule.clone();
    for &ci in &f.claims {
        let c = &run.claims[ci];
        let d = &run.documents[c.doc];
        key.push('\u{1f}');
        key.push_str(&d.id);
        key.push('\u{1e}');
        key.push_str(&normalised(d.text(c.span)));
        key.push('\u{1e}');
        key.push_str(&value_words(c));
    }
    stable_hash(key.as_bytes())
}

fn rule_metadata(rules: &RuleSet) -> Vec<Value> {
    rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.description.trim()},
                "help": {"text": r.description.trim()},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {
                    "category": r.category.as_str(),
                    "tags": [r.category.as_str()],
                    "origin": r.origin,
                },
            })
        })
        .collect()
}

fn mime(format: Format) -> &'static str {
    match format {
        Format::Text => "text/plain",
        Format::Markdown => "text/markdown",
        Format::Html => "text/html",
    }
}

/// The `check --format sarif` report: a SARIF 2.1.0 log with one run.
#[must_use]
pub fn report(run: &Run, rules: &RuleSet) -> Value {
    let artifacts: Vec<Value> = run
        .documents
        .iter()
        .map(|d| {
            let (uri, absolute) = uri_of(&d.id);
            let mut location = json!({"uri": uri});
            if !absolute {
                location["uriBaseId"] = json!("%SRCROOT%");
            }
            json!({
                "location": location,
                "length": d.source.len(),
                "mimeType": mime(d.format),
            })
        })
        .collect();
    // Identical findings (same rule, texts and values in the same files) get an occurrence
    // number, in report order, so that every result's fingerprint is unique.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let results: Vec<Value> = run
        .findings
        .iter()
        .map(|f| {
            let hash = fingerprint(run, f);
            let n = seen.entry(hash.clone()).or_insert(0);
            *n += 1;
            let mut locations = f.claims.iter().map(|&ci| {
                let c = &run.claims[ci];
                physical(&run.documents[c.doc], c.doc, c)
            });
            let primary = locations.next();
            let primary_message = f
                .claims
                .first()
                .map(|&ci| super::human::people_value(run, &run.claims[ci]))
                .unwrap_or_default();
            let related: Vec<Value> = locations
                .zip(f.claims.iter().skip(1))
                .enumerate()
                .map(|(i, (loc, &ci))| {
                    json!({
                        "id": i + 1,
                        "physicalLocation": loc,
                        "message": {"text": super::human::people_value(run, &run.claims[ci])},
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": primary
                    .map(|p| vec![json!({"physicalLocation": p, "message": {"text": primary_message}})])
                    .unwrap_or_default(),
                "partialFingerprints": {FINGERPRINT_KEY: format!("{hash}:{n}")},
                "properties": {
                    "category": f.category.as_str(),
                    "evidence": f.evidence,
                },
            });
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(i) = rules.rules.iter().position(|r| r.id == f.rule) {
                result["ruleIndex"] = json!(i);
            }
            result
        })
        .collect();
    let notifications: Vec<Value> = run
        .errors
        .iter()
        .map(|e| {
            let (uri, _) = uri_of(&e.path);
            json!({
                "level": if e.fatal { "error" } else { "warning" },
                "message": {"text": format!("{}: {}", e.path, e.message)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })
        })
        .collect();
    let mut invocation = json!({
        "executionSuccessful": !run.errors.iter().any(|e| e.fatal),
    });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = json!(notifications);
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "crosscheck",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": information_uri(),
                "rules": rule_metadata(rules),
            }},
            "invocations": [invocation],
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the directory crosscheck ran in"}}},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_relative_and_odd_bytes_are_encoded() {
        assert_eq!(uri_of("seeds/a b.txt"), ("seeds/a%20b.txt".into(), false));
        assert_eq!(uri_of("./x/%#?.md"), ("x/%25%23%3F.md".into(), false));
        assert_eq!(uri_of("café"), ("caf%C3%A9".into(), false));
        if !cfg!(windows) {
            assert_eq!(uri_of("/tmp/a.txt"), ("file:///tmp/a.txt".into(), true));
        }
    }

    #[test]
    fn fingerprints_ignore_case_and_spacing_of_claim_texts() {
        assert_eq!(normalised("Over\n  300%"), "over 300%");
    }
}
