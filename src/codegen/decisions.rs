//! A decision: its output struct, its typed functions, and its private
//! tables (the dense entries, the answers they stand for, the rows and
//! constraints they cite, the names `eval` looks inputs up by).

use super::names::{ident, output_struct, rule_fn, StaticNames, PRIVATE_MODULE};
use super::{doc_lines, index_type, name_map, numbers, Options, RUNTIME};
use crate::lookup::{Entry, LookupTable};
use crate::model::{Decision, Model};
use std::fmt::{self, Write};

/// What every function of one decision needs to say.
struct Signature {
    /// `sender_mode: Mode, ...`
    params: String,
    /// `sender_mode, ...`
    args: String,
    /// The mixed-radix index of the input, as an expression.
    index: String,
    /// `RouteOutput`
    output: String,
}

impl Signature {
    fn new(model: &Model, decision: &Decision, table: &LookupTable) -> Signature {
        let params: Vec<String> = decision
            .inputs
            .iter()
            .map(|i| {
                format!(
                    "{}: {}",
                    ident(&i.name),
                    ident(&model.enums[i.enum_id].name)
                )
            })
            .collect();
        let args: Vec<String> = decision.inputs.iter().map(|i| ident(&i.name)).collect();
        // ((a * rb + b) * rc + c) ...
        let mut index = String::from("0");
        for (position, (arg, radix)) in args.iter().zip(&table.radix).enumerate() {
            let digit = format!("{arg} as ::core::primitive::usize");
            index = if position == 0 {
                digit
            } else {
                format!("({index}) * {radix} + {digit}")
            };
        }
        Signature {
            params: params.join(", "),
            args: args.join(", "),
            index,
            output: output_struct(&decision.name),
        }
    }
}

/// The public items of a decision.
pub(crate) fn functions(
    out: &mut String,
    model: &Model,
    decision: &Decision,
    table: &LookupTable,
    statics: &StaticNames,
    options: &Options,
) -> fmt::Result {
    let signature = Signature::new(model, decision, table);
    let prefix = format!("{PRIVATE_MODULE}::{}", statics.decisions[table.decision]);
    output_type(out, model, decision, &signature)?;
    lookup_fn(out, decision, &signature, &prefix)?;
    rule_lookup_fn(out, decision, &signature, &prefix)?;
    if options.phf_alternative {
        phf_lookup_fn(out, decision, &signature, &prefix)?;
    }
    Ok(())
}

fn output_type(
    out: &mut String,
    model: &Model,
    decision: &Decision,
    signature: &Signature,
) -> fmt::Result {
    let fields: Vec<String> = decision.outputs.iter().map(|o| ident(&o.name)).collect();
    writeln!(out, "\n/// The outputs of [`{}`].", ident(&decision.name))?;
    writeln!(out, "#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]")?;
    writeln!(out, "#[allow(non_snake_case)]")?;
    writeln!(out, "pub struct {} {{", signature.output)?;
    for (o, field) in decision.outputs.iter().zip(&fields) {
        writeln!(out, "    /// Output `{}`.", o.name)?;
        writeln!(
            out,
            "    pub {field}: {},",
            ident(&model.enums[o.enum_id].name)
        )?;
    }
    writeln!(out, "}}\n")?;
    writeln!(
        out,
        "{RUNTIME}::__coex_serde_outputs!({} {{ {} }});",
        signature.output,
        fields.join(", ")
    )
}

fn lookup_fn(
    out: &mut String,
    decision: &Decision,
    signature: &Signature,
    prefix: &str,
) -> fmt::Result {
    writeln!(out)?;
    doc_lines(out, "", &decision.docs)?;
    if !decision.docs.is_empty() {
        writeln!(out, "///")?;
    }
    writeln!(
        out,
        "/// One table lookup. An input an `impossible` constraint excludes is an `Err` carrying its reason."
    )?;
    writeln!(
        out,
        "#[inline]\n#[allow(non_snake_case, clippy::too_many_arguments)]"
    )?;
    writeln!(
        out,
        "pub fn {}({}) -> ::core::result::Result<{}, {RUNTIME}::Impossible> {{",
        ident(&decision.name),
        signature.params,
        signature.output
    )?;
    // Two loads and no branch: the entry, then the answer it stands for.
    writeln!(
        out,
        "    {prefix}_ANSWERS[{prefix}_ENTRIES[{}] as ::core::primitive::usize]\n}}",
        signature.index
    )
}

