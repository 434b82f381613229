//! The dependency rule of ARCHITECTURE.md, held: the modules of `src/` import each other one way.
//!
//! What is checked, precisely: every file under `src/` except the crate root (`lib.rs`) and the
//! binary (`main.rs`, which sits above everything), with its comments, strings and character
//! literals blanked, is read for the paths that name another top-level module: `crate::x` (in
//! `use` lines, grouped `use crate::{x, y::z}` and inline paths alike, unit tests included) and
//! `super::x` where the `super`s climb out of the file to the crate root. A file belongs to its
//! top-level module (`src/input/claims.rs` to `input`); imports between the files of one module
//! are that module's own business. Two tests read the graph: no circle between modules, and every
//! import goes to a lower layer of the list in ARCHITECTURE.md's "Dependency rule" section (the
//! one place the order is written).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// One import of another top-level module: `from` names `to`, at `at` (`src/file.rs:line`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Import {
    from: String,
    to: String,
    at: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// `src` with comments, strings and character literals replaced by spaces (newlines kept, so
/// line numbers hold).
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for x in &mut out[from..to.min(b.len())] {
            if *x != b'\n' {
                *x = b' ';
            }
        }
    };
    let ident = |i: usize| i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_');
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev_ident = i > 0 && ident(i - 1);
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            let end = src[i..].find('\n').map_or(b.len(), |j| i + j);
            blank(&mut out, i, end);
            i = end;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let (mut depth, mut j) = (1, i + 2);
            while j < b.len() && depth > 0 {
                if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                    depth += 1;
                    j += 2;
                } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if c == b'r'
            && (!prev_ident || (i > 0 && b[i - 1] == b'b' && !(i > 1 && ident(i - 2))))
            && matches!(b.get(i + 1), Some(b'"' | b'#'))
        {
            // A raw string: r"..", r#".."#, br"..".
            let hashes = b[i + 1..].iter().take_while(|&&x| x == b'#').count();
            if b.get(i + 1 + hashes) == Some(&b'"') {
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let body = i + 2 + hashes;
                let end = src[body..]
                    .find(&close)
                    .map_or(b.len(), |j| body + j + close.len());
                blank(&mut out, i + 1, end);
                i = end;
            } else {
                i += 1;
            }
        } else if c == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if c == b'\'' {
            // A character literal ('x', '\n', '\u{..}') or a lifetime ('a), which is code.
            if b.get(i + 1) == Some(&b'\\') {
                let end = src
                    .get(i + 3..)
                    .and_then(|r| r.find('\''))
                    .map_or(b.len(), |j| i + 3 + j + 1);
                blank(&mut out, i, end);
                i = end;
            } else if let Some(ch) = src[i + 1..].chars().next() {
                let after = i + 1 + ch.len_utf8();
                if b.get(after) == Some(&b'\'') {
                    blank(&mut out, i, after + 1);
                    i = after + 1;
                } else {
                    i += 1;
                }
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("only ASCII bytes were replaced")
}

/// The tokens of code: identifiers (with their line), `::`, and single punctuation characters.
fn tokens(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = code.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            line += 1;
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '_' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push((code[i..end].trim_start_matches('$').to_string(), line));
        } else if c == ':' && chars.peek().is_some_and(|&(_, d)| d == ':') {
            chars.next();
            out.push(("::".to_string(), line));
        } else if !c.is_whitespace() {
            out.push((c.to_string(), line));
        }
    }
    out
}

