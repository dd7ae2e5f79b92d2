//! One compiled state of a rule set: its sources as the editor had them,
//! the compiler's result, and the name index, with the position conversions
//! every request needs.

use super::documents::{Documents, RuleSet, SetKey};
use super::index::Index;
use super::positions::{Encoding, LineIndex};
use crate::analysis::{analyze, Cube, Space};
use crate::diagnostic::Code;
use crate::source::{FileId, Span};
use crate::syntax::ast;
use crate::Compiled;
use lsp_types::{Location, Position, Range, Url};

pub(crate) struct Snapshot {
    pub(crate) key: SetKey,
    /// Which edit of the rule set this is; a result older than the newest
    /// edit is dropped.
    pub(crate) generation: u64,
    pub(crate) rule_set: RuleSet,
    pub(crate) compiled: Compiled,
    pub(crate) index: Index,
    /// For each decision the checker found gaps in (by index in the model),
    /// its input space and the gap patterns, for the action that fills them.
    pub(crate) gaps: Vec<(usize, Space, Vec<Cube>)>,
    lines: Vec<LineIndex>,
}

impl Snapshot {
    /// Compile a rule set (the slow part, run off the main loop).
    pub(crate) fn build(
        key: SetKey,
        generation: u64,
        rule_set: RuleSet,
        encoding: Encoding,
    ) -> Snapshot {
        let compiled = crate::compile(&rule_set.sources);
        let index = Index::build(&compiled.syntax);
        let gaps = gap_patterns(&compiled);
        let lines = rule_set
            .sources
            .iter()
            .map(|(_, file)| LineIndex::new(&file.text, encoding))
            .collect();
        Snapshot {
            key,
            generation,
            rule_set,
            compiled,
            index,
            gaps,
            lines,
        }
    }

    pub(crate) fn file(&self, uri: &Url) -> Option<FileId> {
        self.rule_set.file_of(uri)
    }

    pub(crate) fn uri(&self, file: FileId) -> &Url {
        &self.rule_set.uris[file.0 as usize]
    }

    pub(crate) fn text(&self, file: FileId) -> &str {
        &self.rule_set.sources.get(file).text
    }

    /// The syntax tree of a file, if it parsed.
    pub(crate) fn syntax(&self, file: FileId) -> Option<&ast::File> {
        self.compiled.syntax.iter().find(|f| f.id == file)
    }

    pub(crate) fn range(&self, span: Span) -> Range {
        self.lines[span.file.0 as usize].range(
            self.text(span.file),
            span.start as usize,
            span.end as usize,
        )
    }

    pub(crate) fn position(&self, file: FileId, offset: usize) -> Position {
        self.lines[file.0 as usize].position(self.text(file), offset)
    }

    pub(crate) fn location(&self, span: Span) -> Location {
        Location::new(self.uri(span.file).clone(), self.range(span))
    }

    pub(crate) fn offset(&self, file: FileId, position: Position) -> usize {
        self.lines[file.0 as usize].offset(self.text(file), position)
    }

    /// Whether the snapshot was compiled from the buffer as it is now.
    pub(crate) fn is_current(&self, uri: &Url, documents: &Documents) -> bool {
        let Some(file) = self.file(uri) else {
            return false;
        };
        self.rule_set.versions[file.0 as usize] == documents.get(uri).map(|d| d.version)
    }
}

/// The gap patterns of the decisions the checker reported gaps in.
fn gap_patterns(compiled: &Compiled) -> Vec<(usize, Space, Vec<Cube>)> {
    let Some(model) = &compiled.model else {
        return Vec::new();
    };
    compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::Gap)
        .filter_map(|d| {
            let span = d.primary_span()?;
            let index = model.decisions.iter().position(|x| x.span == span)?;
            let problem = model.decisions[index].problem(model);
            let gaps = analyze(&problem).gaps;
            Some((index, problem.space, gaps))
        })
        .collect()
}
