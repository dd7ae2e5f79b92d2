//! Hand-written alternatives: a `match`, a dense array indexed by hand, and a
//! `HashMap` keyed by the 5-tuple. The array and the map are filled from the
//! `match`; the `match` is checked against the runtime, the engines and the
//! `expect` lines of rules/route.coex.

use crate::{index, query, Answer, Client, Constraint, Homed, Landing, Mode, Query, Scope, Thread};
use std::collections::HashMap;

/// `route` as a hand-written `match`: tables 1a-2c of rules/route.coex folded
/// by hand, after its three `impossible` constraints (in declaration order).
pub const fn route_match(q: Query) -> Answer {
    use Answer::{Impossible, Route};
    let (sender_mode, sender_client, sender_homed, recipient_mode, scope) = q;
    match (sender_mode, sender_client, sender_homed) {
        (Mode::TeamsOnly, _, Homed::OnPrem) => Impossible(Constraint::TeamsOnlyOnPrem),
        (Mode::TeamsOnly, Client::SfB, _) => Impossible(Constraint::TeamsOnlySfBClient),
        (
            Mode::SfBOnly | Mode::SfBWithTeamsCollab | Mode::SfBWithTeamsCollabAndMeetings,
            Client::Teams,
            _,
        ) => Impossible(Constraint::SfBAnyTeamsClient),
        // Skype for Business client (Islands or SfB* sender): every table agrees.
        (_, Client::SfB, _) => match recipient_mode {
            Mode::TeamsOnly => Route(Landing::Teams, Thread::Interop),
            _ => Route(Landing::SfB, Thread::Native),
        },
        // Teams client, homed on-premises: an Islands sender.
        (_, Client::Teams, Homed::OnPrem) => match (scope, recipient_mode) {
            (Scope::InTenant, Mode::Islands | Mode::TeamsOnly) => {
                Route(Landing::Teams, Thread::Native)
            }
            _ => Route(Landing::NotPossible, Thread::None),
        },
        // Teams client, homed online: an Islands or TeamsOnly sender.
        (_, Client::Teams, Homed::Online) => match (scope, recipient_mode) {
            (Scope::InTenant, Mode::Islands | Mode::TeamsOnly) => {
                Route(Landing::Teams, Thread::Native)
            }
            (Scope::InTenant, _) => Route(Landing::SfB, Thread::Interop),
            (Scope::Federated, Mode::TeamsOnly) => match sender_mode {
                Mode::TeamsOnly => Route(Landing::Teams, Thread::Native),
                _ => Route(Landing::Teams, Thread::Interop),
            },
            (Scope::Federated, _) => Route(Landing::SfB, Thread::Interop),
        },
    }
}

/// Every answer, at the query's mixed-radix [`index`]; built at compile time.
pub static DENSE: [Answer; crate::COMBINATIONS] = {
    let mut table = [Answer::Route(Landing::NotPossible, Thread::None); crate::COMBINATIONS];
    let mut i = 0;
    while i < crate::COMBINATIONS {
        table[i] = route_match(query(i));
        i += 1;
    }
    table
};

/// `route` as one load from [`DENSE`].
#[inline]
pub fn route_dense(q: Query) -> Answer {
    DENSE[index(q)]
}

/// `route` as a `std::collections::HashMap` keyed by the 5-tuple (default hasher).
pub fn route_hash_map() -> HashMap<Query, Answer> {
    crate::all_queries()
        .into_iter()
        .map(|q| (q, route_match(q)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_count() {
        let impossible = DENSE
            .iter()
            .filter(|a| matches!(a, Answer::Impossible(_)))
            .count();
        // TeamsOnly+OnPrem 20, TeamsOnly+SfB 20 (10 shared), SfB*+Teams 60.
        assert_eq!(impossible, 90);
    }

    #[test]
    fn dense_and_map_agree_with_match() {
        let map = route_hash_map();
        for q in crate::all_queries() {
            assert_eq!(route_dense(q), route_match(q));
            assert_eq!(map[&q], route_match(q));
        }
    }
}
