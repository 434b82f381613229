//! Loaders and input handling: prose content, exact offsets back into the source, document
//! dates, and the error paths of reading files and JSON Lines.

use std::path::{Path, PathBuf};

use crosscheck::document::{Document, Format};
use crosscheck::input::{self, docdate, markup, LoadOptions};
use jiff::civil::Date;
use proptest::prelude::*;

fn md(text: &str) -> Document {
    markup::markdown("t.md".into(), text.into())
}

fn html(text: &str) -> Document {
    markup::html("t.html".into(), text.into())
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// The source text behind the `n`th occurrence of `needle` in the prose.
fn source_of<'a>(doc: &'a Document, needle: &str) -> &'a str {
    let start = doc
        .prose
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in prose {:?}", doc.prose));
    doc.text(doc.to_source(start, start + needle.len()))
}

/// Every prose word that lies within one verbatim stretch maps back to itself; a word that
/// holds a decoded character maps to its source form, which decodes to it.
fn assert_words_map_back(doc: &Document) {
    for w in doc.prose.split_whitespace() {
        let start = w.as_ptr() as usize - doc.prose.as_ptr() as usize;
        let span = doc.to_source(start, start + w.len());
        assert!(doc.source.is_char_boundary(span.start));
        assert!(doc.source.is_char_boundary(span.end));
        let src = doc.text(span);
        if doc.format == Format::Html && src.contains('&') {
            let again = html(src);
            assert_eq!(again.prose, w, "{src:?} does not decode to {w:?}");
        } else if !src.contains(['`', '*', '_', '[', '<', '\\', '&']) {
            assert_eq!(src, w, "word {w:?} maps to {src:?}");
        }
    }
}

// --- Markdown ---------------------------------------------------------------------------------

const MARKDOWN: &str = r#"---
title: "A story: with a colon"
date: "2025-10-22T09:30:00Z"
---

# Flood defences cost **€610 million**

