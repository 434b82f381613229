//! Markdown and HTML loaders: the prose a reader sees in a marked-up document, mapped back byte
//! for byte to its source.
//!
//! Both loaders build prose through one `ProseBuilder`, which records every piece of prose as a
//! verbatim copy of source bytes or as a replacement standing for a whole source range (a decoded
//! entity). Blocks (paragraphs, headings, list items, table cells) are separated in prose by a
//! blank line so that sentence segmentation ends at block boundaries; separators map to no source
//! byte.
//!
//! Architecture invariant: loaders never fail and never panic, whatever the input; the HTML
//! tokenizer is a single forward pass with no recursion and no element stack, so deeply nested or
//! malformed markup costs linear time. This module does no IO.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::document::{Document, Format, LineIndex, OffsetMap};

/// The separator put in prose between blocks.
const BLOCK_BREAK: &str = "\n\n";

/// A Markdown document: prose without markup, code, link targets, images or front matter.
#[must_use]
pub fn markdown(id: String, text: String) -> Document {
    let body_start = front_matter(&text).map_or(0, |f| f.body_start);
    let mut b = ProseBuilder::default();
    markdown_into(&text, body_start, &mut b);
    b.finish(id, Format::Markdown, text)
}

/// An HTML document: visible text only (no script, style, head or tags), entities decoded.
#[must_use]
pub fn html(id: String, text: String) -> Document {
    let mut b = ProseBuilder::default();
    html_into(&text, 0, text.len(), &mut b);
    b.finish(id, Format::Html, text)
}

/// Front matter at the top of a Markdown document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// Byte range of the lines between the fences.
    pub content: (usize, usize),
    /// Where the Markdown body starts (after the closing fence's line).
    pub body_start: usize,
    /// True for `+++` (TOML), false for `---` (YAML).
    pub toml: bool,
}

/// Finds YAML (`---`) or TOML (`+++`) front matter opening the text (after an optional BOM).
/// The block must close, and its first non-blank line must look like a `key:` / `key =` entry, so
/// a thematic break at the top of a document is not mistaken for front matter.
pub(crate) fn front_matter(text: &str) -> Option<FrontMatter> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = lines_with_offsets(text, start);
    let (_, first) = lines.next()?;
    let fence = first.trim_end();
    let toml = match fence {
        "---" => false,
        "+++" => true,
        _ => return None,
    };
    let content_start = start + first.len();
    let mut saw_key = false;
    for (off, line) in lines {
        let t = line.trim_end();
        if t == fence || (!toml && t == "...") {
            return saw_key.then_some(FrontMatter {
                content: (content_start, off),
                body_start: off + line.len(),
                toml,
            });
        }
        if !saw_key && !t.trim().is_empty() {
            let key_end = t.find([':', '=']).unwrap_or(0);
            let key = t[..key_end].trim();
            if key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"'))
            {
                return None;
            }
            saw_key = true;
        }
    }
    None
}

/// Lines of `text` from `start`, each with its terminator and its byte offset.
pub(crate) fn lines_with_offsets(text: &str, start: usize) -> impl Iterator<Item = (usize, &str)> {
    let rest = text.get(start..).unwrap_or("");
    rest.split_inclusive('\n').scan(start, |off, line| {
        let o = *off;
        *off += line.len();
        Some((o, line))
    })
}

