//! Bad input never panics: random token soups in the language's own
//! vocabulary, and the shipped rule files with random bytes deleted,
//! inserted or replaced, all go through the whole pipeline (parse, resolve,
//! analyse, render the diagnostics, format, and generate code when there
//! are no errors) and come out as diagnostics or results.

use coex::source::Sources;
use coex::syntax::KEYWORDS;
use proptest::prelude::*;

/// Everything a rule file is made of besides its keywords
/// ([`KEYWORDS`]), plus some things it is not.
const OTHER_TOKENS: &[&str] = &[
    "Mode",
    "Client",
    "a",
    "b",
    "x",
    "Islands",
    "TeamsOnly",
    "SfB",
    "Teams",
    "{",
    "}",
    "(",
    ")",
    "|",
    "||",
    ",",
    ":",
    "=",
    "==",
    "!=",
    "&&",
    "->",
    "*",
    "!",
    "\"r\"",
    "\"",
    "///",
    "// c",
    "\n",
    "\n",
    "\n",
    " ",
    "    ",
    "é",
    "\u{0}",
    "\t",
    "1",
    "-",
    "=>",
];

const TOKEN_COUNT: usize = KEYWORDS.len() + OTHER_TOKENS.len();

/// Token `i` of the keywords followed by the other tokens.
fn token_at(i: usize) -> &'static str {
    match KEYWORDS.get(i) {
        Some(keyword) => keyword,
        None => OTHER_TOKENS[i - KEYWORDS.len()],
    }
}

/// The whole pipeline on a rule set; returns nothing, must not panic.
fn pipeline(files: &[(String, String)]) {
    let mut sources = Sources::new();
    let ids: Vec<_> = files
        .iter()
        .map(|(name, text)| sources.add(name.clone(), text.as_str()))
        .collect();
    let compiled = coex::compile(&sources);
    let _ = coex::diagnostic::render(&sources, &compiled.diagnostics, false);
    for diagnostic in &compiled.diagnostics {
        let _ = diagnostic.to_json(&sources);
    }
    for (&id, (_, text)) in ids.iter().zip(files) {
        if let Ok(file) = coex::syntax::parse_file(id, text) {
            let _ = coex::format::format_file(text, &file);
        }
    }
    if !compiled.has_errors() {
        let _ = coex::generate(&sources, "fuzz", &coex::codegen::Options::default());
    }
}

/// The shipped rule set, file by file.
fn shipped_files() -> Vec<(String, String)> {
    coex::shipped::sources()
        .iter()
        .map(|(_, file)| (file.name.to_string(), file.text.to_string()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(0..TOKEN_COUNT, 0..120)) {
        let text: String = tokens.iter().map(|&t| token_at(t)).collect::<Vec<_>>().join(" ");
        pipeline(&[("soup.coex".to_string(), text)]);
    }

}

proptest! {
    // Each case checks the whole shipped rule set: fewer cases.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn damaged_shipped_files_never_panic(
        file in 0usize..64,
        edits in prop::collection::vec((0usize..100_000, 0u8..3, 0..TOKEN_COUNT), 1..6),
    ) {
        // One file of the shipped rule set damaged, the others intact, so
        // that the damage reaches the resolver and the analysis too.
        let mut files = shipped_files();
        let damaged = file % files.len();
        let text = &mut files[damaged].1;
        for (at, kind, token) in edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            match kind {
                0 => text.replace_range(at..end, ""),
                1 => text.insert_str(at, token_at(token)),
                _ => text.replace_range(at..end, token_at(token)),
            }
        }
        pipeline(&files);
    }
}
