//! Source text → parse tree (pest) → typed syntax tree ([`ast`]).

pub mod ast;
mod errors;
mod literal;
mod lower;
mod parser;

pub use literal::escape;
pub use lower::parse_file;

/// The words of the language, which cannot be names: the grammar's
/// `keyword` rule (`grammar/coex.pest`), in the order it lists them.
pub const KEYWORDS: [&str; 10] = [
    "enum",
    "set",
    "decision",
    "table",
    "ordered",
    "impossible",
    "because",
    "source",
    "expect",
    "alias",
];

#[cfg(test)]
mod tests {
    use super::KEYWORDS;

    /// The quoted words of the grammar's `keyword` rule, in order.
    fn grammar_keywords() -> Vec<String> {
        let grammar = include_str!("../../grammar/coex.pest");
        let start = grammar.find("\nkeyword").expect("a `keyword` rule");
        let rule = &grammar[start..];
        let rule = &rule[..rule.find('}').expect("the rule's end")];
        rule.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn the_keyword_list_is_the_grammar_keyword_rule() {
        assert_eq!(grammar_keywords(), KEYWORDS);
    }
}
