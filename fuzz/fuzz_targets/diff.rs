//! `coex::diff` of two generated rule sets, the second an edit of the
//! first, rendered as text, Markdown and JSON. A rule set compared with
//! itself is the same; and for a decision whose inputs, input values and
//! outputs are the same on both sides, the inputs the diff counts as
//! changed are exactly those a brute-force evaluation of both sides answers
//! differently.
#![no_main]

use coex::diff::{diff, ChangeKind, Side, Status};
use coex_fuzz::{answer_by_name, inputs_of, shape, DiffCase};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: DiffCase| {
    let old_sources = case.old.sources();
    let new_sources = case.new_rules().sources();
    let old_compiled = coex::compile(&old_sources);
    let new_compiled = coex::compile(&new_sources);
    let (Some(old_model), Some(new_model)) = (old_compiled.checked(), new_compiled.checked())
    else {
        return;
    };
    let old = Side {
        model: old_model,
        sources: &old_sources,
    };
    let new = Side {
        model: new_model,
        sources: &new_sources,
    };
    assert!(diff(old, old).is_same(), "a rule set differs from itself");
    let result = diff(old, new);
    let _ = result.text();
    let _ = result.markdown();
    serde_json::to_string(&result).expect("a diff serializes");
    for d in &result.decisions {
        let (Some(o), Some(n)) = (
            old_model.decisions.iter().position(|x| x.name == d.name),
            new_model.decisions.iter().position(|x| x.name == d.name),
        ) else {
            continue;
        };
        if shape(old_model.model(), o) != shape(new_model.model(), n) {
            continue;
        }
        let differing = inputs_of(old_model.model(), o)
            .iter()
            .filter(|input| {
                answer_by_name(old_model.model(), o, input)
                    != answer_by_name(new_model.model(), n, input)
            })
            .count() as u128;
        let counted: u128 = d
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Answer)
            .map(|c| c.inputs)
            .sum();
        assert_eq!(
            differing, counted,
            "`{}`: {differing} inputs answered differently, the diff counts {counted}",
            d.name
        );
        assert_eq!(
            d.status == Status::Unchanged,
            differing == 0,
            "`{}`: status {:?} with {differing} inputs answered differently",
            d.name,
            d.status
        );
    }
});