The council said *on Tuesday* that [the new barrier](https://example.org/barrier-2019) cost
about 3.8 TB of paperwork and `SELECT 1400` meetings.

<!-- editor: the 2019 figure is wrong, check -->

```
let secret = 99999;
```

- First item: 42 pumps
- Second item, with Zürich’s 7 gates

> A quoted line with 12 boats.

![chart of 555 values](chart.png)

Escaped \*stars\* and AT&amp;T and 5&nbsp;km.
"#;

#[test]
fn markdown_prose_is_what_a_reader_sees() {
    let d = md(MARKDOWN);
    assert_eq!(d.format, Format::Markdown);
    let p = &d.prose;
    assert!(p.starts_with("Flood defences cost €610 million\n\nThe council said on Tuesday"));
    assert!(p.contains("the new barrier cost\nabout 3.8 TB"));
    assert!(p.contains("First item: 42 pumps\n\nSecond item, with Zürich’s 7 gates"));
    assert!(p.contains("A quoted line with 12 boats."));
    assert!(p.contains("Escaped *stars* and AT&T and 5\u{a0}km."));
    for absent in [
        "title", "2025", "https", "2019", "SELECT", "1400", "editor", "secret", "99999", "555",
        "chart", "**", "```",
    ] {
        assert!(
            !p.contains(absent),
            "{absent:?} should not be in prose {p:?}"
        );
    }
}

#[test]
fn markdown_blocks_are_separated_by_blank_lines() {
    let d = md("# Head\nPara one\nstill one.\n\n* a\n* b\n\n> q\n");
    assert_eq!(d.prose, "Head\n\nPara one\nstill one.\n\na\n\nb\n\nq");
}

#[test]
fn markdown_offsets_land_on_source_bytes() {
    let d = md(MARKDOWN);
    for w in [
        "€610 million",
        "on Tuesday",
        "the new barrier",
        "3.8 TB",
        "Zürich’s 7 gates",
        "12 boats",
        "42 pumps",
    ] {
        assert_eq!(source_of(&d, w), w);
    }
    // Decoded and unescaped text maps to the whole of what it stands for.
    assert_eq!(source_of(&d, "AT&T"), "AT&amp;T");
    assert_eq!(source_of(&d, "5\u{a0}km"), "5&nbsp;km");
    // pulldown-cmark reports an escaped character at its own byte, after the backslash.
    assert_eq!(source_of(&d, "*stars*"), "*stars\\*");
    // A span over skipped markup covers it in the source.
    assert_eq!(source_of(&d, "cost €610"), "cost **€610");
    assert_words_map_back(&d);
}

#[test]
fn markdown_crlf_and_bom() {
    let d = md("\u{feff}---\r\ndate: 2025-01-02\r\n---\r\n# T\r\n\r\nSome 5 words\r\nhere.\r\n");
    assert_eq!(d.prose, "T\n\nSome 5 words\nhere.");
    assert_eq!(source_of(&d, "5 words"), "5 words");
    assert_eq!(
        docdate::find(&d),
        Some((date("2025-01-02"), "front matter"))
    );
    assert_words_map_back(&d);
}

#[test]
fn markdown_html_blocks_are_read_as_html() {
    let d =
        md("Intro.\n\n<div>\nInside &amp; out 7\n<script>var x = 1;</script>\n</div>\n\nEnd.\n");
    assert!(d.prose.contains("Inside & out 7"), "{:?}", d.prose);
    assert!(!d.prose.contains("var x"));
    assert_eq!(source_of(&d, "Inside & out"), "Inside &amp; out");
}

#[test]
fn markdown_tables_keep_cells_apart() {
    let d = md("| Year | Count |\n|---|---|\n| 2024 | 1,400 |\n");
    assert!(d.prose.contains("2024\n\n1,400"), "{:?}", d.prose);
    assert_eq!(source_of(&d, "1,400"), "1,400");
}

#[test]
fn markdown_without_front_matter_keeps_a_leading_rule() {
    let d = md("---\n\nText 5.\n\n---\n\nMore.\n");
    assert!(d.prose.contains("Text 5."));
    assert!(d.prose.contains("More."));
}

// --- HTML -------------------------------------------------------------------------------------

const HTML: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Title words 111</title>
<style>p { color: red; } /* 222 */</style>
<script>var n = 333; if (a < b && c > d) {}</script>
</head>
<body>
<noscript>Enable 444 scripts</noscript>
<template><p>Template 555</p></template>
<svg width="10"><text>SVG 666</text></svg>
<article>
<h1>Stadium cost rises to &euro;610&nbsp;million</h1>
<p class="byline">By A. Writer</p>
<p>The council&#8217;s vote &mdash; 31 to 9 &mdash; came after <a href="https://x.org/777">the report</a> on <b>Tuesday</b>.<br>New line 8 after br.</p>
<!-- hidden 888 comment -->
<ul><li>One 1</li><li>Two 2</li></ul>
<table><tr><td>Zürich</td><td>4,200 seats</td></tr></table>
<div>Caf&eacute; prices &amp; AT&amp;T, 5 &lt; 6, &#x2014; done &unknown; &copy 2025</div>
</article>
</body></html>"#;

#[test]
fn html_prose_is_visible_text() {
    let d = html(HTML);
    assert_eq!(d.format, Format::Html);
    let p = &d.prose;
    assert!(p.starts_with("Stadium cost rises to €610\u{a0}million\n\nBy A. Writer\n\n"));
    assert!(p.contains(
        "The council’s vote — 31 to 9 — came after the report on Tuesday.\n\nNew line 8"
    ));
    assert!(p.contains("One 1\n\nTwo 2"));
    assert!(p.contains("Zürich\n\n4,200 seats"));
    assert!(p.contains("Café prices & AT&T, 5 < 6, — done &unknown; &copy 2025"));
    for absent in [
        "111",
        "222",
        "333",
        "444",
        "555",
        "666",
        "777",
        "888",
        "color",
        "charset",
        "<",
        "href",
        "Title words",
    ] {
        if absent == "<" {
            assert_eq!(p.matches('<').count(), 1, "only the decoded &lt; in {p:?}");
            continue;
        }
        assert!(
            !p.contains(absent),
            "{absent:?} should not be in prose {p:?}"
        );
    }
}

#[test]
fn html_offsets_land_on_source_bytes() {
    let d = html(HTML);
    assert_eq!(source_of(&d, "€610"), "&euro;610");
    assert_eq!(source_of(&d, "€610\u{a0}million"), "&euro;610&nbsp;million");
    assert_eq!(source_of(&d, "council’s"), "council&#8217;s");
    assert_eq!(source_of(&d, "31 to 9"), "31 to 9");
    assert_eq!(source_of(&d, "the report"), "the report");
    assert_eq!(source_of(&d, "on Tuesday"), "on <b>Tuesday");
    assert_eq!(source_of(&d, "Zürich"), "Zürich");
    assert_eq!(source_of(&d, "4,200 seats"), "4,200 seats");
    assert_eq!(source_of(&d, "Café"), "Caf&eacute;");
    assert_eq!(source_of(&d, "AT&T"), "AT&amp;T");
    // A span starting or ending on a decoded character covers the whole reference.
    let amp = d.prose.find("& AT").unwrap();
    assert_eq!(d.text(d.to_source(amp, amp + 1)), "&amp;");
    assert_words_map_back(&d);
}

#[test]
fn html_whitespace_and_inline_elements() {
    let d = html("<p>\n   Hello <em>big</em>\n   world  </p>\n\n<p>  Next</p>");
    assert_eq!(d.prose, "Hello big\n   world\n\nNext");
    let d = html("<span>ab</span><span>cd</span>");
    assert_eq!(d.prose, "abcd");
    assert_eq!(source_of(&d, "abcd"), "ab</span><span>cd");
}

#[test]
fn html_hidden_elements_are_skipped() {
    let d = html(
        "<div hidden><div>gone 1</div><p>gone 2</p></div><p>shown 3</p>\
         <span style=\"display: none\">gone 4</span><input hidden><p>shown 5</p>",
    );
    assert_eq!(d.prose, "shown 3\n\nshown 5");
}

#[test]
fn markdown_autolinks_are_targets() {
    let d = md("See <https://example.org/2019> and <a@b.org> for 5 more.\n");
    assert_eq!(d.prose, "See  and  for 5 more.");
}

#[test]
fn html_head_without_close_and_text_without_body() {
    let d = html("<html><head><title>x</title><p>Body 1</p>");
    assert_eq!(d.prose, "Body 1");
    let d = html("plain text 5 &amp; 6");
    assert_eq!(d.prose, "plain text 5 & 6");
}

#[test]
fn html_malformed_never_panics() {
    for s in [
        "",
        "<",
        "<<<>>>",
        "</",
        "</>",
        "<!--",
        "<!-- x",
        "<!---->after",
        "<!-->after",
        "<p class=\"unterminated>text",
        "<p a='1>2'>quoted gt</p>",
        "<a href=x>link</a",
        "&",
        "&#",
        "&#x",
        "&#xZZ;",
        "&#99999999999;",
        "&#0;",
        "&#xD800;",
        "<script>never closed",
        "<style></styl",
        "<svg><svg></svg>still hidden",
        "</svg></template>shown",
        "<plaintext><b>raw",
        "a < b and c > d",
        "<1>2</1>",
        "<?xml version='1.0'?><p>x</p>",
        "<![CDATA[ x ]]>y",
        "\u{feff}<p>bom</p>",
        "<p>Zürich\u{0}€</p>",
    ] {
        let d = html(s);
        assert_words_map_back(&d);
    }
    assert_eq!(html("a < b and c > d").prose, "a < b and c > d");
    assert_eq!(html("<p a='1>2'>quoted gt</p>").prose, "quoted gt");
    assert_eq!(html("<!---->after").prose, "after");
    assert_eq!(html("</svg></template>shown").prose, "shown");
    assert_eq!(html("&#0;").prose, "\u{fffd}");
}

#[test]
fn html_deep_nesting_is_linear() {
    let n = 100_000;
    let mut s = "<div>".repeat(n);
    s.push_str("deep 7");
    s.push_str(&"</div>".repeat(n));
    let t = std::time::Instant::now();
    let d = html(&s);
    assert_eq!(d.prose, "deep 7");
    assert_eq!(source_of(&d, "deep 7"), "deep 7");
    // Generous: a quadratic loader takes minutes here; a linear one milliseconds (debug build).
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    // Many unclosed tags and comment openers.
    let s = "<b <i x=\"".repeat(20_000) + &"<!--".repeat(20_000) + &"&amp".repeat(20_000);
    let _ = html(&s);
    let s = "<svg>".repeat(50_000) + "x" + &"<p>".repeat(50_000);
    assert_eq!(html(&s).prose, "");
}

// --- Document dates -------------------------------------------------------------------------

fn found(d: &Document) -> Option<(Date, &'static str)> {
    docdate::find(d)
}

#[test]
fn dates_from_front_matter() {
    for fm in [
        "date: 2025-10-22",
        "date: \"2025-10-22\"",
        "date: '2025-10-22'",
        "date: 2025-10-22T10:00:00+02:00",
        "date: 2025-10-22 10:00",
        "Date: 2025-10-22",
        "published: 2025-10-22",
    ] {
        let d = md(&format!(
            "---\ntitle: x\n{fm}\n---\n\nBody on May 2, 2024.\n"
        ));
        assert_eq!(
            found(&d),
            Some((date("2025-10-22"), "front matter")),
            "{fm}"
        );
    }
    let d = md("+++\ndate = 2025-10-22\n+++\nBody.\n");
    assert_eq!(found(&d), Some((date("2025-10-22"), "front matter")));
    let d = md("---\ntitle: no date\n---\n\nBody on May 2, 2024.\n");
    assert_eq!(found(&d), None);
}

#[test]
fn dates_from_html_metadata() {
    let d = html(
        r#"<head><meta name="date" content="2025-10-14"></head><body><p>On <time datetime="2025-01-01">Jan 1</time>.</p></body>"#,
    );
    assert_eq!(found(&d), Some((date("2025-10-14"), "html meta")));
    let d = html(
        r#"<head><meta property="article:published_time" content="2025-10-14T08:00:00Z"></head><p>x</p>"#,
    );
    assert_eq!(found(&d), Some((date("2025-10-14"), "html meta")));
    let d = html(
        r#"<head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-10-15T08:00:00Z"}</script></head><p>x</p>"#,
    );
    assert_eq!(found(&d), Some((date("2025-10-15"), "json-ld")));
    let d = html(
        r#"<form><input name="date" content="2020-01-01"></form><p>x <span itemprop="datePublished" content="2025-10-16">Oct 16</span></p>"#,
    );
    assert_eq!(found(&d), Some((date("2025-10-16"), "html meta")));
    let d = html(
        r#"<h1>Headline</h1><p class="byline">By X · <time datetime="2025-10-24">October 24, 2025</time></p><p>Body <time datetime="2025-01-01">then</time>.</p>"#,
    );
    assert_eq!(found(&d), Some((date("2025-10-24"), "html time")));
}

#[test]
fn html_time_deep_in_the_body_is_not_the_document_date() {
    let body = "<p>A long paragraph of the body that goes on and on about events. ".repeat(10);
    let d = html(&format!(
        "<h1>Headline</h1>{body}<p>Talks resumed on <time datetime=\"2025-01-01\">Jan 1</time>.</p>"
    ));
    assert_eq!(found(&d), None);
}

#[test]
fn dates_from_datelines() {
    for (text, want) in [
        ("KESTON, Oct. 21, 2025 — Tollbury said 5.", "2025-10-21"),
        (
            "VELMONT, April 16, 2025 — More than 31 children.",
            "2025-04-16",
        ),
        ("May 2, 2025 — A total of 13 runners.", "2025-05-02"),
        ("Nov. 14, 2024 - The council said.", "2024-11-14"),
        (
            "WASHINGTON, Oct. 3, 2025 (Reuters) - The agency said.",
            "2025-10-03",
        ),
        (
            "Headline without a date\n\nSEPT. 16, 2025 — Enrolment rose.",
            "2025-09-16",
        ),
    ] {
        let d = Document::plain("a.txt", text.into());
        assert_eq!(found(&d), Some((date(want), "dateline")), "{text}");
    }
    let d = md("# Headline\n\nKESTON, Oct. 21, 2025 — Text.\n");
    assert_eq!(found(&d), Some((date("2025-10-21"), "dateline")));
    let d = html("<h1>Headline</h1><p>Published 9 October 2025</p><p>Body.</p>");
    assert_eq!(found(&d), Some((date("2025-10-09"), "byline")));
}

#[test]
fn no_date_from_a_body_sentence() {
    for text in [
        "The council met on Oct. 21, 2025 — and agreed to spend 5 million.",
        "Officials said the campaign, launched on March 3, 2025, reached 60,000 children.\n\nMay 2, 2025 — later.",
        "WASHINGTON (Reuters) - The agency said on Oct. 3, 2025 that it would act.",
        "",
    ] {
        let d = Document::plain("a.txt", text.into());
        assert_eq!(found(&d), None, "{text}");
    }
}

#[test]
fn build_document_prefers_own_date_then_as_of() {
    let opts = LoadOptions {
        as_of: Some(date("2020-01-01")),
        ..LoadOptions::default()
    };
    let d = input::build_document(
        "a".into(),
        Format::Text,
        "KESTON, Oct. 21, 2025 — x".into(),
        None,
        &opts,
    );
    assert_eq!(
        (d.date, d.date_source),
        (Some(date("2025-10-21")), Some("dateline"))
    );
    let d = input::build_document("a".into(), Format::Text, "x".into(), None, &opts);
    assert_eq!(
        (d.date, d.date_source),
        (Some(date("2020-01-01")), Some("--as-of"))
    );
}

// --- Files and errors -------------------------------------------------------------------------

fn load(paths: &[PathBuf]) -> input::Loaded {
    input::load_paths(paths, &LoadOptions::default())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn a_directory_loads_each_format_with_its_date() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "KESTON, Oct. 21, 2025 — Text 1.".as_bytes(),
    );
    write(
        dir.path(),
        "b.md",
        b"---\ndate: 2025-10-22\n---\n# T\n\nText 2.\n",
    );
    write(
        dir.path(),
        "c.html",
        br#"<meta name="date" content="2025-10-23"><p>Text 3.</p>"#,
    );
    write(dir.path(), "ignored.json", b"{}");
    let l = load(&[dir.path().to_path_buf()]);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let got: Vec<_> = l
        .documents
        .iter()
        .map(|d| (d.format, d.date.map(|d| d.to_string()), d.prose.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Format::Text,
                Some("2025-10-21".into()),
                "KESTON, Oct. 21, 2025 — Text 1.".into()
            ),
            (
                Format::Markdown,
                Some("2025-10-22".into()),
                "T\n\nText 2.".into()
            ),
            (Format::Html, Some("2025-10-23".into()), "Text 3.".into()),
        ]
    );
}

