//! Extraction on arbitrary input: it never panics, and every claim's span lies on char
//! boundaries of the text, is non-empty, and is reported in order.

use crosscheck::document::Document;
use crosscheck::extract::{extract_document, extract_text, Context};
use crosscheck::lexicon::Lexicon;
use proptest::prelude::*;

/// Pieces of news-like text, so that random strings exercise the extractors' paths and not only
/// their "no digits here" fast exits.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("$".to_string()),
        Just("€".to_string()),
        Just("%".to_string()),
        Just(" per cent".to_string()),
        Just(" million".to_string()),
        Just(" to ".to_string()),
        Just(" from ".to_string()),
        Just(" between ".to_string()),
        Just(" up ".to_string()),
        Just("rose ".to_string()),
        Just("doubled".to_string()),
        Just(" percentage points".to_string()),
        Just("-capacity ".to_string()),
        Just("March ".to_string()),
        Just("last year".to_string()),
        Just(" 2019".to_string()),
        Just(" years".to_string()),
        Just("Q3".to_string()),
        Just("–".to_string()),
        Just("½".to_string()),
        "[0-9]{1,6}",
        "[0-9]{1,3}(,[0-9]{3}){0,2}(\\.[0-9]{1,2})?",
        "[a-zé ]{0,8}",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let ctx = Context {
        date: Some("2025-10-21".parse().unwrap()),
        lexicon: Lexicon::builtin(),
    };
    let claims = extract_text(text, &ctx);
    for c in &claims {
        assert!(
            c.span.start < c.span.end,
            "empty span {:?} in {text:?}",
            c.span
        );
        assert!(
            c.span.end <= text.len(),
            "span {:?} past the end of {text:?}",
            c.span
        );
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        let _ = &text[c.span.start..c.span.end];
    }
    for w in claims.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start,
            "claims out of order in {text:?}"
        );
    }
    let mut doc = Document::plain("p.txt", text.to_string());
    doc.date = ctx.date;
    for c in extract_document(&doc, 0, ctx.lexicon) {
        assert!(
            doc.source.is_char_boundary(c.span.start) && doc.source.is_char_boundary(c.span.end)
        );
        assert_eq!(doc.text(c.span), &text[c.prose.start..c.prose.end]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn news_like_text_spans_are_exact(text in newsy()) {
        check(&text);
    }
}

#[test]
fn awkward_inputs() {
    for text in [
        "",
        "%",
        "$",
        "€€€ 1,,,000.. %% to -",
        "1e309 1e-400 99999999999999999999999999999999 percent",
        "rose from  to ",
        "ﬁ𝟙𝟚 ٣٤ 五百 ½ ⅓ – — 7.2 % ",
        "between and from to 12-",
    ] {
        check(text);
    }
}
