//! The comparison vocabulary: one function per `Test`, each deciding whether an aligned pair of
//! claims is a discrepancy and explaining it in plain words.

use jiff::civil::Date;

use super::{Rule, Test};
use crate::align::{self, slot, Alignment, Subject};
use crate::claim::{Claim, Hedge, Kind};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::hedge::{self, Range, Stated};

/// What every comparison can see.
pub struct Ctx<'a> {
    /// The documents.
    pub documents: &'a [&'a Document],
    /// All claims of the run.
    pub claims: &'a [Claim],
    /// The subject of every claim.
    pub subjects: &'a [Subject],
    /// Per document, the entities it names at least twice.
    pub doc_entities: &'a [&'a [String]],
    /// Per document, how often it names each entity word.
    pub entity_counts: &'a [&'a std::collections::BTreeMap<String, usize>],
    /// Per document, the range of `claims` holding its claims (claims are grouped by document).
    pub doc_claims: &'a [std::ops::Range<usize>],
    /// Per document, its claims' indices in the order of their prose start (`by_start`): what
    /// `of_sentence` searches, so that a look around a claim costs its sentence, not its
    /// document (a long report holds thousands of claims).
    pub by_start: &'a [Vec<usize>],
    /// Per document, its claims with a value by their stated number (`by_value`), for the
    /// search of a witness (`witnessed`).
    pub by_value: &'a [Vec<(f64, usize)>],
    /// `different_topics` of the pairs of documents asked so far.
    pub topics_apart: &'a std::sync::Mutex<std::collections::HashMap<(usize, usize), bool>>,
    /// Per document, the documents of its group (itself included), in input order.
    pub peers: &'a [std::sync::Arc<[usize]>],
    /// Per claim, its measure (`measures`), computed once rather than per pair.
    pub measures: &'a [Option<String>],
    /// The claims of dated documents by measure, in claim order (`dated_by_measure`): what
    /// `dated_twin` looks through, so that its cost follows the figures of one measure, not
    /// every claim of the group.
    pub dated: &'a std::collections::HashMap<String, Vec<usize>>,
    /// The vocabulary of alignment (stop words, canonical terms), for slot alignment.
    pub terms: &'a crate::lexicon::terms::TermsLexicon,
}

/// The measure of every claim (what kind of figure it is and of what), in claim order.
#[must_use]
pub fn measures(claims: &[Claim], subjects: &[Subject]) -> Vec<Option<String>> {
    claims
        .iter()
        .zip(subjects)
        .map(|(c, s)| measure(c, s))
        .collect()
}

/// The claims of documents with a date, by measure (`measures`), in claim order.
#[must_use]
pub fn dated_by_measure(
    documents: &[&Document],
    claims: &[Claim],
    measures: &[Option<String>],
) -> std::collections::HashMap<String, Vec<usize>> {
    let mut out: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (k, (c, m)) in claims.iter().zip(measures).enumerate() {
        if let Some(m) = m {
            if documents.get(c.doc).is_some_and(|d| d.date.is_some()) {
                out.entry(m.clone()).or_default().push(k);
            }
        }
    }
    out
}

/// Per document, the indices of its claims (of `claims`, grouped by document as `doc_claims`
/// gives them) in the order of their prose start, claim order among equal starts.
#[must_use]
pub fn by_start(claims: &[Claim], doc_claims: &[std::ops::Range<usize>]) -> Vec<Vec<usize>> {
    doc_claims
        .iter()
        .enumerate()
        .map(|(d, r)| {
            let mut v: Vec<usize> = r.clone().filter(|&k| claims[k].doc == d).collect();
            v.sort_by_key(|&k| claims[k].prose.start);
            v
        })
        .collect()
}

/// Per document, `(number, index)` of its claims with a value, by number: the base value when
/// the claim converts one, else its point (what `witnessed` compares). NaN is left out.
#[must_use]
pub fn by_value(claims: &[Claim], doc_claims: &[std::ops::Range<usize>]) -> Vec<Vec<(f64, usize)>> {
    doc_claims
        .iter()
        .enumerate()
        .map(|(d, r)| {
            let mut v: Vec<(f64, usize)> = r
                .clone()
                .filter(|&k| claims[k].doc == d)
                .filter_map(|k| {
                    let c = &claims[k];
                    let v = c.value?;
                    let n = c.base.map_or(v.point, |b| b.point);
                    (!n.is_nan()).then_some((n, k))
                })
                .collect();
            v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            v
        })
        .collect()
}

impl Ctx<'_> {
    /// The claims of claim `k`'s document whose prose starts within `k`'s sentence, in the
    /// order of their start (claim order, as the extractors write claims): every claim a
    /// sentence-level look around `k` can read, found by binary search.
    fn of_sentence(&self, k: usize) -> impl Iterator<Item = (usize, &Claim)> + '_ {
        let doc = self.claims[k].doc;
        let sent = self.subjects[k].sentence;
        let list = self.by_start.get(doc).map_or(&[][..], Vec::as_slice);
        let lo = list.partition_point(|&x| self.claims[x].prose.start < sent.start);
        let hi = list.partition_point(|&x| self.claims[x].prose.start <= sent.end);
        list[lo..hi.max(lo)]
            .iter()
            .map(move |&x| (x, &self.claims[x]))
    }

    /// The claims of document `doc`, with their run indices: a comparison that looks around a
    /// claim reads its own document only, so its cost does not grow with the run.
    fn of_doc(&self, doc: usize) -> impl Iterator<Item = (usize, &Claim)> + '_ {
        let r = self.doc_claims.get(doc).cloned().unwrap_or(0..0);
        r.map(move |k| (k, &self.claims[k]))
            .filter(move |(_, c)| c.doc == doc)
    }
}

/// True when two documents are mainly about different named things: each names its own most
/// named entities more often than the other's, and one of them barely names the other's ("the
/// Pendry Marathon" against "the Alnwold Half Marathon" in one story folder). A document's
/// most named entities are all those tied at its highest count: two documents that share one of
/// them are about the same thing, whichever else they name as often.
///
/// It reads only the two documents, so it is decided once per pair of documents
/// (`Ctx::topics_apart`): a long document names thousands of entities, and reading them for
/// every candidate pair made its pairs cost the document.
fn different_topics(ctx: &Ctx<'_>, da: usize, db: usize) -> bool {
    if let Some(&apart) = ctx
        .topics_apart
        .lock()
        .ok()
        .and_then(|m| m.get(&(da, db)).copied())
        .as_ref()
    {
        return apart;
    }
    let apart = topics_differ(ctx, da, db);
    if let Ok(mut m) = ctx.topics_apart.lock() {
        m.insert((da, db), apart);
    }
    apart
}

/// `different_topics`, computed.
fn topics_differ(ctx: &Ctx<'_>, da: usize, db: usize) -> bool {
    let top = |d: usize| {
        let counts = ctx.entity_counts[d];
        let most = counts.values().copied().max()?;
        let words: Vec<&str> = counts
            .iter()
            .filter(|(_, &n)| n == most)
            .map(|(w, _)| w.as_str())
            .collect();
        Some((words, most))
    };
    let (Some((ta, na)), Some((tb, nb))) = (top(da), top(db)) else {
        return false;
    };
    // A topic named once is no topic. A name inside the other's ("Kellingbrook" in
    // "Kellingbrook Festival", not "Marathon" in "Alnwold Half Marathon") is the same topic.
    let within = |x: &str, y: &str| {
        x == y
            || y.strip_prefix(x).is_some_and(|r| r.starts_with(' '))
            || y.strip_suffix(x).is_some_and(|r| r.ends_with(' ')) && x.contains(' ')
    };
    let shared = ta
        .iter()
        .any(|x| tb.iter().any(|y| within(x, y) || within(y, x)));
    if shared || (na < 2 && nb < 2) {
        return false;
    }
    // How often each names the other's topic (the most named of those tied).
    let named = |d: usize, words: &[&str]| {
        words
            .iter()
            .map(|w| ctx.entity_counts[d].get(*w).copied().unwrap_or(0))
            .max()
            .unwrap_or(0)
    };
    let in_b = named(db, &ta);
    let in_a = named(da, &tb);

    // Each names its own topic more than the other's, and one barely names the other's.
    in_b < nb && in_a < na && (2 * in_a <= na || 2 * in_b <= nb)
}

/// Figures of different years, or with different statistic words, are different measures.
fn same_frame(ctx: &Ctx<'_>, i: usize, j: usize) -> bool {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    let year = |s: &Subject, c: &Claim| {
        s.year
            .or(ctx.documents[c.doc].date.map(jiff::civil::Date::year))
    };
    if let (Some(x), Some(y)) = (year(sa, a), year(sb, b)) {
        if x != y {
            return false;
        }
    }
    sa.qualifiers == sb.qualifiers
}

/// The plausible range of a claim's value (in base units for converted quantities): what its
/// hedge, its stated bounds and the rounding its digits imply (`hedge::Stated::allowed`).
/// `approx` is the relative width an unhedged figure of unknown precision gets
/// (`hedge::GROWTH_APPROX` for growth verbs such as "tripled").
#[must_use]
pub fn plausible(c: &Claim, approx: f64) -> Option<Range> {
    Some(Stated::of(c)?.allowed(approx))
}

fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map_or(0, |s| i64::from(s.get_days()))
}

fn doc_gap_ok(ctx: &Ctx<'_>, rule: &Rule, a: &Claim, b: &Claim) -> bool {
    if rule.max_doc_gap_days <= 0 {
        return true;
    }
    match (ctx.documents[a.doc].date, ctx.documents[b.doc].date) {
        (Some(x), Some(y)) => days_between(x, y).abs() <= rule.max_doc_gap_days,
        _ => true,
    }
}

fn text<'a>(ctx: &'a Ctx<'_>, i: usize) -> &'a str {
    let c = &ctx.claims[i];
    ctx.documents[c.doc].text(c.span)
}

fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "unbounded".into();
    }
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        let s = format!("{}", r as i64);
        // Thousands separators for readability.
        let neg = s.starts_with('-');
        let digits: Vec<char> = s.trim_start_matches('-').chars().collect();
        let mut out = String::new();
        for (k, ch) in digits.iter().enumerate() {
            if k > 0 && (digits.len() - k).is_multiple_of(3) {
                out.push(',');
            }
            out.push(*ch);
        }
        if neg {
            format!("-{out}")
        } else {
            out
        }
    } else {
        format!("{r}")
    }
}

fn describe_range(r: Range, unit: &str) -> String {
    let u = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    if r.hi.is_infinite() {
        format!("more than {}{u}", fmt_num(r.lo))
    } else if r.lo.is_infinite() {
        format!("at most {}{u}", fmt_num(r.hi))
    } else if (r.hi - r.lo).abs() <= r.hi.abs() * 1e-9 {
        format!("{}{u}", fmt_num(r.lo))
    } else {
        format!("{} to {}{u}", fmt_num(r.lo), fmt_num(r.hi))
    }
}

