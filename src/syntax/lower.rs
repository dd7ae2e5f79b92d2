//! Parse tree → typed syntax tree.
//!
//! Nodes are read by their grammar rule, never by position, so a change in
//! the grammar that adds an optional part cannot silently shift fields.

use super::ast::*;
use super::parser::{CoexParser, Rule};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{FileId, Span};
use pest::iterators::Pair;
use pest::Parser;

/// Parse one file. A syntax error is reported as one diagnostic at the place
/// the parser stopped, saying what it expected there.
///
/// Text over the size limits of [`crate::limits`] is refused first.
pub fn parse_file(file: FileId, text: &str) -> Result<File, Diagnostic> {
    crate::limits::check_source(file, text)?;
    let mut pairs = CoexParser::parse(Rule::file, text).map_err(|_| {
        // Parse again, tracking the tokens the parser tried at the place it
        // stopped, so the message can name them (`|`, `because`, ...). Only
        // failing parses pay for it.
        pest::set_error_detail(true);
        let detailed =
            CoexParser::parse(Rule::file, text).expect_err("the text failed to parse once");
        pest::set_error_detail(false);
        syntax_error(file, text, detailed)
    })?;
    let root = pairs
        .next()
        .expect("the `file` rule always yields one pair");
    let comments = root
        .clone()
        .into_inner()
        .flatten()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| Comment {
            text: p.as_str().trim_end().to_string(),
            span: span(file, &p),
        })
        .collect();
    let lower = Lower { file };
    let items = children(root)
        .filter(|p| p.as_rule() != Rule::EOI)
        .map(|p| lower.item(p))
        .collect();
    Ok(File {
        id: file,
        items,
        comments,
    })
}

fn span(file: FileId, pair: &Pair<Rule>) -> Span {
    let s = pair.as_span();
    Span::new(file, s.start(), s.end())
}

/// The children of a node, without comments.
fn children(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner().filter(|p| p.as_rule() != Rule::COMMENT)
}

fn only<'a>(pairs: impl IntoIterator<Item = Pair<'a, Rule>>, rule: Rule) -> Vec<Pair<'a, Rule>> {
    pairs.into_iter().filter(|p| p.as_rule() == rule).collect()
}

fn first<'a>(pair: &Pair<'a, Rule>, rule: Rule) -> Option<Pair<'a, Rule>> {
    children(pair.clone()).find(|p| p.as_rule() == rule)
}

fn expect_child<'a>(pair: &Pair<'a, Rule>, rule: Rule) -> Pair<'a, Rule> {
    first(pair, rule)
        .unwrap_or_else(|| panic!("grammar guarantees a {rule:?} in {:?}", pair.as_rule()))
}

struct Lower {
    file: FileId,
}

