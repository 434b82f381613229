//! Finding a document's own date: Markdown front matter, HTML metadata or the byline's
//! `<time datetime>`, or a dateline opening the text ("KESTON, Oct. 21, 2025 —").
//!
//! Architecture invariant: only the places a publisher puts the document's date are read — the
//! front matter, the head, the byline, the opening of the first paragraph. A date in the body is
//! an event date, never the document's, so the search stops at the first real paragraph. Never
//! fails: what cannot be parsed is no date.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::{Captures, Regex};

use crate::document::{Document, Format};
use crate::input::markup::{self, Token, Tokenizer, Visibility};

/// The document's date and where it was found, if it states one.
#[must_use]
pub fn find(doc: &Document) -> Option<(Date, &'static str)> {
    let own = match doc.format {
        Format::Markdown => front_matter_date(&doc.source).map(|d| (d, "front matter")),
        Format::Html => html_date(&doc.source),
        Format::Text => None,
    };
    own.or_else(|| opening_date(&doc.prose))
}

/// Front matter keys that give the publication date, lower case.
const FRONT_MATTER_KEYS: &[&str] = &[
    "date",
    "published",
    "publishdate",
    "publish_date",
    "pubdate",
    "published_at",
    "date_published",
    "datepublished",
];

fn front_matter_date(source: &str) -> Option<Date> {
    let fm = markup::front_matter(source)?;
    let content = source.get(fm.content.0..fm.content.1)?;
    for line in content.lines() {
        let sep = if fm.toml { '=' } else { ':' };
        let Some((key, value)) = line.split_once(sep) else {
            continue;
        };
        let key = key.trim().trim_matches('"').to_ascii_lowercase();
        if FRONT_MATTER_KEYS.contains(&key.as_str()) {
            if let Some(d) = parse_value(value) {
                return Some(d);
            }
        }
    }
    None
}

/// `<meta>` names, properties and itemprops that give the publication date, lower case.
const META_KEYS: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "sailthru.date",
    "parsely-pub-date",
];

/// How much visible text (bytes, white space excluded) may come before the `<time>` that dates
/// the document: a headline and a byline, not a paragraph of the body.
const BYLINE_TEXT_LIMIT: usize = 500;

fn html_date(source: &str) -> Option<(Date, &'static str)> {
    static LD_JSON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""datePublished"\s*:\s*"([^"]{8,40})""#).expect("valid regex")
    });
    // Every date read here is announced by one of these words; most pages name none of them
    // outside a `<time>` or `<meta>`, and a page without any is not tokenised at all.
    static ANNOUNCED: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["<meta", "itemprop", "datepublished", "<time"])
            .ok()
    });
    if ANNOUNCED.as_ref().is_some_and(|a| a.find(source).is_none()) {
        return None;
    }
    let mut vis = Visibility::default();
    let mut visible = 0usize;
    let mut meta: Option<Date> = None;
    let mut ld: Option<Date> = None;
    let mut time: Option<Date> = None;
    let mut seen_time = false;
    for tok in Tokenizer::new(source, 0, source.len()) {
        let text = match tok {
            Token::Text(s, e) => &source[s..e],
            _ => "",
        };
        let shown = vis.update(&tok, text);
        match tok {
            Token::Text(..) if shown => {
                visible += text.bytes().filter(|b| !b.is_ascii_whitespace()).count();
            }
            Token::Raw(s, e) if ld.is_none() => {
                if let Some(c) = LD_JSON.captures(&source[s..e]) {
                    ld = parse_value(&c[1]);
                }
            }
            Token::Start { name, attrs, .. } => {
                if meta.is_none() {
                    // `name` and `property` count on <meta> only (a search form's
                    // `<input name="date">` is no date); `itemprop` on any element.
                    let keys: &[&str] = if name.eq_ignore_ascii_case("meta") {
                        &["name", "property", "itemprop", "http-equiv"]
                    } else {
                        &["itemprop"]
                    };
                    let key = keys
                        .iter()
                        .find_map(|k| markup::attr(attrs, k))
                        .map(str::to_ascii_lowercase);
                    if key.is_some_and(|k| META_KEYS.contains(&k.as_str())) {
                        meta = markup::attr(attrs, "content")
                            .or_else(|| markup::attr(attrs, "datetime"))
                            .and_then(parse_value);
                    }
                }
                if name.eq_ignore_ascii_case("time") && !seen_time {
                    // Only the first <time>, and only in the byline: later ones date events.
                    seen_time = true;
                    if visible <= BYLINE_TEXT_LIMIT || markup::attr(attrs, "pubdate").is_some() {
                        time = markup::attr(attrs, "datetime").and_then(parse_value);
                    }
                }
            }
            _ => {}
        }
        if meta.is_some() {
            // The metadata date comes first whatever follows.
            break;
        }
    }
    meta.map(|d| (d, "html meta"))
        .or(ld.map(|d| (d, "json-ld")))
        .or(time.map(|d| (d, "html time")))
}

