//! Numerals: digits ("1,400", "16.4", "-3", "1e6", "1.3x10^6", "2.5^-1"), words ("twenty-one",
//! "a dozen", "one hundred and five", "nine point nought four"), scales ("1.2 million", "4.2bn",
//! "5k", "30 lakh", "3 hundred and 21"), fractions and mixed numbers ("half", "a third",
//! "two-thirds", "three twenty firsts", "two and fifty-four hundredths", "3/4", "10 1/2", "one
//! over 20") and ordinals ("21st", "twenty-first").
//!
//! Shared by every extractor that reads a number; it does not decide what the number counts
//! (money, percent, a year...). One pass over the text: digits and number words are the only
//! places where work is done, every other word is skipped whole.

// Byte scanners read best with short names for offsets (i, j, e) and the byte slice (b).
#![allow(clippy::many_single_char_names)]

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
    /// True for ordinals ("21st", "third" as a rank).
    pub ordinal: bool,
    /// True for fractions and mixed numbers ("half", "two-thirds", "10 1/2").
    pub fraction: bool,
    /// True when a scale word applied ("million", "bn", "k", "dozen").
    pub scaled: bool,
    /// True for a bare run of digits: no sign, separator, decimal, scale or fraction ("2017").
    pub plain: bool,
    /// True when letters touch the digits on the left ("USD3", "RM42", "MH17"): a currency
    /// code or a name; `find_numerals` leaves these out.
    pub glued_left: bool,
}

impl Numeral {
    fn new(value: f64, start: usize, end: usize) -> Numeral {
        Numeral {
            value,
            start,
            end,
            precision: 0.0,
            digits: false,
            ordinal: false,
            fraction: false,
            scaled: false,
            plain: false,
            glued_left: false,
        }
    }

    /// True when this looks like a year standing alone (four plain digits, 1900-2099).
    #[must_use]
    pub fn is_year_like(&self) -> bool {
        self.plain
            && self.end - self.start == 4
            && (1900.0..=2099.0).contains(&self.value)
            && !self.ordinal
    }
}

/// Rounds away the binary noise of a decimal times a scale (16.4 * 1e6 = 16399999.999999998) by
/// keeping 15 significant digits, which is more than any written number has.
#[must_use]
pub fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    // An integer below 10^15 has at most 15 significant digits: rounding keeps it as it is.
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return x;
    }
    format!("{x:.14e}").parse().unwrap_or(x)
}

/// Parses a run of digits as written ("1,400", "16.4"): value and rounding precision.
#[must_use]
pub fn parse_digits(s: &str) -> Option<(f64, f64)> {
    if let Some(v) = parse_grouped_integer(s) {
        return Some(v);
    }
    let owned: String;
    let clean: &str = if s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        s
    } else {
        owned = s
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
            .collect();
        &owned
    };
    let v: f64 = clean.parse().ok()?;
    if !v.is_finite() {
        return None;
    }
    let precision = if let Some((_, frac)) = clean.split_once('.') {
        crate::hedge::written_step(frac.len(), clean.len() - 1, 0)
    } else {
        let trailing = clean.bytes().rev().take_while(|b| *b == b'0').count();
        crate::hedge::written_step(0, clean.len(), trailing)
    };
    Some((v, precision))
}

/// `parse_digits` for the common case, without a float parse or a copy: digits and commas
/// only, at most 15 digits (exact in an f64). The same value and precision.
fn parse_grouped_integer(s: &str) -> Option<(f64, f64)> {
    let mut v: u64 = 0;
    let (mut digits, mut zeros) = (0u32, 0i32);
    for &c in s.as_bytes() {
        match c {
            b'0'..=b'9' => {
                v = v * 10 + u64::from(c - b'0');
                digits += 1;
                zeros = if c == b'0' { zeros + 1 } else { 0 };
                if digits > 15 {
                    return None;
                }
            }
            b',' => {}
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let precision =
        crate::hedge::written_step(0, digits as usize, usize::try_from(zeros).unwrap_or(0));
    Some((v as f64, precision))
}

/// Every cardinal numeral in `text` (fractions included, ordinals excluded), in order, not
/// overlapping.
#[must_use]
pub fn find_numerals(text: &str) -> Vec<Numeral> {
    let mut v = scan_numerals(text);
    v.retain(|n| !n.ordinal && !n.glued_left);
    v
}

/// The cardinal numeral that starts `text` itself, as `find_numerals(text)` would read it.
#[must_use]
pub fn leading_numeral(text: &str) -> Option<Numeral> {
    // No vector: the temporal parser asks this for most of its tokens.
    let mut first = None;
    scan(text, true, |n| {
        if first.is_none() && n.start == 0 && !n.ordinal && !n.glued_left {
            first = Some(n);
        }
    });
    first
}

/// Every numeral in `text`, cardinals and ordinals, in order, not overlapping.
#[must_use]
pub fn scan_numerals(text: &str) -> Vec<Numeral> {
    // A numeral every few dozen bytes is common in news prose.
    let mut out = Vec::with_capacity(text.len() / 32 + 4);
    scan(text, false, |n| out.push(n));
    out
}

/// The scanner, telling `emit` of each numeral in order; with `first_only` it reads only what
/// starts at offset 0.
fn scan(text: &str, first_only: bool, mut emit: impl FnMut(Numeral)) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if first_only && i > 0 {
            break;
        }
        let c = b[i];
        if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let glued = prev_char(text, i).is_some_and(|p| {
                p.is_alphabetic()
                    || p == '_'
                    || (p == '.'
                        && c != b'.'
                        && prev_char(text, i - 1).is_some_and(|q| q.is_ascii_digit()))
                    || ((p == '-' || p == '/')
                        && prev_char(text, i - 1).is_some_and(char::is_alphabetic)
                        && !letters_after_digit(text, i - 1))
            });
            let after_digit = c == b'.' && i > 0 && b[i - 1].is_ascii_digit();
            // Two to four capitals (or "Rs") right before the digits may be a currency code.
            let code_left = glued && c != b'.' && code_before(text, i);
            if (!glued || code_left) && !after_digit {
                if let Some(mut n) = parse_digit_numeral(text, i) {
                    n.glued_left = code_left;
                    if let Some(f) = over_fraction(text, &n) {
                        n = f;
                    }
                    i = n.end;
                    emit(n);
                    continue;
                }
            }
            // Skip the whole token, an exponent's sign included ("1e-999").
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'.'
                    || b[i] == b','
                    || (i > 0
                        && matches!(b[i], b'+' | b'-')
                        && matches!(b[i - 1], b'e' | b'E')
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            continue;
        }
        if c.is_ascii_alphabetic() {
            let mut we = i;
            while we < b.len() && b[we].is_ascii_alphabetic() {
                we += 1;
            }
            let mid_word = prev_char(text, i).is_some_and(|p| p.is_alphanumeric() || p == '\'');
            if !mid_word && may_start_word_numeral(text, i, we) {
                if let Some(mut n) = parse_word_numeral(text, i) {
                    if let Some(f) = over_fraction(text, &n) {
                        n = f;
                    }
                    i = n.end;
                    emit(n);
                    continue;
                }
            }
            i = we;
            continue;
        }
        if c >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if let Some(v) = vulgar(ch) {
                emit(Numeral {
                    fraction: true,
                    ..Numeral::new(v, i, i + ch.len_utf8())
                });
            }
            i += ch.len_utf8();
            continue;
        }
        i += 1;
    }
}