#[test]
fn missing_paths_are_reported_and_the_rest_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", b"Fine 1.");
    let missing = dir.path().join("missing.txt");
    let l = load(&[missing.clone(), good]);
    assert_eq!(l.documents.len(), 1);
    assert_eq!(l.errors.len(), 1);
    let e = &l.errors[0];
    assert_eq!(e.path, missing.display().to_string());
    assert!(e.message.contains("no such file"), "{}", e.message);
    assert!(e.fatal);
}

#[cfg(unix)]
#[test]
fn broken_symlinks_and_loops_are_reported() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", b"# Fine\n");
    let broken = dir.path().join("broken.txt");
    symlink(dir.path().join("nowhere.txt"), &broken).unwrap();
    let looped = dir.path().join("loop.txt");
    symlink(&looped, &looped).unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    symlink(dir.path(), sub.join("up")).unwrap();

    // Named on the command line.
    let l = load(&[broken.clone(), looped.clone()]);
    assert_eq!(l.errors.len(), 2, "{:?}", l.errors);
    assert_eq!(l.errors[0].path, broken.display().to_string());
    assert!(
        l.errors[0].message.contains("broken symbolic link"),
        "{:?}",
        l.errors[0]
    );
    assert_eq!(l.errors[1].path, looped.display().to_string());
    assert!(
        l.errors[1].message.contains("symbolic link loop"),
        "{:?}",
        l.errors[1]
    );

    // Met while walking: each reported with its path, the good file still loaded once.
    let l = load(&[dir.path().to_path_buf()]);
    assert_eq!(
        l.documents.len(),
        1,
        "{:?}",
        l.documents.iter().map(|d| &d.id).collect::<Vec<_>>()
    );
    assert!(
        l.errors
            .iter()
            .any(|e| e.path.ends_with("broken.txt") && e.fatal),
        "{:?}",
        l.errors
    );
    assert!(
        l.errors
            .iter()
            .any(|e| e.path.ends_with("loop.txt") && e.message.contains("symbolic link loop")),
        "{:?}",
        l.errors
    );
    assert!(
        l.errors
            .iter()
            .any(|e| e.message.contains("loop") && !e.fatal && e.path.ends_with("up")),
        "{:?}",
        l.errors
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.txt", b"x");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions do not apply, nothing to test.
        return;
    }
    let l = load(std::slice::from_ref(&p));
    assert_eq!(l.errors.len(), 1);
    assert!(l.errors[0].message.contains("permission denied"));
    assert_eq!(l.errors[0].path, p.display().to_string());
}

