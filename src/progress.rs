//! A progress bar on standard error for long runs, drawn by indicatif.
//!
//! Shown only when there are many documents, standard error is a terminal and the run is not in
//! CI (`CI=true`): a report piped to a file or a CI log stays free of redraws.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::check::Progress;

/// From this many documents on, a run on a terminal shows a progress bar.
pub const MIN_DOCUMENTS: usize = 200;

/// The progress of a check run.
#[derive(Debug)]
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar for a run over `documents` documents, or `None` when none should be drawn.
    #[must_use]
    pub fn for_run(documents: usize) -> Option<Bar> {
        let ci = std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1");
        if documents < MIN_DOCUMENTS || ci || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar =
            ProgressBar::with_draw_target(Some(documents as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {msg:<18} [{bar:30}] {pos}/{len} documents")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message("extracting claims");
        Some(Bar(bar))
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn extracted(&self) {
        self.0.inc(1);
    }

    fn comparing(&self) {
        self.0.set_message("comparing claims");
        self.0
            .enable_steady_tick(std::time::Duration::from_millis(120));
    }
}
