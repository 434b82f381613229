//! Alignment: which claims speak of the same thing, and why.
//!
//! `analyze` gives every claim a `Subject` read from its sentence: the content terms around it
//! (stemmed and folded through the related-terms lexicon), the named entities of the sentence and
//! the one that owns the claim (its agent), the event the claim dates, its window (the period or
//! duration a change or count happened over) and flags for plans, running counts and parts.
//! `candidates` proposes pairs through an inverted index on subject terms (blocking: never all
//! pairs), and `compare` scores a pair and records the evidence that rules and reports show.
//!
//! Architecture invariant: alignment never fails and does no IO. Its cost is linear in the number
//! of claims plus the number of candidate pairs, which the index bounds per group.

pub mod fitted;
pub mod slot;
pub mod subject;

use std::collections::{BTreeSet, HashMap};
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use crate::claim::{Claim, Kind};
use crate::document::Document;
use crate::finding::Evidence;
use crate::lexicon::WordHasher;

pub use subject::{analyze, Subject};

/// How two claims' subjects relate.
///
/// It borrows its terms from the two subjects: most pairs are turned down right after the
/// comparison, and only a finding's evidence copies them.
#[derive(Debug, Clone, Default)]
pub struct Alignment<'a> {
    /// 0 to 1: how strongly the two claims speak of the same thing.
    pub score: f64,
    /// Canonical terms both claims' local contexts share.
    pub local: Vec<&'a str>,
    /// Canonical terms both sentences share.
    pub sentence: Vec<&'a str>,
    /// Entities both sentences name.
    pub entities: Vec<&'a str>,
    /// Both claims have an agent and it is the same.
    pub same_agent: bool,
    /// Both claims have an agent and they differ.
    pub agent_conflict: bool,
    /// Both claims count or measure the same noun (after folding).
    pub same_noun: bool,
    /// Both claims have a noun and they differ.
    pub noun_conflict: bool,
}

impl Alignment<'_> {
    /// The evidence a finding carries.
    #[must_use]
    pub fn evidence(&self, checks: Vec<String>) -> Evidence {
        // Entities as written; local terms are stems, so a stem of an entity word is dropped
        // ("stadiu" beside "stadium").
        let mut shared: BTreeSet<String> = self
            .local
            .iter()
            .filter(|t| {
                !self
                    .entities
                    .iter()
                    .any(|e| e.split(' ').any(|w| w != **t && w.starts_with(**t)))
            })
            .map(|t| (*t).to_string())
            .collect();
        shared.extend(self.entities.iter().map(|e| (*e).to_string()));
        if shared.is_empty() {
            shared.extend(self.sentence.iter().map(|t| (*t).to_string()));
        }
        Evidence {
            score: (self.score * 100.0).round() / 100.0,
            shared_terms: shared.into_iter().collect(),
            checks,
        }
    }
}

/// The terms `a` and `b` share, sorted and without repeats: a merge of two lists that are
/// themselves sorted and without repeats, as `Subject` keeps its term lists.
fn overlap<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i].as_str());
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn coefficient(shared: usize, a: usize, b: usize) -> f64 {
    let m = a.min(b);
    if m == 0 {
        0.0
    } else {
        shared as f64 / m as f64
    }
}

/// True when two normalised entity strings name the same thing: equal, one a word of the other
/// ("dannatt" in "ilse varnow"), or nearly equal by Jaro-Winkler (spelling variants).
#[must_use]
pub fn same_entity(a: &str, b: &str) -> bool {
    fn words(s: &str) -> impl Iterator<Item = &str> {
        s.split(' ').filter(|w| w.len() >= 3)
    }
    if a == b {
        return true;
    }
    // Two multi-word names must share their first word ("Pendry Marathon" is not "Alnwold
    // Half Marathon"); a single word matches any word of the other ("Varnow").
    let shared = if words(a).nth(1).is_some() && words(b).nth(1).is_some() {
        words(a).next() == words(b).next()
    } else {
        words(a).any(|x| words(b).any(|y| x == y))
    };
    shared || a.len() >= 5 && b.len() >= 5 && near_spelling(a, b)
}

