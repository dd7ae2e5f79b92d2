//! `coex table`: snapshots of every shipped decision's table (so that a rule
//! edit shows up in review as the cells that changed), the compression and
//! impossible handling on small hand-made rule sets, and a check that every
//! cell shown agrees with the evaluator.
//!
//! Refresh the snapshots with `INSTA_UPDATE=always cargo test --test tables`
//! (or `cargo insta test --review`), then read the diff.

use coex::eval::{EvalError, Evaluator};
use coex::model::{Model, ValueId};
use coex::render::{self, Cell, Layout, RenderError, RenderedTable, Sections};
use coex::source::Sources;
use std::collections::HashMap;
use std::process::Command;

fn shipped() -> (Sources, Model) {
    let sources = coex::shipped::sources();
    let compiled = coex::compile(&sources);
    let model = compiled
        .valid_model()
        .expect("the shipped rule set has no errors")
        .model()
        .clone();
    (sources, model)
}

fn compile(text: &str) -> (Sources, Model) {
    let mut sources = Sources::new();
    sources.add("test.coex", text);
    let compiled = coex::compile(&sources);
    assert!(
        !compiled.has_errors(),
        "{}",
        coex::diagnostic::render(&sources, &compiled.diagnostics, false)
    );
    let model = compiled.model.expect("a model");
    (sources, model)
}

fn table(model: &Model, decision: &str) -> RenderedTable {
    render::render(model, decision, &Layout::default()).expect("renders")
}

// ------------------------------------------------------------------ snapshots

#[test]
fn every_shipped_decision_has_a_snapshot() {
    let (_, model) = shipped();
    assert!(!model.decisions.is_empty());
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        for decision in &model.decisions {
            // For review, nothing merged: a changed answer is a changed
            // cell. For reading, merged like the documents' tables.
            // A decision with more inputs than a table section may hold
            // (`conversation`: 43,200, a 450 KB expanded table) is reviewed
            // in its merged form, as `coex table` prints it.
            let expand = decision.volume(&model) <= render::MAX_CELLS;
            let expanded = Layout { expand, ..Layout::default() };
            let expanded = render::render(&model, &decision.name, &expanded).expect("renders");
            insta::assert_snapshot!(format!("table__{}", decision.name), expanded.text());
            insta::assert_snapshot!(
                format!("table_markdown__{}", decision.name),
                table(&model, &decision.name).markdown()
            );
        }
    });
}

// ------------------------------------------------------------------ agreement

