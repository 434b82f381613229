//! The terminal report: one block per finding, drawn by annotate-snippets the way rustc draws a
//! diagnostic. By default a block is short: severity, rule and headline; the two claims in
//! conflict, each underlined in its line and labelled with its value in words (`values`); one
//! line of why. `--verbose` (`--show-evidence`) shows every claim with its sentence underlined,
//! then the category, the values side by side, the alignment evidence (shared terms as the text
//! writes them) and a word diff of the first two sentences. `render_concise` is the one-line
//! format (`--format concise`).

use std::fmt::Write;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::values::{self, plural};
use super::{sentence_parts_in, Place};
use crate::claim::{Claim, Kind};
use crate::finding::{Finding, Severity};
use crate::lexicon::Lexicon;
use crate::run::Run;
use crate::segment;

/// Options for the terminal report.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// ANSI colour.
    pub color: bool,
    /// Only the summary line.
    pub quiet: bool,
    /// Every claim, the evidence and the word diff (`--verbose`, `--show-evidence`).
    pub verbose: bool,
}

fn paint(s: &str, code: &str, on: bool) -> String {
    if on {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// Equal runs longer than this many words are shortened in the word diff.
const DIFF_CONTEXT_WORDS: usize = 6;

/// A word diff of two sentences in one line: removed words as `[-old-]`, added ones as
/// `{+new+}`, long unchanged stretches shortened to their ends around `...`. With `color` the
/// markers are also painted red and green.
#[must_use]
pub fn word_diff(a: &str, b: &str, color: bool) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(a, b);
    let toks: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    // Stretches of unchanged text and of changes; a change stretch runs over the spaces between
    // changed words, so that a replaced phrase reads as one `[-...-]{+...+}` pair.
    let mut segs: Vec<(String, Option<String>)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].0 == ChangeTag::Equal {
            match segs.last_mut() {
                Some((s, None)) => s.push_str(toks[i].1),
                _ => segs.push((toks[i].1.to_string(), None)),
            }
            i += 1;
            continue;
        }
        let (mut j, mut end) = (i, i);
        while j < toks.len() {
            if toks[j].0 != ChangeTag::Equal {
                end = j + 1;
            } else if !toks[j].1.trim().is_empty() {
                break;
            }
            j += 1;
        }
        let side = |skip: ChangeTag| {
            toks[i..end]
                .iter()
                .filter(|t| t.0 != skip)
                .map(|t| t.1)
                .collect::<String>()
        };
        segs.push((side(ChangeTag::Insert), Some(side(ChangeTag::Delete))));
        i = end;
    }
    let last = segs.len().saturating_sub(1);
    let mut out = String::new();
    for (k, (old, new)) in segs.iter().enumerate() {
        match new {
            None => out.push_str(&shorten(old, k == 0, k == last)),
            Some(new) => {
                let (old, new) = (old.trim(), new.trim());
                out.push(' ');
                if !old.is_empty() {
                    out.push_str(&paint(&format!("[-{old}-]"), "31", color));
                }
                if !new.is_empty() {
                    out.push_str(&paint(&format!("{{+{new}+}}"), "32", color));
                }
                out.push(' ');
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An unchanged stretch of the diff, cut to its ends when long: only the end that touches a
/// change is kept for the first and last stretch.
fn shorten(text: &str, first: bool, last: bool) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let n = DIFF_CONTEXT_WORDS;
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let body = if first && last {
        words.join(" ")
    } else if first && words.len() > n {
        format!("... {}", words[words.len() - n..].join(" "))
    } else if last && words.len() > n {
        format!("{} ...", words[..n].join(" "))
    } else if words.len() > 2 * n {
        format!(
            "{} ... {}",
            words[..n].join(" "),
            words[words.len() - n..].join(" ")
        )
    } else {
        words.join(" ")
    };
    format!("{lead}{body}{trail}")
}

/// The normalised value of a claim in the engine's terms ("duration 182.625 day", "change x4
/// [> 4]"): the key that baselines and SARIF fingerprints hash, and `extract`'s table. Reports
/// for people show `people_value` instead.
#[must_use]
pub fn value_words(c: &Claim) -> String {
    let unit = c.unit.as_deref().unwrap_or("");
    match c.kind {
        Kind::Date | Kind::Period => match c.dates {
            Some(d) => match (d.from, d.to) {
                (Some(f), Some(t)) if f == t => f.to_string(),
                (Some(f), Some(t)) => format!("{f} .. {t}"),
                (Some(f), None) => format!("from {f}"),
                (None, Some(t)) => format!("until {t}"),
                (None, None) => "unresolved".into(),
            },
            None => "unresolved".into(),
        },
        _ => match c.value {
            Some(v) => {
                let bound = match (v.low, v.high) {
                    (Some(l), Some(h)) if l != h => format!(" [{l} .. {h}]"),
                    (Some(l), None) => format!(" [> {l}]"),
                    (None, Some(h)) => format!(" [< {h}]"),
                    _ => String::new(),
                };
                let what = if c.kind == Kind::Change && !c.change.is_some_and(|x| x.additive) {
                    format!("x{}", v.point)
                } else {
                    format!("{} {unit}", v.point)
                };
                format!("{} {}{bound}", c.kind.as_str(), what.trim())
            }
            None => c.kind.as_str().to_string(),
        },
    }
}

/// What a claim of `run` states, in words for people ("6 months", "nearly 1.4 PB").
#[must_use]
pub fn people_value(run: &Run, c: &Claim) -> String {
    values::claim_value(c, run.documents[c.doc].text(c.span))
}

/// The summary line: "1 error, 3 warnings, 4 notes in 5 documents (31 claims) in 11 ms".
#[must_use]
pub fn summary(run: &Run, elapsed_ms: u128) -> String {
    let count = |s: Severity| run.findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{}, {}, {} in {} ({}) in {elapsed_ms} ms",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note"),
        plural(run.documents.len(), "document"),
        plural(run.claim_counts.iter().sum::<usize>(), "claim"),
    )
}

