//! The wording of every error name resolution reports: one function per
//! diagnostic, taking the facts and returning the [`Diagnostic`]. The
//! resolver decides what is wrong; this module says it.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Column, Decision, Enum};
use crate::source::Span;
use crate::suggest;
use crate::syntax::ast;

/// `what` (such as "enum `Mode`") is declared twice; `first` and `again`
/// are the places of its two names.
pub fn duplicate(what: &str, name: &str, first: Span, again: Span) -> Diagnostic {
    Diagnostic::new(Code::Duplicate, format!("{what} is defined more than once"))
        .primary(again, format!("`{name}` defined again here"))
        .secondary(first, "first defined here")
        .help(format!("rename one of them, or remove the second `{name}`"))
}

/// A value name or alias of enum `of` equal, ignoring case, to an earlier one.
pub fn duplicate_value(name: &ast::Ident, of: &str, first: Span) -> Diagnostic {
    duplicate(
        &format!("value `{}` of `{of}`", name.name),
        &name.name,
        first,
        name.span,
    )
    .note("value names and aliases are matched ignoring case")
}

pub fn empty_enum(decl: &ast::EnumDecl) -> Diagnostic {
    Diagnostic::new(
        Code::EmptyPattern,
        format!("enum `{}` has no values", decl.name.name),
    )
    .primary(decl.span, "no values here")
    .help("list the values inside the braces, one per line or separated by commas")
}

pub fn unknown_enum<'a>(
    name: &ast::Ident,
    enums: impl IntoIterator<Item = &'a str> + Clone,
) -> Diagnostic {
    let d = Diagnostic::new(Code::UnknownName, format!("unknown enum `{}`", name.name))
        .primary(name.span, "not an enum of this rule set");
    with_suggestion(d, &name.name, "enums", enums)
}

/// A set named like a value of its own enum.
pub fn set_named_like_value(set: &ast::Ident, of: &Enum, value_span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::Duplicate,
        format!(
            "set `{}` has the name of a value of `{}`",
            set.name, of.name
        ),
    )
    .primary(set.span, "a cell naming this would be ambiguous")
    .secondary(value_span, "the value is declared here")
    .help("give the set a name no value of its enum has")
}

/// A set whose members lead back to it; `cycle` names the sets in order,
/// back to the first.
pub fn cyclic_set(set: &ast::Ident, cycle: &[&str]) -> Diagnostic {
    let cycle: Vec<String> = cycle.iter().map(|name| format!("`{name}`")).collect();
    Diagnostic::new(
        Code::CyclicSet,
        format!("set `{}` is defined in terms of itself", set.name),
    )
    .primary(set.span, "this set")
    .note(format!("the cycle: {}", cycle.join(" → ")))
    .help("list the values of a set directly, or through sets that do not lead back to it")
}

/// `name`, expected to be a value of `expected`, is a value of `actual`.
pub fn value_of_other_enum(name: &ast::Ident, actual: &Enum, expected: &Enum) -> Diagnostic {
    Diagnostic::new(
        Code::WrongEnum,
        format!(
            "`{}` is a value of `{}`, not of `{}`",
            name.name, actual.name, expected.name
        ),
    )
    .primary(
        name.span,
        format!("expected a value of `{}`", expected.name),
    )
    .help(values_help(expected))
}

/// `name`, expected to be a value (or, with `sets_allowed`, a set) of
/// `expected`, is a set of `actual`.
pub fn misplaced_set(
    name: &ast::Ident,
    actual: &Enum,
    expected: &Enum,
    sets_allowed: bool,
) -> Diagnostic {
    let message = if sets_allowed {
        format!(
            "`{}` is a set of `{}`, not of `{}`",
            name.name, actual.name, expected.name
        )
    } else {
        format!(
            "expected one value of `{}`, found set `{}`",
            expected.name, name.name
        )
    };
    Diagnostic::new(Code::WrongEnum, message)
        .primary(
            name.span,
            format!("expected a value of `{}`", expected.name),
        )
        .help(values_help(expected))
}

/// `name` is no value of `expected`, nor anything else known; `candidates`
/// are the names that would fit.
pub fn unknown_value<'a>(
    name: &ast::Ident,
    expected: &Enum,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Diagnostic {
    let d = Diagnostic::new(
        Code::UnknownName,
        format!("unknown value `{}` of `{}`", name.name, expected.name),
    )
    .primary(name.span, format!("not a value of `{}`", expected.name));
    with_suggestion(d, &name.name, "values", candidates)
}

/// A cell whose `!` takes away every value of the column's enum.
pub fn empty_cell(cell: Span, of: &Enum) -> Diagnostic {
    Diagnostic::new(Code::EmptyPattern, "this cell matches no value")
        .primary(cell, "no value of the column is allowed here")
        .help(format!(
            "`!` takes away values; here it takes away every value of `{}`",
            of.name
        ))
}

pub fn unknown_input(name: &ast::Ident, decision: &Decision) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::UnknownName,
        format!("`{}` is not an input of `{}`", name.name, decision.name),
    )
    .primary(name.span, "unknown input")
    .secondary(decision.span, "decision declared here");
    if decision.outputs.iter().any(|c| c.name == name.name) {
        d = d.note(format!(
            "`{}` is an output; conditions and input cells name inputs",
            name.name
        ));
    }
    with_suggestion(d, &name.name, "inputs", column_names(&decision.inputs))
}

/// A term of a constraint that no value of its input satisfies, together
/// with the terms on that input before it.
pub fn empty_condition(term: &ast::Term) -> Diagnostic {
    Diagnostic::new(Code::EmptyPattern, "this condition can never hold")
        .primary(
            term.span,
            format!("no value of `{}` satisfies it", term.input.name),
        )
        .help(
            "a constraint's terms must all hold at once; split it into two constraints for \"or\"",
        )
}

