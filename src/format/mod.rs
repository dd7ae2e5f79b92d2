//! `coex fmt`: the one canonical layout of a `.coex` file.
//!
//! [`format_file`] prints a parsed file back from its syntax tree, in the
//! layout of `rules/route.coex`:
//!
//! - 4-space indentation inside braces; `because`, and `source` of a
//!   constraint or a table, on continuation lines one level deeper;
//! - one value per line in an enum; a set, a decision's signature and an
//!   `expect` on one line, except that a set or the inputs of a decision
//!   longer than [`MAX_WIDTH`] columns take one member or input per line;
//! - table columns aligned: every cell padded to its column's widest cell
//!   (of those up to [`MAX_WIDTH`] wide; a wider one sticks out), a row's
//!   `source "..."` after its closing `|`;
//! - one space around `==`, `!=`, `&&`, `->`, after `,` and `:`;
//! - one blank line between top-level items (consecutive top-level `expect`s
//!   keep the author's choice); in blocks, the author's blank lines, a run
//!   of them counting as one.
//!
//! Nothing the author ordered is reordered, and every `//` comment is put
//! back between the same tokens, on its own line or at the end of a line as
//! it was (see [`printer`]). The formatted text parses to the same tree:
//! [`equivalent`] checks it.

mod printer;
mod same;
mod style;

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};
use crate::syntax::ast::{
    Arg, Constraint, Decision, DecisionItem, Docs, EnumDecl, Expect, Expected, File, Ident, Item,
    Param, Pattern, Row, SetDecl, Table, Term,
};
use crate::syntax::escape;
use printer::{Gap, Printer};

pub use same::{equivalent, erased};
pub use style::in_style_of;

/// The width past which a set's members or a decision's inputs are put one
/// per line. Rows and `expect`s are never wrapped.
pub const MAX_WIDTH: usize = 100;

/// Parse a file and format it; a syntax error is returned as its diagnostic.
pub fn format_text(file: FileId, text: &str) -> Result<String, Diagnostic> {
    let parsed = crate::syntax::parse_file(file, text)?;
    Ok(format_file(text, &parsed))
}

/// Format a parsed file. `text` is the source `file` was parsed from: the
/// comments are placed by their offsets in it.
pub fn format_file(text: &str, file: &File) -> String {
    let mut p = Printer::new(text, &file.comments);
    let mut previous: Option<&Item> = None;
    for item in &file.items {
        let gap = match (previous, item) {
            (None, _) => Gap::FIRST,
            (Some(Item::Expect(_)), Item::Expect(_)) => Gap::KEEP,
            (Some(_), _) => Gap::APART,
        };
        match item {
            Item::Enum(e) => enum_decl(&mut p, e, gap),
            Item::Set(s) => set_decl(&mut p, s, gap),
            Item::Decision(d) => decision(&mut p, d, gap),
            Item::Expect(e) => expect(&mut p, e, 0, gap),
        }
        previous = Some(item);
    }
    p.finish()
}

fn start(span: Span) -> usize {
    span.start as usize
}

/// The offset of a block's closing `}`, the last character of its span.
fn closing(span: Span) -> usize {
    span.end as usize - 1
}

fn width(text: &str) -> usize {
    text.chars().count()
}

/// Doc comment lines; the gap for the line after them.
fn docs(p: &mut Printer, docs: &Docs, indent: usize, gap: Gap) -> Gap {
    for (i, doc) in docs.iter().enumerate() {
        let at = start(doc.span);
        p.line(indent, at, if i == 0 { gap } else { Gap::TIGHT });
        if doc.value.is_empty() {
            p.word("///", Some(at));
        } else {
            p.word(&format!("/// {}", doc.value), Some(at));
        }
    }
    if docs.is_empty() {
        gap
    } else {
        Gap::TIGHT
    }
}

