//! The claims file: the map step's output (`extract --format jsonl --context`) and the reduce
//! step's input (`check --claims FILE...`).
//!
//! A claims file is extract's JSON Lines claim stream with, before each document's claims, one
//! document record carrying what alignment, rules and reports read of the document beyond its
//! claims:
//!
//! ```text
//! {"document": "<id>", "format": "text", "date": "2025-03-04", "date_source": "dateline",
//!  "group": null, "length": 2310, "prose_length": 2310, "newlines": [..],
//!  "sentences": [[start, end], ..],            // prose spans of the sentences holding claims
//!  "prose": [[start, "text"], ..],             // those sentences, with a margin, as prose
//!  "source": [[start, "text"], ..],            // the stored lines holding claims or directives
//!  "entity_counts": {"word": n, ..}, "frequent": ["word", ..]}
//! ```
//!
//! and on each claim line, besides the contract's fields, `prose` (its prose span), `precision`,
//! `base` and `dates` where they apply. Reading it back gives documents whose source and prose
//! hold those pieces at their own offsets (spaces elsewhere, newlines where the file has them),
//! so every offset, line and column, every claim and every subject is what the direct run sees:
//! `check --claims` on the files of all shards reports exactly the findings of one direct check.
//!
//! Writing builds JSON values only; reading parses bytes that `input` has read. Neither touches
//! the file system.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::align::subject::Profile;
use crate::claim::{Change, Claim, DateRange, Hedge, Interval, Kind, Modality};
use crate::diagnostic::InputError;
use crate::document::{Document, Format, LineIndex, OffsetMap, Span};

/// Bytes of prose kept on each side of a claim's sentence: the rules look a few bytes before a
/// figure ("from", "to") and that may reach into the sentence before.
const MARGIN: usize = 24;

/// The document record of `doc` (index `d` in the run), whose claims are `claims` (the run's
/// claims of that document, in order).
#[must_use]
pub fn document_record(doc: &Document, claims: &[Claim], profile: &Profile) -> Value {
    let sentences = claim_sentences(&profile.sentences, claims);
    let prose_pieces = pieces(
        &doc.prose,
        sentences
            .iter()
            .map(|s| (s.start.saturating_sub(MARGIN), s.end + MARGIN)),
    );
    // Stored lines: those holding a claim (line and column count from the line start) and
    // those holding a suppression directive or a near miss of one (read again by `suppress`,
    // which warns about both).
    let mut wanted: Vec<(usize, usize)> = claims
        .iter()
        .map(|c| line_range(&doc.source, c.span))
        .collect();
    wanted.extend(
        crate::directive::directives(doc)
            .iter()
            .map(|d| line_range(&doc.source, d.span)),
    );
    wanted.extend(
        crate::directive::near_misses(doc)
            .iter()
            .map(|m| line_range(&doc.source, Span::new(m.at, m.at))),
    );
    let source_pieces = pieces(&doc.source, wanted.into_iter());
    let newlines: Vec<usize> = positions(&doc.source, b'\n');
    let returns: Vec<usize> = positions(&doc.source, b'\r');
    let mut m = Map::new();
    m.insert("document".into(), json!(doc.id));
    m.insert(
        "format".into(),
        json!(match doc.format {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }),
    );
    m.insert("date".into(), json!(doc.date.map(|d| d.to_string())));
    m.insert("date_source".into(), json!(doc.date_source));
    m.insert("group".into(), json!(doc.group));
    m.insert("length".into(), json!(doc.source.len()));
    m.insert("prose_length".into(), json!(doc.prose.len()));
    m.insert("newlines".into(), json!(newlines));
    if !returns.is_empty() {
        m.insert("returns".into(), json!(returns));
    }
    m.insert(
        "sentences".into(),
        json!(sentences
            .iter()
            .map(|s| [s.start, s.end])
            .collect::<Vec<_>>()),
    );
    m.insert("prose".into(), json!(prose_pieces));
    m.insert("source".into(), json!(source_pieces));
    m.insert("entity_counts".into(), json!(profile.entity_counts));
    m.insert("frequent".into(), json!(profile.frequent));
    Value::Object(m)
}

/// A claim line: the contract's claim (`extract --format jsonl`) plus what is needed to read it
/// back exactly.
#[must_use]
pub fn claim_record(doc: &Document, c: &Claim) -> Value {
    let mut v = c.to_json(doc, "doc");
    if let Value::Object(m) = &mut v {
        m.insert("prose".into(), json!([c.prose.start, c.prose.end]));
        if let Some(p) = c.precision {
            m.insert("precision".into(), json!(p));
        }
        if let Some(b) = c.base {
            m.insert(
                "base".into(),
                json!({"point": b.point, "low": b.low, "high": b.high}),
            );
        }
        if let Some(d) = c.dates {
            m.insert(
                "dates".into(),
                json!([d.from.map(|x| x.to_string()), d.to.map(|x| x.to_string())]),
            );
        }
        // Exact floats (the contract's `value` writes integral values as integers).
        if let Some(x) = c.value {
            m.insert(
                "exact".into(),
                json!({"point": x.point, "low": x.low, "high": x.high}),
            );
        }
    }
    v
}

