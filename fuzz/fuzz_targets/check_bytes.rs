//! Parse and check raw bytes as a rule set, then render the diagnostics, as
//! `coex check` does. A NUL byte separates files (a rule set of several
//! files); bytes that are not UTF-8 are read lossily, so a file's text is
//! whatever libFuzzer writes.
#![no_main]

use coex::source::Sources;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut sources = Sources::new();
    for (i, part) in data.split(|&b| b == 0).take(4).enumerate() {
        sources.add(format!("rules/f{i}.coex"), String::from_utf8_lossy(part));
    }
    let compiled = coex::compile(&sources);
    let _ = coex::diagnostic::render(&sources, &compiled.diagnostics, false);
    let _ = coex::diagnostic::render(&sources, &compiled.diagnostics, true);
    for diagnostic in &compiled.diagnostics {
        serde_json::to_string(&diagnostic.to_json(&sources)).expect("a diagnostic serializes");
    }
});
