//! Extraction: turns the prose of a document into claims.
//!
//! One file per claim family, one line per extractor in `EXTRACTORS`. Extractors never fail:
//! whatever they cannot read they skip. They work on prose offsets; `extract_document` maps
//! every span back to the stored source, drops claims that a larger claim already covers, and
//! sorts the result by span.
//!
//! Architecture invariant: extraction does no IO and its output does not depend on thread count.

pub mod change;
pub mod duration;
pub mod numeral;
pub mod numeric;
pub mod temporal;

use jiff::civil::Date;

use crate::claim::{Claim, Kind};
use crate::document::{Document, Span};
use crate::lexicon::Lexicon;

/// What an extractor knows besides the text.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The document's date (anchors "last year", "on Monday").
    pub date: Option<Date>,
    /// The vocabularies.
    pub lexicon: &'a Lexicon,
}

/// One family of claims.
pub trait Extractor: Sync {
    /// A short name, for `crosscheck extract --explain` and tests.
    fn name(&self) -> &'static str;
    /// The claim kinds it produces.
    fn kinds(&self) -> &'static [Kind];
    /// Appends the claims found in `text` to `out`; spans are offsets into `text`, `doc` is 0.
    fn extract(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Claim>);
}

/// Every extractor, in the order they run.
pub static EXTRACTORS: &[&dyn Extractor] = &[&numeric::Numeric, &temporal::Temporal];

/// Calls `f` with `w` lower-cased (ASCII), on the stack for a word of up to 32 bytes: the
/// extractors look up many words of every text in the vocabularies.
pub(crate) fn with_lowercase<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    // Most words of prose have no capital: no copy, no UTF-8 check.
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(w);
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..w.len()) {
        Some(b) => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            // Lower-casing ASCII bytes keeps valid UTF-8 valid.
            f(std::str::from_utf8(b).unwrap_or_default())
        }
        None => f(&w.to_ascii_lowercase()),
    }
}

/// Runs every extractor over plain text, returning claims with spans into `text`, de-duplicated
/// and sorted.
#[must_use]
pub fn extract_text(text: &str, ctx: &Context<'_>) -> Vec<Claim> {
    // Figure-dense prose has a claim every few dozen bytes; claims are large, and every time
    // the vector grows it copies them all.
    let mut out = Vec::with_capacity((text.len() / 6 + 8).min(1 << 14));
    for e in EXTRACTORS {
        e.extract(text, ctx, &mut out);
    }
    let valid = |c: &Claim| {
        c.span.end <= text.len()
            && text.is_char_boundary(c.span.start)
            && text.is_char_boundary(c.span.end)
            && !c.span.is_empty()
    };
    let mut out = resolve_overlaps(out, valid);
    // "six years ago" is a date, not also a length of six years.
    let agos: Vec<Span> = out
        .iter()
        .filter(|c| c.kind == Kind::Date && text[c.span.start..c.span.end].ends_with("ago"))
        .map(|c| c.span)
        .collect();
    out.retain(|c| c.kind != Kind::Duration || !agos.iter().any(|s| s.contains(c.span)));
    out
}

/// Extracts the claims of a document; spans point into its stored source.
#[must_use]
pub fn extract_document(doc: &Document, index: usize, lexicon: &Lexicon) -> Vec<Claim> {
    let ctx = Context {
        date: doc.date,
        lexicon,
    };
    let mut claims = extract_text(&doc.prose, &ctx);
    // The dateline or byline ("KESTON, Oct. 21, 2025 —", "Published 9 October 2025") dates
    // the document; it is not a claim of the story. A dateline always has a day number, so
    // "today" or "on Tuesday" in an opening sentence stays a claim.
    if let Some(d) = doc.date {
        let opening = doc.prose.len() - doc.prose.trim_start().len() + 300;
        claims.retain(|c| {
            !(c.kind == Kind::Date
                && c.span.start < opening
                && doc.prose[c.span.start..c.span.end]
                    .bytes()
                    .any(|b| b.is_ascii_digit())
                && c.dates
                    .is_some_and(|r| r.from == Some(d) && r.to == Some(d)))
        });
    }
    for c in &mut claims {
        c.doc = index;
        c.prose = c.span;
        c.span = doc.to_source(c.span.start, c.span.end);
    }
    claims.retain(|c| {
        !c.span.is_empty()
            && doc.source.is_char_boundary(c.span.start)
            && doc.source.is_char_boundary(c.span.end)
    });
    claims
}

/// Whether a claim of kind `inner` is redundant when a claim of kind `outer` covers it.
fn covered_by(inner: Kind, outer: Kind) -> bool {
    use Kind::{Change, Date, Duration, Money, Number, Ordinal, Percent, Period, Quantity};
    match inner {
        // A bare number inside any other claim is part of that claim.
        Number => outer != Number,
        Ordinal => matches!(outer, Date | Period),
        Date => matches!(outer, Period),
        Duration => matches!(outer, Period),
        // "increased by 300%" keeps both its percent and its change claim (the contract allows it).
        Percent | Money | Quantity => matches!(outer, Period | Duration) || (outer == inner),
        Change | Period => outer == inner,
    }
}

/// Drops the claims that are not `valid` and those that another claim strictly covers (or
/// duplicates), and sorts the rest by span and kind (a stable sort).
///
/// Claims are large: the sort orders their indices, and each kept claim moves once.
fn resolve_overlaps(claims: Vec<Claim>, valid: impl Fn(&Claim) -> bool) -> Vec<Claim> {
    // By start, longer first, kind; the index breaks ties, so this unstable sort gives the
    // stable order.
    let mut keys: Vec<(usize, std::cmp::Reverse<usize>, Kind, usize)> =
        Vec::with_capacity(claims.len());
    keys.extend(
        claims
            .iter()
            .enumerate()
            .filter(|(_, c)| valid(c))
            .map(|(i, c)| (c.span.start, std::cmp::Reverse(c.span.end), c.kind, i)),
    );
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|k| k.3).collect();
    let n = order.len();
    let mut keep = vec![true; n];
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        for j in (i + 1)..n {
            let (a, b) = (&claims[order[i]], &claims[order[j]]);
            if b.span.start >= a.span.end {
                break;
            }
            // a starts first (or equal and is longer).
            if a.span.contains(b.span) && covered_by(b.kind, a.kind) {
                keep[j] = false;
            } else if b.span.contains(a.span) && covered_by(a.kind, b.kind) {
                keep[i] = false;
                break;
            } else if a.kind == b.kind && a.span.overlaps(b.span) {
                // Two overlapping claims of one kind: keep the longer.
                if b.span.len() > a.span.len() {
                    keep[i] = false;
                    break;
                }
                keep[j] = false;
            }
        }
    }
    let mut slots: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(keep.iter().filter(|k| **k).count());
    out.extend(
        order
            .iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .filter_map(|(&i, _)| slots[i].take()),
    );
    out
}