/// The sentence each claim falls in (as `align::analyze` picks it), in order, once each.
fn claim_sentences(sentences: &[Span], claims: &[Claim]) -> Vec<Span> {
    let mut out: Vec<Span> = claims
        .iter()
        .filter_map(|c| {
            let si = sentences
                .partition_point(|s| s.end <= c.prose.start)
                .min(sentences.len().saturating_sub(1));
            sentences.get(si).copied()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The whole stored lines a span touches.
fn line_range(text: &str, span: Span) -> (usize, usize) {
    let start = text
        .get(..span.start.min(text.len()))
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(span.end.min(text.len())..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| span.end + i);
    (start, end)
}

fn positions(text: &str, byte: u8) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == byte)
        .map(|(i, _)| i)
        .collect()
}

/// The text of the ranges (merged where they meet, widened to character boundaries).
fn pieces(text: &str, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, String)> {
    let mut rs: Vec<(usize, usize)> = ranges
        .map(|(s, e)| {
            let mut s = s.min(text.len());
            let mut e = e.min(text.len());
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            while !text.is_char_boundary(e) {
                e += 1;
            }
            (s, e)
        })
        .filter(|(s, e)| s < e)
        .collect();
    rs.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in rs {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
        .into_iter()
        .map(|(s, e)| (s, text[s..e].to_string()))
        .collect()
}

/// Documents, claims and profiles read from claims files.
#[derive(Debug, Default)]
pub struct ClaimsInput {
    /// The documents, in the order of their records.
    pub documents: Vec<Document>,
    /// Their claims, grouped by document.
    pub claims: Vec<Claim>,
    /// Per document, what alignment reads of the whole document.
    pub profiles: Vec<Profile>,
    /// Malformed lines, claims of unknown documents.
    pub errors: Vec<InputError>,
}

/// Rebuilds a text of `len` bytes: spaces, the given bytes at their offsets, and the newlines.
fn sparse(len: usize, pieces: &[(usize, String)], newlines: &[usize], returns: &[usize]) -> String {
    let mut bytes = vec![b' '; len];
    for &i in newlines {
        if let Some(b) = bytes.get_mut(i) {
            *b = b'\n';
        }
    }
    for &i in returns {
        if let Some(b) = bytes.get_mut(i) {
            *b = b'\r';
        }
    }
    for (at, text) in pieces {
        if let Some(dst) = bytes.get_mut(*at..*at + text.len()) {
            dst.copy_from_slice(text.as_bytes());
        }
    }
    // Pieces are whole characters placed over ASCII filler, so this never replaces anything;
    // a hand-edited file that breaks that is decoded lossily rather than refused.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn usizes(v: &Value) -> Vec<usize> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_u64().map(|n| n as usize))
                .collect()
        })
        .unwrap_or_default()
}