/// Jaro-Winkler similarity of at least 0.93 (spelling variants). The Jaro similarity is at most
/// (2 + short / long) / 3 in characters and the Winkler prefix bonus adds at most 0.4 of the
/// rest, so reaching 0.93 needs short / long >= 0.65: names whose lengths differ more (below
/// 0.6, a margin for rounding) skip the computation.
///
/// The Jaro similarity is (m / la + m / lb + (m - t) / m) / 3 for m matching characters, and m
/// is at most the characters the two names have in common (counted in buckets, which can only
/// overcount); the Winkler bonus makes at most 0.6 J + 0.4 of it. Reaching 0.93 needs J of at
/// least 0.8833, so names whose common characters bound J below 0.88 (a margin for rounding)
/// skip the computation too: most pairs of different names.
fn near_spelling(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if 5 * la.min(lb) < 3 * la.max(lb) {
        return false;
    }
    let mut count = [0i32; 64];
    for c in a.chars() {
        count[c as usize % 64] += 1;
    }
    let mut common = 0usize;
    for c in b.chars() {
        let n = &mut count[c as usize % 64];
        if *n > 0 {
            *n -= 1;
            common += 1;
        }
    }
    let m = common as f64;
    if (m / la as f64 + m / lb as f64 + 1.0) / 3.0 < 0.88 {
        return false;
    }
    strsim::jaro_winkler(a, b) >= 0.93
}

/// Scores how strongly two claims' subjects agree.
#[must_use]
pub fn compare<'a>(a: &'a Subject, b: &'a Subject) -> Alignment<'a> {
    let local = overlap(&a.local, &b.local);
    let sentence = overlap(&a.terms, &b.terms);
    let mut entities = Vec::new();
    for x in a.entities.iter() {
        if b.entities.iter().any(|y| same_entity(x, y)) {
            entities.push(x.as_str());
        }
    }
    entities.sort_unstable();
    entities.dedup();
    let (same_agent, agent_conflict) = match (&a.agent, &b.agent) {
        (Some(x), Some(y)) => {
            let same = same_entity(x, y);
            // Only a conflict when neither sentence also names the other's agent near the claim.
            (same, !same)
        }
        _ => (false, false),
    };
    let (same_noun, noun_conflict) = match (&a.noun, &b.noun) {
        (Some(x), Some(y)) => (x == y, x != y),
        _ => (false, false),
    };
    let l = coefficient(local.len(), a.local.len(), b.local.len());
    let s = coefficient(sentence.len(), a.terms.len(), b.terms.len());
    let e = coefficient(entities.len(), a.entities.len(), b.entities.len());
    let mut score = 0.45 * l + 0.25 * s + 0.3 * e;
    if same_noun {
        score += 0.15;
    }
    if same_agent {
        score += 0.1;
    }
    Alignment {
        score: score.min(1.0),
        local,
        sentence,
        entities,
        same_agent,
        agent_conflict,
        same_noun,
        noun_conflict,
    }
}

/// The group a document belongs to: documents of different groups are never compared.
#[must_use]
pub fn group_of(doc: &Document, by_dir: bool) -> String {
    if let Some(g) = &doc.group {
        return g.clone();
    }
    if by_dir {
        return std::path::Path::new(&doc.id)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
    }
    String::new()
}

/// The groups of the documents `docs` (indices into `documents`), in the order of their first
/// document, each with its documents in the order given. Group names (path work) are computed in
/// parallel.
#[must_use]
pub fn group_docs(
    documents: &[Document],
    docs: &[usize],
    by_dir: bool,
) -> Vec<(String, Vec<usize>)> {
    let names: Vec<String> = docs
        .par_iter()
        .map(|&d| group_of(&documents[d], by_dir))
        .collect();
    let mut slot: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (&d, g) in docs.iter().zip(names) {
        let k = match slot.get(&g) {
            Some(&k) => k,
            None => {
                slot.insert(g.clone(), groups.len());
                groups.push((g, Vec::new()));
                groups.len() - 1
            }
        };
        groups[k].1.push(d);
    }
    groups
}

/// Terms posted by more claims than this (of one group and rule) are too common to propose pairs
/// on their own.
const MAX_POSTINGS: usize = 400;

/// How often a bound of the candidate search was reached in this process (`bounds`): what
/// `CROSSCHECK_TIMINGS` reports, so that a long run says where it cut work.
/// How many of its rarest keys a claim whose every key is too common combines (`combined_pairs`).
const COMBINED_KEYS: usize = 8;

/// How many postings of its combinations a claim reads at most (rarest first).
const COMBINED_SCAN: usize = 2048;

