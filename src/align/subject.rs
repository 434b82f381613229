//! Reading a claim's subject from its sentence.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::{Arc, OnceLock};

use regex::Regex;

use crate::claim::{Claim, Kind};
use crate::document::{Document, Span};
use crate::lexicon::terms::TermsLexicon;
use crate::lexicon::{WordHasher, WordMap};
use crate::segment;

/// What a claim is about, read from its sentence.
#[derive(Debug, Clone, Default)]
pub struct Subject {
    /// The sentence, as a span of the document's prose.
    pub sentence: Span,
    /// Canonical content terms of the whole sentence (outside any claim), sorted, without
    /// repeats; shared by the claims of one sentence.
    pub terms: Arc<[String]>,
    /// Canonical content terms near the claim, in its clause, sorted, without repeats.
    pub local: Vec<String>,
    /// Named entities of the sentence, normalised (lowercase, no possessive), sorted, without
    /// repeats; shared by the claims of one sentence.
    pub entities: Arc<[String]>,
    /// The entity the claim belongs to: the first entity of the sentence before it, or the
    /// antecedent of a relative clause ("Hollin, who took 48,930 votes").
    pub agent: Option<String>,
    /// The counted or measured noun, folded through related terms.
    pub noun: Option<String>,
    /// The word the figure modifies when it stands right before a noun ("42,000-seat stadium"
    /// -> "stadium"), folded through related terms.
    pub head: Option<String>,
    /// The year a figure is anchored to by a date in its clause ("in 2021", "last year", "since
    /// 2010, when 7,000 runners..."), when that date covers at most a year.
    pub year: Option<i16>,
    /// Statistic words around a figure ("average", "per", "daily", "median"): figures compare
    /// only with the same qualifiers.
    pub qualifiers: Vec<String>,
    /// The event class the claim dates ("start", "discovery", ...), when a date or period.
    pub event: Option<String>,
    /// Canonical terms around the event word (what started, what was discovered).
    pub event_terms: Vec<String>,
    /// The canonical words of the event's argument, the noun phrase before its verb ("the
    /// survey, released on Wednesday": survey; "the rifle was discovered": rifle), sorted; empty
    /// when it is a pronoun or not found (`event_argument`).
    pub event_arg: Vec<String>,
    /// Indices (into the run's claims) of the windows a change or count happened over: periods
    /// and durations of the same sentence.
    pub windows: Vec<usize>,
    /// The figure is a plan, forecast, target, limit or original estimate.
    pub plan: bool,
    /// The figure is a running count (updated by later reports).
    pub running: bool,
    /// The figure is a part of a larger whole or a subgroup.
    pub part: bool,
    /// The claim is in a future, negated or hypothetical clause.
    pub irrealis: bool,
    /// The figure is an increment ("a further", "another", "extra") rather than a level.
    pub increment: bool,
    /// The figure is attributed to someone else's disputed claim ("the union has claimed the
    /// figure is nearer 1,000").
    pub attributed: bool,
}

#[derive(Debug, Clone)]
struct Token<'a> {
    start: usize,
    end: usize,
    /// Lower case, without a possessive "'s"; borrowed from the text when it is already lower
    /// case (most words are), so that tokenising allocates only for capitalised words.
    lower: Cow<'a, str>,
    word: bool,
    cap: bool,
    /// All letters upper case, two or more of them (an acronym).
    upper: bool,
    /// Written with a possessive "'s" (a name, when capitalised).
    possessive: bool,
    /// The canonical term of a content word, computed once a sentence (stemming is costly and
    /// every claim of the sentence reads every word of it); `None` for other tokens.
    canon: Option<String>,
    /// Inside a claim of the sentence: a value, not subject (set with `canon`).
    in_claim: bool,
}

/// What a character can start or continue in a token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    /// `\p{L}`.
    Letter,
    /// `\p{N}`.
    Number,
    Other,
}

#[inline]
fn class_of(text: &str, at: usize, c: char) -> CharClass {
    // Rare outside ASCII: the regex crate's Unicode tables decide, one character at a time.
    static CLASSES: OnceLock<(Regex, Regex)> = OnceLock::new();
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            CharClass::Letter
        } else if c.is_ascii_digit() {
            CharClass::Number
        } else {
            CharClass::Other
        };
    }
    let (letter, number) = CLASSES.get_or_init(|| {
        (
            Regex::new(r"\A\p{L}").expect("letter regex"),
            Regex::new(r"\A\p{N}").expect("number regex"),
        )
    });
    let rest = &text[at..];
    if letter.is_match(rest) {
        CharClass::Letter
    } else if number.is_match(rest) {
        CharClass::Number
    } else {
        CharClass::Other
    }
}

/// The byte ranges of the tokens of `text`: the matches of
/// `[\p{L}][\p{L}\p{N}'’\-]*|\p{N}+(?:[,.]\p{N}+)*%?|[,;:()\u{2014}\u{2013}]`, scanned by hand
/// (a regex search costs a forward and a reverse pass per token).
#[cfg(test)]
fn token_ranges(text: &str) -> Vec<(usize, usize)> {
    TokenRanges { text, i: 0 }.collect()
}

/// The scanner of `token_ranges`, one token at a time, so that tokens are built without an
/// intermediate list of ranges.
struct TokenRanges<'a> {
    text: &'a str,
    /// Always on a char boundary.
    i: usize,
}

impl TokenRanges<'_> {
    /// The character at `i` (a char boundary); ASCII (most text) needs no decoding.
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        match self.text.as_bytes().get(i) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.text[i..].chars().next(),
            None => None,
        }
    }

    #[inline]
    fn class_at(&self, i: usize) -> CharClass {
        self.char_at(i)
            .map_or(CharClass::Other, |c| class_of(self.text, i, c))
    }

    /// The end of the run of `\p{N}` starting at `i`.
    fn digits(&self, mut i: usize) -> usize {
        while let Some(d) = self.char_at(i) {
            if class_of(self.text, i, d) != CharClass::Number {
                break;
            }
            i += d.len_utf8();
        }
        i
    }
}

impl Iterator for TokenRanges<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut i = self.i;
        while let Some(c) = self.char_at(i) {
            let start = i;
            match class_of(self.text, i, c) {
                CharClass::Letter => {
                    i += c.len_utf8();
                    loop {
                        // ASCII letters, digits, apostrophes and hyphens continue a word.
                        match bytes.get(i) {
                            Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-') => {
                                i += 1;
                            }
                            Some(b) if b.is_ascii() => break,
                            Some(_) => {
                                let d = self.char_at(i).unwrap_or(' ');
                                if d == '’' || class_of(self.text, i, d) != CharClass::Other {
                                    i += d.len_utf8();
                                } else {
                                    break;
                                }
                            }
                            None => break,
                        }
                    }
                }
                CharClass::Number => {
                    i = self.digits(i);
                    while matches!(self.char_at(i), Some(',' | '.'))
                        && i + 1 < self.text.len()
                        && self.class_at(i + 1) == CharClass::Number
                    {
                        i = self.digits(i + 1);
                    }
                    if self.char_at(i) == Some('%') {
                        i += 1;
                    }
                }
                CharClass::Other => {
                    i += c.len_utf8();
                    if !matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}') {
                        continue;
                    }
                }
            }
            self.i = i;
            return Some((start, i));
        }
        self.i = i;
        None
    }
}