fn rule_lookup_fn(
    out: &mut String,
    decision: &Decision,
    signature: &Signature,
    prefix: &str,
) -> fmt::Result {
    writeln!(
        out,
        "\n/// The row that decides [`{}`] for this input: file, line, table and `source` citation.",
        ident(&decision.name)
    )?;
    writeln!(out, "#[allow(non_snake_case, clippy::too_many_arguments)]")?;
    writeln!(
        out,
        "pub fn {}({}) -> ::core::result::Result<&'static {RUNTIME}::Rule, {RUNTIME}::Impossible> {{",
        ident(&rule_fn(&decision.name)),
        signature.params
    )?;
    writeln!(out, "    {}({})?;", ident(&decision.name), signature.args)?;
    writeln!(
        out,
        "    ::core::result::Result::Ok(&{prefix}_RULES[{prefix}_RULE_OF[{}] as ::core::primitive::usize])\n}}",
        signature.index
    )
}

fn phf_lookup_fn(
    out: &mut String,
    decision: &Decision,
    signature: &Signature,
    prefix: &str,
) -> fmt::Result {
    writeln!(
        out,
        "\n/// [`{}`] through a phf map keyed by the packed input instead of the dense array;",
        ident(&decision.name)
    )?;
    writeln!(out, "/// the alternative the benchmark measures.")?;
    writeln!(
        out,
        "#[doc(hidden)]\n#[allow(non_snake_case, clippy::too_many_arguments)]"
    )?;
    writeln!(
        out,
        "pub fn {}_via_phf({}) -> ::core::result::Result<{}, {RUNTIME}::Impossible> {{",
        decision.name, signature.params, signature.output
    )?;
    writeln!(
        out,
        "    {prefix}_ANSWERS[{prefix}_PHF[&(({}) as ::core::primitive::u32)] as ::core::primitive::usize]\n}}",
        signature.index
    )
}

/// An entry of the dense table: an outcome, or `outcomes + constraint`.
fn encoded(table: &LookupTable) -> impl Iterator<Item = usize> + '_ {
    table.entries.iter().map(|e| match *e {
        Entry::Row(r) => table.row_outcomes[r as usize] as usize,
        Entry::Impossible(c) => table.outcomes.len() + c as usize,
    })
}

/// The private tables of a decision.
pub(crate) fn statics(
    out: &mut String,
    model: &Model,
    decision: &Decision,
    table: &LookupTable,
    statics: &StaticNames,
    options: &Options,
) -> fmt::Result {
    let prefix = &statics.decisions[table.decision];
    let signature = Signature::new(model, decision, table);
    answers(out, model, decision, table, prefix, &signature)?;
    pairs(out, model, decision, table, prefix)?;
    citations(out, decision, table, prefix)?;
    entries(out, table, prefix)?;
    inputs(out, decision, table, statics, prefix)?;
    if options.phf_alternative {
        packed_map(out, table, prefix)?;
    }
    Ok(())
}

/// Each outcome as the typed answer, then each constraint as its error.
fn answers(
    out: &mut String,
    model: &Model,
    decision: &Decision,
    table: &LookupTable,
    prefix: &str,
    signature: &Signature,
) -> fmt::Result {
    let count = table.outcomes.len() + table.constraints.len();
    writeln!(
        out,
        "\n    pub(super) static {prefix}_ANSWERS: [::core::result::Result<super::{}, {RUNTIME}::Impossible>; {count}] = [",
        signature.output
    )?;
    for values in &table.outcomes {
        let fields: Vec<String> = decision
            .outputs
            .iter()
            .zip(values)
            .map(|(o, &v)| {
                let e = &model.enums[o.enum_id];
                format!(
                    "{}: super::{}::{}",
                    ident(&o.name),
                    ident(&e.name),
                    ident(&e.values[v as usize].name)
                )
            })
            .collect();
        writeln!(
            out,
            "        ::core::result::Result::Ok(super::{} {{ {} }}),",
            signature.output,
            fields.join(", ")
        )?;
    }
    for c in 0..table.constraints.len() {
        writeln!(
            out,
            "        ::core::result::Result::Err({RUNTIME}::Impossible::new(&{prefix}_CONSTRAINTS[{c}])),"
        )?;
    }
    writeln!(out, "    ];")
}

/// Each outcome as `(output, value)` pairs, for `eval`.
fn pairs(
    out: &mut String,
    model: &Model,
    decision: &Decision,
    table: &LookupTable,
    prefix: &str,
) -> fmt::Result {
    writeln!(
        out,
        "    pub(super) static {prefix}_PAIRS: [&[(&::core::primitive::str, &::core::primitive::str)]; {}] = [",
        table.outcomes.len()
    )?;
    for values in &table.outcomes {
        let fields: Vec<String> = decision
            .outputs
            .iter()
            .zip(values)
            .map(|(o, &v)| {
                let value = &model.enums[o.enum_id].values[v as usize].name;
                format!("({:?}, {value:?})", o.name)
            })
            .collect();
        writeln!(out, "        &[{}],", fields.join(", "))?;
    }
    writeln!(out, "    ];")
}