fn markdown_into(text: &str, body_start: usize, b: &mut ProseBuilder) {
    let body = &text[body_start..];
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    // Code blocks, images (their alt text is not read as prose) and metadata are skipped; the
    // depth counts nesting, which the parser guarantees is balanced.
    let mut skip = 0usize;
    // An HTML block arrives as several `Html` events (one per line); they are read together so a
    // comment or a script spanning lines is recognised.
    let mut html_block: Option<(usize, usize)> = None;
    // For each open link, whether it is an autolink (whose end closes a skip).
    let mut autolinks: Vec<bool> = Vec::new();
    for (ev, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let (s, e) = (body_start + range.start, body_start + range.end);
        match ev {
            Event::Start(tag) => match tag {
                // An autolink's text is its target.
                Tag::CodeBlock(_)
                | Tag::Image { .. }
                | Tag::MetadataBlock(_)
                | Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => {
                    skip += 1;
                    if matches!(tag, Tag::Link { .. }) {
                        autolinks.push(true);
                    }
                }
                Tag::HtmlBlock => {
                    b.block_break();
                    html_block = None;
                }
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell => b.block_break(),
                Tag::Link { .. } => autolinks.push(false),
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough => {}
            },
            Event::End(tag) => match tag {
                TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) => {
                    skip = skip.saturating_sub(1);
                    b.block_break();
                }
                TagEnd::HtmlBlock => {
                    if let Some((hs, he)) = html_block.take() {
                        if skip == 0 {
                            html_into(text, hs, he, b);
                        }
                    }
                    b.block_break();
                }
                TagEnd::Link if autolinks.last() == Some(&true) => {
                    autolinks.pop();
                    skip = skip.saturating_sub(1);
                }
                TagEnd::Link => {
                    autolinks.pop();
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {}
                _ => b.block_break(),
            },
            Event::Text(t) if skip == 0 => b.aligned(&t, text, s, e),
            Event::SoftBreak | Event::HardBreak if skip == 0 => b.aligned("\n", text, s, e),
            Event::Html(_) => {
                html_block = Some(html_block.map_or((s, e), |(hs, _)| (hs, e)));
            }
            Event::Rule => b.block_break(),
            // Inline code and math, inline HTML (tags, comments), footnote marks, task boxes.
            _ => {}
        }
    }
}

/// Accumulates prose and its offset map.
#[derive(Default)]
struct ProseBuilder {
    prose: String,
    map: OffsetMap,
    /// A block ended: the next text starts a new block.
    pending_break: bool,
    /// White space held back at the end of the text so far: it is written only if more text of
    /// the same block follows, so blocks do not end in white space. Each entry is
    /// `(text, source_start, source_len, verbatim)`.
    pending_ws: Vec<(String, usize, usize, bool)>,
}

impl ProseBuilder {
    fn block_break(&mut self) {
        self.pending_break = true;
    }

    /// True at the start of a block, where leading white space is dropped.
    fn at_block_start(&self) -> bool {
        self.prose.is_empty() || self.pending_break
    }

    /// Writes anything pending before non-blank text.
    fn flush_before_text(&mut self) {
        if self.pending_break {
            self.pending_ws.clear();
            if !self.prose.is_empty() {
                self.prose.push_str(BLOCK_BREAK);
            }
            self.pending_break = false;
        }
        for (t, ss, sl, verbatim) in std::mem::take(&mut self.pending_ws) {
            let p = self.prose.len();
            self.prose.push_str(&t);
            if verbatim {
                self.map.push(p, ss, sl);
            } else {
                self.map.push_replaced(p, t.len(), ss, sl);
            }
        }
    }

    /// Appends `text`, which is a verbatim copy of the source at `src_start` (`verbatim`) or stands
    /// for the source range `src_start..src_start+src_len` as a whole.
    fn piece(&mut self, text: &str, src_start: usize, src_len: usize, verbatim: bool) {
        if text.is_empty() {
            return;
        }
        let blank = text.chars().all(|c| c.is_ascii_whitespace());
        if blank {
            if !self.at_block_start() {
                self.pending_ws
                    .push((text.to_string(), src_start, src_len, verbatim));
            }
            return;
        }
        if !verbatim {
            self.flush_before_text();
            let p = self.prose.len();
            self.prose.push_str(text);
            self.map.push_replaced(p, text.len(), src_start, src_len);
            return;
        }
        // Verbatim: trim ASCII white space at a block start, hold back trailing white space.
        let mut t = text;
        let mut s = src_start;
        if self.at_block_start() {
            let trimmed = t.trim_start_matches(|c: char| c.is_ascii_whitespace());
            s += t.len() - trimmed.len();
            t = trimmed;
        }
        let body = t.trim_end_matches(|c: char| c.is_ascii_whitespace());
        self.flush_before_text();
        let p = self.prose.len();
        self.prose.push_str(body);
        self.map.push(p, s, body.len());
        if body.len() < t.len() {
            self.pending_ws.push((
                t[body.len()..].to_string(),
                s + body.len(),
                t.len() - body.len(),
                true,
            ));
        }
    }

