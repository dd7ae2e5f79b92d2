//! The diff against brute force: random pairs of small rule sets (values
//! added and removed, inputs reordered, ordered tables, constraints with
//! reasons), compared input by input.

use super::*;
use crate::diagnostic::blocking;
use crate::lookup::citations;
use crate::model::{CheckedModel, Ruling};
use proptest::prelude::*;
use std::collections::BTreeMap;

const VALUES: usize = 4;
const OUTPUTS: usize = 3;

/// A constraint's condition on one input: `!=` (else `==`), and a mask
/// over the input's values; `None` where the input is not mentioned.
type Condition = Option<(bool, Vec<bool>)>;

/// An input by value names, and how it changed.
type Input = BTreeMap<String, String>;
type Expected = (ChangeKind, Option<Outcome>, Option<Outcome>);

/// One side of a random rule set: per input, the universe values it has;
/// the output values; the inputs' order; ordered rows and constraints.
#[derive(Clone, Debug)]
struct SideSpec {
    inputs: Vec<Vec<usize>>,
    outputs: Vec<usize>,
    order: Vec<usize>,
    /// Per row: a mask over each input's values (empty = `*`), an output.
    rows: Vec<(Vec<Vec<bool>>, usize)>,
    fallback: usize,
    /// Per constraint: per input `None` (not mentioned) or (negated, mask); a reason.
    constraints: Vec<(Vec<Condition>, usize)>,
}

fn subset(n: usize) -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(any::<bool>(), n).prop_map(move |bits| {
        let chosen: Vec<usize> = (0..n).filter(|&i| bits[i]).collect();
        if chosen.is_empty() {
            vec![0]
        } else {
            chosen
        }
    })
}

fn side(columns: usize) -> impl Strategy<Value = SideSpec> {
    let masks = move || {
        proptest::collection::vec(proptest::collection::vec(any::<bool>(), VALUES), columns)
    };
    let condition = proptest::option::of((
        any::<bool>(),
        proptest::collection::vec(any::<bool>(), VALUES),
    ));
    (
        proptest::collection::vec(subset(VALUES), columns),
        subset(OUTPUTS),
        Just((0..columns).collect::<Vec<usize>>()).prop_shuffle(),
        proptest::collection::vec((masks(), 0..OUTPUTS), 0..6),
        0..OUTPUTS,
        proptest::collection::vec(
            (proptest::collection::vec(condition, columns), 0usize..2),
            0..3,
        ),
    )
        .prop_map(
            |(inputs, outputs, order, rows, fallback, constraints)| SideSpec {
                inputs,
                outputs,
                order,
                rows,
                fallback,
                constraints,
            },
        )
}

impl SideSpec {
    /// The values of input `c` a mask over its values selects (all when none).
    fn cell(&self, c: usize, mask: &[bool]) -> String {
        let chosen: Vec<String> = self.inputs[c]
            .iter()
            .enumerate()
            .filter(|(i, _)| mask[*i])
            .map(|(_, v)| format!("v{v}"))
            .collect();
        if chosen.is_empty() || chosen.len() == self.inputs[c].len() {
            "*".to_string()
        } else {
            chosen.join(", ")
        }
    }

    fn output(&self, o: usize) -> String {
        format!("o{}", self.outputs[o % self.outputs.len()])
    }

    fn text(&self) -> String {
        let mut text = String::new();
        for (c, values) in self.inputs.iter().enumerate() {
            let names: Vec<String> = values.iter().map(|v| format!("v{v}")).collect();
            text.push_str(&format!("enum E{c} {{ {} }}\n", names.join(", ")));
        }
        let outs: Vec<String> = self.outputs.iter().map(|v| format!("o{v}")).collect();
        text.push_str(&format!("enum Out {{ {} }}\n", outs.join(", ")));
        let params: Vec<String> = self.order.iter().map(|c| format!("x{c}: E{c}")).collect();
        text.push_str(&format!(
            "decision d({}) -> out: Out {{\n",
            params.join(", ")
        ));
        for (conditions, reason) in &self.constraints {
            let parts: Vec<String> = conditions
                .iter()
                .enumerate()
                .filter_map(|(c, cond)| {
                    let (negated, mask) = cond.as_ref()?;
                    let cell = self.cell(c, mask);
                    (cell != "*")
                        .then(|| format!("x{c} {} {cell}", if *negated { "!=" } else { "==" }))
                })
                .collect();
            if !parts.is_empty() {
                text.push_str(&format!(
                    "    impossible {} because \"r{reason}\"\n",
                    parts.join(" && ")
                ));
            }
        }
        text.push_str("    table \"t\" ordered\n");
        let header: Vec<String> = self.order.iter().map(|c| format!("x{c}")).collect();
        text.push_str(&format!("    | {} || out |\n", header.join(" | ")));
        let fallback = vec![vec![false; VALUES]; self.inputs.len()];
        for (masks, out) in self.rows.iter().chain([(fallback, self.fallback)].iter()) {
            let cells: Vec<String> = self
                .order
                .iter()
                .map(|&c| self.cell(c, &masks[c]))
                .collect();
            text.push_str(&format!(
                "    | {} || {} |\n",
                cells.join(" | "),
                self.output(*out)
            ));
        }
        text.push_str("}\n");
        text
    }
}

