//! Resolution errors that point at one place among several: the earlier
//! of two columns, the sets of a cycle, an example's arguments.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

const ENUMS: &str = "enum A { a1, a2 }\nenum B { b1, b2 }\n";

/// The errors of resolving `text` after [`ENUMS`].
fn errors(text: &str) -> (String, Vec<Diagnostic>) {
    let text = format!("{ENUMS}{text}");
    let file = crate::syntax::parse_file(FileId(0), &text).expect("the test text parses");
    let (_, _, diagnostics) = super::resolve(&[file]);
    (text, diagnostics)
}

/// The text under the primary label of `d`, and under its secondary labels.
fn labelled<'t>(text: &'t str, d: &Diagnostic) -> (&'t str, Vec<&'t str>) {
    let at = |l: &crate::diagnostic::Label| &text[l.span.start as usize..l.span.end as usize];
    let primary = d.labels.iter().find(|l| l.primary).map(at).unwrap_or("");
    let secondary = d.labels.iter().filter(|l| !l.primary).map(at).collect();
    (primary, secondary)
}

#[test]
fn a_repeated_input_column_points_at_the_column_that_named_it_first() {
    // The unknown column before them must not shift which one is "first".
    let (text, diagnostics) = errors(
        "decision d(x: A, y: B) -> out: B {\n\
         \x20   table \"t\"\n\
         \x20   | nope | x | y | x || out |\n\
         \x20   | *    | * | * | *  || b1  |\n\
         }\n",
    );
    let duplicate = diagnostics
        .iter()
        .find(|d| d.code == Code::Duplicate)
        .expect("a duplicate column");
    assert_eq!(duplicate.message, "column `x` is defined more than once");
    let header = text.find("| nope").expect("the header");
    let columns: Vec<u32> = text[header..]
        .match_indices(" x ")
        .map(|(at, _)| (header + at + 1) as u32)
        .take(2)
        .collect();
    let start = |primary: bool| {
        let label = duplicate.labels.iter().find(|l| l.primary == primary);
        label.expect("a label").span.start
    };
    let (first, again) = (start(false), start(true));
    assert_eq!(vec![first, again], columns);
}

#[test]
fn a_repeated_output_column_points_at_the_first() {
    let (text, diagnostics) = errors(
        "decision d(x: A) -> (o1: B, o2: B) {\n\
         \x20   table \"t\"\n\
         \x20   | x || o1 | o1 | o2 |\n\
         \x20   | * || b1 | b1 | b2 |\n\
         }\n",
    );
    let duplicate = diagnostics
        .iter()
        .find(|d| d.code == Code::Duplicate)
        .expect("a duplicate column");
    assert_eq!(duplicate.message, "column `o1` is defined more than once");
    let (again, first) = labelled(&text, duplicate);
    assert_eq!((again, first), ("o1", vec!["o1"]));
    let first = duplicate.labels.iter().find(|l| !l.primary).expect("first");
    let again = duplicate.labels.iter().find(|l| l.primary).expect("again");
    assert!(first.span.start < again.span.start);
}

#[test]
fn a_table_leaving_out_outputs_names_them_all() {
    let (_, diagnostics) = errors(
        "decision d(x: A) -> (o1: B, o2: B, o3: B) {\n\
         \x20   table \"t\"\n\
         \x20   | x || o2 |\n\
         \x20   | * || b1 |\n\
         }\n",
    );
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        ["table header leaves out output `o1`, `o3`"],
        "{diagnostics:#?}"
    );
}

#[test]
fn a_cycle_of_sets_is_reported_once_with_every_set_on_it() {
    let (text, diagnostics) = errors("set S: A = a1, T\nset T: A = U\nset U: A = S\n");
    let cycles: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.code == Code::CyclicSet)
        .collect();
    assert_eq!(cycles.len(), 1, "{diagnostics:#?}");
    assert_eq!(cycles[0].message, "set `S` is defined in terms of itself");
    assert_eq!(cycles[0].notes, ["the cycle: `S` → `T` → `U` → `S`"]);
    assert_eq!(labelled(&text, cycles[0]).0, "S");
}

#[test]
fn a_cycle_below_the_first_set_starts_where_it_closes() {
    let (_, diagnostics) = errors("set S: A = T\nset T: A = a1, U\nset U: A = T\n");
    let cycle = diagnostics
        .iter()
        .find(|d| d.code == Code::CyclicSet)
        .expect("a cycle");
    assert_eq!(cycle.notes, ["the cycle: `T` → `U` → `T`"]);
}

#[test]
fn example_arguments_are_matched_by_position_or_by_name() {
    let decision = "decision d(x: A, y: B) -> out: B {\n\
                    \x20   table \"t\"\n\
                    \x20   | x | y || out |\n\
                    \x20   | * | * || b1  |\n\
                    }\n";
    let message = |example: &str| {
        let (_, diagnostics) = errors(&format!("{decision}{example}\n"));
        diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    assert!(message("expect d(a1, b2) == b1").is_empty());
    assert!(message("expect d(y: b2, x: a1) == (out: b1)").is_empty());
    assert_eq!(
        message("expect d(a1, y: b2) == b1"),
        ["mixed named and positional inputs"]
    );
    assert_eq!(
        message("expect d(a1) == b1"),
        ["`d` has 2 inputs, this example gives 1"]
    );
    assert_eq!(
        message("expect d(x: a1, x: a2) == b1"),
        ["input `x` given twice"]
    );
    assert_eq!(
        message("expect d(x: a1, z: b1) == b1"),
        ["`z` is not an input of `d`"]
    );
    assert_eq!(
        message("expect d(y: b1) == b1"),
        ["example leaves out input `x`"]
    );
    // Input errors come before output errors, value errors included.
    assert_eq!(
        message("expect d(a9, b1) == (nope: b1)"),
        [
            "unknown value `a9` of `A`",
            "`nope` is not an output of `d`"
        ]
    );
}
