//! Stage timings for developers: with `CROSSCHECK_TIMINGS` set in the environment, each stage
//! of a run prints its wall time to standard error (`crosscheck: timing: load 41.2 ms`).

use std::sync::OnceLock;
use std::time::Instant;

/// True when `CROSSCHECK_TIMINGS` is set (read once).
#[must_use]
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CROSSCHECK_TIMINGS").is_some())
}

/// Prints how long `stage` took since `since`, when timings are on, and returns now.
#[must_use]
pub fn stage(name: &str, since: Instant) -> Instant {
    let now = Instant::now();
    if enabled() {
        eprintln!(
            "crosscheck: timing: {name} {:.1} ms",
            now.duration_since(since).as_secs_f64() * 1e3
        );
    }
    now
}
