//! The wording of syntax errors: where the parser stopped, what it found
//! there, and what a rule author would call what it expected.

use super::parser::{CoexParser, Rule};
use super::KEYWORDS;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{FileId, Span};
use pest::Parser;
use std::sync::{Mutex, PoisonError};

/// The error of a parse of `text` that failed with `plain`, from a second
/// parse with pest's error detail: the tokens the parser tried where it
/// stopped, so the message can name them (`|`, `because`, ...). Only
/// failing parses pay for it.
pub(super) fn with_detail(text: &str, plain: pest::error::Error<Rule>) -> pest::error::Error<Rule> {
    let _detail = Detail::on();
    CoexParser::parse(Rule::file, text).err().unwrap_or(plain)
}

/// How many parses want pest's error detail right now. The switch
/// (`pest::set_error_detail`) is one for the whole process, read when a
/// parse starts: it is on while any such parse runs, so that one thread
/// turning it off cannot take the detail from another's parse.
static DETAILED_PARSES: Mutex<usize> = Mutex::new(0);

/// A parse that wants error detail, for as long as it is held.
struct Detail;

impl Detail {
    fn on() -> Detail {
        let mut parses = DETAILED_PARSES
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if *parses == 0 {
            pest::set_error_detail(true);
        }
        *parses += 1;
        Detail
    }
}

impl Drop for Detail {
    fn drop(&mut self) {
        let mut parses = DETAILED_PARSES
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *parses -= 1;
        if *parses == 0 {
            pest::set_error_detail(false);
        }
    }
}

pub(super) fn syntax_error(
    file: FileId,
    text: &str,
    error: pest::error::Error<Rule>,
) -> Diagnostic {
    use pest::error::{ErrorVariant, InputLocation};
    let (start, end) = match error.location {
        InputLocation::Pos(pos) => (pos, pos),
        InputLocation::Span((start, end)) => (start, end),
    };
    // Underline the token the parser stopped at, not an empty point.
    let end = if end > start {
        end
    } else {
        token_end(text, start)
    };
    let found = describe_found(&text[start..end]);
    let mut expected = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => expected_words(positives),
        ErrorVariant::CustomError { message } => vec![message.clone()],
    };
    if let Some(attempts) = error.parse_attempts().filter(|a| a.max_position == start) {
        let mut line_end = false;
        for token in attempts.expected_tokens() {
            let token = token.to_string();
            // Character ranges (`a..z`) say less than the rule words do.
            let range = token.chars().count() == 4 && token.get(1..3) == Some("..");
            if range || token == "BUILTIN_RULE" {
                continue;
            }
            match token.as_str() {
                " " | "\t" | "//" | "_" => {}
                "\n" | "\r\n" | "\r" => line_end = true,
                t => {
                    let word = format!("`{t}`");
                    let covered = expected.iter().any(|w| w.contains(&format!("`{t}")));
                    if !covered {
                        expected.push(word);
                    }
                }
            }
        }
        // A line end is only worth naming when nothing else would do.
        if line_end && expected.is_empty() {
            expected.push("the end of the line".to_string());
        }
    }
    let message = if expected.is_empty() {
        format!("unexpected {}", found.trim_start_matches("the "))
    } else {
        format!("expected {}, found {found}", join_or(&expected))
    };
    let token = &text[start..end];
    let help = if KEYWORDS.contains(&token) && expected.iter().any(|e| e == "a name") {
        format!("`{token}` is a keyword and cannot be used as a name")
    } else {
        syntax_help(&expected)
    };
    Diagnostic::new(Code::Syntax, message)
        .primary(Span::new(file, start, end), "unexpected here")
        .help(help)
}

fn token_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let Some(first) = rest.chars().next() else {
        return start;
    };
    if first == '\n' || first == '\r' {
        return start + first.len_utf8();
    }
    if first.is_alphanumeric() || first == '_' {
        return start
            + rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
    }
    start + first.len_utf8()
}