    /// Appends `text`, which the parser produced from `source[start..end]`: where they agree the
    /// prose is verbatim; where they differ (an escape, an entity) the differing middle stands
    /// for the differing source bytes.
    fn aligned(&mut self, text: &str, source: &str, start: usize, end: usize) {
        let Some(src) = source.get(start..end) else {
            return;
        };
        if text == src {
            self.piece(text, start, src.len(), true);
            return;
        }
        let prefix = common_prefix(text, src);
        let suffix = common_suffix(&text[prefix..], &src[prefix..]);
        let (tm, sm) = (text.len() - suffix, src.len() - suffix);
        self.piece(&text[..prefix], start, prefix, true);
        self.piece(&text[prefix..tm], start + prefix, sm - prefix, false);
        self.piece(&text[tm..], start + sm, suffix, true);
    }

    fn finish(self, id: String, format: Format, source: String) -> Document {
        // The prose and map grew by doubling; documents are held for the whole run, so the
        // slack (a quarter of their size on average) is given back.
        let (mut prose, mut map) = (self.prose, self.map);
        prose.shrink_to_fit();
        map.shrink_to_fit();
        Document {
            id,
            format,
            lines: LineIndex::new(&source),
            source,
            prose,
            map,
            date: None,
            date_source: None,
            group: None,
        }
    }
}

/// Length in bytes of the longest common prefix of `a` and `b` that ends on a char boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
        .min(b.len())
}

/// Length in bytes of the longest common suffix of `a` and `b` that starts on a char boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        n += x.len_utf8();
    }
    n
}

// ---------------------------------------------------------------------------------------------
// HTML

/// One piece of HTML, as the tokenizer sees it. Offsets are into the whole source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Character data `start..end`, entities not yet decoded.
    Text(usize, usize),
    /// A start tag: its name as written, the text of its attributes, whether it is `/>`-closed.
    Start {
        name: &'a str,
        attrs: &'a str,
        self_closing: bool,
    },
    /// An end tag and its name as written.
    End(&'a str),
    /// The content of a raw-text element (script, style...), `start..end`, never shown.
    Raw(usize, usize),
}

/// Elements whose content the tokenizer skips to the matching end tag without parsing it, as
/// browsers do: their text is code or is not shown.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "title",
    "textarea",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements parsed normally but whose text is not prose (counted so nested ones close right).
const HIDDEN: &[&str] = &["template", "svg", "math", "object", "select", "datalist"];

/// Elements that end a block of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "img",
    "video",
    "audio",
];

/// Elements that may appear in `<head>`; any other start tag implicitly ends the head.
const HEAD_CONTENT: &[&str] = &[
    "meta", "link", "title", "style", "script", "noscript", "base", "template",
];

fn is_one_of(name: &str, set: &[&str]) -> bool {
    set.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// A forward-only HTML tokenizer over `source[pos..end]`. Malformed markup never fails: an
/// unterminated comment or tag runs to the end, a stray `<` is text.
pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    end: usize,
    /// Set after a raw-text start tag: the next token is its content.
    raw: Option<&'static str>,
}