/// The crate-root names a file's code reaches (`crate::x`, `super::x` out of the file), with
/// their lines. `depth` is how many `super`s take the file's own module to the crate root (1
/// for `src/x.rs` and `src/x/mod.rs`, 2 for `src/x/y.rs`).
fn root_paths(src: &str, depth: usize) -> Vec<(String, usize)> {
    let t = tokens(&code_only(src));
    let is = |i: usize, s: &str| t.get(i).is_some_and(|(x, _)| x == s);
    let mut out = Vec::new();
    // Brace depth, and the depths at which inline modules (`mod tests {`) opened.
    let (mut braces, mut mods) = (0usize, Vec::new());
    let mut i = 0;
    while i < t.len() {
        let word = &t[i].0;
        if word == "{" {
            if i >= 2 && is(i - 2, "mod") {
                mods.push(braces);
            }
            braces += 1;
        } else if word == "}" {
            braces = braces.saturating_sub(1);
            if mods.last() == Some(&braces) {
                mods.pop();
            }
        }
        let after_path = i > 0 && is(i - 1, "::");
        let mut at_root = None;
        if word == "crate" && is(i + 1, "::") && !after_path {
            at_root = Some(i + 2);
        } else if word == "super" && !after_path {
            let mut j = i;
            let mut supers = 0;
            while is(j, "super") && is(j + 1, "::") {
                supers += 1;
                j += 2;
            }
            if supers > 0 && supers >= depth + mods.len() {
                at_root = Some(j);
            }
        }
        if let Some(j) = at_root {
            if is(j, "{") {
                // A group: the first name of each item at its top level.
                let (mut level, mut k, mut first) = (0, j, true);
                while k < t.len() {
                    match t[k].0.as_str() {
                        "{" => {
                            level += 1;
                            first = level == 1;
                        }
                        "}" => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        "," if level == 1 => first = true,
                        w if first && level == 1 => {
                            out.push((w.to_string(), t[k].1));
                            first = false;
                        }
                        _ => {}
                    }
                    k += 1;
                }
            } else if let Some((w, l)) = t.get(j) {
                out.push((w.clone(), *l));
            }
        }
        i += 1;
    }
    out
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules of `src/` and the imports between them.
fn imports() -> (BTreeSet<String>, Vec<Import>) {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut parsed = Vec::new();
    let mut modules = BTreeSet::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap();
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.len() == 1 && (parts[0] == "lib.rs" || parts[0] == "main.rs") {
            continue;
        }
        let module = parts[0].trim_end_matches(".rs").to_string();
        let depth = parts.len() - usize::from(parts.last().is_some_and(|p| p == "mod.rs"));
        modules.insert(module.clone());
        parsed.push((module, format!("src/{}", parts.join("/")), depth, f));
    }
    let mut out = Vec::new();
    for (module, name, depth, path) in parsed {
        let text = std::fs::read_to_string(&path).unwrap();
        for (to, line) in root_paths(&text, depth) {
            if to != module && modules.contains(&to) {
                out.push(Import {
                    from: module.clone(),
                    to,
                    at: format!("{name}:{line}"),
                });
            }
        }
    }
    (modules, out)
}

