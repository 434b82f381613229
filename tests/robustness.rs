//! Hostile and broken input through the command line: the README's table of bad inputs, row by
//! row. Each row asserts what the input gets (the message naming the file, and line where there
//! is one), that the other inputs are still checked, the exit code, and that nothing is written to
//! the inputs. Rows covered at the loader level elsewhere say so.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod support;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Two good documents that disagree (one finding at error level), to show the rest is checked.
fn good_pair(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "March 3, 2025 — The Harlow water board said its reservoir project will cost \
         $42 million, according to the board's chair.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "March 4, 2025 — The Harlow water board said on Monday its reservoir project will \
         cost $24 million, the board's chair said.\n",
    )
    .unwrap();
}

fn check_json(args: &[&std::ffi::OsStr]) -> (Output, serde_json::Value) {
    let out = bin()
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON report ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out, v)
}

fn errors_for<'a>(v: &'a serde_json::Value, name: &str) -> Vec<&'a str> {
    v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["path"].as_str().unwrap().ends_with(name))
        .map(|e| e["message"].as_str().unwrap())
        .collect()
}

fn documents(v: &serde_json::Value) -> usize {
    v["documents"].as_array().unwrap().len()
}

fn findings(v: &serde_json::Value) -> usize {
    v["findings"].as_array().unwrap().len()
}

/// Every file's bytes under `dir`, to show a run wrote nothing to its inputs.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn binary_invalid_utf8_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    good_pair(dir.path());
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let latin1: &[u8] =
        b"March 5, 2025 \xe2\x80\x94 The Harlow water board caf\xe9 project will cost $42 million.";
    std::fs::write(dir.path().join("latin1.txt"), latin1).unwrap();
    let bad_byte = latin1.iter().position(|&b| b == 0xe9).unwrap();
    std::fs::write(dir.path().join("empty.md"), b"").unwrap();
    let before = snapshot(dir.path());
    let (out, v) = check_json(&[dir.path().as_os_str()]);
    // Binary: skipped with a notice; invalid UTF-8: read, with a warning naming the byte.
    assert_eq!(
        errors_for(&v, "image.txt"),
        ["skipped: binary file (contains NUL bytes)"]
    );
    let latin = errors_for(&v, "latin1.txt");
    assert!(
        latin[0].starts_with(&format!("invalid UTF-8 at byte {bad_byte} ")),
        "{latin:?}"
    );
    // Empty: a document with nothing in it, no message.
    assert!(errors_for(&v, "empty.md").is_empty());
    assert_eq!(documents(&v), 4, "a, b, latin1 and empty are documents");
    assert!(findings(&v) >= 1);
    // Warnings do not make the check incomplete: the exit code is the findings'.
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(snapshot(dir.path()), before, "inputs were written to");
}

#[test]
fn a_file_over_the_size_limit_is_skipped_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    good_pair(dir.path());
    // 100 MB, sparse: its size alone decides.
    let big = std::fs::File::create(dir.path().join("dump.txt")).unwrap();
    big.set_len(100 * 1000 * 1000).unwrap();
    drop(big);
    let (out, v) = check_json(&[dir.path().as_os_str()]);
    let msg = errors_for(&v, "dump.txt");
    assert_eq!(
        msg,
        [
            "skipped: 95.4 MiB is over the limit of 16.0 MiB per document (raise it with \
          --max-file-size)"
        ]
    );
    assert_eq!(documents(&v), 2);
    assert!(findings(&v) >= 1);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a skipped input makes the check incomplete"
    );
    // The limit is the user's to set; a bad size is a usage error.
    let out = bin()
        .args(["check", "--max-file-size", "sixteen"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-file-size"));
}

#[test]
fn standard_input_and_jsonl_texts_have_the_same_limit() {
    let text = "The board said the project will cost $42 million. ".repeat(40);
    let out = bin()
        .args(["extract", "--max-file-size", "1K", "-"])
        .stdin_bytes(text.as_bytes())
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("-: skipped:") && err.contains("MiB or more"),
        "{err}"
    );
    let record = serde_json::json!({"id": "long", "text": text}).to_string();
    let small = serde_json::json!({"id": "short", "text": "It cost $42 million."}).to_string();
    let out = bin()
        .args([
            "extract",
            "--max-file-size",
            "1K",
            "--jsonl",
            "-",
            "--format",
            "jsonl",
        ])
        .stdin_bytes(format!("{small}\n{record}\n").as_bytes())
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2: skipped:"), "{err}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("\"doc\":\"short\""),
        "the other record is still read"
    );
}

