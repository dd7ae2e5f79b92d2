//! Shared parts of the coex fuzz targets: a structure-aware rule-set
//! generator (an [`Arbitrary`] description rendered to `.coex` text, so
//! that most inputs get past the parser and name resolution into the
//! analysis), and the checks several targets share.
//!
//! The description is small by construction (at most 4 enums of at most 6
//! values, 3 decisions of at most 5 inputs, 12 rows a table), so every
//! decision's input space can be enumerated in the target to check the
//! checker's verdict. Indices are taken modulo the number of things they
//! pick from, except 255, which names something that does not exist (so
//! resolution errors are reached too, but rarely).

use arbitrary::Arbitrary;
use coex::model::{CheckedModel, Model, Ruling, ValueId};
use coex::source::Sources;
use std::fmt::Write;

const MAX_ENUMS: usize = 4;
const MAX_VALUES: usize = 6;
const MAX_SETS: usize = 4;
const MAX_DECISIONS: usize = 3;
const MAX_INPUTS: usize = 5;
const MAX_OUTPUTS: usize = 2;
const MAX_TABLES: usize = 3;
const MAX_ROWS: usize = 12;
const MAX_CONSTRAINTS: usize = 3;
const MAX_TERMS: usize = 3;
const MAX_EXPECTS: usize = 3;
const MAX_LIST: usize = 3;

/// Enum names, then the pool value names are drawn from (values of
/// different enums share names, as `Teams` does in the shipped rules).
const ENUM_NAMES: [&str; MAX_ENUMS] = ["Mode", "Client", "Scope", "Landing"];
const VALUE_NAMES: [&str; 9] = [
    "Teams",
    "SfB",
    "Islands",
    "Online",
    "OnPrem",
    "None",
    "InTenant",
    "Federated",
    "Both",
];
/// Rarely (a name byte of 240 or more), an enum or decision takes one of
/// these names instead: names that differ only in case or underscores,
/// Rust keywords and the names of Rust's own types, which the generated code
/// must keep apart or `coex` must refuse.
const ODD_ENUM_NAMES: [&str; 8] = [
    "mode", "Result", "Option", "Foo_Bar", "FooBar", "u8", "Self", "str",
];
const ODD_DECISION_NAMES: [&str; 8] = ["D0", "D1", "type", "Route", "route", "fn", "r", "R"];
/// Where an index of 255 points: a name the rule set does not declare.
const UNKNOWN: &str = "Nowhere";

