//! `expect` examples: each must get the answer it states.

use crate::diagnostic::{Code, Data, Diagnostic, Pairs, RowRef};
use crate::model::{Model, Ruling};

pub(crate) fn examples(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for example in &model.examples {
        let decision = &model.decisions[example.decision];
        let answer = decision.evaluate(&example.inputs);
        let expected = match &example.outputs {
            Some(outputs) => model.describe_outputs(decision, outputs),
            None => "impossible".to_string(),
        };
        // What the rules give, whether that is the example's answer, and
        // what decided it: a row, or a constraint with its reason.
        let (actual, holds, decider, label, because, decided_by) = match answer {
            Ruling::Row(r) => {
                let row = &decision.rows[r];
                let actual = model.describe_outputs(decision, &row.outputs);
                let label = format!("this row decides {actual}");
                let holds = example.outputs.as_ref() == Some(&row.outputs);
                let decided_by = Some((
                    RowRef::of(decision, r),
                    Pairs::outcome(model, decision, &row.outputs),
                ));
                (actual, holds, row.span, label, None, decided_by)
            }
            Ruling::Impossible(c) => {
                let constraint = &decision.constraints[c];
                let label = "this constraint excludes the input".to_string();
                let holds = example.outputs.is_none();
                let because = Some(&constraint.because);
                (
                    "impossible".to_string(),
                    holds,
                    constraint.span,
                    label,
                    because,
                    None,
                )
            }
            // A gap or a conflict is its own error, which already names the
            // input; a second one for the example would only repeat it.
            Ruling::Undecided | Ruling::Conflicting(_) => continue,
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
        ))
        .secondary(decider, label)
        .with_data(Data::FailingExpect {
            decision: decision.name.clone(),
            input: Pairs::input(model, decision, &example.inputs),
            expected: example
                .outputs
                .as_ref()
                .map(|o| Pairs::outcome(model, decision, o)),
            actual: decided_by.as_ref().map(|(_, outcome)| outcome.clone()),
            decided_by: decided_by.map(|(row, _)| row),
            because: because.cloned(),
        });
        if let Some(because) = because {
            d = d.note(format!("because: {because}"));
        }
        out.push(d.help("if the documents say otherwise, fix the row; if the rule changed on purpose, update the example"));
    }
    out
}
