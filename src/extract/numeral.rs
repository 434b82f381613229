//! Numerals: digits ("1,400", "16.4"), words ("twenty-one", "a dozen"), scales ("1.2 million",
//! "5k") and simple fractions ("half", "two and a half"). Shared by every extractor that reads a
//! number; it does not decide what the number counts.

use std::sync::OnceLock;

use regex::Regex;

/// A number found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// The value, with any scale applied ("1.2 million" -> 1200000).
    pub value: f64,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The rounding step the text implies ("1,400" -> 100, "16.4" -> 0.1, "3" -> 1); 0 when
    /// unknown (number words).
    pub precision: f64,
    /// True when written with digits.
    pub digits: bool,
}

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("a dozen", 12.0),
    ("dozen", 12.0),
    ("a hundred", 100.0),
    ("a thousand", 1000.0),
    ("half a", 0.5),
    ("half", 0.5),
    ("a half", 0.5),
    ("a quarter", 0.25),
    ("a third", 1.0 / 3.0),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("m", 1e6),
    ("k", 1e3),
    ("b", 1e9),
];

fn digit_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?P<neg>-)?
            (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
            (?:\s?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn)\b|(?P<short>[kmb])\b)?",
        )
        .expect("numeral regex")
    })
}

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut words: Vec<&str> = UNITS.iter().map(|(w, _)| *w).collect();
        // Longest first so that "fourteen" is tried before "four".
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let alt = words.join("|");
        Regex::new(&format!(
            r"(?i)\b(?P<w>(?:{alt})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\s+and\s+a\s+(?P<frac>half|quarter))?(?:\s+(?P<scale>hundred|thousand|million|billion|trillion))?(?:\s+(?P<scale2>thousand|million|billion))?\b"
        ))
        .expect("number word regex")
    })
}

fn word_value(w: &str) -> Option<f64> {
    let lw = w.to_ascii_lowercase();
    if let Some((_, v)) = UNITS.iter().find(|(u, _)| *u == lw) {
        return Some(*v);
    }
    let (tens, ones) = lw.split_once(['-', ' '])?;
    let t = UNITS.iter().find(|(u, _)| *u == tens)?.1;
    let o = UNITS.iter().find(|(u, _)| *u == ones)?.1;
    (t >= 20.0 && o < 10.0).then_some(t + o)
}

fn scale_value(s: &str) -> f64 {
    let ls = s.to_ascii_lowercase();
    SCALES
        .iter()
        .find(|(name, _)| *name == ls)
        .map_or(1.0, |(_, v)| *v)
}

/// Parses a run of digits as written ("1,400", "16.4"): value and rounding precision.
#[must_use]
pub fn parse_digits(s: &str) -> Option<(f64, f64)> {
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    let v: f64 = clean.parse().ok()?;
    if !v.is_finite() {
        return None;
    }
    let precision = if let Some((_, frac)) = clean.split_once('.') {
        10f64.powi(-i32::try_from(frac.len()).unwrap_or(0))
    } else {
        let trailing = clean.bytes().rev().take_while(|b| *b == b'0').count();
        if trailing == clean.len() {
            1.0
        } else {
            10f64.powi(i32::try_from(trailing).unwrap_or(0))
        }
    };
    Some((v, precision))
}

/// Every numeral in `text`, in order, not overlapping.
#[must_use]
pub fn find_numerals(text: &str) -> Vec<Numeral> {
    let mut out = Vec::new();
    for c in digit_re().captures_iter(text) {
        let m = c.get(0).expect("whole match");
        // Not part of a word or a longer token ("A380", "COVID-19" are not numerals).
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        {
            continue;
        }
        let Some((mut v, mut precision)) = parse_digits(&c["num"]) else {
            continue;
        };
        let mut end = c.name("num").expect("num").end();
        if let Some(s) = c.name("scale").or_else(|| c.name("short")) {
            let k = scale_value(s.as_str());
            v *= k;
            precision *= k;
            end = s.end();
        }
        let start = if c.name("neg").is_some()
            && !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            v = -v;
            m.start()
        } else {
            c.name("num").expect("num").start()
        };
        out.push(Numeral {
            value: v,
            start,
            end,
            precision,
            digits: true,
        });
    }
    for c in word_re().captures_iter(text) {
        let m = c.get(0).expect("whole match");
        if out.iter().any(|n| n.start < m.end() && m.start() < n.end) {
            continue;
        }
        let Some(mut v) = word_value(&c["w"]) else {
            continue;
        };
        if let Some(f) = c.name("frac") {
            v += if f.as_str().eq_ignore_ascii_case("half") {
                0.5
            } else {
                0.25
            };
        }
        for s in [c.name("scale"), c.name("scale2")].into_iter().flatten() {
            v *= scale_value(s.as_str());
        }
        out.push(Numeral {
            value: v,
            start: m.start(),
            end: m.end(),
            precision: 0.0,
            digits: false,
        });
    }
    out.sort_by_key(|n| n.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (f64, &str) {
        let n = find_numerals(text);
        assert_eq!(n.len(), 1, "{text}: {n:?}");
        (n[0].value, &text[n[0].start..n[0].end])
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(one("nearly 1,400 terabytes"), (1400.0, "1,400"));
        assert_eq!(one("$4.2bn"), (4.2e9, "4.2bn"));
        assert_eq!(one("1.2 million people"), (1.2e6, "1.2 million"));
        assert_eq!(one("twenty-one"), (21.0, "twenty-one"));
        assert_eq!(one("two and a half weeks").0, 2.5);
    }

    #[test]
    fn precision_follows_the_written_digits() {
        assert_eq!(parse_digits("1,400"), Some((1400.0, 100.0)));
        assert_eq!(parse_digits("16.4"), Some((16.4, 0.1)));
        assert_eq!(parse_digits("61,240"), Some((61240.0, 10.0)));
    }
}