impl<'a> Tokenizer<'a> {
    /// Tokenizes `src[start..end]`.
    pub(crate) fn new(src: &'a str, start: usize, end: usize) -> Tokenizer<'a> {
        let end = end.min(src.len());
        Tokenizer {
            src,
            pos: start.min(end),
            end,
            raw: None,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        &self.src.as_bytes()[..self.end]
    }

    fn find_from(&self, from: usize, needle: &[u8]) -> Option<usize> {
        let hay = self.bytes().get(from..)?;
        hay.windows(needle.len())
            .position(|w| w == needle)
            .map(|i| from + i)
    }

    fn find_byte(&self, from: usize, b: u8) -> Option<usize> {
        self.bytes()
            .get(from..)?
            .iter()
            .position(|&x| x == b)
            .map(|i| from + i)
    }

    /// The end of the raw text starting at `pos`: the next `</name` followed by a delimiter.
    fn raw_end(&self, name: &str) -> usize {
        if name == "plaintext" {
            return self.end;
        }
        let bytes = self.bytes();
        let mut from = self.pos;
        while let Some(i) = self.find_from(from, b"</") {
            let n = i + 2 + name.len();
            if bytes
                .get(i + 2..n)
                .is_some_and(|s| s.eq_ignore_ascii_case(name.as_bytes()))
                && bytes
                    .get(n)
                    .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
            {
                return i;
            }
            from = i + 2;
        }
        self.end
    }

    /// Parses the tag whose `<` is at `lt` (the name starts at `lt + 1 + slash`): returns the name,
    /// the attribute text, whether it is self-closing, and the offset after `>`.
    fn tag(&self, lt: usize, slash: usize) -> (&'a str, &'a str, bool, usize) {
        let bytes = self.bytes();
        let name_start = lt + 1 + slash;
        let mut i = name_start;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'/' | b'>')
        {
            i += 1;
        }
        let name = &self.src[name_start..i];
        let attrs_start = i;
        // Attribute values in quotes may contain '>'; an unterminated quote runs to the end, as
        // in browsers (the tag is then dropped).
        let mut quote: Option<u8> = None;
        // The last byte before `i` that is not white space: a quote opens a value only after '='.
        let mut prev = 0u8;
        while i < bytes.len() {
            let c = bytes[i];
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if (c == b'"' || c == b'\'') && prev == b'=' => quote = Some(c),
                None if c == b'>' => {
                    let attrs = &self.src[attrs_start..i];
                    let self_closing = attrs.ends_with('/');
                    return (name, attrs, self_closing, i + 1);
                }
                None => {}
            }
            if !c.is_ascii_whitespace() {
                prev = c;
            }
            i += 1;
        }
        (name, &self.src[attrs_start..self.end], false, self.end)
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if self.pos >= self.end {
            return None;
        }
        if let Some(name) = self.raw.take() {
            let start = self.pos;
            let end = self.raw_end(name);
            self.pos = end;
            return Some(Token::Raw(start, end));
        }
        loop {
            if self.pos >= self.end {
                return None;
            }
            let bytes = self.bytes();
            let start = self.pos;
            if bytes[start] != b'<' {
                let end = self.find_byte(start, b'<').unwrap_or(self.end);
                self.pos = end;
                return Some(Token::Text(start, end));
            }
            let next = bytes.get(start + 1).copied();
            match next {
                Some(b'!') => {
                    self.pos = if bytes[start..].starts_with(b"<!--") {
                        // An unterminated comment runs to the end. "<!-->" is an empty comment.
                        if bytes[start..].starts_with(b"<!-->") {
                            start + 5
                        } else if bytes[start..].starts_with(b"<!--->") {
                            start + 6
                        } else {
                            self.find_from(start + 4, b"-->")
                                .map_or(self.end, |i| i + 3)
                        }
                    } else {
                        self.find_byte(start, b'>').map_or(self.end, |i| i + 1)
                    };
                }
                Some(b'?') => {
                    self.pos = self.find_byte(start, b'>').map_or(self.end, |i| i + 1);
                }
                Some(b'/') => match bytes.get(start + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let (name, _, _, after) = self.tag(start, 1);
                        self.pos = after;
                        return Some(Token::End(name));
                    }
                    // "</>" is dropped; "</ x>" and the like are bogus comments.
                    Some(_) => self.pos = self.find_byte(start, b'>').map_or(self.end, |i| i + 1),
                    None => {
                        self.pos = self.end;
                        return Some(Token::Text(start, self.end));
                    }
                },
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, attrs, self_closing, after) = self.tag(start, 0);
                    self.pos = after;
                    if !self_closing {
                        self.raw = RAW_TEXT
                            .iter()
                            .find(|r| r.eq_ignore_ascii_case(name))
                            .copied();
                    }
                    return Some(Token::Start {
                        name,
                        attrs,
                        self_closing,
                    });
                }
                _ => {
                    // A '<' that opens no tag is text; it runs to the next '<'.
                    let end = self.find_byte(start + 1, b'<').unwrap_or(self.end);
                    self.pos = end;
                    return Some(Token::Text(start, end));
                }
            }
        }
    }
}

/// The value of attribute `name` (case-insensitive) in a tag's attribute text, with entities
/// left as written. Returns `Some("")` for an attribute without a value.
#[allow(dead_code)] // used by the document-date reader
pub(crate) fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/' | b'>') {
            i += 1;
        }
        let key = &attrs[ns..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| vs + p);
                value = &attrs[vs..ve];
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = &attrs[vs..i];
            }
        }
        if !key.is_empty() && key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        if i == ns {
            i += 1;
        }
    }
    None
}

