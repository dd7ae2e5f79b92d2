//! Syntax tree → checked model: resolve every name, check every type.
//!
//! One pass per kind of item, in dependency order: [`enums`], then [`sets`]
//! (which name values), then [`decisions`] (whose cells name values and
//! sets, read by [`values`]), then [`examples`]. Each problem becomes a
//! diagnostic, worded in [`errors`]; resolution goes on past it so that one
//! run reports as much as it can.

mod decisions;
mod enums;
mod errors;
mod examples;
mod sets;
mod values;

use super::limits;
use super::{Model, ValueId};
use crate::diagnostic::Diagnostic;
use crate::syntax::ast;
use std::collections::HashMap;

/// What the unused-name checks need to know: which sets and values the
/// rules mention by name.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    pub sets: Vec<bool>,
    /// Per enum, per value: named in a cell, set, condition or example.
    pub values: Vec<Vec<bool>>,
}

pub fn resolve(files: &[ast::File]) -> (Model, Mentions, Vec<Diagnostic>) {
    let mut r = Resolver::default();
    let items: Vec<&ast::Item> = files.iter().flat_map(|f| &f.items).collect();
    for item in &items {
        if let ast::Item::Enum(e) = item {
            r.declare_enum(e);
        }
    }
    r.index_values();
    let sets: Vec<&ast::SetDecl> = items
        .iter()
        .filter_map(|item| match item {
            ast::Item::Set(s) => Some(s),
            _ => None,
        })
        .collect();
    r.declare_sets(&sets);
    for item in &items {
        if let ast::Item::Decision(d) = item {
            r.declare_decision(d);
        }
    }
    for item in &items {
        match item {
            ast::Item::Expect(e) => r.example(e, None),
            ast::Item::Decision(d) => {
                for inner in &d.items {
                    if let ast::DecisionItem::Expect(e) = inner {
                        r.example(e, Some(&d.name));
                    }
                }
            }
            _ => {}
        }
    }
    r.diagnostics.extend(limits::exceeded(&r.model));
    (r.model, r.mentions, r.diagnostics)
}

#[derive(Default)]
struct Resolver {
    model: Model,
    mentions: Mentions,
    diagnostics: Vec<Diagnostic>,
    /// Where each set was declared, for the cycle check.
    set_index: HashMap<String, usize>,
    /// How deeply each resolved set is built from sets.
    set_depth: Vec<usize>,
    /// Per enum, each value name and alias → the first value so named.
    value_index: Vec<HashMap<String, ValueId>>,
}

impl Resolver {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
}

fn docs(docs: &ast::Docs) -> Vec<String> {
    docs.iter().map(|d| d.value.clone()).collect()
}

#[cfg(test)]
mod tests;
