//! `expect` examples: each must get the answer it states.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Answer, Model};

pub fn examples(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for example in &model.examples {
        let decision = &model.decisions[example.decision];
        let answer = decision.evaluate(&example.inputs);
        let expected = match &example.outputs {
            Some(outputs) => model.describe_outputs(decision, outputs),
            None => "impossible".to_string(),
        };
        let (actual, holds) = match (&answer, &example.outputs) {
            (Answer::Row(r), Some(outputs)) => (
                model.describe_outputs(decision, &decision.rows[*r].outputs),
                decision.rows[*r].outputs == *outputs,
            ),
            (Answer::Row(r), None) => (
                model.describe_outputs(decision, &decision.rows[*r].outputs),
                false,
            ),
            (Answer::Impossible(_), outputs) => ("impossible".to_string(), outputs.is_none()),
            // A gap or a conflict is its own error, which already names the
            // input; a second one for the example would only repeat it.
            (Answer::Undecided | Answer::Conflicting(_), _) => continue,
        };
        if holds {
            continue;
        }
        let mut d = Diagnostic::new(
            Code::FailingExpect,
            format!("example of `{}` does not hold", decision.name),
        )
        .primary(
            example.span,
            format!("expected {expected}, the rules give {actual}"),
        )
        .note(format!(
            "input: {}",
            model.describe_input(decision, &example.inputs)
        ));
        match answer {
            Answer::Row(r) => {
                d = d.secondary(decision.rows[r].span, format!("this row decides {actual}"));
            }
            Answer::Impossible(c) => {
                let constraint = &decision.constraints[c];
                d = d
                    .secondary(constraint.span, "this constraint excludes the input")
                    .note(format!("because: {}", constraint.because));
            }
            Answer::Conflicting(_) | Answer::Undecided => {}
        }
        out.push(d.help("if the documents say otherwise, fix the row; if the rule changed on purpose, update the example"));
    }
    out
}
