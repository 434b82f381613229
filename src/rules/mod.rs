//! The rules engine: declarative rules (one TOML file each, schema in rules/README.md), the
//! built-in set embedded from `rules/`, and their evaluation over aligned claims.
//!
//! A rule names one comparison from a fixed vocabulary (`Test`), the claim kinds it compares, the
//! alignment it needs, its tolerance and its message. The comparisons are Rust; which of them run,
//! how strict they are and how they are worded is data.
//!
//! Architecture invariant: evaluation never fails and never depends on thread count; loading is
//! strict and reports file, line and column.

pub mod compare;

use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;

use crate::align::{self, subject::Profile, Subject};
use crate::claim::{Claim, Kind};
use crate::document::Document;
use crate::error::{parse_toml, Error};
use crate::finding::{Category, Finding, Severity};
use crate::lexicon::Lexicon;

/// What an evaluation compares: which pairs of claims are candidates. The pipeline (`check`)
/// builds them from its own options; the engine never reads the pipeline's.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Also compare claims within one document.
    pub self_consistency: bool,
    /// Compare only documents of the same directory (`--group-by dir`).
    pub group_by_dir: bool,
}

/// The fixed vocabulary of comparisons a rule can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Test {
    /// Two values of the same measure (counts, money, quantities after conversion, percentages)
    /// whose hedged ranges cannot overlap.
    Value,
    /// Two growth factors of the same change that cannot both hold.
    Factor,
    /// A relative change in percent that equals the other source's change in percentage points.
    PointsVsPercent,
    /// Two changes (or equal counts) of the same measure over windows of different length.
    Window,
    /// Two day-precise dates of the same event that differ.
    EventDate,
    /// Two start dates (or "since", or an age) of the same relationship that differ.
    StartDate,
    /// A duration against the span between two dates of the other source ("for more than two
    /// months" against "since September 14 ... discovered on October 2").
    DurationVsSpan,
    /// A relationship dated years back in one source whose growth another source presents as
    /// recent.
    RelationshipAge,
    /// A running count reported differently by documents of different dates: an update.
    Superseded,
}

/// One `[[example]]` of a rule: two short documents and what the rule reports on them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The first document's text.
    pub a: String,
    /// The second document's text.
    pub b: String,
    /// The first document's date (YYYY-MM-DD).
    #[serde(default)]
    pub date_a: Option<String>,
    /// The second document's date.
    #[serde(default)]
    pub date_b: Option<String>,
    /// "error", "warning", "note" or "none".
    pub expect: String,
}

/// A rule file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    category: Category,
    severity: Severity,
    summary: String,
    description: String,
    test: Test,
    kinds: Vec<String>,
    #[serde(default = "default_min_score")]
    min_score: f64,
    #[serde(default = "default_tolerance")]
    tolerance: f64,
    #[serde(default = "default_gap")]
    max_doc_gap_days: i64,
    message: String,
    #[serde(default, rename = "example")]
    examples: Vec<Example>,
}

fn default_min_score() -> f64 {
    0.3
}
fn default_tolerance() -> f64 {
    0.05
}
fn default_gap() -> i64 {
    60
}

/// A loaded rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The id (the file stem).
    pub id: String,
    /// Where it came from ("built-in" or a path).
    pub origin: String,
    /// The discrepancy category.
    pub category: Category,
    /// The default severity.
    pub severity: Severity,
    /// One line.
    pub summary: String,
    /// What it flags, why, an example: printed by `crosscheck explain`.
    pub description: String,
    /// The comparison.
    pub test: Test,
    /// The claim kinds compared.
    pub kinds: Vec<Kind>,
    /// The alignment score a pair needs.
    pub min_score: f64,
    /// Relative tolerance on top of hedges and rounding.
    pub tolerance: f64,
    /// Documents dated further apart than this are not compared (they report different news
    /// cycles); 0 disables the limit.
    pub max_doc_gap_days: i64,
    /// The message template: `{a}` and `{b}` are the claims' texts, `{why}` the comparison's
    /// explanation.
    pub message: String,
    /// The examples the test suite runs.
    pub examples: Vec<Example>,
}

