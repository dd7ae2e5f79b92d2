//! `conversation` answers what `route`, `interop_possible`,
//! `federation_possible` and `cloud_federation` answer together, for every
//! input: impossible where one of them (or one tenant in two clouds) rules the
//! input out, not possible where one of them says so, and `route`'s answer
//! otherwise.

use coex::model::{Decision, Model, Ruling, ValueId};

fn decision<'a>(model: &'a Model, name: &str) -> &'a Decision {
    model.decision_named(name).expect("a shipped decision")
}

/// The output values' names, or `None` for an impossible input.
fn answer(model: &Model, d: &Decision, input: &[ValueId]) -> Option<Vec<String>> {
    match d.evaluate(input) {
        Ruling::Row(r) => Some(
            d.outputs
                .iter()
                .zip(&d.rows[r].outputs)
                .map(|(c, &v)| model.enums[c.enum_id].values[v as usize].name.clone())
                .collect(),
        ),
        Ruling::Impossible(_) => None,
        other => panic!("`{}` does not decide {input:?}: {other:?}", d.name),
    }
}

/// The value of the input named `name` in a `conversation` input.
fn value(model: &Model, conversation: &Decision, input: &[ValueId], name: &str) -> String {
    let i = conversation
        .inputs
        .iter()
        .position(|c| c.name == name)
        .expect("an input of conversation");
    model.enums[conversation.inputs[i].enum_id].values[input[i] as usize]
        .name
        .clone()
}

/// The values of `conversation`'s inputs `names`, as the input of another
/// decision.
fn project(conversation: &Decision, input: &[ValueId], names: &[&str]) -> Vec<ValueId> {
    names
        .iter()
        .map(|name| {
            let i = conversation
                .inputs
                .iter()
                .position(|c| c.name == *name)
                .expect("an input of conversation");
            input[i]
        })
        .collect()
}

/// `federation_possible` for the sender, with both of its configuration
/// inputs set to `conversation`'s `federation`: `NotConfigured` stands for
/// any of the three combinations with a configuration missing, which
/// `federation_possible` must answer alike.
fn federation_allows(
    model: &Model,
    federation: &Decision,
    conversation: &Decision,
    input: &[ValueId],
) -> bool {
    let sender = project(conversation, input, &["sender_client", "sender_homed"]);
    let configured = project(conversation, input, &["federation"])[0];
    let ask = |sfb: ValueId, teams: ValueId| {
        answer(model, federation, &[sender[0], sender[1], sfb, teams])
            == Some(vec!["Possible".to_string()])
    };
    let config = &model.enums[federation.inputs[2].enum_id];
    let (yes, no) = (
        config
            .values
            .iter()
            .position(|v| v.name == "Configured")
            .expect("Configured") as ValueId,
        config
            .values
            .iter()
            .position(|v| v.name == "NotConfigured")
            .expect("NotConfigured") as ValueId,
    );
    if configured == yes {
        ask(yes, yes)
    } else {
        assert_eq!(ask(no, yes), ask(no, no));
        assert_eq!(ask(yes, no), ask(no, no));
        ask(no, no)
    }
}

#[test]
fn conversation_agrees_with_the_decisions_it_combines() {
    let sources = coex::shipped::sources();
    let compiled = coex::compile(&sources);
    let model = compiled
        .valid_model()
        .expect("the shipped rules check")
        .model();
    let conversation = decision(model, "conversation");
    let route = decision(model, "route");
    let interop = decision(model, "interop_possible");
    let federation = decision(model, "federation_possible");
    let clouds = decision(model, "cloud_federation");
    // `Client`, `Possibility` and `Cloud` are shared enums, so their value
    // ids mean the same in every decision.
    let sizes: Vec<u32> = conversation
        .inputs
        .iter()
        .map(|c| model.enums[c.enum_id].values.len() as u32)
        .collect();
    let mut input = vec![0; sizes.len()];
    let (mut checked, mut possible) = (0u32, 0u32);
    loop {
        let routed = answer(
            model,
            route,
            &project(
                conversation,
                &input,
                &[
                    "sender_mode",
                    "sender_client",
                    "sender_homed",
                    "recipient_mode",
                    "scope",
                ],
            ),
        );
        let interop_ok = answer(
            model,
            interop,
            &project(
                conversation,
                &input,
                &["topology", "sender_client", "sender_homed"],
            ),
        );
        let in_tenant = value(model, conversation, &input, "scope") == "InTenant";
        let one_cloud = value(model, conversation, &input, "sender_cloud")
            == value(model, conversation, &input, "recipient_cloud");
        let no_teams_only_on_prem = !(in_tenant
            && value(model, conversation, &input, "topology") == "PureOnPrem"
            && value(model, conversation, &input, "recipient_mode") == "TeamsOnly");
        let expected = match (routed, interop_ok) {
            (Some(routed), Some(interop_ok))
                if (one_cloud || !in_tenant) && no_teams_only_on_prem =>
            {
                let allowed = if in_tenant {
                    routed[1] != "Interop" || interop_ok == ["Possible"]
                } else {
                    federation_allows(model, federation, conversation, &input)
                        && answer(
                            model,
                            clouds,
                            &project(conversation, &input, &["sender_cloud", "recipient_cloud"]),
                        ) == Some(vec!["Possible".to_string()])
                };
                Some(if allowed {
                    routed
                } else {
                    vec!["NotPossible".to_string(), "None".to_string()]
                })
            }
            _ => None,
        };
        let actual = answer(model, conversation, &input);
        assert_eq!(
            actual,
            expected,
            "conversation({})",
            model.describe_input(conversation, &input)
        );
        checked += 1;
        if actual.as_ref().is_some_and(|a| a[0] != "NotPossible") {
            possible += 1;
        }
        // Next input, odometer style.
        let mut column = 0;
        loop {
            if column == sizes.len() {
                assert!(
                    checked == 43_200 && possible > 1_000,
                    "{checked} inputs, {possible} possible"
                );
                return;
            }
            input[column] += 1;
            if input[column] < sizes[column] {
                break;
            }
            input[column] = 0;
            column += 1;
        }
    }
}
