//! A decision's table as HTML: the layout `coex table` prints
//! ([`crate::render`]), one `<table>` per section, header cells scoped,
//! each cell labelled with its outputs, coloured by the first output's
//! value, and linked to the rows that decide it (or the constraints that
//! exclude it).

use super::html::{code, escape};
use crate::lookup::{Citation, ConstraintCitation, Entry, LookupTable};
use crate::model::{Decision, Model, Ruling, ValueId};
use crate::render::{Cell, GridRow, Label, RenderedTable, Section};

/// What a grid needs besides the rendered table.
pub(crate) struct Context<'a> {
    pub(crate) model: &'a Model,
    pub(crate) decision: &'a Decision,
    pub(crate) table: Option<&'a LookupTable>,
    pub(crate) rows: &'a [Citation],
    pub(crate) constraints: &'a [ConstraintCitation],
}

/// The hue of an outcome cell: the first output's value, spread around the
/// colour wheel.
pub(crate) fn hue(value: ValueId, values: usize) -> u32 {
    (200 + value * 360 / values.max(1) as u32) % 360
}

/// The legend and every section's table, with its impossible inputs.
pub(crate) fn tables(context: &Context<'_>, rendered: &RenderedTable) -> String {
    let mut out = legend(context, rendered);
    for section in &rendered.sections {
        out.push_str(&section_table(context, rendered, section));
    }
    out
}

fn legend(context: &Context<'_>, rendered: &RenderedTable) -> String {
    let d = context.decision;
    let Some(first) = d.outputs.first() else {
        return String::new();
    };
    let values = &context.model.enums[first.enum_id].values;
    let used: Vec<ValueId> = (0..values.len() as ValueId)
        .filter(|v| d.rows.iter().any(|r| r.outputs.first() == Some(v)))
        .collect();
    let mut out = format!(
        "<p>Each cell shows {} for the inputs of its row, its column and its table; \
         its colour follows {}. A small number links to the row of the rules that decides it.</p>\n",
        code(&rendered.outputs.join(" / ")),
        code(&first.name)
    );
    out.push_str("<ul class=\"legend\" aria-label=\"colours\">\n");
    for v in used {
        out.push_str(&format!(
            "<li class=\"swatch\" style=\"--hue:{}\">{}</li>\n",
            hue(v, values.len()),
            escape(&values[v as usize].name)
        ));
    }
    if !d.constraints.is_empty() {
        out.push_str("<li class=\"swatch impossible\">impossible</li>\n");
    }
    out.push_str("</ul>\n");
    out
}

