//! Slot alignment: two sentences that say the same thing except for a figure are about the same
//! measure, whatever noun follows the figure, or none ("punctuality stood at 84%" against
//! "punctuality stood at 79%", "a magnitude of 4.7" against "a magnitude-5.2 tremor").
//!
//! The two sentences are aligned word by word (a longest-common-subsequence diff, the `similar`
//! crate's Myers) with each claim's own figure masked as one placeholder; the claims fill the
//! same slot when the placeholders align with each other, and the slot is as strong as the
//! content words that align around it. Other figures stay as written, so two sentences that also
//! differ in another number ("in 2019" against "in 2020") lose that word from the alignment.
//!
//! Architecture invariant: pure and bounded. A sentence is read at most `WINDOW_TOKENS` words
//! each side of its figure, so the diff costs at most a constant per pair, however long the
//! sentence (a document with no sentence breaks is one "sentence").

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::document::Span;
use crate::lexicon::terms::TermsLexicon;

/// Words read each side of the figure.
const WINDOW_TOKENS: usize = 40;

/// Words each side of the figure that count as its immediate context.
const NEAR_TOKENS: usize = 4;

/// Words before the figure read as its subject and verb, where another content word means
/// another thing measured.
const SUBJECT_TOKENS: usize = 8;

/// How two claims' sentences align around their figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The two figures stand in corresponding positions of the alignment.
    pub aligned: bool,
    /// Content words within `NEAR_TOKENS` of the figure that align, on either side.
    pub near: usize,
    /// The aligned near words, as canonical terms (the evidence).
    pub words: Vec<String>,
    /// Aligned content words over the content words of the longer sentence (0 to 1).
    pub ratio: f64,
    /// Aligned content words over the content words of the shorter sentence (0 to 1): how much
    /// of the briefer report the longer one repeats.
    pub cover: f64,
    /// Content words of one sentence stand where the other has other content words, in the
    /// subject and verb before the figure ("retail sales" against "producer prices"), or right
    /// after it ("400 members" against "400 depots"): the figures are of different things.
    pub substituted: bool,
}

impl Slot {
    /// The two sentences are the same sentence with another figure: nearly every content word
    /// aligns, and the figures take the same place. This is what a copy that changed a number
    /// looks like, and is evidence enough that the figures measure the same thing.
    #[must_use]
    pub fn same_sentence(&self) -> bool {
        self.aligned && !self.substituted && self.near >= 1 && self.ratio >= SAME_SENTENCE_RATIO
    }

    /// The figures are framed alike: at least two content words next to them align (the
    /// measured attribute and its verb, "punctuality stood at", "magnitude of"), and the
    /// sentences share a fair part of their content.
    #[must_use]
    pub fn same_frame(&self) -> bool {
        self.aligned && !self.substituted && self.near >= 2 && self.cover >= FRAME_COVER
    }

    /// Either of the above.
    #[must_use]
    pub fn holds(&self) -> bool {
        self.same_sentence() || self.same_frame()
    }
}

/// Share of content words that must align for two sentences to be one sentence with another
/// figure.
pub const SAME_SENTENCE_RATIO: f64 = 0.75;

/// Share of the shorter sentence's content words that must align for a shared frame of two near
/// words to count.
pub const FRAME_COVER: f64 = 0.3;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Tok {
    /// The claim's own figure.
    Figure,
    /// A function word, as written (lowercase): aligns, but weighs nothing.
    Function(String),
    /// A content word, as its canonical term.
    Content(String),
}

