//! Go to definition, find references, and the outline of a file.

use super::snapshot::Snapshot;
use crate::source::{FileId, Span};
use crate::syntax::ast;
use lsp_types::{DocumentSymbol, Location, SymbolKind};

pub(crate) fn definition(snapshot: &Snapshot, file: FileId, offset: usize) -> Option<Location> {
    let occurrence = snapshot.index.at(file, offset)?;
    let span = snapshot.index.definition(&occurrence.symbol)?;
    Some(snapshot.location(span))
}

pub(crate) fn references(
    snapshot: &Snapshot,
    file: FileId,
    offset: usize,
    include_declaration: bool,
) -> Vec<Location> {
    let Some(occurrence) = snapshot.index.at(file, offset) else {
        return Vec::new();
    };
    snapshot
        .index
        .references(&occurrence.symbol)
        .filter(|o| include_declaration || !o.definition)
        .map(|o| snapshot.location(o.span))
        .collect()
}

/// Enums (with their values), sets, and decisions (with their tables).
pub(crate) fn document_symbols(snapshot: &Snapshot, file: FileId) -> Vec<DocumentSymbol> {
    let Some(syntax) = snapshot.syntax(file) else {
        return Vec::new();
    };
    let symbol =
        |name: &str, detail: Option<String>, kind, span: Span, selection: Span, children| {
            #[allow(deprecated)] // `deprecated` is a required field of the type
            DocumentSymbol {
                name: name.to_string(),
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: snapshot.range(span),
                selection_range: snapshot.range(selection),
                children,
            }
        };
    let mut out = Vec::new();
    for item in &syntax.items {
        match item {
            ast::Item::Enum(e) => {
                let values = e
                    .values
                    .iter()
                    .map(|v| {
                        symbol(
                            &v.name.name,
                            None,
                            SymbolKind::ENUM_MEMBER,
                            v.span,
                            v.name.span,
                            None,
                        )
                    })
                    .collect();
                out.push(symbol(
                    &e.name.name,
                    None,
                    SymbolKind::ENUM,
                    e.span,
                    e.name.span,
                    Some(values),
                ));
            }
            ast::Item::Set(s) => out.push(symbol(
                &s.name.name,
                Some(format!("set of {}", s.enum_name.name)),
                SymbolKind::CONSTANT,
                s.span,
                s.name.span,
                None,
            )),
            ast::Item::Decision(d) => {
                let tables = d
                    .items
                    .iter()
                    .filter_map(|inner| match inner {
                        ast::DecisionItem::Table(t) => Some(symbol(
                            if t.title.value.trim().is_empty() {
                                "table"
                            } else {
                                &t.title.value
                            },
                            Some(format!("{} rows", t.rows.len())),
                            SymbolKind::STRUCT,
                            t.span,
                            t.title.span,
                            None,
                        )),
                        _ => None,
                    })
                    .collect();
                out.push(symbol(
                    &d.name.name,
                    Some("decision".to_string()),
                    SymbolKind::FUNCTION,
                    d.span,
                    d.name.span,
                    Some(tables),
                ));
            }
            ast::Item::Expect(_) => {}
        }
    }
    out
}
