//! Shared code for the `route` benchmark: the bench's own copy of the
//! vocabulary, the query stream, and one adaptor per alternative, each
//! answering in the common [`Answer`] form so that they can be compared.
//!
//! The alternatives:
//! - [`runtime`]: `coex-runtime`, typed and string-keyed;
//! - [`hand`]: a hand-written `match`, a dense array and a `HashMap`;
//! - [`engines`]: GoRules zen-engine (JDM decision table) and regorus (Rego).
#![forbid(unsafe_code)]

pub mod engines;
pub mod hand;
pub mod runtime;

use std::fmt;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order (the order of the discriminants).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical spelling.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }

            /// Parses the canonical spelling (exactly; the engines answer in it).
            pub fn parse(s: &str) -> Option<$name> {
                match s { $(stringify!($variant) => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// TeamsUpgrade coexistence mode.
    Mode { Islands, SfBOnly, SfBWithTeamsCollab, SfBWithTeamsCollabAndMeetings, TeamsOnly }
}
vocabulary! {
    /// The client a chat or call is started in.
    Client { Teams, SfB }
}
vocabulary! {
    /// Where the sender's account is homed.
    Homed { Online, OnPrem }
}
vocabulary! {
    /// In-tenant or federated.
    Scope { InTenant, Federated }
}
vocabulary! {
    /// Where the recipient gets the chat or call.
    Landing { Teams, SfB, NotPossible }
}
vocabulary! {
    /// How the conversation is carried.
    Thread { Native, Interop, None }
}

impl Mode {
    /// "SfB*" in the documents.
    pub const fn is_sfb_any(self) -> bool {
        matches!(
            self,
            Mode::SfBOnly | Mode::SfBWithTeamsCollab | Mode::SfBWithTeamsCollabAndMeetings
        )
    }
}

/// The `impossible` constraints of `route`, in declaration order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Constraint {
    TeamsOnlyOnPrem,
    TeamsOnlySfBClient,
    SfBAnyTeamsClient,
}

impl Constraint {
    pub const ALL: &'static [Constraint] = &[
        Constraint::TeamsOnlyOnPrem,
        Constraint::TeamsOnlySfBClient,
        Constraint::SfBAnyTeamsClient,
    ];

    /// The constraint's `because` text in rules/route.coex.
    pub const fn because(self) -> &'static str {
        match self {
            Constraint::TeamsOnlyOnPrem => "users homed on-premises can't be TeamsOnly",
            Constraint::TeamsOnlySfBClient => {
                "TeamsOnly users can't initiate chats or calls in Skype for Business"
            }
            Constraint::SfBAnyTeamsClient => {
                "users in an SfB* mode can't start chats or calls in Teams"
            }
        }
    }

    /// The constraint whose `because` text is `s`.
    pub fn from_because(s: &str) -> Option<Constraint> {
        Constraint::ALL.iter().copied().find(|c| c.because() == s)
    }

    /// The constraint whose `because` text occurs in `s` (an error message).
    pub fn found_in(s: &str) -> Option<Constraint> {
        Constraint::ALL
            .iter()
            .copied()
            .find(|c| s.contains(c.because()))
    }
}

/// What every alternative answers, in one comparable form.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Answer {
    Route(Landing, Thread),
    Impossible(Constraint),
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Route(l, t) => write!(f, "({l}, {t})"),
            Answer::Impossible(c) => write!(f, "impossible: {}", c.because()),
        }
    }
}

/// One `route` query: the inputs in declaration order.
pub type Query = (Mode, Client, Homed, Mode, Scope);

/// The names of `route`'s inputs, in declaration order.
pub const INPUT_NAMES: [&str; 5] = [
    "sender_mode",
    "sender_client",
    "sender_homed",
    "recipient_mode",
    "scope",
];

/// A query in string-keyed form, as the string APIs and the engines get it.
pub type StrQuery = [(&'static str, &'static str); 5];

/// The number of input combinations: 5 * 2 * 2 * 5 * 2.
pub const COMBINATIONS: usize = 200;

/// The mixed-radix index of a query (the discriminants, most significant first).
#[inline(always)]
pub const fn index(q: Query) -> usize {
    (((q.0 as usize * 2 + q.1 as usize) * 2 + q.2 as usize) * 5 + q.3 as usize) * 2 + q.4 as usize
}

/// The query with mixed-radix index `i` (`i < COMBINATIONS`).
pub const fn query(i: usize) -> Query {
    const MODES: [Mode; 5] = [
        Mode::Islands,
        Mode::SfBOnly,
        Mode::SfBWithTeamsCollab,
        Mode::SfBWithTeamsCollabAndMeetings,
        Mode::TeamsOnly,
    ];
    let scope = [Scope::InTenant, Scope::Federated][i % 2];
    let recipient = MODES[(i / 2) % 5];
    let homed = [Homed::Online, Homed::OnPrem][(i / 10) % 2];
    let client = [Client::Teams, Client::SfB][(i / 20) % 2];
    let sender = MODES[i / 40];
    (sender, client, homed, recipient, scope)
}

/// Every input combination, in index order.
pub fn all_queries() -> Vec<Query> {
    (0..COMBINATIONS).map(query).collect()
}

/// The string-keyed form of a query.
pub fn str_query(q: Query) -> StrQuery {
    [
        (INPUT_NAMES[0], q.0.as_str()),
        (INPUT_NAMES[1], q.1.as_str()),
        (INPUT_NAMES[2], q.2.as_str()),
        (INPUT_NAMES[3], q.3.as_str()),
        (INPUT_NAMES[4], q.4.as_str()),
    ]
}

/// The number of queries in the benchmark's stream (a power of two).
pub const STREAM_LEN: usize = 1 << 16;

/// The fixed seed of the stream.
pub const SEED: u64 = 0x636f_6578_2d62_656e; // "coex-ben"

/// `len` queries drawn uniformly (splitmix64, fixed seed) from all 200
/// combinations, impossible ones included.
pub fn stream(len: usize) -> Vec<Query> {
    let mut state = SEED;
    (0..len)
        .map(|_| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^= z >> 31;
            query((z % COMBINATIONS as u64) as usize)
        })
        .collect()
}

/// Maps `(lands, thread)` strings, or an impossible constraint's text, to an [`Answer`].
pub fn answer_from_strs(lands: Option<&str>, thread: Option<&str>) -> Option<Answer> {
    Some(Answer::Route(
        Landing::parse(lands?)?,
        Thread::parse(thread?)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_query_are_inverse() {
        for i in 0..COMBINATIONS {
            assert_eq!(index(query(i)), i);
        }
        let mut seen = std::collections::HashSet::new();
        for q in all_queries() {
            assert!(seen.insert(q));
        }
        assert_eq!(seen.len(), COMBINATIONS);
    }

    #[test]
    fn stream_covers_every_combination() {
        let s = stream(STREAM_LEN);
        let mut counts = [0usize; COMBINATIONS];
        for q in &s {
            counts[index(*q)] += 1;
        }
        assert!(counts.iter().all(|&c| c > 0));
    }
}