fn compile(name: &str, text: &str) -> (Sources, Model) {
    let mut sources = Sources::new();
    sources.add(name, text);
    let compiled = crate::compile(&sources);
    assert!(
        blocking(&compiled.diagnostics).is_empty(),
        "{text}\n{}",
        crate::diagnostic::render(&sources, &compiled.diagnostics, false)
    );
    let model = compiled.model.expect("a model");
    (sources, model)
}

/// One input's answer on one side, with the line that decides it.
fn answer(
    model: &Model,
    sources: &Sources,
    named: &BTreeMap<String, String>,
) -> Option<(Outcome, u32)> {
    let d = &model.decisions[0];
    let input: Option<Vec<u32>> = d
        .inputs
        .iter()
        .map(|c| model.find_value(c.enum_id, &named[&c.name]))
        .collect();
    let (rows, constraints) = citations(d, sources);
    match d.evaluate(&input?) {
        Ruling::Row(r) => {
            let out = &d.outputs[0];
            let value = &model.enums[out.enum_id].values[d.rows[r].outputs[0] as usize].name;
            Some((
                Outcome::Outputs(vec![(out.name.clone(), value.clone())]),
                rows[r].line,
            ))
        }
        Ruling::Impossible(c) => Some((
            Outcome::Impossible(d.constraints[c].because.clone()),
            constraints[c].line,
        )),
        other => panic!("a valid model answers every input: {other:?}"),
    }
}

/// Every input (by value names) of the union of both sides' values.
fn universe(columns: usize) -> Vec<BTreeMap<String, String>> {
    let mut all = vec![BTreeMap::new()];
    for c in 0..columns {
        all = all
            .into_iter()
            .flat_map(|m| {
                (0..VALUES).map(move |v| {
                    let mut m = m.clone();
                    m.insert(format!("x{c}"), format!("v{v}"));
                    m
                })
            })
            .collect();
    }
    all
}

/// The inputs of a pattern, by value names.
fn expand(change: &Change) -> Vec<BTreeMap<String, String>> {
    let mut all = vec![BTreeMap::new()];
    for cell in &change.pattern {
        all = all
            .into_iter()
            .flat_map(|m| {
                cell.values.iter().map(move |v| {
                    let mut m = m.clone();
                    m.insert(cell.input.clone(), v.clone());
                    m
                })
            })
            .collect();
    }
    all
}

fn check(columns: usize, old: &SideSpec, new: &SideSpec) -> Result<(), TestCaseError> {
    let (old_sources, old_model) = compile("old.coex", &old.text());
    let (new_sources, new_model) = compile("new.coex", &new.text());
    let old_side = Side {
        model: CheckedModel::new(&old_model),
        sources: &old_sources,
    };
    let new_side = Side {
        model: CheckedModel::new(&new_model),
        sources: &new_sources,
    };
    let result = diff(old_side, new_side);
    prop_assert_eq!(result.decisions.len(), 1);
    let d = &result.decisions[0];
    prop_assert_eq!(d.inputs_reordered, old.order != new.order);

    // Brute force: every input of the union, its kind of change (if any).
    let mut expected: BTreeMap<Input, Expected> = BTreeMap::new();
    for input in universe(columns) {
        let before = answer(&old_model, &old_sources, &input);
        let after = answer(&new_model, &new_sources, &input);
        let kind = match (&before, &after) {
            (None, None) => continue,
            (None, Some(_)) => ChangeKind::NewInputs,
            (Some(_), None) => ChangeKind::RemovedInputs,
            (Some((a, _)), Some((b, _))) if a == b => continue,
            (Some((Outcome::Impossible(_), _)), Some((Outcome::Impossible(_), _))) => {
                ChangeKind::Reason
            }
            _ => ChangeKind::Answer,
        };
        expected.insert(input, (kind, before.map(|(o, _)| o), after.map(|(o, _)| o)));
    }

    // Every input of every pattern is one of them, once, with its answers
    // and the lines that decide it.
    let mut seen = BTreeMap::new();
    for change in d.changes.iter().chain(&d.notes) {
        for input in expand(change) {
            let Some((kind, before, after)) = expected.get(&input) else {
                return Err(TestCaseError::fail(format!(
                    "{input:?} did not change: {change:?}"
                )));
            };
            prop_assert_eq!(*kind, change.kind);
            prop_assert_eq!(before, &change.old);
            prop_assert_eq!(after, &change.new);
            let lines = |rules: &[RuleRef]| rules.iter().map(|r| r.line).collect::<Vec<_>>();
            if let Some((_, line)) = answer(&old_model, &old_sources, &input) {
                prop_assert!(lines(&change.old_rules).contains(&line));
            }
            if let Some((_, line)) = answer(&new_model, &new_sources, &input) {
                prop_assert!(lines(&change.new_rules).contains(&line));
            }
            prop_assert!(seen.insert(input, ()).is_none(), "patterns overlap");
        }
        prop_assert_eq!(change.inputs, expand(change).len() as u128);
    }
    prop_assert_eq!(
        seen.len(),
        expected.len(),
        "some changed inputs are missing"
    );
    let differs = expected.values().any(|(k, _, _)| *k != ChangeKind::Reason);
    prop_assert_eq!(
        d.status == Status::Unchanged,
        !differs && !d.inputs_reordered
    );

    // A rule set compared with itself is the same.
    prop_assert!(diff(new_side, new_side).is_same());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn diff_equals_brute_force(
        (columns, old, new) in (1usize..=3).prop_flat_map(|c| (Just(c), side(c), side(c)))
    ) {
        check(columns, &old, &new)?;
    }

    #[test]
    fn diff_by_enumeration_equals_brute_force(
        (columns, old, new) in (1usize..=3).prop_flat_map(|c| (Just(c), side(c), side(c)))
    ) {
        super::answers::ENUMERATE_ALWAYS.with(|always| always.set(true));
        let checked = check(columns, &old, &new);
        super::answers::ENUMERATE_ALWAYS.with(|always| always.set(false));
        checked?;
    }
}