#[test]
fn binary_empty_and_invalid_utf8_files() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(
        dir.path(),
        "bin.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    let utf16 = write(dir.path(), "u16.txt", b"\xff\xfeh\x00i\x00");
    let empty = write(dir.path(), "empty.md", b"");
    let bad = write(
        dir.path(),
        "bad.txt",
        b"Caf\xe9 costs 12 euros; Z\xc3\xbcrich 7 \xff\xfe km.",
    );
    let before = std::fs::read(&bad).unwrap();
    let l = load(&[bin.clone(), utf16, empty, bad.clone()]);
    let notice = |p: &Path| {
        l.errors
            .iter()
            .find(|e| e.path == p.display().to_string())
            .unwrap()
    };
    assert!(notice(&bin).message.contains("binary"));
    assert!(!notice(&bin).fatal);
    let w = notice(&bad);
    assert!(
        w.message.contains("invalid UTF-8 at byte 3"),
        "{}",
        w.message
    );
    assert!(!w.fatal);
    assert_eq!(l.documents.len(), 2);
    assert_eq!(l.documents[0].prose, "");
    // Offsets after the bad bytes are still the file's.
    let d = &l.documents[1];
    for w in ["12 euros", "Zürich 7", "km."] {
        let s = d.prose.find(w).unwrap();
        let span = d.to_source(s, s + w.len());
        assert_eq!(&before[span.start..span.end], w.as_bytes());
    }
    // Inputs are never written.
    assert_eq!(std::fs::read(&bad).unwrap(), before);
}

