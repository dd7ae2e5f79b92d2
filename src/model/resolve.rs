//! Syntax tree → checked model: resolve every name, check every type.
//!
//! One pass per kind of item, in dependency order: enums, then sets (which
//! name values), then decisions (whose cells name values and sets), then
//! examples. Each problem becomes a diagnostic; resolution goes on past it
//! so that one run reports as much as it can.

use super::limits;
use super::{
    Column, Constraint, Decision, Enum, EnumId, Example, Model, Row, Set, Table, Value, ValueId,
};
use crate::diagnostic::{Code, Diagnostic};
use crate::limits::MAX_SET_DEPTH;
use crate::source::Span;
use crate::suggest;
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
    r.mentions.values = r
        .model
        .enums
        .iter()
        .map(|e| vec![false; e.values.len()])
        .collect();
    r.value_index = r
        .model
        .enums
        .iter()
        .map(|e| {
            let mut index: HashMap<String, ValueId> = HashMap::new();
            for (id, v) in e.values.iter().enumerate() {
                for name in std::iter::once(&v.name).chain(&v.aliases) {
                    index.entry(name.clone()).or_insert(id as ValueId);
                }
            }
            index
        })
        .collect();
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

fn duplicate(what: &str, name: &str, first: Span, again: Span) -> Diagnostic {
    Diagnostic::new(
        Code::Duplicate,
        format!("{what} `{name}` is defined more than once"),
    )
    .primary(again, format!("`{name}` defined again here"))
    .secondary(first, "first defined here")
    .help(format!("rename one of them, or remove the second `{name}`"))
}

impl Resolver {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    // ------------------------------------------------------------- enums

    fn declare_enum(&mut self, decl: &ast::EnumDecl) {
        if let Some(first) = self.model.enums.iter().find(|e| e.name == decl.name.name) {
            let d = duplicate(
                &format!("enum `{}`", decl.name.name),
                &decl.name.name,
                first.span,
                decl.name.span,
            );
            self.error(d);
            return;
        }
        let mut values: Vec<Value> = Vec::new();
        // Input is matched ignoring ASCII case, so names must differ by more.
        let mut seen: HashMap<String, Span> = HashMap::new();
        for v in &decl.values {
            let mut fresh = true;
            for name in std::iter::once(&v.name).chain(&v.aliases) {
                let key = name.name.to_ascii_lowercase();
                if let Some(&first) = seen.get(&key) {
                    let d = duplicate(
                        &format!("value `{}` of `{}`", name.name, decl.name.name),
                        &name.name,
                        first,
                        name.span,
                    )
                    .note("value names and aliases are matched ignoring case");
                    self.error(d);
                    fresh = fresh && name.name != v.name.name;
                } else {
                    seen.insert(key, name.span);
                }
            }
            if fresh {
                values.push(Value {
                    name: v.name.name.clone(),
                    aliases: v.aliases.iter().map(|a| a.name.clone()).collect(),
                    docs: docs(&v.docs),
                    span: v.name.span,
                });
            }
        }
        if values.is_empty() {
            let d = Diagnostic::new(
                Code::EmptyPattern,
                format!("enum `{}` has no values", decl.name.name),
            )
            .primary(decl.span, "no values here")
            .help("list the values inside the braces, one per line or separated by commas");
            self.error(d);
        }
        self.model.enums.push(Enum {
            name: decl.name.name.clone(),
            docs: docs(&decl.docs),
            values,
            span: decl.name.span,
        });
    }

    fn enum_type(&mut self, name: &ast::Ident) -> Option<EnumId> {
        if let Some(id) = self.model.enum_named(&name.name) {
            return Some(id);
        }
        let names: Vec<String> = self.model.enums.iter().map(|e| e.name.clone()).collect();
        let mut d = Diagnostic::new(Code::UnknownName, format!("unknown enum `{}`", name.name))
            .primary(name.span, "not an enum of this rule set");
        if let Some(help) = suggest::help_for(&name.name, "enums", names.iter().map(|s| s.as_str()))
        {
            d = d.help(help);
        }
        self.error(d);
        None
    }

