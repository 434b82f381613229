//! The configuration file, `crosscheck.toml`: which rules run and how strictly, extra rule
//! folders, which walked files are read, and defaults for `check`'s options.
//!
//! The file is found by searching upward from the first checked path (or named with `--config`)
//! and parsed strictly: an unknown key, a wrong type, a bad glob or an unknown rule id is an
//! error naming the file, line and column, with "did you mean" for a near miss. Keys are spelled
//! like the flags (`fail-on`, `group-by`, `self-consistency`, `rules-dirs`, `min-score`); the
//! old spellings with `_` are still read, with a deprecation warning (`Config::warnings`), for
//! one release. `select` and `ignore` choose the rules that run, as ruff's do. Options given on
//! the command line win over the file; the file wins over the built-in defaults.
//!
//! Architecture invariant: this module only reads (the configuration file); applying it to a
//! `RuleSet` never touches the file system except through `RuleSet::add_dir`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::error::{did_you_mean, parse_toml, Error};
use crate::finding::Severity;
use crate::rules::RuleSet;

/// The name searched for.
pub const FILE_NAME: &str = "crosscheck.toml";

/// `fail_on` (and `--fail-on`): the lowest severity that makes `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Errors only (the default).
    Error,
    /// Warnings and errors.
    Warning,
    /// Every finding.
    Note,
    /// Never: the exit code says only whether the check was complete.
    Never,
}

impl FailOn {
    /// The severity threshold, `None` for never.
    #[must_use]
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Note => Some(Severity::Note),
            FailOn::Never => None,
        }
    }
}

/// `group_by` (and `--group-by`): which documents are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// All documents form one story set.
    None,
    /// Only documents of the same directory are compared.
    Dir,
}

/// `[rules.<id>]`: overrides of one rule's settings.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    /// Replaces the rule's severity.
    pub severity: Option<Severity>,
    /// Replaces the rule's relative tolerance (≥ 0).
    pub tolerance: Option<f64>,
    /// Replaces the alignment score the rule needs (0..1).
    pub min_score: Option<f64>,
}

/// `[rules.<id>]` as written: `min-score`, or the deprecated `min_score`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    severity: Option<Severity>,
    tolerance: Option<f64>,
    #[serde(rename = "min-score")]
    min_score: Option<f64>,
    #[serde(rename = "min_score")]
    min_score_old: Option<Spanned<f64>>,
}

/// The `[rules]` table: `disable = [ids]` and one `[rules.<id>]` table per overridden rule.
#[derive(Debug, Default)]
struct RulesTable {
    disable: Vec<Spanned<String>>,
    overrides: Vec<(String, Spanned<RawOverride>)>,
}

impl<'de> Deserialize<'de> for RulesTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RulesTable;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of `disable = [rule ids]` and `[rules.<id>]` tables")
            }
            // Each value is read straight from the TOML deserializer (no buffering as serde's
            // `flatten` would do), so errors inside an override keep their line and column.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RulesTable, A::Error> {
                let mut t = RulesTable::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "disable" {
                        t.disable = map.next_value()?;
                    } else {
                        let o: Spanned<RawOverride> = map.next_value()?;
                        t.overrides.push((key, o));
                    }
                }
                Ok(t)
            }
        }
        d.deserialize_map(V)
    }
}

/// The file as written. Each key spelled like its flag, and its deprecated spelling with `_`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: Option<RulesTable>,
    #[serde(default, rename = "rules-dirs")]
    rules_dirs: Option<Vec<String>>,
    #[serde(default, rename = "rules_dirs")]
    rules_dirs_old: Option<Spanned<Vec<String>>>,
    #[serde(default, rename = "fail-on")]
    fail_on: Option<FailOn>,
    #[serde(default, rename = "fail_on")]
    fail_on_old: Option<Spanned<FailOn>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default, rename = "self-consistency")]
    self_consistency: Option<bool>,
    #[serde(default, rename = "self_consistency")]
    self_consistency_old: Option<Spanned<bool>>,
    #[serde(default, rename = "group-by")]
    group_by: Option<GroupBy>,
    #[serde(default, rename = "group_by")]
    group_by_old: Option<Spanned<GroupBy>>,
    #[serde(default)]
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
}