#[derive(Arbitrary, Debug, Clone)]
pub struct RuleSet {
    pub enums: Vec<EnumSpec>,
    pub sets: Vec<SetSpec>,
    pub decisions: Vec<DecisionSpec>,
    pub expects: Vec<ExpectSpec>,
    /// Put each item in its own file (a rule set of several files).
    pub split_files: bool,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct EnumSpec {
    pub name: u8,
    /// 1 + this modulo [`MAX_VALUES`] values.
    pub values: u8,
    pub aliases: Vec<(u8, u8)>,
    pub doc: bool,
    pub one_line: bool,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct SetSpec {
    pub enum_index: u8,
    /// Below 200: a value of the enum; else another set.
    pub members: Vec<u8>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct DecisionSpec {
    pub name: u8,
    /// Each input's enum.
    pub inputs: Vec<u8>,
    /// Each output's enum.
    pub outputs: Vec<u8>,
    pub constraints: Vec<ConstraintSpec>,
    pub tables: Vec<TableSpec>,
    pub expects: Vec<ExpectSpec>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ConstraintSpec {
    /// (input, negated, cell)
    pub terms: Vec<(u8, bool, Cell)>,
    pub source: bool,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct TableSpec {
    pub ordered: bool,
    /// Leave out input `i` when bit `i` is set.
    pub omitted_inputs: u8,
    /// Leave out the last output (a `bad-header` error), when set and
    /// [`DecisionSpec::outputs`] is non-empty; rare by construction.
    pub drop_output: Option<u8>,
    pub rows: Vec<RowSpec>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct RowSpec {
    pub cells: Vec<Cell>,
    pub outputs: Vec<u8>,
    pub source: bool,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Cell {
    Any,
    Value(u8),
    Set(u8),
    List(Vec<u8>),
    Not(Vec<u8>),
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ExpectSpec {
    pub decision: u8,
    pub named: bool,
    pub args: Vec<u8>,
    /// `None`: `== impossible`.
    pub outputs: Option<Vec<u8>>,
}

/// Pick `index` among `count` things: modulo, but 255 is "none of them".
fn pick(index: u8, count: usize) -> Option<usize> {
    (index != 255 && count > 0).then(|| index as usize % count)
}

fn value_name(enum_index: usize, value: usize) -> &'static str {
    VALUE_NAMES[(enum_index * 2 + value) % VALUE_NAMES.len()]
}

impl RuleSet {
    fn enum_count(&self) -> usize {
        self.enums.len().min(MAX_ENUMS)
    }

    fn value_count(&self, enum_index: usize) -> usize {
        1 + self.enums[enum_index].values as usize % MAX_VALUES
    }

    fn sets(&self) -> &[SetSpec] {
        &self.sets[..self.sets.len().min(MAX_SETS)]
    }

    fn decisions(&self) -> &[DecisionSpec] {
        &self.decisions[..self.decisions.len().min(MAX_DECISIONS)]
    }

    fn enum_name(&self, index: u8) -> &'static str {
        pick(index, self.enum_count()).map_or(UNKNOWN, |e| self.name_of_enum(e))
    }

    fn name_of_enum(&self, e: usize) -> &'static str {
        match self.enums[e].name {
            n if n >= 240 => ODD_ENUM_NAMES[n as usize % ODD_ENUM_NAMES.len()],
            _ => ENUM_NAMES[e],
        }
    }

    fn name_of_decision(&self, index: usize) -> String {
        match self.decisions[index].name {
            n if n >= 240 => ODD_DECISION_NAMES[n as usize % ODD_DECISION_NAMES.len()].to_string(),
            _ => format!("d{index}"),
        }
    }

    /// A value (or, for a cell, set) name of enum `e`.
    fn value(&self, e: Option<usize>, index: u8) -> &'static str {
        match e {
            Some(e) => pick(index, self.value_count(e)).map_or(UNKNOWN, |v| value_name(e, v)),
            None => UNKNOWN,
        }
    }

    /// The enum an enum index picks, if it exists.
    fn enum_of(&self, index: u8) -> Option<usize> {
        pick(index, self.enum_count())
    }

    /// A cell member: a value of `e`, or below index 200 a set name.
    fn member(&self, e: Option<usize>, index: u8) -> String {
        if index >= 200 && index != 255 && !self.sets().is_empty() {
            format!("S{}", index as usize % self.sets().len())
        } else {
            self.value(e, index).to_string()
        }
    }

    fn cell(&self, e: Option<usize>, cell: &Cell) -> String {
        let list = |members: &[u8]| {
            let names: Vec<String> = members
                .iter()
                .take(MAX_LIST)
                .map(|&m| self.member(e, m))
                .collect();
            if names.is_empty() {
                self.value(e, 0).to_string()
            } else {
                names.join(", ")
            }
        };
        match cell {
            Cell::Any => "*".to_string(),
            Cell::Value(v) => self.value(e, *v).to_string(),
            Cell::Set(s) => self.member(e, s.saturating_add(200)),
            Cell::List(members) => list(members),
            Cell::Not(members) => format!("!{}", list(members)),
        }
    }

    /// The rule set as one or several `.coex` files.
    pub fn sources(&self) -> Sources {
        let mut items: Vec<String> = Vec::new();
        for e in 0..self.enum_count() {
            items.push(self.render_enum(e));
        }
        for (i, set) in self.sets().iter().enumerate() {
            let e = self.enum_of(set.enum_index);
            let members: Vec<String> = set
                .members
                .iter()
                .take(MAX_LIST + 1)
                .map(|&m| self.member(e, m))
                .collect();
            let members = if members.is_empty() {
                self.value(e, 0).to_string()
            } else {
                members.join(", ")
            };
            items.push(format!(
                "set S{i}: {} = {members}\n",
                self.enum_name(set.enum_index)
            ));
        }
        for (i, d) in self.decisions().iter().enumerate() {
            items.push(self.render_decision(i, d));
        }
        for x in self.expects.iter().take(MAX_EXPECTS) {
            items.push(format!("{}\n", self.render_expect(x)));
        }
        let mut sources = Sources::new();
        if self.split_files && items.len() > 1 {
            for (i, item) in items.iter().enumerate() {
                sources.add(format!("rules/f{i}.coex"), item.clone());
            }
        } else {
            sources.add("rules/rules.coex", items.join("\n"));
        }
        sources
    }

    fn render_enum(&self, e: usize) -> String {
        let spec = &self.enums[e];
        let count = self.value_count(e);
        let mut aliases: Vec<Vec<String>> = vec![Vec::new(); count];
        for (n, &(value, alias)) in spec.aliases.iter().take(3).enumerate() {
            let name = match alias % 4 {
                // An alias that repeats another value's name, or a case variant.
                0 => value_name(e, alias as usize / 4).to_string(),
                1 => value_name(e, alias as usize / 4).to_uppercase(),
                _ => format!("Alt{n}"),
            };
            aliases[value as usize % count].push(name);
        }
        let values: Vec<String> = (0..count)
            .map(|v| {
                let mut text = value_name(e, v).to_string();
                for a in &aliases[v] {
                    write!(text, " alias {a}").unwrap();
                }
                text
            })
            .collect();
        let doc = if spec.doc { "/// An enum.\n" } else { "" };
        let name = self.name_of_enum(e);
        if spec.one_line {
            format!("{doc}enum {name} {{ {} }}\n", values.join(", "))
        } else {
            format!("{doc}enum {name} {{\n    {}\n}}\n", values.join("\n    "))
        }
    }

    fn inputs<'d>(&self, d: &'d DecisionSpec) -> &'d [u8] {
        &d.inputs[..d.inputs.len().min(MAX_INPUTS)]
    }

    fn outputs<'d>(&self, d: &'d DecisionSpec) -> &'d [u8] {
        let n = d.outputs.len().clamp(1, MAX_OUTPUTS);
        if d.outputs.is_empty() {
            &[0]
        } else {
            &d.outputs[..n]
        }
    }

