//! The HTML report (`check --format html`): one self-contained page, no external asset (its one
//! script and its style are inline), nothing fetched. The findings list links to both (all) places
//! of each finding; the documents
//! stand side by side in a grid that wraps to the viewport (`minmax`, no fixed number of
//! columns), each scrolling inside its own panel, with the claims in no finding highlighted
//! faintly and the conflicting ones strongly by severity, each linking back to its findings; an
//! inline SVG timeline, scaled to the page's width, draws every dated or period claim, one row
//! per source, each bar labelled with its claim's text and dates (also its tooltip and
//! `aria-label`).
//!
//! The inline script (`SCRIPT`) only adds to what the links already do: selecting a finding (a
//! click, Enter, or `j`/`k`, and the arrow keys on a focused finding, to move between findings) marks its claims,
//! scrolls each into view inside its panel and moves the documents of the finding to the front of
//! the grid, so they stand side by side when two columns fit; a click on a claim selects its
//! finding. Without the script the page reads the same with plain anchors.
//!
//! Documents are shown as prose (markup removed), claims highlighted by their prose spans; the
//! locations printed are those of the file as stored. Every piece of text is HTML-escaped.

use std::fmt::Write;

use jiff::civil::Date;

use crate::claim::{Claim, Kind};
use crate::finding::Severity;
use crate::run::Run;

use super::human::people_value;
use super::values::plural;
use super::Place;

/// Escapes text for HTML element content and quoted attribute values.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

