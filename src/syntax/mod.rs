//! Source text → parse tree (pest) → typed syntax tree ([`ast`]).

pub mod ast;
mod lower;
mod parser;

pub use lower::{escape, parse_file};
pub use parser::Rule;
