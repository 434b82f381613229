//! The IO boundary: walks paths, reads files and JSON Lines, and builds `Document`s.
//!
//! Architecture invariant: with configuration loading and `report/`, this is the only module that
//! touches the file system, and it only ever reads. A file that cannot be read becomes an
//! `InputError`; the other inputs are still loaded.
//!
//! Offsets stay exact whatever the bytes: invalid UTF-8 is repaired byte for byte (each bad byte
//! becomes U+001A, one byte long), never with the three-byte U+FFFD, so spans after a bad byte
//! still point at the file as stored. Binary and UTF-16 files are skipped with a notice.

pub mod claims;
pub mod docdate;
pub mod markup;

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::document::{Document, Format};

/// Re-exported: the type lives in `diagnostic`, below the stages and reports that carry it.
pub use crate::diagnostic::InputError;

/// Documents loaded from the inputs, plus the problems met on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents, in input order (paths sorted within a directory).
    pub documents: Vec<Document>,
    /// Problems; the documents that could be read are still in `documents`.
    pub errors: Vec<InputError>,
}

/// The extensions crosscheck reads when walking a directory.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// The default largest document read, in bytes (16 MiB): a news article is a few kilobytes, and
/// what a document costs in claims grows with its size.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Options for loading.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// The date that anchors documents with no date of their own.
    pub as_of: Option<jiff::civil::Date>,
    /// Larger files, standard input and JSON Lines texts are skipped with an error (the check is
    /// then incomplete), so that memory stays bounded whatever is pointed at.
    pub max_document_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            as_of: None,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

/// "skipped: 95.4 MiB is over the limit of 16.0 MiB per document (raise it with --max-file-size)".
fn too_large(size: u64, opts: &LoadOptions) -> String {
    #[allow(clippy::cast_precision_loss)]
    let mb = |b: u64| b as f64 / (1024.0 * 1024.0);
    format!(
        "skipped: {:.1} MiB is over the limit of {:.1} MiB per document (raise it with \
         --max-file-size)",
        mb(size),
        mb(opts.max_document_bytes)
    )
}

/// A size as `--max-file-size` takes it: bytes, or a number with K, M or G (powers of 1024),
/// optionally followed by "B" or "iB" ("16M", "512KiB", "1G", "4096").
///
/// # Errors
/// A message naming what was expected.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(digits);
    let n: u64 = n
        .parse()
        .map_err(|_| format!("expected a size such as 16M or 1G, found {s:?}"))?;
    let unit = unit.trim().to_ascii_lowercase();
    let shift = match unit.trim_end_matches("ib").trim_end_matches('b') {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        _ => return Err(format!("expected a size such as 16M or 1G, found {s:?}")),
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("size {s:?} is too large"))
}

/// Reads at most `limit + 1` bytes: enough to know that a stream is over the limit without
/// holding all of it.
fn read_limited(mut r: impl Read, limit: u64, size_hint: u64) -> std::io::Result<Vec<u8>> {
    // Room for the whole file and the read that finds its end: two reads, not a growing
    // series of small ones (on 10,000 small files, 79,000 reads became 20,000).
    let room = size_hint.min(limit).saturating_add(1);
    let mut buf = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    r.by_ref()
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// Loads every path: files, directories (recursively, honouring .gitignore and hidden files) and
/// `-` for standard input (read as plain text).
#[must_use]
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Loaded {
    load_paths_filtered(paths, opts, &|_| true)
}

/// `load_paths`, reading only the walked files `keep` accepts (files named explicitly are
/// always read): the configuration's `include` and `exclude` globs.
#[must_use]
pub fn load_paths_filtered(
    paths: &[PathBuf],
    opts: &LoadOptions,
    keep: &(dyn Fn(&Path) -> bool + Sync),
) -> Loaded {
    let mut loaded = Loaded::default();
    for p in paths {
        if p.as_os_str() == "-" {
            match read_limited(std::io::stdin().lock(), opts.max_document_bytes, 0) {
                Ok(buf) if buf.len() as u64 > opts.max_document_bytes => {
                    loaded.errors.push(InputError {
                        path: "-".into(),
                        message: too_large(buf.len() as u64, opts)
                            .replace("MiB is", "MiB or more is"),
                        fatal: true,
                    });
                }
                Ok(buf) => push_bytes(&mut loaded, "-".to_string(), Format::Text, &buf, opts),
                Err(e) => loaded.errors.push(InputError {
                    path: "-".into(),
                    message: format!("cannot read standard input: {e}"),
                    fatal: true,
                }),
            }
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => loaded.errors.push(InputError {
                path: p.display().to_string(),
                message: format!("cannot read: {}", path_message(p, &e)),
                fatal: true,
            }),
            Ok(m) if m.is_dir() => walk_dir(p, &mut loaded, opts, keep),
            Ok(m) if !m.is_file() => loaded.errors.push(InputError {
                path: p.display().to_string(),
                message: "skipped: not a regular file or directory".into(),
                fatal: true,
            }),
            Ok(_) => load_file(p, &mut loaded, opts),
        }
    }
    loaded
}

fn io_message(e: &std::io::Error) -> String {
    // ELOOP on Linux and the BSDs; `ErrorKind::FilesystemLoop` is not stable.
    const ELOOP: [i32; 2] = [40, 62];
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ if e.raw_os_error().is_some_and(|c| ELOOP.contains(&c)) => {
            "symbolic link loop (too many levels of symbolic links)".into()
        }
        _ => e.to_string().to_lowercase(),
    }
}

