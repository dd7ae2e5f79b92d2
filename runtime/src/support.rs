//! The types every rule set's tables share: what an answer, an impossible
//! input and a failed string lookup look like. Generated code for any rule
//! set (the shipped one, or a user's through `coex-build`) uses these, so a
//! crate with several rule sets has one `Impossible`, one `EvalError`.

use core::fmt;

/// An `impossible` constraint of the rules: why some inputs cannot exist.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Constraint {
    /// The decision it belongs to.
    pub decision: &'static str,
    /// The constraint's `because` text.
    pub reason: &'static str,
    /// The constraint's `source` citation (empty when it has none).
    pub source: &'static str,
    /// The rule file of the constraint, as the rule set names it.
    pub file: &'static str,
    /// The constraint's 1-based line in its file.
    pub line: u32,
}

/// An input that cannot exist: the [`Constraint`] that excludes it. One
/// pointer, so that a lookup's `Result` stays two words; it dereferences
/// to the constraint (`impossible.reason`, `impossible.source`, ...).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Impossible(&'static Constraint);

impl Impossible {
    /// The error for an input this constraint excludes.
    pub const fn new(constraint: &'static Constraint) -> Impossible {
        Impossible(constraint)
    }

    /// The constraint that excludes the input.
    pub const fn constraint(self) -> &'static Constraint {
        self.0
    }
}

impl core::ops::Deref for Impossible {
    type Target = Constraint;

    fn deref(&self) -> &Constraint {
        self.0
    }
}

impl fmt::Debug for Impossible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Impossible").field(self.0).finish()
    }
}

impl fmt::Display for Impossible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "impossible input for `{}`: {}",
            self.decision, self.reason
        )
    }
}

impl core::error::Error for Impossible {}

/// The row of the rules that decided an answer: where it is and what it
/// cites. Returned only by the `*_rule` functions and `explain`, so callers
/// who do not ask pay nothing for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// The decision the row belongs to.
    pub decision: &'static str,
    /// The title of the row's table.
    pub table: &'static str,
    /// The row's 1-based position in its table.
    pub row: u32,
    /// The rule file of the row, as the rule set names it.
    pub file: &'static str,
    /// The row's 1-based line in its file.
    pub line: u32,
    /// The row's `source` citation, or its table's.
    pub source: &'static str,
    /// The row as written in the rule file.
    pub text: &'static str,
}

/// A string that names no value of an enum (case and aliases considered).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownValue {
    /// The enum that was asked for.
    pub enum_name: &'static str,
    /// Its values, as the rules spell them.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a value of `{}`; expected one of ", self.enum_name)?;
        write_list(f, self.expected)
    }
}

impl core::error::Error for UnknownValue {}

/// Why the string-keyed `eval` gave no outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvalError<'a> {
    /// No decision has this name.
    UnknownDecision {
        /// The name asked for.
        decision: &'a str,
        /// The decisions of the rule set.
        expected: &'static [&'static str],
    },
    /// The decision has no input of this name.
    UnknownInput {
        /// The decision.
        decision: &'static str,
        /// The name given.
        input: &'a str,
        /// The decision's inputs.
        expected: &'static [&'static str],
    },
    /// An input given twice.
    RepeatedInput {
        /// The decision.
        decision: &'static str,
        /// The input given more than once.
        input: &'static str,
    },
    /// An input not given.
    MissingInput {
        /// The decision.
        decision: &'static str,
        /// The first input that has no value.
        input: &'static str,
    },
    /// A value its input's enum does not have.
    UnknownValue {
        /// The decision.
        decision: &'static str,
        /// The input.
        input: &'static str,
        /// The value given.
        value: &'a str,
        /// The values of the input's enum.
        expected: &'static [&'static str],
    },
    /// The input cannot exist.
    Impossible(Impossible),
}

pub(crate) fn write_list(f: &mut fmt::Formatter<'_>, names: &[&str]) -> fmt::Result {
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "`{name}`")?;
    }
    Ok(())
}

impl fmt::Display for EvalError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::UnknownDecision { decision, expected } => {
                write!(f, "unknown decision `{decision}`; the decisions are ")?;
                write_list(f, expected)
            }
            EvalError::UnknownInput {
                decision,
                input,
                expected,
            } => {
                write!(
                    f,
                    "`{input}` is not an input of `{decision}`; its inputs are "
                )?;
                write_list(f, expected)
            }
            EvalError::RepeatedInput { decision, input } => {
                write!(f, "input `{input}` of `{decision}` is given more than once")
            }
            EvalError::MissingInput { decision, input } => {
                write!(f, "input `{input}` of `{decision}` is missing")
            }
            EvalError::UnknownValue {
                decision,
                input,
                value,
                expected,
            } => {
                write!(
                    f,
                    "`{value}` is not a value of input `{input}` of `{decision}`; expected one of "
                )?;
                write_list(f, expected)
            }
            EvalError::Impossible(impossible) => impossible.fmt(f),
        }
    }
}

impl core::error::Error for EvalError<'_> {}

/// The outputs of one answer, with the row that decided it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Explanation {
    /// The outputs as `(name, value)` pairs, in declaration order.
    pub outputs: &'static [(&'static str, &'static str)],
    /// The row that decided.
    pub rule: &'static Rule,
}
