//! The one registry of diagnostic codes: for each, its stable code, short
//! name, severity, one-line summary and long explanation. `coex explain`,
//! the SARIF rules, the JSON and `docs/DIAGNOSTICS.md` all read it.
//!
//! To add a code, add one line to the `registry!` list below and write its
//! explanation in `src/diagnostic/explain/<CODE>.md` (what it means, an
//! erroneous example in a ```` ```coex ```` block that produces the code,
//! then the fixed rules in a second block). Then regenerate the docs with
//! `UPDATE_DOCS=1 cargo test --test explain` (a test fails while
//! `docs/DIAGNOSTICS.md` differs from what the registry produces). Numbers
//! never change meaning; a retired check keeps its number unused.
//!

use super::Severity;

/// Everything the registry knows about one code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeInfo {
    /// `E0010`: `E` for errors, `W` for warnings, then a number.
    pub code: &'static str,
    /// `conflict`: a short kebab-case name.
    pub name: &'static str,
    /// Whether the code is an error or a warning.
    pub severity: Severity,
    /// One line, lowercase, for tables and SARIF's short description.
    pub summary: &'static str,
    /// Markdown: what it means, an erroneous example and the fix.
    pub explanation: &'static str,
}

macro_rules! registry {
    ($(
        $(#[$doc:meta])*
        $variant:ident => $code:literal $name:literal $severity:ident $summary:literal;
    )*) => {
        /// Stable diagnostic codes. The numbers never change meaning; new
        /// checks get new numbers.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, errors first, in number order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The registry entry of this code.
            pub fn info(self) -> &'static CodeInfo {
                match self {
                    $(Code::$variant => &CodeInfo {
                        code: $code,
                        name: $name,
                        severity: Severity::$severity,
                        summary: $summary,
                        explanation: include_str!(concat!("explain/", $code, ".md")),
                    },)*
                }
            }
        }
    };
}

registry! {
    /// The text does not follow the grammar.
    Syntax => "E0001" "syntax" Error
        "the text does not follow the grammar";
    /// A name that is not defined anywhere in the rule set.
    UnknownName => "E0002" "unknown-name" Error
        "an enum, value, set, input or decision that is not defined";
    /// A name defined twice.
    Duplicate => "E0003" "duplicate" Error
        "a name defined twice (values and aliases compare ignoring case)";
    /// A value of another enum than the column's.
    WrongEnum => "E0004" "wrong-enum" Error
        "a value or set of another enum than the column's";
    /// A table row with more or fewer cells than its header.
    CellCount => "E0005" "cell-count" Error
        "a row with more or fewer cells than its header";
    /// A table header that does not name the decision's inputs and outputs.
    BadHeader => "E0006" "bad-header" Error
        "a header that leaves out an output or names something that is not a column";
    /// A set whose definition refers to itself.
    CyclicSet => "E0007" "cyclic-set" Error
        "a set defined in terms of itself";
    /// A cell or condition that matches no value at all.
    EmptyPattern => "E0008" "empty-pattern" Error
        "a cell, condition or enum that allows no value";
    /// Inputs that no row decides.
    Gap => "E0009" "gap" Error
        "inputs that no row decides and no `impossible` excludes";
    /// Two rows that decide one input differently.
    Conflict => "E0010" "conflict" Error
        "two rows decide one input differently";
    /// An `expect` whose answer differs from the rules'.
    FailingExpect => "E0011" "failing-expect" Error
        "an `expect` example whose answer differs from the rules'";
    /// An `expect` with the wrong number of inputs or outputs.
    BadExpect => "E0012" "bad-expect" Error
        "an `expect` with the wrong number or names of inputs or outputs";
    /// A decision whose baked table would be too large.
    TableTooLarge => "E0013" "table-too-large" Error
        "a decision with too many inputs to bake into one lookup table";
    /// A rule set with no `.coex` files.
    EmptyRuleSet => "E0014" "empty-rule-set" Error
        "the rule set has no `.coex` files";
    /// A name the generated Rust code cannot take.
    ReservedName => "E0015" "reserved-name" Error
        "a name the generated Rust code cannot take (`self`, `eval`, `__coex...`)";
    /// Two names that become one Rust item, or differ only in case where
    /// lookups ignore it.
    NameClash => "E0016" "name-clash" Error
        "two names that become one Rust item, or differ only in case where lookups ignore it";
    /// An input larger than a limit in [`crate::limits`].
    LimitExceeded => "E0017" "limit-exceeded" Error
        "an input larger than one of coex's limits (file, line, batch line, ...)";
    /// A row that an earlier row of its ordered table always wins over.
    UnreachableRow => "W0001" "unreachable-row" Warning
        "a row of an `ordered` table that earlier rows always win over";
    /// A row that matches only inputs an `impossible` constraint excludes.
    OnlyImpossible => "W0002" "only-impossible" Warning
        "a row that matches only inputs an `impossible` constraint excludes";
    /// Two rows of unordered tables that both match an input and agree.
    Overlap => "W0003" "overlap" Warning
        "two rows of unordered tables both decide an input, and agree";
    /// An enum no decision uses.
    UnusedEnum => "W0004" "unused-enum" Warning
        "an enum that no decision or set uses";
    /// An enum value that no row, set or example mentions and no row produces.
    UnusedValue => "W0005" "unused-value" Warning
        "an output value that no row gives and nothing names";
    /// A set that no cell or condition mentions.
    UnusedSet => "W0006" "unused-set" Warning
        "a set that no cell, condition or set names";
    /// A table row that no `expect` exercises.
    UnexemplifiedRow => "W0007" "unexemplified-row" Warning
        "a table row that no `expect` exercises";
}

impl Code {
    /// The stable code, `E0xxx` for errors and `W0xxx` for warnings.
    pub fn as_str(self) -> &'static str {
        self.info().code
    }

    /// A short kebab-case name, for people and for `--format json`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Whether the code is an error or a warning.
    pub fn severity(self) -> Severity {
        self.info().severity
    }

    /// The code a user typed, as `E0010`, `e0010` or its name `conflict`.
    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(text) || c.name().eq_ignore_ascii_case(text))
    }
}