/// How many partners a claim paired on combinations proposes at most: those sharing most.
const COMBINED_TOP: usize = 24;

/// How many later partners one claim proposes at most through its terms (the rarest shared
/// first): far above what a claim of a news story has, a bound for long reports.
const PER_CLAIM_TOP: usize = 256;

static PER_CLAIM_CUT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static SCAN_CUT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static TOP_CUT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static TOO_COMMON: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static COMBINED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static UNPAIRED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How often the candidate search reached its bounds so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bounds {
    /// Terms skipped as posted by more than `MAX_POSTINGS` claims (once per group and rule).
    pub too_common: usize,
    /// Claims all of whose terms were that common, paired on combinations of their terms and
    /// year instead.
    pub combined: usize,
    /// Such claims that no combination paired (each was as common, or no other claim shares one).
    pub unpaired: usize,
    /// Claims that stopped reading combinations after `COMBINED_SCAN` postings.
    pub scan_cut: usize,
    /// Claims with more partners than `COMBINED_TOP`, of which only the best were proposed.
    pub top_cut: usize,
    /// Claims with more partners through their terms than `PER_CLAIM_TOP`, of which only those
    /// sharing the rarest terms were proposed.
    pub per_claim_cut: usize,
}

/// How often the candidate search reached its bounds so far in this process.
#[must_use]
pub fn bounds() -> Bounds {
    use std::sync::atomic::Ordering::Relaxed;
    Bounds {
        too_common: TOO_COMMON.load(Relaxed),
        combined: COMBINED.load(Relaxed),
        unpaired: UNPAIRED.load(Relaxed),
        scan_cut: SCAN_CUT.load(Relaxed),
        top_cut: TOP_CUT.load(Relaxed),
        per_claim_cut: PER_CLAIM_CUT.load(Relaxed),
    }
}

/// Each claim's subject keys (its terms and entities) as small numbers, numbered once for all
/// the rules that propose candidates over the same claims: indexing then hashes no strings.
#[derive(Debug, Clone, Default)]
pub struct SubjectKeys {
    /// Per claim, its keys in the order of its terms then entities, a repeat posted once.
    of: Vec<Vec<u32>>,
    /// Per claim, the year its clause anchors it to (`Subject::year`).
    year: Vec<Option<i16>>,
    /// How many distinct keys.
    count: usize,
}

impl SubjectKeys {
    /// Numbers the keys of `subjects`.
    #[must_use]
    pub fn new(subjects: &[Subject]) -> SubjectKeys {
        let mut ids: HashMap<&str, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
        let of = subjects
            .iter()
            .map(|s| {
                let mut keys: Vec<u32> = Vec::with_capacity(s.terms.len() + s.entities.len());
                // A name of several words is also keyed by its last word: "Dorit Anselm" and
                // a later "Anselm, who ..." are one person (`same_entity` says so once paired).
                let surnames = s
                    .entities
                    .iter()
                    .filter_map(|e| e.rsplit_once(' ').map(|(_, last)| last));
                for k in s
                    .terms
                    .iter()
                    .chain(s.entities.iter())
                    .map(String::as_str)
                    .chain(surnames)
                {
                    let next = ids.len() as u32;
                    let id = *ids.entry(k).or_insert(next);
                    if !keys.contains(&id) {
                        keys.push(id);
                    }
                }
                keys
            })
            .collect();
        SubjectKeys {
            of,
            year: subjects.iter().map(|s| s.year).collect(),
            count: ids.len(),
        }
    }
}

/// Candidate pairs `(i, j)` with `i < j` among `claims` whose kinds are in `kinds`: claims of
/// different documents in one group (or of one document too, with `within`) that share at least
/// one subject term or entity. Terms that occur in more than `MAX_POSTINGS` claims of a group are
/// too common to propose pairs on their own.
#[must_use]
pub fn candidates(
    claims: &[Claim],
    subjects: &[Subject],
    groups: &[String],
    kinds: &[Kind],
    within: bool,
) -> Vec<(usize, usize)> {
    let keys = SubjectKeys::new(subjects);
    // One index a group (the index never pairs across groups), groups in parallel.
    let mut by_group: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if kinds.contains(&c.kind) {
            by_group.entry(groups[c.doc].as_str()).or_default().push(i);
        }
    }
    let members: Vec<Vec<usize>> = by_group.into_values().collect();
    let per_group: Vec<Vec<(usize, usize)>> = members
        .par_iter()
        .map(|members| sharing_pairs(claims, &keys, members, within))
        .collect();
    let mut pairs: Vec<(usize, usize)> = per_group.into_iter().flatten().collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// `candidates` for claims all of one group, with their keys numbered once (`SubjectKeys`).
