//! Sets: declared all at once (a set may name a set declared later), then
//! resolved depth first into the values they stand for, reporting cycles.

use super::{docs, errors, limits, Resolver};
use crate::limits::MAX_SET_DEPTH;
use crate::model::{EnumId, Set, ValueId};
use crate::syntax::ast;

/// How far the resolution of a set has got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    /// Being resolved: its frame is at this height on the stack.
    Active(usize),
    Done,
}

/// A set being resolved: the next member to read, the values so far, and
/// the deepest member set's depth (a set of values is 1 deep).
struct Frame {
    index: usize,
    next: usize,
    values: Vec<ValueId>,
    deepest: usize,
}

impl Frame {
    fn new(index: usize) -> Frame {
        Frame {
            index,
            next: 0,
            values: Vec::new(),
            deepest: 0,
        }
    }
}

impl Resolver {
    pub(super) fn declare_sets(&mut self, decls: &[&ast::SetDecl]) {
        let mut declared: Vec<(&ast::SetDecl, EnumId)> = Vec::new();
        for decl in decls {
            if let Some(&first) = self.set_index.get(&decl.name.name) {
                let span = self.model.sets[first].span;
                let d = errors::duplicate(
                    &format!("set `{}`", decl.name.name),
                    &decl.name.name,
                    span,
                    decl.name.span,
                );
                self.error(d);
                continue;
            }
            let Some(enum_id) = self.enum_type(&decl.enum_name) else {
                continue;
            };
            if let Some(value) = self.model.find_value(enum_id, &decl.name.name) {
                let e = &self.model.enums[enum_id];
                let d = errors::set_named_like_value(&decl.name, e, e.values[value as usize].span);
                self.error(d);
                continue;
            }
            self.set_index
                .insert(decl.name.name.clone(), self.model.sets.len());
            self.model.sets.push(Set {
                name: decl.name.name.clone(),
                docs: docs(&decl.docs),
                enum_id,
                values: Vec::new(),
                span: decl.name.span,
            });
            declared.push((decl, enum_id));
        }
        self.mentions.sets = vec![false; self.model.sets.len()];
        let mut state = vec![Visit::New; self.model.sets.len()];
        self.set_depth = vec![0; self.model.sets.len()];
        for index in 0..declared.len() {
            self.resolve_set(index, &declared, &mut state);
        }
    }

    /// Resolve a set and the sets it names, depth first with an explicit
    /// stack (a chain of thousands of sets must not overflow the call stack).
    fn resolve_set(
        &mut self,
        root: usize,
        declared: &[(&ast::SetDecl, EnumId)],
        state: &mut [Visit],
    ) {
        if state[root] != Visit::New {
            return;
        }
        state[root] = Visit::Active(0);
        let mut stack = vec![Frame::new(root)];
        while let Some(frame) = stack.last_mut() {
            let (decl, enum_id) = declared[frame.index];
            let Some(member) = decl.members.get(frame.next) else {
                let mut frame = stack.pop().expect("the loop holds a frame");
                frame.values.sort_unstable();
                frame.values.dedup();
                state[frame.index] = Visit::Done;
                let depth = frame.deepest + 1;
                self.set_depth[frame.index] = depth;
                if depth == MAX_SET_DEPTH + 1 {
                    let name = &declared[frame.index].0.name;
                    self.error(limits::set_too_deep(&name.name, name.span));
                }
                if let Some(parent) = stack.last_mut() {
                    parent.values.extend(frame.values.iter().copied());
                    parent.deepest = parent.deepest.max(depth);
                }
                self.model.sets[frame.index].values = frame.values;
                continue;
            };
            frame.next += 1;
            let other = self
                .set_index
                .get(&member.name)
                .copied()
                .filter(|&other| self.model.sets[other].enum_id == enum_id);
            let Some(other) = other else {
                if let Some(v) = self.value(enum_id, member) {
                    frame.values.push(v);
                }
                continue;
            };
            self.mentions.sets[other] = true;
            match state[other] {
                Visit::Done => {
                    frame
                        .values
                        .extend(self.model.sets[other].values.iter().copied());
                    frame.deepest = frame.deepest.max(self.set_depth[other]);
                }
                Visit::Active(height) => {
                    let cycle: Vec<&str> = stack[height..]
                        .iter()
                        .map(|f| f.index)
                        .chain(std::iter::once(other))
                        .map(|i| self.model.sets[i].name.as_str())
                        .collect();
                    let d = errors::cyclic_set(&declared[other].0.name, &cycle);
                    self.error(d);
                }
                Visit::New => {
                    state[other] = Visit::Active(stack.len());
                    stack.push(Frame::new(other));
                }
            }
        }
    }
}