    fn render_decision(&self, index: usize, d: &DecisionSpec) -> String {
        let inputs = self.inputs(d);
        let outputs = self.outputs(d);
        let params: Vec<String> = inputs
            .iter()
            .enumerate()
            .map(|(i, &e)| format!("in{i}: {}", self.enum_name(e)))
            .collect();
        let results: Vec<String> = outputs
            .iter()
            .enumerate()
            .map(|(i, &e)| format!("out{i}: {}", self.enum_name(e)))
            .collect();
        let results = if results.len() == 1 {
            results[0].clone()
        } else {
            format!("({})", results.join(", "))
        };
        let mut out = format!(
            "decision {}({}) -> {results} {{\n",
            self.name_of_decision(index),
            params.join(", ")
        );
        for c in d.constraints.iter().take(MAX_CONSTRAINTS) {
            let terms: Vec<String> = c
                .terms
                .iter()
                .take(MAX_TERMS)
                .filter_map(|(input, negated, cell)| {
                    let i = pick(*input, inputs.len())?;
                    let e = self.enum_of(inputs[i]);
                    let op = if *negated { "!=" } else { "==" };
                    Some(format!("in{i} {op} {}", self.cell(e, cell)))
                })
                .collect();
            if terms.is_empty() {
                continue;
            }
            write!(
                out,
                "    impossible {}\n        because \"it cannot be\"\n",
                terms.join(" && ")
            )
            .unwrap();
            if c.source {
                out.push_str("        source \"fuzz\"\n");
            }
        }
        for (t, table) in d.tables.iter().take(MAX_TABLES).enumerate() {
            let columns: Vec<usize> = (0..inputs.len())
                .filter(|i| *i >= 8 || table.omitted_inputs & (1 << i) == 0)
                .collect();
            let shown_outputs = match table.drop_output {
                Some(7) if outputs.len() > 1 => outputs.len() - 1,
                _ => outputs.len(),
            };
            let ordered = if table.ordered { " ordered" } else { "" };
            write!(out, "\n    table \"t{t}\"{ordered}\n    |").unwrap();
            if columns.is_empty() {
                // A header needs at least one input column.
                out.push_str(" in0 ");
            }
            let header: Vec<String> = columns.iter().map(|i| format!(" in{i} ")).collect();
            out.push_str(&header.join("|"));
            out.push_str("||");
            let header: Vec<String> = (0..shown_outputs).map(|o| format!(" out{o} ")).collect();
            out.push_str(&header.join("|"));
            out.push_str("|\n");
            for row in table.rows.iter().take(MAX_ROWS) {
                let width = columns.len().max(1);
                let cells: Vec<String> = (0..width)
                    .map(|c| {
                        let e = columns
                            .get(c)
                            .and_then(|&i| inputs.get(i))
                            .and_then(|&e| self.enum_of(e));
                        let cell = row.cells.get(c).unwrap_or(&Cell::Any);
                        format!(" {} ", self.cell(e, cell))
                    })
                    .collect();
                let values: Vec<String> = (0..shown_outputs)
                    .map(|o| {
                        let e = self.enum_of(outputs[o]);
                        format!(
                            " {} ",
                            self.value(e, row.outputs.get(o).copied().unwrap_or(0))
                        )
                    })
                    .collect();
                let source = if row.source { " source \"row\"" } else { "" };
                writeln!(
                    out,
                    "    |{}||{}|{source}",
                    cells.join("|"),
                    values.join("|")
                )
                .unwrap();
            }
        }
        for x in d.expects.iter().take(MAX_EXPECTS) {
            write!(out, "\n    {}\n", self.render_expect_of(index, d, x)).unwrap();
        }
        out.push_str("}\n");
        out
    }

