//! Whatever `coex check` accepts, the code `coex build` writes for it
//! compiles, without a warning, and answers as the checker reads the rules.
//!
//! Random rule sets are drawn from a seeded generator, with names chosen to
//! collide with what generated code uses (`Result`, `Option`, `str`, `u8`,
//! `core`, `ALL`, `as_str`, `Impossible`, keywords that need `r#`,
//! `FooBar` next to `Foo_Bar`, ...) and with sizes past the 8-bit indexes
//! (300 decisions, 300 inputs). Those the checker refuses are dropped (that
//! is the property: the checker is the only judge); the others are compiled
//! together, each in a module of its own, by one `cargo build` with
//! `#![deny(warnings, missing_docs)]`, and the program prints each
//! decision's answer for some inputs, which must be the evaluator's.

use coex::eval::Evaluator;
use coex::source::Sources;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// A small deterministic generator (xorshift64*), so a failure reproduces.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, names: &[&'a str]) -> &'a str {
        names[self.below(names.len())]
    }
}

/// Names that generated code, Rust or the prelude also use.
const TYPE_NAMES: &[&str] = &[
    "Result",
    "Option",
    "str",
    "u8",
    "u32",
    "usize",
    "core",
    "std",
    "Impossible",
    "Rule",
    "Constraint",
    "EvalError",
    "Explanation",
    "UnknownValue",
    "FooBar",
    "Foo_Bar",
    "Mode",
    "Some",
    "None",
    "Ok",
    "Err",
    "Box",
    "String",
    "Vec",
    "Self_",
    "phf",
];
const VALUE_NAMES: &[&str] = &[
    "ALL",
    "as_str",
    "from_str",
    "fmt",
    "Some",
    "None",
    "Ok",
    "Err",
    "type",
    "match",
    "fn",
    "r",
    "A",
    "B",
    "C",
    "Islands",
    "TeamsOnly",
    "yield",
    "async",
    "Default",
    "x_y",
    "X_Y",
    "Self",
    "crate",
];
const FIELD_NAMES: &[&str] = &[
    "type", "match", "self_", "result", "str", "core", "index", "value", "input", "loop", "ALL",
    "as_str", "eval_", "u8", "Some", "None",
];

struct RuleSet {
    text: String,
}

/// One random rule set: a few enums, then decisions, each with one ordered
/// table ending in a catch-all row (so it is complete), random rows above
/// it, sometimes a constraint, and an example.
fn rule_set(random: &mut Random) -> RuleSet {
    let mut text = String::new();
    let enums = 1 + random.below(4);
    let mut enum_names: Vec<String> = Vec::new();
    let mut enum_values: Vec<Vec<String>> = Vec::new();
    for e in 0..enums {
        let name = format!(
            "{}{}",
            random.pick(TYPE_NAMES),
            if e > 0 { e.to_string() } else { String::new() }
        );
        let count = 1 + random.below(4);
        let mut values: Vec<String> = Vec::new();
        while values.len() < count {
            let v = random.pick(VALUE_NAMES).to_string();
            if !values.iter().any(|w| w.eq_ignore_ascii_case(&v)) {
                values.push(v);
            }
        }
        let _ = writeln!(text, "enum {name} {{ {} }}", values.join(", "));
        enum_names.push(name);
        enum_values.push(values);
    }
    let decisions = 1 + random.below(3);
    for _ in 0..decisions {
        let inputs = 1 + random.below(4);
        let mut params: Vec<(String, usize)> = Vec::new();
        for i in 0..inputs {
            params.push((
                format!("{}{i}", random.pick(FIELD_NAMES)),
                random.below(enums),
            ));
        }
        let output_enum = random.below(enums);
        let output = format!("{}_out", random.pick(FIELD_NAMES));
        let name = format!(
            "{}{}",
            random.pick(&["route", "Route", "d", "type_", "main", "eval", "explain", "find"]),
            random.below(2)
        );
        let signature: Vec<String> = params
            .iter()
            .map(|(p, e)| format!("{p}: {}", enum_names[*e]))
            .collect();
        let _ = writeln!(
            text,
            "decision {name}({}) -> {output}: {} {{",
            signature.join(", "),
            enum_names[output_enum]
        );
        if random.below(2) == 0 {
            let (p, e) = &params[0];
            let v = &enum_values[*e][random.below(enum_values[*e].len())];
            let _ = writeln!(
                text,
                "    impossible {p} == {v} because \"{name} cannot have {v}\""
            );
        }
        let header: Vec<&str> = params.iter().map(|(p, _)| p.as_str()).collect();
        let _ = writeln!(
            text,
            "    table \"t\" ordered\n    | {} || {output} |",
            header.join(" | ")
        );
        for _ in 0..random.below(4) {
            let cells: Vec<String> = params
                .iter()
                .map(|(_, e)| {
                    let values = &enum_values[*e];
                    if random.below(3) == 0 {
                        "*".to_string()
                    } else {
                        values[random.below(values.len())].clone()
                    }
                })
                .collect();
            let out = &enum_values[output_enum][random.below(enum_values[output_enum].len())];
            let _ = writeln!(text, "    | {} || {out} |", cells.join(" | "));
        }
        let stars = vec!["*"; params.len()].join(" | ");
        let _ = writeln!(
            text,
            "    | {stars} || {} |\n}}",
            enum_values[output_enum][0]
        );
    }
    RuleSet { text }
}

