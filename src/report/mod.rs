//! Reports for people (human, html, markdown) and machines (json, jsonl, sarif, github).
//!
//! Reporters only format: they receive the finished `Run` and return text. The order of findings
//! is decided once, in `check`. The one file-system write of the reports, `write_atomic`, is here
//! so that `--output` never leaves a half-written report behind.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod values;

use std::io::Write;
use std::path::Path;

use crate::claim::Claim;
use crate::document::{Document, Span};
use crate::segment;

/// Where a claim stands in its file: byte range and 1-based line and column (characters) of both
/// ends; the end column is exclusive (the column just after the last character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The path as given or found; the id for JSON Lines input.
    pub path: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Line of the first character.
    pub line: usize,
    /// Column of the first character.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column just after the last character.
    pub end_column: usize,
}

impl Place {
    /// The place of a claim in its document.
    #[must_use]
    pub fn of(doc: &Document, c: &Claim) -> Place {
        let (line, column) = doc.line_col(c.span.start);
        let (end_line, end_column) = doc.line_col(c.span.end);
        Place {
            path: doc.id.clone(),
            start: c.span.start,
            end: c.span.end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// `path:line:column`.
    #[must_use]
    pub fn short(&self) -> String {
        format!("{}:{}:{}", self.path, self.line, self.column)
    }
}

/// The sentence a claim stands in, split around the claim: (before, claim, after), read from the
/// prose with line breaks turned into spaces. `None` when no sentence holds the claim.
#[must_use]
pub fn sentence_parts(doc: &Document, c: &Claim) -> Option<(String, String, String)> {
    sentence_parts_in(doc, &segment::sentences(&doc.prose), c)
}

/// `sentence_parts` with the document's sentences already cut (`segment::sentences` of its
/// prose), for reporters that quote many claims of one document.
#[must_use]
pub fn sentence_parts_in(
    doc: &Document,
    sentences: &[Span],
    c: &Claim,
) -> Option<(String, String, String)> {
    // Sentences are in order and do not overlap: the last one starting at or before the claim is
    // the only one that can hold it.
    let i = sentences.partition_point(|s| s.start <= c.prose.start);
    let s = sentences[..i].last().filter(|s| c.prose.end <= s.end)?;
    let before = squash(doc.prose.get(s.start..c.prose.start)?);
    let claim = squash(doc.prose.get(c.prose.start..c.prose.end)?);
    let after = squash(doc.prose.get(c.prose.end..s.end)?);
    Some((
        before.trim_start().to_string(),
        claim,
        after.trim_end().to_string(),
    ))
}

/// Turns every run of whitespace into one space, keeping a run at either end as one space.
fn squash(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut in_space = false;
    for ch in t.chars() {
        if ch.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(ch);
            in_space = false;
        }
    }
    out
}

/// Writes `data` to `path` atomically: into a temporary file in the same directory, flushed to
/// disk, then renamed over `path`. Readers see the old file or the whole new one, never a part.
///
/// Only a regular file (or a name not yet taken) is replaced that way. A symbolic link is
/// followed, so the file it points at gets the data and the link stays; anything else that is not
/// a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is opened and written in place:
/// renaming over it would swap a device for a plain file, for every later user of that name.
pub fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, &mut |w| w.write_all(data))
}

/// `write_atomic` with the data written by `write` (through a buffer), so a large report need
/// not be held whole in memory first.
///
/// # Errors
/// When the file cannot be created, written, flushed or renamed, or `write` fails.
pub fn write_atomic_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let target = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(e),
    };
    if let Ok(meta) = std::fs::metadata(&target) {
        if !meta.is_file() {
            let f = std::fs::OpenOptions::new().write(true).open(&target)?;
            let mut w = std::io::BufWriter::new(f);
            write(&mut w)?;
            return w.flush();
        }
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = target.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{}: not a file name", path.display()),
        )
    })?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
        write(&mut w)?;
        let f = w
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A stable 64-bit FNV-1a hash, written as 16 hex digits. Unlike `std`'s hashers it never
/// changes between Rust versions or runs, so it can key findings across runs.
#[must_use]
pub fn stable_hash(data: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(stable_hash(b""), "cbf29ce484222325");
        assert_eq!(stable_hash(b"a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn write_atomic_replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        std::fs::write(&p, "old and longer").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_writer_failing_halfway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        std::fs::write(&p, "old").unwrap();
        let big = vec![b'x'; 1 << 20];
        let err = write_atomic_with(&p, &mut |w| {
            w.write_all(&big)?;
            Err(std::io::Error::other("renderer failed"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "renderer failed");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn write_atomic_leaves_devices_and_links_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let is_device =
            || std::fs::metadata("/dev/null").is_ok_and(|m| m.file_type().is_char_device());
        if is_device() {
            write_atomic(Path::new("/dev/null"), b"discarded").unwrap();
            assert!(is_device(), "/dev/null was replaced by a file");
        } else {
            println!("skipped the /dev/null half: it is not a character device on this machine");
        }

        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn write_atomic_into_a_missing_directory_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/out.txt");
        assert!(write_atomic(&p, b"x").is_err());
    }
}