/// A finding's message split into its headline and its why: the text before and after the first
/// ": " (rule messages read "{a} against {b}: {why}"); no why when there is no such break.
#[must_use]
pub fn headline(message: &str) -> (&str, Option<&str>) {
    match message.split_once(": ") {
        Some((h, why)) if !h.is_empty() && !why.trim().is_empty() => (h, Some(why)),
        _ => (message, None),
    }
}

/// Renders the report.
#[must_use]
pub fn render(run: &Run, opts: HumanOptions, elapsed_ms: u128) -> String {
    let mut out = String::new();
    let color = opts.color;
    if !opts.quiet {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .decor_style(DecorStyle::Unicode);
        // Sentences are cut once per document, not once per claim.
        let mut sentences: Vec<Option<Vec<crate::document::Span>>> =
            vec![None; run.documents.len()];
        for f in &run.findings {
            for &ci in &f.claims {
                let d = run.claims[ci].doc;
                if sentences[d].is_none() {
                    sentences[d] = Some(segment::sentences(&run.documents[d].prose));
                }
            }
        }
        for f in &run.findings {
            out.push_str(&render_finding(run, f, &sentences, &renderer, opts));
            out.push_str("\n\n");
        }
        for e in &run.errors {
            let _ = writeln!(
                out,
                "{}: {}: {}",
                paint("input", "1;31", color),
                e.path,
                e.message
            );
        }
    }
    out.push_str(&summary(run, elapsed_ms));
    out.push('\n');
    out
}

/// The concise report: one line per finding, `path:line:col: severity[rule] message (other
/// path:line:col, ...)`, the first claim's place first; then the summary line. Stable for
/// editors' problem matchers and grep: nothing else is printed on a finding's line, and a
/// message never spans lines.
#[must_use]
pub fn render_concise(run: &Run, opts: HumanOptions, elapsed_ms: u128) -> String {
    let mut out = String::new();
    if !opts.quiet {
        for f in &run.findings {
            let places: Vec<String> = f
                .claims
                .iter()
                .map(|&ci| {
                    let c = &run.claims[ci];
                    Place::of(&run.documents[c.doc], c).short()
                })
                .collect();
            let Some((first, others)) = places.split_first() else {
                continue;
            };
            let mut seen: Vec<&str> = vec![first.as_str()];
            let others: Vec<&str> = others
                .iter()
                .map(String::as_str)
                .filter(|p| {
                    let new = !seen.contains(p);
                    seen.push(p);
                    new
                })
                .collect();
            let severity = f.severity.as_str();
            let code = match f.severity {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Note => "1;36",
            };
            let message = f.message.split_whitespace().collect::<Vec<_>>().join(" ");
            let _ = write!(
                out,
                "{first}: {}[{}] {message}",
                paint(severity, code, opts.color),
                f.rule
            );
            if !others.is_empty() {
                let _ = write!(out, " ({})", others.join(", "));
            }
            out.push('\n');
        }
    }
    out.push_str(&summary(run, elapsed_ms));
    out.push('\n');
    out
}

