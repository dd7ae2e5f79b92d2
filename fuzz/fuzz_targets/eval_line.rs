//! One question to the shipped rules, as `coex eval` reads it. The batch
//! line parser itself lives in the binary (`src/cli/eval.rs`), so this
//! target reads the line the way its general path does (a JSON object with
//! `decision`, `inputs` and `explain`) and asks `coex::eval::Evaluator`;
//! a line that is not JSON is read as a command line's words (`decision
//! name=value ...` or `decision value ...`). Answers and errors are
//! serialized and displayed as the command prints them.
#![no_main]

use coex::eval::{Answer, EvalError, Evaluator};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::sync::OnceLock;

fn evaluator() -> &'static Evaluator<'static> {
    static EVALUATOR: OnceLock<Evaluator<'static>> = OnceLock::new();
    EVALUATOR.get_or_init(|| {
        let sources: &'static _ = Box::leak(Box::new(coex::shipped::sources()));
        let compiled: &'static coex::Compiled = Box::leak(Box::new(coex::compile(sources)));
        let model = compiled.valid_model().expect("the shipped rules check");
        Evaluator::new(model, sources)
    })
}

fn show(result: Result<Answer<'_>, EvalError>) {
    match result {
        Ok(answer) => {
            assert_eq!(
                answer.inputs.len(),
                evaluator()
                    .model()
                    .decision_named(answer.decision)
                    .unwrap()
                    .inputs
                    .len()
            );
            serde_json::to_string(&answer).expect("an answer serializes");
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let evaluator = evaluator();
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    match serde_json::from_str::<Value>(line.trim()) {
        Ok(request) => {
            let Some(object) = request.as_object() else {
                return;
            };
            let Some(decision) = object.get("decision").and_then(Value::as_str) else {
                return;
            };
            let Some(inputs) = object.get("inputs").and_then(Value::as_object) else {
                return;
            };
            let pairs: Option<Vec<(&str, &str)>> = inputs
                .iter()
                .map(|(name, value)| value.as_str().map(|v| (name.as_str(), v)))
                .collect();
            if let Some(pairs) = pairs {
                show(evaluator.eval_named(decision, pairs));
            }
        }
        Err(_) => {
            let mut words = line.split_whitespace();
            let Some(decision) = words.next() else {
                return;
            };
            let words: Vec<&str> = words.collect();
            if words.iter().all(|w| w.contains('=')) {
                let pairs = words.iter().filter_map(|w| w.split_once('='));
                show(evaluator.eval_named(decision, pairs));
            } else {
                show(evaluator.eval_positional(decision, words.iter().copied()));
            }
        }
    }
});
