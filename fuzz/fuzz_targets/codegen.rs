//! `coex::generate` on small generated rule sets: whenever it returns Rust
//! source, that source parses as a Rust file (`syn`, full syntax).
//! Compiling it is too slow per input; a property test does that.
#![no_main]

use coex_fuzz::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|rules: RuleSet| {
    let sources = rules.sources();
    if let Ok(rust) = coex::generate(&sources, "fuzz", &coex::codegen::Options::default()) {
        if let Err(e) = syn::parse_file(&rust) {
            panic!("the generated code is not Rust: {e}\n{rust}");
        }
    }
});
