//! Every name in a rule set's syntax trees, and what it names: the
//! definitions and references behind hover, go to definition, find
//! references and renaming-free navigation.
//!
//! Built from the syntax trees alone, resolving names the way
//! [`crate::model`] does (a cell names a value or set of its column's enum,
//! an `expect` argument a value of its input's), so that it works for every
//! file that parses even while another name is wrong.

use crate::source::{FileId, Span};
use crate::syntax::ast;
use std::collections::HashMap;

/// Something a name can stand for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Symbol {
    Enum(String),
    /// A value, by its enum and its own name (an alias stands for the value).
    Value {
        enum_name: String,
        value: String,
    },
    Set(String),
    Decision(String),
    Input {
        decision: String,
        input: String,
    },
    Output {
        decision: String,
        output: String,
    },
}

/// One name in the text, and what it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub(crate) span: Span,
    pub(crate) symbol: Symbol,
    /// Whether this is where the symbol is declared.
    pub(crate) definition: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Sorted by span.
    occurrences: Vec<Occurrence>,
}

impl Index {
    pub(crate) fn build(files: &[ast::File]) -> Index {
        let names = Names::collect(files);
        let mut builder = Builder {
            names: &names,
            out: Vec::new(),
        };
        for file in files {
            for item in &file.items {
                builder.item(item);
            }
        }
        let mut occurrences = builder.out;
        occurrences.sort_by_key(|o| o.span);
        Index { occurrences }
    }

    /// The name at a byte offset (a cursor right after a name is on it).
    pub(crate) fn at(&self, file: FileId, offset: usize) -> Option<&Occurrence> {
        let offset = offset as u32;
        self.occurrences
            .iter()
            .filter(|o| o.span.file == file && o.span.start <= offset && offset <= o.span.end)
            .min_by_key(|o| (o.span.end == offset, o.span.end - o.span.start))
    }

    /// Where a symbol is declared (the first declaration, if there are several).
    pub(crate) fn definition(&self, symbol: &Symbol) -> Option<Span> {
        self.occurrences
            .iter()
            .find(|o| o.definition && &o.symbol == symbol)
            .map(|o| o.span)
    }

    /// Every occurrence of a symbol, declarations included, in file order.
    pub(crate) fn references<'a>(
        &'a self,
        symbol: &'a Symbol,
    ) -> impl Iterator<Item = &'a Occurrence> {
        self.occurrences.iter().filter(move |o| &o.symbol == symbol)
    }
}

/// The declared names of a rule set.
#[derive(Default)]
struct Names {
    /// Enum name → (value or alias name → the value's own name).
    enums: HashMap<String, HashMap<String, String>>,
    /// Set name → its enum.
    sets: HashMap<String, String>,
    /// Decision name → its inputs and outputs with their enums.
    decisions: HashMap<String, Signature>,
}

#[derive(Default)]
struct Signature {
    inputs: Vec<(String, String)>,
    outputs: Vec<(String, String)>,
}

impl Names {
    fn collect(files: &[ast::File]) -> Names {
        let mut names = Names::default();
        for item in files.iter().flat_map(|f| &f.items) {
            match item {
                ast::Item::Enum(e) => {
                    let values = names.enums.entry(e.name.name.clone()).or_default();
                    for value in &e.values {
                        for name in std::iter::once(&value.name).chain(&value.aliases) {
                            values
                                .entry(name.name.clone())
                                .or_insert_with(|| value.name.name.clone());
                        }
                    }
                }
                ast::Item::Set(s) => {
                    names
                        .sets
                        .entry(s.name.name.clone())
                        .or_insert_with(|| s.enum_name.name.clone());
                }
                ast::Item::Decision(d) => {
                    let params = |params: &[ast::Param]| {
                        params
                            .iter()
                            .map(|p| (p.name.name.clone(), p.enum_name.name.clone()))
                            .collect()
                    };
                    names
                        .decisions
                        .entry(d.name.name.clone())
                        .or_insert_with(|| Signature {
                            inputs: params(&d.inputs),
                            outputs: params(&d.outputs),
                        });
                }
                ast::Item::Expect(_) => {}
            }
        }
        names
    }

    /// What a name in a cell or a set of `enum_name` stands for.
    fn in_enum(&self, enum_name: &str, name: &str) -> Option<Symbol> {
        if let Some(value) = self.enums.get(enum_name).and_then(|v| v.get(name)) {
            return Some(Symbol::Value {
                enum_name: enum_name.to_string(),
                value: value.clone(),
            });
        }
        (self.sets.get(name).map(String::as_str) == Some(enum_name))
            .then(|| Symbol::Set(name.to_string()))
    }

    fn input_enum(&self, decision: &str, input: &str) -> Option<&str> {
        let signature = self.decisions.get(decision)?;
        signature
            .inputs
            .iter()
            .find(|(name, _)| name == input)
            .map(|(_, e)| e.as_str())
    }

    fn output_enum(&self, decision: &str, output: &str) -> Option<&str> {
        let signature = self.decisions.get(decision)?;
        signature
            .outputs
            .iter()
            .find(|(name, _)| name == output)
            .map(|(_, e)| e.as_str())
    }
}

struct Builder<'a> {
    names: &'a Names,
    out: Vec<Occurrence>,
}