/// True when the letters right before `i` look like a currency code: 2-4 capitals, or a
/// capital and a lower-case letter ("Rs", "Rp"), starting a word.
fn code_before(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut s = i;
    while s > 0 && b[s - 1].is_ascii_alphabetic() && i - s < 5 {
        s -= 1;
    }
    let n = i - s;
    let word_start = s == 0 || !b[s - 1].is_ascii_alphanumeric();
    let caps = b[s..i].iter().all(u8::is_ascii_uppercase);
    let cap_low = n == 2 && b[s].is_ascii_uppercase() && b[s + 1].is_ascii_lowercase();
    word_start && (2..=4).contains(&n) && (caps || cap_low)
}

/// True when the run of letters ending at `i` follows a digit ("5k" in "5k-20k").
fn letters_after_digit(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut s = i;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    s > 0 && s < i && b[s - 1].is_ascii_digit()
}

/// True when `w` (any case) is a number word: "twenty", "billions", "third", "dozen".
#[must_use]
pub fn is_number_word(w: &str) -> bool {
    super::with_lowercase(w, |lw| {
        !matches!(lw, "a" | "an" | "and" | "point")
            && (classify(lw.as_bytes()).is_some() || digit_scale(lw).is_some())
    })
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    // An ASCII byte before `i` is the whole character (and `i` a char boundary).
    match text.as_bytes().get(i.wrapping_sub(1)) {
        Some(&c) if c.is_ascii() && i <= text.len() => Some(char::from(c)),
        _ => text.get(..i)?.chars().next_back(),
    }
}

fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅙' => 1.0 / 6.0,
        '⅛' => 0.125,
        _ => return None,
    })
}

fn digits_end(b: &[u8], mut j: usize) -> usize {
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

/// The scale words accepted after digits, with their multiplier. Single letters other than "k"
/// are not here: "5m" may be metres and "3M" a company; money reads them itself.
fn digit_scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" | "hundreds" => 1e2,
        "thousand" | "thousands" | "k" | "K" => 1e3,
        "million" | "millions" | "mn" | "mln" | "MM" | "mio" | "M" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "tln" | "trn" => 1e12,
        "lakh" | "lakhs" | "lkh" | "lkhs" | "lac" | "lacs" => 1e5,
        "crore" | "crores" | "cr" | "Cr" | "koti" | "krores" => 1e7,
        "dozen" | "dozens" => 12.0,
        _ => return None,
    })
}

/// Reads an ASCII word starting at `j` (letters only); returns its end.
fn word_at(b: &[u8], j: usize) -> usize {
    let mut e = j;
    while e < b.len() && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    e
}

fn parse_digit_numeral(text: &str, i: usize) -> Option<Numeral> {
    let mut n = parse_unsigned(text, i)?;
    if n.ordinal {
        return Some(n);
    }
    // A sign directly before: "-3" (not "10-3", not "COVID-19"), or "- 2" at the very start.
    let before = &text[..i];
    let sign = if before.ends_with('-') {
        Some(i - 1)
    } else if before.ends_with('\u{2212}') {
        Some(i - 3)
    } else if before == "- " || before.ends_with("\n- ") {
        Some(i - 2)
    } else {
        None
    };
    if let Some(s) = sign {
        let ok = prev_char(text, s)
            .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | ':' | '='));
        if ok {
            n.value = -n.value;
            n.start = s;
            n.plain = false;
        }
    }
    Some(n)
}