/// Every input of the decision is shown by exactly one cell of the grid, or
/// listed as impossible (and then by no cell), and says what the evaluator
/// says.
fn assert_agrees(model: &Model, sources: &Sources, rendered: &RenderedTable) {
    // The evaluator takes only a checked model: check the same sources again.
    let compiled = coex::compile(sources);
    let checked = compiled.checked().expect("the rules can answer");
    assert_eq!(checked.decisions.len(), model.decisions.len());
    let evaluator = Evaluator::new(checked, sources);
    let index = model
        .decisions
        .iter()
        .position(|d| d.name == rendered.decision)
        .expect("the decision");
    let d = &model.decisions[index];
    let position = |name: &str| {
        d.inputs
            .iter()
            .position(|c| c.name == name)
            .expect("an input")
    };
    let rows: Vec<usize> = rendered.row_inputs.iter().map(|n| position(n)).collect();
    let column = position(&rendered.column_input);
    let section = rendered.section_input.as_deref().map(position);
    let mut shown: HashMap<Vec<ValueId>, usize> = HashMap::new();
    let mut listed: HashMap<Vec<ValueId>, usize> = HashMap::new();
    // Impossible cells of shown rows, and those listed under the grid.
    let mut dashes: Vec<Vec<ValueId>> = Vec::new();
    let mut listed_dashes: Vec<Vec<ValueId>> = Vec::new();
    for s in &rendered.sections {
        let section_values: Vec<ValueId> = s.value.as_ref().map_or(vec![0], |v| v.values.clone());
        for row in &s.rows {
            let sets: Vec<Vec<ValueId>> = row.labels.iter().map(|l| l.values.clone()).collect();
            for point in product(&sets) {
                for (label, cell) in s.columns.iter().zip(&row.cells) {
                    for &c in &label.values {
                        let mut input = vec![0; d.inputs.len()];
                        for (&i, &v) in rows.iter().zip(&point) {
                            input[i] = v;
                        }
                        input[column] = c;
                        if let Some(sec) = section {
                            input[sec] = section_values[0];
                        }
                        let answer = evaluator.answer(index, &input);
                        match (cell, &answer) {
                            (Cell::Outputs(values), Ok(a)) => {
                                let expected: Vec<&str> =
                                    a.outputs.iter().map(|&(_, v)| v).collect();
                                assert_eq!(values, &expected, "{input:?}");
                            }
                            (Cell::Impossible, Err(EvalError::Impossible { .. })) => {
                                dashes.push(input.clone())
                            }
                            _ => panic!("{input:?}: cell {cell:?}, evaluator {answer:?}"),
                        }
                        *shown.entry(input).or_default() += 1;
                    }
                }
            }
        }
        for row in &s.impossible {
            let sets: Vec<Vec<ValueId>> = row.pattern.iter().map(|l| l.values.clone()).collect();
            let column_values: Vec<ValueId> = match &row.column {
                Some(label) => label.values.clone(),
                None => {
                    (0..model.enums[d.inputs[column].enum_id].values.len() as ValueId).collect()
                }
            };
            for point in product(&sets) {
                for &c in &column_values {
                    let mut input = vec![0; d.inputs.len()];
                    for (&i, &v) in rows.iter().zip(&point) {
                        input[i] = v;
                    }
                    input[column] = c;
                    if let Some(sec) = section {
                        input[sec] = section_values[0];
                    }
                    match evaluator.answer(index, &input) {
                        Err(EvalError::Impossible { .. }) => {}
                        other => panic!("{input:?} is listed as impossible: {other:?}"),
                    }
                    // A reason given holds for it (though the evaluator may
                    // name another constraint that matches too).
                    assert!(
                        d.constraints
                            .iter()
                            .any(|c| row.because.contains(&c.because)
                                && c.cells.iter().zip(&input).all(|(cell, v)| cell.contains(v))),
                        "{input:?}: {:?}",
                        row.because
                    );
                    // Impossible cells of shown rows are counted as shown.
                    if row.column.is_none() {
                        *listed.entry(input).or_default() += 1;
                    } else {
                        listed_dashes.push(input);
                    }
                }
            }
        }
    }
    for dash in &dashes {
        assert!(
            listed_dashes.contains(dash),
            "{dash:?} is `—` but not listed"
        );
    }
    let volume = d.volume(model) as usize;
    assert!(shown.values().all(|&n| n == 1), "an input shown twice");
    assert!(shown.keys().all(|k| !listed.contains_key(k)));
    assert_eq!(
        shown.len() + listed.len(),
        volume,
        "every input is accounted for"
    );
}

fn product(sets: &[Vec<ValueId>]) -> Vec<Vec<ValueId>> {
    sets.iter().fold(vec![Vec::new()], |acc, set| {
        acc.iter()
            .flat_map(|prefix| {
                set.iter().map(move |&v| {
                    let mut p = prefix.clone();
                    p.push(v);
                    p
                })
            })
            .collect()
    })
}

#[test]
fn every_shipped_cell_agrees_with_the_evaluator_in_every_layout() {
    let (sources, model) = shipped();
    for d in &model.decisions {
        assert_agrees(&model, &sources, &table(&model, &d.name));
        // A decision with more inputs than a section may hold is checked
        // in its default layout only: most others are refused as too large
        // (docs/TABLES.md), and each check walks every input.
        if d.volume(&model) > render::MAX_CELLS {
            continue;
        }
        for columns in &d.inputs {
            for sections in [Sections::None, Sections::Default] {
                for expand in [false, true] {
                    let layout = Layout {
                        columns: Some(columns.name.clone()),
                        rows: None,
                        sections: sections.clone(),
                        expand,
                    };
                    let rendered = render::render(&model, &d.name, &layout).expect("renders");
                    assert_agrees(&model, &sources, &rendered);
                }
            }
        }
    }
}

// ------------------------------------------------------------------ hand-made

