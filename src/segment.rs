//! Sentences with byte spans in a document's prose.
//!
//! A sentence ends at `.`, `!` or `?` followed by white space and an upper-case letter, digit or
//! quote, or at a blank line or a line that looks like a heading. Abbreviations ("U.S.", "Oct.",
//! "Dr.") and decimals do not end a sentence. Never fails; every byte of the prose belongs to at
//! most one sentence.
//!
//! A "sentence" longer than `MAX_SENTENCE` bytes (a table flattened to one line, a file with no
//! punctuation) is cut into pieces at white space, so that what later stages do per claim with
//! its sentence stays bounded however the input is shaped.

use crate::document::Span;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "inc", "ltd",
    "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "approx", "est", "fig",
];

/// Splits `text` into sentence spans (offsets into `text`), trimmed of surrounding white space.
#[must_use]
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Only a line break or closing punctuation can end a sentence: skip to the next one.
        match bytes[i..]
            .iter()
            .position(|&b| matches!(b, b'\n' | b'.' | b'!' | b'?'))
        {
            Some(k) => i += k,
            None => break,
        }
        let b = bytes[i];
        let boundary_end = if b == b'\n' {
            // A blank line, or a line break after a line with no closing punctuation that is
            // short (a heading), ends the sentence.
            let next_blank = text[i + 1..]
                .chars()
                .take_while(|c| *c != '\n')
                .all(char::is_whitespace);
            let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
            let line = text[line_start..i].trim();
            let ends_clause = line.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
            let next_upper = text[i + 1..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '#');
            let heading = !line.is_empty()
                && !ends_clause
                && next_upper
                && line.split_whitespace().count() <= 12;
            if next_blank || heading || ends_clause {
                Some(i)
            } else {
                None
            }
        } else if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, i) {
            // Include closing quotes and brackets.
            let mut e = i + 1;
            while e < bytes.len() {
                let rest = &text[e..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}') {
                    e += c.len_utf8();
                } else {
                    break;
                }
            }
            Some(e)
        } else {
            None
        };
        if let Some(e) = boundary_end {
            push_trimmed(text, start, e, &mut out);
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

/// The longest sentence in bytes; longer runs are cut at white space.
pub const MAX_SENTENCE: usize = 2000;

fn push_trimmed(text: &str, mut start: usize, end: usize, out: &mut Vec<Span>) {
    while end - start > MAX_SENTENCE {
        let mut limit = start + MAX_SENTENCE;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // Cut after the last white space within the limit, else (one huge word) at the limit.
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |i| start + i + 1)
            .max(start + 1);
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        push_piece(text, start, cut, out);
        start = cut;
    }
    push_piece(text, start, end, out);
}

fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn ends_sentence(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let mut chars = after.chars();
    match chars.next() {
        None => return true,
        Some(c) if c.is_whitespace() => {}
        Some('"' | '\u{201d}' | ')' | '\'') => return true,
        Some(_) => return false,
    }
    let next = after.trim_start().chars().next();
    if !next.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'' | '(' | '[')
    }) {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[..i];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |p| p + 1);
    let word = &before[word_start..];
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return false;
    }
    // Single initials ("J. Smith").
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn overlong_runs_are_cut_at_white_space() {
        let words: Vec<String> = (0..3000).map(|i| format!("w{i}’")).collect();
        let text = words.join(" ");
        let pieces = split(&text);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE));
        // No word is cut: the pieces, rejoined, are the words in order.
        let rejoined: Vec<&str> = pieces.iter().flat_map(|p| p.split(' ')).collect();
        assert_eq!(rejoined, words);
        // One huge word is cut at the limit, on char boundaries.
        let blob = "’".repeat(MAX_SENTENCE);
        let pieces = split(&blob);
        assert!(pieces
            .iter()
            .all(|p| !p.is_empty() && p.len() <= MAX_SENTENCE));
        assert_eq!(pieces.concat(), blob);
    }

    #[test]
    fn splits_on_periods_but_not_abbreviations() {
        assert_eq!(
            split("The U.S. agency grew. It rose 3.5% on Oct. 2, says Dr. Lee."),
            vec![
                "The U.S. agency grew.",
                "It rose 3.5% on Oct. 2, says Dr. Lee."
            ]
        );
    }

    #[test]
    fn headings_and_blank_lines_end_sentences() {
        assert_eq!(
            split("A Surge in Cloud Usage\nThe agency grew\nfast.\n\nNext one"),
            vec![
                "A Surge in Cloud Usage",
                "The agency grew\nfast.",
                "Next one"
            ]
        );
    }
}
