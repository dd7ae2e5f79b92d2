//! Print a [`Diff`]: aligned text for people, Markdown for a pull request.

use super::{
    Change, ChangeKind, DecisionDiff, Diff, EnumDiff, EnumStatus, Outcome, OutputChange, RuleRef,
    Signature, Status,
};
use crate::render::escape;
use crate::text::padded_cells;

impl Diff {
    /// Per decision with differences, a headline and its patterns as an
    /// aligned table (inputs `||` old answer `||` new answer), each pattern
    /// followed by the rows deciding it; then decisions added, removed or
    /// with other inputs, enums that changed, and a summary line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for d in self.decisions.iter().filter(|d| has_patterns(d)) {
            out.push_str(&format!("decision `{}`: {}\n", d.name, description(d)));
            for (title, changes) in [("", &d.changes), (NOTES_TITLE, &d.notes)] {
                if changes.is_empty() {
                    continue;
                }
                if !title.is_empty() {
                    out.push_str(&format!("  {title}:\n"));
                }
                out.push_str(&text_table(d, changes));
            }
            out.push('\n');
        }
        let lines = self.structure_lines();
        for line in &lines {
            out.push_str(&format!("{line}\n"));
        }
        if !lines.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{}\n", self.summary_line()));
        out
    }

    /// A summary line, then per decision with differences a `###` heading
    /// and a table of its patterns with the rows on both sides, then the
    /// structural changes as a list.
    pub fn markdown(&self) -> String {
        // Names are identifiers, safe in Markdown; only cells hold free text.
        let mut out = format!("**{}**\n", self.summary_line());
        for d in self.decisions.iter().filter(|d| has_patterns(d)) {
            out.push_str(&format!("\n### `{}`: {}\n\n", d.name, description(d)));
            for (title, changes) in [("", &d.changes), (NOTES_TITLE, &d.notes)] {
                if changes.is_empty() {
                    continue;
                }
                if !title.is_empty() {
                    out.push_str(&format!(
                        "\n{}{}:\n\n",
                        title[..1].to_uppercase(),
                        &title[1..]
                    ));
                }
                out.push_str(&markdown_table(d, changes));
            }
        }
        let lines = self.structure_lines();
        if !lines.is_empty() {
            out.push_str("\n### Decisions and enums\n\n");
            for line in lines {
                out.push_str(&format!("- {line}\n"));
            }
        }
        out
    }

    /// `2 decisions changed, 1 added; 19 unchanged; 1 enum changed`, or
    /// `no differences: ...` when the rule sets decide everything alike.
    pub(crate) fn summary_line(&self) -> String {
        let s = self.summary();
        if self.is_same() {
            return format!(
                "no differences: {} decide every input the same way",
                count(s.unchanged, "decision", "decisions")
            );
        }
        let mut parts: Vec<String> = Vec::new();
        let mut part = |n: usize, what: &str| {
            if n > 0 {
                let noun = if parts.is_empty() {
                    format!("{} ", if n == 1 { "decision" } else { "decisions" })
                } else {
                    String::new()
                };
                parts.push(format!("{n} {noun}{what}"));
            }
        };
        part(s.changed, "changed");
        part(s.added, "added");
        part(s.removed, "removed");
        part(s.signature_changed, "with other inputs");
        let mut line = if parts.is_empty() {
            "no decision changed".to_string()
        } else {
            parts.join(", ")
        };
        line.push_str(&format!("; {} unchanged", s.unchanged));
        if s.enums_changed > 0 {
            line.push_str(&format!("; {}", count(s.enums_changed, "enum", "enums")));
            line.push_str(" changed");
        }
        line
    }

    /// One line per decision added, removed or with other inputs, and per
    /// enum that changed.
    pub(crate) fn structure_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for d in &self.decisions {
            match (d.status, &d.old, &d.new) {
                (Status::Added, _, Some(new)) => lines.push(format!(
                    "decision `{}`: added, `{}`",
                    d.name,
                    signature(&d.name, new)
                )),
                (Status::Removed, Some(old), _) => lines.push(format!(
                    "decision `{}`: removed, was `{}`",
                    d.name,
                    signature(&d.name, old)
                )),
                (Status::SignatureChanged, Some(old), Some(new)) => lines.push(format!(
                    "decision `{}`: {}; answers not compared: `{}` is now `{}`",
                    d.name,
                    input_changes(old, new),
                    signature(&d.name, old),
                    signature(&d.name, new)
                )),
                _ => {}
            }
        }
        lines.extend(self.enums.iter().map(enum_line));
        lines
    }
}

pub(crate) const NOTES_TITLE: &str =
    "impossible on both sides, for another reason (not a difference)";

