//! An example of a crate with its own coex rules: `build.rs` compiles
//! `rules/` with `coex-build`, and this line brings the tables in:
//! `next_mode`, its `Mode` and `Homed` enums, `eval` and `explain`.
#![forbid(unsafe_code)]

coex_runtime::include_tables!();