#[test]
fn renamed_value_with_its_old_name_as_alias_is_the_same_value() {
    let (os, om) = compile(
        "old.coex",
        "enum M { A, MeetingsFirst }\nenum O { X, Y }\ndecision d(m: M) -> o: O {\n    table \"t\"\n    | m || o |\n    | A || X |\n    | MeetingsFirst || Y |\n}\n",
    );
    let (ns, nm) = compile(
        "new.coex",
        "enum M { A, SfBWithTeamsCollabAndMeetings alias MeetingsFirst }\nenum O { X, Y }\ndecision d(m: M) -> o: O {\n    table \"t\"\n    | m || o |\n    | A || X |\n    | SfBWithTeamsCollabAndMeetings || Y |\n}\n",
    );
    let result = diff(
        Side {
            model: CheckedModel::new(&om),
            sources: &os,
        },
        Side {
            model: CheckedModel::new(&nm),
            sources: &ns,
        },
    );
    assert_eq!(result.decisions[0].status, Status::Unchanged);
    assert_eq!(
        result.enums[0].values_renamed,
        vec![Renamed {
            old: "MeetingsFirst".into(),
            new: "SfBWithTeamsCollabAndMeetings".into()
        }]
    );
}

#[test]
fn huge_space_is_compared_without_listing_it() {
    // 12 inputs of 10 values (10^12 inputs); the new side changes the
    // answer where the first input is v9, and adds a value to the last.
    let text = |changed: bool, extra: bool| {
        let values: Vec<String> = (0..10).map(|v| format!("v{v}")).collect();
        let mut last = values.clone();
        if extra {
            last.push("v10".to_string());
        }
        let mut text = format!(
            "enum E {{ {} }}\nenum L {{ {} }}\nenum O {{ A, B }}\n",
            values.join(", "),
            last.join(", ")
        );
        let inputs: Vec<String> = (0..11).map(|i| format!("x{i}: E")).collect();
        text.push_str(&format!(
            "decision d({}, y: L) -> o: O {{\n    table \"t\" ordered\n",
            inputs.join(", ")
        ));
        let header: Vec<String> = (0..11).map(|i| format!("x{i}")).collect();
        text.push_str(&format!("    | {} | y || o |\n", header.join(" | ")));
        let stars = ["*"; 10].join(" | ");
        let first = if changed { "B" } else { "A" };
        text.push_str(&format!("    | v9 | {stars} | * || {first} |\n"));
        text.push_str(&format!("    | * | {stars} | * || A |\n}}\n"));
        text
    };
    // Too large to bake (E0013), which is what this test is about: the
    // comparison itself never lists the inputs, so it takes the models as
    // they are once nothing else is wrong.
    let unbaked = |name: &str, text: &str| {
        let mut sources = Sources::new();
        sources.add(name, text);
        let compiled = crate::compile(&sources);
        let codes: Vec<_> = blocking(&compiled.diagnostics)
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(codes, [crate::diagnostic::Code::TableTooLarge]);
        (sources, compiled.model.expect("a model"))
    };
    let (os, om) = unbaked("old.coex", &text(false, false));
    let (ns, nm) = unbaked("new.coex", &text(true, true));
    let result = diff(
        Side {
            model: CheckedModel::new(&om),
            sources: &os,
        },
        Side {
            model: CheckedModel::new(&nm),
            sources: &ns,
        },
    );
    let d = &result.decisions[0];
    let answer: Vec<&Change> = d
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Answer)
        .collect();
    assert_eq!(answer.len(), 1);
    assert_eq!(answer[0].inputs, 10u128.pow(11));
    assert_eq!(answer[0].pattern[0].text, "v9");
    let new: u128 = d
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::NewInputs)
        .map(|c| c.inputs)
        .sum();
    assert_eq!(new, 10u128.pow(11));
}
