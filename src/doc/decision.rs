//! A decision's page: what it is, a question form answered in the page, its
//! table as `coex table` lays it out, every row with its citation, the
//! impossible inputs with their reasons, and the examples.

use super::data::{self, MAX_EMBEDDED_ENTRIES, SCRIPT};
use super::grid::{self, Context};
use super::html::{self, code, escape, Here};
use super::RuleSet;
use crate::lookup::{self, Citation, ConstraintCitation, Entry, LookupTable, MAX_ENTRIES};
use crate::model::{Decision, Model};
use crate::render::{self, Layout, RenderError};
use crate::text::plural;

pub(crate) fn page(set: RuleSet<'_>, index: usize) -> String {
    let model = set.model.model();
    let d = &model.decisions[index];
    let volume = d.volume(model);
    let table =
        (volume <= MAX_ENTRIES).then(|| lookup::build_decision(set.model, set.sources, index));
    let (rows, constraints) = lookup::citations(d, set.sources);
    let mut body = String::new();
    body.push_str(&format!("<h1>{}</h1>\n", code(&d.name)));
    body.push_str(&html::docs(&d.docs));
    body.push_str(&format!(
        "<p class=\"signature\">{}</p>\n",
        signature(model, d)
    ));
    let location = set.sources.location(d.span);
    body.push_str(&format!(
        "<p class=\"where\">Defined in {}:{}. {}</p>\n",
        escape(&location.file),
        location.line,
        escape(&counts(d, table.as_ref(), volume))
    ));
    let embedded = table.as_ref().filter(|_| volume <= MAX_EMBEDDED_ENTRIES);
    body.push_str(&ask(model, d, embedded.is_some()));
    body.push_str("<h2 id=\"table\">Table</h2>\n");
    match render::render(model, &d.name, &Layout::default()) {
        Ok(rendered) => {
            let context = Context {
                model,
                decision: d,
                table: table.as_ref(),
                rows: &rows,
                constraints: &constraints,
            };
            body.push_str(&grid::tables(&context, &rendered));
        }
        Err(RenderError::TooLarge {
            rows,
            columns,
            sections,
            ..
        }) => body.push_str(&format!(
            "<p>This decision is too large to print as a table ({rows} rows × {columns} columns{}); \
             its rows are listed below, and <code>coex table --rows ... --columns ...</code> prints a part of it.</p>\n",
            if sections > 1 {
                format!(" in each of {sections} tables")
            } else {
                String::new()
            }
        )),
        Err(error) => body.push_str(&format!(
            "<p>This decision is not printed as a table: {}. Its rows are listed below.</p>\n",
            escape(&error.to_string())
        )),
    }
    body.push_str(&rules(d, &rows));
    body.push_str(&impossible(&constraints));
    body.push_str(&examples(model, index));
    let script = embedded.map(|table| {
        format!(
            "<script type=\"application/json\" id=\"decision-data\">{}</script>\n<script>\n{SCRIPT}</script>\n",
            data::json(model, d, table)
        )
    });
    html::page(
        &d.name,
        Here::Decision,
        &body,
        script.as_deref().unwrap_or(""),
    )
}