impl Lower {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        span(self.file, pair)
    }

    fn item(&self, pair: Pair<Rule>) -> Item {
        match pair.as_rule() {
            Rule::enum_decl => Item::Enum(self.enum_decl(pair)),
            Rule::set_decl => Item::Set(self.set_decl(pair)),
            Rule::decision => Item::Decision(self.decision(pair)),
            Rule::expect => Item::Expect(self.expect(pair)),
            other => unreachable!("not an item: {other:?}"),
        }
    }

    fn ident(&self, pair: Pair<Rule>) -> Ident {
        Ident {
            name: pair.as_str().to_string(),
            span: self.span(&pair),
        }
    }

    fn idents(&self, pair: &Pair<Rule>) -> Vec<Ident> {
        only(children(pair.clone()), Rule::ident)
            .into_iter()
            .map(|p| self.ident(p))
            .collect()
    }

    fn text(&self, pair: Pair<Rule>) -> Text {
        let span = self.span(&pair);
        let body = first(&pair, Rule::string_body)
            .map(|p| p.as_str())
            .unwrap_or("");
        Text {
            value: unescape(body),
            span,
        }
    }

    /// The string of a `source "..."` or `because "..."` clause.
    fn clause(&self, pair: &Pair<Rule>, rule: Rule) -> Option<Text> {
        first(pair, rule).map(|clause| self.text(expect_child(&clause, Rule::string)))
    }

    fn docs(&self, pair: &Pair<Rule>) -> Docs {
        match first(pair, Rule::docs) {
            None => Vec::new(),
            Some(docs) => only(children(docs), Rule::doc)
                .into_iter()
                .map(|doc| {
                    let text = expect_child(&doc, Rule::doc_text);
                    Text {
                        value: text.as_str().trim().to_string(),
                        span: self.span(&doc),
                    }
                })
                .collect(),
        }
    }

    fn name(&self, pair: &Pair<Rule>) -> Ident {
        self.ident(expect_child(pair, Rule::ident))
    }

    fn enum_decl(&self, pair: Pair<Rule>) -> EnumDecl {
        let values = only(children(pair.clone()), Rule::enum_value)
            .into_iter()
            .map(|value| EnumValue {
                docs: self.docs(&value),
                name: self.name(&value),
                aliases: only(children(value.clone()), Rule::alias)
                    .into_iter()
                    .map(|alias| self.name(&alias))
                    .collect(),
                span: self.span(&value),
            })
            .collect();
        EnumDecl {
            docs: self.docs(&pair),
            name: self.name(&pair),
            values,
            span: self.span(&pair),
        }
    }

    fn set_decl(&self, pair: Pair<Rule>) -> SetDecl {
        let names = self.idents(&pair);
        SetDecl {
            docs: self.docs(&pair),
            name: names[0].clone(),
            enum_name: names[1].clone(),
            members: self.idents(&expect_child(&pair, Rule::set_members)),
            span: self.span(&pair),
        }
    }

    fn params(&self, pair: &Pair<Rule>) -> Vec<Param> {
        only(children(pair.clone()), Rule::param)
            .into_iter()
            .map(|param| {
                let names = self.idents(&param);
                Param {
                    name: names[0].clone(),
                    enum_name: names[1].clone(),
                    span: self.span(&param),
                }
            })
            .collect()
    }

    fn decision(&self, pair: Pair<Rule>) -> Decision {
        let items = children(pair.clone())
            .filter_map(|item| match item.as_rule() {
                Rule::constraint => Some(DecisionItem::Constraint(self.constraint(item))),
                Rule::table => Some(DecisionItem::Table(self.table(item))),
                Rule::expect => Some(DecisionItem::Expect(self.expect(item))),
                _ => None,
            })
            .collect();
        Decision {
            docs: self.docs(&pair),
            name: self.name(&pair),
            inputs: self.params(&expect_child(&pair, Rule::inputs)),
            outputs: self.params(&expect_child(&pair, Rule::outputs)),
            items,
            span: self.span(&pair),
        }
    }

    fn constraint(&self, pair: Pair<Rule>) -> Constraint {
        let condition = expect_child(&pair, Rule::condition);
        let terms = only(children(condition), Rule::term)
            .into_iter()
            .map(|term| Term {
                input: self.name(&term),
                negated: first(&term, Rule::is_not).is_some(),
                pattern: self.pattern(expect_child(&term, Rule::pattern)),
                span: self.span(&term),
            })
            .collect();
        Constraint {
            docs: self.docs(&pair),
            terms,
            because: self
                .clause(&pair, Rule::because)
                .expect("grammar requires `because`"),
            source: self.clause(&pair, Rule::source),
            span: self.span(&pair),
        }
    }

    fn table(&self, pair: Pair<Rule>) -> Table {
        let header = expect_child(&pair, Rule::header);
        let mut header_cells = only(children(header.clone()), Rule::header_cells).into_iter();
        let input_columns = self.idents(&header_cells.next().expect("header has inputs"));
        let output_columns = self.idents(&header_cells.next().expect("header has outputs"));
        let rows = only(children(pair.clone()), Rule::row)
            .into_iter()
            .map(|row| self.row(row))
            .collect();
        Table {
            docs: self.docs(&pair),
            title: self.text(expect_child(&pair, Rule::string)),
            ordered: first(&pair, Rule::ordered).is_some(),
            source: self.clause(&pair, Rule::source),
            input_columns,
            output_columns,
            header_span: self.span(&header),
            rows,
            span: self.span(&pair),
        }
    }

    fn row(&self, pair: Pair<Rule>) -> Row {
        let inputs = only(
            children(expect_child(&pair, Rule::row_inputs)),
            Rule::pattern,
        )
        .into_iter()
        .map(|p| self.pattern(p))
        .collect();
        let outputs = expect_child(&pair, Rule::row_outputs);
        // The cells end at the `|` after the outputs, before any `source`.
        let after_outputs = outputs.as_span().end();
        let row_start = pair.as_span().start();
        let cells_end = pair.as_str()[after_outputs - row_start..]
            .find('|')
            .map_or(pair.as_span().end(), |i| after_outputs + i + 1);
        Row {
            inputs,
            outputs: self.idents(&outputs),
            source: self.clause(&pair, Rule::source),
            cells: Span::new(self.file, row_start, cells_end),
            span: self.span(&pair),
        }
    }

    fn pattern(&self, pair: Pair<Rule>) -> Pattern {
        let span = self.span(&pair);
        let inner = children(pair).next().expect("a pattern has one part");
        match inner.as_rule() {
            Rule::any => Pattern::Any(span),
            Rule::names => Pattern::Names(self.idents(&inner), span),
            Rule::negation => Pattern::Not(self.idents(&expect_child(&inner, Rule::names)), span),
            other => unreachable!("not a pattern: {other:?}"),
        }
    }

    fn arg(&self, pair: Pair<Rule>) -> Arg {
        let mut names = self.idents(&pair);
        let value = names.pop().expect("an argument has a value");
        Arg {
            name: names.pop(),
            value,
            span: self.span(&pair),
        }
    }

    fn expect(&self, pair: Pair<Rule>) -> Expect {
        let expectation = expect_child(&pair, Rule::expectation);
        let outcome = if first(&expectation, Rule::impossible).is_some() {
            Outcome::Impossible(self.span(&expectation))
        } else {
            Outcome::Outputs(
                only(children(expectation.clone()), Rule::arg)
                    .into_iter()
                    .map(|a| self.arg(a))
                    .collect(),
                self.span(&expectation),
            )
        };
        Expect {
            decision: self.name(&pair),
            inputs: only(children(pair.clone()), Rule::arg)
                .into_iter()
                .map(|a| self.arg(a))
                .collect(),
            outcome,
            source: self.clause(&pair, Rule::source),
            span: self.span(&pair),
        }
    }
}

fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Escape a string for printing back as a `.coex` literal.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn syntax_error(file: FileId, text: &str, error: pest::error::Error<Rule>) -> Diagnostic {
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
    const KEYWORDS: [&str; 10] = [
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
