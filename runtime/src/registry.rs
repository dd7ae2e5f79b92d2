//! The string-keyed lookup every generated rule set shares: a rule set's
//! tables are described by one [`RuleSet`] value, and [`eval`] and
//! [`explain`] answer from it without allocating.
//!
//! A name is found by comparing it with the rules' own spellings first
//! (the usual case: one or a few byte comparisons), and only then through
//! the rule set's phf maps, which hold every spelling (as written, aliases,
//! lowercase). A spelling in another case is folded to lowercase on the
//! stack and looked up once more.

use crate::support::{Constraint, EvalError, Explanation, Impossible, Rule};

/// The phf map type the generated tables use for names.
pub type NameMap = phf::Map<&'static str, u32>;

/// Up to this many names are compared one by one before the phf map is
/// asked; above it, the map alone.
const SCAN_LIMIT: usize = 32;

/// Names up to this length are case-folded on the stack; longer ones (rare:
/// no rule set spells such names) are compared with every key in turn.
const FOLD_BUFFER: usize = 64;

/// The table of one decision, indexed in mixed-radix order.
#[derive(Debug)]
pub enum Entries {
    /// One byte per entry.
    U8(&'static [u8]),
    /// Two bytes per entry.
    U16(&'static [u16]),
    /// Four bytes per entry.
    U32(&'static [u32]),
}

impl Entries {
    #[inline]
    fn get(&self, index: usize) -> usize {
        match self {
            Entries::U8(e) => e[index] as usize,
            Entries::U16(e) => e[index] as usize,
            Entries::U32(e) => e[index] as usize,
        }
    }
}

/// One input of a decision.
#[derive(Debug)]
pub struct InputInfo {
    /// The input's name as the rules spell it.
    pub name: &'static str,
    /// Every spelling of its enum's values, to the value's number.
    pub values: &'static NameMap,
    /// The values as the rules spell them, by number.
    pub value_names: &'static [&'static str],
    /// How far one step of this input moves in the table.
    pub stride: usize,
}

/// One decision of a rule set.
#[derive(Debug)]
pub struct DecisionInfo {
    /// The decision's name as the rules spell it.
    pub name: &'static str,
    /// Every spelling of its input names, to the input's position.
    pub input_index: &'static NameMap,
    /// The inputs, in declaration order.
    pub inputs: &'static [InputInfo],
    /// The input names, in declaration order.
    pub input_names: &'static [&'static str],
    /// Per input: an outcome index, or `pairs.len() + constraint`.
    pub entries: Entries,
    /// Each outcome as `(output, value)` pairs.
    pub pairs: &'static [&'static [(&'static str, &'static str)]],
    /// The decision's `impossible` constraints.
    pub constraints: &'static [Constraint],
    /// Per input: the index of the deciding row in `rules`.
    pub rule_of: Entries,
    /// The decision's rows.
    pub rules: &'static [Rule],
}

/// Every decision of one rule set.
#[derive(Debug)]
pub struct RuleSet {
    /// Every spelling of the decision names, to the decision's number.
    pub decision_index: &'static NameMap,
    /// The decisions, in rule-set order.
    pub decisions: &'static [DecisionInfo],
    /// The decision names, in rule-set order.
    pub decision_names: &'static [&'static str],
}

/// Find a name: its own spelling by comparison, any spelling through `map`.
#[inline]
pub fn find(names: &[&str], map: &NameMap, key: &str) -> Option<usize> {
    if names.len() <= SCAN_LIMIT {
        if let Some(i) = names.iter().position(|name| *name == key) {
            return Some(i);
        }
    }
    if let Some(&value) = map.get(key) {
        return Some(value as usize);
    }
    folded(map, key)
}

/// Look a name up in another case: every name is a lowercase key too.
#[cold]
fn folded(map: &NameMap, key: &str) -> Option<usize> {
    let bytes = key.as_bytes();
    if bytes.len() > FOLD_BUFFER {
        return map
            .entries()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, &v)| v as usize);
    }
    let mut buffer = [0u8; FOLD_BUFFER];
    let lower = &mut buffer[..bytes.len()];
    for (to, from) in lower.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    // Lowercasing ASCII bytes keeps UTF-8 valid.
    let lower = core::str::from_utf8(lower).ok()?;
    map.get(lower).map(|&v| v as usize)
}

