//! coex: a rules language and compiler for the coexistence behaviour of
//! Microsoft Teams and Skype for Business.
//!
//! The compiler is one pipeline; each stage is a module named after the data
//! it produces:
//!
//! ```text
//! source text ─ syntax ─▶ syntax tree ─ model ─▶ model ─ check ─▶ diagnostics
//!                                                  │
//!                                  no error keeps it from answering
//!                                                  ▼
//!                                            checked model
//!                                                  ├─ lookup ─▶ lookup tables ─ codegen ─▶ Rust source
//!                                                  ├─ render ─▶ readable tables
//!                                                  ├─ diff ───▶ changed answers (two models)
//!                                                  ├─ doc ────▶ web pages of the rule book
//!                                                  └─ eval ───▶ answers
//! ```
//!
//! The model is what name resolution makes of the syntax trees, errors or
//! not (the language server shows what it can of a broken rule set); it
//! becomes a [`CheckedModel`] only once the checks have run and found no
//! error that keeps it from answering ([`Compiled::checked`]), and only a
//! checked model reaches the back ends.
//!
//! [`compile`] runs the front of it. The library does no I/O except in
//! [`fs`], which reads a rule-set directory for the command line and for
//! build scripts.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analysis;
pub mod check;
pub mod codegen;
pub mod diagnostic;
pub mod diff;
pub mod doc;
pub mod eval;
pub mod format;
pub mod fs;
pub mod limits;
pub mod lookup;
#[cfg(feature = "lsp")]
pub mod lsp;
pub mod model;
pub mod render;
pub mod source;
mod suggest;
pub mod syntax;
pub mod text;

use diagnostic::{Code, Diagnostic};
use model::{CheckedModel, Model};
use source::Sources;

/// The result of checking a rule set: the model (when its names could be
/// resolved, errors or not, for tools that show what they can) and every
/// diagnostic, errors and warnings, in source order.
#[derive(Debug)]
pub struct Compiled {
    /// The resolved model; `None` when a file does not parse.
    pub model: Option<Model>,
    /// The syntax tree of every file that parsed (the language server
    /// finds names and their places in it).
    pub syntax: Vec<syntax::ast::File>,
    /// Every diagnostic, errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The model, if nothing keeps it from answering: no error but failing
    /// `expect` examples (see [`diagnostic::blocking`]). What tables, code
    /// generation, `eval` and `diff` take.
    pub fn checked(&self) -> Option<CheckedModel<'_>> {
        let blocked = !diagnostic::blocking(&self.diagnostics).is_empty();
        match &self.model {
            Some(model) if !blocked => Some(CheckedModel::new(model)),
            _ => None,
        }
    }

    /// The model, if the rule set has no errors at all (its examples hold).
    pub fn valid_model(&self) -> Option<CheckedModel<'_>> {
        self.checked().filter(|_| !self.has_errors())
    }
}

/// Parse, resolve and check a rule set.
pub fn compile(sources: &Sources) -> Compiled {
    compile_with_progress(sources, &mut |_, _| {})
}

/// [`compile`], calling `progress` with a decision's name now and then
/// while the completeness analysis of a decision too large to enumerate
/// runs long (the command line shows it on a terminal).
pub fn compile_with_progress(
    sources: &Sources,
    progress: &mut dyn FnMut(&str, analysis::Progress),
) -> Compiled {
    if sources.is_empty() {
        return Compiled {
            model: None,
            syntax: Vec::new(),
            diagnostics: vec![Diagnostic::global(
                Code::EmptyRuleSet,
                "the rule set has no `.coex` files",
            )
            .help("a rule set is the `.coex` files directly inside one directory")],
        };
    }
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for (id, file) in sources.iter() {
        match syntax::parse_file(id, &file.text) {
            Ok(parsed) => files.push(parsed),
            Err(error) => diagnostics.push(error),
        }
    }
    if !diagnostics.is_empty() {
        return finish(None, files, diagnostics);
    }
    let (model, mentions, resolve_errors) = model::resolve(&files);
    diagnostics.extend(resolve_errors);
    // Completeness on a model with unresolved rows would report gaps the
    // author did not write; fix names first, as rustc checks types first.
    if diagnostics.is_empty() {
        diagnostics.extend(check::rust_names(&model));
        diagnostics.extend(check::table_size(&model));
        let analyses = check::analyses(&model, progress);
        diagnostics.extend(check::verdicts(&model, &analyses));
        diagnostics.extend(check::examples(&model));
        diagnostics.extend(check::unused(&model, &mentions));
        diagnostics.extend(check::unexemplified(&model, &analyses));
    }
    finish(Some(model), files, diagnostics)
}

fn finish(
    model: Option<Model>,
    syntax: Vec<syntax::ast::File>,
    mut diagnostics: Vec<Diagnostic>,
) -> Compiled {
    diagnostics.sort_by_key(|d| {
        d.primary_span()
            .map(|s| (0, s.file, s.start))
            .unwrap_or((1, source::FileId(0), 0))
    });
    Compiled {
        model,
        syntax,
        diagnostics,
    }
}

/// The rule set shipped in `rules/`, embedded at build time.
pub mod shipped {
    include!(concat!(env!("OUT_DIR"), "/shipped_rules.rs"));

    /// The shipped rule set as sources, named `rules/<file>`.
    pub fn sources() -> crate::source::Sources {
        let mut sources = crate::source::Sources::new();
        for (name, text) in SHIPPED_RULES {
            sources.add(*name, *text);
        }
        sources
    }
}

/// Check a rule set and generate its tables' Rust source (see
/// [`codegen`]), or return the diagnostics that prevent it: every error,
/// failing examples included. `origin` names the rule set in the output's
/// header, as the user wrote it.
pub fn generate(
    sources: &Sources,
    origin: &str,
    options: &codegen::Options,
) -> Result<String, Vec<Diagnostic>> {
    let compiled = compile(sources);
    match compiled.valid_model() {
        Some(model) => {
            let tables = lookup::build(model, sources);
            Ok(codegen::rust(model, &tables, origin, options))
        }
        None => Err(compiled.diagnostics),
    }
}