/// The keys of the file as they are spelled now (what "did you mean" offers).
pub const KEYS: &[&str] = &[
    "rules",
    "rules-dirs",
    "fail-on",
    "include",
    "exclude",
    "self-consistency",
    "group-by",
    "select",
    "ignore",
    "disable",
    "severity",
    "tolerance",
    "min-score",
];

/// A loaded configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from (`None` for the empty configuration).
    pub path: Option<PathBuf>,
    /// Rule ids not to run, with the line and column where each is named.
    pub disable: Vec<(String, usize, usize)>,
    /// Overrides by rule id, with the line and column of each table.
    pub overrides: BTreeMap<String, (RuleOverride, usize, usize)>,
    /// Extra rule folders, resolved against the configuration file's folder.
    pub rules_dirs: Vec<PathBuf>,
    /// The default of `--fail-on`.
    pub fail_on: Option<FailOn>,
    /// The default of `--self-consistency`.
    pub self_consistency: Option<bool>,
    /// The default of `--group-by`.
    pub group_by: Option<GroupBy>,
    /// Which walked files are read.
    pub filter: FileFilter,
    /// `select`: when given, only these rules run (`all` for every rule), with where each is
    /// named (line and column; 0 for names given on the command line).
    pub select: Option<Vec<(String, usize, usize)>>,
    /// `ignore`: rules not to run (as `[rules] disable`), with where each is named.
    pub ignore: Vec<(String, usize, usize)>,
    /// Warnings about the file (deprecated spellings), each naming file, line and column.
    pub warnings: Vec<String>,
}

/// Line and column (1-based, column in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Searches `start` (a file's folder, or a folder) and its ancestors for `crosscheck.toml`.
#[must_use]
pub fn find(start: &Path) -> Option<PathBuf> {
    let abs = normalize(&std::path::absolute(start).ok()?);
    let first = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent()?
    };
    first
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The configuration in force: the file named (`explicit`), else the one found upward from
/// `first_path` (else from the current folder), else the empty configuration.
///
/// # Errors
/// An unreadable or invalid file.
pub fn discover(explicit: Option<&Path>, first_path: Option<&Path>) -> Result<Config, Error> {
    if let Some(p) = explicit {
        return load(p);
    }
    let start = match first_path {
        Some(p) if p.as_os_str() != "-" => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match find(&start) {
        Some(p) => load(&p),
        None => Ok(Config::default()),
    }
}

/// Reads and parses one configuration file.
///
/// # Errors
/// An unreadable file, invalid TOML, unknown keys, wrong types, bad globs or values.
pub fn load(path: &Path) -> Result<Config, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    parse(path, &text)
}