const VOCABULARY: &str = "
enum Mode { Islands, SfBOnly, SfBWithTeamsCollab, TeamsOnly }
set SfBAny: Mode = SfBOnly, SfBWithTeamsCollab
enum Client { Teams, SfB }
enum Homed { Online, OnPrem }
enum Scope { InTenant, Federated }
enum Shown { Teams, SfB }
";

#[test]
fn agreeing_columns_merge_under_the_set_name() {
    let (sources, model) = compile(&format!(
        "{VOCABULARY}
decision presence(publisher_mode: Mode, watcher_client: Client) -> shows: Shown {{
    table \"t\"
    | publisher_mode | watcher_client || shows |
    | Islands        | Teams          || Teams |
    | Islands        | SfB            || SfB   |
    | SfBAny         | *              || SfB   |
    | TeamsOnly      | *              || Teams |
}}
"
    ));
    let rendered = table(&model, "presence");
    assert_eq!(rendered.column_input, "publisher_mode");
    assert_eq!(rendered.row_inputs, ["watcher_client"]);
    assert_eq!(rendered.section_input, None);
    let columns: Vec<&str> = rendered.sections[0]
        .columns
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(columns, ["Islands", "SfBAny", "TeamsOnly"]);
    assert_eq!(
        rendered.text(),
        "\
presence — columns: publisher_mode — cells: shows

watcher_client || Islands | SfBAny | TeamsOnly
---------------++---------+--------+----------
Teams          || Teams   | SfB    | Teams
SfB            || SfB     | SfB    | Teams
"
    );
    assert_agrees(&model, &sources, &rendered);
}

#[test]
fn expanded_tables_merge_nothing_so_a_change_shows_as_its_cells() {
    let rules = |teams_only_to_sfb: &str| {
        compile(&format!(
            "{VOCABULARY}
decision route(sender: Mode, recipient: Mode) -> lands: Shown {{
    table \"t\"
    | sender    | recipient  || lands |
    | !TeamsOnly | *         || SfB   |
    | TeamsOnly  | !TeamsOnly || {teams_only_to_sfb} |
    | TeamsOnly  | TeamsOnly  || Teams |
}}
"
        ))
    };
    let expanded = Layout {
        expand: true,
        ..Layout::default()
    };
    let (sources, before) = rules("SfB");
    let before = render::render(&before, "route", &expanded).expect("renders");
    assert_agrees(&rules("SfB").1, &sources, &before);
    let columns: Vec<&str> = before.sections[0]
        .columns
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        columns,
        ["Islands", "SfBOnly", "SfBWithTeamsCollab", "TeamsOnly"]
    );
    assert_eq!(before.sections[0].rows.len(), 4, "one row per sender");
    // A TeamsOnly sender's chats to the other modes change: expanded, that
    // is one changed line, in exactly the cells whose answer changed.
    let after = render::render(&rules("Teams").1, "route", &expanded).expect("renders");
    let (before, after) = (before.text(), after.text());
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(b, a)| b != a)
        .collect();
    assert_eq!(
        changed,
        [(
            "TeamsOnly          || SfB     | SfB     | SfB                | Teams",
            "TeamsOnly          || Teams   | Teams   | Teams              | Teams"
        )]
    );
}

#[test]
fn rows_merge_to_a_fixpoint() {
    // `z` never matters and `y` matters only for `x = b`: the rows become
    // `a | * | *`, `b | p | *`, `b | q | *`, `c | * | *` and then `a, c`
    // merges with nothing else because its cells differ.
    let (sources, model) = compile(
        "
enum X { a, b, c }
enum Y { p, q }
enum Z { u, v, w }
enum C { one, two }
enum O { yes, no }
decision d(col: C, x: X, y: Y, z: Z) -> o: O {
    table \"t\"
    | col | x    | y || o   |
    | *   | a    | * || yes |
    | *   | b    | p || no  |
    | one | b    | q || yes |
    | two | b    | q || no  |
    | *   | c    | * || yes |
}
",
    );
    let rendered = render::render(
        &model,
        "d",
        &Layout {
            sections: Sections::None,
            ..Layout::default()
        },
    )
    .expect("renders");
    assert_eq!(rendered.column_input, "col");
    let rows: Vec<Vec<&str>> = rendered.sections[0]
        .rows
        .iter()
        .map(|r| r.labels.iter().map(|l| l.text.as_str()).collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec!["a, c", "*", "*"],
            vec!["b", "p", "*"],
            vec!["b", "q", "*"]
        ]
    );
    assert_agrees(&model, &sources, &rendered);
}