/// Plain words for what a change claim means as a multiple.
fn explain_change(c: &Claim, t: &str) -> String {
    let Some(v) = c.value else {
        return t.to_string();
    };
    let ch = c.change.unwrap_or_default();
    let times = |x: f64| format!("{} times", fmt_num(x));
    if ch.ambiguous {
        return format!(
            "\"{t}\" is ambiguous: {} or {} the original",
            times(v.low.unwrap_or(v.point)),
            times(v.high.unwrap_or(v.point))
        );
    }
    let what = match c.hedge {
        Hedge::Above | Hedge::AtLeast | Hedge::JustAbove => {
            format!("more than {}", times(v.low.unwrap_or(v.point)))
        }
        Hedge::Nearly => format!("nearly {}", times(v.high.unwrap_or(v.point))),
        Hedge::Below | Hedge::AtMost => format!("less than {}", times(v.high.unwrap_or(v.point))),
        Hedge::About => format!("about {}", times(v.point)),
        _ => times(v.point),
    };
    if ch.from_percent {
        format!("\"{t}\" means the amount became {what} what it was (an increase of N% is 1 + N/100 times)")
    } else {
        format!("\"{t}\" means {what} the original")
    }
}

fn finding(
    rule: &Rule,
    severity: Severity,
    claims: Vec<usize>,
    why: &str,
    al: &Alignment,
    checks: &[&str],
    ctx: &Ctx<'_>,
) -> Finding {
    let a = claims.first().map_or("", |&i| text(ctx, i));
    let b = claims.get(1).map_or("", |&i| text(ctx, i));
    let message = rule
        .message
        .replace("{a}", a)
        .replace("{b}", b)
        .replace("{why}", why);
    Finding {
        rule: rule.id.clone(),
        category: rule.category,
        severity: severity.min(rule.severity.max(severity)),
        message,
        claims,
        evidence: al.evidence(checks.iter().map(|s| (*s).to_string()).collect()),
    }
}

/// Applies `rule` to the pair `(i, j)`; `Some` when it is a discrepancy.
#[must_use]
pub fn apply(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    if !rule.kinds.contains(&a.kind) || !rule.kinds.contains(&b.kind) {
        return None;
    }
    match rule.test {
        Test::Value => value(rule, ctx, i, j),
        Test::Factor => factor(rule, ctx, i, j),
        Test::PointsVsPercent => {
            points_vs_percent(rule, ctx, i, j).or_else(|| points_vs_percent(rule, ctx, j, i))
        }
        Test::Window => window(rule, ctx, i, j),
        Test::EventDate => event_date(rule, ctx, i, j),
        Test::StartDate => start_date(rule, ctx, i, j),
        Test::DurationVsSpan => {
            duration_vs_span(rule, ctx, i, j).or_else(|| duration_vs_span(rule, ctx, j, i))
        }
        Test::RelationshipAge => {
            relationship_age(rule, ctx, i, j).or_else(|| relationship_age(rule, ctx, j, i))
        }
        Test::Superseded => superseded(rule, ctx, i, j),
    }
}

/// The measure a value claim states: claims compare only within one measure.
fn measure(c: &Claim, s: &Subject) -> Option<String> {
    match c.kind {
        Kind::Money => Some(format!("money:{}", c.unit.as_deref().unwrap_or("?"))),
        Kind::Percent => Some(format!("percent:{}", c.unit.as_deref().unwrap_or("%"))),
        Kind::Quantity | Kind::Number => match c.dimension.as_deref() {
            Some("count") | None => s.noun.as_ref().map(|n| format!("count:{n}")),
            Some(d) => Some(format!("dim:{d}")),
        },
        // A length of time measures the noun it modifies ("a six-week strike"); a bare one
        // ("for six weeks") compares only in the same slot.
        Kind::Duration => s.head.as_ref().map(|h| format!("duration:{h}")),
        _ => None,
    }
}

/// A claim that belongs to a change claim ("300%" in "grew by 300%") is not a level.
/// The level a change ends at ("stands at 4.2%, up from 3.5%", "rose to 86% from 81%") is a
/// level of now, and compares as one; its starting level and its amount do not.
fn inside_change(ctx: &Ctx<'_>, i: usize) -> bool {
    let c = &ctx.claims[i];
    let end_level = |o: &Claim| {
        let (Some(end), Some(v)) = (o.change.and_then(|ch| ch.end), c.value) else {
            return false;
        };
        (end - v.point).abs() <= 1e-9 * end.abs().max(v.point.abs())
    };
    ctx.of_sentence(i)
        .any(|(_, o)| o.kind == Kind::Change && o.span.contains(c.span) && !end_level(o))
}

/// The prose between two spans of one document, whichever comes first; `None` when the bytes
/// between them cannot be read.
fn text_between(prose: &str, x: crate::document::Span, y: crate::document::Span) -> Option<&str> {
    let (from, to) = if x.end <= y.start {
        (x.end, y.start)
    } else {
        (y.end, x.start)
    };
    prose.get(from..to.max(from))
}

/// True when claim `i` stands in a list with another figure of its measure ("houses 72 surgical
/// beds, 24 critical-care beds and eight theatres"): the items of a list are parts of a whole,
/// not the whole another source gives.
fn listed(ctx: &Ctx<'_>, i: usize) -> bool {
    let c = &ctx.claims[i];
    let Some(m) = ctx.measures[i].as_deref() else {
        return false;
    };
    let prose = &ctx.documents[c.doc].prose;
    ctx.of_sentence(i).any(|(k, o)| {
        if k == i || ctx.measures[k].as_deref() != Some(m) || o.prose.overlaps(c.prose) {
            return false;
        }
        text_between(prose, o.prose, c.prose)
            .is_some_and(|b| matches!(b.trim(), "," | "and" | ", and" | "or" | ", or" | ";"))
    })
}

/// A duration that is the window a change of its document happened over ("doubled within six
/// months"): the window test compares it, with the change.
fn window_of_change(ctx: &Ctx<'_>, i: usize) -> bool {
    let c = &ctx.claims[i];
    c.kind == Kind::Duration
        && ctx
            .of_sentence(i)
            .any(|(k, o)| o.kind == Kind::Change && ctx.subjects[k].windows.contains(&i))
}

/// A level that can be compared: not a plan, part, increment, attributed claim, or negated or
/// hypothetical figure. Future tense alone does not disqualify ("will now cost €6.1bn" is today's estimate);
/// a figure for another year is caught by the year anchors.
fn eligible_level(ctx: &Ctx<'_>, i: usize) -> bool {
    let s = &ctx.subjects[i];
    let m = ctx.claims[i].modality;
    !(s.plan || s.part || s.increment || s.attributed || m.negated || m.hypothetical)
}

/// How near an open-ended figure's stated number must be to the other source's figure to
/// witness it, as a share of the larger: "more than €3 million" backs €3.1 million, "up to
/// 48,000" does not back 42,000. An alignment heuristic, not a hedge width (those are `hedge`'s).
const WITNESS_SHARE: f64 = 0.1;

/// How far apart two counts may be, as a share of the larger, and still be one running count
/// reached over different windows (a count that grew by more is another count).
const RUNNING_COUNT_SHARE: f64 = 0.1;

/// The tolerance of "the same figure" when an undated document's figure is dated by a dated
/// report stating it (value-mismatch's tolerance).
const TWIN_TOLERANCE: f64 = 0.02;

/// Another claim of the same document and measure whose range meets `r` (the range of the other
/// source's claim `other`): the document also states the other source's figure, so the two
/// figures are about different things. The witness stands in the sentence of the document's own
/// claim `skip`, or is of `other`'s year (when both name one) and speaks of `other`'s subject at
/// least as closely as `skip` does (`own`, their alignment score; the very figure the other
/// states needs only the rule's `min_score` or a word shared next to both): a long report states figures near any value about other things, and one of
/// another company or year elsewhere in it witnesses nothing (issue 15: a planted discrepancy
/// among a few hundred figures was lost). In the gold story sets every witness is of one of
/// these two sorts, so they find the same.
fn witnessed(
    ctx: &Ctx<'_>,
    doc: usize,
    measure_key: &str,
    r: Range,
    skip: usize,
    other: usize,
    (own, min_score): (f64, f64),
) -> bool {
    let family = |k: &str| k.split(':').next().unwrap_or("").to_string();
    let centre = if r.lo.is_finite() && r.hi.is_finite() {
        f64::midpoint(r.lo, r.hi)
    } else if r.lo.is_finite() {
        r.lo
    } else {
        r.hi
    };
    // A witness's stated number lies within `WITNESS_SHARE` of the centre (the last test
    // below), so only the claims of the document whose number lies in that band (`by_value`,
    // with a margin for rounding) are read, not every claim of a long report.
    let band = centre.is_finite().then(|| {
        let (x, y) = (
            centre * (1.0 - WITNESS_SHARE),
            centre / (1.0 - WITNESS_SHARE),
        );
        let slack = 1e-9 * centre.abs() + 1e-12;
        (x.min(y) - slack, x.max(y) + slack)
    });
    let near: Box<dyn Iterator<Item = (usize, &Claim)>> = match (band, ctx.by_value.get(doc)) {
        (Some((lo, hi)), Some(list)) => {
            let from = list.partition_point(|&(v, _)| v < lo);
            let to = list.partition_point(|&(v, _)| v <= hi);
            Box::new(
                list[from..to.max(from)]
                    .iter()
                    .map(|&(_, k)| (k, &ctx.claims[k])),
            )
        }
        _ => Box::new(ctx.of_doc(doc)),
    };
    let mut near = near;
    near.any(|(k, o)| {
        k != skip
            && match ctx.measures[k].as_deref() {
                Some(m) => {
                    m == measure_key || family(m) == "count" && family(measure_key) == "count"
                }
                None => o.kind == Kind::Number && family(measure_key) == "count",
            }
            && plausible(o, 0.0).is_some_and(|x| !x.disjoint(r))
            // An open-ended figure is evidence only when its stated number is close: "more than
            // €3 million" backs €3.1 million, "up to 48,000" does not back 42,000.
            && o.value.is_some_and(|v| {
                let base = o.base.map_or(v.point, |b| b.point);
                (base - centre).abs() <= WITNESS_SHARE * centre.abs().max(base.abs())
            })
            && (ctx.subjects[k].sentence == ctx.subjects[skip].sentence
                || !years_differ(ctx, k, other) && {
                    // The very figure the other source states ("52.3%" in both) needs only the
                    // rule's alignment or a word shared next to both figures; a figure merely
                    // near it must speak of the other's subject as closely as `skip` does.
                    let w = align::compare(&ctx.subjects[k], &ctx.subjects[other]);
                    w.score >= own
                        || same_point(o, &ctx.claims[other])
                            && (w.score >= min_score || !w.local.is_empty())
                })
    })
}