#[test]
fn decode_exact_keeps_offsets() {
    let (t, bad) = input::decode_exact(b"a\xffb\xe2\x82");
    assert_eq!(t, "a\u{1a}b\u{1a}\u{1a}");
    assert_eq!(bad, Some((1, 3)));
    assert_eq!(
        input::decode_exact("ok €".as_bytes()),
        ("ok €".to_string(), None)
    );
}

#[test]
fn jsonl_reports_bad_lines_and_reads_the_rest() {
    let mut loaded = input::Loaded::default();
    let data = "\u{feff}{\"id\": \"a\", \"text\": \"One 1.\", \"date\": \"2025-03-04\", \"group\": \"g\"}\n\
                {not json}\n\
                \n\
                {\"id\": \"b\", \"text\": \"Two 2.\", \"date\": \"2025-03-05T10:00:00Z\"}\r\n\
                {\"id\": \"c\", \"text\": \"Three\", \"date\": \"March\"}\n\
                {\"id\": [1], \"text\": \"x\"}\n\
                {\"text\": \"<p>Four &amp; 4</p>\", \"format\": \"html\"}\n";
    input::parse_jsonl(
        "docs.jsonl",
        data.as_bytes(),
        &LoadOptions::default(),
        &mut loaded,
    );
    let ids: Vec<_> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "docs.jsonl:7"]);
    assert_eq!(loaded.documents[0].date, Some(date("2025-03-04")));
    assert_eq!(loaded.documents[0].group.as_deref(), Some("g"));
    assert_eq!(loaded.documents[1].date, Some(date("2025-03-05")));
    assert_eq!(loaded.documents[3].prose, "Four & 4");
    let lines: Vec<_> = loaded
        .errors
        .iter()
        .map(|e| e.message.split(':').next().unwrap())
        .collect();
    assert_eq!(lines, ["line 2", "line 5", "line 6"]);
    assert!(loaded.errors.iter().all(|e| e.path == "docs.jsonl"));
}