/// `io_message`, telling a broken symbolic link from a missing path.
fn path_message(path: &Path, e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        if let Ok(m) = std::fs::symlink_metadata(path) {
            if m.file_type().is_symlink() {
                let target = std::fs::read_link(path)
                    .map(|t| format!(" (its target {} does not exist)", t.display()))
                    .unwrap_or_default();
                return format!("broken symbolic link{target}");
            }
        }
    }
    io_message(e)
}

/// The path and message of an error met while walking a directory, and whether an input was
/// lost (a symbolic link loop loses nothing: what it points to is walked anyway).
fn walk_error(dir: &Path, err: &ignore::Error) -> (String, String, bool) {
    match err {
        ignore::Error::WithPath { path, err } => {
            let (_, message, fatal) = walk_error(path, err);
            (path.display().to_string(), message, fatal)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(dir, err)
        }
        ignore::Error::Loop { ancestor, child } => (
            child.display().to_string(),
            format!(
                "skipped: symbolic link loop (points to its ancestor {})",
                ancestor.display()
            ),
            false,
        ),
        ignore::Error::Io(e) => {
            // The walker wraps the OS error in its own text ("io error for operation on ...");
            // asking the file system again gives the plain error to describe.
            let message = match std::fs::metadata(dir) {
                Err(fresh) if fresh.raw_os_error().is_some() => path_message(dir, &fresh),
                _ => path_message(dir, e),
            };
            (
                dir.display().to_string(),
                format!("cannot read: {message}"),
                true,
            )
        }
        ignore::Error::Partial(errs) => errs.first().map_or_else(
            || {
                (
                    dir.display().to_string(),
                    err.to_string().to_lowercase(),
                    true,
                )
            },
            |e| walk_error(dir, e),
        ),
        _ => (
            dir.display().to_string(),
            err.to_string().to_lowercase(),
            true,
        ),
    }
}

fn walk_dir(
    dir: &Path,
    loaded: &mut Loaded,
    opts: &LoadOptions,
    keep: &(dyn Fn(&Path) -> bool + Sync),
) {
    // The directory is walked by several threads, each reading and parsing (markup, dates) the
    // files it finds right away; the parts are then put in path order (the order of a walk
    // with sorted entries, as `Path`'s ordering compares component by component), so the
    // result does not depend on the threads.
    type Part = (PathBuf, Loaded);
    let parts: std::sync::Mutex<Vec<Part>> = std::sync::Mutex::new(Vec::new());
    let threads = rayon::current_num_threads().max(1);
    ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .require_git(false)
        .follow_links(true)
        .threads(threads)
        .build_parallel()
        .run(|| {
            let parts = &parts;
            Box::new(move |entry| {
                let mut part = Loaded::default();
                let path = match entry {
                    Ok(e) => {
                        if !(e.file_type().is_some_and(|t| t.is_file())
                            && format_of(e.path()).is_some()
                            && keep(e.path()))
                        {
                            return ignore::WalkState::Continue;
                        }
                        load_file(e.path(), &mut part, opts);
                        e.into_path()
                    }
                    Err(e) => {
                        let (path, message, fatal) = walk_error(dir, &e);
                        part.errors.push(InputError {
                            path: path.clone(),
                            message,
                            fatal,
                        });
                        PathBuf::from(path)
                    }
                };
                // A poisoned lock only means another visitor panicked; its parts are intact.
                parts
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push((path, part));
                ignore::WalkState::Continue
            })
        });
    let mut parts = parts
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // Sorted by a byte key that orders like `Path` (component by component: the separator
    // becomes the lowest byte), computed once a path rather than once a comparison. Equal paths
    // (a file and an error about it) are ordered by the error's message, so the order is fixed.
    let key = |p: &Path| -> Vec<u8> {
        p.as_os_str()
            .as_encoded_bytes()
            .iter()
            .map(|&b| {
                if std::path::is_separator(char::from(b)) {
                    0
                } else {
                    b
                }
            })
            .collect()
    };
    parts.sort_by_cached_key(|(p, part)| (key(p), part.errors.first().map(|e| e.message.clone())));
    loaded
        .documents
        .reserve(parts.iter().map(|(_, l)| l.documents.len()).sum());
    for (_, part) in parts {
        loaded.documents.extend(part.documents);
        loaded.errors.extend(part.errors);
    }
}

