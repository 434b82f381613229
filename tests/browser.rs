//! The HTML report of the seeds in a real browser: headless Chromium at a laptop's width (1280 px)
//! and a phone's (390 px). At both the page has no horizontal overflow, every timeline bar has a
//! label, selecting the first finding marks its claims (at 1280 px its two documents stand side
//! by side), and `j`/`k` move the selection and focus between findings. Screenshots are kept in `target/artefacts/` for a person to look at.
//!
//! Chromium is driven without a protocol client: the page gets a probe script appended that
//! writes what it measured into the DOM, and `--dump-dom` prints that DOM. Headless Chromium keeps
//! its window at least 500 px wide, so the probed page stands in an iframe (`srcdoc`) of the
//! width measured; screenshots are taken at the width itself. Where Chromium is not
//! installed the test prints why it skips and passes, unless `CI` is set (`.ci/run` installs it).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs in the page after the report's own script; writes `key=value` lines into `#probe` of
/// the page holding the iframe.
const PROBE: &str = r"<script>
(function () {
  var out = [];
  var de = document.documentElement;
  out.push('inner=' + window.innerWidth);
  out.push('scroll=' + de.scrollWidth);
  var bars = document.querySelectorAll('svg.timeline a.mark');
  var unlabelled = 0;
  bars.forEach(function (a) {
    var t = a.querySelector('text.label');
    if (!t || !t.textContent.trim() || !a.getAttribute('aria-label')) { unlabelled++; }
  });
  out.push('bars=' + bars.length);
  out.push('unlabelled=' + unlabelled);
  var first = document.querySelector('li.finding');
  if (first) { first.click(); }
  out.push('selected_marks=' + document.querySelectorAll('mark.selected').length);
  var docs = Array.prototype.slice.call(document.querySelectorAll('.doc.selected'));
  out.push('selected_docs=' + docs.length);
  if (docs.length === 2) {
    var a = docs[0].getBoundingClientRect(), b = docs[1].getBoundingClientRect();
    out.push('side_by_side=' + (Math.abs(a.top - b.top) < 1 && a.left !== b.left));
    var all = document.querySelectorAll('.doc');
    var tops = Array.prototype.map.call(all, function (d) { return d.getBoundingClientRect().top; });
    out.push('first_row=' + (a.top <= Math.min.apply(null, tops) + 1));
  }
  out.push('scroll_selected=' + de.scrollWidth);
  var key = function (k) { document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })); };
  key('j');
  var sel = document.querySelector('li.finding.selected');
  out.push('after_j=' + (sel ? sel.id : '') + ',' + (document.activeElement ? document.activeElement.id : ''));
  key('k');
  sel = document.querySelector('li.finding.selected');
  out.push('after_k=' + (sel ? sel.id : ''));
  var host = window.parent.document;
  var p = host.createElement('pre');
  p.id = 'probe';
  p.textContent = out.join('\n');
  host.body.appendChild(p);
})();
</script>";

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CROSSCHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// Runs Chromium headless on `page` with the flags this machine needs, killing it after a minute.
fn run_chromium(bin: &Path, profile: &Path, width: u32, height: u32, extra: &[String]) -> String {
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--window-size={width},{height}"))
    .args(extra)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let child = cmd.spawn().expect("chromium starts");
    let id = child.id();
    let start = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    loop {
        if let Ok(out) = rx.try_recv() {
            let out = out.expect("chromium runs");
            return String::from_utf8_lossy(&out.stdout).into_owned();
        }
        if start.elapsed() > Duration::from_secs(90) {
            // The process we started, by its id.
            let _ = Command::new("kill").arg(id.to_string()).status();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn probe(dom: &str) -> Vec<(String, String)> {
    let start = dom
        .find("id=\"probe\">")
        .unwrap_or_else(|| panic!("no probe output in the dumped DOM:\n{dom}"))
        + "id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    dom[start..end]
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn the_html_report_fits_a_laptop_and_a_phone_in_headless_chromium() {
    let Some(bin) = chromium() else {
        assert!(
            !std::env::var("CI").is_ok_and(|v| !v.is_empty()),
            "CI is set but /usr/bin/chromium is missing (.ci/run installs it)"
        );
        eprintln!(
            "skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set \
             CROSSCHECK_CHROMIUM)"
        );
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(root)
        .args(["check", "seeds", "--format", "html"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"),
        "the report fetches nothing"
    );
    let artefacts = root.join("target").join("artefacts");
    std::fs::create_dir_all(&artefacts).unwrap();
    let report = artefacts.join("report.html");
    std::fs::write(&report, &html).unwrap();
    let probed = html.replace("</body>", &format!("{PROBE}\n</body>"));
    let srcdoc = probed.replace('&', "&amp;").replace('"', "&quot;");
    let profile = tempfile::tempdir().unwrap();
    let url = |p: &Path| format!("file://{}", p.display());
    for width in [1280_u32, 390] {
        let frame = artefacts.join(format!("report-probe-{width}.html"));
        std::fs::write(
            &frame,
            format!(
                "<!DOCTYPE html><html><body style=\"margin:0\"><iframe style=\"width:{width}px;\
                 height:900px;border:0\" srcdoc=\"{srcdoc}\"></iframe></body></html>\n"
            ),
        )
        .unwrap();
        let dom = run_chromium(
            &bin,
            profile.path(),
            1400,
            1000,
            &["--dump-dom".to_string(), url(&frame)],
        );
        let m = probe(&dom);
        let get = |k: &str| {
            m.iter()
                .find(|(key, _)| key == k)
                .map_or_else(|| panic!("probe has no {k}: {m:?}"), |(_, v)| v.clone())
        };
        let num = |k: &str| get(k).parse::<f64>().unwrap();
        eprintln!("{width} px: {m:?}");
        assert_eq!(num("inner"), f64::from(width), "viewport width: {m:?}");
        assert!(
            num("scroll") <= num("inner"),
            "overflow at {width} px: {m:?}"
        );
        assert!(
            num("scroll_selected") <= num("inner"),
            "overflow at {width} px with a finding selected: {m:?}"
        );
        assert!(num("bars") > 0.0, "the seeds have dated claims: {m:?}");
        assert_eq!(num("unlabelled"), 0.0, "every bar has a label: {m:?}");
        // The first finding's claims are "by over 300%" (two pieces, as "over 300%" is a claim of
        // its own too) and "tripled".
        assert!(num("selected_marks") >= 3.0, "both claims marked: {m:?}");
        if width == 1280 && num("selected_docs") == 2.0 {
            assert_eq!(get("side_by_side"), "true", "{m:?}");
            assert_eq!(get("first_row"), "true", "{m:?}");
        }
        assert_eq!(
            get("after_j"),
            "f1,f1",
            "j selects and focuses the next finding"
        );
        assert_eq!(get("after_k"), "f0", "k goes back");
        let shot = artefacts.join(format!("report-{width}.png"));
        let _ = std::fs::remove_file(&shot);
        run_chromium(
            &bin,
            profile.path(),
            width,
            2400,
            &[format!("--screenshot={}", shot.display()), url(&report)],
        );
        assert!(shot.is_file(), "no screenshot at {}", shot.display());
    }
}