/// The rows and constraints, with where they are and what they cite.
fn citations(
    out: &mut String,
    decision: &Decision,
    table: &LookupTable,
    prefix: &str,
) -> fmt::Result {
    writeln!(
        out,
        "    pub(super) static {prefix}_CONSTRAINTS: [{RUNTIME}::Constraint; {}] = [",
        table.constraints.len()
    )?;
    for c in &table.constraints {
        writeln!(
            out,
            "        {RUNTIME}::Constraint {{ decision: {:?}, reason: {:?}, source: {:?}, file: {:?}, line: {} }},",
            decision.name,
            c.because,
            // The runtime's `source` is empty when there is none.
            c.source.as_deref().unwrap_or_default(),
            c.file,
            c.line
        )?;
    }
    writeln!(out, "    ];")?;
    writeln!(
        out,
        "    pub(super) static {prefix}_RULES: [{RUNTIME}::Rule; {}] = [",
        table.rows.len()
    )?;
    for r in &table.rows {
        writeln!(
            out,
            "        {RUNTIME}::Rule {{ decision: {:?}, table: {:?}, row: {}, file: {:?}, line: {}, source: {:?}, text: {:?} }},",
            decision.name,
            r.table,
            r.row,
            r.file,
            r.line,
            r.source.as_deref().unwrap_or_default(),
            r.text
        )?;
    }
    writeln!(out, "    ];")
}

/// The dense tables: per input, its entry and its deciding row.
fn entries(out: &mut String, table: &LookupTable, prefix: &str) -> fmt::Result {
    let (entry_type, _) = index_type(table.outcomes.len() + table.constraints.len());
    let (rule_type, _) = index_type(table.rows.len());
    writeln!(
        out,
        "    pub(super) static {prefix}_ENTRIES: [::core::primitive::{entry_type}; {}] = [\n        {}\n    ];",
        table.entries.len(),
        numbers(encoded(table))
    )?;
    let rule_of = table.entries.iter().map(|e| match *e {
        Entry::Row(r) => r as usize,
        Entry::Impossible(_) => 0,
    });
    writeln!(
        out,
        "    pub(super) static {prefix}_RULE_OF: [::core::primitive::{rule_type}; {}] = [\n        {}\n    ];",
        table.entries.len(),
        numbers(rule_of)
    )
}

/// What `eval` looks inputs up by, and the decision's entry in the registry.
fn inputs(
    out: &mut String,
    decision: &Decision,
    table: &LookupTable,
    statics: &StaticNames,
    prefix: &str,
) -> fmt::Result {
    writeln!(
        out,
        "    pub(super) static {prefix}_INPUT_INDEX: {RUNTIME}::__private::NameMap = {};",
        name_map(
            decision
                .inputs
                .iter()
                .enumerate()
                .map(|(i, input)| (input.name.as_str(), i))
        )
    )?;
    let mut stride = 1usize;
    let mut strides: Vec<usize> = table
        .radix
        .iter()
        .rev()
        .map(|&radix| {
            let this = stride;
            stride = stride.saturating_mul(radix as usize);
            this
        })
        .collect();
    strides.reverse();
    writeln!(
        out,
        "    pub(super) static {prefix}_INPUTS: [{RUNTIME}::__private::InputInfo; {}] = [",
        decision.inputs.len()
    )?;
    for (input, stride) in decision.inputs.iter().zip(strides) {
        let e = &statics.enums[input.enum_id];
        writeln!(
            out,
            "        {RUNTIME}::__private::InputInfo {{ name: {:?}, values: &{e}_VALUES, value_names: &{e}_NAMES, stride: {stride} }},",
            input.name
        )?;
    }
    writeln!(out, "    ];")?;
    let names: Vec<String> = decision
        .inputs
        .iter()
        .map(|i| format!("{:?}", i.name))
        .collect();
    writeln!(
        out,
        "    pub(super) static {prefix}_INPUT_NAMES: [&::core::primitive::str; {}] = [{}];",
        names.len(),
        names.join(", ")
    )
}

/// The benchmark's alternative: the entries in a phf map keyed by the
/// packed input.
fn packed_map(out: &mut String, table: &LookupTable, prefix: &str) -> fmt::Result {
    let (entry_type, _) = index_type(table.outcomes.len() + table.constraints.len());
    let mut packed = phf_codegen::Map::<u32>::new();
    packed.phf_path(format!("{RUNTIME}::__private::phf"));
    for (i, e) in encoded(table).enumerate() {
        packed.entry(i as u32, e.to_string());
    }
    writeln!(
        out,
        "    pub(super) static {prefix}_PHF: {RUNTIME}::__private::phf::Map<::core::primitive::u32, ::core::primitive::{entry_type}> = {};",
        packed.build()
    )
}
