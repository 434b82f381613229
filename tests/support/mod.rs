//! What the integration tests share (`mod support;` in each that needs it).

use std::path::{Path, PathBuf};

/// True when the tests run under CI: the `CI` variable is set, and not to `false` or `0`.
#[allow(dead_code)] // Not every test binary asks directly.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// `../shared/<rel>`, the data beside the repository (gold findings, story clusters, the SARIF
/// schema), when it is there. When it is not, the test cannot check `what`: under CI (the `CI`
/// variable set, not to `false` or `0`) that is a failure naming what is missing, so a CI run that
/// cannot see the gold never passes; elsewhere the test prints why it skips and gets `None`.
///
/// # Panics
/// Under CI, when the path is missing.
pub fn shared(rel: &str, what: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        return Some(path);
    }
    assert!(
        !under_ci(),
        "../shared/{rel} is missing (looked for {}): CI must see the shared data beside the \
         repository, and without it {what} cannot be checked",
        path.display()
    );
    println!("skipped: ../shared/{rel} is absent, so {what} is not checked");
    None
}