/// A circle of the graph, as the modules on it (the first repeated at the end), if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        v: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == v) {
            let mut cycle = path[at..].to_vec();
            cycle.push(v.to_string());
            return Some(cycle);
        }
        if done.contains(v) {
            return None;
        }
        path.push(v.to_string());
        for w in graph.get(v).into_iter().flatten() {
            if let Some(c) = visit(w, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(v.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for v in graph.keys() {
        if let Some(c) = visit(v, graph, &mut done, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

fn graph_of(imports: &[Import]) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for i in imports {
        g.entry(i.from.clone()).or_default().insert(i.to.clone());
    }
    g
}

/// The circle named with one import for each of its steps, or `None`.
fn circle(imports: &[Import]) -> Option<String> {
    let cycle = find_cycle(&graph_of(imports))?;
    let mut text = cycle.join(" -> ");
    for w in cycle.windows(2) {
        if let Some(i) = imports.iter().find(|i| i.from == w[0] && i.to == w[1]) {
            let _ = write!(text, "\n  {} imports {}", i.at, i.to);
        }
    }
    Some(text)
}

/// The layers of ARCHITECTURE.md's "Dependency rule" section, lowest first: the lines of the
/// first indented block after its heading, each a list of module names.
fn declared_layers(architecture: &str) -> Vec<Vec<String>> {
    let mut lines = architecture
        .lines()
        .skip_while(|l| l.trim() != "## Dependency rule")
        .skip(1)
        .skip_while(|l| !l.starts_with("    "));
    let mut layers = Vec::new();
    for l in lines.by_ref() {
        if !l.starts_with("    ") {
            break;
        }
        layers.push(l.split_whitespace().map(str::to_string).collect());
    }
    layers
}

/// The imports that go sideways or up the layers, as messages.
fn against_the_order(layers: &[Vec<String>], imports: &[Import]) -> Vec<String> {
    let layer = |m: &str| layers.iter().position(|l| l.iter().any(|x| x == m));
    let mut out = Vec::new();
    for i in imports {
        if let (Some(from), Some(to)) = (layer(&i.from), layer(&i.to)) {
            if to >= from {
                out.push(format!(
                    "{}: {} (layer {}) imports {} (layer {}); a module imports only lower layers",
                    i.at,
                    i.from,
                    from + 1,
                    i.to,
                    to + 1
                ));
            }
        }
    }
    out
}

fn layers() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let layers = declared_layers(&text);
    assert!(
        layers.len() > 3,
        "ARCHITECTURE.md has no '## Dependency rule' section with an indented list of layers"
    );
    layers
}

#[test]
fn no_import_circle_between_modules() {
    let (_, imports) = imports();
    assert!(imports.len() > 50, "only {} imports read", imports.len());
    if let Some(c) = circle(&imports) {
        panic!("import circle between modules of src/: {c}");
    }
}

#[test]
fn the_declared_layers_name_every_module_once() {
    let (modules, _) = imports();
    let layers = layers();
    let listed: Vec<&String> = layers.iter().flatten().collect();
    let set: BTreeSet<String> = listed.iter().map(|s| (*s).clone()).collect();
    assert_eq!(
        set.len(),
        listed.len(),
        "a module is listed twice: {listed:?}"
    );
    let missing: Vec<_> = modules.difference(&set).collect();
    let extra: Vec<_> = set.difference(&modules).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "ARCHITECTURE.md's dependency rule must list every module of src/: missing {missing:?}, \
         not in src/ {extra:?}"
    );
}

#[test]
fn every_import_goes_down_the_declared_layers() {
    let (_, imports) = imports();
    let bad = against_the_order(&layers(), &imports);
    assert!(
        bad.is_empty(),
        "imports against ARCHITECTURE.md's dependency rule:\n{}",
        bad.join("\n")
    );
}

// The checks themselves, on made-up input: they can fail.

fn import(from: &str, to: &str) -> Import {
    Import {
        from: from.into(),
        to: to.into(),
        at: format!("src/{from}.rs:1"),
    }
}

#[test]
fn a_circle_is_found_and_named() {
    let imports = [
        import("a", "b"),
        import("b", "c"),
        import("c", "a"),
        import("d", "a"),
    ];
    let c = circle(&imports).expect("a -> b -> c -> a is a circle");
    assert!(c.starts_with("a -> b -> c -> a"), "{c}");
    assert!(c.contains("src/c.rs:1 imports a"), "{c}");
    assert_eq!(circle(&imports[..2]), None);
    assert_eq!(
        find_cycle(&graph_of(&[import("x", "x")])),
        Some(vec!["x".to_string(), "x".to_string()])
    );
}

#[test]
fn an_import_against_the_order_is_reported() {
    let layers = declared_layers(
        "# A\n\n## Dependency rule\n\nText.\n\n    low\n    mid other\n    high\n\nMore.\n",
    );
    assert_eq!(layers, [vec!["low"], vec!["mid", "other"], vec!["high"]]);
    assert!(against_the_order(&layers, &[import("high", "low"), import("mid", "low")]).is_empty());
    let bad = against_the_order(&layers, &[import("low", "high"), import("mid", "other")]);
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(bad[0].starts_with("src/low.rs:1: low (layer 1) imports high (layer 3)"));
}

#[test]
fn the_scanner_reads_every_form_of_path_and_nothing_in_text() {
    let src = r##"
use crate::a::Thing;
use crate::{b, c::{D, E}, d::f};
// use crate::comment;
/* use crate::block; /* nested crate::deeper */ */
const S: &str = "crate::string";
const R: &str = r#"crate::raw "quoted" "#;
const C: char = '"';
fn g<'a>(x: &'a str) -> usize { crate::e::len(x) + super::f::g() }
pub(crate) fn h() {}
mod tests {
    use super::*;
    use super::super::k::L;
}
"##;
    let names: Vec<String> = root_paths(src, 1).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e", "f", "k"]);
    // In src/x/y.rs, one `super` is the module x itself.
    let nested: Vec<String> = root_paths(src, 2).into_iter().map(|(n, _)| n).collect();
    assert_eq!(nested, ["a", "b", "c", "d", "e"]);
    assert_eq!(
        root_paths("use crate::a;\n\nuse crate::b;", 1)[1],
        ("b".into(), 3)
    );
}