/// The built-in rules, embedded from `rules/`.
const BUILTIN: &[(&str, &str)] = &[
    (
        "value-mismatch",
        include_str!("../../rules/value-mismatch.toml"),
    ),
    (
        "change-factor-mismatch",
        include_str!("../../rules/change-factor-mismatch.toml"),
    ),
    (
        "percent-points-confusion",
        include_str!("../../rules/percent-points-confusion.toml"),
    ),
    (
        "window-mismatch",
        include_str!("../../rules/window-mismatch.toml"),
    ),
    (
        "event-date-mismatch",
        include_str!("../../rules/event-date-mismatch.toml"),
    ),
    (
        "start-date-mismatch",
        include_str!("../../rules/start-date-mismatch.toml"),
    ),
    (
        "duration-span-mismatch",
        include_str!("../../rules/duration-span-mismatch.toml"),
    ),
    (
        "relationship-age-divergence",
        include_str!("../../rules/relationship-age-divergence.toml"),
    ),
    (
        "duration-mismatch",
        include_str!("../../rules/duration-mismatch.toml"),
    ),
    (
        "superseded-figure",
        include_str!("../../rules/superseded-figure.toml"),
    ),
];

impl Rule {
    /// Parses one rule file; `id` is its file stem.
    ///
    /// # Errors
    /// Unknown keys, wrong types, bad values, unknown claim kinds.
    pub fn parse(id: &str, path: &str, origin: &str, text: &str) -> Result<Rule, Error> {
        let f: RuleFile = parse_toml(path, text)?;
        let mut kinds = Vec::new();
        for k in &f.kinds {
            match Kind::parse(k) {
                Some(k) => kinds.push(k),
                None => {
                    return Err(Error::Invalid {
                        path: path.into(),
                        message: format!(
                            "unknown claim kind {k:?} in `kinds`; expected one of number, ordinal, percent, money, quantity, change, date, period, duration"
                        ),
                    })
                }
            }
        }
        for e in &f.examples {
            if !matches!(e.expect.as_str(), "error" | "warning" | "note" | "none") {
                return Err(Error::Invalid {
                    path: path.into(),
                    message: format!(
                        "example expect {:?}: expected error, warning, note or none",
                        e.expect
                    ),
                });
            }
        }
        if !(0.0..=1.0).contains(&f.min_score) || f.tolerance < 0.0 {
            return Err(Error::Invalid {
                path: path.into(),
                message: "min_score must lie in 0..1 and tolerance must not be negative".into(),
            });
        }
        Ok(Rule {
            id: id.to_string(),
            origin: origin.to_string(),
            category: f.category,
            severity: f.severity,
            summary: f.summary,
            description: f.description,
            test: f.test,
            kinds,
            min_score: f.min_score,
            tolerance: f.tolerance,
            max_doc_gap_days: f.max_doc_gap_days,
            message: f.message,
            examples: f.examples,
        })
    }
}