    fn render_expect(&self, x: &ExpectSpec) -> String {
        match pick(x.decision, self.decisions().len()) {
            Some(i) => self.render_expect_of(i, &self.decisions()[i], x),
            None => format!("expect {UNKNOWN}(A) == B"),
        }
    }

    fn render_expect_of(&self, index: usize, d: &DecisionSpec, x: &ExpectSpec) -> String {
        let inputs = self.inputs(d);
        let args: Vec<String> = inputs
            .iter()
            .enumerate()
            .map(|(i, &e)| {
                let value = self.value(self.enum_of(e), x.args.get(i).copied().unwrap_or(0));
                if x.named {
                    format!("in{i}: {value}")
                } else {
                    value.to_string()
                }
            })
            .collect();
        let expected = match &x.outputs {
            None => "impossible".to_string(),
            Some(values) => {
                let outputs = self.outputs(d);
                let values: Vec<&str> = outputs
                    .iter()
                    .enumerate()
                    .map(|(o, &e)| self.value(self.enum_of(e), values.get(o).copied().unwrap_or(0)))
                    .collect();
                if values.len() == 1 {
                    values[0].to_string()
                } else {
                    format!("({})", values.join(", "))
                }
            }
        };
        format!(
            "expect {}({}) == {expected}",
            self.name_of_decision(index),
            args.join(", ")
        )
    }
}

/// Every input of a decision's space, in order (the spaces the generator
/// writes are small enough to list).
pub fn inputs_of(model: &Model, decision: usize) -> Vec<Vec<ValueId>> {
    let sizes: Vec<u32> = model.decisions[decision]
        .inputs
        .iter()
        .map(|c| model.enums[c.enum_id].values.len() as u32)
        .collect();
    let mut all = vec![Vec::new()];
    for size in sizes {
        all = all
            .into_iter()
            .flat_map(|prefix| {
                (0..size).map(move |v| {
                    let mut next = prefix.clone();
                    next.push(v);
                    next
                })
            })
            .collect();
    }
    all
}

/// The checker's promise: a rule set with no errors decides every input
/// exactly once (a row, or an `impossible` constraint), and the lookup
/// table the evaluator (and the generated code) uses agrees with reading
/// the rows.
pub fn assert_checked_model_decides_everything(checked: CheckedModel<'_>, sources: &Sources) {
    let model = checked.model();
    let evaluator = coex::eval::Evaluator::new(checked, sources);
    for (index, decision) in model.decisions.iter().enumerate() {
        for input in inputs_of(model, index) {
            let by_rows = decision.evaluate(&input);
            let by_table = evaluator.answer(index, &input);
            match (&by_rows, &by_table) {
                (Ruling::Row(r), Ok(answer)) => {
                    let expected: Vec<&str> = decision
                        .outputs
                        .iter()
                        .zip(&decision.rows[*r].outputs)
                        .map(|(c, &v)| model.enums[c.enum_id].values[v as usize].name.as_str())
                        .collect();
                    let got: Vec<&str> = answer.outputs.iter().map(|(_, v)| *v).collect();
                    assert_eq!(
                        expected, got,
                        "`{}` {input:?}: the table and the rows disagree",
                        decision.name
                    );
                }
                (Ruling::Impossible(_), Err(e)) if e.is_impossible() => {}
                _ => panic!(
                    "`{}` {input:?}: the checker passed the rule set, but the rows give {by_rows:?} and the table {by_table:?}",
                    decision.name
                ),
            }
        }
    }
}

/// Each comment's text and whether code is before it on its line (as in
/// `tests/format_props.rs`).
pub fn comments(text: &str, file: &coex::syntax::ast::File) -> Vec<(String, bool)> {
    file.comments
        .iter()
        .map(|c| {
            let start = c.span.start as usize;
            let line = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            (c.text.clone(), !text[line..start].trim().is_empty())
        })
        .collect()
}