/// Two claims state the same number (their stated points are equal, in the claims' own
/// normalised units).
fn same_point(a: &Claim, b: &Claim) -> bool {
    match (a.value, b.value) {
        (Some(x), Some(y)) => (x.point - y.point).abs() <= 1e-9 * x.point.abs().max(y.point.abs()),
        _ => false,
    }
}

/// True when `CROSSCHECK_TRACE` is set (read once).
fn tracing() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CROSSCHECK_TRACE").is_some())
}

/// With `CROSSCHECK_TRACE` set, says on standard error which check of which test turned a
/// candidate pair down, with the two claims as written (a debugging aid for rule authors).
fn trace(ctx: &Ctx<'_>, test: &str, i: usize, j: usize, why: &str) -> Option<Finding> {
    if tracing() {
        let side = |k: usize| {
            let c = &ctx.claims[k];
            format!("{:?} ({})", text(ctx, k), ctx.documents[c.doc].id)
        };
        eprintln!("{test}: {} / {} turned down: {why}", side(i), side(j));
    }
    None
}

/// Figures that could fill one slot: of one kind, and of one currency, percent unit or dimension.
fn slot_comparable(a: &Claim, b: &Claim) -> bool {
    a.kind == b.kind
        && match a.kind {
            Kind::Money | Kind::Percent => a.unit == b.unit,
            Kind::Number | Kind::Quantity | Kind::Duration => a.dimension == b.dimension,
            _ => false,
        }
}

/// How the sentences of claims `i` and `j` align around their figures (`align::slot`).
fn slot_of(ctx: &Ctx<'_>, i: usize, j: usize) -> slot::Slot {
    slot::align(in_sentence(ctx, i), in_sentence(ctx, j), ctx.terms)
}

/// Claim `k` as the slot readers take it: its document's prose, its sentence and its own span
/// in that prose.
fn in_sentence<'a>(
    ctx: &'a Ctx<'_>,
    k: usize,
) -> (&'a str, crate::document::Span, crate::document::Span) {
    let c = &ctx.claims[k];
    (
        ctx.documents[c.doc].prose.as_str(),
        ctx.subjects[k].sentence,
        c.prose,
    )
}

/// The flags that make a figure something other than a plain level are the same on both sides:
/// two plans, two hypotheticals ("If Joe takes 3 rides" / "If Joe takes 5 rides") or two plain
/// levels compare with each other, a plan and an outcome do not.
fn same_standing(ctx: &Ctx<'_>, i: usize, j: usize) -> bool {
    let (s, t) = (&ctx.subjects[i], &ctx.subjects[j]);
    let (m, n) = (ctx.claims[i].modality, ctx.claims[j].modality);
    (
        s.plan,
        s.part,
        s.increment,
        s.attributed,
        m.negated,
        m.hypothetical,
    ) == (
        t.plan,
        t.part,
        t.increment,
        t.attributed,
        n.negated,
        n.hypothetical,
    )
}

/// Why the subjects of claims `i` and `j` (of measure `m` when both have it) are not shown to be
/// the same measure by their words, or `None` when they are.
fn subject_gate(
    rule: &Rule,
    ctx: &Ctx<'_>,
    i: usize,
    j: usize,
    m: Option<&str>,
    al: &Alignment<'_>,
) -> Option<&'static str> {
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    if m.is_none() {
        return Some("no measure (no counted noun or dimension)");
    }
    if !eligible_level(ctx, i) || !eligible_level(ctx, j) {
        return Some(
            "not an eligible level (plan, part, increment, attributed, negated, hypothetical)",
        );
    }
    if al.agent_conflict || head_conflict(sa, sb) || al.score < rule.min_score {
        return Some("agents or heads differ, or alignment score below the minimum");
    }
    // Context beyond the measured noun itself must be shared, the sentences must not name only
    // different entities, and the figures must be of the same year and statistic.
    let noun_a = sa.noun.as_deref();
    let names: Vec<&str> = sa
        .entities
        .iter()
        .chain(sb.entities.iter())
        .flat_map(|e| e.split(' '))
        .collect();
    let shared_word =
        |t: &&str| Some(*t) != noun_a && !names.iter().any(|n| n == t || stem_is(n, t));
    // The entity the figures belong to is context too: the same named agent of the same counted
    // noun ("Dannatt won ... with 61,240 votes" / "Dannatt, the winner, took 64,120 votes").
    if !al.same_agent && !al.local.iter().any(shared_word) {
        return Some("no shared context word beyond the noun and names, and no shared agent");
    }
    if !same_frame(ctx, i, j) {
        return Some("different year or statistic");
    }
    None
}

/// How many times larger one figure must be than the other to be read as another order of
/// magnitude.
const ORDERS_APART: f64 = 8.0;

/// The significant digits of a positive value, as written in its shortest decimal form without
/// the scale ("3.8" and "380" both give "38").
fn significant_digits(v: f64) -> String {
    let s = format!("{:e}", v.abs());
    let mantissa = s.split('e').next().unwrap_or("");
    mantissa.chars().filter(char::is_ascii_digit).collect()
}

/// True when the two claims' values are `ORDERS_APART` or more apart and their significant
/// digits differ.
fn orders_apart(ctx: &Ctx<'_>, i: usize, j: usize) -> bool {
    let v = |k: usize| {
        let c = &ctx.claims[k];
        c.base.or(c.value).map(|x| x.point.abs())
    };
    let (Some(x), Some(y)) = (v(i), v(j)) else {
        return false;
    };
    let (lo, hi) = (x.min(y), x.max(y));
    // Digits as written: the stated value before unit conversion.
    let stated = |k: usize| ctx.claims[k].value.map_or(0.0, |x| x.point);
    lo > 0.0
        && hi / lo >= ORDERS_APART
        && significant_digits(stated(i)) != significant_digits(stated(j))
}

/// How closely the words around claims `i` and `j` correspond: aligned near words first, then
/// the share of the sentences that aligns.
fn slot_closeness(ctx: &Ctx<'_>, i: usize, j: usize) -> (usize, f64) {
    let s = slot_of(ctx, i, j);
    (if s.aligned { s.near } else { 0 }, s.ratio)
}

/// True when another figure of `i`'s sentence, comparable with `j`, stands in `j`'s place more
/// closely than `i` does: a sentence that gives a distance and a depth in kilometres ("25
/// kilometres north-west of the town, at a depth of 10 kilometres") pairs the other source's
/// distance with its distance only.
fn closer_rival(ctx: &Ctx<'_>, i: usize, j: usize) -> bool {
    let c = &ctx.claims[i];
    let sentence = ctx.subjects[i].sentence;
    let rivals: Vec<usize> = ctx
        .of_sentence(i)
        .filter(|&(k, o)| {
            k != i
                && ctx.subjects[k].sentence == sentence
                && !o.span.overlaps(c.span)
                && slot_comparable(o, &ctx.claims[j])
        })
        .map(|(k, _)| k)
        .collect();
    if rivals.is_empty() {
        return false;
    }
    let own = slot_closeness(ctx, i, j);
    rivals.into_iter().any(|k| {
        let other = slot_closeness(ctx, k, j);
        other.0 > own.0
    })
}

/// The verbs two counted figures are the subjects of (`slot::predicate_after`), when both have
/// one.
fn predicates(ctx: &Ctx<'_>, i: usize, j: usize) -> Option<(String, String)> {
    let verb = |k: usize| {
        let (prose, sentence, at) = in_sentence(ctx, k);
        slot::predicate_after(
            prose,
            sentence,
            at,
            ctx.subjects[k].noun.as_deref(),
            ctx.terms,
        )
    };
    Some((verb(i)?, verb(j)?))
}

/// True when the explicit years the two clauses anchor their figures to differ.
fn years_differ(ctx: &Ctx<'_>, i: usize, j: usize) -> bool {
    matches!((ctx.subjects[i].year, ctx.subjects[j].year), (Some(x), Some(y)) if x != y)
}

/// The features of a value candidate that the fitted alignment decides on
/// (`align::fitted`).
fn value_features(
    ctx: &Ctx<'_>,
    i: usize,
    j: usize,
    same_measure: bool,
    same_verb: bool,
    al: &Alignment<'_>,
    slot: &slot::Slot,
) -> align::fitted::Features {
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    let noun_a = sa.noun.as_deref();
    let names: Vec<&str> = sa
        .entities
        .iter()
        .chain(sb.entities.iter())
        .flat_map(|e| e.split(' '))
        .collect();
    let shared_word = al
        .local
        .iter()
        .any(|t| Some(*t) != noun_a && !names.iter().any(|n| n == t || stem_is(n, t)));
    let point = |k: usize| {
        let c = &ctx.claims[k];
        c.base.or(c.value).map_or(0.0, |x| x.point)
    };
    #[allow(clippy::cast_precision_loss)]
    let near = slot.near.min(4) as f64 / 4.0;
    align::fitted::Features {
        same_measure,
        score: al.score,
        shared_word,
        same_agent: al.same_agent,
        agent_conflict: al.agent_conflict,
        head_conflict: head_conflict(sa, sb),
        shared_entity: !al.entities.is_empty(),
        same_frame: same_frame(ctx, i, j),
        years_differ: years_differ(ctx, i, j),
        slot_aligned: slot.aligned,
        slot_same_sentence: slot.same_sentence(),
        slot_same_frame: slot.same_frame(),
        slot_near: near,
        slot_cover: slot.cover,
        slot_ratio: slot.ratio,
        slot_substituted: slot.substituted,
        same_verb,
        eligible: eligible_level(ctx, i) && eligible_level(ctx, j),
        same_standing: same_standing(ctx, i, j),
        spread: align::fitted::spread(point(i), point(j)),
        slot_holds: slot.holds(),
        slot_whole: slot.aligned && !slot.substituted && slot.ratio >= 1.0,
        ..align::fitted::Features::default()
    }
}

/// With `CROSSCHECK_FEATURES=FILE` set, appends each value candidate's features to FILE as a
/// JSON line with its two claims (what `scripts/fit-alignment.py` fits on). A development aid.
fn dump_features(ctx: &Ctx<'_>, rule: &Rule, i: usize, j: usize, f: &align::fitted::Features) {
    use std::io::Write as _;
    static OUT: std::sync::OnceLock<Option<std::sync::Mutex<std::fs::File>>> =
        std::sync::OnceLock::new();
    let out = OUT.get_or_init(|| {
        let path = std::env::var_os("CROSSCHECK_FEATURES")?;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok()
            .map(std::sync::Mutex::new)
    });
    let Some(out) = out else {
        return;
    };
    let claim = |k: usize| {
        let c = &ctx.claims[k];
        serde_json::json!({
            "path": ctx.documents[c.doc].id,
            "start": c.span.start,
            "end": c.span.end,
            "text": text(ctx, k),
        })
    };
    let line = serde_json::json!({
        "rule": rule.id,
        "category": rule.category,
        "claims": [claim(i), claim(j)],
        "features": f.to_json(),
    });
    if let Ok(mut w) = out.lock() {
        let _ = writeln!(w, "{line}");
    }
}