    // ------------------------------------------------------------- sets

    fn declare_sets(&mut self, decls: &[&ast::SetDecl]) {
        // Declare every set first (sets may name sets declared later), then
        // resolve their members depth first, reporting cycles.
        let mut declared: Vec<(&ast::SetDecl, EnumId)> = Vec::new();
        for decl in decls {
            if let Some(&first) = self.set_index.get(&decl.name.name) {
                let span = self.model.sets[first].span;
                let d = duplicate(
                    &format!("set `{}`", decl.name.name),
                    &decl.name.name,
                    span,
                    decl.name.span,
                );
                self.error(d);
                continue;
            }
            let Some(enum_id) = self.enum_type(&decl.enum_name) else {
                continue;
            };
            if let Some(value) = self.model.find_value(enum_id, &decl.name.name) {
                let value_span = self.model.enums[enum_id].values[value as usize].span;
                let d = Diagnostic::new(
                    Code::Duplicate,
                    format!(
                        "set `{}` has the name of a value of `{}`",
                        decl.name.name, self.model.enums[enum_id].name
                    ),
                )
                .primary(decl.name.span, "a cell naming this would be ambiguous")
                .secondary(value_span, "the value is declared here")
                .help("give the set a name no value of its enum has");
                self.error(d);
                continue;
            }
            self.set_index
                .insert(decl.name.name.clone(), self.model.sets.len());
            self.model.sets.push(Set {
                name: decl.name.name.clone(),
                docs: docs(&decl.docs),
                enum_id,
                values: Vec::new(),
                span: decl.name.span,
            });
            declared.push((decl, enum_id));
        }
        self.mentions.sets = vec![false; self.model.sets.len()];
        let mut state = vec![Visit::New; self.model.sets.len()];
        self.set_depth = vec![0; self.model.sets.len()];
        for index in 0..declared.len() {
            self.resolve_set(index, &declared, &mut state);
        }
    }

    /// Resolve a set and the sets it names, depth first with an explicit
    /// stack (a chain of thousands of sets must not overflow the call stack).
    fn resolve_set(
        &mut self,
        root: usize,
        declared: &[(&ast::SetDecl, EnumId)],
        state: &mut [Visit],
    ) {
        if state[root] != Visit::New {
            return;
        }
        /// A set being resolved: the next member to read, the values so far.
        /// The deepest member set's depth too (a set of values is 1 deep).
        struct Frame {
            index: usize,
            next: usize,
            values: Vec<ValueId>,
            deepest: usize,
        }
        state[root] = Visit::Active;
        let mut stack = vec![Frame {
            index: root,
            next: 0,
            values: Vec::new(),
            deepest: 0,
        }];
        while let Some(frame) = stack.last_mut() {
            let (decl, enum_id) = declared[frame.index];
            let Some(member) = decl.members.get(frame.next) else {
                let mut frame = stack.pop().expect("the loop holds a frame");
                frame.values.sort_unstable();
                frame.values.dedup();
                state[frame.index] = Visit::Done;
                let depth = frame.deepest + 1;
                self.set_depth[frame.index] = depth;
                if depth == MAX_SET_DEPTH + 1 {
                    let name = &declared[frame.index].0.name;
                    self.error(limits::set_too_deep(&name.name, name.span));
                }
                if let Some(parent) = stack.last_mut() {
                    parent.values.extend(frame.values.iter().copied());
                    parent.deepest = parent.deepest.max(depth);
                }
                self.model.sets[frame.index].values = frame.values;
                continue;
            };
            frame.next += 1;
            let other = self
                .set_index
                .get(&member.name)
                .copied()
                .filter(|&other| self.model.sets[other].enum_id == enum_id);
            let Some(other) = other else {
                if let Some(v) = self.value(enum_id, member, false) {
                    frame.values.push(v);
                }
                continue;
            };
            self.mentions.sets[other] = true;
            match state[other] {
                Visit::Done => {
                    frame
                        .values
                        .extend(self.model.sets[other].values.iter().copied());
                    frame.deepest = frame.deepest.max(self.set_depth[other]);
                }
                Visit::Active => {
                    let path: Vec<usize> = stack.iter().map(|f| f.index).collect();
                    let start = path.iter().position(|&p| p == other).unwrap_or(0);
                    let cycle: Vec<String> = path[start..]
                        .iter()
                        .chain(std::iter::once(&other))
                        .map(|&i| format!("`{}`", self.model.sets[i].name))
                        .collect();
                    let (decl, _) = declared[other];
                    let d = Diagnostic::new(
                        Code::CyclicSet,
                        format!("set `{}` is defined in terms of itself", decl.name.name),
                    )
                    .primary(decl.name.span, "this set")
                    .note(format!("the cycle: {}", cycle.join(" → ")))
                    .help("list the values of a set directly, or through sets that do not lead back to it");
                    self.error(d);
                }
                Visit::New => {
                    state[other] = Visit::Active;
                    stack.push(Frame {
                        index: other,
                        next: 0,
                        values: Vec::new(),
                        deepest: 0,
                    });
                }
            }
        }
    }