/// The rules in force.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// The rules, built-in first, then added folders (a later rule with the same id replaces
    /// an earlier one).
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// The built-in rules.
    ///
    /// # Panics
    /// Never in a released build: the embedded rules are checked by the test suite.
    #[must_use]
    pub fn builtin() -> RuleSet {
        let rules = BUILTIN
            .iter()
            .map(|(id, text)| {
                Rule::parse(id, &format!("rules/{id}.toml"), "built-in", text)
                    .expect("built-in rule is valid")
            })
            .collect();
        RuleSet { rules }
    }

    /// Adds every `*.toml` rule of a folder (not its `lexicon/` subfolder).
    ///
    /// # Errors
    /// An unreadable folder or an invalid rule file.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), Error> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).map_err(|e| Error::Io {
                path: p.clone(),
                source: e,
            })?;
            let id = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let shown = p.display().to_string();
            let rule = Rule::parse(&id, &shown, &shown, &text)?;
            self.rules.retain(|r| r.id != id);
            self.rules.push(rule);
        }
        Ok(())
    }

    /// The rule with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Evaluates every rule over the claims of a run.
    #[must_use]
    pub fn evaluate(
        &self,
        documents: &[Document],
        claims: &[Claim],
        lexicon: &Lexicon,
        opts: &Options,
    ) -> Vec<Finding> {
        self.evaluate_groups(documents, claims, None, lexicon, opts)
    }

    /// `evaluate` with each document's profile given (read from a claims file, where the
    /// documents hold only the sentences that carry claims).
    #[must_use]
    pub fn evaluate_with(
        &self,
        documents: &[Document],
        claims: &[Claim],
        profiles: &[Profile],
        lexicon: &Lexicon,
        opts: &Options,
    ) -> Vec<Finding> {
        let profile_of = |d: usize| profiles[d].clone();
        self.evaluate_by(documents, claims, &profile_of, lexicon, opts)
    }

    /// Evaluates every rule over `claims` (grouped by document; every claim of a group present),
    /// one group at a time and groups in parallel: a group's subjects and profiles live only
    /// while it is evaluated, so memory follows the largest group, not the run. `profile_of`
    /// gives a document's profile. The findings do not depend on the number of threads.
    #[must_use]
    pub fn evaluate_by(
        &self,
        documents: &[Document],
        claims: &[Claim],
        profile_of: &(dyn Fn(usize) -> Profile + Sync),
        lexicon: &Lexicon,
        opts: &Options,
    ) -> Vec<Finding> {
        self.evaluate_groups(documents, claims, Some(profile_of), lexicon, opts)
    }

    /// `evaluate_by`; without `profile_of`, each document's profile is computed with its
    /// subjects (`align::subject::profile_and_analyze`: one tokenisation for both).
    fn evaluate_groups(
        &self,
        documents: &[Document],
        claims: &[Claim],
        profile_of: Option<&(dyn Fn(usize) -> Profile + Sync)>,
        lexicon: &Lexicon,
        opts: &Options,
    ) -> Vec<Finding> {
        let ranges = doc_claims(documents.len(), claims);
        // The documents that have claims, by group; groups in order of their first document.
        let mut seen = vec![false; documents.len()];
        let mut with_claims = Vec::new();
        for c in claims {
            if !std::mem::replace(&mut seen[c.doc], true) {
                with_claims.push(c.doc);
            }
        }
        let groups = align::group_docs(documents, &with_claims, opts.group_by_dir);
        let phrases = align::subject::PhraseLists::new(&lexicon.terms);
        let per_group: Vec<Vec<Finding>> = groups
            .par_iter()
            .map(|(g, docs)| {
                let mut docs = docs.clone();
                docs.sort_unstable();
                self.evaluate_group(
                    documents, claims, &ranges, g, &docs, profile_of, &phrases, lexicon, opts,
                )
            })
            .collect();
        per_group.into_iter().flatten().collect()
    }

    /// The findings of one group: its documents `docs` (ascending), their claims renumbered
    /// locally in run order, and the findings' claims mapped back to run indices.
    #[allow(clippy::too_many_arguments)]
    fn evaluate_group(
        &self,
        documents: &[Document],
        claims: &[Claim],
        ranges: &[std::ops::Range<usize>],
        group: &str,
        docs: &[usize],
        profile_of: Option<&(dyn Fn(usize) -> Profile + Sync)>,
        phrases: &align::subject::PhraseLists,
        lexicon: &Lexicon,
        opts: &Options,
    ) -> Vec<Finding> {
        let local_docs: Vec<&Document> = docs.iter().map(|&d| &documents[d]).collect();
        let mut local: Vec<Claim> = Vec::new();
        let mut global: Vec<usize> = Vec::new();
        for (ld, &d) in docs.iter().enumerate() {
            for k in ranges[d].clone() {
                if claims[k].doc == d {
                    let mut c = claims[k].clone();
                    c.doc = ld;
                    local.push(c);
                    global.push(k);
                }
            }
        }
        let (profiles, subjects) = match profile_of {
            Some(profile_of) => {
                let profiles: Vec<Profile> = docs.iter().map(|&d| profile_of(d)).collect();
                let subjects = subjects_in(&local_docs, &profiles, &local, lexicon);
                (profiles, subjects)
            }
            None => profiles_and_subjects(&local_docs, &local, lexicon, phrases),
        };
        let groups: Vec<String> = vec![group.to_string(); docs.len()];
        let entity_counts: Vec<&std::collections::BTreeMap<String, usize>> =
            profiles.iter().map(|p| &p.entity_counts).collect();
        let doc_entities: Vec<&[String]> = profiles.iter().map(|p| p.frequent.as_slice()).collect();
        let doc_claims = doc_claims(docs.len(), &local);
        let peers = peers(&groups);
        let measures = compare::measures(&local, &subjects);
        let dated = compare::dated_by_measure(&local_docs, &local, &measures);
        let by_start = compare::by_start(&local, &doc_claims);
        let by_value = compare::by_value(&local, &doc_claims);
        let topics_apart = std::sync::Mutex::new(std::collections::HashMap::new());
        let ctx = compare::Ctx {
            terms: &lexicon.terms,
            measures: &measures,
            dated: &dated,
            entity_counts: &entity_counts,
            documents: &local_docs,
            claims: &local,
            subjects: &subjects,
            doc_entities: &doc_entities,
            doc_claims: &doc_claims,
            by_start: &by_start,
            by_value: &by_value,
            topics_apart: &topics_apart,
            peers: &peers,
        };
        let keys = align::SubjectKeys::new(&subjects);
        let mut findings = Vec::new();
        for rule in &self.rules {
            let pairs = if rule.test == Test::RelationshipAge {
                // Document-level: the two sentences need not share a term. Only claims that can
                // stand on one side of the comparison are paired (`relationship_sides`): the
                // pairs of every claim of its kinds would be quadratic in a long document.
                relationship_pairs(&ctx, &rule.kinds)
            } else {
                align::candidates_in_group(&local, &keys, &rule.kinds, opts.self_consistency)
            };
            // In parallel, collected in the order of the pairs. Groups are already evaluated in
            // parallel; a small group's pairs are not split further (a split costs more than
            // the comparisons it would share out), a large one's are.
            let found: Vec<Finding> = pairs
                .par_iter()
                .with_min_len(PAIRS_PER_TASK)
                .filter_map(|&(i, j)| compare::apply(rule, &ctx, i, j))
                .collect();
            findings.extend(found);
        }
        dedupe(&mut findings, &local);
        for f in &mut findings {
            for c in &mut f.claims {
                *c = global[*c];
            }
        }
        findings
    }
}