/// `s` in lower case: borrowed when lowering changes nothing (ASCII without capitals).
fn lowered(s: &str) -> Cow<'_, str> {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// What each byte is to an ASCII word: 0 ends it (anything else, every non-ASCII byte
/// included), 1 continues it (a digit, an apostrophe, a hyphen), 2 is a lower-case letter, 3 an
/// upper-case one.
static WORD_BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            3
        } else if c.is_ascii_lowercase() {
            2
        } else if c.is_ascii_digit() || c == b'\'' || c == b'-' {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

fn tokens(text: &str, base: usize) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    // Prose has about one token per six bytes: most sentences never grow the vector.
    let mut out = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut ranges = TokenRanges { text, i: 0 };
    while let Some(&b) = bytes.get(ranges.i) {
        let start = ranges.i;
        if b == b' ' {
            ranges.i += 1;
            continue;
        }
        if b.is_ascii_alphabetic() {
            // An ASCII word (most tokens) is scanned and read in one pass: where it ends, how
            // many letters it has and how many are capitals. A word running on into other
            // characters takes the general way below.
            let (mut end, mut letters, mut uppers) = (start, 0, 0);
            while let Some(&c) = bytes.get(end) {
                let k = WORD_BYTES[usize::from(c)];
                if k == 0 {
                    break;
                }
                letters += usize::from(k >> 1);
                uppers += usize::from(k == 3);
                end += 1;
            }
            if bytes.get(end).is_none_or(u8::is_ascii) {
                ranges.i = end;
                let s = &text[start..end];
                out.push(ascii_token_counted(
                    s,
                    base + start,
                    base + end,
                    letters,
                    uppers,
                ));
                continue;
            }
        }
        let Some((start, end)) = ranges.next() else {
            break;
        };
        let s = &text[start..end];
        out.push(if s.is_ascii() {
            ascii_token(s, base + start, base + end)
        } else {
            any_token(s, base + start, base + end)
        });
    }
    out
}

/// The token of `s` (any text) at `start..end` of the document's prose.
fn any_token(s: &str, start: usize, end: usize) -> Token<'_> {
    let first = s.chars().next().unwrap_or(' ');
    let mut lower = lowered(s);
    let mut possessive = false;
    for suffix in ["'s", "’s"] {
        if lower.ends_with(suffix) {
            let keep = lower.len() - suffix.len();
            match &mut lower {
                Cow::Borrowed(b) => *b = &b[..keep],
                Cow::Owned(o) => o.truncate(keep),
            }
            possessive = true;
        }
    }
    let (mut letters, mut all_upper) = (0, true);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        all_upper &= c.is_uppercase();
    }
    Token {
        start,
        end,
        word: first.is_alphabetic(),
        cap: first.is_uppercase(),
        upper: letters >= 2 && all_upper,
        lower,
        possessive,
        canon: None,
        in_claim: false,
    }
}

/// `any_token` for an ASCII `s`: the same fields without Unicode case tables.
fn ascii_token(s: &str, start: usize, end: usize) -> Token<'_> {
    let (mut letters, mut uppers) = (0, 0);
    for &c in s.as_bytes().iter().filter(|c| c.is_ascii_alphabetic()) {
        letters += 1;
        uppers += usize::from(c.is_ascii_uppercase());
    }
    ascii_token_counted(s, start, end, letters, uppers)
}

/// `ascii_token` with the letters of `s` and its capitals already counted.
fn ascii_token_counted(
    s: &str,
    start: usize,
    end: usize,
    letters: usize,
    uppers: usize,
) -> Token<'_> {
    let first = s.as_bytes().first().copied().unwrap_or(b' ');
    let mut lower = if uppers > 0 {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    };
    let possessive = lower.ends_with("'s");
    if possessive {
        let keep = lower.len() - 2;
        match &mut lower {
            Cow::Borrowed(b) => *b = &b[..keep],
            Cow::Owned(o) => o.truncate(keep),
        }
    }
    Token {
        start,
        end,
        word: first.is_ascii_alphabetic(),
        cap: first.is_ascii_uppercase(),
        upper: letters >= 2 && uppers == letters,
        lower,
        possessive,
        canon: None,
        in_claim: false,
    }
}

fn is_boundary(t: &Token) -> bool {
    !t.word && !t.lower.starts_with(|c: char| c.is_numeric())
}

const RELATIVE: &[&str] = &["who", "which", "whose", "that"];
/// Verbs of saying: a date right after one ("investigators said Friday they found a rifle")
/// dates the saying, not the event reported.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "stated",
    "reported",
    "announced",
    "wrote",
    "confirmed",
    "explained",
    "testified",
    "insisted",
];
/// Words that open a time of their own: an event word after one ("on Monday, a day after they
/// agreed") happened at another time than the date before it.
const OTHER_TIME: &[&str] = &["after", "before", "since", "until", "till", "when", "while"];

/// Words between a verb and the noun phrase it tells of: auxiliaries, modals, adverbs and the
/// markers of a plan ("it is now set to open", "the rifle was first discovered").
const VERB_GROUP: &[&str] = &[
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "to",
    "due",
    "set",
    "now",
    "expected",
    "scheduled",
    "finally",
    "first",
    "also",
    "then",
    "later",
    "originally",
    "not",
    "and",
    "just",
    "only",
    "officially",
    "formally",
    "already",
    "once",
];

/// The canonical words of the argument of the event word at `k`, sorted: the noun phrase
/// before its verb group, past a parenthetical relative clause ("the programme, which teaches
/// half the timetable in Spanish, was first offered": programme) and through a relative pronoun
/// to its antecedent ("the museum, which opened"), with a phrase it governs by a preposition and
/// one apposition ("the route, the service to Quellay, launched": route, service, Quellay).
/// Empty for a pronoun ("It is now set to open"): what it stands for is named elsewhere.
fn event_argument(toks: &[Token], k: usize) -> Vec<String> {
    let mut p = k;
    let end = loop {
        let Some(t) = p.checked_sub(1).and_then(|q| toks.get(q)) else {
            return Vec::new();
        };
        let w = &*t.lower;
        if VERB_GROUP.contains(&w) || RELATIVE.contains(&w) {
            p -= 1;
        } else if is_boundary(t) {
            // ", which teaches ... ," before the verb: skip the parenthetical to its antecedent.
            let open = (p.saturating_sub(16)..p - 1).rev().find(|&q| {
                RELATIVE.contains(&&*toks[q].lower) && q > 0 && is_boundary(&toks[q - 1])
            });
            p = open.map_or(p - 1, |q| q - 1);
        } else if PRONOUNS.contains(&w) || t.canon.is_none() {
            return Vec::new();
        } else {
            break p - 1;
        }
    };
    // The phrase ending at `end`: content words, numbers and hyphens, back to its determiner;
    // then a phrase it belongs to by a preposition, and one apposition before a comma.
    let word = |q: usize| toks[q].canon.is_some() || toks[q].lower == "-" || !is_boundary(&toks[q]);
    let mut words = Vec::new();
    let mut q = end + 1;
    let mut apposed = false;
    while q > 0 && end + 1 - q < 14 {
        let t = &toks[q - 1];
        let w = &*t.lower;
        let preposition = |x: &str| matches!(x, "to" | "of" | "for" | "from" | "between" | "near");
        if matches!(w, "the" | "a" | "an") {
            // The phrase is complete at its determiner unless a preposition or an apposition
            // ties it to one before.
            q -= 1;
            let tied =
                q > 0 && (preposition(&toks[q - 1].lower) || toks[q - 1].lower == "," && !apposed);
            if !tied {
                break;
            }
        } else if preposition(w) && q >= 2 && word(q - 2) {
            q -= 1;
        } else if w == "," && !apposed && q >= 2 && toks[q - 2].canon.is_some() {
            apposed = true;
            q -= 1;
        } else if word(q - 1) && !VERB_GROUP.contains(&w) && !PRONOUNS.contains(&w) {
            words.extend(t.canon.clone());
            q -= 1;
        } else {
            break;
        }
    }
    words.sort();
    words.dedup();
    words
}