fn value(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    // The measures computed once for the group (`Ctx::measures`), not per pair.
    let (mi, mj) = (ctx.measures[i].as_deref(), ctx.measures[j].as_deref());
    let same_measure = mi.is_some() && mi == mj;
    if !same_measure && !slot_comparable(a, b) {
        return trace(ctx, "value", i, j, "not the same measure");
    }
    if inside_change(ctx, i) || inside_change(ctx, j) || !doc_gap_ok(ctx, rule, a, b) {
        return trace(
            ctx,
            "value",
            i,
            j,
            "inside a change, or documents too far apart",
        );
    }
    if listed(ctx, i) != listed(ctx, j) {
        return trace(
            ctx,
            "value",
            i,
            j,
            "one figure is an item of a list of its measure (a part)",
        );
    }
    if window_of_change(ctx, i) || window_of_change(ctx, j) {
        return trace(
            ctx,
            "value",
            i,
            j,
            "the window of a change (window-mismatch compares those)",
        );
    }
    // The tolerance is shared between the two sides.
    let (ra, rb) = (
        plausible(a, 0.0)?.widen(rule.tolerance / 2.0),
        plausible(b, 0.0)?.widen(rule.tolerance / 2.0),
    );
    if hedge::compatible(&Stated::of(a)?, &Stated::of(b)?, rule.tolerance) {
        return trace(ctx, "value", i, j, "values overlap");
    }
    let dates_differ = ctx.documents[a.doc].date != ctx.documents[b.doc].date;
    let counted = |m: Option<&str>| !m.is_some_and(|m| m.starts_with("dim:"));
    if (sa.running || sb.running) && dates_differ && counted(mi) && counted(mj) {
        return trace(ctx, "value", i, j, "a running count on different dates"); // an update: superseded-figure reports it
    }
    // Levels anchored by their clauses to times that do not meet ("34% full on Monday" / "had
    // fallen to 32% by Wednesday") are two readings, not one figure misreported.
    if anchored_apart(ctx, i, j) {
        return trace(ctx, "value", i, j, "anchored to times that do not meet");
    }
    let al = align::compare(sa, sb);
    // Documents mainly about different named things ("Runners raised €3.1 million for charity"
    // in the report of one race and "€1.2 million" in another's) are not compared on their
    // words alone, however alike the sentences.
    if al.entities.is_empty() && different_topics(ctx, a.doc, b.doc) {
        return trace(ctx, "value", i, j, "different topics");
    }
    let m = if same_measure { mi } else { None };
    let mut slot_words = Vec::new();
    // The slot alignment costs a diff of the two sentences: computed only when a check needs it.
    let slot_cell = std::cell::OnceCell::new();
    let slot = || slot_cell.get_or_init(|| slot_of(ctx, i, j));
    // Figures an order of magnitude apart whose digits differ are more often a part and its
    // whole (a route's passengers and a network's, one grant and a budget) than one figure
    // misreported; a slip of scale keeps its digits ("380 gigabytes" against "3.8 TB"). Only the
    // same sentence with another figure rules the part out.
    if orders_apart(ctx, i, j) && !slot().same_sentence() {
        return trace(
            ctx,
            "value",
            i,
            j,
            "an order of magnitude apart with other digits (a part and its whole)",
        );
    }
    // Counts of one noun as the subjects of different verbs are different measures ("40 people
    // were killed" against "more than 1,000 people were injured"); of the same verb, one measure
    // ("the 1,480 dockworkers who walked out" against "more than 1,500 dockworkers walked out").
    let counted_by = predicates(ctx, i, j).filter(|_| same_measure);
    if let Some((p, q)) = &counted_by {
        if p != q {
            return trace(
                ctx,
                "value",
                i,
                j,
                "counts of what different verbs say of the noun",
            );
        }
    }
    let same_verb = counted_by.is_some();
    // A plan against an outcome, a hypothetical against a fact: never one figure.
    if !same_standing(ctx, i, j) {
        return trace(
            ctx,
            "value",
            i,
            j,
            "one side a plan, part, increment, attribution, negation or hypothesis, the other not",
        );
    }
    let gate = subject_gate(rule, ctx, i, j, m, &al);
    let mut features = value_features(ctx, i, j, same_measure, same_verb, &al, slot());
    features.words_agree = gate.is_none();
    features.verb_holds = same_verb
        && !al.agent_conflict
        && !features.head_conflict
        && !features.years_differ
        && features.eligible;
    dump_features(ctx, rule, i, j, &features);
    let model = align::fitted::Model::builtin();
    if !model.decide(&features) {
        if !tracing() {
            return None;
        }
        let slot = slot();
        return trace(
            ctx,
            "value",
            i,
            j,
            &format!(
                "the fitted alignment turns it down (p {:.2}: {}); {}; slot (aligned {}, near {:?}, cover {:.2}, ratio {:.2}, substituted {})",
                model.probability(&features),
                model.deciding(&features, 4).join(", "),
                gate.unwrap_or("the hand gates would accept"),
                slot.aligned, slot.words, slot.cover, slot.ratio, slot.substituted
            ),
        );
    }
    if gate.is_some() && slot().holds() {
        slot_words.clone_from(&slot().words);
    }
    if closer_rival(ctx, i, j) || closer_rival(ctx, j, i) {
        return trace(
            ctx,
            "value",
            i,
            j,
            "another figure of the same sentence stands closer to the other's place",
        );
    }
    let key = mi.unwrap_or("count:");
    if witnessed(ctx, a.doc, key, rb, i, j, (al.score, rule.min_score))
        || witnessed(ctx, b.doc, key, ra, j, i, (al.score, rule.min_score))
    {
        return trace(
            ctx,
            "value",
            i,
            j,
            "the other figure is witnessed in the same document",
        );
    }
    let unit = a.unit.clone().unwrap_or_default();
    let mut why = format!(
        "{} against {}: the ranges the wording allows do not overlap",
        describe_range(
            plausible(a, 0.0)?,
            if a.base.is_some() { "" } else { &unit }
        ),
        describe_range(
            plausible(b, 0.0)?,
            if b.base.is_some() { "" } else { &unit }
        ),
    );
    // The features that decided the alignment, with their contributions to the fitted score.
    let decided = format!(
        "fitted alignment p {:.2} ({})",
        model.probability(&features),
        model.deciding(&features, 3).join(", ")
    );
    let mut reasons = vec![
        "same measure",
        "values disjoint",
        "no other figure in either source matches",
        decided.as_str(),
    ];
    if !slot_words.is_empty() {
        use std::fmt::Write as _;
        let _ = write!(
            why,
            "; the figures fill the same place in their sentences (after or before: {})",
            slot_words.join(", ")
        );
        reasons[0] = "same slot";
    }
    Some(finding(
        rule,
        rule.severity,
        vec![i, j],
        &why,
        &al,
        &reasons,
        ctx,
    ))
}

/// Distinct name words a thread remembers the stems of before it starts over.
const NAME_STEMS: usize = 1 << 12;

/// True when `word` stems to `t` (`terms::stem`). Stems are remembered per thread (bounded):
/// the same few names recur in every pair of a story, and stemming costs more than a lookup.
fn stem_is(word: &str, t: &str) -> bool {
    thread_local! {
        static STEMS: std::cell::RefCell<crate::lexicon::WordMap<String>> =
            std::cell::RefCell::new(crate::lexicon::WordMap::default());
    }
    STEMS.with(|m| {
        let mut m = m.borrow_mut();
        if let Some(s) = m.get(word) {
            return s == t;
        }
        let s = crate::lexicon::terms::stem(word);
        let same = s == t;
        if m.len() >= NAME_STEMS {
            m.clear();
        }
        m.insert(word.to_string(), s);
        same
    })
}

fn head_conflict(a: &Subject, b: &Subject) -> bool {
    matches!((&a.head, &b.head), (Some(x), Some(y)) if x != y)
}

/// True when the clauses of two changes share no term: what changed is named around the change
/// ("passenger journeys have fallen by more than half" is not "footfall is down by a quarter",
/// however much else the two sentences share).
fn changes_of_different_things(ctx: &Ctx<'_>, i: usize, j: usize) -> bool {
    let side = |k: usize| {
        let (prose, sentence, at) = in_sentence(ctx, k);
        slot::clause_terms(prose, sentence, at, ctx.terms, slot::CLAUSE_REACH)
    };
    let (a, b) = (side(i), side(j));
    !a.is_empty() && !b.is_empty() && !a.iter().any(|t| b.contains(t))
}

/// The dates the clause of change `i` anchors it to: the nearest dated claim of its sentence that
/// follows it with no clause break between ("fell 23% on Monday", "rose 3% last year to 23%").
fn change_anchor(ctx: &Ctx<'_>, i: usize) -> Option<(Date, Date)> {
    let c = &ctx.claims[i];
    let prose = &ctx.documents[c.doc].prose;
    let sentence = ctx.subjects[i].sentence;
    ctx.of_sentence(i)
        .filter(|&(k, o)| {
            matches!(o.kind, Kind::Date | Kind::Period)
                && ctx.subjects[k].sentence == sentence
                && o.prose.start >= c.prose.end
        })
        .find_map(|(_, o)| {
            let between = text_between(prose, c.prose, o.prose)?;
            let open =
                !between.contains([',', ';', '(', ')']) && between.split_whitespace().count() <= 3;
            if !open {
                return None;
            }
            // A level "by" a date holds as of that date ("had fallen to 32% by Wednesday"); a
            // change by a date began at a time the period does not say.
            let d = o.dates?;
            match (d.from, d.to) {
                (Some(from), Some(to)) => Some((from, to)),
                (None, Some(to)) if c.change.is_none() => Some((to, to)),
                _ => None,
            }
        })
}

/// True when the two figures are anchored to times that do not meet ("fell 23% on Monday"
/// against "rose 3% last year"): changes or levels of different times are different figures.
fn anchored_apart(ctx: &Ctx<'_>, i: usize, j: usize) -> bool {
    match (change_anchor(ctx, i), change_anchor(ctx, j)) {
        (Some((a0, a1)), Some((b0, b1))) => a1 < b0 || b1 < a0,
        _ => false,
    }
}