fn section_table(context: &Context<'_>, rendered: &RenderedTable, section: &Section) -> String {
    let mut out = String::new();
    out.push_str("<div class=\"scroll\">\n<table class=\"grid\">\n");
    out.push_str(&format!(
        "<caption>{}</caption>\n",
        escape(&rendered.title(section))
    ));
    let rowspan = if rendered.row_inputs.is_empty() {
        String::new()
    } else {
        " rowspan=\"2\"".to_string()
    };
    out.push_str("<thead>\n<tr>");
    for name in &rendered.row_inputs {
        out.push_str(&format!("<th scope=\"col\"{rowspan}>{}</th>", escape(name)));
    }
    out.push_str(&format!(
        "<th scope=\"colgroup\" colspan=\"{}\" class=\"split\">{}</th></tr>\n<tr>",
        section.columns.len(),
        escape(&rendered.column_input)
    ));
    for (i, column) in section.columns.iter().enumerate() {
        out.push_str(&format!(
            "<th scope=\"col\"{}{}>{}</th>",
            if i == 0 { " class=\"split\"" } else { "" },
            label_title(column),
            escape(&column.text)
        ));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &section.rows {
        out.push_str("<tr>");
        for label in &row.labels {
            out.push_str(&format!(
                "<th scope=\"row\"{}>{}</th>",
                label_title(label),
                escape(&label.text)
            ));
        }
        for (column, cell) in section.columns.iter().zip(&row.cells) {
            out.push_str(&cell_html(context, rendered, section, row, column, cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    if !section.impossible.is_empty() {
        out.push_str("<p>Impossible here:</p>\n<ul>\n");
        for row in &section.impossible {
            out.push_str(&format!(
                "<li>{} — {}</li>\n",
                code(&rendered.pattern(row)),
                escape(&row.because.join("; "))
            ));
        }
        out.push_str("</ul>\n");
    }
    out
}

/// A label standing for several values names them on hover.
fn label_title(label: &Label) -> String {
    if label.names.len() > 1 {
        format!(" title=\"{}\"", escape(&label.names.join(", ")))
    } else {
        String::new()
    }
}

fn cell_html(
    context: &Context<'_>,
    rendered: &RenderedTable,
    section: &Section,
    row: &GridRow,
    column: &Label,
    cell: &Cell,
) -> String {
    let (sets, entries) = entries(context, rendered, section, row, column);
    // The values the cell covers, per input (`0,4|0|1,2,3`): the page's
    // script outlines the cell of the question it answers.
    let covers = sets
        .iter()
        .map(|set| {
            set.iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("|");
    let mut cites = String::new();
    let mut titles = Vec::new();
    for entry in &entries {
        let (anchor, number, what, source) = match *entry {
            Entry::Row(r) => {
                let citation = &context.rows[r as usize];
                let what = format!(
                    "decided by row {} of table “{}” ({}:{})",
                    citation.row, citation.table, citation.file, citation.line
                );
                ("rule", r + 1, what, &citation.source)
            }
            Entry::Impossible(c) => {
                let citation = &context.constraints[c as usize];
                let what = format!(
                    "impossible: {} ({}:{})",
                    citation.because, citation.file, citation.line
                );
                ("impossible", c + 1, what, &citation.source)
            }
        };
        let what = match source {
            None => what,
            Some(source) => format!("{what}; source: {source}"),
        };
        cites.push_str(&format!(
            "<a class=\"cite\" href=\"#{anchor}-{number}\" aria-label=\"{}\">{number}</a>",
            escape(&what)
        ));
        titles.push(what);
    }
    let title = escape(&titles.join("\n"));
    match cell {
        Cell::Outputs(values) => {
            let first = context.decision.outputs.first().map(|c| c.enum_id);
            let style = first
                .and_then(|e| {
                    let value = context.model.find_value(e, values.first()?)?;
                    Some(format!(
                        " style=\"--hue:{}\"",
                        hue(value, context.model.enums[e].values.len())
                    ))
                })
                .unwrap_or_default();
            format!(
                "<td class=\"cell\"{style} data-inputs=\"{covers}\" title=\"{title}\">{}{cites}</td>",
                escape(&cell.text())
            )
        }
        Cell::Impossible => {
            format!("<td class=\"cell impossible\" data-inputs=\"{covers}\" title=\"{title}\">impossible{cites}</td>")
        }
        Cell::Undecided | Cell::Conflicting => format!("<td title=\"{title}\">?</td>"),
    }
}

/// The values of each input a cell covers, and the distinct rows and
/// constraints that answer its inputs, in order.
fn entries<'a>(
    context: &Context<'_>,
    rendered: &RenderedTable,
    section: &'a Section,
    row: &'a GridRow,
    column: &'a Label,
) -> (Vec<&'a [ValueId]>, Vec<Entry>) {
    let d = context.decision;
    let position = |name: &str| d.inputs.iter().position(|c| c.name == name);
    let mut sets: Vec<&[ValueId]> = vec![&[]; d.inputs.len()];
    for (name, label) in rendered.row_inputs.iter().zip(&row.labels) {
        if let Some(i) = position(name) {
            sets[i] = &label.values;
        }
    }
    if let Some(i) = position(&rendered.column_input) {
        sets[i] = &column.values;
    }
    if let (Some(name), Some(value)) = (&rendered.section_input, &section.value) {
        if let Some(i) = position(name) {
            sets[i] = &value.values;
        }
    }
    let mut found: Vec<Entry> = Vec::new();
    let mut input = vec![0; d.inputs.len()];
    each_point(&sets, 0, &mut input, &mut |input| {
        let entry = match context.table {
            Some(table) => Some(table.lookup(input)),
            None => match d.evaluate(input) {
                Ruling::Row(r) => Some(Entry::Row(r as u32)),
                Ruling::Impossible(c) => Some(Entry::Impossible(c as u32)),
                Ruling::Undecided | Ruling::Conflicting(_) => None,
            },
        };
        if let Some(entry) = entry {
            if !found.contains(&entry) {
                found.push(entry);
            }
        }
    });
    found.sort_by_key(|e| match *e {
        Entry::Impossible(c) => (0, c),
        Entry::Row(r) => (1, r),
    });
    (sets, found)
}

fn each_point(
    sets: &[&[ValueId]],
    at: usize,
    input: &mut Vec<ValueId>,
    f: &mut dyn FnMut(&[ValueId]),
) {
    if at == sets.len() {
        f(input);
        return;
    }
    for &v in sets[at] {
        input[at] = v;
        each_point(sets, at + 1, input, f);
    }
}
