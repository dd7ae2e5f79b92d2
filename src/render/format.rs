//! Print a [`RenderedTable`]: aligned text, or GitHub Markdown.

use super::{ImpossibleRow, Label, RenderedTable, Section};
use crate::text::padded_cells;

impl RenderedTable {
    /// Aligned plain text: per section a title line, a header of the row
    /// inputs' names and the column labels, the rows (`|` between columns,
    /// `||` between the row labels and the cells, as in a rule table), and
    /// the impossible rows under it.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, section) in self.sections.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&self.title(section));
            out.push_str("\n\n");
            let mut lines = vec![self.header(section)];
            lines.extend(section.rows.iter().map(|row| {
                (
                    row.labels.iter().map(|l| l.text.clone()).collect(),
                    row.cells.iter().map(|c| c.text()).collect(),
                )
            }));
            let widths = widths(&lines);
            let labels = self.row_inputs.len();
            for (n, (left, right)) in lines.iter().enumerate() {
                out.push_str(&text_line(
                    left,
                    right,
                    &widths[..labels],
                    &widths[labels..],
                ));
                if n == 0 {
                    let rule =
                        |w: &[usize]| -> Vec<String> { w.iter().map(|&w| "-".repeat(w)).collect() };
                    let line = text_line(
                        &rule(&widths[..labels]),
                        &rule(&widths[labels..]),
                        &widths[..labels],
                        &widths[labels..],
                    );
                    out.push_str(&line.replace(" | ", "-+-").replace(" || ", "-++-"));
                }
            }
            if !section.impossible.is_empty() {
                out.push_str("\nimpossible:\n");
                for row in &section.impossible {
                    out.push_str(&format!(
                        "  {} — {}\n",
                        self.pattern(row),
                        row.because.join("; ")
                    ));
                }
            }
        }
        out
    }

    /// GitHub Markdown: per section a heading, a line naming the columns and
    /// the cells, a table, and the impossible rows as a list.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for (i, section) in self.sections.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("### {}\n\n", escape(&self.heading(section))));
            out.push_str(&format!(
                "Columns: `{}`. Rows: {}. Cells: `{}`.\n\n",
                self.column_input,
                if self.row_inputs.is_empty() {
                    "none".to_string()
                } else {
                    self.row_inputs
                        .iter()
                        .map(|r| format!("`{r}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                self.outputs.join(" / "),
            ));
            let (left, right) = self.header(section);
            let header: Vec<String> = left
                .iter()
                .map(|name| format!("`{name}`"))
                .chain(right.iter().map(|l| escape(l)))
                .collect();
            out.push_str(&markdown_line(&header));
            out.push_str(&markdown_line(&vec!["---".to_string(); header.len()]));
            for row in &section.rows {
                let cells: Vec<String> = row
                    .labels
                    .iter()
                    .map(|l| escape(&l.text))
                    .chain(row.cells.iter().map(|c| escape(&c.text())))
                    .collect();
                out.push_str(&markdown_line(&cells));
            }
            if !section.impossible.is_empty() {
                out.push_str("\nImpossible:\n\n");
                for row in &section.impossible {
                    out.push_str(&format!(
                        "- `{}`: {}\n",
                        self.pattern(row),
                        escape(&row.because.join("; "))
                    ));
                }
            }
        }
        out
    }

    /// `route, scope=InTenant — columns: recipient_mode — cells: lands / thread`
    pub(crate) fn title(&self, section: &Section) -> String {
        format!(
            "{} — columns: {} — cells: {}",
            self.heading(section),
            self.column_input,
            self.outputs.join(" / ")
        )
    }

    /// `route, scope=InTenant`, or `route` without sections.
    fn heading(&self, section: &Section) -> String {
        match (&self.section_input, &section.value) {
            (Some(input), Some(value)) => format!("{}, {input}={}", self.decision, value.text),
            _ => self.decision.clone(),
        }
    }

    fn header(&self, section: &Section) -> (Vec<String>, Vec<String>) {
        (
            self.row_inputs.clone(),
            section.columns.iter().map(|c| c.text.clone()).collect(),
        )
    }

    /// `sender_mode=TeamsOnly sender_homed=OnPrem`: the row inputs (and,
    /// for impossible cells, the column input) that are not `*`, or
    /// `every row` / `every cell` when all are.
    pub(crate) fn pattern(&self, row: &ImpossibleRow) -> String {
        let parts: Vec<String> = self
            .row_inputs
            .iter()
            .zip(&row.pattern)
            .chain(row.column.as_ref().map(|c| (&self.column_input, c)))
            .filter(|(_, label)| label.text != "*")
            .map(|(name, label)| format!("{name}={}", braced(label)))
            .collect();
        match (parts.is_empty(), &row.column) {
            (false, _) => parts.join(" "),
            (true, None) => "every row".to_string(),
            (true, Some(_)) => "every cell".to_string(),
        }
    }
}

/// A label that has spaces (`Islands, TeamsOnly`) in braces, so that
/// `name=value` pairs stay apart.
fn braced(label: &Label) -> String {
    if label.text.contains(' ') {
        format!("{{{}}}", label.text)
    } else {
        label.text.clone()
    }
}

/// The width of each column, in characters.
fn widths(lines: &[(Vec<String>, Vec<String>)]) -> Vec<usize> {
    let mut widths: Vec<usize> = Vec::new();
    for (left, right) in lines {
        for (i, cell) in left.iter().chain(right).enumerate() {
            let width = cell.chars().count();
            match widths.get_mut(i) {
                Some(w) => *w = (*w).max(width),
                None => widths.push(width),
            }
        }
    }
    widths
}

fn text_line(left: &[String], right: &[String], lw: &[usize], rw: &[usize]) -> String {
    let line = if left.is_empty() {
        padded_cells(right, rw)
    } else {
        format!("{} || {}", padded_cells(left, lw), padded_cells(right, rw))
    };
    format!("{}\n", line.trim_end())
}

fn markdown_line(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// Escape what Markdown would read as formatting in a value or a reason.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '\\' | '*' | '|' | '`' | '<' | '[' | ']') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
