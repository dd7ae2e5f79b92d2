//! The data a decision page answers questions from, embedded as JSON in a
//! `<script type="application/json" id="decision-data">`, and the script
//! that reads it ([`SCRIPT`], `answer.js`).
//!
//! The answers come from the decision's lookup table
//! ([`crate::lookup::LookupTable`]), the same one `coex eval` and the
//! runtime look answers up in: for each input, in mixed-radix order (the
//! first input the most significant digit), the row that decides it (`r`,
//! an index into `rows`) or the constraint that excludes it (`-1 - c`).

use crate::lookup::{ConstraintCitation, Entry, LookupTable};
use crate::model::{Decision, Model};
use serde::Serialize;

/// The largest lookup table embedded in a page (entries, one per input).
/// A larger decision's page has no question form; `coex eval` answers it.
pub(crate) const MAX_EMBEDDED_ENTRIES: u128 = 1 << 17;

/// The script of a decision page: reads the question in the URL fragment
/// and the form, answers it in `#answer`.
pub(crate) const SCRIPT: &str = include_str!("answer.js");

#[derive(Serialize)]
struct Data<'a> {
    decision: &'a str,
    inputs: Vec<Input<'a>>,
    outputs: Vec<&'a str>,
    rows: Vec<Row<'a>>,
    constraints: Vec<Constraint<'a>>,
    entries: Vec<i64>,
}

#[derive(Serialize)]
struct Input<'a> {
    name: &'a str,
    /// Per value: its name, then its aliases.
    values: Vec<Vec<&'a str>>,
}

#[derive(Serialize)]
struct Row<'a> {
    outputs: Vec<&'a str>,
    table: &'a str,
    row: u32,
    file: &'a str,
    line: u32,
    source: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct Constraint<'a> {
    because: &'a str,
    source: &'a str,
    file: &'a str,
    line: u32,
    text: &'a str,
}

/// The JSON of one decision's page data, safe inside a `<script>` element:
/// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no
/// text from a rule file can close the element.
pub(crate) fn json(model: &Model, decision: &Decision, table: &LookupTable) -> String {
    let values = |enum_id: usize| -> Vec<Vec<&str>> {
        model.enums[enum_id]
            .values
            .iter()
            .map(|v| {
                std::iter::once(v.name.as_str())
                    .chain(v.aliases.iter().map(String::as_str))
                    .collect()
            })
            .collect()
    };
    let data = Data {
        decision: &decision.name,
        inputs: decision
            .inputs
            .iter()
            .map(|c| Input {
                name: &c.name,
                values: values(c.enum_id),
            })
            .collect(),
        outputs: decision.outputs.iter().map(|c| c.name.as_str()).collect(),
        rows: decision
            .rows
            .iter()
            .zip(&table.rows)
            .map(|(row, citation)| Row {
                outputs: decision
                    .outputs
                    .iter()
                    .zip(&row.outputs)
                    .map(|(c, &v)| model.enums[c.enum_id].values[v as usize].name.as_str())
                    .collect(),
                table: &citation.table,
                row: citation.row,
                file: &citation.file,
                line: citation.line,
                source: citation.source.as_deref().unwrap_or_default(),
                text: &citation.text,
            })
            .collect(),
        constraints: table
            .constraints
            .iter()
            .map(|c: &ConstraintCitation| Constraint {
                because: &c.because,
                source: c.source.as_deref().unwrap_or_default(),
                file: &c.file,
                line: c.line,
                text: &c.text,
            })
            .collect(),
        entries: table
            .entries
            .iter()
            .map(|e| match *e {
                Entry::Row(r) => i64::from(r),
                Entry::Impossible(c) => -1 - i64::from(c),
            })
            .collect(),
    };
    let json = serde_json::to_string(&data).expect("page data serializes");
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