/// Two rule sets to compare: one, and the same one after a few edits (so
/// that most decisions keep their names and signatures and the diff has
/// answers to compare).
#[derive(Arbitrary, Debug, Clone)]
pub struct DiffCase {
    pub old: RuleSet,
    pub edits: Vec<Edit>,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Edit {
    ReplaceRow {
        decision: u8,
        table: u8,
        row: u8,
        new: RowSpec,
    },
    AddRow {
        decision: u8,
        table: u8,
        new: RowSpec,
    },
    RemoveRow {
        decision: u8,
        table: u8,
        row: u8,
    },
    Values {
        enum_index: u8,
        values: u8,
    },
    AddConstraint {
        decision: u8,
        new: ConstraintSpec,
    },
    RemoveConstraint {
        decision: u8,
        index: u8,
    },
    ToggleOrdered {
        decision: u8,
        table: u8,
    },
    Inputs {
        decision: u8,
        inputs: Vec<u8>,
    },
    RemoveDecision(u8),
}

fn nth<T>(items: &mut [T], index: u8) -> Option<&mut T> {
    let len = items.len();
    (len > 0).then(|| &mut items[index as usize % len])
}

impl DiffCase {
    /// The new side: the old rule set with the edits applied.
    pub fn new_rules(&self) -> RuleSet {
        let mut rules = self.old.clone();
        for edit in self.edits.iter().take(4) {
            let decisions = rules.decisions.len().min(MAX_DECISIONS);
            let decisions = &mut rules.decisions[..decisions];
            match edit {
                Edit::ReplaceRow {
                    decision,
                    table,
                    row,
                    new,
                } => {
                    if let Some(r) = nth(decisions, *decision)
                        .and_then(|d| nth(&mut d.tables, *table))
                        .and_then(|t| nth(&mut t.rows, *row))
                    {
                        *r = new.clone();
                    }
                }
                Edit::AddRow {
                    decision,
                    table,
                    new,
                } => {
                    if let Some(t) =
                        nth(decisions, *decision).and_then(|d| nth(&mut d.tables, *table))
                    {
                        t.rows.insert(0, new.clone());
                    }
                }
                Edit::RemoveRow {
                    decision,
                    table,
                    row,
                } => {
                    if let Some(t) =
                        nth(decisions, *decision).and_then(|d| nth(&mut d.tables, *table))
                    {
                        if !t.rows.is_empty() {
                            let at = *row as usize % t.rows.len();
                            t.rows.remove(at);
                        }
                    }
                }
                Edit::Values { enum_index, values } => {
                    let count = rules.enums.len().min(MAX_ENUMS);
                    if let Some(e) = nth(&mut rules.enums[..count], *enum_index) {
                        e.values = *values;
                    }
                }
                Edit::AddConstraint { decision, new } => {
                    if let Some(d) = nth(decisions, *decision) {
                        d.constraints.insert(0, new.clone());
                    }
                }
                Edit::RemoveConstraint { decision, index } => {
                    if let Some(d) = nth(decisions, *decision) {
                        if !d.constraints.is_empty() {
                            let at = *index as usize % d.constraints.len();
                            d.constraints.remove(at);
                        }
                    }
                }
                Edit::ToggleOrdered { decision, table } => {
                    if let Some(t) =
                        nth(decisions, *decision).and_then(|d| nth(&mut d.tables, *table))
                    {
                        t.ordered = !t.ordered;
                    }
                }
                Edit::Inputs { decision, inputs } => {
                    if let Some(d) = nth(decisions, *decision) {
                        d.inputs = inputs.clone();
                    }
                }
                Edit::RemoveDecision(index) => {
                    if !decisions.is_empty() {
                        let at = *index as usize % decisions.len();
                        rules.decisions.remove(at);
                    }
                }
            }
        }
        rules
    }
}

/// A decision's answer to one input, by names: its outputs' values,
/// `impossible` (whatever the reason), or `undecided`.
pub fn answer_by_name(model: &Model, decision: usize, input: &[ValueId]) -> String {
    let d = &model.decisions[decision];
    let row = match d.evaluate(input) {
        Ruling::Row(r) => r,
        Ruling::Conflicting(rows) => rows[0],
        Ruling::Impossible(_) => return "impossible".to_string(),
        Ruling::Undecided => return "undecided".to_string(),
    };
    d.outputs
        .iter()
        .zip(&d.rows[row].outputs)
        .map(|(c, &v)| model.enums[c.enum_id].values[v as usize].name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The names that make two decisions' answers comparable input by input:
/// input names and enums, each input enum's values, and the outputs.
pub fn shape(model: &Model, decision: usize) -> Vec<String> {
    let d = &model.decisions[decision];
    let mut shape = Vec::new();
    for c in d.inputs.iter().chain(&d.outputs) {
        let e = &model.enums[c.enum_id];
        let values: Vec<&str> = e.values.iter().map(|v| v.name.as_str()).collect();
        shape.push(format!("{}: {} {{{}}}", c.name, e.name, values.join(", ")));
    }
    shape.push(format!("{} inputs", d.inputs.len()));
    shape
}