/// A column right of `||` that is no output of the decision.
pub fn not_an_output(name: &ast::Ident, decision: &Decision) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::BadHeader,
        format!("`{}` is not an output of `{}`", name.name, decision.name),
    )
    .primary(name.span, "right of `||` come the decision's outputs");
    if decision.inputs.iter().any(|c| c.name == name.name) {
        d = d.note(format!("`{}` is an input: put it left of `||`", name.name));
    }
    with_suggestion(d, &name.name, "outputs", column_names(&decision.outputs))
}

/// A table header without some outputs of the decision.
pub fn outputs_left_out(header: Span, decision: &Decision, missing: &[&Column]) -> Diagnostic {
    let missing = quoted_names(missing);
    Diagnostic::new(
        Code::BadHeader,
        format!("table header leaves out output {missing}"),
    )
    .primary(header, "every row must give every output")
    .secondary(decision.span, "decision declared here")
    .help(format!("add {missing} right of `||`"))
}

/// A row with another number of cells than its table's header has columns.
pub fn cell_count(row: &ast::Row, header: Span, inputs: usize, outputs: usize) -> Diagnostic {
    Diagnostic::new(
        Code::CellCount,
        format!(
            "row has {} input and {} output cells, the header {inputs} and {outputs}",
            row.inputs.len(),
            row.outputs.len(),
        ),
    )
    .primary(row.cells, "wrong number of cells")
    .secondary(header, "the header")
    .help("give every column of the header one cell; `*` allows any value")
}

/// An `expect` inside a decision that is about another decision.
pub fn expect_elsewhere(expect: &ast::Expect, enclosing: &ast::Ident) -> Diagnostic {
    Diagnostic::new(
        Code::BadExpect,
        format!(
            "`expect {}` inside decision `{}`",
            expect.decision.name, enclosing.name
        ),
    )
    .primary(
        expect.decision.span,
        "an example inside a decision must be about it",
    )
    .help("move the example next to the decision it is about")
}

pub fn unknown_decision<'a>(
    name: &ast::Ident,
    decisions: impl IntoIterator<Item = &'a str> + Clone,
) -> Diagnostic {
    let d = Diagnostic::new(
        Code::UnknownName,
        format!("unknown decision `{}`", name.name),
    )
    .primary(name.span, "no decision of this name");
    with_suggestion(d, &name.name, "decisions", decisions)
}

/// The arguments of an example for one side of a decision: its columns
/// (inputs or outputs), and `what` one of them is called.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub decision: &'a Decision,
    pub columns: &'a [Column],
    pub what: &'static str,
}

/// Some arguments named and some not.
pub fn mixed_arguments(side: Side<'_>, arguments: Span) -> Diagnostic {
    let what = side.what;
    Diagnostic::new(
        Code::BadExpect,
        format!("mixed named and positional {what}s"),
    )
    .primary(arguments, "some are named, some are not")
    .help(format!("name every {what} (`name: value`) or none"))
}

/// Positional arguments, `given` of them where the side has another number.
pub fn argument_count(side: Side<'_>, arguments: Span, given: usize) -> Diagnostic {
    let what = side.what;
    let expected = side.columns.len();
    Diagnostic::new(
        Code::BadExpect,
        format!(
            "`{}` has {expected} {what}s, this example gives {given}",
            side.decision.name
        ),
    )
    .primary(arguments, format!("expected {expected} {what}s"))
    .secondary(side.decision.span, "decision declared here")
    .help(format!(
        "give, in order: {}",
        quoted_names(&side.columns.iter().collect::<Vec<_>>())
    ))
}

pub fn argument_twice(side: Side<'_>, name: &ast::Ident) -> Diagnostic {
    Diagnostic::new(
        Code::BadExpect,
        format!("{} `{}` given twice", side.what, name.name),
    )
    .primary(name.span, "given again here")
}

pub fn unknown_argument(side: Side<'_>, name: &ast::Ident) -> Diagnostic {
    let what = side.what;
    let d = Diagnostic::new(
        Code::UnknownName,
        format!(
            "`{}` is not an {what} of `{}`",
            name.name, side.decision.name
        ),
    )
    .primary(name.span, format!("unknown {what}"));
    with_suggestion(
        d,
        &name.name,
        &format!("{what}s"),
        column_names(side.columns),
    )
}

/// Named arguments that leave out some columns.
pub fn arguments_left_out(side: Side<'_>, arguments: Span, missing: &[&Column]) -> Diagnostic {
    let what = side.what;
    Diagnostic::new(
        Code::BadExpect,
        format!("example leaves out {what} {}", quoted_names(missing)),
    )
    .primary(arguments, format!("every {what} needs a value"))
}

/// A "did you mean" help, when one of `candidates` is close to `name`.
fn with_suggestion<'a>(
    d: Diagnostic,
    name: &str,
    kind: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Diagnostic {
    match suggest::help_for(name, kind, candidates) {
        Some(help) => d.help(help),
        None => d,
    }
}

fn column_names(columns: &[Column]) -> impl Iterator<Item = &str> + Clone {
    columns.iter().map(|c| c.name.as_str())
}

/// `` `a`, `b` ``: the columns' names, quoted.
fn quoted_names(columns: &[&Column]) -> String {
    let names: Vec<String> = columns.iter().map(|c| format!("`{}`", c.name)).collect();
    names.join(", ")
}

/// `` the values of `Mode` are `A`, `B` ``
fn values_help(e: &Enum) -> String {
    let names: Vec<String> = e.values.iter().map(|v| format!("`{}`", v.name)).collect();
    format!("the values of `{}` are {}", e.name, names.join(", "))
}