/// Spawns with `bytes` on standard input and waits.
trait StdinBytes {
    fn stdin_bytes(&mut self, bytes: &[u8]) -> std::io::Result<Output>;
}

impl StdinBytes for Command {
    fn stdin_bytes(&mut self, bytes: &[u8]) -> std::io::Result<Output> {
        use std::io::Write;
        let mut child = self
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()?;
        let mut stdin = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        // Write from a thread: the child may stop reading (limit reached) before taking all.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
        let out = child.wait_with_output();
        writer.join().unwrap();
        out
    }
}

/// A 10 MB line with no sentence end: news-like words, a figure every few hundred bytes.
fn one_long_line() -> String {
    let words = [
        "the",
        "council",
        "said",
        "spending",
        "on",
        "roads",
        "rose",
        "by",
        "12%",
        "to",
        "$4.2",
        "million",
        "while",
        "some",
        "300",
        "homes",
        "were",
        "built",
        "over",
        "three",
        "years",
        "and",
        "residents",
        "across",
        "the",
        "district",
        "waited",
        "for",
        "repairs",
        "that",
        "officials",
        "had",
        "promised",
        "in",
        "March",
    ];
    let mut s = String::with_capacity(10_100_000);
    let mut i = 0usize;
    while s.len() < 10_000_000 {
        // A fixed stride through the words, with a prime step so phrases vary.
        s.push_str(words[(i * 7 + i / words.len()) % words.len()]);
        s.push(' ');
        i += 1;
    }
    s.push_str("and the final cost was $9.9 million");
    s
}