#[test]
fn jsonl_missing_file_is_reported() {
    let l = input::load_jsonl(
        Path::new("/nonexistent/docs.jsonl"),
        &LoadOptions::default(),
    );
    assert!(l.documents.is_empty());
    assert_eq!(l.errors[0].path, "/nonexistent/docs.jsonl");
    assert!(l.errors[0].message.contains("no such file"));
}

// --- Properties -------------------------------------------------------------------------------

/// Every prose range on char boundaries maps to a source span on char boundaries, in range.
fn check_spans(d: &Document) -> Result<(), TestCaseError> {
    let bounds: Vec<usize> = d
        .prose
        .char_indices()
        .map(|(i, _)| i)
        .chain([d.prose.len()])
        .collect();
    let step = (bounds.len() / 40).max(1);
    for (i, &s) in bounds.iter().enumerate().step_by(step) {
        for &e in bounds[i..].iter().step_by(step).take(40) {
            let span = d.to_source(s, e);
            prop_assert!(span.start <= span.end && span.end <= d.source.len());
            prop_assert!(d.source.is_char_boundary(span.start));
            prop_assert!(d.source.is_char_boundary(span.end));
        }
    }
    Ok(())
}

fn markupish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"a>b\">".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("&amp;".to_string()),
        Just("&#8217;".to_string()),
        Just("&euro".to_string()),
        Just("**".to_string()),
        Just("`".to_string()),
        Just("[a](b)".to_string()),
        Just("\n\n".to_string()),
        Just("\n---\n".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just("\\".to_string()),
        Just("Zürich €5 ".to_string()),
        "[a-z0-9 <>&;#/!-]{0,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn markdown_never_panics_and_maps_to_char_boundaries(s in markupish()) {
        let d = md(&s);
        check_spans(&d)?;
        let _ = docdate::find(&d);
    }

    #[test]
    fn html_never_panics_and_maps_to_char_boundaries(s in markupish()) {
        let d = html(&s);
        check_spans(&d)?;
        let _ = docdate::find(&d);
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        check_spans(&md(&s))?;
        check_spans(&html(&s))?;
        let _ = docdate::find(&Document::plain("x", s));
    }

    #[test]
    fn arbitrary_bytes_load(b in prop::collection::vec(any::<u8>(), 0..200)) {
        let (t, _) = input::decode_exact(&b);
        prop_assert_eq!(t.len(), b.len());
        let mut l = input::Loaded::default();
        input::parse_jsonl("x", &b, &LoadOptions::default(), &mut l);
    }
}