/// The factor a change claim states, tightened by the endpoints its sentence gives ("to €610
/// million ... from the €450 million budget").
fn factor_range(ctx: &Ctx<'_>, i: usize) -> Option<Range> {
    let c = &ctx.claims[i];
    let ch = c.change?;
    if ch.additive {
        return None;
    }
    if let (Some(s), Some(e)) = (ch.start, ch.end) {
        if s > 0.0 {
            let f = e / s;
            return Some(Range::closed(
                f * (1.0 - hedge::ENDPOINT_RATIO_SLACK),
                f * (1.0 + hedge::ENDPOINT_RATIO_SLACK),
            ));
        }
    }
    if let Some(f) = endpoints(ctx, i) {
        return Some(Range::closed(
            f * (1.0 - hedge::ENDPOINT_RATIO_SLACK),
            f * (1.0 + hedge::ENDPOINT_RATIO_SLACK),
        ));
    }
    plausible(c, hedge::GROWTH_APPROX)
}

/// Endpoints of a change from its sentence: a figure after "from" and one after "to" (or
/// "reaching", "taking ... to"), of the same measure.
fn endpoints(ctx: &Ctx<'_>, i: usize) -> Option<f64> {
    let c = &ctx.claims[i];
    let sent = ctx.subjects[i].sentence;
    let prose = &ctx.documents[c.doc].prose;
    let mut from = None;
    let mut to = None;
    for (k, o) in ctx.of_sentence(i) {
        if k == i || !sent.contains(o.prose) || !matches!(o.kind, Kind::Money | Kind::Quantity) {
            continue;
        }
        let before = prose
            .get(o.prose.start.saturating_sub(12)..o.prose.start)
            .unwrap_or("")
            .to_lowercase();
        let v = o.base.or(o.value)?.point;
        if before.trim_end().ends_with("from") || before.trim_end().ends_with("from the") {
            from = Some((v, o.unit.clone()));
        } else if before.trim_end().ends_with("to") || before.contains("reaching") {
            to = Some((v, o.unit.clone()));
        }
    }
    match (from, to) {
        (Some((f, uf)), Some((t, ut))) if uf == ut && f > 0.0 => Some(t / f),
        _ => None,
    }
}

fn factor_witnessed(ctx: &Ctx<'_>, doc: usize, r: Range, skip: usize) -> bool {
    ctx.of_doc(doc).any(|(k, o)| {
        k != skip && o.kind == Kind::Change && factor_range(ctx, k).is_some_and(|x| !x.disjoint(r))
    })
}

/// The alignment a rise and a fall need to be read as one change. Two sources rarely report
/// one change in opposite directions; two changes of one story that go opposite ways are far
/// more often of different things (a price fell, a share rose), so a weak alignment that is
/// enough between two rises is not enough here.
const OPPOSITE_MIN_SCORE: f64 = 0.5;

fn factor(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    if a.kind != Kind::Change
        || b.kind != Kind::Change
        || sa.irrealis
        || sb.irrealis
        || sa.plan
        || sb.plan
    {
        return trace(ctx, "factor", i, j, "not both changes, or irrealis or plan");
    }
    if !doc_gap_ok(ctx, rule, a, b) {
        return trace(ctx, "factor", i, j, "documents too far apart");
    }
    // Changes are about a measure, not a person: the agent test of levels does not apply; but
    // two documents mainly about different things do not describe one change.
    let al = align::compare(sa, sb);
    if al.score < rule.min_score || (al.entities.is_empty() && different_topics(ctx, a.doc, b.doc))
    {
        return trace(
            ctx,
            "factor",
            i,
            j,
            "alignment score below the minimum, or different topics",
        );
    }
    // The clauses of the two changes must share a term: what changed is named around the change
    // ("passenger journeys have fallen by more than half" is not "footfall is down by a
    // quarter", however much else the two sentences share).
    if changes_of_different_things(ctx, i, j) {
        return trace(
            ctx,
            "factor",
            i,
            j,
            "the two clauses share no term (changes of different things)",
        );
    }
    if anchored_apart(ctx, i, j) {
        return trace(
            ctx,
            "factor",
            i,
            j,
            "the changes are anchored to times that do not meet",
        );
    }
    let (ra, rb) = (factor_range(ctx, i)?, factor_range(ctx, j)?);
    let falls = |c: &Claim| c.value.map(|v| v.point < 1.0);
    let opposite = matches!((falls(a), falls(b)), (Some(x), Some(y)) if x != y);
    if opposite && al.score < OPPOSITE_MIN_SCORE {
        return trace(ctx, "factor", i, j, "a rise against a fall, weakly aligned");
    }
    if !ra.widen(rule.tolerance).disjoint(rb.widen(rule.tolerance)) {
        return trace(ctx, "factor", i, j, "factors overlap");
    }
    // Either source also states the other's factor: the two changes are of different things
    // (the district's enrolment against the programme's).
    if factor_witnessed(ctx, a.doc, rb, i) || factor_witnessed(ctx, b.doc, ra, j) {
        return trace(
            ctx,
            "factor",
            i,
            j,
            "the other factor is witnessed in the same document",
        );
    }
    let ambiguous = a.change.is_some_and(|c| c.ambiguous) || b.change.is_some_and(|c| c.ambiguous);
    let direction = (ra.hi < 1.0) != (rb.hi < 1.0) && (ra.lo > 1.0 || rb.lo > 1.0);
    let severity = if ambiguous {
        Severity::Note
    } else {
        rule.severity
    };
    let why = if direction {
        format!(
            "one source says the figure rose, the other that it fell ({} against {})",
            explain_change(a, text(ctx, i)),
            explain_change(b, text(ctx, j))
        )
    } else {
        format!(
            "{}; {}",
            explain_change(a, text(ctx, i)),
            explain_change(b, text(ctx, j))
        )
    };
    Some(finding(
        rule,
        severity,
        vec![i, j],
        &why,
        &al,
        &["both changes", "same subject", "factors disjoint"],
        ctx,
    ))
}

/// "jumped 7.2%" (a relative change) where the other source's endpoints differ by 7.2 points.
fn points_vs_percent(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    let ca = a.change?;
    if a.kind != Kind::Change || ca.additive || !ca.from_percent {
        return None;
    }
    let stated = (a.value?.point - 1.0) * 100.0;
    let (s, e) = percent_endpoints(ctx, j)?;
    let points = e - s;
    let relative = (e / s - 1.0) * 100.0;
    if (points - stated).abs() > hedge::TENTHS_SLACK || (relative - stated).abs() < 0.5 {
        return None;
    }
    // A level the relative change itself names ("rose 3% to 23%") must be the other's.
    let off = |x: Option<f64>, y: f64| x.is_some_and(|x| (x - y).abs() > hedge::TENTHS_SLACK);
    if off(ca.end, e) || off(ca.start, s) {
        return trace(ctx, "points", i, j, "the change names another level");
    }
    let al = align::compare(&ctx.subjects[i], &ctx.subjects[j]);
    if al.agent_conflict || !doc_gap_ok(ctx, rule, a, b) {
        return trace(
            ctx,
            "points",
            i,
            j,
            "agents conflict or documents too far apart",
        );
    }
    // The coincidence of a relative change and a points difference is itself evidence: two
    // content words shared near both figures ("load factor") are enough beside it.
    if al.score < rule.min_score && al.local.len() < 2 {
        let why = format!(
            "weakly aligned ({:.2}: local {:?} of {:?} / {:?}, sentence {:?})",
            al.score, al.local, ctx.subjects[i].local, ctx.subjects[j].local, al.sentence
        );
        return trace(ctx, "points", i, j, &why);
    }
    let why = format!(
        "from {}% to {}% is a {} of {} percentage points, or {}%; \"{}\" reads as a relative {}",
        fmt_num(s),
        fmt_num(e),
        if points < 0.0 { "fall" } else { "rise" },
        fmt_num(points.abs()),
        fmt_num(relative.abs()),
        text(ctx, i),
        if points < 0.0 { "fall" } else { "rise" },
    );
    Some(finding(
        rule,
        rule.severity,
        vec![i, j],
        &why,
        &al,
        &["percent against percentage points"],
        ctx,
    ))
}

/// Start and end percentages of the change a claim states, read from the claim and its
/// sentence: its own `change.start/end`; a change in points with one end ("rose 5 points to
/// 86%", "fell 9 points, from 43%") or both ("rose 3 points, from 20% to 23%"); a level with the level it moved from
/// ("86%, up from 81%", "rose to 86% from 81%"); a level that the change in points of the next
/// sentence starts or ends at ("was 34% full. Its level has fallen 9 points, from 43%").
fn percent_endpoints(ctx: &Ctx<'_>, j: usize) -> Option<(f64, f64)> {
    let c = &ctx.claims[j];
    if c.kind == Kind::Change {
        return change_endpoints(ctx, j);
    }
    if c.kind != Kind::Percent {
        return None;
    }
    let prose = &ctx.documents[c.doc].prose;
    let sent = ctx.subjects[j].sentence;
    // A level inside a change claim ("58.4%, up from 51.2%", the points of "rose 5 points") or
    // reached by one ("rose 5 points to 86%") is compared through that claim: one finding per
    // pair of statements, on the change's words.
    let reached = ctx.of_sentence(j).any(|(_, o)| {
        o.kind == Kind::Change
            && sent.contains(o.prose)
            && o.prose.end <= c.prose.start
            && prose
                .get(o.prose.end..c.prose.start)
                .is_some_and(|t| t.trim() == "to")
    });
    if reached || inside_change(ctx, j) {
        return None;
    }
    if c.unit.as_deref() == Some("pp") || c.value?.low.is_some() {
        return None;
    }
    let level = c.value?.point;
    if let Some(next) = next_level(ctx, j) {
        let between = prose.get(c.prose.end..next.prose.start)?.to_lowercase();
        // "58.4%, up from 51.2%"; "rose to 86% from 81%" (the level reached, then where it began).
        let reached = {
            let before = prose.get(sent.start..c.prose.start)?.to_lowercase();
            before.trim_end().ends_with(" to") && between.trim() == "from"
        };
        if between.len() < 20
            && (between.contains("up from") || between.contains("down from") || reached)
        {
            return Some((next.value?.point, level));
        }
    }
    // The next sentence goes on about the level: "... 34% full. Its level has fallen nine
    // points, from 43%." Only a change that starts or ends at this very level.
    ctx.of_doc(c.doc)
        .filter(|&(k, o)| {
            let next = ctx.subjects[k].sentence;
            is_points_change(o)
                && next.start >= sent.end
                && prose
                    .get(sent.end..next.start)
                    .is_some_and(|t| t.trim().is_empty())
        })
        .find_map(|(k, _)| {
            let (s, e) = change_endpoints(ctx, k)?;
            ((s - level).abs() <= hedge::TENTHS_SLACK || (e - level).abs() <= hedge::TENTHS_SLACK)
                .then_some((s, e))
        })
}

