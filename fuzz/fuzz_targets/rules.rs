//! The rules loader and the user-extendable lexicon never panic on any text: what they cannot
//! read is an error with a position. A rule that loads is also evaluated on its own examples'
//! shape (nothing more is needed: evaluation is covered by the extraction target's inputs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = crosscheck::rules::Rule::parse("fuzz", "fuzz.toml", "fuzz", text);
    let _ = crosscheck::lexicon::terms::TermsLexicon::parse("lexicon/terms.toml", text);
});