    // ------------------------------------------------------------- values

    /// Resolve a value name of one enum (aliases too). With `sets`, a set
    /// name is no answer here, so the error can say so.
    fn value(&mut self, enum_id: EnumId, name: &ast::Ident, in_cell: bool) -> Option<ValueId> {
        if let Some(v) = self.exact_value(enum_id, &name.name) {
            self.mentions.values[enum_id][v as usize] = true;
            return Some(v);
        }
        let d = self.unknown_value(enum_id, name, in_cell);
        self.error(d);
        None
    }

    fn exact_value(&self, enum_id: EnumId, name: &str) -> Option<ValueId> {
        self.value_index[enum_id].get(name).copied()
    }

    fn unknown_value(&self, enum_id: EnumId, name: &ast::Ident, sets_allowed: bool) -> Diagnostic {
        let e = &self.model.enums[enum_id];
        // A value of another enum: say which.
        if let Some(other) = self.model.enums.iter().position(|o| {
            o.values
                .iter()
                .any(|v| v.name == name.name || v.aliases.contains(&name.name))
        }) {
            let other_enum = &self.model.enums[other];
            return Diagnostic::new(
                Code::WrongEnum,
                format!(
                    "`{}` is a value of `{}`, not of `{}`",
                    name.name, other_enum.name, e.name
                ),
            )
            .primary(name.span, format!("expected a value of `{}`", e.name))
            .help(format!("the values of `{}` are {}", e.name, value_list(e)));
        }
        if let Some(set) = self.model.sets.iter().find(|s| s.name == name.name) {
            let message = if sets_allowed {
                format!(
                    "`{}` is a set of `{}`, not of `{}`",
                    name.name, self.model.enums[set.enum_id].name, e.name
                )
            } else {
                format!(
                    "expected one value of `{}`, found set `{}`",
                    e.name, name.name
                )
            };
            return Diagnostic::new(Code::WrongEnum, message)
                .primary(name.span, format!("expected a value of `{}`", e.name))
                .help(format!("the values of `{}` are {}", e.name, value_list(e)));
        }
        let mut candidates: Vec<&str> = e.values.iter().map(|v| v.name.as_str()).collect();
        if sets_allowed {
            candidates.extend(
                self.model
                    .sets
                    .iter()
                    .filter(|s| s.enum_id == enum_id)
                    .map(|s| s.name.as_str()),
            );
        }
        let mut d = Diagnostic::new(
            Code::UnknownName,
            format!("unknown value `{}` of `{}`", name.name, e.name),
        )
        .primary(name.span, format!("not a value of `{}`", e.name));
        if let Some(help) = suggest::help_for(&name.name, "values", candidates.iter().copied()) {
            d = d.help(help);
        }
        d
    }

