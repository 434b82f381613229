//! Extraction never panics on arbitrary text, and every claim's span lies on char boundaries
//! of the text it was read from.
#![no_main]

use crosscheck::extract::{extract_text, Context};
use crosscheck::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = crosscheck::input::decode_exact(data);
    let ctx = Context {
        date: "2025-10-21".parse().ok(),
        lexicon: Lexicon::builtin(),
    };
    for c in extract_text(&text, &ctx) {
        assert!(c.span.start < c.span.end && c.span.end <= text.len());
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
    }
});
