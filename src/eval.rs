//! Checked model → answers: evaluate a decision on named string inputs, the
//! way `coex eval` and the runtime's `eval` do, with the row that decided.
//!
//! Names and values are matched ignoring ASCII case, aliases included. The
//! answer comes from the same lookup table the runtime bakes (one index per
//! input).

use crate::lookup::{self, Citation, ConstraintCitation, Entry, LookupTable};
use crate::model::{CheckedModel, Decision, Model, UnknownDecision, UnknownInput, ValueId};
use crate::source::Sources;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A rule set ready to answer questions.
pub struct Evaluator<'m> {
    checked: CheckedModel<'m>,
    sources: &'m Sources,
    by_name: HashMap<String, usize>,
    decisions: Vec<Prepared>,
}

struct Prepared {
    /// The decision's lookup table, built the first time it is asked, so
    /// that a rule set of many large decisions costs only the tables of the
    /// decisions asked about.
    /// The table holds the citations of the rows and constraints too.
    table: OnceLock<LookupTable>,
    input_by_name: HashMap<String, usize>,
}

/// One answer: the inputs as the rules spell them, the outputs, and the
/// row that decided. It borrows from the evaluator: answering allocates
/// only the two lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Answer<'e> {
    /// The decision's name, as the rules spell it.
    pub decision: &'e str,
    /// Each input's name and value, in the decision's input order.
    pub inputs: Vec<(&'e str, &'e str)>,
    /// Each output's name and value, in the decision's output order.
    pub outputs: Vec<(&'e str, &'e str)>,
    /// The row that decided: its file, line, table, position and source.
    pub rule: &'e Citation,
}

/// Why there is no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// No decision has the name asked about.
    UnknownDecision(UnknownDecision),
    /// The decision has no input of the name given.
    UnknownInput(UnknownInput),
    /// An input is given a value more than once.
    RepeatedInput {
        /// The decision's name.
        decision: String,
        /// The input given twice.
        input: String,
    },
    /// Inputs given by name, but some left without a value.
    MissingInputs {
        /// The decision's name.
        decision: String,
        /// The inputs left without a value, in input order.
        inputs: Vec<String>,
    },
    /// Values given by position, but not one per input.
    WrongValueCount {
        /// The decision's name.
        decision: String,
        /// Every input's name, in the order values are expected.
        inputs: Vec<String>,
        /// How many values were given.
        given: usize,
    },
    /// A value the input does not take (neither a value of its enum nor
    /// an alias of one).
    UnknownValue {
        /// The decision's name.
        decision: String,
        /// The input given the value.
        input: String,
        /// The value as given.
        value: String,
        /// The values the input takes.
        expected: Vec<String>,
    },
    /// The input is excluded by an `impossible` constraint: the rules'
    /// answer, not a mistake in the question.
    Impossible {
        /// The decision's name.
        decision: String,
        /// Each input's name and value, as the rules spell them.
        inputs: Vec<(String, String)>,
        /// The constraint that excludes it, with its reason and place.
        constraint: Box<ConstraintCitation>,
    },
}

impl EvalError {
    /// An impossible input is the rules' answer; the others are mistakes in
    /// the question.
    pub fn is_impossible(&self) -> bool {
        matches!(self, EvalError::Impossible { .. })
    }
}

fn backticked(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvalError::UnknownDecision(unknown) => unknown.fmt(f),
            EvalError::UnknownInput(unknown) => unknown.fmt(f),
            EvalError::RepeatedInput { decision, input } => {
                write!(f, "input `{input}` of `{decision}` is given more than once")
            }
            EvalError::MissingInputs { decision, inputs } => {
                write!(f, "`{decision}` needs a value for {}", backticked(inputs))
            }
            EvalError::WrongValueCount {
                decision,
                inputs,
                given,
            } => {
                let given = match given {
                    1 => "1 value was given".to_string(),
                    n => format!("{n} values were given"),
                };
                write!(
                    f,
                    "`{decision}` takes {} values, for {} in this order, and {given}",
                    inputs.len(),
                    backticked(inputs)
                )
            }
            EvalError::UnknownValue {
                decision,
                input,
                value,
                expected,
            } => write!(
                f,
                "`{value}` is not a value of input `{input}` of `{decision}`; expected one of {}",
                backticked(expected)
            ),
            EvalError::Impossible {
                decision,
                constraint,
                ..
            } => {
                write!(
                    f,
                    "impossible input for `{decision}`: {}",
                    constraint.because
                )
            }
        }
    }
}

impl std::error::Error for EvalError {}