/// One finding as a diagnostic: compact (the first two claims of different places, each in its
/// line, and the why) or, with `verbose`, every claim in its sentence and the evidence.
fn render_finding(
    run: &Run,
    f: &Finding,
    sentences: &[Option<Vec<crate::document::Span>>],
    renderer: &Renderer,
    opts: HumanOptions,
) -> String {
    let (color, verbose) = (opts.color, opts.verbose);
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    // The message with its quoted values written for people (the JSON keeps it exactly).
    let (head, why) = if verbose {
        (values::message_for_people(&f.message), None)
    } else {
        let (h, why) = headline(&f.message);
        (
            values::message_for_people(h),
            why.map(values::message_for_people),
        )
    };
    let mut group = Group::with_title(level.primary_title(head).id(f.rule.as_str()));
    let mut quoted: Vec<String> = Vec::new();
    // The compact block shows the two claims in conflict: the first two at different places.
    let mut shown: Vec<usize> = Vec::new();
    for &ci in &f.claims {
        let c = &run.claims[ci];
        if verbose
            || (shown.len() < 2
                && !shown.iter().any(|&s| {
                    let o = &run.claims[s];
                    o.doc == c.doc && o.span == c.span
                }))
        {
            shown.push(ci);
        }
    }
    for &ci in &shown {
        let c = &run.claims[ci];
        let d = &run.documents[c.doc];
        let place = Place::of(d, c);
        let cut = sentences[c.doc].as_deref().unwrap_or(&[]);
        if let Some((before, claim, after)) = sentence_parts_in(d, cut, c) {
            quoted.push(format!("{before}{claim}{after}"));
        }
        // The stored lines that hold the claim's sentence (or the claim alone), shown as they
        // are in the file so that line and column match the file; in the verbose block the
        // sentence is underlined thinly, the claim thickly.
        let i = cut.partition_point(|s| s.start <= c.prose.start);
        let sentence = cut[..i]
            .last()
            .filter(|s| c.prose.end <= s.end)
            .map(|s| d.to_source(s.start, s.end))
            .filter(|s| s.start <= c.span.start && c.span.end <= s.end)
            .unwrap_or(c.span);
        let shown_span = if verbose { sentence } else { c.span };
        let (first, _) = d.line_col(shown_span.start);
        let (last, _) = d.line_col(shown_span.end);
        let from = d.lines.line_span(&d.source, first).start;
        let to = d.lines.line_span(&d.source, last).end.max(c.span.end);
        let Some(source) = d.source.get(from..to) else {
            continue;
        };
        let mut snippet = Snippet::source(source)
            .line_start(first)
            .path(place.path.clone())
            .annotation(
                AnnotationKind::Primary
                    .span(c.span.start - from..c.span.end - from)
                    .label(people_value(run, c)),
            );
        if verbose && sentence != c.span {
            snippet = snippet.annotation(
                AnnotationKind::Context.span(sentence.start - from..sentence.end.min(to) - from),
            );
        }
        group = group.element(snippet);
    }
    if !verbose {
        if let Some(why) = why {
            group = group.element(Level::NOTE.with_name("why").message(why));
        }
        let hidden = f.claims.len().saturating_sub(shown.len());
        if hidden > 0 {
            group = group.element(Level::NOTE.message(format!(
                "{} (--verbose shows {})",
                plural(hidden, "more claim"),
                if hidden == 1 { "it" } else { "them" }
            )));
        }
        return renderer.render(&[group]);
    }
    let values: Vec<String> = f
        .claims
        .iter()
        .map(|&ci| people_value(run, &run.claims[ci]))
        .collect();
    let ev = &f.evidence;
    let shared = if ev.shared_terms.is_empty() {
        "-".to_string()
    } else {
        let texts: Vec<&str> = quoted.iter().map(String::as_str).collect();
        let terms = &Lexicon::builtin().terms;
        let canonical = |w: &str| terms.canonical(w);
        ev.shared_terms
            .iter()
            .map(|t| values::term_as_written(t, &texts, &canonical))
            .collect::<Vec<_>>()
            .join(", ")
    };
    group = group
        .element(Level::NOTE.message(format!("category: {}", f.category.as_str())))
        .element(Level::NOTE.message(format!("values: {}", values.join("  |  "))))
        .element(Level::NOTE.message(format!(
            "aligned: score {:.2}; shared: {shared}; {}",
            ev.score,
            ev.checks.join(", ")
        )));
    if let [a, b, ..] = quoted.as_slice() {
        if a != b {
            group = group.element(Level::NOTE.message(format!("diff: {}", word_diff(a, b, color))));
        }
    }
    renderer.render(&[group])
}