/// Which input positions have a value: a bit set for the first 256, and a
/// look back over the given names beyond (no rule set has that many).
struct Given<'i, 'a> {
    low: [u64; 4],
    inputs: &'i [(&'a str, &'a str)],
}

impl Given<'_, '_> {
    /// Record position `at` for the input at `i`; false if already given.
    fn insert(&mut self, info: &DecisionInfo, i: usize, at: usize) -> bool {
        if at < 256 {
            let (word, bit) = (at / 64, 1u64 << (at % 64));
            let fresh = self.low[word] & bit == 0;
            self.low[word] |= bit;
            return fresh;
        }
        !self.inputs[..i]
            .iter()
            .any(|(name, _)| position(info, usize::MAX, name) == Some(at))
    }

    fn contains(&self, info: &DecisionInfo, at: usize) -> bool {
        if at < 256 {
            return self.low[at / 64] & (1 << (at % 64)) != 0;
        }
        self.inputs
            .iter()
            .any(|(name, _)| position(info, usize::MAX, name) == Some(at))
    }
}

/// The position of input `name`, given at `i` (inputs given in declaration
/// order, the usual case, are recognised by one comparison).
#[inline]
fn position(info: &DecisionInfo, i: usize, name: &str) -> Option<usize> {
    match info.input_names.get(i) {
        Some(expected) if *expected == name || expected.eq_ignore_ascii_case(name) => Some(i),
        _ => find(&[], info.input_index, name),
    }
}

/// The decision and the table index of an input given by name.
fn locate<'a>(
    set: &'static RuleSet,
    decision: &'a str,
    inputs: &[(&'a str, &'a str)],
) -> Result<(&'static DecisionInfo, usize), EvalError<'a>> {
    let Some(d) = find(set.decision_names, set.decision_index, decision) else {
        return Err(EvalError::UnknownDecision {
            decision,
            expected: set.decision_names,
        });
    };
    let info = &set.decisions[d];
    let mut given = Given {
        low: [0; 4],
        inputs,
    };
    let mut index = 0usize;
    for (i, &(name, value)) in inputs.iter().enumerate() {
        let Some(at) = position(info, i, name) else {
            return Err(EvalError::UnknownInput {
                decision: info.name,
                input: name,
                expected: info.input_names,
            });
        };
        let input = &info.inputs[at];
        if !given.insert(info, i, at) {
            return Err(EvalError::RepeatedInput {
                decision: info.name,
                input: input.name,
            });
        }
        let Some(v) = find(input.value_names, input.values, value) else {
            return Err(EvalError::UnknownValue {
                decision: info.name,
                input: input.name,
                value,
                expected: input.value_names,
            });
        };
        index += v * input.stride;
    }
    if inputs.len() != info.inputs.len() {
        let missing = (0..info.inputs.len())
            .find(|&at| !given.contains(info, at))
            .unwrap_or(0);
        return Err(EvalError::MissingInput {
            decision: info.name,
            input: info.inputs[missing].name,
        });
    }
    Ok((info, index))
}

/// Answer a decision of `set` by name, with inputs as `(name, value)` pairs
/// in any order. Names and values are matched ignoring ASCII case; aliases
/// work. Returns the outputs as `(name, value)` pairs, without allocating.
pub fn eval<'a>(
    set: &'static RuleSet,
    decision: &'a str,
    inputs: &[(&'a str, &'a str)],
) -> Result<&'static [(&'static str, &'static str)], EvalError<'a>> {
    let (info, index) = locate(set, decision, inputs)?;
    let entry = info.entries.get(index);
    match info.pairs.get(entry) {
        Some(pairs) => Ok(pairs),
        None => Err(impossible(info, entry)),
    }
}

/// Like [`eval`], and also name the row that decided.
pub fn explain<'a>(
    set: &'static RuleSet,
    decision: &'a str,
    inputs: &[(&'a str, &'a str)],
) -> Result<Explanation, EvalError<'a>> {
    let (info, index) = locate(set, decision, inputs)?;
    let entry = info.entries.get(index);
    match info.pairs.get(entry) {
        Some(outputs) => Ok(Explanation {
            outputs,
            rule: &info.rules[info.rule_of.get(index)],
        }),
        None => Err(impossible(info, entry)),
    }
}

fn impossible(info: &'static DecisionInfo, entry: usize) -> EvalError<'static> {
    EvalError::Impossible(Impossible::new(&info.constraints[entry - info.pairs.len()]))
}