fn str_pieces(v: &Value) -> Vec<(usize, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| {
                    Some((
                        p.get(0)?.as_u64()? as usize,
                        p.get(1)?.as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn date(v: &Value) -> Option<jiff::civil::Date> {
    v.as_str()?.parse().ok()
}

fn interval(v: &Value) -> Option<Interval> {
    Some(Interval {
        point: v.get("point")?.as_f64()?,
        low: v.get("low").and_then(Value::as_f64),
        high: v.get("high").and_then(Value::as_f64),
    })
}

/// The stored `date_source` names ("front matter", ...) as the static strings documents hold.
fn date_source(s: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "json lines",
        "front matter",
        "html meta",
        "html time",
        "json-ld",
        "dateline",
        "byline",
        "updated line",
        "--as-of",
    ];
    KNOWN
        .iter()
        .find(|k| **k == s)
        .copied()
        .unwrap_or("claims file")
}

fn document_from(v: &Value) -> Result<(Document, Profile), String> {
    let id = v["document"]
        .as_str()
        .ok_or("`document` must be a string")?
        .to_string();
    let format = match v["format"].as_str() {
        Some("markdown") => Format::Markdown,
        Some("html") => Format::Html,
        _ => Format::Text,
    };
    let len = v["length"].as_u64().ok_or("`length` must be a number")? as usize;
    let prose_len = v["prose_length"]
        .as_u64()
        .ok_or("`prose_length` must be a number")? as usize;
    // A claims file is read whole, so the lengths it claims are bounded by what it holds.
    if len > 1 << 34 || prose_len > 1 << 34 {
        return Err("document length out of range".into());
    }
    let newlines = usizes(&v["newlines"]);
    let returns = usizes(&v["returns"]);
    let source = sparse(len, &str_pieces(&v["source"]), &newlines, &returns);
    let prose = sparse(prose_len, &str_pieces(&v["prose"]), &[], &[]);
    let sentences: Vec<Span> = v["sentences"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| {
                    let (s, e) = (s.get(0)?.as_u64()? as usize, s.get(1)?.as_u64()? as usize);
                    (s <= e).then(|| Span::new(s, e))
                })
                .collect()
        })
        .unwrap_or_default();
    let entity_counts: BTreeMap<String, usize> = v["entity_counts"]
        .as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, n)| Some((k.clone(), n.as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default();
    let frequent: Vec<String> = v["frequent"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let doc = Document {
        id,
        format,
        lines: LineIndex::new(&source),
        source,
        prose,
        map: OffsetMap::identity(),
        date: date(&v["date"]),
        date_source: v["date_source"].as_str().map(date_source),
        group: v["group"].as_str().map(str::to_string),
    };
    Ok((
        doc,
        Profile {
            sentences,
            entity_counts,
            frequent,
        },
    ))
}

fn claim_from(v: &Value, doc: usize) -> Result<Claim, String> {
    let kind = v["kind"]
        .as_str()
        .and_then(Kind::parse)
        .ok_or("`kind` must be a claim kind")?;
    let start = v["start"].as_u64().ok_or("`start` must be a number")? as usize;
    let end = v["end"].as_u64().ok_or("`end` must be a number")? as usize;
    if start > end {
        return Err("`start` is after `end`".into());
    }
    let prose = match usizes(&v["prose"]).as_slice() {
        [s, e] if s <= e => Span::new(*s, *e),
        _ => return Err("`prose` must be [start, end] (write the file with --context)".into()),
    };
    let mut c = Claim::new(doc, Span::new(start, end), kind);
    c.prose = prose;
    c.value = interval(&v["exact"]).or_else(|| interval(&v["value"]));
    c.unit = v["unit"].as_str().map(str::to_string);
    if let Some(h) = v.get("hedge") {
        c.hedge = serde_json::from_value::<Hedge>(h.clone()).map_err(|e| e.to_string())?;
    }
    c.precision = v["precision"].as_f64();
    c.dimension = v["dimension"].as_str().map(str::to_string);
    c.base = interval(&v["base"]);
    c.noun = v["noun"].as_str().map(str::to_string);
    c.dates = v["dates"].as_array().map(|d| DateRange {
        from: d.first().and_then(date),
        to: d.get(1).and_then(date),
    });
    if let Some(ch) = v.get("change") {
        c.change = Some(serde_json::from_value::<Change>(ch.clone()).map_err(|e| e.to_string())?);
    }
    if let Some(md) = v.get("modality") {
        c.modality = serde_json::from_value::<Modality>(md.clone()).map_err(|e| e.to_string())?;
    }
    Ok(c)
}

/// Parses one claims file (`name` for messages) into `into`. A malformed line is an error
/// naming its line; the other lines are still read. Claims follow their document's record.
pub fn parse(name: &str, bytes: &[u8], into: &mut ClaimsInput) {
    let mut current: Option<(usize, String)> = None;
    let fail = |errors: &mut Vec<InputError>, lineno: usize, message: String| {
        errors.push(InputError {
            path: name.to_string(),
            message: format!("line {lineno}: {message}"),
            fatal: true,
        });
    };
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let lineno = i + 1;
        let line = String::from_utf8_lossy(line);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                fail(&mut into.errors, lineno, format!("invalid JSON: {e}"));
                continue;
            }
        };
        if v.get("document").is_some() {
            match document_from(&v) {
                Ok((doc, profile)) => {
                    current = Some((into.documents.len(), doc.id.clone()));
                    into.documents.push(doc);
                    into.profiles.push(profile);
                }
                Err(e) => {
                    current = None;
                    fail(
                        &mut into.errors,
                        lineno,
                        format!("invalid document record: {e}"),
                    );
                }
            }
            continue;
        }
        let Some((d, id)) = &current else {
            fail(
                &mut into.errors,
                lineno,
                "a claim before any document record (write the file with `extract --format jsonl \
                 --context`)"
                    .into(),
            );
            continue;
        };
        if v["doc"].as_str() != Some(id.as_str()) {
            fail(
                &mut into.errors,
                lineno,
                format!("a claim of {} after the record of {id}", v["doc"]),
            );
            continue;
        }
        match claim_from(&v, *d) {
            Ok(c) => into.claims.push(c),
            Err(e) => fail(&mut into.errors, lineno, format!("invalid claim: {e}")),
        }
    }
}
