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
