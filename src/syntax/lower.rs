//! Parse tree → typed syntax tree.
//!
//! Nodes are read by their grammar rule, never by position, so a change in
//! the grammar that adds an optional part cannot silently shift fields.
//! Where a rule holds two nodes of one rule (`set S: Mode`, `name: Enum`,
//! the two sides of a header, `name: value`), the grammar tags them
//! (`#name = ident`) and they are read by tag.

use super::ast::*;
use super::errors;
use super::literal::unescape;
use super::parser::{CoexParser, Rule};
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};
use pest::iterators::Pair;
use pest::Parser;

/// Parse one file. A syntax error is reported as one diagnostic at the place
/// the parser stopped, saying what it expected there.
///
/// Text over the size limits of [`crate::limits`] is refused first.
pub fn parse_file(file: FileId, text: &str) -> Result<File, Diagnostic> {
    crate::limits::check_source(file, text)?;
    let mut pairs = CoexParser::parse(Rule::file, text)
        .map_err(|plain| errors::syntax_error(file, text, errors::with_detail(text, plain)))?;
    let root = pairs
        .next()
        .expect("the `file` rule always yields one pair");
    let comments = root
        .clone()
        .into_inner()
        .flatten()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| Comment {
            text: p.as_str().trim_end().to_string(),
            span: span(file, &p),
        })
        .collect();
    let lower = Lower { file };
    let items = children(root)
        .filter(|p| p.as_rule() != Rule::EOI)
        .map(|p| lower.item(p))
        .collect();
    Ok(File {
        id: file,
        items,
        comments,
    })
}

fn span(file: FileId, pair: &Pair<Rule>) -> Span {
    let s = pair.as_span();
    Span::new(file, s.start(), s.end())
}

/// The children of a node, without comments.
fn children(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner().filter(|p| p.as_rule() != Rule::COMMENT)
}

fn only<'a>(pairs: impl IntoIterator<Item = Pair<'a, Rule>>, rule: Rule) -> Vec<Pair<'a, Rule>> {
    pairs.into_iter().filter(|p| p.as_rule() == rule).collect()
}

fn first<'a>(pair: &Pair<'a, Rule>, rule: Rule) -> Option<Pair<'a, Rule>> {
    children(pair.clone()).find(|p| p.as_rule() == rule)
}

fn expect_child<'a>(pair: &Pair<'a, Rule>, rule: Rule) -> Pair<'a, Rule> {
    first(pair, rule)
        .unwrap_or_else(|| panic!("grammar guarantees a {rule:?} in {:?}", pair.as_rule()))
}

/// The child the grammar tags `tag` (`#tag = rule`), if present.
fn tagged<'a>(pair: &Pair<'a, Rule>, tag: &str) -> Option<Pair<'a, Rule>> {
    children(pair.clone()).find(|p| p.as_node_tag() == Some(tag))
}

fn expect_tagged<'a>(pair: &Pair<'a, Rule>, tag: &str) -> Pair<'a, Rule> {
    tagged(pair, tag)
        .unwrap_or_else(|| panic!("grammar guarantees a `#{tag}` in {:?}", pair.as_rule()))
}

struct Lower {
    file: FileId,
}

