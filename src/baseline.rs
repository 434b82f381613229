//! Baselines: a file of known findings that CI accepts, so that only new findings fail a build.
//!
//! A finding is recorded by its fingerprint: the rule id and, for each claim, the document's
//! path, the claim's text (whitespace collapsed, lowercased) and its normalised value. Byte
//! offsets and line numbers are left out on purpose, so a baseline survives edits elsewhere in a
//! document; messages are left out so that rewording a rule does not invalidate it. Equal
//! fingerprints are counted: a baseline with one entry absorbs one finding, not every repeat.
//!
//! A document's path is recorded relative to the baseline file's folder (`Baseline::of_run_for`,
//! `filter_for`), so `check --baseline ci/baseline.toml` matches the same findings whichever
//! folder it runs from; a document that is no file (a JSON Lines id) keeps its id. Baselines
//! written before, with paths relative to the working directory, still match from there.
//!
//! The file is TOML, parsed strictly (unknown keys are errors with file, line and column), and
//! written atomically: to a temporary file in the same folder, then renamed over the target, so
//! an interrupted run never leaves half a baseline.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::normalize;
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

/// The fingerprint of a finding of `run`, with the documents' paths as the run names them.
#[must_use]
pub fn fingerprint(run: &Run, f: &Finding) -> Entry {
    let paths: Vec<String> = run.documents.iter().map(|d| key_path(&d.id)).collect();
    fingerprint_with(run, f, &paths)
}

/// A path as a fingerprint writes it: `/` separators, no leading `./`.
fn key_path(p: &str) -> String {
    let p = p.replace('\\', "/");
    p.strip_prefix("./").unwrap_or(&p).to_string()
}

/// The fingerprint of a finding with `paths[d]` standing for document `d`.
fn fingerprint_with(run: &Run, f: &Finding, paths: &[String]) -> Entry {
    let mut claims: Vec<ClaimKey> = f
        .claims
        .iter()
        .map(|&i| {
            let c = &run.claims[i];
            let d = &run.documents[c.doc];
            ClaimKey {
                path: paths[c.doc].clone(),
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

/// `target` relative to the folder `base` (both absolute and normalised), with `..` where it
/// lies outside.
fn relative(target: &Path, base: &Path) -> PathBuf {
    let t: Vec<Component> = target.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c);
    }
    out
}

/// The paths of `run`'s documents relative to the folder of the baseline file `file`: each
/// document that is a file (its id, read from the working directory, names one) by its path
/// from there; others (JSON Lines ids) by their id.
#[must_use]
pub fn paths_for(run: &Run, file: &Path) -> Vec<String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let dir = normalize(&cwd.join(file))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    run.documents
        .iter()
        .map(|d| {
            let p = Path::new(&d.id);
            if d.id != "-" && p.is_file() {
                let abs = normalize(&cwd.join(p));
                key_path(&relative(&abs, &dir).display().to_string())
            } else {
                key_path(&d.id)
            }
        })
        .collect()
}

impl Baseline {
    /// The baseline of every finding of a run, paths as the run names them.
    #[must_use]
    pub fn of_run(run: &Run) -> Baseline {
        let paths: Vec<String> = run.documents.iter().map(|d| key_path(&d.id)).collect();
        Baseline::of_run_with(run, &paths)
    }

    /// The baseline of every finding of a run, to be written to `file`: paths relative to its
    /// folder (`paths_for`).
    #[must_use]
    pub fn of_run_for(run: &Run, file: &Path) -> Baseline {
        Baseline::of_run_with(run, &paths_for(run, file))
    }

    fn of_run_with(run: &Run, paths: &[String]) -> Baseline {
        let mut b = Baseline::default();
        for f in &run.findings {
            *b.entries
                .entry(fingerprint_with(run, f, paths))
                .or_default() += 1;
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
        // One message, naming the file and what to do about it.
        let text = std::fs::read_to_string(path).map_err(|e| Error::Invalid {
            path: path.display().to_string(),
            message: if e.kind() == std::io::ErrorKind::NotFound {
                "no such baseline file (record one with `check --write-baseline FILE`)".into()
            } else {
                let os = e.to_string();
                let os = os.split(" (os error").next().unwrap_or(&os).to_lowercase();
                format!("cannot read the baseline: {os}")
            },
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
    /// as it counts), paths as the run names them. Returns how many recorded findings matched
    /// none (fixed since).
    pub fn filter(&self, run: &mut Run) -> usize {
        let paths: Vec<String> = run.documents.iter().map(|d| key_path(&d.id)).collect();
        self.filter_with(run, &[paths])
    }

    /// `filter` for the baseline read from `file`: paths relative to its folder, and for a
    /// baseline written before paths were, relative to the working directory.
    pub fn filter_for(&self, run: &mut Run, file: &Path) -> usize {
        let old: Vec<String> = run.documents.iter().map(|d| key_path(&d.id)).collect();
        self.filter_with(run, &[paths_for(run, file), old])
    }

    fn filter_with(&self, run: &mut Run, keyings: &[Vec<String>]) -> usize {
        let mut left = self.entries.clone();
        let keep: Vec<bool> = run
            .findings
            .iter()
            .map(|f| {
                for paths in keyings {
                    if let Some(n) = left.get_mut(&fingerprint_with(run, f, paths)) {
                        if *n > 0 {
                            *n -= 1;
                            return false;
                        }
                    }
                }
                true
            })
            .collect();
        let mut keep = keep.into_iter();
        run.findings.retain(|_| keep.next().unwrap_or(true));
        left.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_out_with_dot_dot() {
        let r = |t: &str, b: &str| relative(Path::new(t), Path::new(b)).display().to_string();
        assert_eq!(r("/p/seeds/a.txt", "/p/ci"), "../seeds/a.txt");
        assert_eq!(r("/p/seeds/a.txt", "/p"), "seeds/a.txt");
        assert_eq!(r("/p/a.txt", "/p/ci/deep"), "../../a.txt");
        assert_eq!(
            normalize(Path::new("/p/ci/../seeds/./a.txt")),
            Path::new("/p/seeds/a.txt")
        );
    }
}