fn enum_decl(p: &mut Printer, e: &EnumDecl, gap: Gap) {
    let gap = docs(p, &e.docs, 0, gap);
    let at = start(e.name.span);
    p.line(0, at, gap);
    p.word(&format!("enum {} {{", e.name.name), Some(at));
    for (i, value) in e.values.iter().enumerate() {
        let gap = if i == 0 { Gap::FIRST } else { Gap::KEEP };
        let gap = docs(p, &value.docs, 1, gap);
        let at = start(value.name.span);
        p.line(1, at, gap);
        p.word(&value.name.name, Some(at));
        for alias in &value.aliases {
            p.word("alias", None);
            p.word(&alias.name, Some(start(alias.span)));
        }
    }
    let at = closing(e.span);
    let gap = if e.values.is_empty() {
        Gap::EMPTY
    } else {
        Gap::LAST
    };
    p.closing_line(0, at, gap);
    p.word("}", Some(at));
}

fn set_decl(p: &mut Printer, s: &SetDecl, gap: Gap) {
    let gap = docs(p, &s.docs, 0, gap);
    let at = start(s.name.span);
    let head = format!("set {}: {} =", s.name.name, s.enum_name.name);
    let members: Vec<&str> = s.members.iter().map(|m| m.name.as_str()).collect();
    let last = s.members.last().map_or(at, |m| start(m.span));
    let broken =
        width(&head) + 1 + width(&members.join(", ")) > MAX_WIDTH || p.comment_between(at, last);
    p.line(0, at, gap);
    p.word(&head, Some(at));
    for (i, member) in s.members.iter().enumerate() {
        let comma = if i + 1 < s.members.len() { "," } else { "" };
        let at = start(member.span);
        if broken {
            p.line(1, at, Gap::TIGHT);
        }
        p.word(&format!("{}{comma}", member.name), Some(at));
    }
}

fn param(param: &Param) -> String {
    format!("{}: {}", param.name.name, param.enum_name.name)
}

/// Write `a: A, b: B` (or arguments) right after an opening parenthesis.
fn list<T>(p: &mut Printer, items: &[T], text: impl Fn(&T) -> String, span: impl Fn(&T) -> Span) {
    write_list(p, items, text, span, false);
}

/// Write a list after a space, where it has no parentheses.
fn list_after_space<T>(
    p: &mut Printer,
    items: &[T],
    text: impl Fn(&T) -> String,
    span: impl Fn(&T) -> Span,
) {
    write_list(p, items, text, span, true);
}

fn write_list<T>(
    p: &mut Printer,
    items: &[T],
    text: impl Fn(&T) -> String,
    span: impl Fn(&T) -> Span,
    space: bool,
) {
    for (i, item) in items.iter().enumerate() {
        let comma = if i + 1 < items.len() { "," } else { "" };
        let token = format!("{}{comma}", text(item));
        let at = Some(start(span(item)));
        if i == 0 && !space {
            p.glue(&token, at);
        } else {
            p.word(&token, at);
        }
    }
}

/// Whether a comment is between two source offsets, when both are known.
fn commented(p: &Printer, open: Option<usize>, close: Option<usize>) -> bool {
    match (open, close) {
        (Some(open), Some(close)) => p.comment_between(open, close),
        _ => false,
    }
}