impl Lower {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        span(self.file, pair)
    }

    fn item(&self, pair: Pair<Rule>) -> Item {
        match pair.as_rule() {
            Rule::enum_decl => Item::Enum(self.enum_decl(pair)),
            Rule::set_decl => Item::Set(self.set_decl(pair)),
            Rule::decision => Item::Decision(self.decision(pair)),
            Rule::expect => Item::Expect(self.expect(pair)),
            other => unreachable!("not an item: {other:?}"),
        }
    }

    fn ident(&self, pair: Pair<Rule>) -> Ident {
        Ident {
            name: pair.as_str().to_string(),
            span: self.span(&pair),
        }
    }

    fn idents(&self, pair: &Pair<Rule>) -> Vec<Ident> {
        only(children(pair.clone()), Rule::ident)
            .into_iter()
            .map(|p| self.ident(p))
            .collect()
    }

    fn text(&self, pair: Pair<Rule>) -> Text {
        let span = self.span(&pair);
        let body = first(&pair, Rule::string_body)
            .map(|p| p.as_str())
            .unwrap_or("");
        Text {
            value: unescape(body),
            span,
        }
    }

    /// The string of a `source "..."` or `because "..."` clause.
    fn clause(&self, pair: &Pair<Rule>, rule: Rule) -> Option<Text> {
        first(pair, rule).map(|clause| self.text(expect_child(&clause, Rule::string)))
    }

    fn docs(&self, pair: &Pair<Rule>) -> Docs {
        match first(pair, Rule::docs) {
            None => Vec::new(),
            Some(docs) => only(children(docs), Rule::doc)
                .into_iter()
                .map(|doc| {
                    let text = expect_child(&doc, Rule::doc_text);
                    Text {
                        value: text.as_str().trim().to_string(),
                        span: self.span(&doc),
                    }
                })
                .collect(),
        }
    }

    fn name(&self, pair: &Pair<Rule>) -> Ident {
        self.ident(expect_child(pair, Rule::ident))
    }

    fn enum_decl(&self, pair: Pair<Rule>) -> EnumDecl {
        let values = only(children(pair.clone()), Rule::enum_value)
            .into_iter()
            .map(|value| EnumValue {
                docs: self.docs(&value),
                name: self.name(&value),
                aliases: only(children(value.clone()), Rule::alias)
                    .into_iter()
                    .map(|alias| self.name(&alias))
                    .collect(),
                span: self.span(&value),
            })
            .collect();
        EnumDecl {
            docs: self.docs(&pair),
            name: self.name(&pair),
            values,
            span: self.span(&pair),
        }
    }

    fn set_decl(&self, pair: Pair<Rule>) -> SetDecl {
        SetDecl {
            docs: self.docs(&pair),
            name: self.ident(expect_tagged(&pair, "name")),
            enum_name: self.ident(expect_tagged(&pair, "type")),
            members: self.idents(&expect_child(&pair, Rule::set_members)),
            span: self.span(&pair),
        }
    }

    fn params(&self, pair: &Pair<Rule>) -> Vec<Param> {
        only(children(pair.clone()), Rule::param)
            .into_iter()
            .map(|param| Param {
                name: self.ident(expect_tagged(&param, "name")),
                enum_name: self.ident(expect_tagged(&param, "type")),
                span: self.span(&param),
            })
            .collect()
    }

    fn decision(&self, pair: Pair<Rule>) -> Decision {
        let items = children(pair.clone())
            .filter_map(|item| match item.as_rule() {
                Rule::constraint => Some(DecisionItem::Constraint(self.constraint(item))),
                Rule::table => Some(DecisionItem::Table(self.table(item))),
                Rule::expect => Some(DecisionItem::Expect(self.expect(item))),
                _ => None,
            })
            .collect();
        Decision {
            docs: self.docs(&pair),
            name: self.name(&pair),
            inputs: self.params(&expect_child(&pair, Rule::inputs)),
            outputs: self.params(&expect_child(&pair, Rule::outputs)),
            items,
            span: self.span(&pair),
        }
    }

    fn constraint(&self, pair: Pair<Rule>) -> Constraint {
        let condition = expect_child(&pair, Rule::condition);
        let terms = only(children(condition), Rule::term)
            .into_iter()
            .map(|term| Term {
                input: self.name(&term),
                negated: first(&term, Rule::is_not).is_some(),
                pattern: self.pattern(expect_child(&term, Rule::pattern)),
                span: self.span(&term),
            })
            .collect();
        Constraint {
            docs: self.docs(&pair),
            terms,
            because: self
                .clause(&pair, Rule::because)
                .expect("grammar requires `because`"),
            source: self.clause(&pair, Rule::source),
            span: self.span(&pair),
        }
    }

    fn table(&self, pair: Pair<Rule>) -> Table {
        let header = expect_child(&pair, Rule::header);
        let input_columns = self.idents(&expect_tagged(&header, "input_columns"));
        let output_columns = self.idents(&expect_tagged(&header, "output_columns"));
        let rows = only(children(pair.clone()), Rule::row)
            .into_iter()
            .map(|row| self.row(row))
            .collect();
        Table {
            docs: self.docs(&pair),
            title: self.text(expect_child(&pair, Rule::string)),
            ordered: first(&pair, Rule::ordered).is_some(),
            source: self.clause(&pair, Rule::source),
            input_columns,
            output_columns,
            header_span: self.span(&header),
            rows,
            span: self.span(&pair),
        }
    }

    fn row(&self, pair: Pair<Rule>) -> Row {
        let inputs = only(
            children(expect_child(&pair, Rule::row_inputs)),
            Rule::pattern,
        )
        .into_iter()
        .map(|p| self.pattern(p))
        .collect();
        let outputs = expect_child(&pair, Rule::row_outputs);
        // The cells end at the `|` after the outputs, before any `source`.
        let after_outputs = outputs.as_span().end();
        let row_start = pair.as_span().start();
        let cells_end = pair.as_str()[after_outputs - row_start..]
            .find('|')
            .map_or(pair.as_span().end(), |i| after_outputs + i + 1);
        Row {
            inputs,
            outputs: self.idents(&outputs),
            source: self.clause(&pair, Rule::source),
            cells: Span::new(self.file, row_start, cells_end),
            span: self.span(&pair),
        }
    }

    fn pattern(&self, pair: Pair<Rule>) -> Pattern {
        let span = self.span(&pair);
        let inner = children(pair).next().expect("a pattern has one part");
        match inner.as_rule() {
            Rule::any => Pattern::Any(span),
            Rule::names => Pattern::Names(self.idents(&inner), span),
            Rule::negation => Pattern::Not(self.idents(&expect_child(&inner, Rule::names)), span),
            other => unreachable!("not a pattern: {other:?}"),
        }
    }

    fn arg(&self, pair: Pair<Rule>) -> Arg {
        Arg {
            name: tagged(&pair, "name").map(|name| self.ident(name)),
            value: self.ident(expect_tagged(&pair, "value")),
            span: self.span(&pair),
        }
    }

    fn expect(&self, pair: Pair<Rule>) -> Expect {
        let expectation = expect_child(&pair, Rule::expectation);
        let outcome = if first(&expectation, Rule::impossible).is_some() {
            Expected::Impossible(self.span(&expectation))
        } else {
            Expected::Outputs(
                only(children(expectation.clone()), Rule::arg)
                    .into_iter()
                    .map(|a| self.arg(a))
                    .collect(),
                self.span(&expectation),
            )
        };
        Expect {
            decision: self.name(&pair),
            inputs: only(children(pair.clone()), Rule::arg)
                .into_iter()
                .map(|a| self.arg(a))
                .collect(),
            outcome,
            source: self.clause(&pair, Rule::source),
            span: self.span(&pair),
        }
    }
}
