//! Structure-aware parse and check: an arbitrary rule-set description,
//! written as `.coex` text, goes through `coex::compile` and the rendering
//! of its diagnostics. When the checker passes it, every input of every
//! decision must be decided exactly once, and the lookup table must agree
//! with the rows.
#![no_main]

use coex_fuzz::{assert_checked_model_decides_everything, RuleSet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|rules: RuleSet| {
    let sources = rules.sources();
    let compiled = coex::compile(&sources);
    let _ = coex::diagnostic::render(&sources, &compiled.diagnostics, false);
    if let Some(model) = compiled.valid_model() {
        assert_checked_model_decides_everything(model, &sources);
    }
});