pub(crate) fn has_patterns(d: &DecisionDiff) -> bool {
    d.status == Status::Changed || !d.notes.is_empty()
}

/// `answers changed for 3 inputs (2 patterns), 2 new inputs (1 pattern)`
pub(crate) fn description(d: &DecisionDiff) -> String {
    let mut parts = Vec::new();
    let of = |kind: ChangeKind| {
        let changes: Vec<&Change> = d.changes.iter().filter(|c| c.kind == kind).collect();
        let inputs = changes
            .iter()
            .fold(0u128, |n, c| n.saturating_add(c.inputs));
        (inputs, count(changes.len(), "pattern", "patterns"))
    };
    let (n, patterns) = of(ChangeKind::Answer);
    if n > 0 {
        parts.push(format!(
            "answers changed for {} ({patterns})",
            count(n, "input", "inputs")
        ));
    }
    let (n, patterns) = of(ChangeKind::NewInputs);
    if n > 0 {
        parts.push(format!(
            "{} ({patterns})",
            count(n, "new input", "new inputs")
        ));
    }
    let (n, patterns) = of(ChangeKind::RemovedInputs);
    if n > 0 {
        parts.push(format!(
            "{} no longer possible ({patterns})",
            count(n, "input", "inputs")
        ));
    }
    if d.inputs_reordered {
        parts.push("inputs reordered".to_string());
    }
    parts.extend(d.outputs.iter().map(|o| match o {
        OutputChange::Added { name } => format!("output `{name}` added"),
        OutputChange::Removed { name } => format!("output `{name}` removed"),
        OutputChange::Renamed { old, new } => format!("output `{old}` renamed to `{new}`"),
        OutputChange::Retyped {
            name,
            old_enum,
            new_enum,
        } => format!("output `{name}` is now a `{new_enum}` (was `{old_enum}`)"),
    }));
    if parts.is_empty() {
        parts.push("same answers".to_string());
    }
    parts.join(", ")
}