/// The pairs `(i, j)`, `i < j`, of claims of `kinds` in different documents, one of which can be
/// the relationship and the other the recent change of a relationship-age comparison: the pairs
/// of `align::all_pairs` that the comparison can report, in the same order.
fn relationship_pairs(ctx: &compare::Ctx<'_>, kinds: &[Kind]) -> Vec<(usize, usize)> {
    let sides: Vec<(usize, bool, bool)> = (0..ctx.claims.len())
        .filter(|&k| kinds.contains(&ctx.claims[k].kind))
        .map(|k| {
            let (s, c) = compare::relationship_sides(ctx, k);
            (k, s, c)
        })
        .filter(|&(_, s, c)| s || c)
        .collect();
    let mut out = Vec::new();
    for &(i, si, ci) in &sides {
        for &(j, sj, cj) in &sides {
            if i < j && ctx.claims[i].doc != ctx.claims[j].doc && (si && cj || ci && sj) {
                out.push((i, j));
            }
        }
    }
    out
}

/// Candidate pairs compared by one task at least: a group's pairs are split across threads only
/// when there are more.
const PAIRS_PER_TASK: usize = 256;

/// Documents analysed by one task at least, for the same reason.
const DOCUMENTS_PER_TASK: usize = 8;

/// Per document, the smallest range of `claims` that holds all its claims (empty when it has
/// none).
#[must_use]
pub fn doc_claims(documents: usize, claims: &[Claim]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = vec![0..0; documents];
    for (k, c) in claims.iter().enumerate() {
        if let Some(r) = out.get_mut(c.doc) {
            if r.start == r.end {
                *r = k..k + 1;
            } else {
                r.end = k + 1;
            }
        }
    }
    out
}

/// Per document, the documents of its group (itself included), in input order.
#[must_use]
pub fn peers(groups: &[String]) -> Vec<std::sync::Arc<[usize]>> {
    let mut members: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (d, g) in groups.iter().enumerate() {
        members.entry(g.as_str()).or_default().push(d);
    }
    let shared: std::collections::HashMap<&str, std::sync::Arc<[usize]>> = members
        .into_iter()
        .map(|(g, m)| (g, std::sync::Arc::from(m)))
        .collect();
    groups.iter().map(|g| shared[g.as_str()].clone()).collect()
}

