//! The general-purpose rule engines, given the same decision:
//! GoRules zen-engine (route.jdm.json, a JDM decision table) and Microsoft's
//! regorus (route.rego, a Rego policy).
//!
//! Both are string-keyed: each lookup builds the engine's input object from
//! the five `(name, value)` string pairs, evaluates, and returns the engine's
//! own result value. [`Zen::answer`] and friends turn that into an [`Answer`]
//! for the agreement check (not timed).

use crate::{answer_from_strs, Answer, Constraint, StrQuery};
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

/// The JDM graph: input node -> decision table (hit policy "first") -> output node.
pub const JDM: &str = include_str!("../route.jdm.json");

/// The Rego policy; its entry point is [`REGO_ENTRY`].
pub const REGO: &str = include_str!("../route.rego");

/// The rule the Rego evaluation asks for.
pub const REGO_ENTRY: &str = "data.coex.route.result";

/// Drives a future that never waits on anything outside itself (zen's decision
/// tables do no I/O) to completion on this thread, with no executor overhead.
fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
            return out;
        }
        std::thread::yield_now();
    }
}

/// zen-engine with route.jdm.json loaded and compiled (`Decision::compile`:
/// expression opcodes cached, decision-table column indexes built).
pub struct Zen {
    decision: zen_engine::Decision,
}

impl Default for Zen {
    fn default() -> Self {
        Self::new()
    }
}

impl Zen {
    pub fn new() -> Self {
        let content: zen_engine::model::DecisionContent =
            serde_json::from_str(JDM).expect("route.jdm.json is a JDM graph");
        let engine = zen_engine::DecisionEngine::default();
        let mut decision = engine
            .create_decision(Arc::new(content))
            .expect("route.jdm.json is a graph, not a policy");
        decision.compile();
        decision.validate().expect("route.jdm.json validates");
        Zen { decision }
    }

    /// One lookup: the input object from the strings, `Decision::evaluate`, its result.
    #[inline]
    pub fn eval(&self, q: &StrQuery) -> zen_engine::Variable {
        let input = zen_engine::Variable::empty_object();
        for &(name, value) in q {
            input.dot_insert(name, zen_engine::Variable::String(value.into()));
        }
        block_on(self.decision.evaluate(input))
            .expect("zen evaluates route")
            .result
    }

    /// The lookup's result as an [`Answer`] (`None` if it is not understood).
    pub fn answer(&self, q: &StrQuery) -> Option<Answer> {
        let result = self.eval(q);
        if let Some(why) = result.dot("impossible") {
            return Constraint::from_because(why.as_str()?).map(Answer::Impossible);
        }
        let lands = result.dot("lands");
        let thread = result.dot("thread");
        answer_from_strs(lands.as_ref()?.as_str(), thread.as_ref()?.as_str())
    }
}

fn rego_input(q: &StrQuery) -> regorus::Value {
    let mut object = BTreeMap::new();
    for &(name, value) in q {
        object.insert(regorus::Value::from(name), regorus::Value::from(value));
    }
    regorus::Value::from(object)
}

fn rego_answer(result: &regorus::Value) -> Option<Answer> {
    let why = &result["impossible"];
    if why != &regorus::Value::Undefined {
        return Constraint::from_because(why.as_string().ok()?).map(Answer::Impossible);
    }
    answer_from_strs(
        result["lands"].as_string().ok().map(|s| &**s),
        result["thread"].as_string().ok().map(|s| &**s),
    )
}

/// regorus' fastest path: route.rego compiled (`Engine::compile_with_entrypoint`)
/// and then to an RVM program (`Compiler::compile_from_policy`), run by a
/// reused `RegoVM` (`set_input` + `execute` per lookup).
pub struct RegoVm {
    vm: regorus::rvm::vm::RegoVM,
}

impl Default for RegoVm {
    fn default() -> Self {
        Self::new()
    }
}

impl RegoVm {
    pub fn new() -> Self {
        let mut engine = regorus::Engine::new();
        engine
            .add_policy("route.rego".to_string(), REGO.to_string())
            .expect("route.rego parses");
        let entry: regorus::Rc<str> = REGO_ENTRY.into();
        let compiled = engine
            .compile_with_entrypoint(&entry)
            .expect("route.rego compiles");
        let program = regorus::languages::rego::compiler::Compiler::compile_from_policy(
            &compiled,
            &[REGO_ENTRY],
        )
        .expect("route.rego compiles to an RVM program");
        let mut vm = regorus::rvm::vm::RegoVM::new();
        vm.load_program(program);
        RegoVm { vm }
    }

    /// One lookup: the input object from the strings, `set_input`, `execute`.
    #[inline]
    pub fn eval(&mut self, q: &StrQuery) -> regorus::Value {
        self.vm.set_input(rego_input(q));
        self.vm.execute().expect("regorus RVM evaluates route")
    }

    pub fn answer(&mut self, q: &StrQuery) -> Option<Answer> {
        rego_answer(&self.eval(q))
    }
}

/// regorus' tree-walking interpreter, for comparison: a reused `Engine`
/// (`set_input` + `eval_rule` per lookup).
pub struct RegoInterpreter {
    engine: regorus::Engine,
}

impl Default for RegoInterpreter {
    fn default() -> Self {
        Self::new()
    }
}

impl RegoInterpreter {
    pub fn new() -> Self {
        let mut engine = regorus::Engine::new();
        engine
            .add_policy("route.rego".to_string(), REGO.to_string())
            .expect("route.rego parses");
        RegoInterpreter { engine }
    }

    #[inline]
    pub fn eval(&mut self, q: &StrQuery) -> regorus::Value {
        self.engine.set_input(rego_input(q));
        self.engine
            .eval_rule(REGO_ENTRY.to_string())
            .expect("regorus evaluates route")
    }

    pub fn answer(&mut self, q: &StrQuery) -> Option<Answer> {
        rego_answer(&self.eval(q))
    }
}
