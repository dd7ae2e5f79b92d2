//! `queries/highlights.scm`: it compiles against the grammar, gives each
//! construct the capture it should, and, over every shipped and history rule
//! file, captures every name, keyword and operator exactly once (editors
//! disagree on which of two captures of one node wins, so none has two).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tree_sitter::{Parser, Query, QueryCursor, StreamingIterator};

/// Each captured node of `text`, by its byte range: its text and the
/// names of the captures it got, in query order.
fn captures(text: &str) -> BTreeMap<(usize, usize), (String, Vec<String>)> {
    let language = tree_sitter_coex::LANGUAGE.into();
    let query =
        Query::new(&language, tree_sitter_coex::HIGHLIGHTS_QUERY).expect("highlights.scm compiles");
    let mut parser = Parser::new();
    parser.set_language(&language).expect("the coex grammar");
    let tree = parser.parse(text, None).expect("a tree");
    let mut found: BTreeMap<(usize, usize), (String, Vec<String>)> = BTreeMap::new();
    let mut cursor = QueryCursor::new();
    let mut matches = cursor.captures(&query, tree.root_node(), text.as_bytes());
    while let Some((found_match, index)) = matches.next() {
        let capture = found_match.captures()[*index];
        let node = capture.node;
        found
            .entry((node.start_byte(), node.end_byte()))
            .or_insert_with(|| (text[node.byte_range()].to_string(), Vec::new()))
            .1
            .push(query.capture_names()[capture.index as usize].to_string());
    }
    found
}

/// The capture of the `nth` (0-based) captured node whose text is `word`.
fn capture_of(text: &str, word: &str, nth: usize) -> String {
    let all = captures(text);
    let hits: Vec<&Vec<String>> = all
        .values()
        .filter(|(t, _)| t == word)
        .map(|(_, names)| names)
        .collect();
    assert!(
        hits.len() > nth,
        "`{word}` is captured {} times",
        hits.len()
    );
    hits[nth].join(" ")
}

const SAMPLE: &str = r#"// A comment.
/// Modes.
enum Mode { Islands, TeamsOnly alias Upgraded }
set NotTeamsOnly: Mode = Islands

decision lands(recipient_mode: Mode, scope: Scope) -> client: Client {
    impossible recipient_mode == TeamsOnly && scope != !InTenant, Federated
        because "a \"quoted\" reason"
    table "first match" ordered source "seed 001"
    | recipient_mode | scope || client |
    | NotTeamsOnly   | *     || SfB    | source "row"
    expect lands(recipient_mode: Islands, scope: InTenant) == impossible
}
"#;

#[test]
fn every_construct_gets_its_capture() {
    let expected = [
        ("// A comment.", 0, "comment"),
        ("/// Modes.", 0, "comment.documentation"),
        ("enum", 0, "keyword"),
        ("Mode", 0, "type.definition"),
        ("Islands", 0, "constant"),
        ("alias", 0, "keyword"),
        ("Upgraded", 0, "constant"),
        ("set", 0, "keyword"),
        ("NotTeamsOnly", 0, "constant"),
        ("Mode", 1, "type"),
        ("Islands", 1, "constant"),
        ("decision", 0, "keyword"),
        ("lands", 0, "function"),
        ("recipient_mode", 0, "variable.parameter"),
        ("Mode", 2, "type"),
        ("->", 0, "operator"),
        ("client", 0, "variable.parameter"),
        ("Client", 0, "type"),
        ("impossible", 0, "keyword"),
        ("recipient_mode", 1, "variable.parameter"),
        ("==", 0, "operator"),
        ("TeamsOnly", 1, "constant"),
        ("&&", 0, "operator"),
        ("!=", 0, "operator"),
        ("!", 0, "operator"),
        ("InTenant", 0, "constant"),
        ("because", 0, "keyword"),
        ("\"a \\\"quoted\\\" reason\"", 0, "string"),
        ("\\\"", 0, "string.escape"),
        ("table", 0, "keyword"),
        ("ordered", 0, "keyword.modifier"),
        ("source", 0, "keyword"),
        ("|", 0, "punctuation.special"),
        ("||", 0, "punctuation.special"),
        ("recipient_mode", 2, "variable.parameter"),
        ("client", 1, "variable.parameter"),
        ("NotTeamsOnly", 1, "constant"),
        ("*", 0, "operator"),
        ("SfB", 0, "constant"),
        ("expect", 0, "keyword"),
        ("lands", 1, "function.call"),
        ("recipient_mode", 3, "variable.parameter"),
        ("Islands", 2, "constant"),
        ("impossible", 1, "keyword"),
        ("{", 0, "punctuation.bracket"),
        (",", 0, "punctuation.delimiter"),
    ];
    for (word, nth, capture) in expected {
        assert_eq!(capture_of(SAMPLE, word, nth), capture, "`{word}` #{nth}");
    }
}

fn rule_files() -> Vec<PathBuf> {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let mut dirs = vec![rules.clone()];
    for entry in std::fs::read_dir(rules.join("history")).expect("rules/history") {
        dirs.push(entry.expect("a history entry").path());
    }
    let mut files = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).expect("a rules directory") {
            let path = entry.expect("a rules entry").path();
            if path.extension().is_some_and(|ext| ext == "coex") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_name_keyword_and_operator_of_the_rules_is_captured_once() {
    let language = tree_sitter_coex::LANGUAGE.into();
    let mut parser = Parser::new();
    parser.set_language(&language).expect("the coex grammar");
    let files = rule_files();
    assert!(files.len() >= 40, "only {} rule files", files.len());
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a rule file");
        let captured = captures(&text);
        for ((start, end), (word, names)) in &captured {
            if names.len() > 1 {
                problems.push(format!(
                    "{}: `{word}` at {start}..{end} captured as {names:?}",
                    file.display()
                ));
            }
        }
        // Every leaf but string contents (inside a captured string) is captured.
        let tree = parser.parse(&text, None).expect("a tree");
        let mut cursor = tree.walk();
        let mut leaves = Vec::new();
        loop {
            if cursor.goto_first_child() {
                continue;
            }
            leaves.push(cursor.node());
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    break;
                }
            }
            if cursor.node().id() == tree.root_node().id() {
                break;
            }
        }
        for leaf in leaves {
            let inside_string = leaf
                .parent()
                .is_some_and(|parent| parent.kind() == "string");
            if !inside_string && !captured.contains_key(&(leaf.start_byte(), leaf.end_byte())) {
                let at = leaf.start_position();
                problems.push(format!(
                    "{}:{}:{}: `{}` ({}) has no capture",
                    file.display(),
                    at.row + 1,
                    at.column + 1,
                    &text[leaf.byte_range()],
                    leaf.kind()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