/// Parses a configuration file's text; `path` names it in errors and anchors relative paths.
///
/// # Errors
/// Invalid TOML, unknown keys, wrong types, bad globs or values.
pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
    let shown = path.display().to_string();
    let f: ConfigFile = parse_toml(&shown, text).map_err(unknown_key_hint)?;
    let mut warnings = Vec::new();
    let deprecated =
        |warnings: &mut Vec<(usize, usize, String)>, old: &str, span: std::ops::Range<usize>| {
            let (line, column) = line_col(text, span.start);
            let new = old.replace('_', "-");
            warnings.push((
                line,
                column,
                format!(
                "{shown}:{line}:{column}: `{old}` is deprecated, write `{new}` (the old spelling \
                 is read until the next release)"
            ),
            ));
        };
    let at = |span: std::ops::Range<usize>, message: String| {
        let (line, column) = line_col(text, span.start);
        Error::Toml {
            path: shown.clone(),
            line,
            column,
            message,
        }
    };
    let base = std::path::absolute(path)
        .ok()
        .and_then(|p| p.parent().map(normalize))
        .unwrap_or_default();
    let rules = f.rules.unwrap_or_default();
    let mut overrides = BTreeMap::new();
    for (id, o) in rules.overrides {
        let span = o.span();
        let raw = o.into_inner();
        if let Some(old) = &raw.min_score_old {
            if raw.min_score.is_some() {
                return Err(at(
                    old.span(),
                    format!("[rules.{id}] sets both `min-score` and `min_score`"),
                ));
            }
            deprecated(&mut warnings, "min_score", old.span());
        }
        let o = RuleOverride {
            severity: raw.severity,
            tolerance: raw.tolerance,
            min_score: raw.min_score.or(raw.min_score_old.map(Spanned::into_inner)),
        };
        if o.tolerance.is_some_and(|t| !(t >= 0.0 && t.is_finite())) {
            return Err(at(
                span,
                format!("[rules.{id}] tolerance must be a number ≥ 0"),
            ));
        }
        if o.min_score.is_some_and(|s| !(0.0..=1.0).contains(&s)) {
            return Err(at(span, format!("[rules.{id}] min-score must lie in 0..1")));
        }
        let (line, col) = line_col(text, span.start);
        overrides.insert(id, (o, line, col));
    }
    let disable = rules
        .disable
        .into_iter()
        .map(|s| {
            let (line, col) = line_col(text, s.span().start);
            (s.into_inner(), line, col)
        })
        .collect();
    let filter = FileFilter::new(base.clone(), &f.include, &f.exclude)
        .map_err(|(span, message)| at(span, message))?;
    // A key in both spellings is an error; the old one alone a warning.
    macro_rules! either {
        ($new:expr, $old:expr, $name:literal) => {
            match ($new, $old) {
                (Some(_), Some(old)) => {
                    return Err(at(
                        old.span(),
                        format!(
                            "`{}` and `{}` are the same key: keep `{}`",
                            $name.replace('_', "-"),
                            $name,
                            $name.replace('_', "-")
                        ),
                    ))
                }
                (Some(v), None) => Some(v),
                (None, Some(old)) => {
                    deprecated(&mut warnings, $name, old.span());
                    Some(old.into_inner())
                }
                (None, None) => None,
            }
        };
    }
    let rules_dirs = either!(f.rules_dirs, f.rules_dirs_old, "rules_dirs").unwrap_or_default();
    let fail_on = either!(f.fail_on, f.fail_on_old, "fail_on");
    let self_consistency = either!(
        f.self_consistency,
        f.self_consistency_old,
        "self_consistency"
    );
    let group_by = either!(f.group_by, f.group_by_old, "group_by");
    let named = |v: Vec<Spanned<String>>| -> Vec<(String, usize, usize)> {
        v.into_iter()
            .map(|s| {
                let (line, col) = line_col(text, s.span().start);
                (s.into_inner(), line, col)
            })
            .collect()
    };
    Ok(Config {
        path: Some(path.to_path_buf()),
        disable,
        overrides,
        rules_dirs: rules_dirs.iter().map(|d| base.join(d)).collect(),
        fail_on,
        self_consistency,
        group_by,
        filter,
        select: f.select.map(named),
        ignore: named(f.ignore),
        warnings: {
            warnings.sort();
            warnings.into_iter().map(|(_, _, w)| w).collect()
        },
    })
}

/// serde's "unknown field `x`, expected one of `a`, `b`" rewritten for people: the key, the
/// closest key as spelled now ("did you mean"), else the keys of that table as spelled now.
fn unknown_key_hint(e: Error) -> Error {
    let Error::Toml {
        path,
        line,
        column,
        message,
    } = e
    else {
        return e;
    };
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return Error::Toml {
            path,
            line,
            column,
            message,
        };
    };
    let key = rest.split('`').next().unwrap_or_default();
    // The keys serde lists are every spelling; the deprecated ones are not offered.
    let listed: Vec<&str> = rest
        .split('`')
        .skip(1)
        .filter(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
        })
        .filter(|w| !w.is_empty() && !w.contains('_'))
        .collect();
    let known: Vec<&str> = if listed.is_empty() {
        KEYS.to_vec()
    } else {
        listed
    };
    let hint = did_you_mean(key, known.iter().copied());
    let message = if hint.is_empty() {
        format!("unknown key `{key}`; known keys: {}", known.join(", "))
    } else {
        format!("unknown key `{key}`{hint}")
    };
    Error::Toml {
        path,
        line,
        column,
        message,
    }
}