const PRONOUNS: &[&str] = &[
    "it", "they", "he", "she", "this", "we", "its", "their", "his", "her", "i", "you",
];

/// The token of the event word a date claim (tokens `first..last`) dates: the nearest event
/// word before it in its clause (within ten tokens, not across a relative pronoun: "two men who
/// were sought last week" is not the release that precedes the pronoun) or after it (within
/// six, not past a word that opens another time). A date right after a verb of saying dates
/// the saying (an event only when that verb is one, "reported Friday"); a date that is an
/// offset from another ("four days after Saturday's earthquake") takes no event word after it,
/// which belongs to the anchor.
fn event_word(toks: &[Token], first: usize, last: usize, terms: &TermsLexicon) -> Option<usize> {
    let is_event = |k: usize| terms.event_class(&toks[k].lower).is_some();
    let before = toks[..first]
        .iter()
        .rposition(|t| !matches!(&*t.lower, "on" | "in" | "at"));
    if let Some(b) = before.filter(|&b| SPEECH.contains(&&*toks[b].lower)) {
        return is_event(b).then_some(b);
    }
    // "the 1995 shooting", "the October 1998 shooting death": a date used as a modifier
    // dates its noun, whatever verb comes before.
    let determined = first > 0
        && (matches!(
            &*toks[first - 1].lower,
            "the" | "a" | "an" | "its" | "their" | "his" | "her"
        ) || toks[first - 1].possessive);
    if determined && last < toks.len() && is_event(last) {
        return Some(last);
    }
    let offset = toks[first..last]
        .iter()
        .any(|t| matches!(&*t.lower, "after" | "before" | "later" | "earlier"));
    let back = (first.saturating_sub(10)..first)
        .rev()
        .take_while(|&k| !RELATIVE.contains(&&*toks[k].lower) || is_event(k))
        .find(|&k| is_event(k));
    back.or_else(|| {
        if offset {
            return None;
        }
        (last..(last + 6).min(toks.len()))
            .take_while(|&k| !OTHER_TIME.contains(&&*toks[k].lower))
            .find(|&k| is_event(k))
    })
}
const QUALIFIERS: &[&str] = &[
    "average", "averaged", "averages", "median", "mean", "per", "daily", "weekly", "monthly",
    "annual", "annually", "yearly", "each", "every", "day", "hour", "typical", "record",
];
const INCREMENT: &[&str] = &["further", "another", "extra", "additional"];

/// Reads the subject of every claim. `claims` are the claims of `doc` only (any order); the
/// returned subjects are in the same order. `first_index` is the run index of `claims[0]`, so
/// that `windows` hold run indices.
#[must_use]
pub fn analyze(
    doc: &Document,
    claims: &[Claim],
    first_index: usize,
    terms: &TermsLexicon,
) -> Vec<Subject> {
    analyze_in(
        doc,
        &segment::sentences(&doc.prose),
        claims,
        first_index,
        terms,
    )
}

/// `analyze` with the document's sentences given: all of them, or only those that hold a claim
/// (what a claims file carries; the sentence found for each claim is the same).
#[must_use]
pub fn analyze_in(
    doc: &Document,
    sentences: &[Span],
    claims: &[Claim],
    first_index: usize,
    terms: &TermsLexicon,
) -> Vec<Subject> {
    let read = vec![None; sentences.len()];
    let phrases = PhraseLists::new(terms);
    analyze_read(doc, sentences, read, claims, first_index, terms, &phrases)
}

/// A document's `profile` and the subjects of its `claims` (as `analyze`) in one pass: each
/// sentence is tokenised once, for the entity counts and, when it holds a claim, its subjects.
#[must_use]
pub fn profile_and_analyze(
    doc: &Document,
    claims: &[Claim],
    first_index: usize,
    terms: &TermsLexicon,
    phrases: &PhraseLists,
) -> (Profile, Vec<Subject>) {
    let sentences = segment::sentences(&doc.prose);
    // The sentences `analyze_read` will read: the one each claim falls in.
    let mut wanted = vec![false; sentences.len()];
    for c in claims {
        let si = sentences
            .partition_point(|s| s.end <= c.prose.start)
            .min(sentences.len().saturating_sub(1));
        if let Some(w) = wanted.get_mut(si) {
            *w = true;
        }
    }
    let mut counts = EntityCounts::default();
    let mut read: Vec<Option<Read>> = vec![None; sentences.len()];
    for (si, s) in sentences.iter().enumerate() {
        let text = doc.prose.get(s.start..s.end).unwrap_or("");
        if !wanted[si] && names_nothing(text) {
            continue;
        }
        let toks = tokens(text, s.start);
        let ents = entities_of(&toks, terms);
        counts.add(&ents);
        if wanted[si] {
            read[si] = Some((toks, ents));
        }
    }
    let subjects = analyze_read(doc, &sentences, read, claims, first_index, terms, phrases);
    (counts.into_profile(sentences), subjects)
}

/// True when `text` (a sentence) certainly has no entities, read from its bytes without
/// tokenising: it is ASCII and no word but its first is capitalised, and that first word (which
/// `entities_of` takes for the sentence's opening word) is no acronym and no possessive.
/// Most sentences without a figure are like this.
fn names_nothing(text: &str) -> bool {
    let b = text.as_bytes();
    if !text.is_ascii() {
        return false;
    }
    let Some(p) = b.iter().position(u8::is_ascii_uppercase) else {
        return true;
    };
    // The capital must begin the first token: nothing before it starts one.
    if b[..p]
        .iter()
        .any(|c| c.is_ascii_alphanumeric() || matches!(c, b',' | b';' | b':' | b'(' | b')'))
    {
        return false;
    }
    let end = b[p..]
        .iter()
        .position(|&c| WORD_BYTES[usize::from(c)] == 0)
        .map_or(b.len(), |k| p + k);
    let word = &b[p..end];
    let letters = word.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let uppers = word.iter().filter(|c| c.is_ascii_uppercase()).count();
    let acronym = letters >= 2 && uppers == letters;
    let possessive = word.len() >= 2 && word[word.len() - 2..].eq_ignore_ascii_case(b"'s");
    !acronym && !possessive && !b[end..].iter().any(u8::is_ascii_uppercase)
}

/// A sentence as read once: its tokens and its entities (with the index of their first token).
type Read<'a> = (Vec<Token<'a>>, Vec<(usize, String)>);