    /// The values a cell or condition allows, in the column's enum.
    fn pattern(&mut self, enum_id: EnumId, pattern: &ast::Pattern) -> Option<Vec<ValueId>> {
        let size = self.model.enums[enum_id].values.len() as ValueId;
        let (names, negated) = match pattern {
            ast::Pattern::Any(_) => return Some((0..size).collect()),
            ast::Pattern::Names(names, _) => (names, false),
            ast::Pattern::Not(names, _) => (names, true),
        };
        let mut values = Vec::new();
        let mut ok = true;
        for name in names {
            if let Some(v) = self.exact_value(enum_id, &name.name) {
                self.mentions.values[enum_id][v as usize] = true;
                values.push(v);
            } else if let Some(set) = self
                .set_index
                .get(&name.name)
                .copied()
                .filter(|&s| self.model.sets[s].enum_id == enum_id)
            {
                self.mentions.sets[set] = true;
                values.extend(self.model.sets[set].values.iter().copied());
            } else {
                let d = self.unknown_value(enum_id, name, true);
                self.error(d);
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        values.sort_unstable();
        values.dedup();
        if negated {
            values = (0..size).filter(|v| !values.contains(v)).collect();
        }
        if values.is_empty() {
            let d = Diagnostic::new(Code::EmptyPattern, "this cell matches no value")
                .primary(pattern.span(), "no value of the column is allowed here")
                .help(format!(
                    "`!` takes away values; here it takes away every value of `{}`",
                    self.model.enums[enum_id].name
                ));
            self.error(d);
            return None;
        }
        Some(values)
    }

    // ------------------------------------------------------------- decisions

    fn columns(
        &mut self,
        params: &[ast::Param],
        taken: &mut HashMap<String, Span>,
    ) -> Option<Vec<Column>> {
        let mut columns = Vec::new();
        let mut ok = true;
        for p in params {
            if let Some(&first) = taken.get(&p.name.name) {
                let d = duplicate(
                    &format!("input or output `{}`", p.name.name),
                    &p.name.name,
                    first,
                    p.name.span,
                );
                self.error(d);
                ok = false;
                continue;
            }
            taken.insert(p.name.name.clone(), p.name.span);
            match self.enum_type(&p.enum_name) {
                Some(enum_id) => columns.push(Column {
                    name: p.name.name.clone(),
                    enum_id,
                    span: p.name.span,
                }),
                None => ok = false,
            }
        }
        ok.then_some(columns)
    }

    fn declare_decision(&mut self, decl: &ast::Decision) {
        if let Some(first) = self
            .model
            .decisions
            .iter()
            .find(|d| d.name == decl.name.name)
        {
            let d = duplicate(
                &format!("decision `{}`", decl.name.name),
                &decl.name.name,
                first.span,
                decl.name.span,
            );
            self.error(d);
            return;
        }
        let mut taken = HashMap::new();
        let inputs = self.columns(&decl.inputs, &mut taken);
        let outputs = self.columns(&decl.outputs, &mut taken);
        let (Some(inputs), Some(outputs)) = (inputs, outputs) else {
            return;
        };
        let mut decision = Decision {
            name: decl.name.name.clone(),
            docs: docs(&decl.docs),
            inputs,
            outputs,
            tables: Vec::new(),
            rows: Vec::new(),
            constraints: Vec::new(),
            span: decl.name.span,
        };
        for item in &decl.items {
            match item {
                ast::DecisionItem::Constraint(c) => {
                    if let Some(constraint) = self.constraint(&decision, c) {
                        decision.constraints.push(constraint);
                    }
                }
                ast::DecisionItem::Table(t) => self.table(&mut decision, t),
                ast::DecisionItem::Expect(_) => {}
            }
        }
        self.model.decisions.push(decision);
    }

    fn input_named(&mut self, decision: &Decision, name: &ast::Ident) -> Option<usize> {
        if let Some(i) = decision.inputs.iter().position(|c| c.name == name.name) {
            return Some(i);
        }
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
        if let Some(help) = suggest::help_for(
            &name.name,
            "inputs",
            decision.inputs.iter().map(|c| c.name.as_str()),
        ) {
            d = d.help(help);
        }
        self.error(d);
        None
    }

    fn constraint(&mut self, decision: &Decision, c: &ast::Constraint) -> Option<Constraint> {
        let mut cells: Vec<Vec<ValueId>> = decision
            .inputs
            .iter()
            .map(|col| (0..self.model.enums[col.enum_id].values.len() as ValueId).collect())
            .collect();
        let mut ok = true;
        for term in &c.terms {
            let Some(input) = self.input_named(decision, &term.input) else {
                ok = false;
                continue;
            };
            let enum_id = decision.inputs[input].enum_id;
            let Some(mut values) = self.pattern(enum_id, &term.pattern) else {
                ok = false;
                continue;
            };
            if term.negated {
                let size = self.model.enums[enum_id].values.len() as ValueId;
                values = (0..size).filter(|v| !values.contains(v)).collect();
            }
            // Terms on the same input combine with "and".
            cells[input].retain(|v| values.contains(v));
            if cells[input].is_empty() {
                let d = Diagnostic::new(Code::EmptyPattern, "this condition can never hold")
                    .primary(term.span, format!("no value of `{}` satisfies it", term.input.name))
                    .help("a constraint's terms must all hold at once; split it into two constraints for \"or\"");
                self.error(d);
                ok = false;
            }
        }
        ok.then(|| Constraint {
            cells,
            because: c.because.value.clone(),
            source: c.source.as_ref().map(|s| s.value.clone()),
            span: c.span,
        })
    }

    fn table(&mut self, decision: &mut Decision, t: &ast::Table) {
        let Some((inputs, outputs)) = self.header(decision, t) else {
            return;
        };
        let table = decision.tables.len();
        decision.tables.push(Table {
            title: t.title.value.clone(),
            ordered: t.ordered,
            source: t.source.as_ref().map(|s| s.value.clone()),
            span: t.span,
        });
        for row in &t.rows {
            if let Some(row) = self.row(decision, t, table, &inputs, &outputs, row) {
                decision.rows.push(row);
            }
        }
    }

    /// Map a header's columns to the decision's inputs and outputs.
    fn header(&mut self, decision: &Decision, t: &ast::Table) -> Option<(Vec<usize>, Vec<usize>)> {
        let mut ok = true;
        let mut inputs = Vec::new();
        for name in &t.input_columns {
            let Some(i) = self.input_named(decision, name) else {
                ok = false;
                continue;
            };
            if let Some(&prev) = inputs.iter().find(|&&p| p == i) {
                let first =
                    t.input_columns[inputs.iter().position(|&p| p == prev).unwrap_or(0)].span;
                let d = duplicate(
                    &format!("column `{}`", name.name),
                    &name.name,
                    first,
                    name.span,
                );
                self.error(d);
                ok = false;
                continue;
            }
            inputs.push(i);
        }
        let mut outputs: Vec<Option<usize>> = vec![None; decision.outputs.len()];
        for (position, name) in t.output_columns.iter().enumerate() {
            match decision.outputs.iter().position(|c| c.name == name.name) {
                Some(o) if outputs[o].is_none() => outputs[o] = Some(position),
                Some(o) => {
                    let first = t.output_columns[outputs[o].unwrap_or(0)].span;
                    let d = duplicate(
                        &format!("column `{}`", name.name),
                        &name.name,
                        first,
                        name.span,
                    );
                    self.error(d);
                    ok = false;
                }
                None => {
                    let mut d = Diagnostic::new(
                        Code::BadHeader,
                        format!("`{}` is not an output of `{}`", name.name, decision.name),
                    )
                    .primary(name.span, "right of `||` come the decision's outputs");
                    if decision.inputs.iter().any(|c| c.name == name.name) {
                        d = d.note(format!("`{}` is an input: put it left of `||`", name.name));
                    }
                    if let Some(help) = suggest::help_for(
                        &name.name,
                        "outputs",
                        decision.outputs.iter().map(|c| c.name.as_str()),
                    ) {
                        d = d.help(help);
                    }
                    self.error(d);
                    ok = false;
                }
            }
        }
        let missing: Vec<String> = decision
            .outputs
            .iter()
            .zip(&outputs)
            .filter(|(_, o)| o.is_none())
            .map(|(c, _)| format!("`{}`", c.name))
            .collect();
        if ok && !missing.is_empty() {
            let d = Diagnostic::new(
                Code::BadHeader,
                format!("table header leaves out output {}", missing.join(", ")),
            )
            .primary(t.header_span, "every row must give every output")
            .secondary(decision.span, "decision declared here")
            .help(format!("add {} right of `||`", missing.join(", ")));
            self.error(d);
            ok = false;
        }
        ok.then(|| {
            (
                inputs,
                outputs.into_iter().map(|o| o.unwrap_or(0)).collect(),
            )
        })
    }

    fn row(
        &mut self,
        decision: &Decision,
        t: &ast::Table,
        table: usize,
        inputs: &[usize],
        outputs: &[usize],
        row: &ast::Row,
    ) -> Option<Row> {
        if row.inputs.len() != inputs.len() || row.outputs.len() != outputs.len() {
            let d = Diagnostic::new(
                Code::CellCount,
                format!(
                    "row has {} input and {} output cells, the header {} and {}",
                    row.inputs.len(),
                    row.outputs.len(),
                    inputs.len(),
                    outputs.len()
                ),
            )
            .primary(row.cells, "wrong number of cells")
            .secondary(t.header_span, "the header")
            .help("give every column of the header one cell; `*` allows any value");
            self.error(d);
            return None;
        }
        let mut cells: Vec<Vec<ValueId>> = decision
            .inputs
            .iter()
            .map(|c| (0..self.model.enums[c.enum_id].values.len() as ValueId).collect())
            .collect();
        let mut cell_spans = vec![None; decision.inputs.len()];
        let mut ok = true;
        for (pattern, &input) in row.inputs.iter().zip(inputs) {
            match self.pattern(decision.inputs[input].enum_id, pattern) {
                Some(values) => {
                    cells[input] = values;
                    cell_spans[input] = Some(pattern.span());
                }
                None => ok = false,
            }
        }
        let mut values = Vec::with_capacity(outputs.len());
        for (output, column) in decision.outputs.iter().enumerate() {
            let name = &row.outputs[outputs[output]];
            match self.value(column.enum_id, name, false) {
                Some(v) => values.push(v),
                None => ok = false,
            }
        }
        ok.then(|| Row {
            table,
            cells,
            cell_spans,
            outputs: values,
            source: row.source.as_ref().map(|s| s.value.clone()),
            span: row.cells,
        })
    }

    // ------------------------------------------------------------- examples

    fn example(&mut self, e: &ast::Expect, enclosing: Option<&ast::Ident>) {
        if let Some(enclosing) = enclosing {
            if enclosing.name != e.decision.name {
                let d = Diagnostic::new(
                    Code::BadExpect,
                    format!(
                        "`expect {}` inside decision `{}`",
                        e.decision.name, enclosing.name
                    ),
                )
                .primary(
                    e.decision.span,
                    "an example inside a decision must be about it",
                )
                .help("move the example next to the decision it is about");
                self.error(d);
                return;
            }
        }
        let Some(decision_index) = self
            .model
            .decisions
            .iter()
            .position(|d| d.name == e.decision.name)
        else {
            let names: Vec<String> = self
                .model
                .decisions
                .iter()
                .map(|d| d.name.clone())
                .collect();
            let mut d = Diagnostic::new(
                Code::UnknownName,
                format!("unknown decision `{}`", e.decision.name),
            )
            .primary(e.decision.span, "no decision of this name");
            if let Some(help) = suggest::help_for(
                &e.decision.name,
                "decisions",
                names.iter().map(|s| s.as_str()),
            ) {
                d = d.help(help);
            }
            self.error(d);
            return;
        };
        let decision = self.model.decisions[decision_index].clone();
        let inputs = self.arguments(&decision, &decision.inputs, &e.inputs, e.span, "input");
        let outputs = match &e.outcome {
            ast::Outcome::Impossible(_) => Some(None),
            ast::Outcome::Outputs(args, span) => self
                .arguments(&decision, &decision.outputs, args, *span, "output")
                .map(Some),
        };
        if let (Some(inputs), Some(outputs)) = (inputs, outputs) {
            self.model.examples.push(Example {
                decision: decision_index,
                inputs,
                outputs,
                span: e.span,
            });
        }
    }

    /// Match an example's arguments to columns: all positional, in order, or
    /// all named, in any order.
    fn arguments(
        &mut self,
        decision: &Decision,
        columns: &[Column],
        args: &[ast::Arg],
        span: Span,
        what: &str,
    ) -> Option<Vec<ValueId>> {
        let named = args.iter().filter(|a| a.name.is_some()).count();
        if named != 0 && named != args.len() {
            let d = Diagnostic::new(
                Code::BadExpect,
                format!("mixed named and positional {what}s"),
            )
            .primary(span, "some are named, some are not")
            .help(format!("name every {what} (`name: value`) or none"));
            self.error(d);
            return None;
        }
        let mut slots: Vec<Option<&ast::Arg>> = vec![None; columns.len()];
        if named == 0 {
            if args.len() != columns.len() {
                let expected: Vec<String> =
                    columns.iter().map(|c| format!("`{}`", c.name)).collect();
                let d = Diagnostic::new(
                    Code::BadExpect,
                    format!(
                        "`{}` has {} {what}s, this example gives {}",
                        decision.name,
                        columns.len(),
                        args.len()
                    ),
                )
                .primary(span, format!("expected {} {what}s", columns.len()))
                .secondary(decision.span, "decision declared here")
                .help(format!("give, in order: {}", expected.join(", ")));
                self.error(d);
                return None;
            }
            for (slot, arg) in slots.iter_mut().zip(args) {
                *slot = Some(arg);
            }
        } else {
            for arg in args {
                let name = arg.name.as_ref().expect("all named");
                match columns.iter().position(|c| c.name == name.name) {
                    Some(i) if slots[i].is_none() => slots[i] = Some(arg),
                    Some(_) => {
                        let d = Diagnostic::new(
                            Code::BadExpect,
                            format!("{what} `{}` given twice", name.name),
                        )
                        .primary(name.span, "given again here");
                        self.error(d);
                        return None;
                    }
                    None => {
                        let mut d = Diagnostic::new(
                            Code::UnknownName,
                            format!("`{}` is not an {what} of `{}`", name.name, decision.name),
                        )
                        .primary(name.span, format!("unknown {what}"));
                        if let Some(help) = suggest::help_for(
                            &name.name,
                            &format!("{what}s"),
                            columns.iter().map(|c| c.name.as_str()),
                        ) {
                            d = d.help(help);
                        }
                        self.error(d);
                        return None;
                    }
                }
            }
            let missing: Vec<String> = columns
                .iter()
                .zip(&slots)
                .filter(|(_, s)| s.is_none())
                .map(|(c, _)| format!("`{}`", c.name))
                .collect();
            if !missing.is_empty() {
                let d = Diagnostic::new(
                    Code::BadExpect,
                    format!("example leaves out {what} {}", missing.join(", ")),
                )
                .primary(span, format!("every {what} needs a value"));
                self.error(d);
                return None;
            }
        }
        let mut values = Vec::with_capacity(columns.len());
        let mut ok = true;
        for (column, slot) in columns.iter().zip(slots) {
            let arg = slot.expect("every slot filled");
            match self.value(column.enum_id, &arg.value, false) {
                Some(v) => values.push(v),
                None => ok = false,
            }
        }
        ok.then_some(values)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    Active,
    Done,
}

fn docs(docs: &ast::Docs) -> Vec<String> {
    docs.iter().map(|d| d.value.clone()).collect()
}

fn value_list(e: &Enum) -> String {
    let names: Vec<String> = e.values.iter().map(|v| format!("`{}`", v.name)).collect();
    names.join(", ")
}