/// A change stated in percentage points ("rose 7.2 percentage points").
fn is_points_change(c: &Claim) -> bool {
    c.kind == Kind::Change
        && c.unit.as_deref() == Some("pp")
        && c.change.is_some_and(|ch| ch.additive)
}

/// The next percentage level of claim `j`'s sentence: not in points, after the claim.
fn next_level<'a>(ctx: &'a Ctx<'_>, j: usize) -> Option<&'a Claim> {
    let c = &ctx.claims[j];
    let sent = ctx.subjects[j].sentence;
    ctx.of_sentence(j).map(|(_, o)| o).find(|o| {
        o.kind == Kind::Percent
            && o.unit.as_deref() != Some("pp")
            && sent.contains(o.prose)
            && o.prose.start >= c.prose.end
    })
}

/// The endpoints of a change claim: stated ("from 81% to 86%"), or one stated end and the
/// change in points ("rose 5 points to 86%"), or the change in points and the level it moved
/// from later in its clause ("fell 9 points in a fortnight, from 43%"; "rose 3 points last
/// year, from 20% to 23%", which must agree with the points).
fn change_endpoints(ctx: &Ctx<'_>, j: usize) -> Option<(f64, f64)> {
    let c = &ctx.claims[j];
    let ch = c.change?;
    let points = is_points_change(c);
    match (ch.start, ch.end) {
        (Some(s), Some(e)) => return Some((s, e)),
        (None, Some(e)) if points => return Some((e - c.value?.point, e)),
        (Some(s), None) if points => return Some((s, s + c.value?.point)),
        _ if !points => return None,
        _ => {}
    }
    let prose = &ctx.documents[c.doc].prose;
    let next = next_level(ctx, j)?;
    let between = prose.get(c.prose.end..next.prose.start)?.to_lowercase();
    let level = prose.get(next.prose.start..next.prose.end)?.to_lowercase();
    let d = c.value?.point;
    let from = between.trim_end().ends_with(" from") || level.starts_with("from ");
    if !from || between.len() > 40 || between.contains(';') {
        return None;
    }
    if let Some((x, y)) = from_to_percents(&level) {
        return ((y - x - d).abs() <= hedge::TENTHS_SLACK).then_some((x, y));
    }
    let v = next.value?;
    if v.low.is_some() || v.high.is_some() {
        return None;
    }
    Some((v.point, v.point + d))
}

/// The two percentages of "from 20% to 23%", in order.
fn from_to_percents(text: &str) -> Option<(f64, f64)> {
    let rest = text.strip_prefix("from ")?;
    let (x, y) = rest.split_once(" to ")?;
    let num = |t: &str| t.trim().strip_suffix('%')?.trim().parse::<f64>().ok();
    Some((num(x)?, num(y)?))
}

/// The window a claim's change or count happened over, in days.
fn window_days(ctx: &Ctx<'_>, i: usize) -> Option<(usize, Range)> {
    // A window of another coordinated clause is not the change's when its own clause has one:
    // "only 22 mm fell in July, and the flow has fallen by more than half since early June" is
    // a fall since June.
    let c = &ctx.claims[i];
    let prose = &ctx.documents[c.doc].prose;
    let coordinated = |w: usize| {
        let p = ctx.claims[w].prose;
        text_between(prose, p, c.prose).is_some_and(|between| {
            between.contains(';')
                || [", and ", ", but ", ", while "]
                    .iter()
                    .any(|k| between.contains(k))
        })
    };
    let all = &ctx.subjects[i].windows;
    let own: Vec<usize> = all.iter().copied().filter(|&w| !coordinated(w)).collect();
    let windows = if own.is_empty() { all.clone() } else { own };
    for &w in &windows {
        let c = &ctx.claims[w];
        match c.kind {
            Kind::Duration => {
                if let Some(r) = plausible(c, 0.0) {
                    return Some((w, r));
                }
            }
            Kind::Period => {
                // An undated period such as "its first month" still says how long it is.
                if c.dates.is_none_or(|d| d.from.is_none()) {
                    if let Some(n) = unit_length(ctx.documents[c.doc].text(c.span)) {
                        return Some((w, Range::closed(n, n)));
                    }
                }
                let d = c.dates?;
                let from = d.from?;
                let to = d.to.or(ctx.documents[c.doc].date)?;
                let n = days_between(from, to) as f64 + 1.0;
                if n > 1.0 {
                    return Some((w, Range::closed(n, n)));
                }
            }
            _ => {}
        }
    }
    None
}

/// The length in days of a period named by one calendar unit ("first month", "the past year").
fn unit_length(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    let last = lower.split_whitespace().last()?;
    let days = match last.trim_end_matches('s') {
        "day" => 1.0,
        "week" => 7.0,
        "fortnight" => 14.0,
        "month" => 30.4375,
        "quarter" => 91.3125,
        "year" => 365.25,
        "decade" => 3652.5,
        _ => return None,
    };
    Some(days)
}

fn describe_days(r: Range) -> String {
    let pick = |d: f64| {
        let (n, unit) = if d >= 360.0 {
            (d / 365.25, "year")
        } else if d >= 28.0 {
            (d / 30.4375, "month")
        } else {
            (d, "day")
        };
        let n = fmt_num(n);
        let plural = if n == "1" { "" } else { "s" };
        format!("{n} {unit}{plural}")
    };
    if r.hi.is_infinite() {
        format!("more than {}", pick(r.lo))
    } else if (r.hi - r.lo).abs() < 1.0 {
        pick(r.lo)
    } else if r.hi <= r.lo * 1.2 {
        // A hedge such as "just over a year".
        format!("just over {}", pick(r.lo))
    } else {
        format!("{} to {}", pick(r.lo), pick(r.hi))
    }
}

fn window(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    if sa.irrealis || sb.irrealis || sa.plan || sb.plan || !doc_gap_ok(ctx, rule, a, b) {
        return None;
    }
    let al = align::compare(sa, sb);
    if al.score < rule.min_score
        || (al.agent_conflict && a.kind != Kind::Change)
        || (al.entities.is_empty() && different_topics(ctx, a.doc, b.doc))
    {
        return None;
    }
    match (a.kind, b.kind) {
        (Kind::Change, Kind::Change) => {
            // A rise and a fall are not one change, whatever their windows.
            let falls = |c: &Claim| c.value.map(|v| v.point < 1.0);
            if a.change?.additive != b.change?.additive
                || falls(a) != falls(b)
                || changes_of_different_things(ctx, i, j)
            {
                return None;
            }
        }
        (x, y) if x == y && x != Kind::Change => {
            // Counts: only the same running count, reached over different windows, is a window
            // conflict; different counts over different windows are progress.
            let m = ctx.measures[i].as_deref()?;
            if !m.starts_with("count:") || ctx.measures[j].as_deref()? != m || head_conflict(sa, sb)
            {
                return None;
            }
            if !(sa.running || sb.running) {
                return None;
            }
            let (pa, pb) = (a.value?.point, b.value?.point);
            if (pa - pb).abs() > RUNNING_COUNT_SHARE * pa.abs().max(pb.abs()) {
                return None;
            }
        }
        _ => return None,
    }
    let (wa, ra) = window_days(ctx, i)?;
    let (wb, rb) = window_days(ctx, j)?;
    if !ra.widen(rule.tolerance).disjoint(rb.widen(rule.tolerance)) {
        return None;
    }
    let why = format!(
        "the same change took {} in one source and {} in the other",
        describe_days(ra),
        describe_days(rb)
    );
    Some(finding(
        rule,
        rule.severity,
        vec![wa, wb, i, j],
        &why,
        &al,
        &["same change", "windows of different length"],
        ctx,
    ))
}

fn date_range(ctx: &Ctx<'_>, i: usize) -> Option<(Date, Date)> {
    let d = ctx.claims[i].dates?;
    Some((d.from?, d.to?))
}

fn event_aligned<'a>(ctx: &'a Ctx<'_>, i: usize, j: usize) -> Option<Alignment<'a>> {
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    let (Some(ea), Some(eb)) = (sa.event.as_ref(), sb.event.as_ref()) else {
        trace(ctx, "event", i, j, "no event word on one side");
        return None;
    };
    if ea != eb
        || sa.plan
        || sb.plan
        || ctx.claims[i].modality.negated
        || ctx.claims[j].modality.negated
    {
        trace(
            ctx,
            "event",
            i,
            j,
            "different event classes, a plan or a negation",
        );
        return None;
    }
    let shared = sa.event_terms.iter().any(|t| sb.event_terms.contains(t));
    let al = align::compare(sa, sb);
    // Without shared words around the event ("It is now set to open in March 2028"), the event
    // is still the same when it is the only current one of its class in each document and the
    // documents are about the same thing.
    let only = |k: usize| {
        let doc = ctx.claims[k].doc;
        ctx.of_doc(doc)
            .filter(|(x, c)| {
                matches!(c.kind, Kind::Date | Kind::Period)
                    && ctx.subjects[*x].event.as_deref() == Some(ea.as_str())
                    && !ctx.subjects[*x].plan
            })
            .count()
            == 1
    };
    // Two events whose arguments are named and differ ("the government released emergency
    // funds" against "the survey, released") are different events however few of their class
    // each document dates.
    let argued = !sa.event_arg.is_empty()
        && !sb.event_arg.is_empty()
        && !sa.event_arg.iter().any(|w| sb.event_arg.contains(w));
    let unique = !argued
        && only(i)
        && only(j)
        && !different_topics(ctx, ctx.claims[i].doc, ctx.claims[j].doc);
    let same_story =
        !(al.entities.is_empty() && different_topics(ctx, ctx.claims[i].doc, ctx.claims[j].doc));
    if !((shared && !al.agent_conflict) || unique) || !same_story {
        trace(ctx, "event", i, j, &format!("no shared event terms ({shared}, agent conflict {}), not the only event of its class ({unique}), or other stories ({same_story})", al.agent_conflict));
        return None;
    }
    Some(al)
}

/// The date of an event at the granularity its text gives: a day, a month or a season, or a
/// calendar year ("opened in 2014"), not an open or multi-year span ("since 2014", "from 2019
/// to 2022"); the flag says it is a year. A year compares only with a year: against a day or a
/// month it is most often the history of the thing ("when the hospital opened in 1975") beside
/// today's news of a part of it ("opened its new wing on Monday").
fn unit_date(ctx: &Ctx<'_>, i: usize) -> Option<(Date, Date, bool)> {
    let (f, t) = date_range(ctx, i)?;
    let calendar_year = f.month() == 1 && f.day() == 1 && t == jiff::civil::date(f.year(), 12, 31);
    (days_between(f, t) <= 92 || calendar_year).then_some((f, t, calendar_year))
}