#[test]
fn impossible_rows_are_listed_and_impossible_cells_print_a_dash() {
    let (sources, model) = compile(&format!(
        "{VOCABULARY}
enum Landing {{ Teams, SfB, NotPossible }}
decision route(sender_mode: Mode, sender_homed: Homed, recipient_mode: Mode, scope: Scope) -> lands: Landing {{
    impossible sender_mode == TeamsOnly && sender_homed == OnPrem
        because \"users homed on-premises can't be TeamsOnly\"
    impossible recipient_mode == SfBAny && scope == Federated && sender_mode == Islands
        because \"a made-up constraint on the column input\"
    table \"t\"
    | sender_mode | sender_homed | recipient_mode || lands |
    | *           | *            | TeamsOnly      || Teams |
    | *           | *            | !TeamsOnly     || SfB   |
}}
"
    ));
    let rendered = table(&model, "route");
    assert_eq!(rendered.column_input, "recipient_mode");
    assert_eq!(rendered.section_input.as_deref(), Some("scope"));
    let federated = &rendered.sections[1];
    assert_eq!(federated.value.as_ref().unwrap().text, "Federated");
    // TeamsOnly/OnPrem is out of the grid, listed with its reason.
    let rows: Vec<_> = federated
        .impossible
        .iter()
        .filter(|i| i.column.is_none())
        .collect();
    assert_eq!(rows.len(), 1);
    assert!(rendered
        .text()
        .contains("impossible:\n  sender_mode=TeamsOnly sender_homed=OnPrem — users homed on-premises can't be TeamsOnly\n"));
    // An Islands sender to an SfB* recipient, federated: a dash in a shown row.
    let islands = federated
        .rows
        .iter()
        .find(|r| r.labels[0].text == "Islands")
        .expect("an Islands row");
    let sfb = federated
        .columns
        .iter()
        .position(|c| c.text == "SfBAny")
        .expect("an SfBAny column");
    assert_eq!(islands.cells[sfb], Cell::Impossible);
    assert_eq!(islands.cells[sfb].text(), "—");
    // ... and listed under the table with the column input.
    assert!(rendered.sections[1]
        .impossible
        .iter()
        .any(|i| i.column.is_some()));
    assert!(rendered.text().contains(
        "  sender_mode=Islands recipient_mode=SfBAny — a made-up constraint on the column input\n"
    ), "{}", rendered.text());
    assert!(rendered.markdown().contains(
        "- `sender_mode=TeamsOnly sender_homed=OnPrem`: users homed on-premises can't be TeamsOnly\n"
    ));
    assert_agrees(&model, &sources, &rendered);
}

#[test]
fn layout_defaults_and_flags() {
    let (_, model) = compile(&format!(
        "{VOCABULARY}
decision two(scope: Scope, client: Client) -> shows: Shown {{
    table \"t\"
    | scope | client || shows |
    | *     | Teams  || Teams |
    | *     | SfB    || SfB   |
}}
decision four(a: Mode, b: Client, c: Mode, d: Scope) -> shows: Shown {{
    table \"t\"
    | a | b || shows |
    | * | * || SfB   |
}}
"
    ));
    // Different enums: the first input is the columns.
    let two = table(&model, "two");
    assert_eq!(
        (two.column_input.as_str(), two.row_inputs.clone()),
        ("scope", vec!["client".to_string()])
    );
    // Four inputs: the last one is the sections; `c` shares `a`'s enum.
    let four = table(&model, "FOUR");
    assert_eq!(four.column_input, "c");
    assert_eq!(four.row_inputs, ["a", "b"]);
    assert_eq!(four.section_input.as_deref(), Some("d"));
    assert_eq!(four.sections.len(), 2);
    // Flags: columns `d` frees the sections; rows in the order given.
    let layout = Layout {
        columns: Some("d".into()),
        rows: Some(vec!["c".into(), "b".into(), "a".into()]),
        sections: Sections::Default,
        expand: false,
    };
    let flagged = render::render(&model, "four", &layout).unwrap();
    assert_eq!(flagged.column_input, "d");
    assert_eq!(flagged.row_inputs, ["c", "b", "a"]);
    assert_eq!(flagged.section_input, None);
    let layout = Layout {
        sections: Sections::Input("b".into()),
        ..Layout::default()
    };
    let by_b = render::render(&model, "four", &layout).unwrap();
    assert_eq!(by_b.section_input.as_deref(), Some("b"));
    assert_eq!(by_b.row_inputs, ["a", "d"]);
}