/// Reads the subject of every claim, document by document (claims are grouped by document).
#[must_use]
pub fn subjects(documents: &[Document], claims: &[Claim], lexicon: &Lexicon) -> Vec<Subject> {
    let profiles: Vec<Profile> = documents
        .par_iter()
        .map(|d| Profile {
            sentences: crate::segment::sentences(&d.prose),
            ..Profile::default()
        })
        .collect();
    let refs: Vec<&Document> = documents.iter().collect();
    subjects_in(&refs, &profiles, claims, lexicon)
}

/// `subjects` with each document's sentences taken from its profile; documents in parallel.
fn subjects_in(
    documents: &[&Document],
    profiles: &[Profile],
    claims: &[Claim],
    lexicon: &Lexicon,
) -> Vec<Subject> {
    // Runs of claims of one document.
    let mut runs = Vec::new();
    let mut start = 0;
    while start < claims.len() {
        let d = claims[start].doc;
        let end = start + claims[start..].iter().take_while(|c| c.doc == d).count();
        runs.push((d, start, end));
        start = end;
    }
    let per_run: Vec<Vec<Subject>> = runs
        .par_iter()
        .map(|&(d, start, end)| {
            align::subject::analyze_in(
                documents[d],
                &profiles[d].sentences,
                &claims[start..end],
                start,
                &lexicon.terms,
            )
        })
        .collect();
    let mut out = Vec::with_capacity(claims.len());
    for s in per_run {
        out.extend(s);
    }
    out
}

/// The profile of each of `documents` and the subjects of `claims` (grouped by document, every
/// document holding at least one), documents in parallel; as `profile` and `subjects_in`.
fn profiles_and_subjects(
    documents: &[&Document],
    claims: &[Claim],
    lexicon: &Lexicon,
    phrases: &align::subject::PhraseLists,
) -> (Vec<Profile>, Vec<Subject>) {
    let ranges = doc_claims(documents.len(), claims);
    let per_doc: Vec<(Profile, Vec<Subject>)> = documents
        .par_iter()
        .zip(ranges.par_iter())
        .with_min_len(DOCUMENTS_PER_TASK)
        .map(|(doc, r)| {
            align::subject::profile_and_analyze(
                doc,
                &claims[r.clone()],
                r.start,
                &lexicon.terms,
                phrases,
            )
        })
        .collect();
    let mut profiles = Vec::with_capacity(documents.len());
    let mut subjects = Vec::with_capacity(claims.len());
    for (p, s) in per_doc {
        profiles.push(p);
        subjects.extend(s);
    }
    (profiles, subjects)
}

/// Drops a finding whose first two claims a more severe (or earlier) finding of the same category
/// already reports, and keeps one note per rule and pair of documents: a note says "look here",
/// once is enough.
///
/// The kept findings are indexed by claim and by (rule, documents) so that the cost stays linear
/// in the number of findings.
fn dedupe(findings: &mut Vec<Finding>, claims: &[Claim]) {
    use std::collections::{HashMap, HashSet};
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
    let docs = |f: &Finding| {
        let mut d: Vec<usize> = f.claims.iter().map(|&c| claims[c].doc).collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    let mut kept: Vec<Finding> = Vec::new();
    // Kept findings by each claim they hold.
    let mut by_claim: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut notes: HashSet<(String, Vec<usize>)> = HashSet::new();
    for f in findings.drain(..) {
        let covers = |k: &Finding| {
            k.category == f.category && f.claims.iter().take(2).all(|c| k.claims.contains(c))
        };
        let dup = match f.claims.first() {
            // Any finding holding the first two claims holds the first one.
            Some(c0) => by_claim
                .get(c0)
                .is_some_and(|ks| ks.iter().any(|&k| covers(&kept[k]))),
            None => kept.iter().any(covers),
        };
        let repeat_note =
            f.severity == Severity::Note && notes.contains(&(f.rule.clone(), docs(&f)));
        if !dup && !repeat_note {
            let k = kept.len();
            let mut held = f.claims.clone();
            held.sort_unstable();
            held.dedup();
            for c in held {
                by_claim.entry(c).or_default().push(k);
            }
            if f.severity == Severity::Note {
                notes.insert((f.rule.clone(), docs(&f)));
            }
            kept.push(f);
        }
    }
    *findings = kept;
}