const STYLE: &str = r"
:root { --err: #c62828; --warn: #ef6c00; --note: #1565c0; --claim: #fbf6e1; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 1.5rem 3rem; color: #222; overflow-wrap: anywhere; }
h1 { margin: 1rem 0 .2rem; } h2 { border-bottom: 1px solid #ddd; margin-top: 2rem; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .8em; padding: 0 .3em; border-radius: 3px; color: #fff; }
.sev-error .sev, .sev.sev-error { background: var(--err); }
.sev-warning .sev, .sev.sev-warning { background: var(--warn); }
.sev-note .sev, .sev.sev-note { background: var(--note); }
ol.findings > li { margin: .6rem 0; }
ol.findings li:target { background: #eef; }
.places { margin: .2rem 0; padding-left: 1.2rem; }
code { background: #f3f3f3; padding: 0 .2em; }
.docs { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(22rem, 100%), 1fr)); gap: 1rem; }
.doc { border: 1px solid #ddd; border-radius: 4px; padding: .5rem .8rem; min-width: 0; max-height: 36rem; overflow: auto; }
.doc h3 { font-size: .95em; margin: 0 0 .4rem; word-break: break-all; }
.prose { white-space: pre-wrap; overflow-wrap: anywhere; }
mark.claim { background: var(--claim); color: inherit; border-radius: 2px; }
mark.conflict { background: #f9c4c4; outline: 2px solid var(--err); font-weight: 600; }
mark.conflict.sev-warning { background: #ffd9b0; outline-color: var(--warn); }
mark.conflict.sev-note { background: #cfe0fa; outline-color: var(--note); }
a.claim-anchor:target + mark { box-shadow: 0 0 0 4px #88f; }
sup a { text-decoration: none; }
svg.timeline { width: 100%; max-width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; }
svg .label { font-size: 10px; fill: #333; }
.legend span { margin-right: 1rem; }
.doc { position: relative; }
li.finding { cursor: pointer; border-radius: 4px; padding: .1rem .3rem; }
li.finding:focus { outline: 3px solid #5a5ad6; outline-offset: 2px; }
li.finding.selected { background: #eef; }
.doc.selected { border-color: #5a5ad6; box-shadow: 0 0 0 2px #5a5ad6; }
.docs.focused .doc.selected { order: -1; }
mark.selected { box-shadow: 0 0 0 3px #5a5ad6; }
.keys { color: #555; font-size: .9em; }
";

/// Selection and keyboard navigation; inline, so the page stays one file and fetches nothing.
const SCRIPT: &str = r"
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  var docs = document.querySelector('.docs');
  function clear(sel) {
    Array.prototype.forEach.call(document.querySelectorAll(sel), function (e) { e.classList.remove('selected'); });
  }
  function select(n, scroll) {
    var li = items[n];
    if (!li) { return; }
    clear('.selected');
    li.classList.add('selected');
    li.focus({ preventScroll: !scroll });
    var claims = (li.getAttribute('data-claims') || '').split(' ');
    var first = null;
    claims.forEach(function (id) {
      var a = document.getElementById(id);
      if (!a) { return; }
      var doc = a.closest('.doc');
      var m = a.nextElementSibling;
      // A claim's pieces run up to the one it ends in, past the anchors and finding links of
      // claims overlapping it.
      for (var e = m; e && /^(MARK|A|SUP)$/.test(e.tagName); e = e.nextElementSibling) {
        if (e.tagName !== 'MARK') { continue; }
        e.classList.add('selected');
        if ((e.getAttribute('data-end') || '').split(' ').indexOf(id) >= 0) { break; }
      }
      if (doc) {
        doc.classList.add('selected');
        if (m) { doc.scrollTop = Math.max(0, m.offsetTop - doc.clientHeight / 3); }
        first = first || doc;
      }
    });
    if (docs) { docs.classList.add('focused'); }
    if (scroll && first) { first.scrollIntoView({ block: 'nearest' }); }
  }
  items.forEach(function (li, n) {
    li.addEventListener('click', function (ev) {
      if (ev.target.closest('a')) { ev.preventDefault(); }
      select(n, true);
    });
  });
  document.addEventListener('click', function (ev) {
    var m = ev.target.closest('mark[data-findings]');
    if (!m) { return; }
    var n = parseInt(m.getAttribute('data-findings').split(' ')[0], 10);
    if (items[n]) { select(n, false); items[n].scrollIntoView({ block: 'nearest' }); }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var focused = items.indexOf(document.activeElement);
    var at = focused >= 0 ? focused : items.indexOf(document.querySelector('li.finding.selected'));
    // j and k anywhere; the arrow keys only on a finding, so they still scroll the page elsewhere.
    var down = ev.key === 'j' || (ev.key === 'ArrowDown' && focused >= 0);
    var up = ev.key === 'k' || (ev.key === 'ArrowUp' && focused >= 0);
    var next = null;
    if (down) { next = at < 0 ? 0 : Math.min(at + 1, items.length - 1); }
    if (up) { next = at < 0 ? 0 : Math.max(at - 1, 0); }
    if (ev.key === 'Enter' && at >= 0) { next = at; }
    if (next !== null && items.length) { ev.preventDefault(); select(next, true); }
  });
  var hash = /^#f(\d+)$/.exec(location.hash);
  if (hash) { select(parseInt(hash[1], 10), true); }
})();
";

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Note => "sev-note",
    }
}

/// For every claim, the findings (indices) it appears in.
fn findings_of_claims(run: &Run) -> Vec<Vec<usize>> {
    let mut of = vec![Vec::new(); run.claims.len()];
    for (n, f) in run.findings.iter().enumerate() {
        for &ci in &f.claims {
            if let Some(v) = of.get_mut(ci) {
                if !v.contains(&n) {
                    v.push(n);
                }
            }
        }
    }
    of
}

fn worst(run: &Run, findings: &[usize]) -> Option<Severity> {
    findings.iter().map(|&n| run.findings[n].severity).max()
}

/// Renders the page.
#[must_use]
pub fn render(run: &Run) -> String {
    let of = findings_of_claims(run);
    let mut out = String::new();
    let count = |s: Severity| run.findings.iter().filter(|f| f.severity == s).count();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>crosscheck report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>crosscheck</h1>\n<p class=\"summary\">{}, {}, {} in {} ({})</p>\n",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note"),
        plural(run.documents.len(), "document"),
        plural(run.claims.len(), "claim")
    );
    findings_section(&mut out, run);
    // The claims of each document, in claim order.
    let mut per_doc: Vec<Vec<usize>> = vec![Vec::new(); run.documents.len()];
    for (ci, c) in run.claims.iter().enumerate() {
        if let Some(v) = per_doc.get_mut(c.doc) {
            v.push(ci);
        }
    }
    timeline_section(&mut out, run, &of, &per_doc);
    documents_section(&mut out, run, &of, &per_doc);
    if !run.errors.is_empty() {
        out.push_str("<h2>Input problems</h2>\n<ul class=\"errors\">\n");
        for e in &run.errors {
            let _ = writeln!(
                out,
                "<li>{}: <code>{}</code>: {}</li>",
                if e.fatal { "error" } else { "warning" },
                escape(&e.path),
                escape(&e.message)
            );
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<script>{SCRIPT}</script>");
    out.push_str("</body>\n</html>\n");
    out
}

fn findings_section(out: &mut String, run: &Run) {
    out.push_str("<h2 id=\"findings\">Findings</h2>\n");
    if run.findings.is_empty() {
        out.push_str("<p>No discrepancy found.</p>\n");
        return;
    }
    out.push_str(
        "<p class=\"keys\">Select a finding (click, or <kbd>j</kbd>/<kbd>k</kbd>, arrow keys and \
         Enter) to mark its claims and bring its documents side by side; click a claim for its \
         finding.</p>\n<ol class=\"findings\">\n",
    );
    for (n, f) in run.findings.iter().enumerate() {
        let _ = write!(
            out,
            "<li id=\"f{n}\" class=\"finding {}\" tabindex=\"0\" data-rule=\"{}\" \
             data-claims=\"{}\"><span class=\"sev\">{}</span> \
             <code>{}</code> {}: {}\n<ul class=\"places\">\n",
            severity_class(f.severity),
            escape(&f.rule),
            f.claims
                .iter()
                .map(|ci| format!("c{ci}"))
                .collect::<Vec<_>>()
                .join(" "),
            f.severity.as_str(),
            escape(&f.rule),
            f.category.as_str(),
            escape(&f.message)
        );
        for &ci in &f.claims {
            let c = &run.claims[ci];
            let d = &run.documents[c.doc];
            let p = Place::of(d, c);
            let _ = writeln!(
                out,
                "<li><a class=\"place\" href=\"#c{ci}\">{}</a> “{}” <small>{}</small></li>",
                escape(&p.short()),
                escape(d.text(c.span)),
                escape(&people_value(run, c))
            );
        }
        out.push_str("</ul></li>\n");
    }
    out.push_str("</ol>\n");
}

fn documents_section(out: &mut String, run: &Run, of: &[Vec<usize>], per_doc: &[Vec<usize>]) {
    out.push_str("<h2 id=\"documents\">Documents</h2>\n<p class=\"legend\"><span><mark class=\"claim\">claim in no finding</mark></span>\
        <span><mark class=\"claim conflict sev-error\">in an error</mark></span>\
        <span><mark class=\"claim conflict sev-warning\">in a warning</mark></span>\
        <span><mark class=\"claim conflict sev-note\">in a note</mark></span></p>\n<div class=\"docs\">\n");
    for (di, d) in run.documents.iter().enumerate() {
        let _ = write!(
            out,
            "<article class=\"doc\" id=\"d{di}\"><h3>{}{}</h3>\n<div class=\"prose\">",
            escape(&d.id),
            d.date
                .map(|x| format!(" <small>({x})</small>"))
                .unwrap_or_default()
        );
        let claims: Vec<usize> = per_doc[di]
            .iter()
            .copied()
            .filter(|&ci| {
                let c = &run.claims[ci];
                c.prose.start < c.prose.end
                    && d.prose.is_char_boundary(c.prose.start)
                    && d.prose.is_char_boundary(c.prose.end)
                    && c.prose.end <= d.prose.len()
            })
            .collect();
        highlight(out, run, &d.prose, &claims, of);
        out.push_str("</div></article>\n");
    }
    out.push_str("</div>\n");
}

/// Writes the prose with the claims marked. Claims may overlap, so the text is cut at every claim
/// boundary and each piece is marked with everything that covers it; each claim gets an anchor
/// where it starts, and conflicting claims a link to their findings where they end. One sweep over
/// the cuts, keeping the claims open at each: linear in the text plus the claims times overlap.
fn highlight(out: &mut String, run: &Run, prose: &str, claims: &[usize], of: &[Vec<usize>]) {
    let mut by_start = claims.to_vec();
    by_start.sort_by_key(|&ci| (run.claims[ci].prose.start, ci));
    let mut cuts: Vec<usize> = vec![0, prose.len()];
    for &ci in claims {
        cuts.push(run.claims[ci].prose.start);
        cuts.push(run.claims[ci].prose.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut next = 0;
    let mut open: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        open.retain(|&ci| run.claims[ci].prose.end > a);
        while let Some(&ci) = by_start.get(next) {
            if run.claims[ci].prose.start != a {
                break;
            }
            let _ = write!(out, "<a class=\"claim-anchor\" id=\"c{ci}\"></a>");
            open.push(ci);
            next += 1;
        }
        let text = escape(&prose[a..b]);
        if open.is_empty() {
            out.push_str(&text);
        } else {
            let mut in_findings: Vec<usize> =
                open.iter().flat_map(|&ci| of[ci].iter().copied()).collect();
            in_findings.sort_unstable();
            in_findings.dedup();
            let mut class = String::from("claim");
            if let Some(s) = worst(run, &in_findings) {
                let _ = write!(class, " conflict {}", severity_class(s));
            }
            let title: Vec<String> = open
                .iter()
                .map(|&ci| people_value(run, &run.claims[ci]))
                .collect();
            let findings = if in_findings.is_empty() {
                String::new()
            } else {
                let list: Vec<String> = in_findings.iter().map(ToString::to_string).collect();
                format!(" data-findings=\"{}\"", list.join(" "))
            };
            // The piece where a claim ends, so the script marks a claim's pieces and no more.
            let ending: Vec<String> = open
                .iter()
                .filter(|&&ci| run.claims[ci].prose.end == b)
                .map(|ci| format!("c{ci}"))
                .collect();
            let ends = if ending.is_empty() {
                String::new()
            } else {
                format!(" data-end=\"{}\"", ending.join(" "))
            };
            let _ = write!(
                out,
                "<mark class=\"{class}\" title=\"{}\"{findings}{ends}>{text}</mark>",
                escape(&title.join("; "))
            );
        }
        for &ci in &open {
            if run.claims[ci].prose.end == b && !of[ci].is_empty() {
                out.push_str("<sup>");
                for &n in &of[ci] {
                    let _ = write!(out, "<a href=\"#f{n}\">{}</a> ", n + 1);
                }
                out.push_str("</sup>");
            }
        }
    }
}

/// A date as a fractional year, for placing it on the time axis.
fn year_fraction(d: Date) -> f64 {
    f64::from(d.year()) + f64::from(d.day_of_year() - 1) / f64::from(d.days_in_year())
}

fn timeline_section(out: &mut String, run: &Run, of: &[Vec<usize>], per_doc: &[Vec<usize>]) {
    out.push_str("<h2 id=\"timeline\">Timeline</h2>\n");
    let dated = |c: &Claim| {
        matches!(c.kind, Kind::Date | Kind::Period)
            && c.dates.is_some_and(|d| d.from.is_some() || d.to.is_some())
    };
    let bounds: Vec<f64> = run
        .claims
        .iter()
        .filter(|c| dated(c))
        .flat_map(|c| c.dates.map_or([None, None], |d| [d.from, d.to]))
        .flatten()
        .map(year_fraction)
        .collect();
    let (Some(min), Some(max)) = (
        bounds.iter().copied().reduce(f64::min),
        bounds.iter().copied().reduce(f64::max),
    ) else {
        out.push_str("<p>No dated claim.</p>\n");
        return;
    };
    // Whole years around the data, at least one.
    let (lo, hi) = (min.floor(), (max.floor() + 1.0).max(min.floor() + 1.0));
    let (left, right, width) = (220.0_f64, 20.0_f64, 960.0_f64);
    let x = |t: f64| left + (t - lo) / (hi - lo) * (width - left - right);
    let lane_h = 14.0;
    let mut rows = String::new();
    let mut bands = String::new();
    let mut y = 24.0;
    for (di, d) in run.documents.iter().enumerate() {
        let items: Vec<(f64, f64, bool, usize)> = per_doc[di]
            .iter()
            .map(|&ci| (ci, &run.claims[ci]))
            .filter(|(_, c)| dated(c))
            .map(|(ci, c)| {
                let (from, to) = c.dates.map_or((None, None), |r| (r.from, r.to));
                let open = from.is_none() || to.is_none();
                let a = from.map_or(lo, year_fraction);
                let b = to.map_or(hi, |t| year_fraction(t) + 1.0 / 366.0);
                (x(a), x(b).max(x(a)), open, ci)
            })
            .collect();
        // Each bar carries its label after it, or before it near the right edge, or inside it
        // when neither side has room (a bar across the whole axis); a lane holds a bar and its
        // label, so labels of one source never overlap.
        let label_of = |ci: usize| {
            let c = &run.claims[ci];
            let text = run.documents[c.doc].text(c.span).replace('\n', " ");
            shorten_end(&format!("“{text}” {}", people_value(run, c)), LABEL_CHARS)
        };
        let mut spans: Vec<(f64, f64, bool, usize, String, Side)> = items
            .into_iter()
            .map(|(a, b, open, ci)| {
                let label = label_of(ci);
                let w = label.chars().count() as f64 * LABEL_CHAR_WIDTH;
                let side = if b.max(a + 5.0) + 4.0 + w <= width - 4.0 {
                    Side::After
                } else if a - 6.0 - w >= left {
                    Side::Before
                } else {
                    Side::Inside
                };
                (a, b, open, ci, label, side)
            })
            .collect();
        let extent = |s: &(f64, f64, bool, usize, String, Side)| {
            let w = s.4.chars().count() as f64 * LABEL_CHAR_WIDTH;
            let end = s.1.max(s.0 + 10.0);
            match s.5 {
                Side::After => (s.0, end + 4.0 + w),
                Side::Before => (s.0 - 6.0 - w, end),
                Side::Inside => (s.0, end.max(s.0 + 8.0 + w)),
            }
        };
        spans.sort_by(|p, q| extent(p).0.total_cmp(&extent(q).0));
        let mut lane_ends: Vec<f64> = Vec::new();
        let mut placed = Vec::new();
        for it in spans {
            let (start, end) = extent(&it);
            let lane = lane_ends
                .iter()
                .position(|&e| e + 4.0 < start)
                .unwrap_or(lane_ends.len());
            if lane == lane_ends.len() {
                lane_ends.push(0.0);
            }
            lane_ends[lane] = end;
            placed.push((it, lane));
        }
        let lanes = lane_ends.len().max(1) as f64;
        let row_h = lanes * lane_h + 10.0;
        let _ = write!(
            bands,
            "<rect x=\"0\" y=\"{y:.1}\" width=\"{width}\" height=\"{row_h:.1}\" fill=\"{}\"/>",
            if di % 2 == 0 { "#f4f4f4" } else { "#fff" },
        );
        let _ = write!(
            rows,
            "<g class=\"source\"><text x=\"4\" y=\"{:.1}\">{}</text>",
            y + 5.0 + lane_h / 2.0 + 4.0,
            escape(&shorten(&d.id, 32))
        );
        for ((a, b, open, ci, label, side), lane) in placed {
            let c = &run.claims[ci];
            let color = match worst(run, &of[ci]) {
                Some(Severity::Error) => "#c62828",
                Some(Severity::Warning) => "#ef6c00",
                Some(Severity::Note) => "#1565c0",
                None => "#bbb",
            };
            let cy = y + 5.0 + lane as f64 * lane_h + lane_h / 2.0;
            let title = format!(
                "{}: “{}” {}",
                d.id,
                run.documents[c.doc].text(c.span),
                people_value(run, c)
            );
            let shape = if b - a < 3.0 {
                format!("<circle cx=\"{a:.1}\" cy=\"{cy:.1}\" r=\"5\" fill=\"{color}\"/>")
            } else {
                format!(
                    "<rect x=\"{a:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" rx=\"3\" fill=\"{color}\" fill-opacity=\"0.35\" stroke=\"{color}\"{}/>",
                    cy - 5.0,
                    b - a,
                    if open { " stroke-dasharray=\"4 2\"" } else { "" }
                )
            };
            let (lx, anchor) = match side {
                Side::After => (b.max(a + 5.0) + 4.0, "start"),
                Side::Before => (a - 6.0, "end"),
                Side::Inside => (a + 4.0, "start"),
            };
            let _ = write!(
                rows,
                "<a href=\"#c{ci}\" class=\"mark\" aria-label=\"{t}\"><title>{t}</title>{shape}\
                 <text class=\"label\" x=\"{lx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text></a>",
                cy + 3.5,
                escape(&label),
                t = escape(&title)
            );
        }
        rows.push_str("</g>\n");
        y += row_h;
    }
    let height = y + 10.0;
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" \
         viewBox=\"0 0 {width} {height:.0}\" role=\"img\" aria-label=\"dated and period claims per source\">"
    );
    out.push_str(&bands);
    let years = (hi - lo) as i64;
    let step = (years / 12).max(1);
    let mut t = lo as i64;
    while t <= hi as i64 {
        let xt = x(t as f64);
        let _ = writeln!(
            out,
            "<line x1=\"{xt:.1}\" x2=\"{xt:.1}\" y1=\"16\" y2=\"{y:.1}\" stroke=\"#ccc\"/>\
             <text x=\"{xt:.1}\" y=\"12\" text-anchor=\"middle\">{t}</text>"
        );
        t += step;
    }
    out.push_str(&rows);
    out.push_str("</svg>\n");
}

/// Where a timeline bar's label stands.
#[derive(Clone, Copy)]
enum Side {
    After,
    Before,
    Inside,
}

/// The most characters of a timeline label, and the width one takes at the label's size.
const LABEL_CHARS: usize = 48;
const LABEL_CHAR_WIDTH: f64 = 5.6;

/// `s` cut to `n` characters at its end ("…" marks the cut).
fn shorten_end(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let head: String = s.chars().take(n - 1).collect();
        format!("{head}…")
    }
}

fn shorten(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        s.to_string()
    } else {
        let tail: String = s.chars().skip(count - (n - 1)).collect();
        format!("…{tail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_the_five_characters() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn shorten_keeps_the_end_of_long_paths() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdefgh", 4), "…fgh");
    }
}
