//! Decisions: their inputs and outputs, constraints, tables and rows.

use super::{docs, errors, Resolver};
use crate::model::{Column, Constraint, Decision, Row, Table, ValueId};
use crate::source::Span;
use crate::syntax::ast;
use std::collections::HashMap;

/// Where a table's columns go: per header column left of `||`, the input
/// it names; per output of the decision, the header column right of `||`
/// that gives it.
struct Header {
    inputs: Vec<usize>,
    outputs: Vec<usize>,
}

impl Resolver {
    pub(super) fn declare_decision(&mut self, decl: &ast::Decision) {
        if let Some(first) = self
            .model
            .decisions
            .iter()
            .find(|d| d.name == decl.name.name)
        {
            let d = errors::duplicate(
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

    /// The inputs or the outputs of a decision; `taken` holds the names
    /// used so far by either.
    fn columns(
        &mut self,
        params: &[ast::Param],
        taken: &mut HashMap<String, Span>,
    ) -> Option<Vec<Column>> {
        let mut columns = Vec::new();
        let mut ok = true;
        for p in params {
            if let Some(&first) = taken.get(&p.name.name) {
                let d = errors::duplicate(
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

    fn input_named(&mut self, decision: &Decision, name: &ast::Ident) -> Option<usize> {
        if let Some(i) = decision.inputs.iter().position(|c| c.name == name.name) {
            return Some(i);
        }
        self.error(errors::unknown_input(name, decision));
        None
    }

    /// Every input a decision has, as cells allowing every value.
    fn every_input(&self, decision: &Decision) -> Vec<Vec<ValueId>> {
        decision
            .inputs
            .iter()
            .map(|c| (0..self.model.enums[c.enum_id].values.len() as ValueId).collect())
            .collect()
    }

    fn constraint(&mut self, decision: &Decision, c: &ast::Constraint) -> Option<Constraint> {
        let mut cells = self.every_input(decision);
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
                self.error(errors::empty_condition(term));
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
        let Some(header) = self.header(decision, t) else {
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
            if let Some(row) = self.row(decision, t, table, &header, row) {
                decision.rows.push(row);
            }
        }
    }

    /// Map a header's columns to the decision's inputs and outputs.
    fn header(&mut self, decision: &Decision, t: &ast::Table) -> Option<Header> {
        let mut ok = true;
        let mut inputs = Vec::new();
        // Per input of the decision, the header column naming it.
        let mut input_columns: Vec<Option<&ast::Ident>> = vec![None; decision.inputs.len()];
        for name in &t.input_columns {
            let Some(i) = self.input_named(decision, name) else {
                ok = false;
                continue;
            };
            if let Some(first) = input_columns[i] {
                let d = errors::duplicate(
                    &format!("column `{}`", name.name),
                    &name.name,
                    first.span,
                    name.span,
                );
                self.error(d);
                ok = false;
                continue;
            }
            input_columns[i] = Some(name);
            inputs.push(i);
        }
        // Per output of the decision, the position of its header column.
        let mut outputs: Vec<Option<usize>> = vec![None; decision.outputs.len()];
        for (position, name) in t.output_columns.iter().enumerate() {
            let Some(o) = decision.outputs.iter().position(|c| c.name == name.name) else {
                self.error(errors::not_an_output(name, decision));
                ok = false;
                continue;
            };
            match outputs[o] {
                None => outputs[o] = Some(position),
                Some(first) => {
                    let d = errors::duplicate(
                        &format!("column `{}`", name.name),
                        &name.name,
                        t.output_columns[first].span,
                        name.span,
                    );
                    self.error(d);
                    ok = false;
                }
            }
        }
        match outputs.iter().copied().collect::<Option<Vec<usize>>>() {
            Some(outputs) => ok.then_some(Header { inputs, outputs }),
            None => {
                if ok {
                    let missing: Vec<&Column> = decision
                        .outputs
                        .iter()
                        .zip(&outputs)
                        .filter(|(_, o)| o.is_none())
                        .map(|(c, _)| c)
                        .collect();
                    self.error(errors::outputs_left_out(t.header_span, decision, &missing));
                }
                None
            }
        }
    }

    fn row(
        &mut self,
        decision: &Decision,
        t: &ast::Table,
        table: usize,
        header: &Header,
        row: &ast::Row,
    ) -> Option<Row> {
        let Header { inputs, outputs } = header;
        if row.inputs.len() != inputs.len() || row.outputs.len() != outputs.len() {
            let d = errors::cell_count(row, t.header_span, inputs.len(), outputs.len());
            self.error(d);
            return None;
        }
        let mut cells = self.every_input(decision);
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
        for (column, &position) in decision.outputs.iter().zip(outputs) {
            match self.value(column.enum_id, &row.outputs[position]) {
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
}