/// `analyze_in` with some sentences already read (`read`, by sentence index; the others are
/// read here when a claim needs them).
fn analyze_read<'a>(
    doc: &'a Document,
    sentences: &[Span],
    mut read: Vec<Option<Read<'a>>>,
    claims: &[Claim],
    first_index: usize,
    terms: &TermsLexicon,
    phrases: &PhraseLists,
) -> Vec<Subject> {
    let prose = doc.prose.as_str();
    // Per sentence: its tokens (with their canonical terms), its entities and whether it marks
    // a running count.
    let mut cache: Vec<Option<Sentence>> = vec![None; sentences.len()];
    // The claims each sentence contains, in claim order: what is compared with a claim is only
    // ever in its sentence, so the work per claim is bounded by its sentence, not the document.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (j, w) in claims.iter().enumerate() {
        let si = sentences.partition_point(|s| s.end <= w.prose.start);
        if sentences.get(si).is_some_and(|s| s.contains(w.prose)) {
            members[si].push(j);
        }
    }
    let no_members = Vec::new();
    let members_of = |sent: Span| {
        let si = sentences.partition_point(|s| s.end <= sent.start);
        match sentences.get(si) {
            Some(s) if *s == sent => &members[si],
            _ => &no_members,
        }
    };
    let mut out = Vec::with_capacity(claims.len());
    for c in claims {
        let si = sentences
            .partition_point(|s| s.end <= c.prose.start)
            .min(sentences.len().saturating_sub(1));
        let Some(sent) = sentences.get(si).copied() else {
            out.push(Subject::default());
            continue;
        };
        let entry = cache[si].get_or_insert_with(|| {
            let (mut toks, ents) = read[si].take().unwrap_or_else(|| {
                let toks = tokens(prose.get(sent.start..sent.end).unwrap_or(""), sent.start);
                let ents = entities_of(&toks, terms);
                (toks, ents)
            });
            // Tokens inside any claim of the sentence are values, not subject.
            let inside: Vec<Span> = members[si].iter().map(|&j| claims[j].prose).collect();
            for t in &mut toks {
                if content(t, terms) {
                    t.canon = Some(terms.canonical(&t.lower));
                }
                t.in_claim = inside
                    .iter()
                    .any(|o| sent.contains(*o) && o.start <= t.start && t.end <= o.end);
            }
            let running = phrases.running.any_in(&toks);
            let all = sorted_distinct(
                toks.iter()
                    .filter(|t| !t.in_claim)
                    .filter_map(|t| t.canon.as_deref()),
            );
            let entities = sorted_distinct(ents.iter().map(|(_, e)| e.as_str()));
            Sentence {
                toks,
                ents,
                running,
                terms: all.into(),
                entities: entities.into(),
            }
        });
        out.push(subject_of(c, sent, entry, phrases, terms));
    }
    // Windows: periods and durations of the same sentence, for changes and counts.
    for (i, c) in claims.iter().enumerate() {
        if !matches!(
            c.kind,
            Kind::Change | Kind::Quantity | Kind::Number | Kind::Money | Kind::Percent
        ) {
            continue;
        }
        let sent = out[i].sentence;
        let windows: Vec<usize> = members_of(sent)
            .iter()
            .copied()
            .filter(|&j| {
                let w = &claims[j];
                j != i
                    && matches!(w.kind, Kind::Period | Kind::Duration)
                    && sent.contains(w.prose)
                    && !w.prose.overlaps(c.prose)
            })
            .map(|j| first_index + j)
            .collect();
        out[i].windows = windows;
    }
    // Year anchors: the nearest date or period of at most a year in the same clause window.
    for (i, c) in claims.iter().enumerate() {
        if !c.kind.is_numeric() || c.kind == Kind::Duration {
            continue;
        }
        let sent = out[i].sentence;
        let near = members_of(sent)
            .iter()
            .map(|&j| &claims[j])
            .filter(|w| {
                matches!(w.kind, Kind::Date | Kind::Period)
                    && sent.contains(w.prose)
                    && w.prose
                        .start
                        .abs_diff(c.prose.end)
                        .min(c.prose.start.abs_diff(w.prose.end))
                        < 60
            })
            .filter_map(|w| {
                let d = w.dates?;
                let (f, t) = (d.from?, d.to?);
                (f.year() == t.year()).then_some((w.prose.start.abs_diff(c.prose.start), f.year()))
            })
            .min();
        out[i].year = near.map(|(_, y)| y);
    }
    out
}

/// What alignment reads of a whole document rather than of one sentence: its sentences, how
/// often it names each entity word (`entity_counts`) and the entity words it names at least
/// twice (`frequent_entities`). One segmentation and one pass over the tokens give all three.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// The sentences of the prose (or, read from a claims file, those that hold a claim).
    pub sentences: Vec<Span>,
    /// As `entity_counts`.
    pub entity_counts: std::collections::BTreeMap<String, usize>,
    /// As `frequent_entities`.
    pub frequent: Vec<String>,
}

/// The profile of a document.
#[must_use]
pub fn profile(doc: &Document, terms: &TermsLexicon) -> Profile {
    let sentences = segment::sentences(&doc.prose);
    let mut counts = EntityCounts::default();
    for s in &sentences {
        let text = doc.prose.get(s.start..s.end).unwrap_or("");
        let toks = tokens(text, s.start);
        counts.add(&entities_of(&toks, terms));
    }
    counts.into_profile(sentences)
}

/// The entity words of a document counted sentence by sentence: the first word of each entity
/// (`Profile::entity_counts`) and every word of three or more bytes (`Profile::frequent`).
/// Counted in one hash map (a first word is also a word), sorted once at the end.
#[derive(Default)]
struct EntityCounts {
    /// Per word: how often it is the first word of an entity, and how often it is named.
    words: WordMap<(usize, usize)>,
}

impl EntityCounts {
    fn add(&mut self, ents: &[(usize, String)]) {
        for (_, e) in ents {
            let mut first = true;
            for w in e.split(' ').filter(|w| w.len() >= 3) {
                // The key is allocated only the first time a word is seen.
                let n = match self.words.get_mut(w) {
                    Some(n) => n,
                    None => self.words.entry(w.to_string()).or_default(),
                };
                n.0 += usize::from(first);
                n.1 += 1;
                first = false;
            }
        }
    }

    fn into_profile(self, sentences: Vec<Span>) -> Profile {
        let mut frequent: Vec<String> = Vec::new();
        let mut entity_counts = std::collections::BTreeMap::new();
        for (w, (first, named)) in self.words {
            if named >= 2 {
                frequent.push(w.clone());
            }
            if first > 0 {
                entity_counts.insert(w, first);
            }
        }
        frequent.sort_unstable();
        Profile {
            sentences,
            entity_counts,
            frequent,
        }
    }
}