impl Config {
    /// The error for an unknown rule id named at `line:column` (0 for the command line).
    fn unknown_rule(&self, rules: &RuleSet, id: &str, line: usize, column: usize) -> Error {
        let known: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
        let hint = did_you_mean(id, known.iter().copied());
        let message = format!(
            "unknown rule {id:?}{hint}; known rules: {}",
            known.join(", ")
        );
        if line == 0 {
            return Error::Usage(message);
        }
        Error::Toml {
            path: self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            line,
            column,
            message,
        }
    }

    /// `--select` and `--ignore` given on the command line: `select` replaces the file's
    /// `select`, `ignore` adds to its `ignore`. Names are checked when the rules are applied.
    pub fn with_selection(&mut self, select: &[String], ignore: &[String]) {
        if !select.is_empty() {
            self.select = Some(select.iter().map(|s| (s.clone(), 0, 0)).collect());
        }
        self.ignore.extend(ignore.iter().map(|s| (s.clone(), 0, 0)));
    }

    /// Applies the overrides, then `select` (only the rules named run), then `disable` and
    /// `ignore`, to a rule set that already holds every rule (built-in, `rules_dirs`,
    /// `--rules`).
    ///
    /// # Errors
    /// A rule id that names no rule of the set (with "did you mean").
    pub fn apply(&self, rules: &mut RuleSet) -> Result<(), Error> {
        for (id, (o, line, col)) in &self.overrides {
            let Some(r) = rules.rules.iter_mut().find(|r| &r.id == id) else {
                return Err(self.unknown_rule(rules, id, *line, *col));
            };
            if let Some(s) = o.severity {
                r.severity = s;
            }
            if let Some(t) = o.tolerance {
                r.tolerance = t;
            }
            if let Some(m) = o.min_score {
                r.min_score = m;
            }
        }
        let named = self
            .disable
            .iter()
            .chain(&self.ignore)
            .chain(self.select.iter().flatten());
        for (id, line, col) in named {
            if id != "all" && rules.get(id).is_none() {
                return Err(self.unknown_rule(rules, id, *line, *col));
            }
        }
        if let Some(select) = &self.select {
            rules
                .rules
                .retain(|r| select.iter().any(|(id, _, _)| id == &r.id || id == "all"));
        }
        rules.rules.retain(|r| {
            !self
                .disable
                .iter()
                .chain(&self.ignore)
                .any(|(id, _, _)| id == &r.id || id == "all")
        });
        Ok(())
    }
}

/// Which walked files are read: `include` (if any) must match, `exclude` must not.
///
/// A glob without `/` matches any one component of the path (`*.md`, `drafts`); a glob with `/`
/// matches the whole path relative to the configuration file's folder (`news/**/*.html`); `*`
/// never crosses `/`, `**` does; a trailing `/` means everything below the folder.
#[derive(Debug, Clone, Default)]
pub struct FileFilter {
    base: PathBuf,
    include: Option<Globs>,
    exclude: Option<Globs>,
}

#[derive(Debug, Clone)]
struct Globs {
    names: GlobSet,
    paths: GlobSet,
}

