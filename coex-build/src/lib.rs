//! Compile [coex](https://crates.io/crates/coex-compiler) rules into Rust
//! lookup tables at build time, the way `prost-build` compiles protobuf
//! files or `lalrpop` grammars.
//!
//! In the `build.rs` of a crate that keeps its own rules in `./rules`:
//!
//! ```no_run
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     coex_build::compile("rules")?;
//!     Ok(())
//! }
//! ```
//!
//! and where the tables should be (the crate depends on `coex-runtime`):
//!
//! ```ignore
//! coex_runtime::include_tables!();
//! ```
//!
//! The rules are checked exactly as `coex check` checks them. When they
//! have errors, the build fails: the diagnostics are printed as `coex check`
//! prints them, with file names as you wrote them (`rules/route.coex`), and
//! the error's `Display` is a one-line summary. Otherwise the tables are
//! written to `$OUT_DIR/coex_tables.rs`, byte-deterministic and free of
//! absolute paths, and cargo is told to build again when the directory or
//! any rule file changes.
//!
//! Several rule sets in one crate each get a file of their own, and a
//! module of their own where they are included:
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! coex_build::compile("rules")?;
//! coex_build::Config::new()
//!     .file_name("history.rs")
//!     .compile("rules/history/2021-08")?;
//! # Ok(()) }
//! ```
//!
//! ```ignore
//! coex_runtime::include_tables!();
//! pub mod history {
//!     coex_runtime::include_tables!("history.rs");
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use coex::diagnostic;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file [`compile`] writes into `OUT_DIR`, which `include_tables!()`
/// includes.
pub const DEFAULT_FILE_NAME: &str = "coex_tables.rs";

/// Compile the rule set in `rules` (a directory of `.coex` files, relative
/// to the calling crate's manifest directory) into `$OUT_DIR/coex_tables.rs`.
/// See the [crate documentation](crate).
pub fn compile(rules: impl AsRef<Path>) -> Result<PathBuf, Error> {
    Config::new().compile(rules)
}

/// How to compile a rule set, for more than [`compile`] does.
#[derive(Clone, Debug)]
pub struct Config {
    file_name: String,
    out_dir: Option<PathBuf>,
    rerun_if_changed: bool,
    options: coex::codegen::Options,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

impl Config {
    /// The defaults: `coex_tables.rs` in `OUT_DIR`, with `rerun-if-changed`.
    pub fn new() -> Config {
        Config {
            file_name: DEFAULT_FILE_NAME.to_string(),
            out_dir: None,
            rerun_if_changed: true,
            options: coex::codegen::Options::default(),
        }
    }

    /// The name of the file to write; include it with
    /// `coex_runtime::include_tables!("NAME")`.
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Config {
        self.file_name = name.into();
        self
    }

    /// Write into this directory instead of `OUT_DIR` (relative paths are
    /// relative to the manifest directory).
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Config {
        self.out_dir = Some(dir.into());
        self
    }

    /// Whether to print `cargo:rerun-if-changed` lines (on by default).
    pub fn emit_rerun_if_changed(&mut self, emit: bool) -> &mut Config {
        self.rerun_if_changed = emit;
        self
    }

    /// Also generate a phf-keyed variant of every typed lookup, for the
    /// benchmark that compares it with the dense array.
    #[doc(hidden)]
    pub fn phf_alternative(&mut self, on: bool) -> &mut Config {
        self.options.phf_alternative = on;
        self
    }

    /// Compile the rule set in `rules` (relative to the manifest directory)
    /// and write its tables. Returns the path written.
    pub fn compile(&self, rules: impl AsRef<Path>) -> Result<PathBuf, Error> {
        let rules = rules.as_ref();
        let manifest = env_dir("CARGO_MANIFEST_DIR")?;
        let out_dir = match &self.out_dir {
            Some(dir) => manifest.join(dir),
            None => env_dir("OUT_DIR")?,
        };
        let dir = manifest.join(rules);
        // The rule set is named as the caller wrote it, never by an
        // absolute path: diagnostics and the generated code say `rules/x.coex`.
        let origin = rules.to_string_lossy().replace('\\', "/");
        if self.rerun_if_changed {
            println!("cargo:rerun-if-changed={}", dir.display());
        }
        let sources = coex::fs::read_rule_set_as(&dir, &origin).map_err(Error::Load)?;
        if self.rerun_if_changed {
            let files = coex::fs::rule_files(&dir).map_err(Error::Load)?;
            for file in files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
        let code = coex::generate(&sources, &origin, &self.options).map_err(|diagnostics| {
            // Cargo shows a failing build script's output: the diagnostics.
            eprint!("{}", diagnostic::render(&sources, &diagnostics, false));
            Error::Rules {
                rule_set: origin.clone(),
                summary: diagnostic::summary(&diagnostics),
            }
        })?;
        let path = out_dir.join(&self.file_name);
        write_if_changed(&path, code.as_bytes()).map_err(|e| Error::Write(path.clone(), e))?;
        Ok(path)
    }
}

fn env_dir(name: &'static str) -> Result<PathBuf, Error> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .ok_or(Error::NotInBuildScript(name))
}

/// Write only when the content changes, so that an unchanged rule set does
/// not make cargo recompile the crate.
fn write_if_changed(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, contents)
}

/// Why no tables were written. Its `Debug` is its `Display`, so that a
/// `build.rs` whose `main` returns it shows one readable line.
#[non_exhaustive]
pub enum Error {
    /// An environment variable cargo sets for build scripts is missing.
    NotInBuildScript(&'static str),
    /// The rule set could not be read.
    Load(coex::fs::LoadError),
    /// The rules have errors; their diagnostics were printed to stderr.
    Rules {
        /// The rule set, as the caller named it.
        rule_set: String,
        /// How many errors and warnings, such as `1 error, 0 warnings`.
        summary: String,
    },
    /// The tables could not be written.
    Write(PathBuf, std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotInBuildScript(name) => write!(
                f,
                "`{name}` is not set; coex_build::compile runs in a build script (build.rs)"
            ),
            Error::Load(e) => write!(f, "{e}"),
            Error::Rules { rule_set, summary } => write!(
                f,
                "the rule set `{rule_set}` has errors ({summary}); no tables were generated"
            ),
            Error::Write(path, e) => write!(f, "cannot write `{}`: {e}", path.display()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Load(e) => Some(e),
            Error::Write(_, e) => Some(e),
            _ => None,
        }
    }
}