/// The entity word a document names most often, with its count, and the count of every entity
/// word: what the document is mainly about.
#[must_use]
pub fn entity_counts(
    doc: &Document,
    terms: &TermsLexicon,
) -> std::collections::BTreeMap<String, usize> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for s in segment::sentences(&doc.prose) {
        let text = doc.prose.get(s.start..s.end).unwrap_or("");
        let toks = tokens(text, s.start);
        for (_, e) in entities_of(&toks, terms) {
            // The first word is the distinctive one ("Alnwold" of "Alnwold Half Marathon").
            if let Some(w) = e.split(' ').find(|w| w.len() >= 3) {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    counts
}

/// The entities a document names at least twice, normalised: what the document is about.
#[must_use]
pub fn frequent_entities(doc: &Document, terms: &TermsLexicon) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for s in segment::sentences(&doc.prose) {
        let toks = tokens(doc.prose.get(s.start..s.end).unwrap_or(""), s.start);
        for (_, e) in entities_of(&toks, terms) {
            for w in e.split(' ').filter(|w| w.len() >= 3) {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(e, _)| e)
        .collect()
}

/// Prepositions that make a length of time the span of the predicate before them ("closed for
/// six years", "sold out in six weeks", "built over a decade").
const SPAN_PREPOSITIONS: &[&str] = &["for", "in", "within", "over"];

/// Particles between a verb and its preposition ("sold out in", "shut down for").
const PARTICLES: &[&str] = &["out", "up", "down", "off", "away", "back"];

/// The predicate a length of time after a preposition measures: "having been closed for more
/// than six years" measures the closing, as "a four-year closure" does (the noun it modifies);
/// `toks` ends right before the duration. `None` without such a preposition or when a function
/// word or another claim stands before it.
fn duration_predicate(toks: &[Token]) -> Option<String> {
    let (prep, before) = toks.split_last()?;
    if !SPAN_PREPOSITIONS.contains(&&*prep.lower) {
        return None;
    }
    let verb = before
        .iter()
        .rev()
        .take(2)
        .find(|t| !PARTICLES.contains(&&*t.lower))?;
    if verb.in_claim {
        return None;
    }
    verb.canon.clone()
}

/// Closed-class words that may open the noun phrase of a partitive ("of the", "of its").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "these", "those", "this",
    "that", "all", "each", "every",
];

/// "1,870 of the company's 2,240 drivers": a figure followed by "of" counts the head of the noun
/// phrase after it (the whole it is a part of), not its first content word: determiners, an
/// owner ("the company's") and the whole's own figure are passed over, and the last content word
/// before the phrase ends (a function word, the end of the whole's own figure, a past form
/// after the head) is the head ("of the largest banks in" -> banks). `None` when no content word
/// follows ("three of them").
fn partitive(toks: &[Token]) -> Option<String> {
    if toks.first()?.lower != "of" {
        return None;
    }
    let mut head = None;
    let mut whole_named = false;
    for t in toks[1..].iter().take(8) {
        // The whole's own figure names its noun ("2,240 drivers"): the phrase ends with it.
        if whole_named && !t.in_claim {
            break;
        }
        if t.canon.is_some() {
            // A past form after the head is the verb ("nurses joined"), not the phrase.
            if head.is_some() && t.lower.ends_with("ed") {
                break;
            }
            if !t.possessive {
                head.clone_from(&t.canon);
                whole_named = t.in_claim;
            }
            continue;
        }
        if t.in_claim {
            continue;
        }
        if head.is_none() && t.word && DETERMINERS.contains(&&*t.lower) {
            continue;
        }
        break;
    }
    head
}

/// "The number of confirmed cases ... climbed to 142": the noun after "number of" / "total of"
/// earlier in the sentence.
fn number_of(toks: &[Token]) -> Option<String> {
    let k = toks
        .iter()
        .position(|t| matches!(&*t.lower, "number" | "total" | "count" | "tally" | "toll"))?;
    if toks.get(k + 1)?.lower != "of" {
        return None;
    }
    let run: Vec<&Token> = toks[k + 2..]
        .iter()
        .take_while(|t| t.canon.is_some())
        .collect();
    run.last().and_then(|t| t.canon.clone())
}

fn content(t: &Token, terms: &TermsLexicon) -> bool {
    // Two characters or more: a second one exists.
    t.word && t.lower.chars().nth(1).is_some() && !terms.is_stop(&t.lower)
}

/// Tokens into a sentence a dateline may start at, right after a year (a byline and its date
/// that the sentence break did not cut off: "By Name | March 6, 2025 PORT ONDREL — ...").
const DATELINE_REACH: usize = 16;

fn entities_of(toks: &[Token], terms: &TermsLexicon) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !(toks[i].word && toks[i].cap) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < toks.len() && toks[j].word && toks[j].cap {
            j += 1;
        }
        let words: Vec<&Token> = toks[i..j]
            .iter()
            .filter(|t| !terms.is_stop(&t.lower))
            .collect();
        // A single capitalised word opening the sentence is usually just its first word, unless
        // it is an acronym.
        // "Anselm, who was born in 1962": a word that a relative "who" follows names a person.
        let named_by_who = toks.get(j).is_some_and(|t| t.lower == ",")
            && toks.get(j + 1).is_some_and(|t| t.lower == "who");
        let opening_word =
            i == 0 && j - i == 1 && !toks[i].upper && !toks[i].possessive && !named_by_who;
        // A dateline place ("VELMONT, April 16, 2025 —") names where the story was filed, not
        // what it is about.
        // The place is in capitals and followed by a comma or a dash ("PORT ONDREL — ..."),
        // at the start of a sentence or after a byline that the sentence break did not cut.
        let dateline = toks[i..j].iter().all(|t| t.upper)
            && (i == 0
                || i < DATELINE_REACH
                    && toks[i - 1].lower.len() == 4
                    && toks[i - 1].lower.bytes().all(|b| b.is_ascii_digit()))
            && toks
                .get(j)
                .is_some_and(|t| matches!(&*t.lower, "," | "\u{2014}" | "\u{2013}" | "-" | "--"));
        if dateline {
            i = j;
            continue;
        }
        if !words.is_empty() && !opening_word {
            let name = words
                .iter()
                .map(|t| &*t.lower)
                .collect::<Vec<_>>()
                .join(" ");
            out.push((i, name));
        }
        i = j;
    }
    out
}

/// The distinct strings of `words`, sorted. Sorted and deduplicated while borrowed, so that only
/// the strings kept are copied (as sorting owned strings and removing repeats would give).
fn sorted_distinct<'s>(words: impl Iterator<Item = &'s str>) -> Vec<String> {
    let mut v: Vec<&str> = words.collect();
    v.sort_unstable();
    v.dedup();
    v.into_iter().map(str::to_string).collect()
}

/// A sentence as the subjects of its claims read it.
#[derive(Clone)]
struct Sentence<'a> {
    /// Its tokens, content words with their canonical terms.
    toks: Vec<Token<'a>>,
    /// Its entities, with the index of their first token.
    ents: Vec<(usize, String)>,
    /// It marks a running count.
    running: bool,
    /// The canonical terms of its content words outside claims, sorted, without repeats.
    terms: Arc<[String]>,
    /// Its entities' names, sorted, without repeats.
    entities: Arc<[String]>,
}

/// A list of phrases (words separated by single spaces) indexed by first word: a window is
/// searched with one lookup per word instead of a comparison per phrase and word.
struct PhraseList<'t> {
    /// The rest of each phrase (empty for a single word), by first word.
    by_first: HashMap<&'t str, Vec<&'t str>, BuildHasherDefault<WordHasher>>,
    /// A bit per `shape` of the first words: a word whose bit is clear starts no phrase, and
    /// most words of a window are rejected by this test before any hashing.
    shapes: [u64; 16],
}

/// A number under 1,024 from the length, first and last byte of a word.
#[inline]
fn shape(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    (b.len() * 131 + usize::from(first) * 31 + usize::from(last)) & 1023
}

impl<'t> PhraseList<'t> {
    fn new(phrases: &'t [String]) -> Self {
        let mut by_first: HashMap<&'t str, Vec<&'t str>, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        let mut shapes = [0u64; 16];
        for p in phrases {
            let (first, rest) = p.split_once(' ').unwrap_or((p.as_str(), ""));
            by_first.entry(first).or_default().push(rest);
            let k = shape(first);
            shapes[k / 64] |= 1 << (k % 64);
        }
        PhraseList { by_first, shapes }
    }

    /// True when the words of `window` (punctuation and figures skipped) hold a phrase.
    fn any_in(&self, window: &[Token]) -> bool {
        let mut words = window.iter().filter(|t| t.word).map(|t| &*t.lower);
        while let Some(w) = words.next() {
            let k = shape(w);
            if self.shapes[k / 64] & (1 << (k % 64)) == 0 {
                continue;
            }
            let Some(rests) = self.by_first.get(w) else {
                continue;
            };
            let follows = |rest: &&str| {
                let mut after = words.clone();
                rest.is_empty() || rest.split(' ').all(|r| after.next() == Some(r))
            };
            if rests.iter().any(follows) {
                return true;
            }
        }
        false
    }
}

/// The phrase lists of a vocabulary that subjects read (plan, running-count and attribution
/// markers), indexed by first word: build once, read for every claim.
pub struct PhraseLists<'t> {
    plan: PhraseList<'t>,
    running: PhraseList<'t>,
    attribution: PhraseList<'t>,
}

