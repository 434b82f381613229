//! The one public error type. Messages are lowercase, say what was expected and what was found,
//! and name the file (and line) involved.

use std::path::PathBuf;

/// Everything that can go wrong outside extraction and evaluation (which never fail).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A TOML file (rule, lexicon, configuration) is invalid.
    #[error("{path}:{line}:{column}: {message}")]
    Toml {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected and found.
        message: String,
    },
    /// A JSON Lines record is invalid.
    #[error("{path}:{line}: {message}")]
    Jsonl {
        /// The file (or `-`).
        path: String,
        /// 1-based line.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// A rule or configuration is well-formed TOML but makes no sense.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// What was wrong.
        message: String,
    },
    /// Bad arguments or no input.
    #[error("{0}")]
    Usage(String),
}

/// Parses TOML strictly into `T`, turning errors into `Error::Toml` with line and column.
///
/// # Errors
/// When the text is not valid TOML or does not match `T` (unknown keys included, where `T`
/// denies them).
pub fn parse_toml<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, Error> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| {
            let before = &text[..s.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, col)
        });
        Error::Toml {
            path: path.to_string(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })
}

/// The known name closest to `word` when it is close enough to be a likely misspelling
/// (Jaro-Winkler similarity of at least 0.8, `_` and `-` read alike), for "did you mean".
#[must_use]
pub fn suggest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace('_', "-");
    let w = norm(word);
    known
        .into_iter()
        .filter(|k| *k != word)
        .map(|k| (strsim::jaro_winkler(&w, &norm(k)), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// "; did you mean `x`?" for the closest known name, or nothing.
#[must_use]
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    suggest(word, known).map_or_else(String::new, |k| format!("; did you mean `{k}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_close_names_only() {
        let known = ["fail-on", "group-by", "self-consistency", "select"];
        assert_eq!(suggest("fail_onn", known), Some("fail-on"));
        assert_eq!(suggest("groupby", known), Some("group-by"));
        assert_eq!(suggest("colour", known), None);
        assert_eq!(
            did_you_mean("value-mismtach", ["value-mismatch", "window-mismatch"]),
            "; did you mean `value-mismatch`?"
        );
        assert_eq!(did_you_mean("zzz", ["value-mismatch"]), "");
    }
}