fn decision(p: &mut Printer, d: &Decision, gap: Gap) {
    let gap = docs(p, &d.docs, 0, gap);
    let at = start(d.name.span);
    let inputs: Vec<String> = d.inputs.iter().map(param).collect();
    let outputs: Vec<String> = d.outputs.iter().map(param).collect();
    // Where the punctuation is in the source, so that comments around it
    // stay on the same side of it.
    let name_end = d.name.span.end as usize;
    let after_inputs = d.inputs.last().map_or(name_end, |i| i.span.end as usize);
    let close = p.find(after_inputs, ")", &['(', ',']);
    let arrow = close.and_then(|close| p.find(close + 1, "->", &[]));
    let after_arrow = arrow.map_or(name_end, |arrow| arrow + 2);
    let open_outputs = p.find(after_arrow, "(", &[]);
    let after_outputs = d.outputs.last().map_or(name_end, |o| o.span.end as usize);
    let close_outputs = open_outputs.and_then(|_| p.find(after_outputs, ")", &[',']));
    let brace = p.find(close_outputs.map_or(after_outputs, |c| c + 1), "{", &[]);
    // One output goes without parentheses, unless a comment is inside them.
    let parens = outputs.len() != 1 || commented(p, open_outputs, close_outputs);
    let outputs_text = if parens {
        format!("({})", outputs.join(", "))
    } else {
        outputs.join(", ")
    };
    let one_line = format!(
        "decision {}({}) -> {outputs_text} {{",
        d.name.name,
        inputs.join(", ")
    );

    let broken = !d.inputs.is_empty()
        && (width(&one_line) > MAX_WIDTH
            || p.comment_between(name_end, close.unwrap_or(after_inputs)));
    p.line(0, at, gap);
    p.word(&format!("decision {}(", d.name.name), Some(at));
    if broken {
        for input in &d.inputs {
            let at = start(input.span);
            p.line(1, at, Gap::TIGHT);
            p.word(&format!("{},", param(input)), Some(at));
        }
        p.closing_line(0, close.unwrap_or(after_inputs), Gap::TIGHT);
        p.word(")", close);
    } else {
        list(p, &d.inputs, param, |i| i.span);
        p.glue(")", close);
    }
    p.word("->", arrow);
    if parens {
        p.word("(", open_outputs);
        list(p, &d.outputs, param, |o| o.span);
        p.glue(")", close_outputs);
    } else {
        list_after_space(p, &d.outputs, param, |o| o.span);
    }
    p.word("{", brace);
    for (i, item) in d.items.iter().enumerate() {
        let gap = if i == 0 { Gap::FIRST } else { Gap::KEEP };
        match item {
            DecisionItem::Constraint(c) => constraint(p, c, gap),
            DecisionItem::Table(t) => table(p, t, gap),
            DecisionItem::Expect(e) => expect(p, e, 1, gap),
        }
    }
    let at = closing(d.span);
    let gap = if d.items.is_empty() {
        Gap::EMPTY
    } else {
        Gap::LAST
    };
    p.closing_line(0, at, gap);
    p.word("}", Some(at));
}

fn constraint(p: &mut Printer, c: &Constraint, gap: Gap) {
    let gap = docs(p, &c.docs, 1, gap);
    let at = c
        .terms
        .first()
        .map_or(start(c.because.span), |t| start(t.span));
    p.line(1, at, gap);
    p.word("impossible", None);
    for (i, term) in c.terms.iter().enumerate() {
        if i > 0 {
            let previous = c.terms[i - 1].span.end as usize;
            p.word("&&", p.find(previous, "&&", &[]));
        }
        p.word(&term_text(term), Some(start(term.span)));
    }
    let at = start(c.because.span);
    p.line(2, at, Gap::TIGHT);
    p.word(&format!("because {}", escape(&c.because.value)), Some(at));
    if let Some(source) = &c.source {
        let at = start(source.span);
        p.line(2, at, Gap::TIGHT);
        p.word(&format!("source {}", escape(&source.value)), Some(at));
    }
}

fn term_text(term: &Term) -> String {
    let op = if term.negated { "!=" } else { "==" };
    format!("{} {op} {}", term.input.name, pattern(&term.pattern))
}