impl Builder<'_> {
    fn add(&mut self, ident: &ast::Ident, symbol: Symbol, definition: bool) {
        self.out.push(Occurrence {
            span: ident.span,
            symbol,
            definition,
        });
    }

    fn enum_ref(&mut self, ident: &ast::Ident) {
        if self.names.enums.contains_key(&ident.name) {
            self.add(ident, Symbol::Enum(ident.name.clone()), false);
        }
    }

    fn in_enum(&mut self, enum_name: Option<&str>, ident: &ast::Ident) {
        if let Some(symbol) = enum_name.and_then(|e| self.names.in_enum(e, &ident.name)) {
            self.add(ident, symbol, false);
        }
    }

    fn pattern(&mut self, enum_name: Option<&str>, pattern: &ast::Pattern) {
        if let ast::Pattern::Names(names, _) | ast::Pattern::Not(names, _) = pattern {
            for name in names {
                self.in_enum(enum_name, name);
            }
        }
    }

    fn item(&mut self, item: &ast::Item) {
        match item {
            ast::Item::Enum(e) => {
                self.add(&e.name, Symbol::Enum(e.name.name.clone()), true);
                for value in &e.values {
                    let symbol = Symbol::Value {
                        enum_name: e.name.name.clone(),
                        value: value.name.name.clone(),
                    };
                    self.add(&value.name, symbol.clone(), true);
                    for alias in &value.aliases {
                        self.add(alias, symbol.clone(), false);
                    }
                }
            }
            ast::Item::Set(s) => {
                self.add(&s.name, Symbol::Set(s.name.name.clone()), true);
                self.enum_ref(&s.enum_name);
                for member in &s.members {
                    self.in_enum(Some(&s.enum_name.name), member);
                }
            }
            ast::Item::Decision(d) => self.decision(d),
            ast::Item::Expect(e) => self.expect(e),
        }
    }

    fn decision(&mut self, d: &ast::Decision) {
        let decision = d.name.name.clone();
        self.add(&d.name, Symbol::Decision(decision.clone()), true);
        for param in &d.inputs {
            let symbol = Symbol::Input {
                decision: decision.clone(),
                input: param.name.name.clone(),
            };
            self.add(&param.name, symbol, true);
            self.enum_ref(&param.enum_name);
        }
        for param in &d.outputs {
            let symbol = Symbol::Output {
                decision: decision.clone(),
                output: param.name.name.clone(),
            };
            self.add(&param.name, symbol, true);
            self.enum_ref(&param.enum_name);
        }
        for item in &d.items {
            match item {
                ast::DecisionItem::Constraint(c) => {
                    for term in &c.terms {
                        self.input_ref(&decision, &term.input);
                        let enum_name = self.names.input_enum(&decision, &term.input.name);
                        self.pattern(enum_name, &term.pattern);
                    }
                }
                ast::DecisionItem::Table(t) => self.table(&decision, t),
                ast::DecisionItem::Expect(e) => self.expect(e),
            }
        }
    }

    fn input_ref(&mut self, decision: &str, ident: &ast::Ident) {
        if self.names.input_enum(decision, &ident.name).is_some() {
            let symbol = Symbol::Input {
                decision: decision.to_string(),
                input: ident.name.clone(),
            };
            self.add(ident, symbol, false);
        }
    }

    fn output_ref(&mut self, decision: &str, ident: &ast::Ident) {
        if self.names.output_enum(decision, &ident.name).is_some() {
            let symbol = Symbol::Output {
                decision: decision.to_string(),
                output: ident.name.clone(),
            };
            self.add(ident, symbol, false);
        }
    }

    fn table(&mut self, decision: &str, t: &ast::Table) {
        for column in &t.input_columns {
            self.input_ref(decision, column);
        }
        for column in &t.output_columns {
            self.output_ref(decision, column);
        }
        for row in &t.rows {
            for (cell, column) in row.inputs.iter().zip(&t.input_columns) {
                let enum_name = self.names.input_enum(decision, &column.name);
                self.pattern(enum_name, cell);
            }
            for (value, column) in row.outputs.iter().zip(&t.output_columns) {
                let enum_name = self.names.output_enum(decision, &column.name);
                self.in_enum(enum_name, value);
            }
        }
    }

    fn expect(&mut self, e: &ast::Expect) {
        let decision = e.decision.name.as_str();
        let Some(signature) = self.names.decisions.get(decision) else {
            return;
        };
        self.add(&e.decision, Symbol::Decision(decision.to_string()), false);
        let arguments = |args: &[ast::Arg], columns: &[(String, String)]| {
            args.iter()
                .enumerate()
                .filter_map(|(i, arg)| {
                    let column = match &arg.name {
                        Some(name) => columns.iter().find(|(c, _)| c == &name.name),
                        None => columns.get(i),
                    };
                    column.map(|(name, enum_name)| (arg.clone(), name.clone(), enum_name.clone()))
                })
                .collect::<Vec<_>>()
        };
        for (arg, _, enum_name) in arguments(&e.inputs, &signature.inputs) {
            if let Some(name) = &arg.name {
                self.input_ref(decision, name);
            }
            self.in_enum(Some(&enum_name), &arg.value);
        }
        if let ast::Expected::Outputs(args, _) = &e.outcome {
            for (arg, _, enum_name) in arguments(args, &signature.outputs) {
                if let Some(name) = &arg.name {
                    self.output_ref(decision, name);
                }
                self.in_enum(Some(&enum_name), &arg.value);
            }
        }
    }
}