fn event_date(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    let (Some((fa, ta, ya)), Some((fb, tb, yb))) = (unit_date(ctx, i), unit_date(ctx, j)) else {
        return trace(
            ctx,
            "event-date",
            i,
            j,
            "not a day, month, season or calendar year",
        );
    };
    if ya != yb {
        return trace(ctx, "event-date", i, j, "a year against a shorter date");
    }
    if !doc_gap_ok(ctx, rule, a, b) {
        return trace(ctx, "event-date", i, j, "documents too far apart");
    }
    let al = event_aligned(ctx, i, j)?;
    if al.score < rule.min_score {
        return trace(
            ctx,
            "event-date",
            i,
            j,
            &format!("alignment {:.2} below the rule's minimum", al.score),
        );
    }
    if !(ta < fb || tb < fa) {
        return trace(ctx, "event-date", i, j, "dates overlap");
    }
    let show = |f: Date, t: Date| {
        if f == t {
            f.to_string()
        } else {
            format!("{f} to {t}")
        }
    };
    let why = format!(
        "the same {} is dated {} in one source and {} in the other",
        ctx.subjects[i].event.as_deref().unwrap_or("event"),
        show(fa, ta),
        show(fb, tb)
    );
    Some(finding(
        rule,
        rule.severity,
        vec![i, j],
        &why,
        &al,
        &["same event", "dates disjoint"],
        ctx,
    ))
}

/// What a start year is the start of: a person's birth ("born in 1958", "Dorit Anselm, 54"), a
/// thing's founding or opening ("founded in 1998", "its 30th anniversary", "since 2019"), or
/// either (an age in years: "the 62-year-old general secretary", "the 130-year-old museum").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Origin {
    Birth,
    Founding,
    Either,
}

impl Origin {
    fn meets(self, o: Origin) -> bool {
        self == o || self == Origin::Either || o == Origin::Either
    }
}

/// A start year (`start_of`): its days, what it starts, and whether it is derived from the
/// document's date (an age or anniversary) rather than stated.
#[derive(Clone, Copy, Debug)]
struct Start {
    from: Date,
    to: Date,
    origin: Origin,
    derived: bool,
}

/// Whether a claim dates the start of something: a start event ("founded", "opened") or a
/// birth ("born in 1958").
fn starts(s: &Subject) -> bool {
    matches!(s.event.as_deref(), Some("start" | "birth"))
}

/// The year from which a claim's age or anniversary counts: its document's. (Not the year
/// anchor of its sentence, which may be another clause's: "since the Alder Wing opened in 1994,
/// and it arrives in the hospital's 50th anniversary year".)
fn now_year(ctx: &Ctx<'_>, i: usize) -> Option<i16> {
    ctx.documents[ctx.claims[i].doc].date.map(Date::year)
}

/// The start year a claim gives, as a range of days: a date of a start event or a birth, the
/// opening of a "since" period, or a year derived from the claim's document date (`now_year`):
/// an age ("the 16-year-old company", "Dorit Anselm, 54": born that many years ago, give or take
/// the birthday), an anniversary ("its 30th anniversary": founded 30 years ago) or a year of
/// running ("in its tenth year": begun nine or ten years ago).
/// The last `n` bytes or so of `s` (from a character boundary), lower case: what a test of the
/// words right before a claim needs, at a cost that does not grow with the document.
fn lower_tail(s: &str, n: usize) -> String {
    let mut k = s.len().saturating_sub(n);
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    s[k..].to_lowercase()
}

fn start_of(ctx: &Ctx<'_>, i: usize) -> Option<Start> {
    let c = &ctx.claims[i];
    let s = &ctx.subjects[i];
    let doc = ctx.documents[c.doc];
    let text = doc.text(c.span).to_lowercase();
    let stated = |from: Date, to: Date, origin: Origin| {
        Some(Start {
            from,
            to,
            origin,
            derived: false,
        })
    };
    let years = |lo: i16, hi: i16, origin: Origin| {
        Some(Start {
            from: jiff::civil::date(lo, 1, 1),
            to: jiff::civil::date(hi, 12, 31),
            origin,
            derived: true,
        })
    };
    let before = lower_tail(doc.prose[..c.prose.start].trim_end(), 16);
    let its = before.ends_with(" its") || before.ends_with(" their");
    match c.kind {
        // "in its tenth year" (a period the extractor cannot place): begun n - 1 years ago, or
        // n when the years are seasons or academic years that straddle two calendar years.
        Kind::Period if c.dates.is_none() && its => {
            let (n, unit) = text.split_once(' ')?;
            // "its first year after reopening" is the current year, no start.
            let n = ordinal_value(n).filter(|n| *n >= 2)?;
            let y = now_year(ctx, i)?;
            (unit == "year").then(|| years(y - n, y - n + 1, Origin::Founding))?
        }
        Kind::Date | Kind::Period => {
            let d = c.dates?;
            if starts(s) {
                let origin = if s.event.as_deref() == Some("birth") {
                    Origin::Birth
                } else {
                    Origin::Founding
                };
                return stated(d.from?, d.to?, origin);
            }
            // "open since 2009": a start year.
            let from = d.from?;
            if text.starts_with("since") && from.month() == 1 && from.day() == 1 {
                return stated(
                    from,
                    jiff::civil::date(from.year(), 12, 31),
                    Origin::Founding,
                );
            }
            None
        }
        // An age ("the 16-year-old company", "now 16 years old"): the start year is the
        // document's year less the age, give or take the birthday.
        Kind::Duration if text.ends_with("-old") || text.ends_with("years old") => {
            let age = (c.value?.point / 365.25).round() as i16;
            let y = now_year(ctx, i)? - age;
            years(y - 1, y, Origin::Either)
        }
        Kind::Ordinal => {
            let n = whole(c.value?.point)?;
            let after = next_words(&doc.prose[c.prose.end..], 1);
            let y = now_year(ctx, i)?;
            match after.first().map(String::as_str) {
                Some("anniversary") => years(y - n, y - n, Origin::Founding),
                Some("year") if its && n >= 2 => years(y - n, y - n + 1, Origin::Founding),
                _ => None,
            }
        }
        // "Dorit Anselm, 54,": an age in apposition to a name.
        Kind::Number => {
            let age = whole(c.value?.point).filter(|n| (16..=110).contains(n))?;
            let before = doc.prose[..c.prose.start].trim_end();
            let name = before
                .strip_suffix(',')?
                .trim_end()
                .rsplit(' ')
                .next()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))?;
            let follows = doc.prose[c.prose.end..].chars().next();
            let closed = follows.is_none_or(|ch| matches!(ch, ',' | '.' | ';' | ')'));
            if name.is_empty() || !closed || ctx.subjects[i].agent.is_none() {
                return None;
            }
            let y = now_year(ctx, i)? - age;
            years(y - 1, y, Origin::Birth)
        }
        _ => None,
    }
}

/// The value of an ordinal written in digits ("10th") or as a word of the temporal lexicon
/// ("tenth").
fn ordinal_value(w: &str) -> Option<i16> {
    let digits = w.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
    if !digits.is_empty() && digits.len() < w.len() {
        return digits.parse().ok();
    }
    crate::lexicon::Lexicon::builtin()
        .temporal
        .ordinals
        .get(w)
        .map(|&n| i16::from(n))
}

/// A whole number of the size of years, as a year count.
fn whole(v: f64) -> Option<i16> {
    (v.fract() == 0.0 && (1.0..=2000.0).contains(&v)).then_some(v as i16)
}