#[test]
fn errors_name_the_mistake() {
    let (_, model) = shipped();
    let error = |layout: Layout, decision: &str| {
        render::render(&model, decision, &layout)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        error(Layout::default(), "rout"),
        "unknown decision `rout`; did you mean `route`?"
    );
    let columns = Layout {
        columns: Some("recipent_mode".into()),
        ..Layout::default()
    };
    assert_eq!(
        error(columns, "route"),
        "`recipent_mode` (in `--columns`) is not an input of `route`; did you mean `recipient_mode`?"
    );
    let twice = Layout {
        columns: Some("scope".into()),
        sections: Sections::Input("scope".into()),
        ..Layout::default()
    };
    assert!(error(twice, "route").contains("input `scope` of `route` is placed twice"));
    let partial = Layout {
        rows: Some(vec!["sender_mode".into(), "sender_client".into()]),
        ..Layout::default()
    };
    assert!(error(partial, "route").starts_with("the table of `route` leaves out `sender_homed`"));
}

#[test]
fn a_grid_over_the_limit_is_refused() {
    let values: Vec<String> = (0..101).map(|i| format!("v{i}")).collect();
    let (_, model) = compile(&format!(
        "enum Big {{ {} }}
enum O {{ yes }}
decision big(a: Big, b: Big) -> o: O {{
    table \"t\"
    | a | b || o   |
    | * | * || yes |
}}
",
        values.join(", ")
    ));
    let error = render::render(&model, "big", &Layout::default()).unwrap_err();
    assert!(matches!(
        error,
        RenderError::TooLarge {
            rows: 101,
            columns: 101,
            ..
        }
    ));
    let message = error.to_string();
    assert!(message.contains("101 rows × 101 columns"), "{message}");
    assert!(message.contains("`--rows`"), "{message}");
}

// ------------------------------------------------------------------ command line

fn coex(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .output()
        .expect("runs coex");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn command_line() {
    let (code, stdout, _) = coex(&["table", "route"]);
    assert_eq!(code, 0);
    let (_, model) = shipped();
    assert_eq!(stdout, table(&model, "route").text());

    let (code, stdout, _) = coex(&["table", "route", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("### route, scope=InTenant\n"));

    let (code, _, stderr) = coex(&["table", "rout"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `route`?"), "{stderr}");

    let (code, _, stderr) = coex(&["table", "route", "--rows", "sender_mode,sendr_client"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `sender_client`?"), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.coex"),
        "enum A { x, y }\nenum O { o }\ndecision d(a: A) -> o: O {\n    table \"t\"\n    | a || o |\n    | x || o |\n}\n",
    )
    .unwrap();
    let rules = dir.path().to_str().unwrap();
    let (code, _, stderr) = coex(&["table", "--rules", rules, "d"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error"), "{stderr}");

    // A failing example does not hide the table: the maintainer sees what
    // the rules now decide before updating the examples.
    std::fs::write(
        dir.path().join("bad.coex"),
        "enum A { x }\nenum O { o, p }\ndecision d(a: A) -> o: O {\n    table \"t\"\n    | a || o |\n    | x || o |\n}\nexpect d(x) == p\n",
    )
    .unwrap();
    let (code, stdout, stderr) = coex(&["table", "--rules", rules, "d", "--expand"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("d — columns: a"), "{stdout}");
    assert_eq!(
        stderr,
        "note: 1 `expect` example of this rule set does not hold; `coex check` shows it\n"
    );
}
