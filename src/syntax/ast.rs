//! The typed syntax tree: what a `.coex` file says, with a span on every
//! node, before any name is resolved.

use crate::source::{FileId, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A string literal, unescaped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

/// One parsed `.coex` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub id: FileId,
    pub items: Vec<Item>,
    /// Every `//` comment, in source order (kept for `coex fmt`).
    pub comments: Vec<Comment>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// The comment's text including the leading `//`.
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Enum(EnumDecl),
    Set(SetDecl),
    Decision(Decision),
    Expect(Expect),
}

impl Item {
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
pub type Docs = Vec<Text>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumDecl {
    pub docs: Docs,
    pub name: Ident,
    pub values: Vec<EnumValue>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumValue {
    pub docs: Docs,
    pub name: Ident,
    pub aliases: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetDecl {
    pub docs: Docs,
    pub name: Ident,
    pub enum_name: Ident,
    pub members: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub docs: Docs,
    pub name: Ident,
    pub inputs: Vec<Param>,
    pub outputs: Vec<Param>,
    pub items: Vec<DecisionItem>,
    pub span: Span,
}

/// `name: Enum`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: Ident,
    pub enum_name: Ident,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionItem {
    Constraint(Constraint),
    Table(Table),
    Expect(Expect),
}

/// `impossible a == X && b != Y because "..." source "..."`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constraint {
    pub docs: Docs,
    pub terms: Vec<Term>,
    pub because: Text,
    pub source: Option<Text>,
    pub span: Span,
}

/// `input == pattern` or `input != pattern`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub input: Ident,
    pub negated: bool,
    pub pattern: Pattern,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub docs: Docs,
    pub title: Text,
    pub ordered: bool,
    pub source: Option<Text>,
    pub input_columns: Vec<Ident>,
    pub output_columns: Vec<Ident>,
    pub header_span: Span,
    pub rows: Vec<Row>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub inputs: Vec<Pattern>,
    pub outputs: Vec<Ident>,
    pub source: Option<Text>,
    /// From the opening `|` to the closing one, without the `source`.
    pub cells: Span,
    pub span: Span,
}

/// A table cell or the right side of a condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// `*`
    Any(Span),
    /// `a`, or `a, b`: a value or set name, or several.
    Names(Vec<Ident>, Span),
    /// `!a`, or `!a, b`: every value but these.
    Not(Vec<Ident>, Span),
}

impl Pattern {
    pub fn span(&self) -> Span {
        match self {
            Pattern::Any(span) | Pattern::Names(_, span) | Pattern::Not(_, span) => *span,
        }
    }
}

/// `expect decision(args) == outcome`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expect {
    pub decision: Ident,
    pub inputs: Vec<Arg>,
    pub outcome: Outcome,
    pub source: Option<Text>,
    pub span: Span,
}

/// `value` or `name: value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arg {
    pub name: Option<Ident>,
    pub value: Ident,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Impossible(Span),
    Outputs(Vec<Arg>, Span),
}