fn parse_unsigned(text: &str, i: usize) -> Option<Numeral> {
    let b = text.as_bytes();
    let mut j = i;
    let mut plain = true;
    let int_end = digits_end(b, j);
    j = int_end;
    // Thousands separators: ",ddd" groups, or thin / no-break spaces; plain spaces only for two
    // or more groups ("1 414 021 100"), since "in 2 000" is rarer than "top 10 100-metre".
    if int_end > i && int_end - i <= 3 {
        loop {
            let rest = &text[j..];
            let sep_len = if rest.starts_with(',') {
                1
            } else if rest.starts_with('\u{a0}') || rest.starts_with('\u{2009}') {
                2
            } else if rest.starts_with('\u{202f}') {
                3
            } else {
                0
            };
            if sep_len > 0 && digits_end(b, j + sep_len) == j + sep_len + 3 {
                j += sep_len + 3;
                plain = false;
                continue;
            }
            break;
        }
        if plain {
            let mut k = j;
            let mut groups = 0;
            while b.get(k) == Some(&b' ') && digits_end(b, k + 1) == k + 4 {
                k += 4;
                groups += 1;
            }
            if groups >= 2 {
                j = k;
                plain = false;
            }
        }
    }
    let mut has_decimal = false;
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        let de = digits_end(b, j + 1);
        // "1.2.3" is a version or an address, not a number.
        if b.get(de) == Some(&b'.') && b.get(de + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        j = de;
        has_decimal = true;
        plain = false;
    }
    let num_text = &text[i..j];
    let (mut v, mut precision) = parse_digits(num_text)?;
    let mut n = Numeral {
        digits: true,
        ..Numeral::new(v, i, j)
    };
    // Exponent: "1e10", "12.32e+14".
    if matches!(b.get(j), Some(b'e' | b'E')) {
        let mut k = j + 1;
        if matches!(b.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        let ke = digits_end(b, k);
        if ke > k && !b.get(ke).is_some_and(u8::is_ascii_alphanumeric) {
            if let Ok(e) = text[k - usize::from(matches!(b[k - 1], b'+' | b'-'))..ke].parse::<i32>()
            {
                // "1e999" is no number anyone means: skip it rather than report infinity (or
                // zero, for "1e-999").
                let p = tidy(v * 10f64.powi(e));
                if !p.is_finite() || (p == 0.0 && v != 0.0) {
                    return None;
                }
                v = p;
                precision = tidy(precision * 10f64.powi(e));
                j = ke;
                plain = false;
            }
        }
    }
    // Powers: "1.1^23", "2.5^-1", and scientific notation written out, "1.3x10^6".
    if let Some((p, pe)) = power_after(text, j, v) {
        v = p;
        precision = 0.0;
        j = pe;
        plain = false;
    }
    // Ordinal suffix: "21st", "3rd".
    if !has_decimal {
        let we = word_at(b, j);
        let suf = &text[j..we];
        if ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| suf.eq_ignore_ascii_case(o))
        {
            n.value = v;
            n.end = we;
            n.ordinal = true;
            n.precision = 1.0;
            return Some(n);
        }
    }
    // Fractions: "3/4", and mixed numbers "10 1/2". Not after or before another slash (dates),
    // and not with four digits or more above the line ("2019/20", "2222/2222"): seasons, codes.
    if !has_decimal
        && plain
        && j - i <= 3
        && b.get(j) == Some(&b'/')
        && prev_char(text, i) != Some('/')
    {
        let de = digits_end(b, j + 1);
        if de > j + 1
            && b.get(de) != Some(&b'/')
            && !b.get(de).is_some_and(u8::is_ascii_alphanumeric)
        {
            let den: f64 = text[j + 1..de].parse().ok()?;
            if den != 0.0 {
                n.value = v / den;
                n.end = de;
                n.fraction = true;
                return Some(n);
            }
        }
    }
    if !has_decimal && plain && b.get(j) == Some(&b' ') {
        let k = j + 1;
        let ne = digits_end(b, k);
        if ne > k && b.get(ne) == Some(&b'/') {
            let de = digits_end(b, ne + 1);
            if de > ne + 1
                && b.get(de) != Some(&b'/')
                && !b.get(de).is_some_and(u8::is_ascii_alphanumeric)
            {
                if let (Ok(num), Ok(den)) =
                    (text[k..ne].parse::<f64>(), text[ne + 1..de].parse::<f64>())
                {
                    if den != 0.0 && num < den {
                        n.value = v + num / den;
                        n.end = de;
                        n.fraction = true;
                        return Some(n);
                    }
                }
            }
        }
    }
    if let Some(ch) = text[j..].chars().next() {
        if let Some(f) = vulgar(ch) {
            n.value = v + f;
            n.end = j + ch.len_utf8();
            n.fraction = true;
            return Some(n);
        }
    }
    // Scale: "1.2 million", "4.2bn", "5k", "30 lakh", "2 dozen".
    let k = if b.get(j) == Some(&b' ') { j + 1 } else { j };
    let k = if b.get(k) == Some(&b' ') { k + 1 } else { k };
    let we = word_at(b, k);
    // "M" for million only when attached ("10M"); "3 M" is more likely a name or a unit.
    if we > k && !b.get(we).is_some_and(u8::is_ascii_digit) && !(k != j && &text[k..we] == "M") {
        if let Some(s) = digit_scale(&text[k..we]).or_else(|| {
            let w = &text[k..we];
            // Only a short word with capitals can read differently in lower case.
            (w.len() <= 9 && w.bytes().any(|c| c.is_ascii_uppercase()))
                .then(|| digit_scale(&w.to_ascii_lowercase()))
                .flatten()
        }) {
            // "k" and short forms must not be the start of a longer token ("5 km").
            v = tidy(v * s);
            precision = tidy(precision * s);
            j = we;
            n.scaled = true;
            plain = false;
            // "3 hundred and 21", "3 million and a half": the rest of a spelled-out scale.
            if we - k >= 5 {
                if let Some((add, ae)) = scale_rest(text, j, s) {
                    v = tidy(v + add);
                    precision = 0.0;
                    j = ae;
                }
            }
        }
    }
    n.value = v;
    n.precision = precision;
    n.end = j;
    n.plain = plain;
    Some(n)
}

/// A power written after a number ending at `j` whose value is `v`: "^23", "^-1" (v raised to
/// it) or "x10^6", "×10^6" (v times ten to it). Returns the value and where it ends; none when
/// the result is not a finite, non-zero number.
fn power_after(text: &str, j: usize, v: f64) -> Option<(f64, usize)> {
    let rest = &text[j..];
    let (base, k) = if rest.starts_with('^') {
        (None, j + 1)
    } else {
        let times = ["x10^", "X10^", "\u{d7}10^", " x 10^", " \u{d7} 10^"]
            .iter()
            .find(|t| rest.starts_with(*t))?;
        (Some(10f64), j + times.len())
    };
    let b = text.as_bytes();
    let ds = if matches!(b.get(k), Some(b'-' | b'+')) {
        k + 1
    } else {
        k
    };
    let de = digits_end(b, ds);
    if de == ds
        || de - ds > 4
        || b.get(de)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'^')
    {
        return None;
    }
    let e: i32 = text[k..de].trim_start_matches('+').parse().ok()?;
    let p = match base {
        Some(ten) => v * ten.powi(e),
        None => v.powi(e),
    };
    (p.is_finite() && p != 0.0).then(|| (tidy(p), de))
}

/// The rest of a spelled-out scale after digits ending at `j` ("3 hundred" then " and 21", " and
/// one", " and a half"): what it adds (a fraction is of the scale `s`) and where it ends.
/// Only an amount below the scale counts, and not a word that starts a phrase of its own ("and
/// one of them").
fn scale_rest(text: &str, j: usize, s: f64) -> Option<(f64, usize)> {
    let k = j + " and ".len();
    if !text[j..].starts_with(" and ") {
        return None;
    }
    let b = text.as_bytes();
    let m = if b.get(k).is_some_and(u8::is_ascii_digit) {
        parse_unsigned(text, k).filter(|m| m.plain)
    } else {
        parse_word_numeral(text, k)
    }?;
    if m.ordinal || text[m.end..].trim_start_matches(' ').starts_with("of ") {
        return None;
    }
    let add = if m.fraction && m.value < 1.0 {
        m.value * s
    } else {
        m.value
    };
    (add > 0.0 && add < s).then_some((add, m.end))
}

