//! The JSON report (`check --format json`) and the claims stream (`extract --format jsonl`), as
//! CONTRACT.md fixes them. A claim's own value is the claim's to write (`Claim::to_json`).

use rayon::prelude::*;
use serde_json::{json, Value};

use crate::document::Document;
use crate::run::Run;

fn document_value(run: &Run, i: usize, d: &Document) -> Value {
    json!({
        "path": d.id,
        "date": d.date.map(|x| x.to_string()),
        "date_source": d.date_source,
        "claims": run.claim_counts.get(i).copied().unwrap_or(0),
    })
}

fn finding_value(run: &Run, f: &crate::finding::Finding) -> Value {
    json!({
        "rule": f.rule,
        "category": f.category.as_str(),
        "severity": f.severity.as_str(),
        "message": f.message,
        "claims": f.claims.iter().map(|&i| {
            let c = &run.claims[i];
            c.to_json(&run.documents[c.doc], "path")
        }).collect::<Vec<_>>(),
        "evidence": f.evidence,
    })
}

fn error_value(e: &crate::diagnostic::InputError) -> Value {
    json!({"path": e.path, "message": e.message})
}

/// The `check --format json` report.
#[must_use]
pub fn report(run: &Run) -> Value {
    let documents: Vec<Value> = run
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| document_value(run, i, d))
        .collect();
    let findings: Vec<Value> = run.findings.iter().map(|f| finding_value(run, f)).collect();
    let errors: Vec<Value> = run.errors.iter().map(error_value).collect();
    json!({"version": 1, "documents": documents, "findings": findings, "errors": errors})
}

/// The text of `report` plus a newline, written one document and one finding at a time: the
/// same bytes without holding the whole report as a tree of values (which for 100,000 documents
/// weighs several times the text). Items are rendered in parallel, a chunk at a time.
#[must_use]
pub fn render(run: &Run) -> String {
    let mut out = Vec::new();
    // Writing into a vector cannot fail, and the JSON is UTF-8.
    let _ = render_to(run, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// `render`, written to `out` chunk by chunk rather than returned: memory holds one chunk's
/// text, not the report (77 MB for 100,000 documents).
///
/// # Errors
/// When `out` fails.
pub fn render_to(run: &Run, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    /// Items rendered at a time: in parallel, then written in order, so the extra memory is one
    /// chunk's text whatever the size of the run.
    const CHUNK: usize = 4096;
    fn array<T: Sync>(
        out: &mut dyn std::io::Write,
        items: &[T],
        value: impl Fn(usize, &T) -> Value + Sync,
    ) -> std::io::Result<()> {
        out.write_all(b"[")?;
        for (c, chunk) in items.chunks(CHUNK).enumerate() {
            let texts: Vec<Vec<u8>> = chunk
                .par_iter()
                .enumerate()
                // Serialized straight into bytes: `Value`'s `Display` goes through the
                // formatting machinery a byte run at a time and is several times slower.
                .map(|(k, x)| serde_json::to_vec(&value(c * CHUNK + k, x)).unwrap_or_default())
                .collect();
            for (k, t) in texts.iter().enumerate() {
                if c + k > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(t)?;
            }
        }
        out.write_all(b"]")
    }
    // The top-level keys in the order serde_json writes them (sorted, or as inserted when its
    // `preserve_order` feature is on), with placeholders for the three arrays.
    let skeleton =
        json!({"version": 1, "documents": "\u{0}D", "findings": "\u{0}F", "errors": "\u{0}E"})
            .to_string();
    // Placeholders are found in the small skeleton only, never in the inserted text.
    let mut rest = skeleton.as_str();
    while let Some((pos, which)) = ["D", "F", "E"]
        .iter()
        .filter_map(|w| rest.find(&format!("\"\\u0000{w}\"")).map(|p| (p, *w)))
        .min()
    {
        out.write_all(&rest.as_bytes()[..pos])?;
        match which {
            "D" => array(out, &run.documents, |i, d| document_value(run, i, d))?,
            "F" => array(out, &run.findings, |_, f| finding_value(run, f))?,
            _ => array(out, &run.errors, |_, e| error_value(e))?,
        }
        rest = &rest[pos + "\"\\u0000D\"".len()..];
    }
    out.write_all(rest.as_bytes())?;
    out.write_all(b"\n")
}
