//! Teams / Skype for Business coexistence decisions, compiled from the coex
//! rule set at build time into perfect-hash and dense lookup tables.
//!
//! Every decision of the rules is a function with typed inputs, answering
//! with one table lookup and no allocation:
//!
//! ```
//! use coex_runtime::{route, Client, Homed, Landing, Mode, Scope, Thread};
//!
//! let answer = route(Mode::Islands, Client::Teams, Homed::Online, Mode::SfBOnly, Scope::InTenant).unwrap();
//! assert_eq!((answer.lands, answer.thread), (Landing::SfB, Thread::Interop));
//!
//! // Inputs that cannot exist are errors carrying the rules' reason.
//! let impossible = route(Mode::TeamsOnly, Client::Teams, Homed::OnPrem, Mode::Islands, Scope::InTenant).unwrap_err();
//! assert_eq!(impossible.reason, "users homed on-premises can't be TeamsOnly");
//! ```
//!
//! The string-keyed [`eval`] takes names in any order, ignoring case:
//!
//! ```
//! let outputs = coex_runtime::eval("route", &[
//!     ("scope", "InTenant"), ("sender_mode", "islands"), ("sender_client", "Teams"),
//!     ("sender_homed", "Online"), ("recipient_mode", "MeetingsFirst"),
//! ]).unwrap();
//! assert_eq!(outputs, &[("lands", "SfB"), ("thread", "Interop")]);
//! ```
//!
//! Each decision `d` also has `d_rule(...)`, and [`explain`] the string form,
//! naming the row that decided: its table, file, line and `source` citation.
//!
//! The tables come from `../rules`, or from the directory in the
//! `COEX_RULES_DIR` environment variable at build time.
#![no_std]
#![forbid(unsafe_code)]

include!(concat!(env!("OUT_DIR"), "/coex_tables.rs"));
