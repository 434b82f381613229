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
/// Stored as segments in increasing prose order. A *verbatim* segment says that its prose bytes
/// are a copy of the source bytes at `source_start`, so offsets inside it map one to one. A
/// *replaced* segment says that its prose bytes (a decoded entity such as `&amp;` -> `&`, a
/// Markdown escape) stand for a whole source range: a span touching it maps to the whole range,
/// never into the middle of it. Prose bytes in no segment (separators the loaders insert between
/// blocks) map to the nearest segment boundary, so a span never grows over skipped markup.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segs: Vec<Segment>,
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    prose: usize,
    prose_len: usize,
    source: usize,
    source_len: usize,
    verbatim: bool,
}

impl OffsetMap {
    /// Gives back the capacity the segments do not use.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.segs.shrink_to_fit();
    }

    /// The identity map (prose == source).
    #[must_use]
    pub fn identity() -> OffsetMap {
        OffsetMap { segs: Vec::new() }
    }

    /// Records that prose bytes `prose_start..prose_start+len` copy the source at `source_start`.
    /// Segments must be pushed in increasing prose order.
    pub fn push(&mut self, prose_start: usize, source_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        debug_assert!(self
            .segs
            .last()
            .is_none_or(|l| l.prose + l.prose_len <= prose_start));
        if let Some(last) = self.segs.last_mut() {
            if last.verbatim
                && last.prose + last.prose_len == prose_start
                && last.source + last.source_len == source_start
            {
                last.prose_len += len;
                last.source_len += len;
                return;
            }
        }
        self.segs.push(Segment {
            prose: prose_start,
            prose_len: len,
            source: source_start,
            source_len: len,
            verbatim: true,
        });
    }

    /// Records that prose bytes `prose_start..prose_start+prose_len` stand for the source bytes
    /// `source_start..source_start+source_len` as a whole (a decoded entity, say). Segments must be
    /// pushed in increasing prose order.
    pub fn push_replaced(
        &mut self,
        prose_start: usize,
        prose_len: usize,
        source_start: usize,
        source_len: usize,
    ) {
        if prose_len == 0 {
            return;
        }
        debug_assert!(self
            .segs
            .last()
            .is_none_or(|l| l.prose + l.prose_len <= prose_start));
        self.segs.push(Segment {
            prose: prose_start,
            prose_len,
            source: source_start,
            source_len,
            verbatim: false,
        });
    }

    /// True for the identity map.
    #[must_use]
    pub fn is_identity(&self) -> bool {
        self.segs.is_empty()
    }

    /// Maps a prose offset to a source offset. `end` says whether the offset ends a span (then an
    /// offset at a segment's end maps to that segment's end rather than the next one's start).
    #[must_use]
    pub fn map(&self, prose: usize, end: bool) -> usize {
        if self.segs.is_empty() {
            return prose;
        }
        if end {
            // The last segment starting strictly before `prose`.
            let idx = self.segs.partition_point(|s| s.prose < prose);
            let Some(s) = idx.checked_sub(1).map(|i| self.segs[i]) else {
                return self.segs[0].source;
            };
            if s.verbatim && prose <= s.prose + s.prose_len {
                s.source + (prose - s.prose)
            } else {
                s.source + s.source_len
            }
        } else {
            // The first segment ending after `prose`.
            let idx = self
                .segs
                .partition_point(|s| s.prose + s.prose_len <= prose);
            let Some(s) = self.segs.get(idx) else {
                let last = self.segs[self.segs.len() - 1];
                return last.source + last.source_len;
            };
            if s.verbatim && prose >= s.prose {
                s.source + (prose - s.prose)
            } else {
                s.source
            }
        }
    }
}

/// Line starts of a text, for 1-based line and column numbers.
///
/// Columns count characters. So that a column costs the same on a 10 MB single line as on a short
/// one, the index also keeps the character count at checkpoints every `CHECKPOINT` bytes: a
/// column is then counted from the nearest checkpoint, never from the start of a long line.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(byte offset, characters before it)`, ascending, offsets on char boundaries.
    checkpoints: Vec<(usize, usize)>,
}

/// Distance in bytes between character-count checkpoints.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()));
        let mut checkpoints = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        while text.len() - at > CHECKPOINT {
            let mut next = at + CHECKPOINT;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[at..next].chars().count();
            checkpoints.push((next, chars));
            at = next;
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters in `text[..offset]`; `offset` is on a char boundary.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= offset);
        let (byte, chars) = self
            .checkpoints
            .get(i.wrapping_sub(1))
            .copied()
            .unwrap_or((0, 0));
        chars + text.get(byte..offset).map_or(0, |s| s.chars().count())
    }

    /// 1-based line and 1-based column (in characters) of byte `offset` in `text`.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = if offset - start <= CHECKPOINT {
            text[start..offset].chars().count()
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
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
    memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)
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
    fn line_col_on_long_lines_matches_counting_from_the_line_start() {
        // Lines longer than a checkpoint interval, with multi-byte characters straddling the
        // checkpoints, and short lines between them.
        let mut text = String::new();
        for i in 0..3 * CHECKPOINT {
            text.push(if i % 7 == 0 { '’' } else { 'a' });
            if i == CHECKPOINT + 5 {
                text.push_str("\nshort\n");
            }
        }
        let idx = LineIndex::new(&text);
        let naive = |offset: usize| {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            (line, text[start..offset].chars().count() + 1)
        };
        for (offset, _) in text.char_indices().step_by(97).chain([(text.len(), ' ')]) {
            assert_eq!(
                idx.line_col(&text, offset),
                naive(offset),
                "offset {offset}"
            );
        }
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

    #[test]
    fn replaced_segments_map_whole() {
        // prose "a&b" from source "a&amp;b": the '&' stands for the five bytes "&amp;".
        let mut m = OffsetMap::default();
        m.push(0, 0, 1);
        m.push_replaced(1, 1, 1, 5);
        m.push(2, 6, 1);
        assert_eq!(m.map(1, false), 1);
        assert_eq!(m.map(2, true), 6);
        assert_eq!(m.map(2, false), 6);
        assert_eq!(m.map(3, true), 7);
        assert_eq!(m.map(1, true), 1);
    }
}
