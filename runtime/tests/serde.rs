//! With the `serde` feature, values serialize by name and deserialize from
//! any spelling `FromStr` takes; output structs serialize as maps.
#![cfg(feature = "serde")]

use coex_runtime::{route, Client, Homed, Mode, Scope};

#[test]
fn values_round_trip_by_name_in_any_case_and_alias() {
    assert_eq!(
        serde_json::to_string(&Mode::SfBWithTeamsCollabAndMeetings).unwrap(),
        "\"SfBWithTeamsCollabAndMeetings\""
    );
    let parsed: Mode = serde_json::from_str("\"meetingsfirst\"").unwrap();
    assert_eq!(parsed, Mode::SfBWithTeamsCollabAndMeetings);
    let error = serde_json::from_str::<Mode>("\"Nope\"")
        .unwrap_err()
        .to_string();
    assert!(error.contains("not a value of `Mode`"), "{error}");
}

#[test]
fn outputs_serialize_as_a_map() {
    let answer = route(
        Mode::Islands,
        Client::Teams,
        Homed::Online,
        Mode::SfBOnly,
        Scope::InTenant,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&answer).unwrap(),
        r#"{"lands":"SfB","thread":"Interop"}"#
    );
}