/// The words of `text[sentence]` around `figure`, the figure as one `Tok::Figure`, and the
/// figure's index.
fn tokens(text: &str, sentence: Span, figure: Span, terms: &TermsLexicon) -> (Vec<Tok>, usize) {
    let (s, e) = (sentence.start.min(text.len()), sentence.end.min(text.len()));
    let mut out: Vec<Tok> = Vec::new();
    let mut at = None;
    let mut word_start: Option<usize> = None;
    let body = text.get(s..e).unwrap_or("");
    let push = |from: usize, to: usize, out: &mut Vec<Tok>, at: &mut Option<usize>| {
        let (from, to) = (from + s, to + s);
        if from < figure.end && to > figure.start {
            if at.is_none() {
                *at = Some(out.len());
                out.push(Tok::Figure);
            }
            return;
        }
        let w = text[from..to].to_lowercase();
        // Other figures align as written and weigh nothing.
        let content = w.chars().nth(1).is_some()
            && !terms.is_stop(&w)
            && !w.starts_with(|c: char| c.is_ascii_digit());
        out.push(if content {
            Tok::Content(terms.canonical(&w))
        } else {
            Tok::Function(w)
        });
    };
    for (k, c) in body.char_indices() {
        // Words are runs of letters and digits; a decimal point or a thousands comma inside a
        // number stays in it.
        let inside = c.is_alphanumeric()
            || (matches!(c, '.' | ',' | '\'')
                && word_start.is_some()
                && body[k + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric));
        match (inside, word_start) {
            (true, None) => word_start = Some(k),
            (false, Some(w)) => {
                push(w, k, &mut out, &mut at);
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(w) = word_start {
        push(w, body.len(), &mut out, &mut at);
    }
    let Some(at) = at else {
        // The figure is outside the sentence (should not happen): it stands at the end.
        out.push(Tok::Figure);
        let at = out.len() - 1;
        return (out, at);
    };
    // A bounded window around the figure.
    let lo = at.saturating_sub(WINDOW_TOKENS);
    let hi = (at + WINDOW_TOKENS + 1).min(out.len());
    (out[lo..hi].to_vec(), at - lo)
}

/// Words read each side of a change for what changed (`clause_terms`).
pub const CLAUSE_REACH: usize = 6;

/// The canonical content terms within `reach` words before and after `figure`, in its clause:
/// the reading stops at a comma, semicolon, colon, dash or bracket. For a change, these name
/// what changed ("passenger journeys have fallen by more than half", "increased its storage
/// on the cloud by 300%").
#[must_use]
pub fn clause_terms(
    text: &str,
    sentence: Span,
    figure: Span,
    terms: &TermsLexicon,
    reach: usize,
) -> Vec<String> {
    let (s, e) = (sentence.start.min(text.len()), sentence.end.min(text.len()));
    let (fs, fe) = (figure.start.clamp(s, e), figure.end.clamp(s, e));
    let boundary = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}');
    let words = |part: &str| -> Vec<String> {
        part.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            .filter(|w| w.chars().nth(1).is_some() && !w.starts_with(|c: char| c.is_ascii_digit()))
            .map(|w| {
                let w = w.to_lowercase();
                match w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
                    Some(stem) => stem.to_string(),
                    None => w,
                }
            })
            .filter(|w| !terms.is_stop(w))
            .collect()
    };
    let before = text.get(s..fs).unwrap_or("");
    let mut clauses = before.rsplit(boundary);
    let own = clauses.next().unwrap_or("");
    // A change in apposition ("reached £6.2 million, a 40% rise on last year") is of what the
    // clause before it names.
    let before = if words(own).is_empty() {
        clauses.next().unwrap_or("")
    } else {
        own
    };
    let after = text.get(fe..e).unwrap_or("");
    let after = after.split(boundary).next().unwrap_or("");
    let mut out: Vec<String> = Vec::new();
    let left = words(before);
    for w in left
        .iter()
        .rev()
        .take(reach)
        .chain(words(after).iter().take(reach))
    {
        let t = terms.canonical(w);
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Words between a counted figure and its verb: relative pronouns, auxiliaries and adverbs that
/// say nothing of what was counted ("1,480 dockworkers who had walked out").
const BEFORE_VERB: &[&str] = &[
    "who",
    "that",
    "which",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "be",
    "being",
    "reportedly",
    "all",
    "now",
    "still",
    "already",
    "also",
    "then",
    "had",
    "later",
];

/// The verb a counted figure is the subject of, as its canonical term: the first content word
/// after the figure, past relative pronouns and auxiliaries ("40 people were killed" -> kill,
/// "1,480 dockworkers who walked out" -> walk), when it follows within three words and the
/// clause does not end first.
#[must_use]
pub fn predicate_after(
    text: &str,
    sentence: Span,
    figure: Span,
    noun: Option<&str>,
    terms: &TermsLexicon,
) -> Option<String> {
    let e = sentence.end.min(text.len());
    let after = text.get(figure.end.min(e)..e)?;
    let mut skipped = 0;
    let mut noun_seen = false;
    for w in after.split(|c: char| c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        if BEFORE_VERB.contains(&lower.as_str()) && skipped < 3 {
            skipped += 1;
            if w.ends_with([',', ';', ':', '.']) {
                return None;
            }
            continue;
        }
        // A verb is lower case and not a number; anything else ends the search.
        if bare.is_empty()
            || !bare.starts_with(|c: char| c.is_lowercase())
            || terms.is_stop(&lower)
            || bare.chars().nth(2).is_none()
        {
            return None;
        }
        let term = terms.canonical(&lower);
        // The counted noun itself, when the figure's text stops before it ("eight hours").
        if !noun_seen && skipped == 0 && noun == Some(term.as_str()) {
            noun_seen = true;
            continue;
        }
        return Some(term);
    }
    None
}

/// Aligns the sentence of claim `a` with the sentence of claim `b` around their figures.
#[must_use]
pub fn align(
    (text_a, sentence_a, figure_a): (&str, Span, Span),
    (text_b, sentence_b, figure_b): (&str, Span, Span),
    terms: &TermsLexicon,
) -> Slot {
    let (ta, fa) = tokens(text_a, sentence_a, figure_a, terms);
    let (tb, fb) = tokens(text_b, sentence_b, figure_b, terms);
    let ops = capture_diff_slices(Algorithm::Myers, &ta, &tb);
    let mut aligned = false;
    let mut matched = 0usize;
    let mut words = Vec::new();
    let content_in = |t: &[Tok]| t.iter().any(|t| matches!(t, Tok::Content(_)));
    let after = |t: &[Tok], f: usize| match t.get(f + 1) {
        Some(Tok::Content(w)) => Some(w.clone()),
        _ => None,
    };
    let mut substituted = matches!((after(&ta, fa), after(&tb, fb)), (Some(x), Some(y)) if x != y);
    for op in &ops {
        if let DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } = *op
        {
            let (old, new) = (
                &ta[old_index..old_index + old_len],
                &tb[new_index..new_index + new_len],
            );
            let before =
                |start: usize, len: usize, f: usize| start < f && start + len + SUBJECT_TOKENS >= f;
            if content_in(old)
                && content_in(new)
                && before(old_index, old_len, fa)
                && before(new_index, new_len, fb)
            {
                substituted = true;
            }
        }
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                let (x, y) = (old_index + k, new_index + k);
                match &ta[x] {
                    Tok::Figure => aligned = x == fa && y == fb,
                    Tok::Content(w) => {
                        matched += 1;
                        let near = |p: usize, f: usize| p.abs_diff(f) <= NEAR_TOKENS;
                        // On the same side of both figures, and near both.
                        if near(x, fa) && near(y, fb) && (x < fa) == (y < fb) {
                            words.push(w.clone());
                        }
                    }
                    Tok::Function(_) => {}
                }
            }
        }
    }
    let content = |t: &[Tok]| t.iter().filter(|t| matches!(t, Tok::Content(_))).count();
    let share = |n: usize| {
        if n == 0 {
            0.0
        } else {
            matched as f64 / n as f64
        }
    };
    let ratio = share(content(&ta).max(content(&tb)));
    let cover = share(content(&ta).min(content(&tb)));
    Slot {
        aligned,
        near: if aligned { words.len() } else { 0 },
        words: if aligned { words } else { Vec::new() },
        ratio,
        cover,
        substituted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The span of `f` in `t`.
    fn span(t: &str, f: &str) -> Span {
        let s = t.find(f).expect("figure in sentence");
        Span {
            start: s,
            end: s + f.len(),
        }
    }

    /// All of `t`, as the sentence.
    fn whole(t: &str) -> Span {
        Span {
            start: 0,
            end: t.len(),
        }
    }

    fn slot(a: &str, fig_a: &str, b: &str, fig_b: &str) -> Slot {
        let terms = TermsLexicon::builtin().expect("builtin lexicon");
        align(
            (a, whole(a), span(a, fig_a)),
            (b, whole(b), span(b, fig_b)),
            &terms,
        )
    }

    #[test]
    fn one_sentence_with_another_figure_is_one_slot() {
        let s = slot(
            "Sakshi can do a piece of work in 12 days.",
            "12 days",
            "Sakshi can do a piece of work in 32 days.",
            "32 days",
        );
        assert!(s.aligned && s.same_sentence(), "{s:?}");
    }

    #[test]
    fn a_shared_frame_around_the_figure_is_a_slot() {
        let s = slot(
            "Punctuality stood at 84%, measured as flights arriving within 15 minutes.",
            "84%",
            "Punctuality stood at 79%, the company said, and cancellations were down.",
            "79%",
        );
        assert!(s.same_frame() && !s.same_sentence(), "{s:?}");
        let m = slot(
            "The strongest aftershock, a magnitude-5.2 tremor on Monday afternoon, shook the town.",
            "5.2",
            "The strongest aftershock had a magnitude of 4.7, the institute said.",
            "4.7",
        );
        assert!(m.aligned && !m.words.is_empty(), "{m:?}");
    }

    #[test]
    fn figures_in_different_places_are_no_slot() {
        // The same words, but the figure counts something else.
        let s = slot(
            "The union had 400 members and the company 120 depots.",
            "400",
            "The union had 40 depots and the company 120 members.",
            "120",
        );
        assert!(!s.holds(), "{s:?}");
        // Nothing in common but function words.
        let t = slot(
            "It was 84% in the end.",
            "84%",
            "Rain fell on 79% of days.",
            "79%",
        );
        assert!(!t.holds(), "{t:?}");
        // The same frame of another subject.
        let u = slot(
            "Retail sales post biggest drop in 9 months.",
            "9 months",
            "Producer prices post biggest drop in 10 months.",
            "10 months",
        );
        assert!(u.aligned && u.substituted && !u.holds(), "{u:?}");
    }

    #[test]
    fn a_change_is_named_in_its_clause() {
        let terms = TermsLexicon::builtin().expect("builtin lexicon");
        let of = |t: &str, f: &str| clause_terms(t, whole(t), span(t, f), &terms, CLAUSE_REACH);
        let a = of(
            "Drivers are still out, but passenger journeys have fallen by more than half, and the depot is shut.",
            "fallen by more than half",
        );
        assert!(a.iter().any(|t| t.starts_with("journey")), "{a:?}");
        assert!(
            !a.iter()
                .any(|t| t.starts_with("depot") || t.starts_with("driver")),
            "{a:?}"
        );
        let b = of(
            "The agency more than tripled its data storage on the cloud.",
            "more than tripled",
        );
        let storage = TermsLexicon::builtin().unwrap().canonical("storage");
        assert!(b.contains(&storage), "{b:?}");
    }

    #[test]
    fn a_counted_figure_has_the_verb_after_it() {
        let terms = TermsLexicon::builtin().expect("builtin lexicon");
        let verb =
            |t: &str, f: &str| predicate_after(t, whole(t), span(t, f), Some("hour"), &terms);
        let killed = verb("At least 40 people were killed in the blast.", "40 people");
        let injured = verb(
            "More than 1,000 people were injured in the blast.",
            "1,000 people",
        );
        assert!(killed.is_some() && injured.is_some() && killed != injured);
        assert_eq!(
            verb(
                "The 1,480 dockworkers who walked out won a rise.",
                "1,480 dockworkers"
            ),
            verb(
                "More than 1,500 dockworkers walked out on Monday.",
                "1,500 dockworkers"
            )
        );
        assert_eq!(verb("It added 96 beds to the hospital.", "96 beds"), None);
        // The counted noun after a bare figure is not its verb.
        assert_eq!(
            verb("Overtime is capped at eight hours a week.", "eight"),
            None
        );
    }

    #[test]
    fn a_long_sentence_costs_a_window() {
        let long = format!(
            "{} the rate stood at 5% today {}",
            "word ".repeat(5000),
            "x ".repeat(5000)
        );
        let terms = TermsLexicon::builtin().expect("builtin lexicon");
        let (toks, at) = tokens(&long, whole(&long), span(&long, "5%"), &terms);
        assert!(toks.len() <= 2 * WINDOW_TOKENS + 1);
        assert_eq!(toks[at], Tok::Figure);
    }
}
