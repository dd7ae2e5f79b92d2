//! `coex diff`: the history rule sets show the changes their headers
//! document and nothing else; small fixture pairs show each kind of change;
//! the binary's exit codes, formats and `--git`.
//!
//! Refresh the snapshots with `INSTA_UPDATE=always cargo test --test diff`
//! (or `cargo insta test --review`), then read the diff.

use coex::diff::{self, Change, ChangeKind, Diff, Outcome, Side, Status};
use coex::source::Sources;
use coex::Compiled;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `coex diff --git` in a temporary repository.
#[path = "diff/git.rs"]
mod git;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A rule set under the repository, its files named `<dir>/<file>`.
fn load(dir: &str) -> (Sources, Compiled) {
    let sources = coex::fs::read_rule_set_as(&root().join(dir), dir).expect("read the rule set");
    let compiled = coex::compile(&sources);
    assert!(
        coex::diagnostic::blocking(&compiled.diagnostics).is_empty(),
        "{}",
        coex::diagnostic::render(&sources, &compiled.diagnostics, false)
    );
    (sources, compiled)
}

fn diff_dirs(old: &str, new: &str) -> Diff {
    let (old_sources, old_model) = load(old);
    let (new_sources, new_model) = load(new);
    diff::diff(
        Side {
            model: old_model.checked().expect("checked"),
            sources: &old_sources,
        },
        Side {
            model: new_model.checked().expect("checked"),
            sources: &new_sources,
        },
    )
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, text);
    });
}

/// The names of the decisions with a status.
fn with_status(diff: &Diff, status: Status) -> Vec<&str> {
    diff.decisions
        .iter()
        .filter(|d| d.status == status)
        .map(|d| d.name.as_str())
        .collect()
}

/// The change of `decision` holding the input given as `(input, value)` pairs.
fn change_of<'a>(diff: &'a Diff, decision: &str, input: &[(&str, &str)]) -> &'a Change {
    let d = diff
        .decisions
        .iter()
        .find(|d| d.name == decision)
        .unwrap_or_else(|| panic!("no decision `{decision}`"));
    d.changes
        .iter()
        .find(|c| {
            input.iter().all(|(name, value)| {
                c.pattern
                    .iter()
                    .any(|cell| cell.input == *name && cell.values.iter().any(|v| v == value))
            })
        })
        .unwrap_or_else(|| panic!("no change of `{decision}` holds {input:?}"))
}

fn outputs(pairs: &[(&str, &str)]) -> Option<Outcome> {
    Some(Outcome::Outputs(
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
    ))
}

fn impossible(change: &Option<Outcome>) -> bool {
    matches!(change, Some(Outcome::Impossible(_)))
}

// ------------------------------------------------------------- history sets

#[test]
fn from_2019_06_to_2021_06_native_federation_teams_escalation_july_2019_build() {
    let d = diff_dirs("rules/history/2019-06", "rules/history/2021-06");
    snapshot("diff__2019-06__2021-06", &d.text());
    // C14: native federated chat between two TeamsOnly users.
    let route = change_of(
        &d,
        "route",
        &[
            ("sender_mode", "TeamsOnly"),
            ("sender_client", "Teams"),
            ("sender_homed", "Online"),
            ("recipient_mode", "TeamsOnly"),
            ("scope", "Federated"),
        ],
    );
    assert_eq!(route.kind, ChangeKind::Answer);
    assert_eq!(route.inputs, 1);
    assert_eq!(
        route.old,
        outputs(&[("lands", "Teams"), ("thread", "Interop")])
    );
    assert_eq!(
        route.new,
        outputs(&[("lands", "Teams"), ("thread", "Native")])
    );
    assert_eq!(route.old_rules[0].file, "rules/history/2019-06/route.coex");
    assert_eq!(route.new_rules[0].file, "rules/history/2021-06/route.coex");
    // C15: escalation from Teams; C16: the July 2019 build exists.
    let teams = change_of(&d, "escalation", &[("initiator_client", "Teams")]);
    assert_eq!(teams.new, outputs(&[("creates", "TeamsMeetNow")]));
    let build = change_of(
        &d,
        "sfb_interop_window",
        &[("sfb_client_build", "July2019OrLater")],
    );
    assert!(impossible(&build.old) && !impossible(&build.new));
    // Nothing else: C15 also adds where escalation from Teams works, and
    // 2021-06 has `conversation` (2019-06 leaves it out, see its header).
    assert_eq!(
        with_status(&d, Status::Changed),
        [
            "escalation",
            "interop_feature",
            "route",
            "sfb_interop_window"
        ]
    );
    assert_eq!(
        with_status(&d, Status::Added),
        ["conversation", "teams_escalation"]
    );
    assert_eq!(
        d.decisions.len(),
        with_status(&d, Status::Unchanged).len() + 6
    );
    let enums: Vec<&str> = d.enums.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        enums,
        [
            "CallOnEscalation",
            "EscalationMeeting",
            "EscalationSupport",
            "InteropConversation",
            "SfBInteropWindow",
            "TeamsClientApp"
        ]
    );
}