/// "1 over twenty-one", "one over one hundred": a fraction written with "over", read only when
/// nothing continues the phrase after the denominator ("one over 20 years" is a span of time).
fn over_fraction(text: &str, n: &Numeral) -> Option<Numeral> {
    const OVER: &str = " over ";
    let rest = text.get(n.end..n.end + OVER.len())?;
    if !rest.eq_ignore_ascii_case(OVER)
        || n.ordinal
        || n.fraction
        || n.scaled
        || n.value.fract() != 0.0
    {
        return None;
    }
    let k = n.end + OVER.len();
    let b = text.as_bytes();
    let d = if b.get(k).is_some_and(u8::is_ascii_digit) {
        parse_unsigned(text, k)
    } else if b.get(k).is_some_and(u8::is_ascii_alphabetic) {
        parse_word_numeral(text, k)
    } else {
        None
    }?;
    if d.ordinal || d.fraction || d.value.fract() != 0.0 || d.value < 2.0 {
        return None;
    }
    let after = text[d.end..].trim_start_matches(' ');
    if after
        .bytes()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'%' || c == b'$')
    {
        return None;
    }
    Some(Numeral {
        value: tidy(n.value / d.value),
        end: d.end,
        fraction: true,
        plain: false,
        precision: 0.0,
        ..*n
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum W {
    Zero,
    Unit(f64),
    Teen(f64),
    Ten(f64),
    Hundred,
    Scale(f64),
    Dozen,
    A,
    And,
    Half,
    Quarter,
    /// Ordinal word; the flag says it can follow a tens word ("first" .. "ninth").
    Ord(f64, bool),
    /// Plural denominator ("thirds", "quarters").
    Denom(f64),
    Minus,
    /// The decimal point of a spoken decimal ("two point five").
    Point,
}

/// Every number word and its class, lower-case. `classify` looks words up by length and first
/// letter, so a word of prose that is no number word costs a comparison or two.
#[rustfmt::skip]
static NUMBER_WORDS: &[(&str, W)] = {
    use W::{
        And, Denom, Dozen, Half, Hundred, Minus, Ord, Point, Quarter, Scale, Teen, Ten, Unit, Zero,
        A,
    };
    &[
        ("zero", Zero),
        ("nought", Zero),
        ("nil", Zero),
        ("naught", Zero),
        ("one", Unit(1.0)),
        ("two", Unit(2.0)),
        ("three", Unit(3.0)),
        ("four", Unit(4.0)),
        ("five", Unit(5.0)),
        ("six", Unit(6.0)),
        ("seven", Unit(7.0)),
        ("eight", Unit(8.0)),
        ("nine", Unit(9.0)),
        ("ten", Teen(10.0)),
        ("eleven", Teen(11.0)),
        ("twelve", Teen(12.0)),
        ("thirteen", Teen(13.0)),
        ("fourteen", Teen(14.0)),
        ("fifteen", Teen(15.0)),
        ("sixteen", Teen(16.0)),
        ("seventeen", Teen(17.0)),
        ("eighteen", Teen(18.0)),
        ("nineteen", Teen(19.0)),
        ("twenty", Ten(20.0)),
        ("thirty", Ten(30.0)),
        ("forty", Ten(40.0)),
        ("fourty", Ten(40.0)),
        ("fifty", Ten(50.0)),
        ("sixty", Ten(60.0)),
        ("seventy", Ten(70.0)),
        ("eighty", Ten(80.0)),
        ("ninety", Ten(90.0)),
        ("hundred", Hundred),
        ("thousand", Scale(1e3)),
        ("thousands", Scale(1e3)),
        ("million", Scale(1e6)),
        ("millions", Scale(1e6)),
        ("billion", Scale(1e9)),
        ("billions", Scale(1e9)),
        ("trillion", Scale(1e12)),
        ("trillions", Scale(1e12)),
        ("hundreds", Hundred),
        ("dozens", Dozen),
        ("lakh", Scale(1e5)),
        ("lakhs", Scale(1e5)),
        ("crore", Scale(1e7)),
        ("crores", Scale(1e7)),
        ("krore", Scale(1e7)),
        ("krores", Scale(1e7)),
        ("koti", Scale(1e7)),
        ("cr", Scale(1e7)),
        ("dozen", Dozen),
        ("a", A),
        ("an", A),
        ("and", And),
        ("half", Half),
        ("quarter", Quarter),
        ("minus", Minus),
        ("negative", Minus),
        ("point", Point),
        ("first", Ord(1.0, true)),
        ("second", Ord(2.0, true)),
        ("third", Ord(3.0, true)),
        ("fourth", Ord(4.0, true)),
        ("fifth", Ord(5.0, true)),
        ("sixth", Ord(6.0, true)),
        ("seventh", Ord(7.0, true)),
        ("eighth", Ord(8.0, true)),
        ("ninth", Ord(9.0, true)),
        ("tenth", Ord(10.0, false)),
        ("eleventh", Ord(11.0, false)),
        ("twelfth", Ord(12.0, false)),
        ("thirteenth", Ord(13.0, false)),
        ("fourteenth", Ord(14.0, false)),
        ("fifteenth", Ord(15.0, false)),
        ("sixteenth", Ord(16.0, false)),
        ("seventeenth", Ord(17.0, false)),
        ("eighteenth", Ord(18.0, false)),
        ("nineteenth", Ord(19.0, false)),
        ("twentieth", Ord(20.0, false)),
        ("thirtieth", Ord(30.0, false)),
        ("fortieth", Ord(40.0, false)),
        ("fiftieth", Ord(50.0, false)),
        ("sixtieth", Ord(60.0, false)),
        ("seventieth", Ord(70.0, false)),
        ("eightieth", Ord(80.0, false)),
        ("ninetieth", Ord(90.0, false)),
        ("hundredth", Ord(100.0, false)),
        ("thousandth", Ord(1000.0, false)),
        ("millionth", Ord(1e6, false)),
        ("billionth", Ord(1e9, false)),
        ("trillionth", Ord(1e12, false)),
        // Plural ordinals are denominators: "three fifths", "two and fifty-four hundredths".
        // "firsts" only ends a compound ("three twenty firsts"); "seconds" is always time.
        ("firsts", Denom(1.0)),
        ("halves", Denom(2.0)),
        ("thirds", Denom(3.0)),
        ("quarters", Denom(4.0)),
        ("fourths", Denom(4.0)),
        ("fifths", Denom(5.0)),
        ("sixths", Denom(6.0)),
        ("sevenths", Denom(7.0)),
        ("eighths", Denom(8.0)),
        ("ninths", Denom(9.0)),
        ("tenths", Denom(10.0)),
        ("elevenths", Denom(11.0)),
        ("twelfths", Denom(12.0)),
        ("thirteenths", Denom(13.0)),
        ("fourteenths", Denom(14.0)),
        ("fifteenths", Denom(15.0)),
        ("sixteenths", Denom(16.0)),
        ("seventeenths", Denom(17.0)),
        ("eighteenths", Denom(18.0)),
        ("nineteenths", Denom(19.0)),
        ("twentieths", Denom(20.0)),
        ("thirtieths", Denom(30.0)),
        ("fortieths", Denom(40.0)),
        ("fiftieths", Denom(50.0)),
        ("sixtieths", Denom(60.0)),
        ("seventieths", Denom(70.0)),
        ("eightieths", Denom(80.0)),
        ("ninetieths", Denom(90.0)),
        ("hundredths", Denom(100.0)),
        ("thousandths", Denom(1000.0)),
        ("millionths", Denom(1e6)),
        ("billionths", Denom(1e9)),
        ("trillionths", Denom(1e12)),
    ]
};

/// The longest entry of `NUMBER_WORDS`.
const MAX_NUMBER_WORD: usize = 12;

/// The longest run-together compound ("seventyseventh").
const MAX_COMPOUND: usize = 14;

/// The tens words that run-together compounds start with ("twentyfirst").
const TENS: [(&str, f64); 8] = [
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// `NUMBER_WORDS` by length and first letter, and the shapes of number words.
struct WordIndex {
    /// The entries of each (length, first letter).
    buckets: Vec<Vec<(&'static [u8], W)>>,
    /// Per (length, first letter), a bit per last letter: set when a number word or a
    /// run-together compound has that length, first and last letter.
    shapes: Vec<u32>,
}

fn word_index() -> &'static WordIndex {
    static INDEX: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut buckets = vec![Vec::new(); (MAX_NUMBER_WORD + 1) * 26];
        let mut shapes = vec![0u32; (MAX_COMPOUND + 1) * 26];
        let mut shape = |len: usize, first: u8, last: u8| {
            shapes[len * 26 + usize::from(first - b'a')] |= 1 << (last - b'a');
        };
        for &(w, c) in NUMBER_WORDS {
            let w = w.as_bytes();
            buckets[w.len() * 26 + usize::from(w[0] - b'a')].push((w, c));
            shape(w.len(), w[0], w[w.len() - 1]);
            if matches!(c, W::Unit(_) | W::Ord(_, true)) {
                for (t, _) in TENS {
                    shape(t.len() + w.len(), t.as_bytes()[0], w[w.len() - 1]);
                }
            }
        }
        WordIndex { buckets, shapes }
    })
}

/// False when no number word or run-together compound has the length, first and last letter
/// of `w` (any case): most words of prose are rejected by this one bit test.
#[inline]
fn has_number_shape(w: &[u8]) -> bool {
    let (Some(first), Some(last)) = (w.first(), w.last()) else {
        return false;
    };
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    w.len() <= MAX_COMPOUND
        && first.is_ascii_lowercase()
        && last.is_ascii_lowercase()
        && word_index().shapes[w.len() * 26 + usize::from(first - b'a')] & (1 << (last - b'a')) != 0
}

/// The class of a word (any case), if it is a number word. Compared in place, byte by byte:
/// this runs for nearly every word of a text, and most share their bucket with no entry.
fn classify(w: &[u8]) -> Option<W> {
    let first = w.first()?.to_ascii_lowercase();
    if w.len() > MAX_NUMBER_WORD || !first.is_ascii_lowercase() {
        return None;
    }
    word_index().buckets[w.len() * 26 + usize::from(first - b'a')]
        .iter()
        .find(|e| e.0.iter().zip(w).all(|(a, b)| *a == b.to_ascii_lowercase()))
        .map(|e| e.1)
}

/// True when the ASCII word `w` (any case) is a number word or a run-together compound.
fn is_number_word_start(w: &[u8]) -> bool {
    has_number_shape(w) && (classify(w).is_some() || split_compound(w).is_some())
}

/// False when the ASCII word `text[i..we]` cannot start a word numeral: it is no number word,
/// or it is "and" or "point" (which never start one), or "a" / "an" not followed by a number
/// word ("a dozen" is one, "a year" is not). The cheap test every word of a text goes through
/// before `parse_word_numeral` reads it; it only rejects what that would reject.
#[inline]
fn may_start_word_numeral(text: &str, i: usize, we: usize) -> bool {
    let b = text.as_bytes();
    let w = &b[i..we];
    if !has_number_shape(w) {
        return false;
    }
    match classify(w) {
        Some(W::And | W::Point) => false,
        Some(W::A) => {
            let k = skip_sep(text, we);
            k > we && is_number_word_start(&b[k..word_at(b, k)])
        }
        Some(_) => true,
        None => split_compound(w).is_some(),
    }
}

/// Splits a run-together compound ("twentyfifth", "fortysecond") into its tens and the rest.
fn split_compound(w: &[u8]) -> Option<(W, W)> {
    // From "fortyone" to "seventyseventh": most words are rejected here.
    if !(8..=MAX_COMPOUND).contains(&w.len())
        || !matches!(w[0].to_ascii_lowercase(), b't' | b'f' | b's' | b'e' | b'n')
    {
        return None;
    }
    for (t, v) in TENS {
        if w[..t.len()].eq_ignore_ascii_case(t.as_bytes()) {
            match classify(&w[t.len()..]) {
                Some(r @ (W::Unit(_) | W::Ord(_, true))) => return Some((W::Ten(v), r)),
                _ => return None,
            }
        }
    }
    None
}

/// The denominator a singular fraction word stands for after "a" / "one" ("a third").
fn singular_denom(w: W) -> Option<f64> {
    match w {
        W::Half => Some(2.0),
        W::Quarter => Some(4.0),
        // "a fifth", "a thirtieth", "a millionth"; "a first" and "a second" are no fractions.
        W::Ord(v, _) if v >= 3.0 => Some(v),
        _ => None,
    }
}

/// The fraction digits of a spoken decimal starting at token `k` ("point nought four",
/// "point eleven"): one digit word per digit, or one two-digit number. Returns the fraction,
/// where it ends and the index of the token after it.
fn spoken_decimals(toks: &[(W, usize, usize)], k: usize) -> Option<(f64, usize, usize)> {
    let mut f = 0.0;
    let mut step = 0.1;
    let mut j = k;
    let mut end = 0;
    while let Some(&(w, _, we)) = toks.get(j) {
        let d = match w {
            W::Zero => 0.0,
            W::Unit(v) => v,
            _ => break,
        };
        f += d * step;
        step /= 10.0;
        end = we;
        j += 1;
    }
    if j > k {
        return Some((tidy(f), end, j));
    }
    match (toks.get(k)?.0, toks.get(k + 1).map(|t| t.0)) {
        (W::Teen(v), _) => Some((v / 100.0, toks[k].2, k + 1)),
        (W::Ten(t), Some(W::Unit(u))) => Some((tidy((t + u) / 100.0), toks[k + 1].2, k + 2)),
        (W::Ten(t), _) => Some((t / 100.0, toks[k].2, k + 1)),
        _ => None,
    }
}

/// True when the word right before `start` is `word` (any case).
fn word_before_is(text: &str, start: usize, word: &str) -> bool {
    let before = text[..start].trim_end_matches(' ');
    before.len() >= word.len()
        && before.is_char_boundary(before.len() - word.len())
        && before[before.len() - word.len()..].eq_ignore_ascii_case(word)
        && before[..before.len() - word.len()]
            .bytes()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Separators allowed between number words: spaces, hyphens and dashes, a few of them.
fn skip_sep(text: &str, mut j: usize) -> usize {
    let start = j;
    for c in text[j..].chars() {
        if matches!(c, ' ' | '-' | '\u{2013}' | '\u{2014}') && j - start < 6 {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// The most tokens a run of number words is read to (a compound word is two tokens).
const MAX_TOKENS: usize = 24;

/// The tokens of a run of number words, on the stack: most runs are one or two words.
struct Tokens {
    buf: [(W, usize, usize); MAX_TOKENS + 1],
    len: usize,
}

impl Tokens {
    fn push(&mut self, t: (W, usize, usize)) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = t;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[(W, usize, usize)] {
        &self.buf[..self.len]
    }
}

/// The tokens of a run of number words starting at `i`: (class, start, end).
fn word_tokens(text: &str, i: usize) -> Tokens {
    let b = text.as_bytes();
    let mut toks = Tokens {
        buf: [(W::Zero, 0, 0); MAX_TOKENS + 1],
        len: 0,
    };
    let mut j = i;
    while toks.len < MAX_TOKENS {
        let we = word_at(b, j);
        if we == j || we - j > 20 || b.get(we).is_some_and(u8::is_ascii_digit) {
            break;
        }
        let w = &b[j..we];
        if let Some(c) = classify(w) {
            toks.push((c, j, we));
        } else if let Some((t, r)) = split_compound(w) {
            toks.push((t, j, we));
            toks.push((r, j, we));
        } else {
            break;
        }
        let next = skip_sep(text, we);
        if next == we {
            break;
        }
        j = next;
    }
    toks
}

fn parse_word_numeral(text: &str, i: usize) -> Option<Numeral> {
    // Cheap rejection: the first word must be a number word at all. This runs for nearly every
    // word of the text; no number word is longer than 14 bytes ("seventyseventh").
    let b = text.as_bytes();
    if !is_number_word_start(&b[i..word_at(b, i)]) {
        return None;
    }
    let toks = word_tokens(text, i);
    let toks = toks.as_slice();
    if toks.is_empty() {
        return None;
    }
    if toks[0].0 == W::Minus {
        let k = skip_sep(text, toks[0].2);
        let inner = if b.get(k).is_some_and(u8::is_ascii_digit) {
            parse_digit_numeral(text, k)
        } else {
            parse_word_numeral(text, k)
        }?;
        if inner.ordinal || k == toks[0].2 {
            return None;
        }
        return Some(Numeral {
            value: -inner.value,
            start: i,
            plain: false,
            ..inner
        });
    }
    parse_word_tokens(text, toks)
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    A,
    Unit,
    Teen,
    Ten,
    Hundred,
    Scale,
    And,
    Frac,
}

/// True when what follows a singular fraction word makes it a fraction: "of", or the end of the
/// phrase (punctuation, end of text, a conjunction).
fn fraction_context(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    let b = rest.as_bytes();
    // "a third-party vendor", "a fifteenth-century church": a compound adjective.
    if b.first() == Some(&b'-') && b.get(1).is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    if b.first().is_none_or(|c| !c.is_ascii_alphanumeric()) {
        return true;
    }
    let w = &rest[..b
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(b.len())];
    [
        "of", "and", "or", "more", "less", "fewer", "higher", "lower",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x))
}

/// True when the word before a numeral starting at `start` makes "a third" a fraction: "by a
/// third", "than a third", "about a fifth".
fn fraction_lead(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let w = &before[before
        .bytes()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |p| p + 1)..];
    [
        "by", "than", "about", "nearly", "almost", "roughly", "around", "over",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x))
}

fn parse_word_tokens(text: &str, toks: &[(W, usize, usize)]) -> Option<Numeral> {
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut last = Last::Start;
    let mut end = 0usize;
    let mut last_scale = f64::INFINITY;
    let mut fraction = false;
    let mut scaled = false;
    let start = toks[0].1;
    let mut k = 0;
    let is_num = |l: Last| matches!(l, Last::Unit | Last::Teen | Last::Ten);
    while k < toks.len() {
        let (w, _, we) = toks[k];
        match w {
            W::Zero if last == Last::Start => {
                end = we;
                last = Last::Unit;
                // "zero" stands alone, unless a spoken decimal follows ("nought point three").
                if !matches!(toks.get(k + 1), Some((W::Point, ..))) {
                    break;
                }
            }
            W::Point if is_num(last) || last == Last::Hundred => {
                // "two hundred point zero three", "nine point nought four"; not "at one point
                // two officers", where "at one point" means "once".
                if total + cur == 1.0 && word_before_is(text, start, "at") {
                    break;
                }
                let Some((f, fe, next)) = spoken_decimals(toks, k + 1) else {
                    break;
                };
                cur += f;
                end = fe;
                // A scale may follow: "two point five million".
                if let Some(&(W::Scale(s), _, se)) = toks.get(next) {
                    if total == 0.0 {
                        cur *= s;
                        end = se;
                        scaled = true;
                    }
                }
                break;
            }
            W::Unit(v)
                if matches!(
                    last,
                    Last::Start | Last::Ten | Last::Hundred | Last::Scale | Last::And
                ) =>
            {
                cur += v;
                last = Last::Unit;
            }
            W::Ten(t)
                if !matches!(last, Last::Start | Last::A | Last::And | Last::Frac)
                    && matches!(toks.get(k + 1), Some(&(W::Denom(u), ..)) if u < 10.0) =>
            {
                // A tens word right before a plural unit ordinal joins the denominator: "three
                // twenty firsts" is 3/21, "one hundred thirty fifths" 100/35.
                let u = match toks[k + 1].0 {
                    W::Denom(u) => u,
                    _ => 1.0,
                };
                cur = (total + cur) / (t + u);
                total = 0.0;
                end = toks[k + 1].2;
                fraction = true;
                break;
            }
            W::Ten(t) if last == Last::A => {
                // "a twenty-first", "a thirty-fifth of": one part in a compound ordinal.
                let Some(&(W::Ord(u, true), _, oe)) = toks.get(k + 1) else {
                    break;
                };
                if !fraction_context(text, oe) && !fraction_lead(text, start) {
                    return None;
                }
                cur = 1.0 / (t + u);
                end = oe;
                fraction = true;
                break;
            }
            W::Teen(v) | W::Ten(v)
                if matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And) =>
            {
                cur += v;
                last = if matches!(w, W::Teen(_)) {
                    Last::Teen
                } else {
                    Last::Ten
                };
            }
            W::Hundred if is_num(last) || last == Last::A => {
                cur = cur.max(1.0) * 100.0;
                last = Last::Hundred;
                scaled = true;
            }
            W::Scale(s)
                if is_num(last)
                    || matches!(last, Last::A | Last::Hundred | Last::Frac)
                    // "three lakh crore", "a thousand million": a larger scale multiplies.
                    || (last == Last::Scale && cur == 0.0 && s > last_scale && s >= 1e3) =>
            {
                if s < last_scale {
                    total += cur.max(if last == Last::Frac { cur } else { 1.0 }) * s;
                    last_scale = s;
                } else {
                    total = (total + cur) * s;
                }
                cur = 0.0;
                last = Last::Scale;
                scaled = true;
            }
            W::Dozen if is_num(last) || matches!(last, Last::A | Last::Frac) => {
                cur = cur.max(if last == Last::Frac { cur } else { 1.0 }) * 12.0;
                last = Last::Unit;
                scaled = true;
            }
            W::A if last == Last::Start => {
                last = Last::A;
            }
            W::A if last == Last::Frac && cur == 0.5 => {
                // "half a dozen", "half a million".
                let next_ok = toks
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.0, W::Dozen | W::Scale(_) | W::Hundred));
                if !next_ok {
                    break;
                }
            }
            W::Quarter
                if last == Last::Start
                    && toks.get(k + 1).is_some_and(|t| matches!(t.0, W::Scale(_))) =>
            {
                cur = 0.25;
                last = Last::Frac;
                fraction = true;
            }
            W::Half if matches!(last, Last::Start | Last::A) => {
                cur = 0.5;
                last = Last::Frac;
                fraction = true;
            }
            W::Quarter | W::Ord(..) if last == Last::A => {
                let Some(d) = singular_denom(w) else { break };
                // "a third of", "a third." are fractions; "a third term" is a rank, read from
                // the ordinal word on its own.
                if matches!(w, W::Ord(..))
                    && !fraction_context(text, we)
                    && !fraction_lead(text, start)
                {
                    return None;
                }
                cur = 1.0 / d;
                last = Last::Frac;
                fraction = true;
            }
            W::Quarter | W::Half | W::Ord(..)
                if last == Last::Unit
                    && cur == 1.0
                    && total == 0.0
                    && singular_denom(w).is_some()
                    // "one millionth of a second", but "the one millionth visitor" is a rank.
                    && (matches!(w, W::Ord(v, _) if v <= 10.0 || v == 100.0 || v == 1000.0)
                        || !matches!(w, W::Ord(..))
                        || fraction_context(text, we)) =>
            {
                // "one third", "one-quarter".
                cur = 1.0 / singular_denom(w).unwrap_or(1.0);
                last = Last::Frac;
                fraction = true;
            }
            W::Denom(d) if d > 1.0 && (is_num(last) || last == Last::Hundred) => {
                // "two-thirds", "three quarters", "twenty-three fifths", "five hundred fifths".
                cur /= d;
                end = we;
                fraction = true;
                // A scale may follow: "one billion and three quarters million".
                if let Some(&(W::Scale(s), _, se)) = toks.get(k + 1) {
                    cur *= s;
                    end = se;
                    scaled = true;
                }
                break;
            }
            W::And
                if matches!(
                    last,
                    Last::Hundred | Last::Scale | Last::Unit | Last::Teen | Last::Ten
                ) =>
            {
                // "one hundred and five"; "two and a half"; "five and three quarters".
                // "two and fifty-four hundredths", "twenty and three and three fifths"; "five
                // billion and three quarters" is a fraction of the last scale.
                // Only tried when a fraction word follows at all, which also keeps the
                // recursion (bounded by the 24 tokens of a run) rare.
                let numerator_next = matches!(
                    toks.get(k + 1).map(|t| t.0),
                    Some(W::Unit(_) | W::Teen(_) | W::Ten(_))
                ) && toks[k + 1..]
                    .iter()
                    .any(|t| matches!(t.0, W::Denom(_) | W::Half | W::Quarter | W::Ord(..)));
                if let Some(sub) = numerator_next
                    .then(|| parse_word_tokens(text, &toks[k + 1..]))
                    .flatten()
                    .filter(|n| n.fraction && !n.ordinal)
                {
                    if last == Last::Scale && sub.value < 1.0 {
                        total += sub.value * last_scale;
                    } else {
                        cur += sub.value;
                    }
                    end = sub.end;
                    fraction = true;
                    scaled |= sub.scaled;
                    break;
                }
                match (toks.get(k + 1).map(|t| t.0), toks.get(k + 2).map(|t| t.0)) {
                    (Some(W::A), Some(f @ (W::Half | W::Quarter | W::Ord(..))))
                        if singular_denom(f).is_some() =>
                    {
                        cur += 1.0 / singular_denom(f).unwrap_or(1.0);
                        end = toks[k + 2].2;
                        fraction = true;
                        k += 3;
                        // A scale may follow: "five and a half million".
                        if let Some((W::Scale(s), _, se)) = toks.get(k).copied() {
                            total += cur * s;
                            cur = 0.0;
                            end = se;
                            scaled = true;
                        }
                        break;
                    }

                    (Some(W::Unit(_) | W::Teen(_) | W::Ten(_)), _)
                        if matches!(last, Last::Hundred | Last::Scale) =>
                    {
                        last = Last::And;
                    }
                    _ => break,
                }
            }
            W::Ord(v, unit_like)
                if matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And)
                    || (last == Last::Ten && unit_like && v < 10.0) =>
            {
                if v >= 100.0 && last != Last::Start {
                    // "two hundredth": the scale ordinal multiplies.
                    break;
                }
                let value = total + cur + v;
                return Some(Numeral {
                    ordinal: true,
                    ..Numeral::new(value, start, we)
                });
            }
            W::Ord(v, _) if v >= 100.0 && is_num(last) => {
                let value = total + cur * v;
                return Some(Numeral {
                    ordinal: true,
                    ..Numeral::new(value, start, we)
                });
            }
            _ => break,
        }
        if last != Last::A && last != Last::And {
            end = we;
        }
        k += 1;
    }
    if end == 0 || matches!(last, Last::Start | Last::A) && !fraction {
        return None;
    }
    // "a half-built stadium", "half-empty": "half" is an adjective prefix there.
    if last == Last::Frac
        && cur == 0.5
        && text[end..].starts_with('-')
        && text
            .as_bytes()
            .get(end + 1)
            .is_some_and(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let value = tidy(total + cur);
    if value == 0.0 && last != Last::Unit {
        return None;
    }
    Some(Numeral {
        fraction,
        scaled,
        ..Numeral::new(value, start, end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (f64, &str) {
        let n = find_numerals(text);
        assert_eq!(n.len(), 1, "{text}: {n:?}");
        (n[0].value, &text[n[0].start..n[0].end])
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn every_number_word_is_found_by_its_bucket() {
        for (i, &(w, c)) in NUMBER_WORDS.iter().enumerate() {
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            assert!(w.len() <= MAX_NUMBER_WORD, "{w}");
            assert!(NUMBER_WORDS[..i].iter().all(|e| e.0 != w), "{w} twice");
            assert_eq!(classify(w.as_bytes()), Some(c), "{w}");
        }
        for w in ["", "the", "tens", "zeros", "hundredthss", "a1"] {
            assert_eq!(classify(w.as_bytes()), None, "{w}");
        }
        assert_eq!(classify(b"TwO"), Some(W::Unit(2.0)));
        assert_eq!(
            split_compound(b"FortyFirst"),
            Some((W::Ten(40.0), W::Ord(1.0, true)))
        );
        assert_eq!(
            split_compound(b"seventyseventh"),
            Some((W::Ten(70.0), W::Ord(7.0, true)))
        );
        assert_eq!(
            split_compound(b"fortyone"),
            Some((W::Ten(40.0), W::Unit(1.0)))
        );
        assert_eq!(split_compound(b"fortyfold"), None);
        for &(w, c) in NUMBER_WORDS {
            assert!(has_number_shape(w.to_uppercase().as_bytes()), "{w}");
            if matches!(c, W::Unit(_) | W::Ord(_, true)) {
                for (t, _) in TENS {
                    let compound = format!("{t}{w}");
                    assert!(has_number_shape(compound.as_bytes()), "{compound}");
                    assert!(split_compound(compound.as_bytes()).is_some(), "{compound}");
                }
            }
        }
        for w in ["the", "that", "was", "year", "percent", "people"] {
            assert!(!has_number_shape(w.as_bytes()), "{w}");
        }
    }

    /// `may_start_word_numeral` rejects only words that `parse_word_numeral` reads nothing at.
    #[test]
    fn the_word_prefilter_rejects_only_non_numerals() {
        let words = [
            "a",
            "an",
            "and",
            "point",
            "minus",
            "half",
            "a",
            "dozen",
            "hundred",
            "third",
            "year",
            "thirds",
            "fortyfirst",
            "the",
            "of",
            "-",
            " ",
            "  ",
            "–",
            "5",
            "million",
            "one",
        ];
        let mut n = 0;
        for x in words {
            for y in words {
                for z in words {
                    let text = format!("{x} {y}{z} {x}");
                    let b = text.as_bytes();
                    for i in 0..text.len() {
                        if !b[i].is_ascii_alphabetic() || (i > 0 && b[i - 1].is_ascii_alphabetic())
                        {
                            continue;
                        }
                        if !may_start_word_numeral(&text, i, word_at(b, i)) {
                            n += 1;
                            assert_eq!(parse_word_numeral(&text, i), None, "{text:?} at {i}");
                        }
                    }
                }
            }
        }
        assert!(n > 1000, "only {n} words rejected");
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(one("nearly 2,600 terabytes"), (2600.0, "2,600"));
        assert_eq!(one("$4.2bn"), (4.2e9, "4.2bn"));
        assert_eq!(one("1.2 million people"), (1.2e6, "1.2 million"));
        assert_eq!(one("twenty-one"), (21.0, "twenty-one"));
        assert_eq!(one("two and a half weeks").0, 2.5);
        assert_eq!(one("5k runners"), (5000.0, "5k"));
        assert_eq!(one("a drop of -3 points"), (-3.0, "-3"));
        assert_eq!(one("1e10"), (1e10, "1e10"));
    }

    #[test]
    fn words() {
        assert_eq!(one("one hundred and five"), (105.0, "one hundred and five"));
        assert_eq!(one("a dozen eggs"), (12.0, "a dozen"));
        assert_eq!(one("a hundred people"), (100.0, "a hundred"));
        assert_eq!(one("seven hundred twenty-one thousand twelve").0, 721_012.0);
        assert_eq!(
            one("minus three million two hundred thousand").0,
            -3_200_000.0
        );
        assert_eq!(one("half a dozen"), (6.0, "half a dozen"));
        assert_eq!(one("five and a half million").0, 5_500_000.0);
    }

    #[test]
    fn fractions() {
        assert!(close(one("two-thirds of voters").0, 2.0 / 3.0));
        assert!(close(one("a third of").0, 1.0 / 3.0));
        assert_eq!(one("10 1/2 miles"), (10.5, "10 1/2"));
        assert_eq!(one("3/4 cup"), (0.75, "3/4"));
        assert_eq!(one("half"), (0.5, "half"));
        assert_eq!(one("three quarters").0, 0.75);
    }

    #[test]
    fn ordinals() {
        let n = scan_numerals("the 21st and twenty-first and third");
        let v: Vec<(f64, bool)> = n.iter().map(|n| (n.value, n.ordinal)).collect();
        assert_eq!(v, vec![(21.0, true), (21.0, true), (3.0, true)]);
        assert!(find_numerals("the 21st").is_empty());
    }

    #[test]
    fn not_numerals() {
        assert!(find_numerals("COVID-19 and A380 and v1.2.3").is_empty());
        assert!(find_numerals("someone said anything").is_empty());
        assert_eq!(find_numerals("5/17/2018").len(), 3);
    }

    #[test]
    fn precision_follows_the_written_digits() {
        assert_eq!(parse_digits("1,400"), Some((1400.0, 100.0)));
        assert_eq!(parse_digits("16.4"), Some((16.4, 0.1)));
        // One trailing zero is a count, unless the figure has nothing else (hedge::ROUND_ZEROS).
        assert_eq!(parse_digits("61,240"), Some((61240.0, 1.0)));
        assert_eq!(parse_digits("490"), Some((490.0, 1.0)));
        assert_eq!(parse_digits("30"), Some((30.0, 10.0)));
        assert_eq!(parse_digits("1,230,000"), Some((1_230_000.0, 10_000.0)));
        assert_eq!(parse_digits("487"), Some((487.0, 1.0)));
    }
}