#[test]
fn a_10_mb_single_line_is_read_in_bounded_pieces() {
    let dir = tempfile::tempdir().unwrap();
    good_pair(dir.path());
    let line = one_long_line();
    std::fs::write(dir.path().join("line.txt"), &line).unwrap();
    let out = bin()
        .args(["extract", "--format", "jsonl"])
        .arg(dir.path().join("line.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // The last figure is found, on line 1, at its character column.
    let last = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|c| c["text"] == "$9.9 million")
        .expect("the figure at the end of the line");
    let at = line.rfind("$9.9 million").unwrap();
    assert_eq!(last["start"], at);
    assert_eq!(last["line"], 1);
    assert_eq!(last["column"], at + 1, "ASCII: column is offset + 1");
    // And the whole check finishes with the other documents compared.
    let (out, v) = check_json(&[dir.path().as_os_str()]);
    assert_eq!(documents(&v), 3);
    assert!(findings(&v) >= 1);
    assert!(matches!(out.status.code(), Some(0 | 1)));
}

#[test]
fn deeply_nested_html_is_read() {
    let dir = tempfile::tempdir().unwrap();
    good_pair(dir.path());
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>The Harlow water board project will cost $42 million.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(dir.path().join("deep.html"), html).unwrap();
    let (out, v) = check_json(&[dir.path().as_os_str()]);
    assert!(errors_for(&v, "deep.html").is_empty());
    assert_eq!(documents(&v), 3);
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let out = bin()
        .args(["extract", "--format", "jsonl"])
        .arg(dir.path().join("deep.html"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"text\":\"$42 million\""));
}

#[test]
#[cfg(unix)]
fn unreadable_files_broken_symlinks_and_loops() {
    let dir = tempfile::tempdir().unwrap();
    good_pair(dir.path());
    // A file whose read fails even for root: /proc/self/mem is a regular file that cannot be
    // read from offset 0.
    std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("unreadable.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("broken.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("loop2.txt"), dir.path().join("loop1.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("loop1.txt"), dir.path().join("loop2.txt")).unwrap();
    let paths: Vec<PathBuf> = [
        "unreadable.txt",
        "broken.txt",
        "loop1.txt",
        "a.txt",
        "b.txt",
    ]
    .iter()
    .map(|n| dir.path().join(n))
    .collect();
    let args: Vec<&std::ffi::OsStr> = paths.iter().map(|p| p.as_os_str()).collect();
    let (out, v) = check_json(&args);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(documents(&v), 2, "the readable documents are still checked");
    assert!(findings(&v) >= 1);
    for name in ["unreadable.txt", "broken.txt", "loop1.txt"] {
        let msg = errors_for(&v, name);
        assert_eq!(msg.len(), 1, "{name}: {msg:?}");
        assert!(msg[0].starts_with("cannot read"), "{name}: {msg:?}");
    }
    assert!(errors_for(&v, "broken.txt")[0].contains("gone.txt"));
    assert!(errors_for(&v, "loop1.txt")[0].contains("loop"));
    // Walking the directory meets the same links and says the same.
    let (out, v) = check_json(&[dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(documents(&v), 2);
    for name in ["unreadable.txt", "broken.txt", "loop1.txt", "loop2.txt"] {
        assert_eq!(errors_for(&v, name).len(), 1, "{name}: {v}");
    }
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    good_pair(dir.path());
    let missing = dir.path().join("no-such.md");
    let (out, v) = check_json(&[dir.path().as_os_str(), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(documents(&v), 2);
    let msg = errors_for(&v, "no-such.md");
    assert!(msg[0].contains("cannot read"), "{msg:?}");
}

#[test]
fn malformed_json_lines() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"The board said the project will cost $42 million.\"}\n",
        "{\"id\": \"b\", \"text\": \"unterminated\n",
        "[1, 2, 3]\n",
        "{\"id\": \"c\", \"date\": \"yesterday\", \"text\": \"It cost $24 million.\"}\n",
        "{\"id\": \"d\", \"text\": \"The board said the project will cost $24 million.\"}\n",
    );
    let out = bin()
        .args(["check", "--jsonl", "-", "--format", "json"])
        .stdin_bytes(input.as_bytes())
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert!(lines[0].starts_with("line 2:"), "{lines:?}");
    assert!(lines[1].starts_with("line 3:"), "{lines:?}");
    assert!(
        lines[2].starts_with("line 4: expected \"date\""),
        "{lines:?}"
    );
    // Lines 1 and 5 (and line 4's text, without its bad date) are still checked.
    assert!(documents(&v) >= 2);
}

#[test]
fn broken_rules_lexicon_and_configuration_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    good_pair(dir.path());
    let rules = tempfile::tempdir().unwrap();
    std::fs::create_dir(rules.path().join("lexicon")).unwrap();
    std::fs::write(
        rules.path().join("lexicon/terms.toml"),
        "related = [[\"cost\", \"price\"]]\n\ncolour = \"red\"\n",
    )
    .unwrap();
    let out = bin()
        .arg("check")
        .arg(dir.path())
        .arg("--rules")
        .arg(rules.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("terms.toml:3:"), "{err}");
    assert!(err.contains("colour"), "{err}");

    let config = dir.path().join("crosscheck.toml");
    std::fs::write(&config, "fail_on = \"warning\"\nthreads = 4\n").unwrap();
    let out = bin().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("crosscheck.toml:2:"), "{err}");
    assert!(err.contains("threads"), "{err}");
}

#[test]
fn extreme_numbers_stay_finite_or_are_skipped() {
    let text = "The fund holds 1e999 units, 999,999,999,999,999,999,999 people were counted, \
                0.0000000001% of them replied, and 1e-999 is a rounding error.";
    let out = bin()
        .args(["extract", "--format", "jsonl", "-"])
        .stdin_bytes(text.as_bytes())
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let claims: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let point = |t: &str| {
        claims
            .iter()
            .find(|c| c["text"].as_str().unwrap().starts_with(t))
            .map(|c| c["value"]["point"].as_f64().unwrap())
    };
    assert_eq!(point("999,999,999,999,999,999,999"), Some(1e21));
    assert_eq!(point("0.0000000001%"), Some(1e-10));
    // An exponent beyond f64 is no value at all rather than infinity or zero.
    assert_eq!(point("1e999"), None);
    assert_eq!(point("1e-999"), None);
    for c in &claims {
        for k in ["point", "low", "high"] {
            let x = &c["value"][k];
            assert!(x.is_null() || x.as_f64().is_some_and(f64::is_finite), "{c}");
        }
    }
}

/// The same findings, byte for byte, with one thread and with many, and across runs.
#[test]
fn output_does_not_depend_on_threads_or_runs() {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")];
    let gold = support::shared("gold/clusters", "determinism on the story clusters");
    if let Some(rd) = gold.and_then(|g| std::fs::read_dir(g).ok()) {
        let mut more: Vec<PathBuf> = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        more.sort();
        dirs.extend(more);
    }
    for format in ["json", "sarif", "human"] {
        let run = |threads: &str| {
            let out = bin()
                .env("RAYON_NUM_THREADS", threads)
                .env("NO_COLOR", "1")
                .arg("check")
                .args(&dirs)
                .args(["--group-by", "dir", "--format", format])
                .output()
                .unwrap();
            assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
            // The human summary ends with the elapsed time: the one thing allowed to differ.
            String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .map(|l| match l.rfind(" in ") {
                    Some(i) if l.ends_with(" ms") => &l[..i],
                    _ => l,
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(one, run("4"), "{format}: 1 thread vs 4");
        assert_eq!(one, run("4"), "{format}: run to run");
    }
}