/// Elements that have no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// True for the attributes of an element that is not rendered: `hidden`, or an inline style
/// with `display: none`.
fn hidden_by_attrs(attrs: &str) -> bool {
    if attr(attrs, "hidden").is_some() {
        return true;
    }
    attr(attrs, "style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none")
    })
}

/// Where the tokenizer is, in terms of what is shown: inside the head, inside hidden elements.
///
/// There is no element stack (so no cost for deep nesting): hidden elements are counted, and an
/// element hidden by its attributes is followed by counting open and close tags of its name.
#[derive(Default)]
pub(crate) struct Visibility {
    in_head: bool,
    hidden: usize,
    /// The outermost element hidden by its attributes: its name and how many of that name are
    /// open inside it, itself included.
    hidden_attr: Option<(String, usize)>,
}

impl Visibility {
    /// Updates the state for `tok`; returns true when the token's text (if any) is shown.
    /// `text` is the token's source text for a `Text` token.
    pub(crate) fn update(&mut self, tok: &Token<'_>, text: &str) -> bool {
        match *tok {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                if name.eq_ignore_ascii_case("head") {
                    self.in_head = true;
                } else if self.in_head && !is_one_of(name, HEAD_CONTENT) {
                    self.in_head = false;
                }
                if !self_closing && is_one_of(name, HIDDEN) {
                    self.hidden += 1;
                }
                let void = self_closing || is_one_of(name, VOID) || is_one_of(name, RAW_TEXT);
                match &mut self.hidden_attr {
                    Some((n, open)) if !void && n.eq_ignore_ascii_case(name) => *open += 1,
                    Some(_) => {}
                    None if !void && hidden_by_attrs(attrs) => {
                        self.hidden_attr = Some((name.to_ascii_lowercase(), 1));
                    }
                    None => {}
                }
                false
            }
            Token::End(name) => {
                if name.eq_ignore_ascii_case("head") {
                    self.in_head = false;
                }
                if let Some((n, open)) = &mut self.hidden_attr {
                    if n.eq_ignore_ascii_case(name) {
                        *open -= 1;
                        if *open == 0 {
                            self.hidden_attr = None;
                        }
                    }
                }
                if is_one_of(name, HIDDEN) {
                    self.hidden = self.hidden.saturating_sub(1);
                }
                false
            }
            Token::Raw(..) => false,
            Token::Text(..) => {
                // Text that is not white space ends an unclosed head, as in browsers.
                if self.in_head && !text.trim().is_empty() {
                    self.in_head = false;
                }
                !self.in_head && self.hidden == 0 && self.hidden_attr.is_none()
            }
        }
    }
}

fn html_into(src: &str, start: usize, end: usize, b: &mut ProseBuilder) {
    let mut vis = Visibility::default();
    for tok in Tokenizer::new(src, start, end) {
        let text = match tok {
            Token::Text(s, e) => &src[s..e],
            _ => "",
        };
        let shown = vis.update(&tok, text);
        match tok {
            Token::Start { name, .. } | Token::End(name)
                if is_one_of(name, BLOCKS)
                    || is_one_of(name, RAW_TEXT)
                    || is_one_of(name, HIDDEN) =>
            {
                b.block_break();
            }
            Token::Text(s, e) if shown => decode_into(src, s, e, b),
            _ => {}
        }
    }
    b.block_break();
}

/// Appends `src[start..end]` with character references decoded; each decoded reference stands
/// for the whole reference in the source.
fn decode_into(src: &str, start: usize, end: usize, b: &mut ProseBuilder) {
    let bytes = src.as_bytes();
    let mut run = start;
    let mut i = start;
    while i < end {
        if bytes[i] == b'&' {
            if let Some((ch, len)) = entity(&src[i..end]) {
                b.piece(&src[run..i], run, i - run, true);
                let mut buf = [0u8; 4];
                b.piece(ch.encode_utf8(&mut buf), i, len, false);
                i += len;
                run = i;
                continue;
            }
        }
        i += 1;
    }
    b.piece(&src[run..end], run, end - run, true);
}

