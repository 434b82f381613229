//! JSON Lines parsing never panics, whatever the bytes; bad lines become errors.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut loaded = crosscheck::input::Loaded::default();
    let opts = crosscheck::input::LoadOptions::default();
    crosscheck::input::parse_jsonl("fuzz.jsonl", data, &opts, &mut loaded);
});
