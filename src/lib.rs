//! coex: a rules language and compiler for the coexistence behaviour of
//! Microsoft Teams and Skype for Business.
//!
//! The compiler is one pipeline; each stage is a module named after the data
//! it produces:
//!
//! ```text
//! source text ─ syntax ─▶ syntax tree ─ model ─▶ checked model ─ check ─▶ diagnostics
//!                                                     │
//!                                                     ├─ tables ─▶ lookup tables ─ codegen ─▶ Rust source
//!                                                     ├─ render ─▶ readable tables
//!                                                     ├─ diff ───▶ changed answers (two models)
//!                                                     └─ eval ───▶ answers
//! ```
//!
//! [`compile`] runs the front of it. The library does no I/O except in
//! [`fs`], which reads a rule-set directory for the command line and for
//! build scripts.
#![forbid(unsafe_code)]

pub mod analysis;
pub mod check;
pub mod codegen;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod format;
pub mod fs;
#[cfg(feature = "lsp")]
pub mod lsp;
pub mod model;
pub mod render;
pub mod source;
mod suggest;
pub mod syntax;
pub mod tables;
pub mod text;

use diagnostic::{Code, Diagnostic};
use model::Model;
use source::Sources;

/// The result of checking a rule set: the model (when it could be built)
/// and every diagnostic, errors and warnings, in source order.
#[derive(Debug)]
pub struct Compiled {
    pub model: Option<Model>,
    pub syntax: Vec<syntax::ast::File>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The model, if the rule set has no errors.
    pub fn valid_model(&self) -> Option<&Model> {
        if self.has_errors() {
            None
        } else {
            self.model.as_ref()
        }
    }
}

/// Parse, resolve and check a rule set.
pub fn compile(sources: &Sources) -> Compiled {
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
        diagnostics.extend(check::completeness(&model));
        diagnostics.extend(check::examples(&model));
        diagnostics.extend(check::unused(&model, &mentions));
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

/// Everything a build script needs: read a rule-set directory, check it,
/// and generate the Rust source of its tables. Files are named
/// `<origin>/<file>` in diagnostics and in the generated citations. On errors, the rendered
/// diagnostics (as `coex check` prints them) are returned instead.
pub fn generate_from_dir(dir: &std::path::Path, origin: &str) -> Result<String, String> {
    let sources = fs::read_rule_set_as(dir, origin).map_err(|e| format!("error: {e}\n"))?;
    generate(&sources, origin)
}

/// Check a rule set and generate its tables' Rust source, or the rendered
/// diagnostics that prevent it.
pub fn generate(sources: &Sources, origin: &str) -> Result<String, String> {
    let compiled = compile(sources);
    let Some(model) = compiled.valid_model() else {
        return Err(format!(
            "{}error: the rule set `{origin}` has errors ({}); no tables were generated\n",
            diagnostic::render(sources, &compiled.diagnostics, false),
            diagnostic::summary(&compiled.diagnostics)
        ));
    };
    let tables = tables::build(model, sources)
        .map_err(|errors| diagnostic::render(sources, &errors, false))?;
    codegen::rust(model, &tables, origin).map_err(|e| format!("error: {e}\n"))
}