fn describe_found(token: &str) -> String {
    match token {
        "" => "the end of the file".to_string(),
        "\n" | "\r" | "\r\n" => "the end of the line".to_string(),
        t if t.chars().all(|c| c.is_alphanumeric() || c == '_') => format!("`{t}`"),
        t => format!("`{}`", t.escape_debug()),
    }
}

/// What a rule author would call what the parser wanted.
fn expected_words(rules: &[Rule]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for rule in rules {
        let word = match rule {
            Rule::EOI => "the end of the file",
            Rule::ident => "a name",
            Rule::keyword => "a name",
            Rule::string | Rule::string_body => "a quoted string",
            Rule::escape => "a string escape (`\\\"`, `\\\\`, `\\n` or `\\t`)",
            Rule::doc | Rule::docs | Rule::doc_text => "a `///` doc comment",
            Rule::enum_decl => "`enum`",
            Rule::set_decl => "`set`",
            Rule::decision => "`decision`",
            Rule::expect => "`expect`",
            Rule::enum_value => "a value name",
            Rule::alias => "`alias`",
            Rule::set_members => "a value name",
            Rule::inputs => "`(` and the decision's inputs",
            Rule::outputs => "the decision's outputs, `name: Enum` or `(name: Enum, ...)`",
            Rule::param => "an input or output, `name: Enum`",
            Rule::constraint => "`impossible`",
            Rule::condition | Rule::term => "a condition, `input == value`",
            Rule::is => "`==`",
            Rule::is_not => "`!=`",
            Rule::because => "`because \"reason\"`",
            Rule::source => "`source \"citation\"`",
            Rule::table => "`table`",
            Rule::ordered => "`ordered`",
            Rule::header | Rule::header_cells => "a table header, `| input | ... || output |`",
            Rule::row => "a table row, `| cell | ... || value |`",
            Rule::row_inputs => "a cell",
            Rule::row_outputs => "an output value",
            Rule::pattern | Rule::names => "a cell: a value, a set, `a, b`, `!a` or `*`",
            Rule::any => "`*`",
            Rule::negation => "`!`",
            Rule::arg => "a value, or `name: value`",
            Rule::expectation => "the expected outputs, `(value, ...)` or `impossible`",
            Rule::impossible => "`impossible`",
            Rule::nl | Rule::value_sep => "the end of the line",
            Rule::item => "`enum`, `set`, `decision` or `expect`",
            Rule::decision_item => "`table`, `impossible`, `expect` or `}`",
            Rule::ident_char => "a letter, digit or `_`",
            Rule::file | Rule::COMMENT | Rule::WHITESPACE | Rule::wrap | Rule::doc_start => {
                continue
            }
        };
        if !words.iter().any(|w| w == word) {
            words.push(word.to_string());
        }
    }
    words
}

fn join_or(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn syntax_help(expected: &[String]) -> String {
    let mentions = |w: &str| expected.iter().any(|e| e.contains(w));
    if mentions("table row") || mentions("cell") {
        "a row is one line: `| cell | cell || output |`, inputs left of `||`, outputs right of it"
            .to_string()
    } else if mentions("`enum`") || mentions("`decision`") {
        "a rule file holds `enum`, `set`, `decision` and `expect` items, each starting on its own line"
            .to_string()
    } else if mentions("quoted string") {
        "strings are written in double quotes, `\"like this\"`, on one line".to_string()
    } else {
        "see docs/LANGUAGE.md for the syntax of rule files".to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::source::FileId;
    use crate::syntax::parse_file;

    #[test]
    fn parses_on_several_threads_at_once_keep_their_detail() {
        // Only the detailed parse knows the `|` that would end the header.
        let text = "enum E { a }\ndecision d(x: E) -> y: E {\n    table \"t\"\n    | x || y\n}\n";
        let alone = parse_file(FileId(0), text).expect_err("a syntax error");
        assert!(alone.message.contains("`|`"), "{}", alone.message);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..50 {
                        assert_eq!(parse_file(FileId(0), text).as_ref(), Err(&alone));
                        assert!(parse_file(FileId(0), "enum E { a }\n").is_ok());
                    }
                });
            }
        });
    }
}
