//! The planner answers from its own rules, through the tables coex-build
//! generated: typed, by name, and with the rule's reason for an impossible
//! input.

use migration_planner::{eval, next_mode, Homed, Mode};

#[test]
fn typed_answers_come_from_the_planners_rules() {
    assert_eq!(
        next_mode(Homed::OnPrem, Mode::SfBOnly).map(|o| o.next),
        Ok(Mode::SfBWithTeamsCollabAndMeetings)
    );
    for mode in Mode::ALL {
        assert_eq!(
            next_mode(Homed::Online, mode).map(|o| o.next),
            Ok(Mode::TeamsOnly)
        );
    }
}

#[test]
fn string_answers_accept_any_case_and_aliases() {
    assert_eq!(
        eval(
            "NEXT_MODE",
            &[("current", "meetingsfirst"), ("homed", "onprem")]
        ),
        Ok(&[("next", "SfBWithTeamsCollabAndMeetings")][..])
    );
}

#[test]
fn an_impossible_input_is_an_error_with_the_rules_reason() {
    let error = next_mode(Homed::OnPrem, Mode::TeamsOnly).expect_err("impossible");
    assert_eq!(
        error.to_string(),
        "impossible input for `next_mode`: users homed on-premises can't be TeamsOnly"
    );
    // `?` into a boxed error works: `Impossible` is an `Error`.
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.to_string().contains("on-premises"));
}
