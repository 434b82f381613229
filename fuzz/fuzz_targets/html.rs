//! The HTML loader never panics, and every prose span maps to a source span on char
//! boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = crosscheck::input::decode_exact(data);
    let doc = crosscheck::input::markup::html("fuzz.html".into(), text);
    check(&doc);
    let _ = crosscheck::input::docdate::find(&doc);
});

fn check(doc: &crosscheck::document::Document) {
    let bounds: Vec<usize> = doc.prose.char_indices().map(|(i, _)| i).collect();
    for w in bounds.windows(2) {
        let span = doc.to_source(w[0], w[1]);
        assert!(span.end <= doc.source.len());
        assert!(doc.source.is_char_boundary(span.start) && doc.source.is_char_boundary(span.end));
    }
}
