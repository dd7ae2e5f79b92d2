//! Examples (`expect`): the decision they are about, and their arguments
//! matched to its inputs and outputs.

use super::errors::{self, Side};
use super::Resolver;
use crate::diagnostic::Diagnostic;
use crate::model::{EnumId, Example, ValueId};
use crate::source::Span;
use crate::syntax::ast;

impl Resolver {
    /// Resolve an example; `enclosing` is the decision it is written in.
    pub(super) fn example(&mut self, e: &ast::Expect, enclosing: Option<&ast::Ident>) {
        if let Some(enclosing) = enclosing {
            if enclosing.name != e.decision.name {
                self.error(errors::expect_elsewhere(e, enclosing));
                return;
            }
        }
        let decisions = &self.model.decisions;
        let Some(index) = decisions.iter().position(|d| d.name == e.decision.name) else {
            let d =
                errors::unknown_decision(&e.decision, decisions.iter().map(|d| d.name.as_str()));
            self.error(d);
            return;
        };
        let decision = &self.model.decisions[index];
        let inputs = Side {
            decision,
            columns: &decision.inputs,
            what: "input",
        };
        let inputs = self.values(arguments(inputs, &e.inputs, e.span));
        let outputs = match &e.outcome {
            ast::Expected::Impossible(_) => Some(None),
            ast::Expected::Outputs(args, span) => {
                let decision = &self.model.decisions[index];
                let outputs = Side {
                    decision,
                    columns: &decision.outputs,
                    what: "output",
                };
                self.values(arguments(outputs, args, *span)).map(Some)
            }
        };
        if let (Some(inputs), Some(outputs)) = (inputs, outputs) {
            self.model.examples.push(Example {
                decision: index,
                inputs,
                outputs,
                span: e.span,
            });
        }
    }

    /// The values of matched arguments, or `None` after reporting why not.
    fn values(
        &mut self,
        matched: Result<Vec<(EnumId, &ast::Ident)>, Diagnostic>,
    ) -> Option<Vec<ValueId>> {
        let matched = match matched {
            Ok(matched) => matched,
            Err(d) => {
                self.error(d);
                return None;
            }
        };
        let mut values = Vec::with_capacity(matched.len());
        let mut ok = true;
        for (enum_id, name) in matched {
            match self.value(enum_id, name) {
                Some(v) => values.push(v),
                None => ok = false,
            }
        }
        ok.then_some(values)
    }
}

/// Match an example's arguments to one side's columns: all positional, in
/// order, or all named, in any order. Each column's enum with the value
/// name given for it.
fn arguments<'a>(
    side: Side<'_>,
    args: &'a [ast::Arg],
    span: Span,
) -> Result<Vec<(EnumId, &'a ast::Ident)>, Diagnostic> {
    let named = args.iter().filter(|a| a.name.is_some()).count();
    if named != 0 && named != args.len() {
        return Err(errors::mixed_arguments(side, span));
    }
    if named == 0 {
        if args.len() != side.columns.len() {
            return Err(errors::argument_count(side, span, args.len()));
        }
        return Ok(side
            .columns
            .iter()
            .zip(args)
            .map(|(column, arg)| (column.enum_id, &arg.value))
            .collect());
    }
    let mut slots: Vec<Option<&ast::Ident>> = vec![None; side.columns.len()];
    for arg in args {
        let Some(name) = &arg.name else {
            continue;
        };
        match side.columns.iter().position(|c| c.name == name.name) {
            Some(i) if slots[i].is_none() => slots[i] = Some(&arg.value),
            Some(_) => return Err(errors::argument_twice(side, name)),
            None => return Err(errors::unknown_argument(side, name)),
        }
    }
    let mut matched = Vec::with_capacity(slots.len());
    let mut missing = Vec::new();
    for (column, slot) in side.columns.iter().zip(slots) {
        match slot {
            Some(value) => matched.push((column.enum_id, value)),
            None => missing.push(column),
        }
    }
    if missing.is_empty() {
        Ok(matched)
    } else {
        Err(errors::arguments_left_out(side, span, &missing))
    }
}