/// `Inputs (sender_mode: Mode, ...) → outputs (lands: Landing, ...)`, each
/// enum linked to the vocabulary.
fn signature(model: &Model, d: &Decision) -> String {
    let params = |columns: &[crate::model::Column]| {
        columns
            .iter()
            .map(|c| {
                let e = &model.enums[c.enum_id].name;
                format!(
                    "{}: <a href=\"index.html#enum-{}\"><code>{}</code></a>",
                    code(&c.name),
                    html::id(e),
                    escape(e)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let outputs = params(&d.outputs);
    let outputs = if d.outputs.len() == 1 {
        outputs
    } else {
        format!("({outputs})")
    };
    format!("Inputs ({}) → outputs {outputs}", params(&d.inputs))
}

/// `200 inputs: 160 decided by 37 rows in 6 tables, 40 impossible (3 reasons).`
fn counts(d: &Decision, table: Option<&LookupTable>, volume: u128) -> String {
    let rows = format!(
        "{} in {}",
        plural(d.rows.len() as u64, "row", "rows"),
        plural(d.tables.len() as u64, "table", "tables")
    );
    match table {
        Some(table) => {
            let impossible = table
                .entries
                .iter()
                .filter(|e| matches!(e, Entry::Impossible(_)))
                .count() as u128;
            format!(
                "{}: {} decided by {rows}, {} impossible ({}).",
                plural(volume, "input", "inputs"),
                volume - impossible,
                impossible,
                plural(d.constraints.len() as u64, "reason", "reasons")
            )
        }
        None => format!("{}, decided by {rows}.", plural(volume, "input", "inputs")),
    }
}

/// The question form and the answer, or why the page cannot answer.
fn ask(model: &Model, d: &Decision, answerable: bool) -> String {
    let mut out = String::from("<section id=\"ask\" aria-labelledby=\"ask-title\">\n");
    out.push_str("<h2 id=\"ask-title\">Ask a question</h2>\n");
    if !answerable {
        out.push_str(&format!(
            "<div id=\"answer\"><p>This decision has more inputs than a page embeds \
             ({MAX_EMBEDDED_ENTRIES}); ask <code>coex eval {} name=value ...</code> instead.</p></div>\n</section>\n",
            escape(&d.name)
        ));
        return out;
    }
    out.push_str(&format!(
        "<p class=\"lead\">Choose a value for each input. The address of the page then \
         holds the question (<code>{}.html#{}=...</code>): copy it into a ticket or a chat, \
         and whoever opens it sees this answer.</p>\n",
        escape(&d.name),
        escape(d.inputs.first().map_or("", |c| c.name.as_str()))
    ));
    out.push_str("<form id=\"question\" hidden>\n");
    for input in &d.inputs {
        let e = &model.enums[input.enum_id];
        out.push_str(&format!(
            "<label>{}\n<select name=\"{}\">\n<option value=\"\">choose…</option>\n",
            escape(&input.name),
            escape(&input.name)
        ));
        for value in &e.values {
            out.push_str(&format!("<option>{}</option>\n", escape(&value.name)));
        }
        out.push_str("</select></label>\n");
    }
    out.push_str("</form>\n");
    out.push_str(
        "<div id=\"answer\" role=\"status\" aria-live=\"polite\">\
         <noscript><p>The answer is computed in the page by a small script; with scripts \
         off, read the table below.</p></noscript></div>\n</section>\n",
    );
    out
}

/// Every row, by table, each with its outputs, source and place.
fn rules(d: &Decision, rows: &[Citation]) -> String {
    let mut out = String::from("<h2 id=\"rules\">Rows and their sources</h2>\n");
    out.push_str("<p>The rows of the rule files, numbered as the table's links number them.</p>\n");
    for (t, table) in d.tables.iter().enumerate() {
        out.push_str(&format!("<h3>{}</h3>\n", escape(&table.title)));
        let mut notes = Vec::new();
        if table.ordered {
            notes.push("ordered: the first matching row wins".to_string());
        }
        if let Some(source) = &table.source {
            notes.push(format!("source: {source}"));
        }
        if !notes.is_empty() {
            out.push_str(&format!(
                "<p class=\"source\">{}</p>\n",
                escape(&notes.join("; "))
            ));
        }
        out.push_str("<ol class=\"rules\">\n");
        for (r, (row, citation)) in d.rows.iter().zip(rows).enumerate() {
            if row.table != t {
                continue;
            }
            out.push_str(&format!(
                "<li id=\"rule-{n}\"><strong>{n}.</strong> row {} <span class=\"where\">({}:{})</span>\n<pre>{}</pre>\n",
                citation.row,
                escape(&citation.file),
                citation.line,
                escape(&citation.text),
                n = r + 1,
            ));
            if let Some(source) = &citation.source {
                out.push_str(&format!(
                    "<p class=\"source\">source: {}</p>\n",
                    escape(source)
                ));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out
}

/// The `impossible` constraints, each with its reason and source.
fn impossible(constraints: &[ConstraintCitation]) -> String {
    if constraints.is_empty() {
        return String::new();
    }
    let mut out = String::from("<h2 id=\"impossible\">Impossible inputs</h2>\n");
    out.push_str("<p>Inputs that cannot exist; asking about one gives its reason.</p>\n");
    out.push_str("<ol class=\"rules\">\n");
    for (c, citation) in constraints.iter().enumerate() {
        out.push_str(&format!(
            "<li id=\"impossible-{n}\"><strong>{n}.</strong> {} <span class=\"where\">({}:{})</span>\n<pre>{}</pre>\n",
            escape(&citation.because),
            escape(&citation.file),
            citation.line,
            escape(&citation.text),
            n = c + 1
        ));
        if let Some(source) = &citation.source {
            out.push_str(&format!(
                "<p class=\"source\">source: {}</p>\n",
                escape(source)
            ));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    out
}

/// The decision's `expect` examples, each a link that asks it.
fn examples(model: &Model, index: usize) -> String {
    let d = &model.decisions[index];
    let examples: Vec<_> = model
        .examples
        .iter()
        .filter(|e| e.decision == index)
        .collect();
    if examples.is_empty() {
        return String::new();
    }
    let mut out = String::from("<h2 id=\"examples\">Examples</h2>\n");
    out.push_str(&format!(
        "<p>The rule files' <code>expect</code> examples ({}); <code>coex check</code> \
         proves each one. A link asks it above.</p>\n",
        examples.len()
    ));
    out.push_str("<div class=\"scroll\">\n<table class=\"examples\">\n<thead><tr>");
    for c in d.inputs.iter().chain(&d.outputs) {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(&c.name)));
    }
    out.push_str("<th scope=\"col\">question</th></tr></thead>\n<tbody>\n");
    let name = |enum_id: usize, v: u32| model.enums[enum_id].values[v as usize].name.as_str();
    for example in examples {
        out.push_str("<tr>");
        let mut fragment = Vec::new();
        for (c, &v) in d.inputs.iter().zip(&example.inputs) {
            out.push_str(&format!("<td>{}</td>", escape(name(c.enum_id, v))));
            fragment.push(format!("{}={}", c.name, name(c.enum_id, v)));
        }
        match &example.outputs {
            Some(outputs) => {
                for (c, &v) in d.outputs.iter().zip(outputs) {
                    out.push_str(&format!("<td>{}</td>", escape(name(c.enum_id, v))));
                }
            }
            None => out.push_str(&format!(
                "<td colspan=\"{}\">impossible</td>",
                d.outputs.len().max(1)
            )),
        }
        out.push_str(&format!(
            "<td><a href=\"#{}\">ask</a></td></tr>\n",
            escape(&fragment.join("&"))
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}
