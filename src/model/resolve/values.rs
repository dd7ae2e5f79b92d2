//! Value names, and the cells and conditions built from them: what a name
//! means in a column of a given enum.

use super::{errors, Resolver};
use crate::diagnostic::Diagnostic;
use crate::model::{EnumId, ValueId};
use crate::syntax::ast;

impl Resolver {
    /// Resolve a value name of one enum (aliases too), where one value is
    /// wanted: an output cell, a set member, an example's argument.
    pub(super) fn value(&mut self, enum_id: EnumId, name: &ast::Ident) -> Option<ValueId> {
        if let Some(v) = self.exact_value(enum_id, &name.name) {
            self.mentions.values[enum_id][v as usize] = true;
            return Some(v);
        }
        let d = self.unknown_value(enum_id, name, false);
        self.error(d);
        None
    }

    fn exact_value(&self, enum_id: EnumId, name: &str) -> Option<ValueId> {
        self.value_index[enum_id].get(name).copied()
    }

    /// Why `name` is no value of the enum: a value or set of another enum,
    /// a set where one value is wanted, or nothing known. With
    /// `sets_allowed` (an input cell or a condition), the sets of the enum
    /// are candidates for a suggestion too.
    fn unknown_value(&self, enum_id: EnumId, name: &ast::Ident, sets_allowed: bool) -> Diagnostic {
        let e = &self.model.enums[enum_id];
        if let Some(other) = self.model.enums.iter().find(|o| {
            o.values
                .iter()
                .any(|v| v.name == name.name || v.aliases.contains(&name.name))
        }) {
            return errors::value_of_other_enum(name, other, e);
        }
        if let Some(set) = self.model.sets.iter().find(|s| s.name == name.name) {
            let actual = &self.model.enums[set.enum_id];
            return errors::misplaced_set(name, actual, e, sets_allowed);
        }
        let values = e.values.iter().map(|v| v.name.as_str());
        let sets = self
            .model
            .sets
            .iter()
            .filter(|s| sets_allowed && s.enum_id == enum_id)
            .map(|s| s.name.as_str());
        errors::unknown_value(name, e, values.chain(sets))
    }

    /// The values a cell or condition allows, in the column's enum.
    pub(super) fn pattern(
        &mut self,
        enum_id: EnumId,
        pattern: &ast::Pattern,
    ) -> Option<Vec<ValueId>> {
        let size = self.model.enums[enum_id].values.len() as ValueId;
        let (names, negated) = match pattern {
            ast::Pattern::Any(_) => return Some((0..size).collect()),
            ast::Pattern::Names(names, _) => (names, false),
            ast::Pattern::Not(names, _) => (names, true),
        };
        let mut values = Vec::new();
        let mut ok = true;
        for name in names {
            if let Some(v) = self.exact_value(enum_id, &name.name) {
                self.mentions.values[enum_id][v as usize] = true;
                values.push(v);
            } else if let Some(set) = self
                .set_index
                .get(&name.name)
                .copied()
                .filter(|&s| self.model.sets[s].enum_id == enum_id)
            {
                self.mentions.sets[set] = true;
                values.extend(self.model.sets[set].values.iter().copied());
            } else {
                let d = self.unknown_value(enum_id, name, true);
                self.error(d);
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        values.sort_unstable();
        values.dedup();
        if negated {
            values = (0..size).filter(|v| !values.contains(v)).collect();
        }
        if values.is_empty() {
            let d = errors::empty_cell(pattern.span(), &self.model.enums[enum_id]);
            self.error(d);
            return None;
        }
        Some(values)
    }
}