impl Globs {
    fn new(globs: &[Spanned<String>]) -> Result<Option<Globs>, (std::ops::Range<usize>, String)> {
        if globs.is_empty() {
            return Ok(None);
        }
        let (mut names, mut paths) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        for g in globs {
            let raw = g.get_ref();
            let mut pat = raw
                .trim_start_matches("./")
                .trim_start_matches('/')
                .to_string();
            if pat.ends_with('/') {
                // `drafts/` is a folder name at any depth, as in .gitignore; `news/drafts/` is
                // that folder only.
                pat.pop();
                if pat.contains('/') {
                    pat.push_str("/**");
                }
            }
            let glob = GlobBuilder::new(&pat)
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    (
                        g.span(),
                        format!(
                            "invalid glob {raw:?}: {}",
                            e.kind().to_string().to_lowercase()
                        ),
                    )
                })?;
            if pat.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        let build = |b: GlobSetBuilder| b.build().unwrap_or_else(|_| GlobSet::empty());
        Ok(Some(Globs {
            names: build(names),
            paths: build(paths),
        }))
    }

    fn is_match(&self, rel: &Path) -> bool {
        self.paths.is_match(rel)
            || rel
                .components()
                .any(|c| matches!(c, Component::Normal(n) if self.names.is_match(n)))
    }
}

impl FileFilter {
    fn new(
        base: PathBuf,
        include: &[Spanned<String>],
        exclude: &[Spanned<String>],
    ) -> Result<FileFilter, (std::ops::Range<usize>, String)> {
        Ok(FileFilter {
            base,
            include: Globs::new(include)?,
            exclude: Globs::new(exclude)?,
        })
    }

    /// True when no glob is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.include.is_none() && self.exclude.is_none()
    }

    /// True when a walked file should be read.
    #[must_use]
    pub fn allows(&self, path: &Path) -> bool {
        if self.is_empty() {
            return true;
        }
        let abs = std::path::absolute(path).map_or_else(|_| path.to_path_buf(), |p| normalize(&p));
        let rel = abs.strip_prefix(&self.base).unwrap_or(path);
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }
}