impl<'m> Evaluator<'m> {
    /// An evaluator of a checked model; `sources` are the rule files, for
    /// the citations of the deciding rows. LookupTables are built when first asked.
    pub fn new(checked: CheckedModel<'m>, sources: &'m Sources) -> Evaluator<'m> {
        let model = checked.model();
        let decisions = model
            .decisions
            .iter()
            .map(|decision| Prepared {
                table: OnceLock::new(),
                input_by_name: decision
                    .inputs
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.name.to_ascii_lowercase(), i))
                    .collect(),
            })
            .collect();
        Evaluator {
            checked,
            sources,
            by_name: model
                .decisions
                .iter()
                .enumerate()
                .map(|(i, d)| (d.name.to_ascii_lowercase(), i))
                .collect(),
            decisions,
        }
    }

    /// The model it answers from.
    pub fn model(&self) -> &Model {
        self.checked.model()
    }

    fn decision(&self, name: &str) -> Result<(usize, &Decision), EvalError> {
        let model = self.checked.model();
        match self.by_name.get(&name.to_ascii_lowercase()) {
            Some(&i) => Ok((i, &model.decisions[i])),
            None => Err(EvalError::UnknownDecision(UnknownDecision::new(
                model, name,
            ))),
        }
    }

    /// Answer with inputs given by name, in any order.
    pub fn eval_named<'a>(
        &self,
        decision: &str,
        inputs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Answer<'_>, EvalError> {
        let (index, d) = self.decision(decision)?;
        let prepared = &self.decisions[index];
        let mut values: Vec<Option<ValueId>> = vec![None; d.inputs.len()];
        for (name, value) in inputs {
            let Some(&position) = prepared.input_by_name.get(&name.to_ascii_lowercase()) else {
                return Err(EvalError::UnknownInput(UnknownInput::new(d, name)));
            };
            if values[position].is_some() {
                return Err(EvalError::RepeatedInput {
                    decision: d.name.clone(),
                    input: d.inputs[position].name.clone(),
                });
            }
            values[position] = Some(self.value(d, position, value)?);
        }
        let missing: Vec<String> = d
            .inputs
            .iter()
            .zip(&values)
            .filter(|(_, v)| v.is_none())
            .map(|(c, _)| c.name.clone())
            .collect();
        if !missing.is_empty() {
            return Err(EvalError::MissingInputs {
                decision: d.name.clone(),
                inputs: missing,
            });
        }
        let values: Vec<ValueId> = values.into_iter().flatten().collect();
        self.answer(index, &values)
    }

    /// Answer with one value per input, in the decision's input order.
    pub fn eval_positional<'a>(
        &self,
        decision: &str,
        values: impl IntoIterator<Item = &'a str>,
    ) -> Result<Answer<'_>, EvalError> {
        let (index, d) = self.decision(decision)?;
        let values: Vec<&str> = values.into_iter().collect();
        if values.len() != d.inputs.len() {
            return Err(EvalError::WrongValueCount {
                decision: d.name.clone(),
                inputs: d.inputs.iter().map(|i| i.name.clone()).collect(),
                given: values.len(),
            });
        }
        let ids = values
            .iter()
            .enumerate()
            .map(|(position, value)| self.value(d, position, value))
            .collect::<Result<Vec<_>, _>>()?;
        self.answer(index, &ids)
    }

    fn value(&self, d: &Decision, position: usize, value: &str) -> Result<ValueId, EvalError> {
        let column = &d.inputs[position];
        self.checked
            .model()
            .find_value(column.enum_id, value)
            .ok_or_else(|| EvalError::UnknownValue {
                decision: d.name.clone(),
                input: column.name.clone(),
                value: value.to_string(),
                expected: self.checked.model().enums[column.enum_id]
                    .values
                    .iter()
                    .map(|v| v.name.clone())
                    .collect(),
            })
    }

    /// Answer one input given as value ids.
    pub fn answer(&self, index: usize, input: &[ValueId]) -> Result<Answer<'_>, EvalError> {
        let d = &self.checked.model().decisions[index];
        let prepared = &self.decisions[index];
        let table = prepared
            .table
            .get_or_init(|| lookup::build_decision(self.checked, self.sources, index));
        let entry = table.lookup(input);
        let model = self.checked.model();
        let named = |columns: &'m [crate::model::Column], values: &[ValueId]| {
            columns
                .iter()
                .zip(values)
                .map(|(c, &v)| {
                    (
                        c.name.as_str(),
                        model.enums[c.enum_id].values[v as usize].name.as_str(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let inputs = named(&d.inputs, input);
        match entry {
            Entry::Row(r) => Ok(Answer {
                decision: &d.name,
                inputs,
                outputs: named(&d.outputs, &d.rows[r as usize].outputs),
                rule: &table.rows[r as usize],
            }),
            Entry::Impossible(c) => Err(EvalError::Impossible {
                decision: d.name.clone(),
                inputs: inputs
                    .into_iter()
                    .map(|(n, v)| (n.to_string(), v.to_string()))
                    .collect(),
                constraint: Box::new(table.constraints[c as usize].clone()),
            }),
        }
    }
}
