//! Markdown and HTML loaders: the prose of a marked-up document, mapped back to its source.
//! (Being written: for now the source is read as plain text.)

use crate::document::Document;

/// A Markdown document: prose without markup, code blocks, link targets or front matter.
#[must_use]
pub fn markdown(id: String, text: String) -> Document {
    let mut d = Document::plain(id, text);
    d.format = crate::document::Format::Markdown;
    d
}

/// An HTML document: visible text only (no script, style or tags), entities decoded.
#[must_use]
pub fn html(id: String, text: String) -> Document {
    let mut d = Document::plain(id, text);
    d.format = crate::document::Format::Html;
    d
}
