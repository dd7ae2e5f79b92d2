//! The baked tables answer exactly as the checker reads the rules: for every
//! decision of the shipped rule set and every possible input, `eval` gives
//! the deciding row's outputs, or the constraint's reason.

use coex::model::Ruling;

#[test]
fn every_input_of_every_decision() {
    let sources =
        coex::fs::read_rule_set(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules"))
            .expect("the shipped rules");
    let compiled = coex::compile(&sources);
    let model = compiled
        .valid_model()
        .expect("the shipped rules have no errors");
    assert_eq!(
        coex_runtime::DECISION_NAMES,
        model
            .decisions
            .iter()
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>()
            .as_slice()
    );
    let mut checked = 0u64;
    for decision in &model.decisions {
        let sizes: Vec<u32> = decision
            .inputs
            .iter()
            .map(|c| model.enums[c.enum_id].values.len() as u32)
            .collect();
        let volume: u64 = sizes.iter().map(|&s| s as u64).product();
        for index in 0..volume {
            // The mixed-radix digits of `index`, first input most significant.
            let mut rest = index;
            let mut point = vec![0u32; sizes.len()];
            for (digit, &size) in point.iter_mut().zip(&sizes).rev() {
                *digit = (rest % size as u64) as u32;
                rest /= size as u64;
            }
            let mut names: Vec<(&str, &str)> = decision
                .inputs
                .iter()
                .zip(&point)
                .map(|(c, &v)| {
                    (
                        c.name.as_str(),
                        model.enums[c.enum_id].values[v as usize].name.as_str(),
                    )
                })
                .collect();
            // Every other input in reverse order: names out of declaration
            // order take the phf map, in order the positional shortcut.
            if index % 2 == 1 {
                names.reverse();
            }
            // Every third input shouted: names as the rules spell them are
            // found at once, any other spelling after folding its case.
            let shouted: Vec<(String, String)> = names
                .iter()
                .map(|(n, v)| (n.to_ascii_uppercase(), v.to_ascii_uppercase()))
                .collect();
            let shouted: Vec<(&str, &str)> = shouted
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            let asked = if index % 3 == 2 { &shouted } else { &names };
            let baked = coex_runtime::eval(&decision.name, asked);
            let explained = coex_runtime::explain(&decision.name, asked);
            match decision.evaluate(&point) {
                Ruling::Row(r) => {
                    let row = &decision.rows[r];
                    let expected: Vec<(&str, &str)> = decision
                        .outputs
                        .iter()
                        .zip(&row.outputs)
                        .map(|(c, &v)| {
                            (
                                c.name.as_str(),
                                model.enums[c.enum_id].values[v as usize].name.as_str(),
                            )
                        })
                        .collect();
                    assert_eq!(
                        baked.expect("possible"),
                        expected.as_slice(),
                        "{} {names:?}",
                        decision.name
                    );
                    let rule = explained.expect("possible").rule;
                    assert_eq!(
                        rule.line as usize,
                        sources.location(row.span).line,
                        "{} {names:?}",
                        decision.name
                    );
                }
                Ruling::Impossible(c) => {
                    let because = &decision.constraints[c].because;
                    match baked {
                        Err(coex_runtime::EvalError::Impossible(i)) => {
                            assert_eq!(i.reason, because)
                        }
                        other => panic!(
                            "{} {names:?}: expected impossible, got {other:?}",
                            decision.name
                        ),
                    }
                }
                other => panic!("the checker accepted a rule set with {other:?}"),
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "walked {checked} inputs");
}

#[test]
fn typed_api_matches_string_api_for_route() {
    use coex_runtime::{route, Client, Homed, Mode, Scope};
    for sender in Mode::ALL {
        for client in Client::ALL {
            for homed in Homed::ALL {
                for recipient in Mode::ALL {
                    for scope in Scope::ALL {
                        let typed = route(sender, client, homed, recipient, scope);
                        let strings = coex_runtime::eval(
                            "route",
                            &[
                                ("sender_mode", sender.as_str()),
                                ("sender_client", client.as_str()),
                                ("sender_homed", homed.as_str()),
                                ("recipient_mode", recipient.as_str()),
                                ("scope", scope.as_str()),
                            ],
                        );
                        match (typed, strings) {
                            (Ok(t), Ok(s)) => {
                                assert_eq!(
                                    s,
                                    &[("lands", t.lands.as_str()), ("thread", t.thread.as_str())]
                                )
                            }
                            (Err(a), Err(coex_runtime::EvalError::Impossible(b))) => {
                                assert_eq!(a, b)
                            }
                            (t, s) => panic!("typed {t:?} vs strings {s:?}"),
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn names_ignore_case_and_accept_aliases() {
    use coex_runtime::Mode;
    assert_eq!(
        "meetingsfirst".parse::<Mode>(),
        Ok(Mode::SfBWithTeamsCollabAndMeetings)
    );
    assert_eq!("TEAMSONLY".parse::<Mode>(), Ok(Mode::TeamsOnly));
    assert!("Teams Only".parse::<Mode>().is_err());
    let error = "Island".parse::<Mode>().unwrap_err().to_string();
    assert!(error.contains("`Islands`"), "{error}");
}

#[test]
fn string_errors_say_what_is_wrong() {
    use coex_runtime::{eval, EvalError};
    let route = |inputs: &[(&'static str, &'static str)]| eval("route", inputs).unwrap_err();
    assert!(matches!(
        eval("rout", &[]),
        Err(EvalError::UnknownDecision {
            decision: "rout",
            ..
        })
    ));
    let message = eval("rout", &[]).unwrap_err().to_string();
    assert!(
        message.starts_with("unknown decision `rout`; the decisions are `"),
        "{message}"
    );
    assert!(message.contains("`route`"), "{message}");
    // Errors are `Error`s: `?` into a boxed error works.
    let boxed: Box<dyn std::error::Error> = Box::new(eval("rout", &[]).unwrap_err());
    assert!(boxed.to_string().contains("rout"));
    // More than 256 inputs, and repeated beyond: refused, not confused.
    let many: Vec<(String, &str)> = (0..300).map(|i| (format!("x{i}"), "a")).collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    assert!(matches!(
        eval("route", &many),
        Err(EvalError::UnknownInput { input: "x0", .. })
    ));
    assert!(matches!(
        route(&[("mode", "Islands")]),
        EvalError::UnknownInput { input: "mode", .. }
    ));
    assert!(matches!(
        route(&[("sender_mode", "Islands"), ("SENDER_MODE", "Islands")]),
        EvalError::RepeatedInput {
            input: "sender_mode",
            ..
        }
    ));
    assert!(matches!(
        route(&[("sender_mode", "Islands")]),
        EvalError::MissingInput {
            input: "sender_client",
            ..
        }
    ));
    assert!(matches!(
        route(&[("sender_mode", "Isl")]),
        EvalError::UnknownValue { value: "Isl", .. }
    ));
    // A value longer than any name cannot match, and does not overflow.
    let long = "x".repeat(10_000);
    assert!(matches!(
        eval(&long, &[]),
        Err(EvalError::UnknownDecision { .. })
    ));
    assert!(eval("route", &[("sender_mode", "Ïslands")]).is_err());
}