/// Parses a machine-written date value: ISO 8601 with or without a time, quoted or not, or a
/// written date ("October 24, 2025").
fn parse_value(value: &str) -> Option<Date> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])").expect("valid regex")
    });
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if let Some(c) = ISO.captures(v) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    WRITTEN
        .captures(v)
        .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
        .and_then(|c| date_of(&c))
}

const MONTH: &str = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";
const WEEKDAY: &str = r"(?:(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.?,?\s+)?";

/// A written date with a year: "Oct. 21, 2025", "21 October 2025", "2025-10-21".
fn date_pattern() -> String {
    date_pattern_ending(r"\b")
}

/// `date_pattern` with `boundary` for the word boundary after its last digit.
fn date_pattern_ending(boundary: &str) -> String {
    format!(
        r"(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH}),?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})){boundary}"
    )
}

static WRITTEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{WEEKDAY}{}", date_pattern())).expect("valid regex"));

/// A dateline: an optional place in capitals or title case (with a region after a comma), an
/// optional news agency in parentheses, the date, then a dash. Or a line that is only a date.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| dateline(r"\b"));

/// `DATELINE` with an ASCII word boundary after the date, which the regex crate's fast
/// automaton handles on any text (it gives up on a Unicode boundary next to non-ASCII text,
/// such as the dash after a dateline's date, and falls back to a slow engine). Used only where
/// the two boundaries agree (`ascii_boundaries_agree`).
static DATELINE_ASCII: LazyLock<Regex> = LazyLock::new(|| dateline(r"(?-u:\b)"));

fn dateline(boundary: &str) -> Regex {
    let word = r"\p{Lu}[\p{L}\p{M}.'’&\-]*";
    let place = format!(r"{word}(?:[ \t]+{word}){{0,4}}(?:,[ \t]*{word}(?:[ \t]+{word}){{0,3}})?");
    let agency = r"\([^()\n]{1,40}\)";
    let date = date_pattern_ending(boundary);
    Regex::new(&format!(
        r"^(?:{place}[ \t]*(?:{agency}[ \t]*)?[,—–\-]?[ \t]*)?{WEEKDAY}{date}[ \t]*(?:{agency}[ \t]*)?(?:[—–|:]|--?|\.?\s*$)"
    ))
    .expect("valid regex")
}

/// True when, in `s`, a word boundary after a digit is the same in ASCII and in Unicode: no
/// digit outside ASCII (a Unicode `\d` could end the date there) and no character outside
/// ASCII right after an ASCII digit (the only place the two boundaries could then differ).
fn ascii_boundaries_agree(s: &str) -> bool {
    let mut after_digit = false;
    for c in s.chars() {
        if !c.is_ascii() && (after_digit || c.is_numeric()) {
            return false;
        }
        after_digit = c.is_ascii_digit();
    }
    true
}

/// A byline or publication line: "By Ines Varga · October 24, 2025", "Published 9 October
/// 2025".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?i:first published|published|posted)(?:\s+on)?:?\s+|By\s[^\n]{{1,80}}?(?:[·|•,—–\-]|\s)\s*){WEEKDAY}{}",
        date_pattern()
    ))
    .expect("valid regex")
});

/// An update line: "Updated: 2025-03-04 09:12", "Last updated on 4 March 2025". Read only when
/// no publication date opens the document: the published date is the document's.
static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:last updated|updated|last modified|modified)(?:\s+on)?:?\s+{WEEKDAY}{}",
        date_pattern()
    ))
    .expect("valid regex")
});

/// Blocks (paragraphs) read at the top of the prose before giving up.
const OPENING_BLOCKS: usize = 4;