#[must_use]
pub fn candidates_in_group(
    claims: &[Claim],
    keys: &SubjectKeys,
    kinds: &[Kind],
    within: bool,
) -> Vec<(usize, usize)> {
    let members: Vec<usize> = (0..claims.len())
        .filter(|&i| kinds.contains(&claims[i].kind))
        .collect();
    let mut pairs = sharing_pairs(claims, keys, &members, within);
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs of `members` (ascending claim indices of one group) that share a key posted by at
/// most `MAX_POSTINGS` of them, each pair once.
fn sharing_pairs(
    claims: &[Claim],
    keys: &SubjectKeys,
    members: &[usize],
    within: bool,
) -> Vec<(usize, usize)> {
    // The postings of every key in one vector (key `k` holds `post[start[k]..start[k + 1]]`,
    // ascending): two passes over the keys rather than a vector per key.
    let mut start = vec![0usize; keys.count + 1];
    for &i in members {
        for &k in &keys.of[i] {
            start[k as usize + 1] += 1;
        }
    }
    for k in 0..keys.count {
        start[k + 1] += start[k];
    }
    let mut fill = start.clone();
    let mut post = vec![0usize; start[keys.count]];
    for &i in members {
        for &k in &keys.of[i] {
            post[fill[k as usize]] = i;
            fill[k as usize] += 1;
        }
    }
    let posted = |k: u32| start[k as usize + 1] - start[k as usize];
    {
        use std::sync::atomic::Ordering::Relaxed;
        let common = (0..keys.count as u32)
            .filter(|&k| posted(k) > MAX_POSTINGS)
            .count();
        TOO_COMMON.fetch_add(common, Relaxed);
    }
    // The last claim each later claim was paired with: a pair sharing several keys is
    // proposed once.
    let mut paired = vec![usize::MAX; claims.len()];
    let mut weight = vec![0f64; claims.len()];
    let mut mine: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    // Claims whose every key is too common: in a long report on a few subjects every name,
    // noun and verb is posted by thousands of claims, while the combination (this company, this
    // noun, this year) is rare. They pair on combinations of two of their keys and their year.
    let mut starved: Vec<usize> = Vec::new();
    for &i in members {
        if !keys.of[i].is_empty() && keys.of[i].iter().all(|&k| posted(k) > MAX_POSTINGS) {
            starved.push(i);
            continue;
        }
        for &k in &keys.of[i] {
            let postings = &post[start[k as usize]..start[k as usize + 1]];
            if postings.len() > MAX_POSTINGS {
                continue;
            }
            // The rarer the key, the more a partner sharing it weighs (inverse document
            // frequency over the group's claims).
            let idf = (members.len() as f64 / postings.len() as f64).ln();
            let after = postings.partition_point(|&j| j <= i);
            for &j in &postings[after..] {
                if paired[j] == i {
                    weight[j] += idf;
                    continue;
                }
                let (ci, cj) = (&claims[i], &claims[j]);
                if ci.doc == cj.doc && (!within || ci.span.overlaps(cj.span)) {
                    continue;
                }
                paired[j] = i;
                weight[j] = idf;
                mine.push(j);
            }
        }
        // A claim of a long report can share a term with thousands: it proposes the partners
        // whose shared terms are rarest, at most `PER_CLAIM_TOP` (ties by claim order).
        if mine.len() > PER_CLAIM_TOP {
            use std::sync::atomic::Ordering::Relaxed;
            PER_CLAIM_CUT.fetch_add(1, Relaxed);
            mine.sort_unstable_by(|&x, &y| weight[y].total_cmp(&weight[x]).then(x.cmp(&y)));
            mine.truncate(PER_CLAIM_TOP);
        }
        pairs.extend(mine.drain(..).map(|j| (i, j)));
    }
    if !starved.is_empty() {
        let posted: Vec<usize> = (0..keys.count as u32).map(posted).collect();
        combined_pairs(claims, keys, &posted, &starved, within, &mut pairs);
    }
    pairs
}

/// The pairs of `starved` (ascending claim indices whose every key is too common) that share a
/// combination of two keys and a year (or two keys, both without a year) posted by at most
/// `MAX_POSTINGS` of them, each pair once, appended to `pairs`. A claim has at most a few dozen
/// keys, so its combinations are bounded and the cost is linear in the claims.
fn combined_pairs(
    claims: &[Claim],
    keys: &SubjectKeys,
    posted: &[usize],
    starved: &[usize],
    within: bool,
    pairs: &mut Vec<(usize, usize)>,
) {
    use std::sync::atomic::Ordering::Relaxed;
    // The rarest keys of each claim (by postings, then key): names and nouns before the words
    // of every sentence. Bounded, so that a claim gives at most 28 combinations.
    let mut rarest: HashMap<usize, Vec<u32>> = HashMap::with_capacity(starved.len());
    for &i in starved {
        let mut ks = keys.of[i].clone();
        ks.sort_unstable_by_key(|&k| (posted[k as usize], k));
        ks.truncate(COMBINED_KEYS);
        rarest.insert(i, ks);
    }
    let mut post: HashMap<(u32, u32, Option<i16>), Vec<usize>> = HashMap::new();
    let combos = |i: usize| {
        let ks = &rarest[&i];
        let year = keys.year[i];
        (0..ks.len()).flat_map(move |x| {
            (x + 1..ks.len()).map(move |y| (ks[x].min(ks[y]), ks[x].max(ks[y]), year))
        })
    };
    for &i in starved {
        for c in combos(i) {
            post.entry(c).or_default().push(i);
        }
    }
    // Per claim, the later claims sharing its combinations, scored by how many they share (a
    // claim stating the same fact in other words shares most), rarest combinations first and
    // at most `COMBINED_SCAN` postings read; the best `COMBINED_TOP` are proposed.
    let mut shared = vec![0u32; claims.len()];
    let mut touched: Vec<usize> = Vec::new();
    for &i in starved {
        let mut cs: Vec<&Vec<usize>> = combos(i)
            .map(|c| &post[&c])
            .filter(|p| p.len() > 1 && p.len() <= MAX_POSTINGS)
            .collect();
        cs.sort_by_key(|p| p.len());
        let mut scanned = 0;
        for postings in cs {
            if scanned >= COMBINED_SCAN {
                SCAN_CUT.fetch_add(1, Relaxed);
                break;
            }
            scanned += postings.len();
            let after = postings.partition_point(|&j| j <= i);
            for &j in &postings[after..] {
                let (ci, cj) = (&claims[i], &claims[j]);
                if ci.doc == cj.doc && (!within || ci.span.overlaps(cj.span)) {
                    continue;
                }
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        if touched.is_empty() {
            UNPAIRED.fetch_add(1, Relaxed);
            continue;
        }
        COMBINED.fetch_add(1, Relaxed);
        // Most shared first, then nearest in claim order: deterministic.
        touched.sort_unstable_by_key(|&j| (std::cmp::Reverse(shared[j]), j));
        if touched.len() > COMBINED_TOP {
            TOP_CUT.fetch_add(1, Relaxed);
        }
        for &j in touched.iter().take(COMBINED_TOP) {
            pairs.push((i, j));
        }
        for &j in &touched {
            shared[j] = 0;
        }
        touched.clear();
    }
}

/// Every cross-document pair of claims of `kinds` within a group, for document-level rules
/// whose candidates are few (long relationships against recent changes).
#[must_use]
pub fn all_pairs(claims: &[Claim], groups: &[String], kinds: &[Kind]) -> Vec<(usize, usize)> {
    // Bucketed by group, so that the cost is quadratic in the size of a group only.
    let mut by_group: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if kinds.contains(&c.kind) {
            by_group.entry(groups[c.doc].as_str()).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for picked in by_group.values() {
        for (x, &i) in picked.iter().enumerate() {
            for &j in &picked[x + 1..] {
                if claims[i].doc != claims[j].doc {
                    out.push((i, j));
                }
            }
        }
    }
    // The order of a run over all pairs: by first claim, then second.
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random lower-case words over a small alphabet, so that some pairs are close.
    fn words(n: usize) -> Vec<String> {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..n)
            .map(|_| {
                let len = 3 + (next() % 10) as usize;
                (0..len)
                    .map(|_| ['a', 'b', 'c', 'd', 'e', 'é'][(next() % 6) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_length_bound_never_changes_a_spelling_verdict() {
        let ws = words(300);
        for a in &ws {
            for b in &ws {
                assert_eq!(
                    near_spelling(a, b),
                    strsim::jaro_winkler(a, b) >= 0.93,
                    "{a} {b}"
                );
            }
        }
        // Lengths near the bound: a prefix shared as far as the bonus counts.
        for n in 5..40 {
            let a = "x".repeat(n);
            for m in n..2 * n {
                let b = "x".repeat(m);
                assert_eq!(near_spelling(&a, &b), strsim::jaro_winkler(&a, &b) >= 0.93);
            }
        }
    }

    #[test]
    fn the_common_character_bound_never_changes_a_spelling_verdict() {
        // Names over a wide alphabet (most pairs share few characters), and spelling variants
        // of each: one character changed, dropped or doubled.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let letters: Vec<char> = "abcdefghijklmnopqrstuvwxyzéü ".chars().collect();
        let mut names: Vec<String> = Vec::new();
        for _ in 0..150 {
            let len = 5 + (next() % 12) as usize;
            let name: Vec<char> = (0..len)
                .map(|_| letters[(next() % letters.len() as u64) as usize])
                .collect();
            let at = (next() % len as u64) as usize;
            let mut changed = name.clone();
            changed[at] = letters[(next() % letters.len() as u64) as usize];
            let mut dropped = name.clone();
            dropped.remove(at);
            let mut doubled = name.clone();
            doubled.insert(at, name[at]);
            for v in [name, changed, dropped, doubled] {
                names.push(v.into_iter().collect());
            }
        }
        let mut near = 0;
        for a in &names {
            for b in &names {
                let want = strsim::jaro_winkler(a, b) >= 0.93;
                assert_eq!(near_spelling(a, b), want, "{a} {b}");
                near += usize::from(want && a != b);
            }
        }
        assert!(near > 100);
    }

    #[test]
    fn candidates_are_the_pairs_sharing_a_key() {
        use crate::document::Span;
        let ws = words(12);
        let mut claims = Vec::new();
        let mut subjects = Vec::new();
        let kinds = [Kind::Money, Kind::Date];
        for n in 0..60usize {
            let kind = [Kind::Money, Kind::Date, Kind::Percent][n % 3];
            let at = (n % 7) * 10;
            claims.push(Claim::new(n % 5, Span::new(at, at + 12), kind));
            subjects.push(Subject {
                terms: vec![ws[n % 12].clone(), ws[(n * 7) % 12].clone()].into(),
                entities: vec![ws[(n * 5) % 12].clone()].into(),
                ..Subject::default()
            });
        }
        let groups = vec![String::new(); 5];
        let keys = SubjectKeys::new(&subjects);
        for within in [false, true] {
            let mut want = Vec::new();
            let member = |i: usize| kinds.contains(&claims[i].kind);
            let key_of = |i: usize| subjects[i].terms.iter().chain(subjects[i].entities.iter());
            let posted = |k: &String| {
                (0..60)
                    .filter(|&i| member(i) && key_of(i).any(|x| x == k))
                    .count()
            };
            for i in (0..60).filter(|&i| member(i)) {
                for j in (i + 1..60).filter(|&j| member(j)) {
                    let same_doc = claims[i].doc == claims[j].doc;
                    if same_doc && (!within || claims[i].span.overlaps(claims[j].span)) {
                        continue;
                    }
                    if key_of(i).any(|k| key_of(j).any(|x| x == k) && posted(k) <= MAX_POSTINGS) {
                        want.push((i, j));
                    }
                }
            }
            assert!(!want.is_empty());
            assert_eq!(candidates_in_group(&claims, &keys, &kinds, within), want);
            assert_eq!(
                candidates(&claims, &subjects, &groups, &kinds, within),
                want
            );
        }
    }

    #[test]
    fn overlap_is_the_sorted_intersection() {
        let ws = words(60);
        let sorted = |v: &[String]| {
            let mut s = v.to_vec();
            s.sort();
            s.dedup();
            s
        };
        let (a, b) = (sorted(&ws[..40]), sorted(&ws[20..]));
        let want: Vec<&str> = a
            .iter()
            .filter(|x| b.contains(x))
            .map(String::as_str)
            .collect();
        assert!(!want.is_empty());
        assert_eq!(overlap(&a, &b), want);
        assert_eq!(overlap(&b, &a), want);
    }
}