impl<'t> PhraseLists<'t> {
    /// Indexes the phrase lists of `terms`.
    #[must_use]
    pub fn new(terms: &'t TermsLexicon) -> Self {
        PhraseLists {
            plan: PhraseList::new(&terms.plan),
            running: PhraseList::new(&terms.running),
            attribution: PhraseList::new(&terms.attribution),
        }
    }
}

fn subject_of(
    c: &Claim,
    sent: Span,
    sentence: &Sentence,
    phrases: &PhraseLists,
    terms: &TermsLexicon,
) -> Subject {
    let toks = &sentence.toks[..];
    let in_claim = |t: &Token| t.in_claim;
    // The sentence's tokens were read with their canonical terms: a content word has one.
    let is_content = |t: &Token| t.canon.is_some();
    let first = toks.partition_point(|t| t.end <= c.prose.start);
    let last = toks.partition_point(|t| t.start < c.prose.end);
    // Clause: from the last boundary before the claim to the next boundary after it.
    let clause_start = toks[..first]
        .iter()
        .rposition(|t| is_boundary(t) || RELATIVE.contains(&&*t.lower))
        .map_or(0, |p| p + 1);
    let clause_end = toks[last..]
        .iter()
        .position(is_boundary)
        .map_or(toks.len(), |p| last + p);
    // A running count is marked in the figure's own clause ("the toll has risen to 40"), not in
    // a relative clause about something else ("adding 96 beds to a hospital that has been
    // running close to full").
    let running = sentence.running && {
        let own_end = toks[last..clause_end]
            .iter()
            .position(|t| RELATIVE.contains(&&*t.lower))
            .map_or(clause_end, |p| last + p);
        phrases
            .running
            .any_in(&toks[clause_start.min(own_end)..own_end])
    };

    let canon = |t: &Token| t.canon.clone().unwrap_or_else(|| terms.canonical(&t.lower));
    let all = sentence.terms.clone();
    let lo = first.saturating_sub(8).max(clause_start.saturating_sub(3));
    let hi = (last + 6).min(toks.len());
    // The claim's neighbourhood, plus the opening of the sentence, where its grammatical subject
    // usually stands ("Brisford's bilingual programme, which began ..., has seen enrolment grow").
    let local = sorted_distinct(
        toks[lo..hi]
            .iter()
            .chain(toks[..lo.min(6)].iter())
            .filter(|t| !in_claim(t))
            .filter_map(|t| t.canon.as_deref()),
    );

    let ents = &sentence.ents;
    let entities = sentence.entities.clone();
    // Agent: the antecedent of the nearest relative pronoun before the claim in this clause
    // chain, else the first entity of the sentence before the claim.
    let rel = toks[..first]
        .iter()
        .rposition(|t| RELATIVE[..2].contains(&&*t.lower));
    let agent = match rel {
        Some(r) => {
            let mut before = ents.iter().rev().filter(|(p, _)| *p < r).peekable();
            let nearest = before.next();
            // "St Anne's Hospital in Marlow, which opened in 2011": the place after a
            // preposition modifies the name before it, which is the antecedent.
            let located = nearest.and_then(|(p, _)| {
                let prep = p.checked_sub(1).map(|q| &*toks[q].lower);
                let named = p
                    .checked_sub(2)
                    .is_some_and(|q| toks[q].word && toks[q].cap);
                matches!(prep, Some("in" | "at" | "near" | "of"))
                    .then_some(())
                    .filter(|()| named)
                    .and_then(|()| before.next())
            });
            located
                .or(nearest)
                .or_else(|| ents.iter().find(|(p, _)| *p < first))
                .map(|(_, e)| e.clone())
        }
        None => ents
            .iter()
            .find(|(p, _)| *p < first)
            .map(|(_, e)| e.clone()),
    };

    // The noun: the claim's own, or the first content word after it in the clause.
    let noun = c
        .noun
        .as_deref()
        .map(|n| {
            let head = n.rsplit(' ').next().unwrap_or(n).to_lowercase();
            terms.canonical(&head)
        })
        .or_else(|| {
            if matches!(c.kind, Kind::Quantity | Kind::Number) {
                partitive(&toks[last..clause_end])
                    .or_else(|| {
                        toks[last..clause_end]
                            .iter()
                            .take(3)
                            .find(|t| is_content(t))
                            .map(canon)
                    })
                    .or_else(|| number_of(&toks[..first]))
            } else {
                None
            }
        });

    // The event a date or period belongs to: the predicate it modifies (`event_word`).
    let (event, event_terms, event_arg) = if matches!(c.kind, Kind::Date | Kind::Period) {
        match event_word(toks, first, last, terms) {
            Some(k) => {
                let arg = event_argument(toks, k);
                let class = terms.event_class(&toks[k].lower).map(str::to_string);
                // "St Anne's Hospital in Marlow, which opened in 2011": the antecedent's words,
                // back to the boundary before it, name what the event is of.
                let antecedent = (k >= 2
                    && RELATIVE.contains(&&*toks[k - 1].lower)
                    && is_boundary(&toks[k - 2]))
                .then(|| {
                    (k.saturating_sub(10)..k - 2)
                        .rev()
                        .find(|&q| is_boundary(&toks[q]))
                        .map_or(k.saturating_sub(10), |q| q + 1)
                });
                let lo = antecedent.unwrap_or(k).min(k.saturating_sub(4));
                let hi = (k + 5).min(toks.len());
                let et = sorted_distinct(
                    toks[lo..hi]
                        .iter()
                        .filter(|t| !in_claim(t) && terms.event_class(&t.lower).is_none())
                        .filter_map(|t| t.canon.as_deref()),
                );
                (class, et, arg)
            }
            None => (None, Vec::new(), Vec::new()),
        }
    } else {
        (None, Vec::new(), Vec::new())
    };

    let before = &toks[clause_start..first];
    let plan =
        phrases.plan.any_in(before) || phrases.plan.any_in(&toks[last..clause_end.min(last + 3)]);
    let part = toks[..first]
        .iter()
        .rev()
        .take(3)
        .find(|t| {
            t.word
                && !matches!(
                    &*t.lower,
                    "about"
                        | "around"
                        | "some"
                        | "roughly"
                        | "nearly"
                        | "almost"
                        | "over"
                        | "more"
                        | "than"
                )
        })
        .is_some_and(|t| terms.part.iter().any(|p| p == &t.lower));
    let attributed = phrases
        .attribution
        .any_in(&toks[clause_start.saturating_sub(8)..first]);
    let increment = toks[..first]
        .iter()
        .rev()
        .take(3)
        .any(|t| INCREMENT.contains(&&*t.lower));
    let head = toks
        .get(last)
        .filter(|t| t.start <= c.prose.end + 1 && is_content(t))
        .map(canon)
        .or_else(|| {
            (c.kind == Kind::Duration)
                .then(|| duration_predicate(&toks[..first]))
                .flatten()
        });
    let qualifiers = sorted_distinct(
        toks[lo..hi]
            .iter()
            .map(|t| &*t.lower)
            .filter(|w| QUALIFIERS.contains(w)),
    );
    let m = c.modality;
    Subject {
        year: None,
        qualifiers,
        head,
        sentence: sent,
        terms: all,
        local,
        entities,
        agent,
        noun,
        event,
        event_terms,
        event_arg,
        windows: Vec::new(),
        plan,
        running,
        part,
        irrealis: m.negated || m.hypothetical || m.future,
        increment,
        attributed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn claim_at(doc: &Document, needle: &str, kind: Kind) -> Claim {
        let s = doc.prose.find(needle).unwrap();
        let mut c = Claim::new(0, Span::new(s, s + needle.len()), kind);
        c.prose = c.span;
        c
    }

    #[test]
    fn the_token_scanner_matches_the_token_regex() {
        let re =
            Regex::new(r"[\p{L}][\p{L}\p{N}'’\-]*|\p{N}+(?:[,.]\p{N}+)*%?|[,;:()\u{2014}\u{2013}]")
                .unwrap();
        let pieces = [
            "Word", "ÉCOLE", "naïve", "x", "42", "1,400", "3.5%", "٣٤", "Ⅻ", "½", "a1", "1a", "-",
            "'", "’", ",", ".", ";", ":", "(", ")", "—", "–", "%", " ", "\n", "$", "’s", "'s",
            "e\u{301}", "日本", "🙂", "x-y", "2,", ".5", "ß",
        ];
        let mut texts: Vec<String> = pieces.iter().map(|p| (*p).to_string()).collect();
        // Every pair and a pseudo-random sample of longer strings.
        for a in pieces {
            for b in pieces {
                texts.push(format!("{a}{b}"));
            }
        }
        texts.extend(random_texts(&pieces, 2000, 6, 0x9e37_79b9_7f4a_7c15));
        for t in &texts {
            let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(token_ranges(t), want, "{t:?}");
        }
    }

    /// `count` texts of `len` pieces each, picked by a xorshift generator from `seed`.
    fn random_texts(pieces: &[&str], count: usize, len: usize, mut seed: u64) -> Vec<String> {
        (0..count)
            .map(|_| {
                (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        pieces[(seed % pieces.len() as u64) as usize]
                    })
                    .collect()
            })
            .collect()
    }

    /// `tokens` as first written: the ranges of the token regex, each read by `any_token`.
    fn reference_tokens(text: &str, base: usize) -> Vec<Token<'_>> {
        token_ranges(text)
            .into_iter()
            .map(|(s, e)| any_token(&text[s..e], base + s, base + e))
            .collect()
    }

    fn token_fields(t: &Token) -> (usize, usize, String, bool, bool, bool, bool) {
        (
            t.start,
            t.end,
            t.lower.to_string(),
            t.word,
            t.cap,
            t.upper,
            t.possessive,
        )
    }

    #[test]
    fn tokens_are_the_reference_tokens() {
        let pieces = [
            "Word", "ÉCOLE", "naïve", "x", "42", "1,400", "3.5%", "٣٤", " ", "  ", "\n", "'s",
            "’s", "'S", "-", "A-1", "O'Neill", "NASA", "MP's", "e\u{301}", "日本", "—", ",", "(",
            "ß", "x’y", "aB", "Ab", "$", ".",
        ];
        for t in random_texts(&pieces, 3000, 8, 0x2545_f491_4f6c_dd1d) {
            let got: Vec<_> = tokens(&t, 7).iter().map(token_fields).collect();
            let want: Vec<_> = reference_tokens(&t, 7).iter().map(token_fields).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn ascii_tokens_are_read_as_any_token_reads_them() {
        let text = "JOHN'S Bank's x A-1 AB Ab aB 42 3.5% o'S M&M ' 's (Q) WHO'S-Who";
        for (s, e) in token_ranges(text) {
            let (a, b) = (ascii_token(&text[s..e], s, e), any_token(&text[s..e], s, e));
            assert_eq!(token_fields(&a), token_fields(&b), "{}", &text[s..e]);
        }
    }

    #[test]
    fn phrase_lists_find_what_a_plain_search_finds() {
        let terms = &Lexicon::builtin().terms;
        for list in [&terms.plan, &terms.running, &terms.attribution] {
            let index = PhraseList::new(list);
            // Words of the phrases, in and out of order, with others, figures and punctuation.
            let mut pieces: Vec<&str> = list.iter().flat_map(|p| p.split(' ')).collect();
            pieces.extend(["the", "figure", "42", ",", "Council", "so", "of"]);
            let mut seed: u64 = 0x5851_f42d_4c95_7f2d;
            for _ in 0..2000 {
                let mut text = String::new();
                for _ in 0..5 {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                    text.push(' ');
                }
                let toks = tokens(&text, 0);
                let words: Vec<&str> = toks.iter().filter(|t| t.word).map(|t| &*t.lower).collect();
                let plain = list.iter().any(|p| {
                    let p: Vec<&str> = p.split(' ').collect();
                    words.windows(p.len()).any(|w| w == p.as_slice())
                });
                assert_eq!(index.any_in(&toks), plain, "{text:?}");
            }
        }
    }

    #[test]
    fn a_profile_counts_as_entity_counts_and_frequent_entities_do() {
        let doc = Document::plain(
            "a",
            "VELMONT, Nov. 28 — The Corvane Trust said the Trust's new Corvane Bridge opened. \
             Officials at the Corvane Trust and NASA agreed. The NASA team met Ann Lee of \
             Lee Holdings. Ann Lee left. Ok."
                .into(),
        );
        let terms = &Lexicon::builtin().terms;
        let p = profile(&doc, terms);
        assert_eq!(p.entity_counts, entity_counts(&doc, terms));
        assert_eq!(p.frequent, frequent_entities(&doc, terms));
        assert!(
            p.frequent.contains(&"corvane".to_string()),
            "{:?}",
            p.frequent
        );
        let (q, _) = profile_and_analyze(&doc, &[], 0, terms, &PhraseLists::new(terms));
        assert_eq!(p, q);
    }

    #[test]
    fn sentences_that_name_nothing_have_no_entities() {
        let terms = &Lexicon::builtin().terms;
        let pieces = [
            "The", "the", "NASA", "A", "a", "Ann's", "ANN'S", "x-Ray", "McNeil", "42", ",", "(",
            "\"", " ", "  ", "—", "é", "Of", "of", "'s", "-", ".",
        ];
        let (mut seed, mut nothing) = (0x9e37_79b9_7f4a_7c15_u64, 0);
        for _ in 0..5000 {
            let mut t = String::new();
            for _ in 0..5 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                if seed % 3 == 0 {
                    t.push(' ');
                }
            }
            if names_nothing(&t) {
                nothing += 1;
                assert!(entities_of(&tokens(&t, 0), terms).is_empty(), "{t:?}");
            }
        }
        assert!(nothing > 500, "{nothing}");
    }

    #[test]
    fn a_length_of_time_after_a_preposition_measures_the_predicate_before_it() {
        let terms = &Lexicon::builtin().terms;
        let doc = Document::plain(
            "a",
            "The gallery, closed for more than six years after a four-year closure was planned, sold out in six weeks; the 2019 survey ran for 12 weeks, and nothing was found.".into(),
        );
        let claims = vec![
            claim_at(&doc, "more than six years", Kind::Duration),
            claim_at(&doc, "four-year", Kind::Duration),
            claim_at(&doc, "six weeks", Kind::Duration),
            claim_at(&doc, "2019", Kind::Date),
            claim_at(&doc, "12 weeks", Kind::Duration),
        ];
        let s = analyze(&doc, &claims, 0, terms);
        // WordNet joins "closed" and "closure".
        assert_eq!(s[0].head, s[1].head);
        assert!(s[0].head.is_some());
        // Past a particle: "sold out in".
        assert_eq!(s[2].head, Some(terms.canonical("sold")));
        // The verb before the preposition, not the subject before it.
        assert_eq!(s[4].head, Some(terms.canonical("ran")));
    }

    #[test]
    fn a_partitive_counts_the_head_of_its_whole() {
        let terms = &Lexicon::builtin().terms;
        let doc = Document::plain(
            "a",
            "In all, 1,870 of the operator's 2,240 drivers have walked out, 12 of the largest depots in the city are shut, 35 of the region's nurses joined them and three of them reopened.".into(),
        );
        let mut claims = vec![
            claim_at(&doc, "1,870", Kind::Number),
            claim_at(&doc, "2,240 drivers", Kind::Quantity),
            claim_at(&doc, "12", Kind::Number),
            claim_at(&doc, "three", Kind::Number),
            claim_at(&doc, "35", Kind::Number),
        ];
        // As the extractor names it.
        claims[1].noun = Some("drivers".into());
        let s = analyze(&doc, &claims, 0, terms);
        let canon = |w: &str| Some(terms.canonical(w));
        // Not "operator" (the owner) nor the whole's own figure: the drivers.
        assert_eq!(s[0].noun, canon("drivers"));
        assert_eq!(s[0].noun, s[1].noun);
        // The last content word of the phrase, not an adjective before it.
        assert_eq!(s[2].noun, canon("depots"));
        // A pronoun names no whole: the first content word after the figure, as without "of".
        assert_ne!(s[3].noun, canon("them"));
        // The verb after the head ends the phrase.
        assert_eq!(s[4].noun, canon("nurses"));
    }

    #[test]
    fn agent_follows_relative_clauses() {
        let doc = Document::plain(
            "a",
            "Ilse Varnow won the election with 61,240 votes, unseating Peter Hollin, who took 48,930 votes.".into(),
        );
        let claims = vec![
            claim_at(&doc, "61,240", Kind::Quantity),
            claim_at(&doc, "48,930", Kind::Quantity),
        ];
        let s = analyze(&doc, &claims, 0, &Lexicon::builtin().terms);
        assert_eq!(s[0].agent.as_deref(), Some("ilse varnow"));
        assert_eq!(s[1].agent.as_deref(), Some("peter hollin"));
        assert_eq!(s[0].noun, s[1].noun);
    }

    #[test]
    fn event_words_and_plans_are_read() {
        let doc = Document::plain(
            "a",
            "The campaign, which started on March 10, was supposed to end in June.".into(),
        );
        let claims = vec![
            claim_at(&doc, "March 10", Kind::Date),
            claim_at(&doc, "June", Kind::Date),
        ];
        let s = analyze(&doc, &claims, 0, &Lexicon::builtin().terms);
        assert_eq!(s[0].event.as_deref(), Some("start"));
        assert!(s[0].event_terms.contains(&"campaign".to_string()));
        assert!(!s[0].plan);
        assert!(s[1].plan);
    }

    /// The event of a date is the predicate it modifies: not an event reported after a verb of
    /// saying, not an event in a clause of another time ("a day after they agreed"), not the
    /// anchor's event of an offset ("four days after Saturday's fire"), not across a relative
    /// pronoun.
    #[test]
    fn event_word_is_the_predicate_the_date_modifies() {
        let event = |text: &str, date: &str| {
            let doc = Document::plain("a", text.to_string());
            let claims = vec![claim_at(&doc, date, Kind::Date)];
            let s = analyze(&doc, &claims, 0, &Lexicon::builtin().terms);
            s[0].event.clone()
        };
        assert_eq!(
            event(
                "Police said Friday they found a knife near the house.",
                "Friday"
            ),
            None
        );
        assert_eq!(
            event(
                "The Evening Post reported Friday that the mayor resigned.",
                "Friday"
            ),
            Some("announcement".into())
        );
        assert_eq!(
            event(
                "Crews went back on Monday, a day after they agreed to the deal.",
                "Monday"
            ),
            None
        );
        assert_eq!(
            event(
                "Four days after Saturday's fire, the warehouse still smoulders.",
                "Four days after Saturday"
            ),
            None
        );
        assert_eq!(
            event(
                "The board released two men who were questioned on Tuesday.",
                "Tuesday"
            ),
            None
        );
        assert_eq!(
            event(
                "The ferry service, which launched on May 3, carries cars.",
                "May 3"
            ),
            Some("start".into())
        );
        assert_eq!(
            event("Traders agreed on Sunday to sell the site.", "Sunday"),
            Some("agreement".into())
        );
        // A year used as a modifier dates its noun, not the verb before it.
        assert_eq!(
            event("He was arrested last week for the 1995 shooting.", "1995"),
            Some("incident".into())
        );
    }

    /// The argument of an event: the noun phrase before its verb, through a relative pronoun
    /// or past a parenthetical clause to its antecedent; none for a pronoun.
    #[test]
    fn event_argument_is_the_noun_before_the_verb() {
        let arg = |text: &str, date: &str| {
            let doc = Document::plain("a", text.to_string());
            let claims = vec![claim_at(&doc, date, Kind::Date)];
            let s = analyze(&doc, &claims, 0, &Lexicon::builtin().terms);
            s[0].event_arg.clone()
        };
        let canon = |w: &str| Lexicon::builtin().terms.canonical(w);
        let has = |a: &[String], w: &str| a.contains(&canon(w));
        let a = arg("The rifle was discovered on April 8.", "April 8");
        assert!(has(&a, "rifle"), "{a:?}");
        let a = arg(
            "The survey, released on Wednesday, counted 900 homes.",
            "Wednesday",
        );
        assert!(has(&a, "survey") && !has(&a, "homes"), "{a:?}");
        let a = arg(
            "The library, which holds maps of the county, first opened on May 4.",
            "May 4",
        );
        assert!(has(&a, "library") && !has(&a, "county"), "{a:?}");
        let a = arg(
            "Growth came from its first route, the service to Tarvik, launched in June 2024.",
            "June 2024",
        );
        assert!(has(&a, "route") && has(&a, "service"), "{a:?}");
        assert!(arg("It is now set to open in March 2030.", "March 2030").is_empty());
    }

    /// "X in Y, which ...": the place after the preposition modifies X, the antecedent, whose
    /// words are the event's too.
    #[test]
    fn a_relative_clause_after_a_place_tells_of_the_name_before_it() {
        let doc = Document::plain(
            "a",
            "St Anne's Hospital in Marlow, which opened in 2011, stayed open.".into(),
        );
        let claims = vec![claim_at(&doc, "2011", Kind::Period)];
        let s = analyze(&doc, &claims, 0, &Lexicon::builtin().terms);
        assert_eq!(s[0].agent.as_deref(), Some("st anne hospital"));
        let hospital = Lexicon::builtin().terms.canonical("hospital");
        assert!(
            s[0].event_terms.contains(&hospital),
            "{:?}",
            s[0].event_terms
        );
    }

    /// `align::overlap` merges term lists, which is right only if subjects keep them sorted
    /// and without repeats; so do they, here on a sentence naming two organisations twice.
    #[test]
    fn subject_term_lists_are_sorted_without_repeats() {
        let strictly_sorted = |v: &[String]| v.windows(2).all(|w| w[0] < w[1]);
        let text = "The Orvale Trust said on Monday that Orvale storage grew by 250% to 2,300 \
                    gigabytes in 2025, while the trust's rival Kestrel Data said storage at Kestrel \
                    Data rose 12% in the year to March 2025 and storage costs fell.";
        let doc = Document::plain("a", text.into());
        let claims = vec![
            claim_at(&doc, "250%", Kind::Percent),
            claim_at(&doc, "2,300", Kind::Quantity),
            claim_at(&doc, "12%", Kind::Percent),
        ];
        let subjects = analyze(&doc, &claims, 0, &Lexicon::builtin().terms);
        for s in &subjects {
            assert!(
                s.terms.len() > 2 && strictly_sorted(&s.terms),
                "{:?}",
                s.terms
            );
            assert!(
                !s.local.is_empty() && strictly_sorted(&s.local),
                "{:?}",
                s.local
            );
            assert!(
                s.entities.len() >= 2 && strictly_sorted(&s.entities),
                "{:?}",
                s.entities
            );
        }
    }
}
