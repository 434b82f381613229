//! Baselines: a file of known findings that CI accepts, so that only new findings fail a build.
//!
//! A finding is recorded by its fingerprint: the rule id and, for each claim, the document's
//! path, the claim's text (whitespace collapsed, lowercased) and its normalised value. Byte
//! offsets and line numbers are left out on purpose, so a baseline survives edits elsewhere in a
//! document; messages are left out so that rewording a rule does not invalidate it. Equal
//! fingerprints are counted: a baseline with one entry absorbs one finding, not every repeat.
//!
//! The file is TOML, parsed strictly (unknown keys are errors with file, line and column), and
//! written atomically: to a temporary file in the same folder, then renamed over the target, so
//! an interrupted run never leaves half a baseline.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{parse_toml, Error};
use crate::finding::Finding;
use crate::report::human::value_words;
use crate::run::Run;

/// The format version written and accepted.
pub const VERSION: u32 = 1;

/// One claim of a fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimKey {
    /// The document's path or id (a leading `./` removed, `\` written `/`).
    pub path: String,
    /// The claim's text, whitespace collapsed, lowercased.
    pub text: String,
    /// The normalised value, as the human report shows it.
    pub value: String,
}

/// A finding's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The rule id.
    pub rule: String,
    /// The claims, sorted (so the order the rule lists them in does not matter).
    pub claims: Vec<ClaimKey>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    #[serde(default, rename = "finding")]
    findings: Vec<Entry>,
}

/// A set of known findings (a multiset of fingerprints).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    /// Each fingerprint with the number of findings it stands for.
    pub entries: BTreeMap<Entry, usize>,
}

/// The fingerprint of a finding of `run`.
#[must_use]
pub fn fingerprint(run: &Run, f: &Finding) -> Entry {
    let mut claims: Vec<ClaimKey> = f
        .claims
        .iter()
        .map(|&i| {
            let c = &run.claims[i];
            let d = &run.documents[c.doc];
            let path = d.id.replace('\\', "/");
            let path = path.strip_prefix("./").unwrap_or(&path).to_string();
            ClaimKey {
                path,
                text: d
                    .text(c.span)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase(),
                value: value_words(c),
            }
        })
        .collect();
    claims.sort();
    Entry {
        rule: f.rule.clone(),
        claims,
    }
}

impl Baseline {
    /// The baseline of every finding of a run.
    #[must_use]
    pub fn of_run(run: &Run) -> Baseline {
        let mut b = Baseline::default();
        for f in &run.findings {
            *b.entries.entry(fingerprint(run, f)).or_default() += 1;
        }
        b
    }

    /// The number of findings recorded.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.values().sum()
    }

    /// True when nothing is recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Parses a baseline file's text.
    ///
    /// # Errors
    /// Invalid TOML, unknown keys, or another version.
    pub fn parse(path: &str, text: &str) -> Result<Baseline, Error> {
        let f: BaselineFile = parse_toml(path, text)?;
        if f.version != VERSION {
            return Err(Error::Invalid {
                path: path.into(),
                message: format!(
                    "baseline version {}: expected {VERSION} (rewrite it with --write-baseline)",
                    f.version
                ),
            });
        }
        let mut b = Baseline::default();
        for e in f.findings {
            *b.entries.entry(e).or_default() += 1;
        }
        Ok(b)
    }

    /// Reads a baseline file.
    ///
    /// # Errors
    /// An unreadable or invalid file.
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        Baseline::parse(&path.display().to_string(), &text)
    }

    /// The file's text: a comment, the version and one `[[finding]]` per recorded finding, in
    /// fingerprint order (so rewriting an unchanged baseline changes no byte).
    #[must_use]
    pub fn to_toml(&self) -> String {
        let file = BaselineFile {
            version: VERSION,
            findings: self
                .entries
                .iter()
                .flat_map(|(e, n)| std::iter::repeat_n(e.clone(), *n))
                .collect(),
        };
        let body = toml::to_string(&file).unwrap_or_default();
        format!(
            "# crosscheck baseline: known findings, written by `crosscheck check --write-baseline`.\n\
             # `crosscheck check --baseline FILE` reports only findings not recorded here.\n\n{body}"
        )
    }

    /// Writes the baseline atomically: a temporary file in the target's folder, renamed over it.
    ///
    /// # Errors
    /// The folder is not writable, or the rename fails.
    pub fn write(&self, path: &Path) -> Result<(), Error> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        crate::report::write_atomic(path, self.to_toml().as_bytes()).map_err(io)
    }

    /// Removes from `run` the findings the baseline records (each entry absorbs as many findings
    /// as it counts). Returns how many recorded findings matched none (fixed since).
    pub fn filter(&self, run: &mut Run) -> usize {
        let mut left = self.entries.clone();
        let keep: Vec<bool> = run
            .findings
            .iter()
            .map(|f| match left.get_mut(&fingerprint(run, f)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect();
        let mut keep = keep.into_iter();
        run.findings.retain(|_| keep.next().unwrap_or(true));
        left.values().sum()
    }
}