/// The first `n` words of `text`, lower case, without punctuation.
fn next_words(text: &str, n: usize) -> Vec<String> {
    text.split_whitespace()
        .take(n)
        .map(|w| {
            w.trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

fn start_date(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (Some(sa), Some(sb)) = (start_of(ctx, i), start_of(ctx, j)) else {
        return trace(ctx, "start-date", i, j, "no start year on one side");
    };
    if !sa.origin.meets(sb.origin) {
        return trace(ctx, "start-date", i, j, "a birth against a founding");
    }
    let (fa, ta, fb, tb) = (sa.from, sa.to, sb.from, sb.to);
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    if !doc_gap_ok(ctx, rule, a, b) {
        return trace(ctx, "start-date", i, j, "documents too far apart");
    }
    // Both day-precise: event-date-mismatch reports it as a date.
    if fa == ta && fb == tb {
        return None;
    }
    let is_start = |k: usize| starts(&ctx.subjects[k]);
    let both_events = is_start(i) && is_start(j);
    let al = if both_events {
        event_aligned(ctx, i, j)?
    } else {
        // A "since" or an age: the claims' own context must be shared.
        // A "since" or an age is weaker evidence of a start than a start verb: it needs a
        // closer match of the two contexts.
        // An age or anniversary against a stated start event is a computation from the
        // document's date: the claims need to share what started (the festival, the person),
        // not as close a context.
        let derived_vs_event = (sa.derived && is_start(j)) || (sb.derived && is_start(i));
        // A start in the document's own year or later ("this year's festival opened on
        // Thursday", "nurses would start in January") is of a current or coming occurrence, not
        // the founding an age or anniversary counts from.
        let this_year = |k: usize, st: Start| {
            ctx.documents[ctx.claims[k].doc]
                .date
                .is_some_and(|d| st.from.year() >= d.year() && !st.derived)
        };
        if (sa.derived || sb.derived) && (this_year(i, sa) || this_year(j, sb)) {
            return trace(
                ctx,
                "start-date",
                i,
                j,
                "an age against a start of the current year",
            );
        }
        let need = if derived_vs_event {
            rule.min_score
        } else {
            0.35
        };
        let al = align::compare(&ctx.subjects[i], &ctx.subjects[j]);
        // What the stated event is of, shared with the age's context ("founded the festival"
        // and "the festival ... marks its 30th anniversary"), ties the two to one thing even
        // when the documents' most named entities differ.
        let event_side = if is_start(j) { j } else { i };
        let same_thing = derived_vs_event
            && al
                .local
                .iter()
                .any(|t| ctx.subjects[event_side].event_terms.iter().any(|e| e == t));
        if al.local.is_empty()
            || al.score < need
            || (!same_thing && different_topics(ctx, a.doc, b.doc))
        {
            return trace(
                ctx,
                "start-date",
                i,
                j,
                &format!(
                    "a since or an age needs shared local terms and a {need} alignment (score {:.2}, local {:?})",
                    al.score, al.local
                ),
            );
        }
        al
    };
    if al.score < rule.min_score {
        return trace(
            ctx,
            "start-date",
            i,
            j,
            "alignment below the rule's minimum",
        );
    }
    if !(ta < fb || tb < fa) {
        return trace(ctx, "start-date", i, j, "start years overlap");
    }
    let why = format!(
        "one source dates the start to {}, the other to {}",
        if fa.year() == ta.year() {
            fa.year().to_string()
        } else {
            format!("{fa}..{ta}")
        },
        if fb.year() == tb.year() {
            fb.year().to_string()
        } else {
            format!("{fb}..{tb}")
        },
    );
    Some(finding(
        rule,
        rule.severity,
        vec![i, j],
        &why,
        &al,
        &["same start event", "years differ"],
        ctx,
    ))
}

/// The span a "since" period covers up to the next event date of its sentence (or its end).
fn since_span(ctx: &Ctx<'_>, i: usize) -> Option<Range> {
    let c = &ctx.claims[i];
    // Only an open period running to the present ("since September 14"), not a closed one.
    let text = ctx.documents[c.doc].text(c.span).to_lowercase();
    if c.kind != Kind::Period || !text.starts_with("since") {
        return None;
    }
    let d = c.dates?;
    let from = d.from?;
    let sent = ctx.subjects[i].sentence;
    let end = ctx
        .of_sentence(i)
        .map(|(_, o)| o)
        .filter(|o| o.kind == Kind::Date && sent.contains(o.prose))
        .filter_map(|o| o.dates.and_then(|x| x.from))
        .filter(|x| *x > from)
        .min()
        .or(d.to)
        .or(ctx.documents[c.doc].date)?;
    let n = days_between(from, end) as f64;
    (n > 0.0).then_some(Range::closed(n, n + 1.0))
}

fn duration_vs_span(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    if a.kind != Kind::Duration || b.kind != Kind::Period || !doc_gap_ok(ctx, rule, a, b) {
        return None;
    }
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    if sa.plan || sb.plan || sa.irrealis {
        return None;
    }
    let al = align::compare(sa, sb);
    if al.score < rule.min_score || al.local.is_empty() {
        return None;
    }
    // "a year", "a fortnight": one bare unit is a rate ("180,000 tonnes a year") or a vague
    // span, not a measured length.
    let dur_text = ctx.documents[a.doc].text(a.span).to_lowercase();
    if dur_text.starts_with("a ") || dur_text.starts_with("an ") {
        return None;
    }
    let ra = plausible(a, 0.0)?;
    let rb = since_span(ctx, j)?;
    if !ra.widen(rule.tolerance).disjoint(rb.widen(rule.tolerance)) {
        return None;
    }
    let why = format!(
        "{} against {} between the dates of the other source",
        describe_days(ra),
        describe_days(rb)
    );
    Some(finding(
        rule,
        rule.severity,
        vec![j, i],
        &why,
        &al,
        &["same relation", "lengths disjoint"],
        ctx,
    ))
}

/// A long-standing relationship: a period opening years before its document's date, or a
/// duration of years.
fn relationship_start(ctx: &Ctx<'_>, i: usize, now: Option<Date>) -> Option<f64> {
    let c = &ctx.claims[i];
    let doc_date = ctx.documents[c.doc].date.or(now);
    match c.kind {
        Kind::Period => {
            let d = c.dates?;
            let from = d.from?;
            let to = d.to.or(doc_date)?;
            // Open-ended to the present ("since 2017"), not a closed past window.
            if d.to.is_some() && doc_date.is_some_and(|x| days_between(d.to.unwrap_or(x), x) > 40) {
                return None;
            }
            let years = days_between(from, to) as f64 / 365.25;
            (years >= 3.0).then_some(years)
        }
        Kind::Duration => {
            let years = c.value?.point / 365.25;
            (years >= 3.0 && ctx.subjects[i].windows.is_empty()).then_some(years)
        }
        _ => None,
    }
}

/// Which side of a relationship-age pair claim `i` can stand on: the relationship dated years
/// back (a period with a start, a duration of three years or more that is no window), and the
/// change presented as recent (a non-additive change with a window of at most 548 days'
/// reach). Conditions `relationship_age` needs of each side whatever the other: the rule pairs
/// only claims that can meet them, so its pairs are the few qualifying claims of a group, not
/// every period against every change of two long reports.
#[must_use]
pub fn relationship_sides(ctx: &Ctx<'_>, i: usize) -> (bool, bool) {
    let c = &ctx.claims[i];
    let start = match c.kind {
        Kind::Period => c.dates.is_some_and(|d| d.from.is_some()),
        Kind::Duration => {
            c.value.is_some_and(|v| v.point / 365.25 >= 3.0) && ctx.subjects[i].windows.is_empty()
        }
        _ => false,
    };
    let change = c.kind == Kind::Change
        && c.change.is_some_and(|ch| !ch.additive)
        && window_days(ctx, i).is_some_and(|(_, rw)| !rw.lo.is_infinite() && rw.lo <= 548.0);
    (start, change)
}

fn relationship_age(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    if b.kind != Kind::Change || b.change?.additive {
        return None;
    }
    let (w, rw) = window_days(ctx, j)?;
    // Without document dates, "since 2017" runs to the end of the other source's window.
    let now = ctx.claims[w].dates.and_then(|d| d.to);
    let years = relationship_start(ctx, i, now)?;
    if rw.lo.is_infinite() || rw.lo > 548.0 || a.doc == b.doc {
        return None;
    }
    let al = align::compare(&ctx.subjects[i], &ctx.subjects[j]);
    if al.entities.is_empty() && !doc_entities_meet(ctx, i, j) {
        return None;
    }
    let why = format!(
        "one source dates the relationship about {} years back; the other presents its growth as a development of {}",
        fmt_num(years.round()),
        describe_days(rw)
    );
    Some(finding(
        rule,
        rule.severity,
        vec![i, w, j],
        &why,
        &al,
        &[
            "shared entities",
            "long relationship against a recent window",
        ],
        ctx,
    ))
}

/// Each claim's sentence names an entity the other document names twice or more.
fn doc_entities_meet(ctx: &Ctx<'_>, i: usize, j: usize) -> bool {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    let (fa, fb) = (&ctx.doc_entities[a.doc], &ctx.doc_entities[b.doc]);
    let meets = |ents: &[String], other: &[String]| {
        ents.iter()
            .any(|e| other.iter().any(|o| align::same_entity(e, o)))
    };
    meets(&ctx.subjects[i].entities, fb) && meets(&ctx.subjects[j].entities, fa)
}

/// The earliest date of another dated document (not `other`) that states a figure of the same
/// measure agreeing with claim `k`.
fn dated_twin(ctx: &Ctx<'_>, k: usize, other: usize) -> Option<Date> {
    let c = &ctx.claims[k];
    let m = ctx.measures[k].as_deref()?;
    let r = plausible(c, 0.0)?;
    // Only documents of the same group: other groups are other stories.
    let peers = &ctx.peers[c.doc];
    ctx.dated
        .get(m)?
        .iter()
        .map(|&x| &ctx.claims[x])
        .filter(|o| {
            o.doc != c.doc
                && o.doc != other
                && peers.contains(&o.doc)
                && plausible(o, 0.0).is_some_and(|y| !y.widen(TWIN_TOLERANCE).disjoint(r))
        })
        .filter_map(|o| ctx.documents[o.doc].date)
        .min()
}

fn superseded(rule: &Rule, ctx: &Ctx<'_>, i: usize, j: usize) -> Option<Finding> {
    let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
    let (sa, sb) = (&ctx.subjects[i], &ctx.subjects[j]);
    // An undated document (a draft, typically) that repeats a figure is as old as the earliest
    // dated report stating the same figure.
    let da = ctx.documents[a.doc]
        .date
        .or_else(|| dated_twin(ctx, i, b.doc));
    let db = ctx.documents[b.doc]
        .date
        .or_else(|| dated_twin(ctx, j, a.doc));
    let (da, db) = (da?, db?);
    if da == db || !(sa.running || sb.running) || !eligible_level(ctx, i) || !eligible_level(ctx, j)
    {
        return None;
    }
    let m = ctx.measures[i].as_deref()?;
    if ctx.measures[j].as_deref()? != m || !doc_gap_ok(ctx, rule, a, b) {
        return None;
    }
    let al = align::compare(sa, sb);
    if al.agent_conflict || head_conflict(sa, sb) || al.score < rule.min_score {
        return None;
    }
    if !plausible(a, 0.0)?.disjoint(plausible(b, 0.0)?) {
        return None;
    }
    let (old, new, newest) = if da < db { (i, j, db) } else { (j, i, da) };
    let why = format!(
        "\"{}\" ({}) is the newer figure, reported on {newest}; \"{}\" is older",
        text(ctx, new),
        ctx.documents[ctx.claims[new].doc].id,
        text(ctx, old)
    );
    Some(finding(
        rule,
        rule.severity,
        vec![old, new],
        &why,
        &al,
        &["running count", "documents of different dates"],
        ctx,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(point: f64, hedge: Hedge) -> Claim {
        let mut c = Claim::new(0, crate::document::Span::new(0, 1), Kind::Number);
        c.value = Some(crate::claim::Interval::hedged(point, hedge));
        c.hedge = hedge;
        c
    }

    /// Claims go through the hedge model as the value test reads them, at value-mismatch's
    /// tolerance.
    #[test]
    fn a_strict_bound_excludes_its_own_figure() {
        let exact = |p| figure(p, Hedge::Exact);
        let excludes = |a: &Claim, b: &Claim| {
            !hedge::compatible(&Stated::of(a).unwrap(), &Stated::of(b).unwrap(), 0.02)
        };
        assert!(excludes(&figure(6.0, Hedge::Above), &exact(6.0)));
        assert!(excludes(&figure(500.0, Hedge::Above), &exact(480.0)));
        assert!(!excludes(&figure(500.0, Hedge::Above), &exact(505.0)));
        assert!(excludes(&figure(30.0, Hedge::Below), &exact(30.0)));
        assert!(excludes(&figure(30.0, Hedge::Below), &exact(32.0)));
        assert!(!excludes(&figure(30.0, Hedge::Below), &exact(29.0)));
        // Inclusive bounds keep their figure; a hedged figure may lie beyond a strict bound.
        assert!(!excludes(&figure(6.0, Hedge::AtLeast), &exact(6.0)));
        assert!(!excludes(&figure(6.0, Hedge::AtMost), &exact(6.0)));
        assert!(!excludes(
            &figure(500.0, Hedge::Above),
            &figure(480.0, Hedge::About)
        ));
    }

    #[test]
    fn remembered_name_stems_are_the_stems() {
        use crate::lexicon::terms::stem;
        // More distinct words than the cache holds, each asked twice (the second answer comes
        // from the cache, or from a fresh stem after the cache starts over).
        let words: Vec<String> = (0..NAME_STEMS + 50)
            .map(|n| format!("{}ing{}s", ["run", "stadium", "happy"][n % 3], n))
            .chain(["stadium", "happiness", "running"].map(String::from))
            .collect();
        for _ in 0..2 {
            for w in &words {
                let s = stem(w);
                assert!(stem_is(w, &s), "{w}");
                assert!(!stem_is(w, &format!("{s}x")), "{w}");
                assert_eq!(stem_is(w, w), s == *w, "{w}");
            }
        }
    }
}
