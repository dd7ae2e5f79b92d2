//! `coex fmt` on raw bytes: a file that parses formats to text that parses
//! to the same syntax tree, keeps every comment (its text, order, and
//! whether it shares a line with code), has no trailing whitespace, and
//! formats to itself.
#![no_main]

use coex::format::{erased, format_text};
use coex::source::FileId;
use coex::syntax::parse_file;
use coex_fuzz::comments;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(before) = parse_file(FileId(0), text) else {
        return;
    };
    let once = format_text(FileId(0), text).expect("a file that parses formats");
    let after = parse_file(FileId(0), &once).unwrap_or_else(|e| {
        panic!("the formatted text does not parse: {e:?}\n--- formatted\n{once}")
    });
    assert_eq!(
        comments(text, &before),
        comments(&once, &after),
        "comments lost, reordered, or moved on or off a line of code\n--- formatted\n{once}"
    );
    assert_eq!(
        erased(&before),
        erased(&after),
        "the syntax tree changed\n--- formatted\n{once}"
    );
    let twice = format_text(FileId(0), &once).expect("formatted text parses");
    assert_eq!(once, twice, "formatting is not idempotent");
    for line in once.lines() {
        assert!(
            !line.ends_with([' ', '\t']),
            "trailing whitespace in {line:?}"
        );
    }
});
