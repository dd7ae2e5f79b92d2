//! `coex-runtime`, the crate under test: its typed API (`route`), its phf
//! variant (`route_via_phf`, feature `bench-alternatives`) and its
//! string-keyed API (`eval`).

use crate::{answer_from_strs, Answer, Constraint, Landing, Query, StrQuery, Thread};
use coex_runtime as rt;

/// A query in the runtime's own types.
pub type TypedQuery = (rt::Mode, rt::Client, rt::Homed, rt::Mode, rt::Scope);

/// Converts a query to the runtime's types through their `FromStr`.
pub fn typed_query(q: Query) -> TypedQuery {
    fn parse<T: std::str::FromStr>(s: &str) -> T {
        s.parse()
            .unwrap_or_else(|_| panic!("coex-runtime does not parse {s:?}"))
    }
    (
        parse(q.0.as_str()),
        parse(q.1.as_str()),
        parse(q.2.as_str()),
        parse(q.3.as_str()),
        parse(q.4.as_str()),
    )
}

pub fn typed_queries(queries: &[Query]) -> Vec<TypedQuery> {
    queries.iter().map(|&q| typed_query(q)).collect()
}

fn from_typed(result: Result<rt::RouteOutput, rt::Impossible>) -> Answer {
    match result {
        Ok(out) => Answer::Route(
            Landing::parse(out.lands.as_str()).expect("a Landing"),
            Thread::parse(out.thread.as_str()).expect("a Thread"),
        ),
        Err(impossible) => Answer::Impossible(
            Constraint::from_because(impossible.reason)
                .unwrap_or_else(|| panic!("unknown reason {:?}", impossible.reason)),
        ),
    }
}

/// `coex_runtime::route`, as an [`Answer`].
pub fn typed_answer(q: Query) -> Answer {
    let (a, b, c, d, e) = typed_query(q);
    from_typed(rt::route(a, b, c, d, e))
}

/// `coex_runtime::route_via_phf`, as an [`Answer`].
#[cfg(feature = "runtime-phf")]
pub fn phf_answer(q: Query) -> Answer {
    let (a, b, c, d, e) = typed_query(q);
    from_typed(rt::route_via_phf(a, b, c, d, e))
}

/// `coex_runtime::eval("route", ..)`, as an [`Answer`] (`None` for any other error).
pub fn eval_answer(s: &StrQuery) -> Option<Answer> {
    match rt::eval("route", s) {
        Ok(pairs) => {
            let get = |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
            answer_from_strs(get("lands"), get("thread"))
        }
        Err(rt::EvalError::Impossible(impossible)) => {
            Constraint::from_because(impossible.reason).map(Answer::Impossible)
        }
        Err(_) => None,
    }
}
