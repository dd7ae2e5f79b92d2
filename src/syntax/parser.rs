//! The pest parser generated from `grammar/coex.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/coex.pest"]
pub struct CoexParser;