/// A block at least this long is body text: the search ends with it.
const PARAGRAPH_LEN: usize = 160;

/// The date of a dateline, byline or date line opening the prose. Headline-like blocks (short,
/// no sentence) are passed over; the search ends with the first real paragraph.
fn opening_date(prose: &str) -> Option<(Date, &'static str)> {
    let mut updated = None;
    for block in blocks(prose).take(OPENING_BLOCKS) {
        let block = block.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        // Regexes only read the opening, which keeps a huge first paragraph cheap.
        let head = prefix(block, 300);
        // Every date these patterns read has a year of four ASCII digits (`date` parses no
        // other): without one, a block (a headline) skips the costly capture search.
        if has_year_digits(head) {
            if may_open_byline(head) {
                if let Some(d) = BYLINE.captures(head).and_then(|c| date_of(&c)) {
                    return Some((d, "byline"));
                }
            }
            let dateline = if ascii_boundaries_agree(head) {
                &DATELINE_ASCII
            } else {
                &DATELINE
            };
            if let Some(d) = dateline.captures(head).and_then(|c| date_of(&c)) {
                return Some((d, "dateline"));
            }
            if updated.is_none()
                && head
                    .as_bytes()
                    .first()
                    .is_some_and(|b| matches!(b, b'U' | b'u' | b'L' | b'l' | b'M' | b'm'))
            {
                updated = UPDATED.captures(head).and_then(|c| date_of(&c));
            }
        }
        let sentence = block.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']);
        if block.len() >= PARAGRAPH_LEN || sentence {
            break;
        }
    }
    updated.map(|d| (d, "updated line"))
}

/// True when `s` holds four ASCII digits in a row.
fn has_year_digits(s: &str) -> bool {
    let mut run = 0;
    for b in s.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// False when `head` certainly does not start as `BYLINE` requires: with "By" or one of its
/// publication words in any case. Beyond ASCII the regex's Unicode case folding decides.
fn may_open_byline(head: &str) -> bool {
    let b = head.as_bytes();
    if !b[..b.len().min(16)].is_ascii() {
        return true;
    }
    b.starts_with(b"By")
        || ["first published", "published", "posted"]
            .iter()
            .any(|w| b.len() >= w.len() && b[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
}

/// The text's blocks: runs of lines separated by blank lines.
fn blocks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            // The end of the block: the first line break followed by a blank line.
            let mut end = rest.len();
            let mut next = rest.len();
            let mut off = 0;
            for line in rest.split_inclusive('\n') {
                let o = off;
                off += line.len();
                if o > 0 && line.trim().is_empty() {
                    end = o;
                    next = off;
                    break;
                }
            }
            let block = &rest[..end];
            rest = &rest[next..];
            if !block.trim().is_empty() {
                return Some(block);
            }
        }
    })
}

/// The longest prefix of `s` of at most `n` bytes that ends on a char boundary.
fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn date_of(c: &Captures<'_>) -> Option<Date> {
    if let (Some(m), Some(d), Some(y)) = (c.name("m1"), c.name("d1"), c.name("y1")) {
        return date(y.as_str(), month_number(m.as_str())?, d.as_str());
    }
    if let (Some(m), Some(d), Some(y)) = (c.name("m2"), c.name("d2"), c.name("y2")) {
        return date(y.as_str(), month_number(m.as_str())?, d.as_str());
    }
    if let (Some(m), Some(d), Some(y)) = (c.name("m3"), c.name("d3"), c.name("y3")) {
        return ymd(y.as_str(), m.as_str(), d.as_str());
    }
    None
}

fn month_number(name: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let key = name.get(..3)?.to_ascii_lowercase();
    MONTHS.iter().position(|m| *m == key).map(|i| i as i8 + 1)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    date(y, m.parse().ok()?, d)
}

