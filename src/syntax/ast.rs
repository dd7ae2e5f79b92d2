//! The typed syntax tree: what a `.coex` file says, with a span on every
//! node, before any name is resolved.

use crate::source::{FileId, Span};

/// A name as written: of an enum, value, set, decision, input or output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ident {
    /// The name.
    pub(crate) name: String,
    /// Where it is written.
    pub(crate) span: Span,
}

/// A string literal, unescaped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Text {
    /// The text, escapes replaced.
    pub(crate) value: String,
    /// Where it is written (a literal with its quotes).
    pub(crate) span: Span,
}

/// One parsed `.coex` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// Which file of the rule set this is.
    pub(crate) id: FileId,
    /// Its declarations and top-level `expect`s, in source order.
    pub items: Vec<Item>,
    /// Every `//` comment, in source order (kept for `coex fmt`).
    pub comments: Vec<Comment>,
}

/// A `//` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// The comment's text including the leading `//`.
    pub text: String,
    /// Where it is written, from the `//` to the end of its line.
    pub span: Span,
}

/// A declaration at the top level of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// `enum Name { value, ... }`
    Enum(EnumDecl),
    /// `set Name: Enum = value, ...`
    Set(SetDecl),
    /// `decision name(inputs) -> outputs { ... }`
    Decision(Decision),
    /// `expect decision(args) == outcome` outside any decision.
    Expect(Expect),
}

impl Item {
    /// Where the whole declaration is written.
    pub fn span(&self) -> Span {
        match self {
            Item::Enum(e) => e.span,
            Item::Set(s) => s.span,
            Item::Decision(d) => d.span,
            Item::Expect(e) => e.span,
        }
    }
}

/// `/// doc` lines before a declaration, without the `///`.
pub(crate) type Docs = Vec<Text>;

/// `enum Name { value, value alias other, ... }`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumDecl {
    /// Its `///` lines.
    pub(crate) docs: Docs,
    /// The enum's name.
    pub(crate) name: Ident,
    /// Its values, in the order written.
    pub(crate) values: Vec<EnumValue>,
    /// The whole declaration.
    pub(crate) span: Span,
}

/// One value of an enum, with its aliases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EnumValue {
    /// Its `///` lines.
    pub(crate) docs: Docs,
    /// The value's name.
    pub(crate) name: Ident,
    /// The other names it may be written as (`alias a alias b`).
    pub(crate) aliases: Vec<Ident>,
    /// The value with its aliases.
    pub(crate) span: Span,
}

/// `set Name: Enum = member, ...`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetDecl {
    /// Its `///` lines.
    pub(crate) docs: Docs,
    /// The set's name.
    pub(crate) name: Ident,
    /// The enum whose values it holds.
    pub(crate) enum_name: Ident,
    /// Its members as written: values of that enum, or other sets of it.
    pub(crate) members: Vec<Ident>,
    /// The whole declaration.
    pub(crate) span: Span,
}

/// `decision name(inputs) -> outputs { constraints, tables, expects }`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Its `///` lines.
    pub(crate) docs: Docs,
    /// The decision's name.
    pub(crate) name: Ident,
    /// Its inputs, in order: the columns left of `||`.
    pub(crate) inputs: Vec<Param>,
    /// Its outputs, in order: the columns right of `||`.
    pub(crate) outputs: Vec<Param>,
    /// Its body, in source order.
    pub(crate) items: Vec<DecisionItem>,
    /// The whole declaration.
    pub(crate) span: Span,
}

/// `name: Enum`, an input or output of a decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Param {
    /// The input's or output's name.
    pub(crate) name: Ident,
    /// The enum of its values.
    pub(crate) enum_name: Ident,
    /// Both, with the `:`.
    pub(crate) span: Span,
}

/// What a decision's body holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DecisionItem {
    /// `impossible ...`
    Constraint(Constraint),
    /// `table "title" ...` with its rows.
    Table(Table),
    /// `expect ...` inside the decision.
    Expect(Expect),
}

/// `impossible a == X && b != Y because "..." source "..."`
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Constraint {
    /// Its `///` lines.
    pub(crate) docs: Docs,
    /// The conditions joined by `&&`: the inputs it excludes match all.
    pub(crate) terms: Vec<Term>,
    /// Why they cannot happen.
    pub(crate) because: Text,
    /// The document it cites, if any.
    pub(crate) source: Option<Text>,
    /// The whole constraint.
    pub(crate) span: Span,
}

/// `input == pattern` or `input != pattern`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    /// The input it tests.
    pub(crate) input: Ident,
    /// Whether it is written `!=`.
    pub(crate) negated: bool,
    /// The values it compares with.
    pub(crate) pattern: Pattern,
    /// The whole condition.
    pub(crate) span: Span,
}

/// `table "title" ordered source "..."`, its header and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Table {
    /// Its `///` lines.
    pub(crate) docs: Docs,
    /// The table's title.
    pub(crate) title: Text,
    /// Whether it is `ordered` (the first matching row decides).
    pub(crate) ordered: bool,
    /// The document it cites, if any.
    pub(crate) source: Option<Text>,
    /// The header's input columns, left of `||`.
    pub(crate) input_columns: Vec<Ident>,
    /// The header's output columns, right of `||`.
    pub(crate) output_columns: Vec<Ident>,
    /// The header row.
    pub(crate) header_span: Span,
    /// Its rows, in order.
    pub(crate) rows: Vec<Row>,
    /// The whole table.
    pub(crate) span: Span,
}

/// `| cell | cell || output |`, one row of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    /// Its input cells, one per input column.
    pub(crate) inputs: Vec<Pattern>,
    /// Its output cells, one value per output column.
    pub(crate) outputs: Vec<Ident>,
    /// The document it cites, if any.
    pub(crate) source: Option<Text>,
    /// From the opening `|` to the closing one, without the `source`.
    pub(crate) cells: Span,
    /// The whole row.
    pub(crate) span: Span,
}

/// A table cell or the right side of a condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// `*`
    Any(Span),
    /// `a`, or `a, b`: a value or set name, or several.
    Names(Vec<Ident>, Span),
    /// `!a`, or `!a, b`: every value but these.
    Not(Vec<Ident>, Span),
}

impl Pattern {
    /// Where the cell or condition is written.
    pub(crate) fn span(&self) -> Span {
        match self {
            Pattern::Any(span) | Pattern::Names(_, span) | Pattern::Not(_, span) => *span,
        }
    }
}

/// `expect decision(args) == outcome`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expect {
    /// The decision it asks.
    pub(crate) decision: Ident,
    /// Its arguments: one value per input of the decision.
    pub(crate) inputs: Vec<Arg>,
    /// The answer it expects, right of `==`.
    pub(crate) outcome: Expected,
    /// The document it cites, if any.
    pub(crate) source: Option<Text>,
    /// The whole example.
    pub(crate) span: Span,
}

/// `value` or `name: value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Arg {
    /// The input or output it names, when written `name: value`.
    pub(crate) name: Option<Ident>,
    /// The value it gives.
    pub(crate) value: Ident,
    /// The whole argument.
    pub(crate) span: Span,
}

/// The right side of an `expect`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Expected {
    /// `impossible`: a constraint excludes the input.
    Impossible(Span),
    /// `(a, b)`, or one `a`: a value per output of the decision, and where
    /// they are.
    Outputs(Vec<Arg>, Span),
}
