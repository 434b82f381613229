//! Finding a document's own date: front matter, HTML meta or `<time datetime>`, a dateline.
//! (Being written.)

use jiff::civil::Date;

use crate::document::Document;

/// The document's date and where it was found, if it states one.
#[must_use]
pub fn find(_doc: &Document) -> Option<(Date, &'static str)> {
    None
}