fn date(y: &str, m: i8, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    if !(1800..=2200).contains(&y) {
        return None;
    }
    Date::new(y, m, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opening(s: &str) -> Option<Date> {
        opening_date(s).map(|(d, _)| d)
    }

    /// The byline test only skips heads the regex cannot match.
    #[test]
    fn byline_prefilter_never_rejects_a_byline() {
        let heads = [
            "By Ines Varga · October 24, 2025",
            "By  Staff, 3 May 2024",
            "PUBLISHED 9 October 2025",
            "First published on: 1 June 2023",
            "posted Mon, Jan. 5, 2026",
            "Posted on 2026-01-05",
            "Byline 2024",
            "by the river, 2024",
            "Reported by Ana, May 3, 2024",
            "Published: June 1 2023",
            "\u{17f}omething 2024",
        ];
        for h in heads {
            if BYLINE.is_match(h) {
                assert!(may_open_byline(h), "{h}");
            }
        }
        assert!(!may_open_byline("Reported by Ana, May 3, 2024"));
        assert!(may_open_byline("By Ana, May 3, 2024"));
        proptest::proptest!(|(h in "(By|by|Posted|posted|PUBLISHED|first published|Rep|\\s|[A-Za-z]{1,6}|[ ,.:·]|2024|May 3|\u{17f})*")| {
            if BYLINE.is_match(&h) {
                proptest::prop_assert!(may_open_byline(&h), "{}", h);
            }
        });
    }

    /// A date, as `Some` to compare with what the finders return.
    #[allow(clippy::unnecessary_wraps)]
    fn d(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    /// One row per form a document states its own date in: the input, its format, the date
    /// read (or none) and where it was read.
    #[test]
    fn every_common_form_of_the_document_date() {
        let body = "\n\nThe council said on Monday that 40 homes were built in the town.";
        let rows: &[(&str, Format, Option<&str>, &str)] = &[
            ("November 14, 2024.", Format::Text, Some("2024-11-14"), "dateline"),
            ("14 November 2024", Format::Text, Some("2024-11-14"), "dateline"),
            ("2024-11-14", Format::Text, Some("2024-11-14"), "dateline"),
            ("Published 3 March 2025", Format::Text, Some("2025-03-03"), "byline"),
            ("Posted on March 3, 2025", Format::Text, Some("2025-03-03"), "byline"),
            ("Updated: 2025-03-04 09:12", Format::Text, Some("2025-03-04"), "updated line"),
            ("By Jane Doe | March 3, 2025", Format::Text, Some("2025-03-03"), "byline"),
            ("By Jane Doe, Staff Writer · 3 Mar 2025", Format::Text, Some("2025-03-03"), "byline"),
            ("Tuesday 4 March 2025", Format::Text, Some("2025-03-04"), "dateline"),
            ("Tuesday, March 4, 2025", Format::Text, Some("2025-03-04"), "dateline"),
            ("LONDON (Reuters) — March 3, 2025 — Ministers met.", Format::Text, Some("2025-03-03"), "dateline"),
            ("KESTON, Oct. 21, 2025 — Ministers met.", Format::Text, Some("2025-10-21"), "dateline"),
            // A published date wins over an update line before it.
            ("Updated: 2025-03-05\n\nPublished 3 March 2025", Format::Text, Some("2025-03-03"), "byline"),
            ("---\ndate: 2025-10-22\n---\n# Title", Format::Markdown, Some("2025-10-22"), "front matter"),
            ("---\npubDate: 2025-10-22\n---\n# Title", Format::Markdown, Some("2025-10-22"), "front matter"),
            ("---\npublished: \"2025-10-22T08:00:00Z\"\n---\n# Title", Format::Markdown, Some("2025-10-22"), "front matter"),
            ("<meta property=\"article:published_time\" content=\"2025-10-22T08:00:00Z\"><p>Text</p>", Format::Html, Some("2025-10-22"), "html meta"),
            ("<meta name=\"dc.date\" content=\"2025-10-22\"><p>Text</p>", Format::Html, Some("2025-10-22"), "html meta"),
            ("<span itemprop=\"datePublished\" content=\"2025-10-22\"></span><p>Text</p>", Format::Html, Some("2025-10-22"), "html meta"),
            ("<script type=\"application/ld+json\">{\"datePublished\": \"2025-10-22\"}</script><p>Text</p>", Format::Html, Some("2025-10-22"), "json-ld"),
            ("<p>By Ana <time datetime=\"2025-10-22\">Oct 22</time></p><p>Text</p>", Format::Html, Some("2025-10-22"), "html time"),
            // No date: an agency dateline without a year, a date in the body.
            ("PARIS, March 3 (AFP) — Ministers met.", Format::Text, None, ""),
            ("The council met on 3 March 2025 and said 40 homes were built in the town this year, after a long delay that the mayor blamed on the weather.", Format::Text, None, ""),
        ];
        for &(head, format, want, label) in rows {
            let source = if format == Format::Text {
                format!("{head}{body}")
            } else {
                head.to_string()
            };
            let doc = match format {
                Format::Text => Document::plain("t", source),
                Format::Markdown => markup::markdown("t".into(), source),
                Format::Html => markup::html("t".into(), source),
            };
            let got = find(&doc);
            assert_eq!(
                got.map(|(d, _)| d),
                want.map(|w| w.parse().unwrap()),
                "{head}"
            );
            if let Some((_, l)) = got {
                assert_eq!(l, label, "{head}");
            }
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(opening("KESTON, Oct. 21, 2025 — Text."), d("2025-10-21"));
        assert_eq!(opening("VELMONT, April 16, 2025 — More"), d("2025-04-16"));
        assert_eq!(opening("May 2, 2025 — More"), d("2025-05-02"));
        assert_eq!(opening("Nov. 14, 2024 - More"), d("2024-11-14"));
        assert_eq!(opening("NEW YORK, Sept. 16, 2025 -- x"), d("2025-09-16"));
        assert_eq!(
            opening("WASHINGTON, Oct. 3, 2025 (Reuters) - The"),
            d("2025-10-03")
        );
        assert_eq!(
            opening("WASHINGTON (Reuters) Oct 3, 2025 - The"),
            d("2025-10-03")
        );
        assert_eq!(opening("Keston, 5 March 2025 – The"), d("2025-03-05"));
        assert_eq!(
            opening("Tuesday, October 21, 2025\n\nBody."),
            d("2025-10-21")
        );
        assert_eq!(
            opening("Headline here\n\nKESTON, Oct. 21, 2025 — Text."),
            d("2025-10-21")
        );
    }

    #[test]
    fn the_ascii_dateline_reads_what_the_unicode_one_reads() {
        let heads = [
            "KESTON, Oct. 21, 2025 — Text.",
            "SÃO PAULO, 5 março 2025 – O",
            "ZÜRICH (Reuters) Oct 3, 2025 - The",
            "Oct. 21, 2025é — x",
            "Oct. 21, 2025\u{301} — x",
            "Oct. 21, ٢٠٢٥ — x",
            "2025-10-21 — naïve",
            "2025-10-21日 —",
            "Tuesday, October 21, 2025",
            "VELMONT, April 16, 2025 —— «quote»",
        ];
        let spans = |re: &Regex, h: &str| {
            re.captures(h).map(|c| {
                c.iter()
                    .map(|m| m.map(|m| (m.start(), m.end())))
                    .collect::<Vec<_>>()
            })
        };
        let mut agreed = 0;
        for h in heads {
            if ascii_boundaries_agree(h) {
                agreed += 1;
                assert_eq!(spans(&DATELINE_ASCII, h), spans(&DATELINE, h), "{h}");
            }
        }
        assert!(agreed >= 5);
        assert!(!ascii_boundaries_agree("Oct. 21, 2025é — x"));
        assert!(!ascii_boundaries_agree("Oct. 21, ٢٠٢٥ — x"));
    }

    #[test]
    fn no_date_from_the_body() {
        assert_eq!(opening("WASHINGTON, Oct 3 (Reuters) - The"), None);
        assert_eq!(
            opening("The council met on Oct. 21, 2025 — and agreed."),
            None
        );
        assert_eq!(
            opening("A first paragraph that is a sentence.\n\nMay 2, 2025 — More"),
            None
        );
        assert_eq!(opening("Feb. 30, 2025 — bad day"), None);
    }

    #[test]
    fn values() {
        assert_eq!(parse_value("2025-10-22"), d("2025-10-22"));
        assert_eq!(parse_value(" \"2025-10-22\""), d("2025-10-22"));
        assert_eq!(parse_value("'2025-10-22T10:00:00Z'"), d("2025-10-22"));
        assert_eq!(parse_value("2025-10-22 10:00"), d("2025-10-22"));
        assert_eq!(parse_value("October 24, 2025"), d("2025-10-24"));
        assert_eq!(parse_value("20251022"), None);
        assert_eq!(parse_value("2025-13-01"), None);
    }
}