#[test]
fn from_2021_06_to_2021_08_online_users_only_teams_only() {
    let d = diff_dirs("rules/history/2021-06", "rules/history/2021-08");
    snapshot("diff__2021-06__2021-08", &d.text());
    // C18: online-homed originators other than TeamsOnly are impossible.
    let route = change_of(
        &d,
        "route",
        &[
            ("sender_mode", "Islands"),
            ("sender_client", "Teams"),
            ("sender_homed", "Online"),
            ("recipient_mode", "SfBOnly"),
            ("scope", "InTenant"),
        ],
    );
    assert_eq!(
        route.old,
        outputs(&[("lands", "SfB"), ("thread", "Interop")])
    );
    assert!(impossible(&route.new));
    let assignable = change_of(
        &d,
        "assignable",
        &[("homed", "Online"), ("mode", "Islands")],
    );
    assert_eq!(assignable.new, outputs(&[("can_assign", "NotAssignable")]));
    let default = change_of(&d, "default_mode", &[("homed", "Online")]);
    assert_eq!(default.new, outputs(&[("mode", "TeamsOnly")]));
    assert_eq!(
        with_status(&d, Status::Changed),
        [
            "assignable",
            "conversation",
            "default_mode",
            "federation_possible",
            "interop_possible",
            "route"
        ]
    );
    assert!(d.enums.is_empty());
}

#[test]
fn from_2021_08_to_the_shipped_rules() {
    let d = diff_dirs("rules/history/2021-08", "rules");
    snapshot("diff__2021-08__rules", &d.text());
    // C21/C22: TeamsOnly users without a Skype for Business Online account
    // join Skype for Business meetings anonymously.
    let join = change_of(
        &d,
        "sfb_meeting_identity",
        &[
            ("participant_mode", "TeamsOnly"),
            ("sfb_account", "NeverProvisioned"),
        ],
    );
    assert!(impossible(&join.old));
    assert_eq!(join.new, outputs(&[("joins_as", "Anonymous")]));
    assert_eq!(with_status(&d, Status::Added), ["teams_only_sfb_account"]);
}

#[test]
fn from_2016_11_to_2017_08_interop_with_hybrid_and_the_last_active_endpoint() {
    let d = diff_dirs("rules/history/2016-11", "rules/history/2017-08");
    snapshot("diff__2016-11__2017-08", &d.text());
    // An on-premises-homed Teams sender: "stuck in a sending state forever"
    // in 2016; interop with "Skype for Business Online or Hybrid" in 2017.
    let on_prem = change_of(
        &d,
        "im_from_teams",
        &[("topology", "Hybrid"), ("sender_homed", "OnPrem")],
    );
    assert_eq!(on_prem.kind, ChangeKind::Answer);
    assert_eq!(
        on_prem.old,
        outputs(&[("lands", "NotPossible"), ("thread", "None")])
    );
    assert_eq!(
        on_prem.new,
        outputs(&[("lands", "SfB"), ("thread", "Interop")])
    );
    assert_eq!(on_prem.old_rules[0].file, "rules/history/2016-11/im.coex");
    assert_eq!(
        on_prem.new_rules[0].file,
        "rules/history/2017-08/delivery.coex"
    );
    // From Skype for Business: dual notifications in 2016, the last active
    // endpoint in 2017.
    let dual = change_of(
        &d,
        "im_from_sfb",
        &[
            ("recipient_homed", "Online"),
            ("recipient_teams", "SignedIn"),
            ("recipient_last_active", "Teams"),
        ],
    );
    assert_eq!(dual.old, outputs(&[("arrives_in", "TeamsAndSfB")]));
    assert_eq!(dual.new, outputs(&[("arrives_in", "Teams")]));
    assert_eq!(
        with_status(&d, Status::Changed),
        ["im_from_sfb", "im_from_teams"]
    );
    assert!(with_status(&d, Status::Removed).contains(&"integration"));
    assert!(with_status(&d, Status::Added).contains(&"call_or_invite"));
    assert_eq!(
        with_status(&d, Status::SignatureChanged),
        Vec::<&str>::new()
    );
}