/// Folds `.` and `..` components lexically (no file system access).
pub(crate) fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(text: &str) -> Result<Config, Error> {
        parse(Path::new("/proj/crosscheck.toml"), text)
    }

    #[test]
    fn parses_every_key() {
        let c = cfg(r#"
fail-on = "warning"
rules-dirs = ["more"]
include = ["*.md"]
exclude = ["drafts/"]
self-consistency = true
group-by = "dir"
select = ["all"]
ignore = ["duration-mismatch"]

[rules]
disable = ["superseded-figure"]

[rules.value-mismatch]
severity = "warning"
tolerance = 0.1
min-score = 0.4
"#)
        .unwrap();
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert_eq!(c.ignore[0].0, "duration-mismatch");
        assert_eq!(c.overrides["value-mismatch"].0.min_score, Some(0.4));
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.group_by, Some(GroupBy::Dir));
        assert_eq!(c.self_consistency, Some(true));
        assert_eq!(c.rules_dirs, vec![PathBuf::from("/proj/more")]);
        assert_eq!(c.disable[0].0, "superseded-figure");
        let o = &c.overrides["value-mismatch"].0;
        assert_eq!(o.severity, Some(Severity::Warning));
        assert_eq!(o.tolerance, Some(0.1));
        assert!(c.filter.allows(Path::new("/proj/news/a.md")));
        assert!(!c.filter.allows(Path::new("/proj/news/a.txt")));
        assert!(!c.filter.allows(Path::new("/proj/drafts/a.md")));
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = cfg("fail-on = \"error\"\n\n[rules.value-mismatch]\nseverty = \"note\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("/proj/crosscheck.toml:4:1: "), "{e}");
        assert!(
            e.contains("unknown key `severty`; did you mean `severity`?"),
            "{e}"
        );
        let e = cfg("include = [\"a[\"]\n").unwrap_err().to_string();
        assert!(
            e.starts_with("/proj/crosscheck.toml:1:12: invalid glob"),
            "{e}"
        );
        let e = cfg("[rules.value-mismatch]\ntolerance = -1\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("tolerance"), "{e}");
        let e = cfg("fail-on = \"sometimes\"\n").unwrap_err().to_string();
        assert!(e.starts_with("/proj/crosscheck.toml:1:11: "), "{e}");
    }

    #[test]
    fn old_spellings_are_read_with_a_deprecation_warning() {
        let c = cfg("fail_on = \"warning\"\ngroup_by = \"dir\"\n\n[rules.value-mismatch]\nmin_score = 0.5\n")
            .unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.group_by, Some(GroupBy::Dir));
        assert_eq!(c.overrides["value-mismatch"].0.min_score, Some(0.5));
        assert_eq!(c.warnings.len(), 3, "{:?}", c.warnings);
        assert!(
            c.warnings[2].starts_with(
                "/proj/crosscheck.toml:5:13: `min_score` is deprecated, write `min-score`"
            ),
            "{:?}",
            c.warnings
        );
        assert!(c
            .warnings
            .iter()
            .any(|w| w.contains("`fail_on` is deprecated, write `fail-on`")));
        let e = cfg("fail_on = \"note\"\nfail-on = \"note\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("same key"), "{e}");
    }

    #[test]
    fn unknown_keys_get_did_you_mean() {
        let e = cfg("fail-onn = \"note\"\n").unwrap_err().to_string();
        assert!(
            e.starts_with(
                "/proj/crosscheck.toml:1:1: unknown key `fail-onn`; did you mean `fail-on`?"
            ),
            "{e}"
        );
        let e = cfg("groupby = \"dir\"\n").unwrap_err().to_string();
        assert!(e.contains("did you mean `group-by`?"), "{e}");
        let e = cfg("colour = true\n").unwrap_err().to_string();
        assert!(e.contains("unknown key `colour`; known keys: "), "{e}");
        assert!(!e.contains("fail_on"), "old spellings are not offered: {e}");
    }

    #[test]
    fn select_and_ignore_choose_the_rules() {
        let mut rules = RuleSet::builtin();
        let c = cfg(
            "select = [\"value-mismatch\", \"window-mismatch\"]\nignore = [\"window-mismatch\"]\n",
        )
        .unwrap();
        c.apply(&mut rules).unwrap();
        let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["value-mismatch"]);
        // The command line's select replaces the file's; its ignore adds to it.
        let mut c = c;
        c.with_selection(&["all".into()], &["duration-mismatch".into()]);
        let mut rules = RuleSet::builtin();
        c.apply(&mut rules).unwrap();
        assert!(rules.get("value-mismatch").is_some());
        assert!(rules.get("window-mismatch").is_none());
        assert!(rules.get("duration-mismatch").is_none());
        let c = cfg("ignore = [\"value-mismach\"]\n").unwrap();
        let e = c.apply(&mut RuleSet::builtin()).unwrap_err().to_string();
        assert!(
            e.starts_with("/proj/crosscheck.toml:1:11: unknown rule \"value-mismach\"; did you mean `value-mismatch`?"),
            "{e}"
        );
    }

    #[test]
    fn unknown_rule_ids_are_errors() {
        let c = cfg("[rules]\ndisable = [\"value-mismatch\", \"no-such-rule\"]\n").unwrap();
        let e = c.apply(&mut RuleSet::builtin()).unwrap_err().to_string();
        assert!(
            e.starts_with("/proj/crosscheck.toml:2:30: unknown rule \"no-such-rule\""),
            "{e}"
        );
        let c = cfg("[rules.nope]\nseverity = \"note\"\n").unwrap();
        assert!(c.apply(&mut RuleSet::builtin()).is_err());
    }

    #[test]
    fn globs_without_slash_match_any_component() {
        let c = cfg("exclude = [\"drafts/\", \"*.htm\", \"news/old/\"]\ninclude = [\"news/**\"]\n")
            .unwrap();
        assert!(!c.filter.allows(Path::new("/proj/news/old/a.md")));
        assert!(c.filter.allows(Path::new("/proj/news/x/old/a.md")));
        assert!(c.filter.allows(Path::new("/proj/news/x/a.md")));
        assert!(!c.filter.allows(Path::new("/proj/news/drafts/a.md")));
        assert!(!c.filter.allows(Path::new("/proj/news/a.htm")));
        assert!(!c.filter.allows(Path::new("/proj/other/a.md")));
    }
}