/// Wide rule sets: more decisions, and more inputs, than a `u8` counts.
fn wide_rule_sets() -> Vec<RuleSet> {
    let mut many_decisions = String::from("enum A { X, Y }\n");
    for d in 0..300 {
        let _ = writeln!(
            many_decisions,
            "decision d{d}(a: A) -> b: A {{\n    table \"t\"\n    | a || b |\n    | X || Y |\n    | Y || X |\n}}"
        );
    }
    let mut many_inputs = String::from("enum One { Only }\nenum A { X, Y }\ndecision wide(");
    let params: Vec<String> = (0..300).map(|i| format!("i{i}: One")).collect();
    let _ = write!(many_inputs, "{}, last: A) -> b: A {{\n    table \"t\"\n    | last || b |\n    | X || Y |\n    | Y || X |\n}}\n", params.join(", "));
    vec![
        RuleSet {
            text: many_decisions,
        },
        RuleSet { text: many_inputs },
    ]
}

fn sources(text: &str) -> Sources {
    let mut sources = Sources::new();
    sources.add("rules/set.coex", text);
    sources
}

#[test]
fn everything_check_accepts_builds_compiles_and_answers_alike() {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut sets: Vec<RuleSet> = wide_rule_sets();
    let mut refused = 0;
    while sets.len() < 40 {
        let set = rule_set(&mut random);
        if coex::compile(&sources(&set.text)).valid_model().is_some() {
            sets.push(set);
        } else {
            refused += 1;
        }
    }
    assert!(
        refused > 0,
        "the names should make the checker refuse some sets"
    );

    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("workspace");
    let temp = tempfile::tempdir().expect("temp dir");
    let app = temp.path();
    std::fs::create_dir_all(app.join("src")).expect("mkdir");
    std::fs::write(
        app.join("Cargo.toml"),
        format!(
            "[package]\nname = \"generated\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\ncoex-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            workspace.join("runtime").display().to_string()
        ),
    )
    .expect("manifest");
    std::fs::copy(workspace.join("Cargo.lock"), app.join("Cargo.lock")).expect("lock");

    let mut main = String::from("//! Every generated rule set, compiled together.\n#![deny(warnings, missing_docs)]\n#![forbid(unsafe_code)]\n\n");
    let mut calls = String::new();
    let mut expected = String::new();
    for (i, set) in sets.iter().enumerate() {
        let sources = sources(&set.text);
        let code = coex::generate(&sources, "rules", &coex::codegen::Options::default())
            .unwrap_or_else(|d| panic!("{}", coex::diagnostic::render(&sources, &d, false)));
        std::fs::write(app.join(format!("src/set{i}.rs")), code).expect("write");
        let _ = writeln!(
            main,
            "/// Rule set {i}.\npub mod set{i} {{\n    include!(\"set{i}.rs\");\n}}"
        );
        // Ask every decision for its first and last inputs, by name.
        let compiled = coex::compile(&sources);
        let model = compiled.valid_model().expect("valid");
        let evaluator = Evaluator::new(model, &sources);
        for decision in &model.decisions {
            for pick_last in [false, true] {
                let inputs: Vec<(&str, &str)> = decision
                    .inputs
                    .iter()
                    .map(|c| {
                        let values = &model.enums[c.enum_id].values;
                        let v = if pick_last { values.len() - 1 } else { 0 };
                        (c.name.as_str(), values[v].name.as_str())
                    })
                    .collect();
                let answer = match evaluator.eval_named(&decision.name, inputs.iter().copied()) {
                    Ok(answer) => format!("{:?}", answer.outputs),
                    Err(e) if e.is_impossible() => "impossible".to_string(),
                    Err(e) => panic!("{e}"),
                };
                let _ = writeln!(expected, "{i} {} {answer}", decision.name);
                let _ = writeln!(
                    calls,
                    "    show({i}, {:?}, set{i}::eval({:?}, &{inputs:?}));",
                    decision.name, decision.name
                );
            }
        }
    }
    let _ = write!(
        main,
        "\nfn show(set: usize, decision: &str, answer: Result<&'static [(&'static str, &'static str)], coex_runtime::EvalError<'_>>) {{\n    match answer {{\n        Ok(outputs) => println!(\"{{set}} {{decision}} {{outputs:?}}\"),\n        Err(coex_runtime::EvalError::Impossible(_)) => println!(\"{{set}} {{decision}} impossible\"),\n        Err(e) => panic!(\"{{e}}\"),\n    }}\n}}\n\nfn main() {{\n{calls}}}\n"
    );
    std::fs::write(app.join("src/main.rs"), main).expect("main");

    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(app.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", workspace.join("target/generated-test"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo");
    assert!(
        output.status.success(),
        "generated code did not compile or run:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
}
