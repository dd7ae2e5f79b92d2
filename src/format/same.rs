//! Whether two parsed files say the same thing, wherever they say it.

use crate::source::{FileId, Span};
use crate::syntax::ast::{
    Arg, DecisionItem, Docs, Expect, Expected, File, Ident, Item, Pattern, Text,
};

/// Whether two files have the same syntax tree once every span is ignored,
/// and the same comments in the same order: what `coex fmt` preserves.
pub fn equivalent(a: &File, b: &File) -> bool {
    erased(a) == erased(b)
}

/// A copy of `file` with every span (and the file id) zeroed.
pub fn erased(file: &File) -> File {
    let mut file = file.clone();
    file.id = FileId(0);
    for comment in &mut file.comments {
        zero(&mut comment.span);
    }
    for item in &mut file.items {
        match item {
            Item::Enum(e) => {
                docs(&mut e.docs);
                ident(&mut e.name);
                for value in &mut e.values {
                    docs(&mut value.docs);
                    ident(&mut value.name);
                    value.aliases.iter_mut().for_each(ident);
                    zero(&mut value.span);
                }
                zero(&mut e.span);
            }
            Item::Set(s) => {
                docs(&mut s.docs);
                ident(&mut s.name);
                ident(&mut s.enum_name);
                s.members.iter_mut().for_each(ident);
                zero(&mut s.span);
            }
            Item::Decision(d) => {
                docs(&mut d.docs);
                ident(&mut d.name);
                for param in d.inputs.iter_mut().chain(&mut d.outputs) {
                    ident(&mut param.name);
                    ident(&mut param.enum_name);
                    zero(&mut param.span);
                }
                for item in &mut d.items {
                    decision_item(item);
                }
                zero(&mut d.span);
            }
            Item::Expect(e) => expect(e),
        }
    }
    file
}

fn decision_item(item: &mut DecisionItem) {
    match item {
        DecisionItem::Constraint(c) => {
            docs(&mut c.docs);
            for term in &mut c.terms {
                ident(&mut term.input);
                pattern(&mut term.pattern);
                zero(&mut term.span);
            }
            text(&mut c.because);
            c.source.iter_mut().for_each(text);
            zero(&mut c.span);
        }
        DecisionItem::Table(t) => {
            docs(&mut t.docs);
            text(&mut t.title);
            t.source.iter_mut().for_each(text);
            t.input_columns.iter_mut().for_each(ident);
            t.output_columns.iter_mut().for_each(ident);
            zero(&mut t.header_span);
            for row in &mut t.rows {
                row.inputs.iter_mut().for_each(pattern);
                row.outputs.iter_mut().for_each(ident);
                row.source.iter_mut().for_each(text);
                zero(&mut row.cells);
                zero(&mut row.span);
            }
            zero(&mut t.span);
        }
        DecisionItem::Expect(e) => expect(e),
    }
}

fn expect(e: &mut Expect) {
    ident(&mut e.decision);
    e.inputs.iter_mut().for_each(arg);
    match &mut e.outcome {
        Expected::Impossible(span) => zero(span),
        Expected::Outputs(args, span) => {
            args.iter_mut().for_each(arg);
            zero(span);
        }
    }
    e.source.iter_mut().for_each(text);
    zero(&mut e.span);
}

fn arg(arg: &mut Arg) {
    arg.name.iter_mut().for_each(ident);
    ident(&mut arg.value);
    zero(&mut arg.span);
}

fn pattern(pattern: &mut Pattern) {
    match pattern {
        Pattern::Any(span) => zero(span),
        Pattern::Names(names, span) | Pattern::Not(names, span) => {
            names.iter_mut().for_each(ident);
            zero(span);
        }
    }
}

fn docs(docs: &mut Docs) {
    docs.iter_mut().for_each(text);
}

fn ident(ident: &mut Ident) {
    zero(&mut ident.span);
}

fn text(text: &mut Text) {
    zero(&mut text.span);
}

fn zero(span: &mut Span) {
    *span = Span::new(FileId(0), 0, 0);
}