fn pattern(pattern: &Pattern) -> String {
    let names = |names: &[Ident]| {
        names
            .iter()
            .map(|n| n.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match pattern {
        Pattern::Any(_) => "*".to_string(),
        Pattern::Names(list, _) => names(list),
        Pattern::Not(list, _) => format!("!{}", names(list)),
    }
}

fn table(p: &mut Printer, t: &Table, gap: Gap) {
    let gap = docs(p, &t.docs, 1, gap);
    let at = start(t.title.span);
    p.line(1, at, gap);
    p.word("table", None);
    p.word(&escape(&t.title.value), Some(at));
    if t.ordered {
        p.word("ordered", None);
    }
    if let Some(source) = &t.source {
        let at = start(source.span);
        p.line(2, at, Gap::TIGHT);
        p.word(&format!("source {}", escape(&source.value)), Some(at));
    }
    let grid = Grid::new(t);
    let at = start(t.header_span);
    p.line(1, at, Gap::TIGHT);
    p.word(
        &grid.line(&idents(&t.input_columns), &idents(&t.output_columns)),
        Some(at),
    );
    for row in &t.rows {
        let at = start(row.span);
        p.line(1, at, Gap::TIGHT);
        p.word(&grid.row(row), Some(at));
    }
}

/// Column widths of a table, over its header and every row. A cell wider
/// than [`MAX_WIDTH`] does not widen its column (it sticks out of it):
/// padding every row to one huge cell would make the output, and the
/// memory to build it, grow with rows times that width.
struct Grid {
    inputs: Vec<usize>,
    outputs: Vec<usize>,
}

impl Grid {
    fn new(t: &Table) -> Grid {
        let mut grid = Grid {
            inputs: Vec::new(),
            outputs: Vec::new(),
        };
        let widen = |widths: &mut Vec<usize>, cells: Vec<String>| {
            for (i, cell) in cells.iter().enumerate() {
                if widths.len() <= i {
                    widths.push(0);
                }
                let width = width(cell);
                if width <= MAX_WIDTH {
                    widths[i] = widths[i].max(width);
                }
            }
        };
        widen(&mut grid.inputs, idents(&t.input_columns));
        widen(&mut grid.outputs, idents(&t.output_columns));
        for row in &t.rows {
            widen(&mut grid.inputs, row.inputs.iter().map(pattern).collect());
            widen(&mut grid.outputs, idents(&row.outputs));
        }
        grid
    }

    fn row(&self, row: &Row) -> String {
        let inputs: Vec<String> = row.inputs.iter().map(pattern).collect();
        let line = self.line(&inputs, &idents(&row.outputs));
        match &row.source {
            Some(source) => format!("{line} source {}", escape(&source.value)),
            None => line,
        }
    }

    fn line(&self, inputs: &[String], outputs: &[String]) -> String {
        format!(
            "| {} || {} |",
            side(inputs, &self.inputs),
            side(outputs, &self.outputs)
        )
    }
}

fn idents(idents: &[Ident]) -> Vec<String> {
    idents.iter().map(|i| i.name.clone()).collect()
}

/// One side of a row, every cell padded to its column; a row with fewer
/// cells than columns is padded with spaces so that `||` stays aligned.
fn side(cells: &[String], widths: &[usize]) -> String {
    let text = cells
        .iter()
        .zip(widths)
        .map(|(cell, &w)| crate::text::padded(cell, w))
        .collect::<Vec<_>>()
        .join(" | ");
    let full = widths.iter().sum::<usize>() + 3 * widths.len().saturating_sub(1);
    let pad = full.saturating_sub(width(&text));
    format!("{text}{}", " ".repeat(pad))
}

fn arg(arg: &Arg) -> String {
    match &arg.name {
        Some(name) => format!("{}: {}", name.name, arg.value.name),
        None => arg.value.name.clone(),
    }
}

fn expect(p: &mut Printer, e: &Expect, indent: usize, gap: Gap) {
    let at = start(e.decision.span);
    p.line(indent, at, gap);
    p.word(&format!("expect {}(", e.decision.name), Some(at));
    list(p, &e.inputs, arg, |a| a.span);
    let after_inputs = e.inputs.last().map_or(e.decision.span, |a| a.span);
    let close = p.find(after_inputs.end as usize, ")", &['(', ',']);
    p.glue(")", close);
    p.word("==", close.and_then(|close| p.find(close + 1, "==", &[])));
    match &e.outcome {
        Expected::Impossible(span) => p.word("impossible", Some(start(*span))),
        Expected::Outputs(outputs, span) => {
            // Parentheses in the source, which the output may drop.
            let (open, close) = if p.source()[span.range()].starts_with('(') {
                (Some(start(*span)), Some(closing(*span)))
            } else {
                (None, None)
            };
            // One unnamed output goes without parentheses, unless a comment
            // is inside them.
            let bare = matches!(outputs.as_slice(), [Arg { name: None, .. }]);
            if bare && !commented(p, open, close) {
                list_after_space(p, outputs, arg, |a| a.span);
            } else {
                p.word("(", open);
                list(p, outputs, arg, |a| a.span);
                p.glue(")", close);
            }
        }
    }
    if let Some(source) = &e.source {
        p.word(
            &format!("source {}", escape(&source.value)),
            Some(start(source.span)),
        );
    }
}