/// Decodes the character reference opening `s` (which starts with '&'): the character and the
/// reference's length in bytes. `None` when `s` opens no reference (the '&' is then literal).
pub(crate) fn entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let mut i = digits_start;
        while i < b.len() && i - digits_start < 8 {
            let ok = if hex {
                b[i].is_ascii_hexdigit()
            } else {
                b[i].is_ascii_digit()
            };
            if !ok {
                break;
            }
            i += 1;
        }
        if i == digits_start {
            return None;
        }
        let n = u32::from_str_radix(&s[digits_start..i], if hex { 16 } else { 10 }).ok()?;
        let len = if b.get(i) == Some(&b';') { i + 1 } else { i };
        return Some((numeric_char(n), len));
    }
    let mut i = 1;
    while i < b.len() && i <= 32 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name = &s[1..i];
    if name.is_empty() {
        return None;
    }
    if b.get(i) == Some(&b';') {
        if let Some(ch) = named_entity(name) {
            return Some((ch, i + 1));
        }
    }
    // Legacy references that browsers decode without ';', even before more letters ("&ampx").
    ["amp", "lt", "gt", "quot", "nbsp"]
        .iter()
        .find(|l| name.starts_with(**l))
        .and_then(|l| Some((named_entity(l)?, 1 + l.len())))
}