fn count(n: impl TryInto<u128>, one: &str, many: &str) -> String {
    let n: u128 = n.try_into().unwrap_or(u128::MAX);
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `route(sender_mode: Mode, ...) -> (lands: Landing, thread: Thread)`
fn signature(name: &str, s: &Signature) -> String {
    let params = |p: &[super::Param]| {
        p.iter()
            .map(|p| format!("{}: {}", p.name, p.enum_name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let outputs = if s.outputs.len() == 1 {
        params(&s.outputs)
    } else {
        format!("({})", params(&s.outputs))
    };
    format!("{name}({}) -> {outputs}", params(&s.inputs))
}

/// `input `scope` added, input `x` is now a `Mode` (was `Client`)`
fn input_changes(old: &Signature, new: &Signature) -> String {
    let find = |s: &Signature, name: &str| s.inputs.iter().find(|p| p.name == name).cloned();
    let mut parts: Vec<String> = old
        .inputs
        .iter()
        .filter(|p| find(new, &p.name).is_none())
        .map(|p| format!("input `{}` removed", p.name))
        .collect();
    for p in &new.inputs {
        match find(old, &p.name) {
            None => parts.push(format!("input `{}` added", p.name)),
            Some(before) if before.enum_name != p.enum_name => parts.push(format!(
                "input `{}` is now a `{}` (was `{}`)",
                p.name, p.enum_name, before.enum_name
            )),
            Some(_) => {}
        }
    }
    parts.join(", ")
}

fn enum_line(e: &EnumDiff) -> String {
    let what = match e.status {
        EnumStatus::Added => "added".to_string(),
        EnumStatus::Removed => "removed".to_string(),
        EnumStatus::Changed => {
            let names = |values: &[String]| {
                values
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut parts = Vec::new();
            for (values, verb) in [(&e.values_added, "added"), (&e.values_removed, "removed")] {
                if !values.is_empty() {
                    let noun = if values.len() == 1 { "value" } else { "values" };
                    parts.push(format!("{noun} {} {verb}", names(values)));
                }
            }
            parts.extend(
                e.values_renamed
                    .iter()
                    .map(|r| format!("value `{}` renamed to `{}`", r.old, r.new)),
            );
            parts.join(", ")
        }
    };
    format!("enum `{}`: {what}", e.name)
}

/// An answer as a cell: outputs joined with ` / ` (as `coex table` prints
/// them), `impossible (reason)`, or `(not an input)`.
pub(crate) fn outcome_text(outcome: &Option<Outcome>) -> String {
    match outcome {
        Some(Outcome::Outputs(values)) => values
            .iter()
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(" / "),
        Some(Outcome::Impossible(because)) => format!("impossible ({because})"),
        None => "(not an input)".to_string(),
    }
}

/// `old` or `old: lands / thread` (the outputs a cell shows, in order).
pub(crate) fn answer_header(side: &str, signature: &Option<Signature>) -> String {
    match signature {
        Some(s) if !s.outputs.is_empty() => {
            let names: Vec<&str> = s.outputs.iter().map(|p| p.name.as_str()).collect();
            format!("{side}: {}", names.join(" / "))
        }
        _ => side.to_string(),
    }
}

/// The rows and constraints of one side, one line per file and table:
/// `route.coex:73, 76 (table "Table 1a", rows 2, 5)`, `route.coex:69 (impossible)`.
pub(crate) fn rule_lines(rules: &[RuleRef]) -> Vec<String> {
    /// File, table, lines, rows.
    type Group<'a> = (&'a str, Option<&'a str>, Vec<String>, Vec<String>);
    let mut groups: Vec<Group> = Vec::new();
    for r in rules {
        let key = (r.file.as_str(), r.table.as_deref());
        let at = match groups.iter().position(|g| (g.0, g.1) == key) {
            Some(at) => at,
            None => {
                groups.push((key.0, key.1, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        groups[at].2.push(r.line.to_string());
        groups[at].3.extend(r.row.map(|n| n.to_string()));
    }
    groups
        .into_iter()
        .map(|(file, table, lines, rows)| {
            let what = match table {
                Some(table) => format!(
                    "table \"{table}\", {} {}",
                    if rows.len() == 1 { "row" } else { "rows" },
                    rows.join(", ")
                ),
                None => "impossible".to_string(),
            };
            format!("{file}:{} ({what})", lines.join(", "))
        })
        .collect()
}

/// `route.coex:73, 76; availability.coex:12`: one side's rules, by file.
fn rule_files(rules: &[RuleRef]) -> String {
    let mut files: Vec<(&str, Vec<String>)> = Vec::new();
    for r in rules {
        match files.iter_mut().find(|(f, _)| *f == r.file) {
            Some((_, lines)) => lines.push(r.line.to_string()),
            None => files.push((&r.file, vec![r.line.to_string()])),
        }
    }
    files
        .iter()
        .map(|(file, lines)| format!("{file}:{}", lines.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

fn text_table(d: &DecisionDiff, changes: &[Change]) -> String {
    let header: Vec<String> = changes[0]
        .pattern
        .iter()
        .map(|c| c.input.clone())
        .chain([answer_header("old", &d.old), answer_header("new", &d.new)])
        .collect();
    let rows: Vec<Vec<String>> = changes
        .iter()
        .map(|c| {
            c.pattern
                .iter()
                .map(|p| p.text.clone())
                .chain([outcome_text(&c.old), outcome_text(&c.new)])
                .collect()
        })
        .collect();
    let mut widths = vec![0; header.len()];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let inputs = header.len() - 2;
    let line = |cells: &[String]| {
        let text = format!(
            "  {} || {} || {}",
            padded_cells(&cells[..inputs], &widths[..inputs]),
            padded_cells(&cells[inputs..inputs + 1], &widths[inputs..inputs + 1]),
            cells[inputs + 1]
        );
        format!("{}\n", text.trim_end())
    };
    let mut out = line(&header);
    for (change, row) in changes.iter().zip(&rows) {
        out.push_str(&line(row));
        for (side, rules) in [("old", &change.old_rules), ("new", &change.new_rules)] {
            for (i, line) in rule_lines(rules).iter().enumerate() {
                let label = if i == 0 {
                    format!("{side}:")
                } else {
                    String::new()
                };
                out.push_str(&format!("      {label:4} {line}\n"));
            }
        }
    }
    out
}

fn markdown_table(d: &DecisionDiff, changes: &[Change]) -> String {
    let header: Vec<String> = changes[0]
        .pattern
        .iter()
        .map(|c| format!("`{}`", c.input))
        .chain([
            escape(&answer_header("old", &d.old)),
            escape(&answer_header("new", &d.new)),
            "old rule".to_string(),
            "new rule".to_string(),
        ])
        .collect();
    let rules = |rules: &[RuleRef]| escape(&rule_files(rules));
    let mut out = markdown_line(&header);
    out.push_str(&markdown_line(&vec!["---".to_string(); header.len()]));
    for c in changes {
        let cells: Vec<String> = c
            .pattern
            .iter()
            .map(|p| escape(&p.text))
            .chain([
                escape(&outcome_text(&c.old)),
                escape(&outcome_text(&c.new)),
                rules(&c.old_rules),
                rules(&c.new_rules),
            ])
            .collect();
        out.push_str(&markdown_line(&cells));
    }
    out
}

fn markdown_line(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}
