//! What a tool author copies: ask the baked-in rules where a chat lands,
//! with the typed API, the string API, and an impossible input.
//!
//! Run with `cargo run -p coex-runtime --example helpdesk`.
#![forbid(unsafe_code)]

use coex_runtime::{route, route_rule, Client, Homed, Mode, Scope};

fn main() {
    // Typed: the compiler checks every name; one table lookup per answer.
    let sender: Mode = "Islands".parse().expect("a mode");
    let answer = route(
        sender,
        Client::Teams,
        Homed::Online,
        Mode::SfBOnly,
        Scope::InTenant,
    )
    .expect("a possible input");
    println!(
        "Islands (Teams, online) -> SfBOnly, in-tenant: lands in {}, {} thread",
        answer.lands, answer.thread
    );

    // Why: the row that decided, with its citation. Costs a second lookup,
    // only when asked.
    let rule = route_rule(
        sender,
        Client::Teams,
        Homed::Online,
        Mode::SfBOnly,
        Scope::InTenant,
    )
    .expect("possible");
    println!(
        "  decided by {}:{} ({}), source: {}",
        rule.file, rule.line, rule.table, rule.source
    );

    // Strings, as they arrive from a form or a CSV: any order, any case,
    // aliases accepted. No allocation.
    match coex_runtime::eval(
        "presence",
        &[
            ("watcher_client", "teams"),
            ("publisher_mode", "MeetingsFirst"),
            ("scope", "InTenant"),
        ],
    ) {
        Ok(outputs) => println!("presence of a MeetingsFirst user, seen from Teams: {outputs:?}"),
        Err(e) => println!("error: {e}"),
    }

    // Inputs that cannot exist are errors carrying the rules' reason.
    match route(
        Mode::TeamsOnly,
        Client::SfB,
        Homed::Online,
        Mode::Islands,
        Scope::Federated,
    ) {
        Ok(answer) => println!("unexpected answer {answer:?}"),
        Err(impossible) => println!(
            "TeamsOnly user starting a chat in SfB: {impossible} ({}:{})",
            impossible.file, impossible.line
        ),
    }

    // Mistakes in the question say what would be valid.
    if let Err(e) = coex_runtime::eval("route", &[("sender_mode", "Island")]) {
        println!("a typo: {e}");
    }
}
