//! Runs the corpus tests in `test/corpus/*.txt`, the format `tree-sitter test`
//! reads, with the grammar compiled into this crate: each test is a header
//! (a line of `=`, the name, optional attributes, a line of `=`), the input,
//! a line of `-`, and the expected tree as an S-expression. A test with the
//! attribute `:error` expects a tree with an error and has no expected tree.
//!
//! `UPDATE_CORPUS=1 cargo test -p tree-sitter-coex --test corpus` rewrites
//! the expected trees from the parser's (review the diff), as
//! `tree-sitter test --update` does.

use std::path::{Path, PathBuf};

use tree_sitter::Parser;

struct Case {
    name: String,
    error: bool,
    input: String,
    expected: String,
}

fn is_rule(line: &str, c: char) -> bool {
    line.len() >= 3 && line.chars().all(|x| x == c)
}

/// The cases of one corpus file, in order.
fn cases(text: &str, file: &Path) -> Vec<Case> {
    let lines: Vec<&str> = text.lines().collect();
    let mut cases = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        assert!(
            is_rule(lines[i], '='),
            "{}:{}: expected a `===` header line",
            file.display(),
            i + 1
        );
        let name = lines[i + 1].to_string();
        let mut error = false;
        i += 2;
        while !is_rule(lines[i], '=') {
            match lines[i].trim() {
                ":error" => error = true,
                other => panic!("{}:{}: unknown attribute `{other}`", file.display(), i + 1),
            }
            i += 1;
        }
        i += 1;
        let divider = (i..lines.len())
            .find(|&j| is_rule(lines[j], '-'))
            .unwrap_or_else(|| panic!("{}: test `{name}` has no `---` line", file.display()));
        let next = (divider..lines.len())
            .find(|&j| is_rule(lines[j], '='))
            .unwrap_or(lines.len());
        cases.push(Case {
            name,
            error,
            input: lines[i..divider].join("\n"),
            expected: lines[divider + 1..next].join("\n"),
        });
        i = next;
    }
    cases
}

/// An S-expression with its whitespace made canonical: one space between
/// items, none inside parentheses.
fn normalize(sexp: &str) -> String {
    let spaced = sexp.split_whitespace().collect::<Vec<_>>().join(" ");
    spaced.replace(" )", ")").replace("( ", "(")
}

/// An S-expression laid out one node per line, children indented by two
/// spaces and field names before their node, as `tree-sitter test --update`
/// writes it.
fn pretty(sexp: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut pending_field = false;
    for token in sexp
        .replace('(', " ( ")
        .replace(')', " ) ")
        .split_whitespace()
    {
        match token {
            "(" => {
                if !pending_field {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&"  ".repeat(depth));
                }
                pending_field = false;
                out.push('(');
                depth += 1;
            }
            ")" => {
                out.push(')');
                depth -= 1;
            }
            field if field.ends_with(':') => {
                out.push('\n');
                out.push_str(&"  ".repeat(depth));
                out.push_str(field);
                out.push(' ');
                pending_field = true;
            }
            word => {
                if !out.ends_with('(') {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
    }
    out
}

fn corpus_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("test/corpus")
        .map(|entry| entry.expect("a corpus entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    files
}

/// The file with every expected tree replaced by the parser's.
fn updated(text: &str, file: &Path, parser: &mut Parser) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    for case in cases(text, file) {
        // Copy the header and the input up to the divider.
        while !is_rule(lines[i], '-') {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
        }
        out.push_str(lines[i]);
        out.push_str("\n\n");
        i += 1;
        if !case.error {
            let tree = parser.parse(&case.input, None).expect("a tree");
            out.push_str(&pretty(&tree.root_node().to_sexp()));
            out.push_str("\n\n");
        }
        while i < lines.len() && !is_rule(lines[i], '=') {
            i += 1;
        }
    }
    out
}

#[test]
fn corpus() {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_coex::LANGUAGE.into())
        .expect("the coex grammar");
    let update = std::env::var_os("UPDATE_CORPUS").is_some();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in corpus_files() {
        let text = std::fs::read_to_string(&file).expect("a corpus file");
        if update {
            std::fs::write(&file, updated(&text, &file, &mut parser))
                .expect("write the corpus file");
            continue;
        }
        for case in cases(&text, &file) {
            count += 1;
            let tree = parser.parse(&case.input, None).expect("a tree");
            let root = tree.root_node();
            let actual = root.to_sexp();
            if case.error {
                if !root.has_error() {
                    failures.push(format!(
                        "{} / {}: expected an error, got\n{}",
                        file.display(),
                        case.name,
                        pretty(&actual)
                    ));
                }
            } else if normalize(&actual) != normalize(&case.expected) {
                failures.push(format!(
                    "{} / {}:\nexpected\n{}\nactual\n{}",
                    file.display(),
                    case.name,
                    pretty(&case.expected),
                    pretty(&actual)
                ));
            }
        }
    }
    assert!(update || count > 0, "no corpus tests found");
    assert!(
        failures.is_empty(),
        "{} of {count} corpus tests failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    println!("{count} corpus tests passed");
}

#[test]
fn normalize_and_pretty_agree() {
    let sexp =
        "(source_file (enum_declaration name: (identifier) (enum_value name: (identifier))))";
    let laid_out = pretty(sexp);
    assert_eq!(
        laid_out,
        "(source_file\n  (enum_declaration\n    name: (identifier)\n    (enum_value\n      name: (identifier))))"
    );
    assert_eq!(normalize(&laid_out), sexp);
}
