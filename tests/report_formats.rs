//! The report formats on the seeds: SARIF (validated against the 2.1.0 schema), GitHub workflow
//! commands, Markdown and HTML (in headless Chromium where it is installed), and `--output`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod support;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.current_dir(root());
    c
}

fn check(args: &[&str]) -> Output {
    bin().arg("check").args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The seeds' JSON report, the reference every other format is held against.
fn seeds_json() -> Value {
    let out = check(&["seeds", "--format", "json"]);
    serde_json::from_slice(&out.stdout).unwrap()
}

fn findings(v: &Value) -> &Vec<Value> {
    v["findings"].as_array().unwrap()
}

fn sarif_of(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "sarif"]);
    let out = check(&a);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sarif_of_the_seeds_validates_against_the_schema() {
    let Some(schema_path) = support::shared(
        "sarif/sarif-schema-2.1.0.json",
        "the SARIF report against its schema",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(&schema_path).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let sarif = sarif_of(&["seeds"]);
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A run with an unreadable input and a run with no finding validate too.
    let out = check(&["seeds", "no/such/file.txt", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(2));
    let incomplete: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(validator.is_valid(&incomplete));
    let invocation = &incomplete["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert!(
        invocation["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("no/such/file.txt")
    );
    // An absolute path outside the working directory stays absolute (one below it is reported
    // relative), and SARIF gives it as a file URI.
    let tmp = tempfile::tempdir().unwrap();
    let one = tmp.path().join("000_3fd31fe407b8a58e.txt");
    std::fs::copy(root().join("seeds/000_3fd31fe407b8a58e.txt"), &one).unwrap();
    let out = check(&[one.to_str().unwrap(), "--format", "sarif"]);
    let lone: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(validator.is_valid(&lone));
    assert!(lone["runs"][0]["artifacts"][0]["location"]["uri"]
        .as_str()
        .unwrap()
        .starts_with("file:///"));
    // The validator is not vacuous: a result without a message is rejected.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_has_one_artifact_per_document_and_one_result_per_finding() {
    let json = seeds_json();
    let sarif = sarif_of(&["seeds"]);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "crosscheck");
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    for r in rules {
        for key in ["id", "shortDescription", "fullDescription", "help"] {
            assert!(!r[key].is_null(), "rule lacks {key}: {r}");
        }
        assert!(["error", "warning", "note"]
            .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let artifacts = run["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), 5);
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings(&json).len());
    for (r, f) in results.iter().zip(findings(&json)) {
        assert_eq!(r["ruleId"], f["rule"]);
        assert_eq!(r["level"], f["severity"]);
        assert_eq!(r["message"]["text"], f["message"]);
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], f["rule"]);
        let claims = f["claims"].as_array().unwrap();
        let mut locs = vec![&r["locations"][0]["physicalLocation"]];
        let related = r["relatedLocations"].as_array().unwrap();
        assert_eq!(related.len(), claims.len() - 1);
        locs.extend(related.iter().map(|l| &l["physicalLocation"]));
        for (loc, c) in locs.iter().zip(claims) {
            let region = &loc["region"];
            assert_eq!(loc["artifactLocation"]["uri"], c["path"]);
            assert_eq!(region["byteOffset"], c["start"]);
            assert_eq!(
                region["byteLength"].as_u64().unwrap(),
                c["end"].as_u64().unwrap() - c["start"].as_u64().unwrap()
            );
            assert_eq!(region["startLine"], c["line"]);
            assert_eq!(region["startColumn"], c["column"]);
            assert_eq!(region["snippet"]["text"], c["text"]);
            let idx = loc["artifactLocation"]["index"].as_u64().unwrap() as usize;
            assert_eq!(artifacts[idx]["location"]["uri"], c["path"]);
        }
    }
    let prints: std::collections::BTreeSet<&str> = results
        .iter()
        .map(|r| {
            r["partialFingerprints"]["crosscheckFinding/v1"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(prints.len(), results.len(), "fingerprints must be unique");
}

#[test]
fn sarif_fingerprints_survive_text_moving_down_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let moved = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(root().join("seeds")).unwrap() {
        let e = e.unwrap();
        let text = std::fs::read_to_string(e.path()).unwrap();
        std::fs::write(dir.path().join(e.file_name()), &text).unwrap();
        // Blank lines above the text move every claim without changing what it says.
        std::fs::write(moved.path().join(e.file_name()), format!("\n\n\n{text}")).unwrap();
    }
    let prints = |d: &Path| {
        let out = bin()
            .current_dir(d)
            .args(["check", ".", "--format", "sarif"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let results = v["runs"][0]["results"].as_array().unwrap().clone();
        let fp: Vec<String> = results
            .iter()
            .map(|r| {
                r["partialFingerprints"]["crosscheckFinding/v1"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        let offsets: Vec<u64> = results
            .iter()
            .map(|r| {
                r["locations"][0]["physicalLocation"]["region"]["byteOffset"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        (fp, offsets)
    };
    let (a, oa) = prints(dir.path());
    let (b, ob) = prints(moved.path());
    assert!(!a.is_empty());
    assert_ne!(oa, ob, "the offsets did move");
    assert_eq!(a, b);
}

/// A workflow command's properties, unescaped.
type Properties = Vec<(String, String)>;

/// Parses one workflow command into (command, properties, message), unescaped.
fn parse_command(line: &str) -> Option<(String, Properties, String)> {
    let unescape = |s: &str| {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let rest = line.strip_prefix("::")?;
    let (head, message) = rest.split_once("::")?;
    let (cmd, props) = head.split_once(' ')?;
    let props = props
        .split(',')
        .map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((k.to_string(), unescape(v)))
        })
        .collect::<Option<Vec<_>>>()?;
    Some((cmd.to_string(), props, unescape(message)))
}

#[test]
fn github_annotations_parse_one_per_finding() {
    let json = seeds_json();
    let out = check(&["seeds", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), findings(&json).len());
    for (line, f) in lines.iter().zip(findings(&json)) {
        let (cmd, props, message) = parse_command(line).unwrap_or_else(|| panic!("{line}"));
        let want = match f["severity"].as_str().unwrap() {
            "note" => "notice",
            s => s,
        };
        assert_eq!(cmd, want);
        let get = |k: &str| props.iter().find(|(p, _)| p == k).map(|(_, v)| v.clone());
        let c = &f["claims"][0];
        assert_eq!(get("file").as_deref(), c["path"].as_str());
        assert_eq!(get("line"), Some(c["line"].to_string()));
        assert_eq!(get("col"), Some(c["column"].to_string()));
        assert!(get("endColumn").is_some());
        assert!(get("title")
            .unwrap()
            .starts_with(f["rule"].as_str().unwrap()));
        assert!(
            message.starts_with(f["message"].as_str().unwrap()),
            "{message}"
        );
    }
}

#[test]
fn github_properties_escape_commas_and_colons_in_paths() {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(root().join("seeds")).unwrap() {
        let e = e.unwrap();
        let name = format!("a,b: {}", e.file_name().to_string_lossy());
        std::fs::copy(e.path(), dir.path().join(name)).unwrap();
    }
    let out = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "github"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(!text.is_empty());
    for line in text.lines() {
        assert!(
            line.contains("file=./a%2Cb%3A ") || line.contains("file=a%2Cb%3A "),
            "{line}"
        );
        let (_, props, _) = parse_command(line).unwrap();
        assert!(props[0].1.contains("a,b: "), "{props:?}");
    }
}

#[test]
fn markdown_has_the_counts_a_row_and_a_section_per_finding() {
    let json = seeds_json();
    let out = check(&["seeds", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(1));
    let md = stdout(&out);
    let n = findings(&json).len();
    let count = |s: &str| {
        findings(&json)
            .iter()
            .filter(|f| f["severity"] == s)
            .count()
    };
    for s in ["error", "warning", "note"] {
        assert!(
            md.contains(&format!(" {s} | {} |", count(s))),
            "{s} count\n{md}"
        );
    }
    let rows = md.lines().filter(|l| l.starts_with("| [")).count();
    assert_eq!(rows, n);
    let sections = md.lines().filter(|l| l.starts_with("### ")).count();
    assert_eq!(sections, n);
    // Each claim is quoted in its sentence, in bold.
    let first = &findings(&json)[0]["claims"][0]["text"];
    assert!(md.contains(&format!("**{}**", first.as_str().unwrap())));
    assert!(md.lines().filter(|l| l.starts_with("> ")).count() >= 2 * n);
}

fn html_of_seeds() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let out = check(&[
        "seeds",
        "--format",
        "html",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "--output leaves stdout empty");
    let html = std::fs::read_to_string(&path).unwrap();
    (dir, path, html)
}

#[test]
fn html_is_self_contained_and_links_every_finding_to_its_claims() {
    let json = seeds_json();
    let (_dir, _path, html) = html_of_seeds();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for external in ["<link", "src=", "url(", "@import", "href=\"http"] {
        assert!(!html.contains(external), "external asset: {external}");
    }
    // One script, inline: no `src`, nothing fetched (`fetch`, `XMLHttpRequest`, `import`).
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<script>\n"));
    for request in ["fetch(", "XMLHttpRequest", "import(", "WebSocket"] {
        assert!(!html.contains(request), "a request: {request}");
    }
    // Each finding names its claims for the script, and is reachable from the keyboard.
    assert_eq!(
        html.matches("tabindex=\"0\" data-rule=").count(),
        findings(&json).len()
    );
    assert!(html.contains("data-claims=\"c"));
    assert!(html.contains("data-findings=\""));
    assert_eq!(html.matches("<li id=\"f").count(), findings(&json).len());
    // Every link to a claim lands on an anchor.
    let mut links = 0;
    for part in html.split("href=\"#c").skip(1) {
        let id: String = part.chars().take_while(char::is_ascii_digit).collect();
        assert!(html.contains(&format!("id=\"c{id}\"")), "no anchor c{id}");
        links += 1;
    }
    assert!(links >= findings(&json).len() * 2);
    assert_eq!(html.matches("<article class=\"doc\"").count(), 5);
    assert!(html.contains("<svg"));
    assert!(html.contains("class=\"claim conflict sev-error\""));
}

// See: issue 16. The documents stood in five fixed columns (off the page at 1280 px), the
// timeline's bars had no label, and every claim was highlighted as strongly as a conflict.
#[test]
fn html_fits_the_viewport_labels_the_timeline_and_highlights_conflicts_strongly() {
    let (_dir, _path, html) = html_of_seeds();
    let css = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    let rule = |selector: &str| -> String {
        let at = css
            .find(&format!("\n{selector} {{"))
            .unwrap_or_else(|| panic!("no rule {selector}"));
        css[at..].split('}').next().unwrap().to_string()
    };
    // Documents wrap in a grid of flexible columns, none wider than the viewport, and scroll
    // inside their own panel.
    let docs = rule(".docs");
    assert!(docs.contains("repeat(auto-fill, minmax(min("), "{docs}");
    assert!(!docs.contains("grid-auto-flow: column"), "{docs}");
    assert!(rule(".doc").contains("overflow: auto"));
    // No fixed width anywhere beyond a 1280 px viewport (16 px to the rem).
    let width = regex::Regex::new(r"(?:^|[^-])width:\s*([\d.]+)(px|rem|em)").unwrap();
    for c in width.captures_iter(css) {
        let n: f64 = c[1].parse().unwrap();
        let px = if &c[2] == "px" { n } else { n * 16.0 };
        assert!(px <= 1280.0, "fixed width {}{} in the CSS", &c[1], &c[2]);
    }
    // The timeline scales to the page: a viewBox and no fixed width attribute.
    let svg = &html[html.find("<svg").unwrap()..];
    let svg_tag = &svg[..svg.find('>').unwrap()];
    assert!(svg_tag.contains("viewBox="), "{svg_tag}");
    assert!(!svg_tag.contains(" width="), "{svg_tag}");
    assert!(rule("svg.timeline").contains("max-width: 100%"));
    // Every bar of the timeline carries its claim's text and dates: a visible label, a tooltip
    // and an aria-label.
    let svg = &svg[..svg.find("</svg>").unwrap()];
    let marks: Vec<&str> = svg.split("<a href=\"#c").skip(1).collect();
    assert!(!marks.is_empty());
    for m in &marks {
        let m = &m[..m.find("</a>").unwrap()];
        assert!(m.contains("aria-label=\""), "{m}");
        assert!(m.contains("<title>"), "{m}");
        assert!(m.contains("<text class=\"label\""), "{m}");
    }
    assert!(
        svg.contains(">“the latter half of 2025” July – December 2025</text>"),
        "{svg}"
    );
    // Claims in no finding faintly, conflicting ones strongly.
    let faint = rule("mark.claim");
    let strong = rule("mark.conflict");
    assert!(!faint.contains("outline"), "{faint}");
    assert!(strong.contains("outline: 2px"), "{strong}");
    assert!(strong.contains("font-weight: 600"), "{strong}");
    assert!(
        html.contains("<mark class=\"claim\" title="),
        "claims in no finding are shown"
    );
}

#[test]
fn html_escapes_document_text() {
    let input = concat!(
        r#"{"id": "a<b>", "text": "<script>alert(x)</script> Revenue tripled in 2024 & more."}"#,
        "\n",
        r#"{"id": "b", "text": "Revenue doubled in 2024."}"#,
        "\n"
    );
    let mut child = bin()
        .args(["check", "--jsonl", "-", "--format", "html"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let html = stdout(&out);
    // The report's own script is the only one.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("a<b>"));
    assert!(html.contains("&lt;script&gt;alert(x)&lt;/script&gt;"));
    assert!(html.contains("a&lt;b&gt;"));
    assert!(html.contains("&amp; more"));
}

#[test]
fn html_renders_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        println!("skipped: no /usr/bin/chromium");
        return;
    }
    let json = seeds_json();
    let (dir, path, _) = html_of_seeds();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            &format!("--user-data-dir={}", dir.path().join("profile").display()),
            "--dump-dom",
        ])
        .arg(format!("file://{}", path.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<h2 id=\"findings\">"),
        "chromium produced no DOM: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        dom.matches("class=\"finding ").count(),
        findings(&json).len()
    );
    assert_eq!(dom.matches("<article class=\"doc\"").count(), 5);
    assert!(dom.contains("<svg"));
}

#[test]
fn output_writes_the_same_report_as_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sarif");
    std::fs::write(&path, "stale").unwrap();
    let out = check(&[
        "seeds",
        "--format",
        "sarif",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&path).unwrap();
    assert_eq!(written, check(&["seeds", "--format", "sarif"]).stdout);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
}

#[test]
fn output_into_a_missing_directory_is_exit_2_naming_it() {
    let out = check(&[
        "seeds",
        "--format",
        "json",
        "--output",
        "no/such/dir/r.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/dir/r.json"), "{err}");
}
