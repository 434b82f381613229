//! Documents: the text of one input, the prose crosscheck reads in it, and the mapping back to
//! the file as stored.
//!
//! Architecture invariant: a `Span` always holds byte offsets into the *stored* bytes of the
//! input (the file on disk, or the `text` of a JSON Lines record). Extractors work on `prose`
//! (markup removed) and every offset they produce goes through `Document::to_source` before it
//! becomes a `Span`. Line and column are computed at report time from `LineIndex`.
//!
//! This module does no IO: `input/` reads files and builds documents with the loaders here.

use jiff::civil::Date;
use serde::Serialize;

/// A half-open byte range `start..end` into a document's stored text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span; `start <= end` is checked (an inverted range is clamped to empty at `start`).
    #[must_use]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is inverted");
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies within this span.
    #[must_use]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How a document was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (also JSON Lines `text`).
    Text,
    /// Markdown / CommonMark.
    Markdown,
    /// HTML.
    Html,
}

/// Maps offsets in the prose text back to offsets in the stored text.
///
/// Stored as runs: each `(prose_start, source_start, len)` says that `len` bytes of prose starting
/// at `prose_start` are a verbatim copy of the source bytes at `source_start`. Prose bytes that are
/// not verbatim (decoded entities, inserted separators) fall between runs and map to the nearest
/// run boundary.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    runs: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    /// The identity map (prose == source).
    #[must_use]
    pub fn identity() -> OffsetMap {
        OffsetMap { runs: Vec::new() }
    }

    /// Records that prose bytes `prose_start..prose_start+len` copy the source at `source_start`.
    /// Runs must be pushed in increasing prose order.
    pub fn push(&mut self, prose_start: usize, source_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut() {
            if last.0 + last.2 == prose_start && last.1 + last.2 == source_start {
                last.2 += len;
                return;
            }
        }
        self.runs.push((prose_start, source_start, len));
    }

    /// True for the identity map.
    #[must_use]
    pub fn is_identity(&self) -> bool {
        self.runs.is_empty()
    }

    /// Maps a prose offset to a source offset. `end` says whether the offset ends a span (then an
    /// offset at a run's end maps to that run's end rather than the next run's start).
    #[must_use]
    pub fn map(&self, prose: usize, end: bool) -> usize {
        if self.runs.is_empty() {
            return prose;
        }
        // The last run starting at or before `prose` (for an end offset: strictly before).
        let idx = self
            .runs
            .partition_point(|r| if end { r.0 < prose } else { r.0 <= prose });
        if idx == 0 {
            return self.runs[0].1;
        }
        let (ps, ss, len) = self.runs[idx - 1];
        if prose <= ps + len {
            ss + (prose - ps)
        } else if end {
            ss + len
        } else {
            // Between runs: the start of the next run, or the end of this one.
            self.runs.get(idx).map_or(ss + len, |r| r.1)
        }
    }
}

/// Line starts of a text, for 1-based line and column numbers.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()));
        LineIndex { starts }
    }

    /// 1-based line and 1-based column (in characters) of byte `offset` in `text`.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, col + 1)
    }

    /// The byte range of 1-based `line`, without its line terminator.
    #[must_use]
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line.saturating_sub(1).min(self.starts.len() - 1)];
        let end = self
            .starts
            .get(line)
            .map_or(text.len(), |&s| s.saturating_sub(1));
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        Span::new(start, end.max(start))
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

/// One input document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given or found, or the JSON Lines `id`.
    pub id: String,
    /// How it was stored.
    pub format: Format,
    /// The stored text (decoded lossily if it was not valid UTF-8).
    pub source: String,
    /// The prose crosscheck reads: the source with markup removed.
    pub prose: String,
    /// Prose-to-source offsets.
    pub map: OffsetMap,
    /// The document's own date, which anchors relative expressions.
    pub date: Option<Date>,
    /// Where the date came from ("front matter", "dateline", ...), for reports.
    pub date_source: Option<&'static str>,
    /// Documents of different groups are never compared.
    pub group: Option<String>,
    /// Line index of `source`.
    pub lines: LineIndex,
}

impl Document {
    /// A plain-text document whose prose is its source.
    #[must_use]
    pub fn plain(id: impl Into<String>, text: String) -> Document {
        Document {
            id: id.into(),
            format: Format::Text,
            lines: LineIndex::new(&text),
            prose: text.clone(),
            source: text,
            map: OffsetMap::identity(),
            date: None,
            date_source: None,
            group: None,
        }
    }

    /// Maps a prose range to a span of the stored source.
    #[must_use]
    pub fn to_source(&self, prose_start: usize, prose_end: usize) -> Span {
        if self.map.is_identity() {
            return Span::new(prose_start, prose_end);
        }
        let s = self.map.map(prose_start, false);
        let e = self.map.map(prose_end, true);
        Span::new(s, e.max(s))
    }

    /// The stored text of a span (empty if the span is out of range or splits a character).
    #[must_use]
    pub fn text(&self, span: Span) -> &str {
        self.source.get(span.start..span.end).unwrap_or("")
    }

    /// 1-based line and column (characters) of a source offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.source, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\nc’d x";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), (2, 5));
    }

    #[test]
    fn offset_map_maps_runs() {
        let mut m = OffsetMap::default();
        m.push(0, 10, 5); // prose 0..5 = source 10..15
        m.push(6, 30, 4); // prose 6..10 = source 30..34 (prose 5 is an inserted separator)
        assert_eq!(m.map(2, false), 12);
        assert_eq!(m.map(5, true), 15);
        assert_eq!(m.map(6, false), 30);
        assert_eq!(m.map(10, true), 34);
    }
}