/// The format a path's extension says, if crosscheck reads it.
#[must_use]
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

fn load_file(path: &Path, loaded: &mut Loaded, opts: &LoadOptions) {
    let id = path.display().to_string();
    let read = std::fs::File::open(path).and_then(|f| {
        let size = f.metadata()?.len();
        if size > opts.max_document_bytes {
            return Ok(Err(size));
        }
        read_limited(f, opts.max_document_bytes, size).map(Ok)
    });
    match read {
        // Over the limit, by its size or (a file growing while read) by what was read.
        Ok(Err(size)) => loaded.errors.push(InputError {
            message: too_large(size, opts),
            path: id,
            fatal: true,
        }),
        Ok(Ok(bytes)) if bytes.len() as u64 > opts.max_document_bytes => {
            loaded.errors.push(InputError {
                message: too_large(bytes.len() as u64, opts),
                path: id,
                fatal: true,
            });
        }
        Ok(Ok(bytes)) => {
            let format = format_of(path).unwrap_or(Format::Text);
            push_bytes(loaded, id, format, &bytes, opts);
        }
        Err(e) => loaded.errors.push(InputError {
            message: format!("cannot read: {}", path_message(path, &e)),
            path: id,
            fatal: true,
        }),
    }
}

fn push_bytes(loaded: &mut Loaded, id: String, format: Format, bytes: &[u8], opts: &LoadOptions) {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        loaded.errors.push(InputError {
            path: id,
            message: "skipped: UTF-16 text (convert it to UTF-8 to check it)".into(),
            fatal: false,
        });
        return;
    }
    if looks_binary(bytes) {
        loaded.errors.push(InputError {
            path: id,
            message: "skipped: binary file (contains NUL bytes)".into(),
            fatal: false,
        });
        return;
    }
    let (text, bad) = decode_exact(bytes);
    if let Some((first, count)) = bad {
        loaded.errors.push(InputError {
            path: id.clone(),
            message: format!(
                "invalid UTF-8 at byte {first} ({count} byte{} replaced by U+001A; offsets \
                 unchanged)",
                if count == 1 { "" } else { "s" }
            ),
            fatal: false,
        });
    }
    loaded
        .documents
        .push(build_document(id, format, text, None, opts));
}

/// Decodes UTF-8, replacing each invalid byte by U+001A (SUBSTITUTE), which is one byte long, so
/// every byte offset of the text is the offset of the same byte in the file (a lossy decode with
/// U+FFFD would shift every later offset by two per bad byte). Returns the text and, if bytes were
/// replaced, the offset of the first and how many.
#[must_use]
pub fn decode_exact(bytes: &[u8]) -> (String, Option<(usize, usize)>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            let mut first = None;
            let mut count = 0;
            let mut rest = bytes;
            let mut off = 0;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // The prefix is valid by construction.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        first.get_or_insert(off + good);
                        count += bad;
                        out.extend(std::iter::repeat_n('\u{1a}', bad));
                        rest = &rest[good + bad..];
                        off += good + bad;
                    }
                }
            }
            (out, first.map(|f| (f, count)))
        }
    }
}

/// True when the bytes look like a binary file rather than text.
#[must_use]
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|b| *b == 0)
}

