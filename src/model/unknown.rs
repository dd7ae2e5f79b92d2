//! A question that names a decision or an input the rule set does not
//! have: the error the evaluator (`coex eval`) and the renderer (`coex
//! table`) both give, found and worded here once, with a "did you mean"
//! help. Names are matched ignoring ASCII case.

use super::{Decision, Model};
use crate::suggest;

/// No decision has this name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownDecision {
    /// The name as given.
    pub decision: String,
    /// The closest decision (`did you mean ...?`), or the few there are.
    pub help: Option<String>,
}

/// The decision has no input of this name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownInput {
    /// The decision, as the rules spell it.
    pub decision: String,
    /// The name as given.
    pub input: String,
    /// Where the question gave it, such as the flag `--columns`, if it
    /// says so.
    pub given_in: Option<&'static str>,
    /// The closest input (`did you mean ...?`), or the few there are.
    pub help: Option<String>,
}

impl UnknownDecision {
    /// The error for `name`, which no decision of `model` has.
    pub fn new(model: &Model, name: &str) -> UnknownDecision {
        UnknownDecision {
            decision: name.to_string(),
            help: suggest::help_for(
                name,
                "decisions",
                model.decisions.iter().map(|d| d.name.as_str()),
            ),
        }
    }
}

impl UnknownInput {
    /// The error for `name`, which no input of `decision` has.
    pub fn new(decision: &Decision, name: &str) -> UnknownInput {
        UnknownInput {
            decision: decision.name.clone(),
            input: name.to_string(),
            given_in: None,
            help: suggest::help_for(
                name,
                "inputs",
                decision.inputs.iter().map(|c| c.name.as_str()),
            ),
        }
    }
}

impl Model {
    /// The index of the decision named `name`, ignoring ASCII case.
    pub fn find_decision(&self, name: &str) -> Result<usize, UnknownDecision> {
        self.decisions
            .iter()
            .position(|d| d.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownDecision::new(self, name))
    }
}

impl Decision {
    /// The index of the input named `name`, ignoring ASCII case.
    pub fn find_input(&self, name: &str) -> Result<usize, UnknownInput> {
        self.inputs
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownInput::new(self, name))
    }
}

fn help(f: &mut std::fmt::Formatter<'_>, help: &Option<String>) -> std::fmt::Result {
    match help {
        Some(help) => write!(f, "; {help}"),
        None => Ok(()),
    }
}

impl std::fmt::Display for UnknownDecision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown decision `{}`", self.decision)?;
        help(f, &self.help)
    }
}

impl std::fmt::Display for UnknownInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}`", self.input)?;
        if let Some(given_in) = self.given_in {
            write!(f, " (in `{given_in}`)")?;
        }
        write!(f, " is not an input of `{}`", self.decision)?;
        help(f, &self.help)
    }
}

impl std::error::Error for UnknownDecision {}

impl std::error::Error for UnknownInput {}

#[cfg(test)]
mod tests {
    use crate::source::Sources;

    #[test]
    fn names_are_found_ignoring_case_and_misses_are_worded_with_help() {
        let mut sources = Sources::new();
        sources.add(
            "rules.coex",
            "enum Mode { A, B }\n\
             decision route(sender_mode: Mode) -> lands: Mode {\n    table \"t\"\n    | sender_mode || lands |\n    | * || A |\n}\n",
        );
        let compiled = crate::compile(&sources);
        let model = compiled.checked().expect("a valid rule set");
        let route = model.find_decision("ROUTE").expect("found ignoring case");
        assert_eq!(route, 0);
        let decision = &model.decisions[route];
        assert_eq!(decision.find_input("Sender_Mode"), Ok(0));

        let unknown = model.find_decision("rout").unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "unknown decision `rout`; did you mean `route`?"
        );
        let mut unknown = decision.find_input("sender_mod").unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "`sender_mod` is not an input of `route`; did you mean `sender_mode`?"
        );
        unknown.given_in = Some("--columns");
        assert_eq!(
            unknown.to_string(),
            "`sender_mod` (in `--columns`) is not an input of `route`; did you mean `sender_mode`?"
        );
    }
}