/// A numeric reference's character, with the HTML fix-ups: C1 controls read as Windows-1252
/// (`&#146;` is a right quote), invalid code points become U+FFFD.
fn numeric_char(n: u32) -> char {
    const CP1252: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    match n {
        0x80..=0x9f => CP1252[(n - 0x80) as usize],
        0 => '\u{fffd}',
        _ => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

/// Latin-1 named references, U+00A0 to U+00FF in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other named references met in news text: punctuation, typography, currency, arithmetic.
const OTHER_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("OElig", '\u{152}'),
    ("oelig", '\u{153}'),
    ("Scaron", '\u{160}'),
    ("scaron", '\u{161}'),
    ("Yuml", '\u{178}'),
    ("Zcaron", '\u{17d}'),
    ("zcaron", '\u{17e}'),
    ("fnof", '\u{192}'),
    ("circ", '\u{2c6}'),
    ("tilde", '\u{2dc}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("hairsp", '\u{200a}'),
    ("numsp", '\u{2007}'),
    ("puncsp", '\u{2008}'),
    ("NoBreak", '\u{2060}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("hyphen", '\u{2010}'),
    ("dash", '\u{2010}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("horbar", '\u{2015}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("rsquor", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("rdquor", '\u{201d}'),
    ("bdquo", '\u{201e}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("bull", '\u{2022}'),
    ("bullet", '\u{2022}'),
    ("hellip", '\u{2026}'),
    ("mldr", '\u{2026}'),
    ("permil", '\u{2030}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203a}'),
    ("oline", '\u{203e}'),
    ("frasl", '\u{2044}'),
    ("euro", '\u{20ac}'),
    ("inr", '\u{20b9}'),
    ("trade", '\u{2122}'),
    ("TRADE", '\u{2122}'),
    ("COPY", '\u{a9}'),
    ("REG", '\u{ae}'),
    ("AMP", '&'),
    ("LT", '<'),
    ("GT", '>'),
    ("QUOT", '"'),
    ("half", '\u{bd}'),
    ("frac13", '\u{2153}'),
    ("frac23", '\u{2154}'),
    ("frac15", '\u{2155}'),
    ("frac18", '\u{215b}'),
    ("larr", '\u{2190}'),
    ("uarr", '\u{2191}'),
    ("rarr", '\u{2192}'),
    ("darr", '\u{2193}'),
    ("harr", '\u{2194}'),
    ("minus", '\u{2212}'),
    ("mnplus", '\u{2213}'),
    ("lowast", '\u{2217}'),
    ("radic", '\u{221a}'),
    ("prop", '\u{221d}'),
    ("infin", '\u{221e}'),
    ("sim", '\u{223c}'),
    ("asymp", '\u{2248}'),
    ("approx", '\u{2248}'),
    ("ne", '\u{2260}'),
    ("equiv", '\u{2261}'),
    ("le", '\u{2264}'),
    ("ge", '\u{2265}'),
    ("leq", '\u{2264}'),
    ("geq", '\u{2265}'),
    ("sum", '\u{2211}'),
    ("percnt", '%'),
    ("dollar", '$'),
    ("comma", ','),
    ("period", '.'),
    ("colon", ':'),
    ("semi", ';'),
    ("num", '#'),
    ("plus", '+'),
    ("equals", '='),
    ("sol", '/'),
    ("bsol", '\\'),
    ("ast", '*'),
    ("commat", '@'),
    ("excl", '!'),
    ("quest", '?'),
    ("lpar", '('),
    ("rpar", ')'),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("lowbar", '_'),
    ("verbar", '|'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("nbsp", '\u{a0}'),
    ("NonBreakingSpace", '\u{a0}'),
    ("alpha", '\u{3b1}'),
    ("beta", '\u{3b2}'),
    ("gamma", '\u{3b3}'),
    ("delta", '\u{3b4}'),
    ("Delta", '\u{394}'),
    ("mu", '\u{3bc}'),
    ("pi", '\u{3c0}'),
    ("sigma", '\u{3c3}'),
    ("Omega", '\u{3a9}'),
    ("omega", '\u{3c9}'),
];

fn named_entity(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xa0 + i as u32);
    }
    OTHER_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_map_back(doc: &Document) {
        for (i, w) in doc.prose.split_whitespace().enumerate() {
            let _ = i;
            let start = w.as_ptr() as usize - doc.prose.as_ptr() as usize;
            let span = doc.to_source(start, start + w.len());
            assert!(doc.source.is_char_boundary(span.start));
            assert!(doc.source.is_char_boundary(span.end));
        }
    }

    #[test]
    fn front_matter_needs_a_key_and_a_close() {
        assert!(front_matter("---\ndate: 2025-10-22\n---\nbody").is_some());
        assert!(front_matter("---\n\nSome text\n---\n").is_none());
        assert!(front_matter("---\ndate: 2025-10-22\n").is_none());
        let f = front_matter("\u{feff}+++\ndate = 2025-10-22\n+++\r\nx").unwrap();
        assert!(f.toml);
    }

    #[test]
    fn markdown_basic() {
        let d = markdown(
            "t".into(),
            "# Title\n\nSome *emph* and [link](http://x.y) `code`.\n".into(),
        );
        assert_eq!(d.prose, "Title\n\nSome emph and link .");
        words_map_back(&d);
    }

    #[test]
    fn html_basic() {
        let d = html(
            "t".into(),
            "<html><head><title>T</title></head><body><p>A &amp; B</p><p>C</p></body>".into(),
        );
        assert_eq!(d.prose, "A & B\n\nC");
        let amp = d.prose.find('&').unwrap();
        assert_eq!(d.text(d.to_source(amp, amp + 1)), "&amp;");
    }

    #[test]
    fn entities() {
        assert_eq!(entity("&amp;x"), Some(('&', 5)));
        assert_eq!(entity("&#8217;"), Some(('\u{2019}', 7)));
        assert_eq!(entity("&#x2014;"), Some(('\u{2014}', 8)));
        assert_eq!(entity("&#146;"), Some(('\u{2019}', 6)));
        assert_eq!(entity("&euro;"), Some(('\u{20ac}', 6)));
        assert_eq!(entity("&eacute;"), Some(('\u{e9}', 8)));
        assert_eq!(entity("&ampx"), Some(('&', 4)));
        assert_eq!(entity("&foo;"), None);
        assert_eq!(entity("& "), None);
        assert_eq!(entity("&#;"), None);
        assert_eq!(entity("&copy"), None);
        assert_eq!(entity("&nbsp"), Some(('\u{a0}', 5)));
    }

    #[test]
    fn attrs() {
        let a = r#" name="date" content='2025-10-14' data-x=y checked"#;
        assert_eq!(attr(a, "NAME"), Some("date"));
        assert_eq!(attr(a, "content"), Some("2025-10-14"));
        assert_eq!(attr(a, "data-x"), Some("y"));
        assert_eq!(attr(a, "checked"), Some(""));
        assert_eq!(attr(a, "missing"), None);
    }
}