/// Builds a document of `format` from its stored text, finding its date.
#[must_use]
pub fn build_document(
    id: String,
    format: Format,
    text: String,
    date: Option<jiff::civil::Date>,
    opts: &LoadOptions,
) -> Document {
    let mut doc = match format {
        Format::Text => Document::plain(id, text),
        Format::Markdown => markup::markdown(id, text),
        Format::Html => markup::html(id, text),
    };
    if let Some(d) = date {
        doc.date = Some(d);
        doc.date_source = Some("json lines");
    }
    if doc.date.is_none() {
        if let Some((d, src)) = docdate::find(&doc) {
            doc.date = Some(d);
            doc.date_source = Some(src);
        }
    }
    if doc.date.is_none() {
        if let Some(d) = opts.as_of {
            doc.date = Some(d);
            doc.date_source = Some("--as-of");
        }
    }
    doc
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlRecord {
    id: Option<serde_json::Value>,
    text: String,
    date: Option<String>,
    group: Option<String>,
    #[serde(default)]
    format: Option<String>,
}

/// All of `path`, or of standard input for `-`.
fn read_path_or_stdin(path: &Path) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// Reads claims files (`extract --format jsonl --context`; `-` for standard input) for
/// `check --claims`: their documents, claims and profiles, in file order.
#[must_use]
pub fn load_claims(paths: &[PathBuf]) -> claims::ClaimsInput {
    let mut out = claims::ClaimsInput::default();
    for path in paths {
        let name = path.display().to_string();
        match read_path_or_stdin(path) {
            Ok(buf) => claims::parse(&name, &buf, &mut out),
            Err(e) => out.errors.push(InputError {
                path: name,
                message: format!("cannot read: {}", path_message(path, &e)),
                fatal: true,
            }),
        }
    }
    out
}

/// Loads JSON Lines documents (`{"id", "text", "date", "group"}`) from `path` (`-` for standard
/// input). A malformed line is an error naming its line number; the other lines are still read.
#[must_use]
pub fn load_jsonl(path: &Path, opts: &LoadOptions) -> Loaded {
    let name = path.display().to_string();
    let mut loaded = Loaded::default();
    match read_path_or_stdin(path) {
        Ok(buf) => parse_jsonl(&name, &buf, opts, &mut loaded),
        Err(e) => loaded.errors.push(InputError {
            path: name,
            message: format!("cannot read: {}", path_message(path, &e)),
            fatal: true,
        }),
    }
    loaded
}

/// Parses JSON Lines bytes into documents; see `load_jsonl`.
pub fn parse_jsonl(name: &str, bytes: &[u8], opts: &LoadOptions, loaded: &mut Loaded) {
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let lineno = i + 1;
        if std::str::from_utf8(line).is_err() {
            loaded.errors.push(InputError {
                path: name.to_string(),
                message: format!("line {lineno}: invalid UTF-8, decoded lossily"),
                fatal: false,
            });
        }
        let line = String::from_utf8_lossy(line);
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let fail = |loaded: &mut Loaded, message: String| {
            loaded.errors.push(InputError {
                path: name.to_string(),
                message: format!("line {lineno}: {message}"),
                fatal: true,
            });
        };
        let rec: JsonlRecord = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                fail(loaded, format!("invalid JSON Lines record: {e}"));
                continue;
            }
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            None => format!("{name}:{lineno}"),
            Some(other) => {
                fail(
                    loaded,
                    format!("expected \"id\" to be a string, found {other}"),
                );
                continue;
            }
        };
        let date = match rec.date.as_deref() {
            None | Some("") => None,
            // A timestamp ("2025-03-04T10:00:00Z") gives its calendar date.
            Some(d) => match date_part(d).parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    fail(
                        loaded,
                        format!("expected \"date\" as YYYY-MM-DD, found {d:?}"),
                    );
                    None
                }
            },
        };
        if rec.text.len() as u64 > opts.max_document_bytes {
            fail(loaded, too_large(rec.text.len() as u64, opts));
            continue;
        }
        let format = match rec.format.as_deref() {
            Some("markdown" | "md") => Format::Markdown,
            Some("html") => Format::Html,
            _ => Format::Text,
        };
        let mut doc = build_document(id, format, rec.text, date, opts);
        doc.group = rec.group;
        loaded.documents.push(doc);
    }
}

/// The calendar-date part of a JSON Lines `date`: all of it, or what precedes the time of a
/// timestamp ("2025-03-04T10:00:00Z").
fn date_part(d: &str) -> &str {
    match d.as_bytes().get(10) {
        Some(b'T' | b't' | b' ') => &d[..10],
        _ => d,
    }
}