#[test]
fn every_rule_set_equals_itself() {
    for dir in ["rules", "rules/history/2016-11", "rules/history/2019-06"] {
        let d = diff_dirs(dir, dir);
        assert!(d.is_same(), "{dir}:\n{}", d.text());
        assert!(d
            .decisions
            .iter()
            .all(|d| d.changes.is_empty() && d.notes.is_empty()));
    }
}

// ------------------------------------------------------------------ fixtures

fn coex(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coex"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run coex")
}

fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `coex diff old new` in a fixture's directory, its transcript snapshot.
fn fixture(case: &str) -> Output {
    let dir = root().join("tests/fixtures/diff").join(case);
    let output = coex(&["diff", "old", "new"], &dir);
    snapshot(&format!("diff_fixture__{case}"), &transcript(&output));
    output
}

#[test]
fn value_added_to_an_enum_gives_new_inputs() {
    let output = fixture("value_added");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("enum `Mode`: value `SfBOnly` added"));
    assert!(stdout.contains("5 new inputs"));
}

#[test]
fn decision_added_and_removed() {
    let output = fixture("decision_added_removed");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("decision `escalation`: added"));
    assert!(stdout.contains("decision `presence`: removed"));
}

#[test]
fn signature_change_is_reported_not_compared() {
    let output = fixture("signature_change");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("decision `route`: input `scope` added; answers not compared"));
    assert!(stdout.contains("output `result` renamed to `schedules`"));
}

#[test]
fn impossible_and_answer_are_a_change_both_ways() {
    let output = fixture("impossible_answer");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("impossible (on-premises users are not in Islands yet) || Teams"));
    assert!(stdout.contains("|| impossible (users homed on-premises can't be TeamsOnly)"));
}

#[test]
fn failing_expect_on_the_new_side_still_diffs() {
    let output = fixture("failing_expect");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Interop     || Native"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not hold"));
}

#[test]
fn gap_on_the_new_side_refuses_with_the_diagnostic() {
    let output = fixture("gap");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[E0009/gap]") && stderr.contains("new/rules.coex"));
}

// ----------------------------------------------------------------- the binary

#[test]
fn shipped_rules_against_themselves_exit_0() {
    let output = coex(&["diff", "rules", "rules"], &root());
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("no differences"));
}

#[test]
fn history_pair_as_text_and_markdown() {
    let args = ["diff", "rules/history/2019-06", "rules/history/2021-06"];
    let text = coex(&args, &root());
    assert_eq!(text.status.code(), Some(1));
    let markdown = coex(&[&args[..], &["--format", "markdown"]].concat(), &root());
    assert_eq!(markdown.status.code(), Some(1));
    snapshot("diff_cli__markdown", &transcript(&markdown));
}

#[test]
fn json_is_machine_readable() {
    let args = [
        "diff",
        "rules/history/2019-06",
        "rules/history/2021-06",
        "--format",
        "json",
    ];
    let output = coex(&args, &root());
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["same"], false);
    assert_eq!(json["old"], "rules/history/2019-06");
    let route = json["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .find(|d| d["name"] == "route")
        .expect("route");
    assert_eq!(route["status"], "changed");
    let change = &route["changes"][0];
    assert_eq!(change["kind"], "answer");
    assert_eq!(change["pattern"]["sender_mode"], "TeamsOnly");
    assert_eq!(change["values"]["scope"][0], "Federated");
    assert_eq!(change["inputs"], 1);
    assert_eq!(change["old"]["outputs"]["thread"], "Interop");
    assert_eq!(change["new"]["outputs"]["thread"], "Native");
    assert_eq!(
        change["old_rules"][0]["file"],
        "rules/history/2019-06/route.coex"
    );
    assert!(change["new_rules"][0]["line"].as_u64().is_some());
    let escalation = json["enums"]
        .as_array()
        .expect("enums")
        .iter()
        .find(|e| e["name"] == "EscalationMeeting")
        .expect("EscalationMeeting");
    assert_eq!(escalation["values_added"][0], "TeamsMeetNow");
    assert_eq!(json["summary"]["changed"], 4);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["diff", "rules"][..],
        &["diff", "rules", "rules", "--git", "HEAD"],
        &["diff", "rules", "no/such/dir"],
        &["diff", "rules", "rules", "--rules", "rules"],
    ] {
        let output = coex(args, &root());
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            transcript(&output)
        );
    }
}
