//! An enum of the rule set: the Rust enum, `as_str`, `FromStr`, `Display`
//! and serde; and its private name tables.

use super::names::{ident, PRIVATE_MODULE};
use super::{doc_lines, name_map, RUNTIME};
use crate::model::Enum;
use std::fmt::{self, Write};

/// The public items of an enum.
pub(crate) fn enum_type(out: &mut String, e: &Enum, prefix: &str) -> fmt::Result {
    let name = ident(&e.name);
    let private = format!("{PRIVATE_MODULE}::{prefix}");
    writeln!(out)?;
    if e.docs.is_empty() {
        writeln!(out, "/// The rule set's enum `{}`.", e.name)?;
    }
    doc_lines(out, "", &e.docs)?;
    writeln!(
        out,
        "#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]"
    )?;
    writeln!(out, "#[allow(non_camel_case_types)]")?;
    writeln!(out, "pub enum {name} {{")?;
    for v in &e.values {
        if v.docs.is_empty() {
            writeln!(out, "    /// `{}`.", v.name)?;
        }
        doc_lines(out, "    ", &v.docs)?;
        if !v.aliases.is_empty() {
            writeln!(out, "    /// Also accepted as: {}.", v.aliases.join(", "))?;
        }
        writeln!(out, "    {},", ident(&v.name))?;
    }
    writeln!(out, "}}\n")?;
    let variants: Vec<String> = e
        .values
        .iter()
        .map(|v| format!("{name}::{}", ident(&v.name)))
        .collect();
    writeln!(out, "impl {name} {{")?;
    writeln!(out, "    /// Every value, in declaration order.")?;
    writeln!(
        out,
        "    pub const ALL: [{name}; {}] = [{}];\n",
        variants.len(),
        variants.join(", ")
    )?;
    writeln!(out, "    /// The value's name as the rules spell it.")?;
    writeln!(
        out,
        "    pub const fn as_str(self) -> &'static ::core::primitive::str {{"
    )?;
    writeln!(
        out,
        "        {private}_NAMES[self as ::core::primitive::usize]"
    )?;
    writeln!(out, "    }}\n}}\n")?;
    writeln!(out, "impl ::core::str::FromStr for {name} {{")?;
    writeln!(out, "    type Err = {RUNTIME}::UnknownValue;\n")?;
    writeln!(
        out,
        "    /// Parse a value ignoring ASCII case; aliases are accepted."
    )?;
    writeln!(
        out,
        "    fn from_str(s: &::core::primitive::str) -> ::core::result::Result<Self, {RUNTIME}::UnknownValue> {{"
    )?;
    writeln!(
        out,
        "        match {RUNTIME}::__private::find(&{private}_NAMES, &{private}_VALUES, s) {{"
    )?;
    writeln!(
        out,
        "            ::core::option::Option::Some(i) => ::core::result::Result::Ok({private}_ALL[i]),"
    )?;
    writeln!(
        out,
        "            ::core::option::Option::None => ::core::result::Result::Err({RUNTIME}::UnknownValue {{ enum_name: {:?}, expected: &{private}_NAMES }}),",
        e.name
    )?;
    writeln!(out, "        }}\n    }}\n}}\n")?;
    writeln!(out, "impl ::core::fmt::Display for {name} {{")?;
    writeln!(
        out,
        "    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{"
    )?;
    writeln!(out, "        f.write_str(self.as_str())")?;
    writeln!(out, "    }}\n}}\n")?;
    writeln!(out, "{RUNTIME}::__coex_serde_enum!({name});")
}

/// The private tables of an enum: its values, their names, every spelling.
pub(crate) fn statics(out: &mut String, e: &Enum, prefix: &str) -> fmt::Result {
    let name = ident(&e.name);
    let count = e.values.len();
    let variants: Vec<String> = e
        .values
        .iter()
        .map(|v| format!("super::{name}::{}", ident(&v.name)))
        .collect();
    writeln!(
        out,
        "\n    pub(super) static {prefix}_ALL: [super::{name}; {count}] = [{}];",
        variants.join(", ")
    )?;
    let names: Vec<String> = e.values.iter().map(|v| format!("{:?}", v.name)).collect();
    writeln!(
        out,
        "    pub(super) static {prefix}_NAMES: [&::core::primitive::str; {count}] = [{}];",
        names.join(", ")
    )?;
    let spellings = e.values.iter().enumerate().flat_map(|(i, v)| {
        std::iter::once(v.name.as_str())
            .chain(v.aliases.iter().map(String::as_str))
            .map(move |s| (s, i))
    });
    writeln!(
        out,
        "    pub(super) static {prefix}_VALUES: {RUNTIME}::__private::NameMap = {};",
        name_map(spellings)
    )
}
