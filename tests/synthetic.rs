//! The benchmark's synthetic rule sets hold what they claim: gaps,
//! conflicts and unreachable rows, all found by the checker.

#[path = "../benches/synthetic.rs"]
mod synthetic;

use coex::diagnostic::Code;

#[test]
fn synthetic_rules_have_the_problems_they_were_given() {
    for shape in [
        synthetic::Shape {
            inputs: 4,
            values: 5,
            rows: 100,
        },
        synthetic::Shape {
            inputs: 12,
            values: 10,
            rows: 1000,
        },
    ] {
        let generated = synthetic::generate(&shape);
        let mut sources = coex::source::Sources::new();
        sources.add("synthetic.coex", generated.text.clone());
        let compiled = coex::compile(&sources);
        let count = |code: Code| {
            compiled
                .diagnostics
                .iter()
                .filter(|d| d.code == code)
                .count()
        };
        assert_eq!(count(Code::Syntax) + count(Code::UnknownName), 0);
        assert_eq!(
            count(Code::Gap),
            1,
            "one gap diagnostic listing the removed rows' inputs"
        );
        assert!(count(Code::Conflict) >= generated.conflicting, "conflicts");
        assert_eq!(
            count(Code::UnreachableRow),
            generated.shadowed,
            "unreachable rows"
        );
        assert!(generated.removed >= 1);
    }
}
