//! Enums: their values and aliases, and the enum a type name stands for.

use super::{docs, errors, Resolver};
use crate::model::{Enum, EnumId, Value, ValueId};
use crate::source::Span;
use crate::syntax::ast;
use std::collections::HashMap;

impl Resolver {
    pub(super) fn declare_enum(&mut self, decl: &ast::EnumDecl) {
        if let Some(first) = self.model.enums.iter().find(|e| e.name == decl.name.name) {
            let d = errors::duplicate(
                &format!("enum `{}`", decl.name.name),
                &decl.name.name,
                first.span,
                decl.name.span,
            );
            self.error(d);
            return;
        }
        let mut values: Vec<Value> = Vec::new();
        // Input is matched ignoring ASCII case, so names must differ by more.
        let mut seen: HashMap<String, Span> = HashMap::new();
        for v in &decl.values {
            let mut fresh = true;
            for name in std::iter::once(&v.name).chain(&v.aliases) {
                let key = name.name.to_ascii_lowercase();
                if let Some(&first) = seen.get(&key) {
                    self.error(errors::duplicate_value(name, &decl.name.name, first));
                    fresh = fresh && name.name != v.name.name;
                } else {
                    seen.insert(key, name.span);
                }
            }
            if fresh {
                values.push(Value {
                    name: v.name.name.clone(),
                    aliases: v.aliases.iter().map(|a| a.name.clone()).collect(),
                    docs: docs(&v.docs),
                    span: v.name.span,
                });
            }
        }
        if values.is_empty() {
            self.error(errors::empty_enum(decl));
        }
        self.model.enums.push(Enum {
            name: decl.name.name.clone(),
            docs: docs(&decl.docs),
            values,
            span: decl.name.span,
        });
    }

    /// Once every enum is declared: start counting the mentions of their
    /// values, and index the values by name and alias.
    pub(super) fn index_values(&mut self) {
        self.mentions.values = self
            .model
            .enums
            .iter()
            .map(|e| vec![false; e.values.len()])
            .collect();
        self.value_index = self
            .model
            .enums
            .iter()
            .map(|e| {
                let mut index: HashMap<String, ValueId> = HashMap::new();
                for (id, v) in e.values.iter().enumerate() {
                    for name in std::iter::once(&v.name).chain(&v.aliases) {
                        index.entry(name.clone()).or_insert(id as ValueId);
                    }
                }
                index
            })
            .collect();
    }

    /// The enum a type name stands for.
    pub(super) fn enum_type(&mut self, name: &ast::Ident) -> Option<EnumId> {
        if let Some(id) = self.model.enum_named(&name.name) {
            return Some(id);
        }
        let d = errors::unknown_enum(name, self.model.enums.iter().map(|e| e.name.as_str()));
        self.error(d);
        None
    }
}
