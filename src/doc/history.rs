//! `history.html`: the dated rule sets and the current one as a timeline,
//! oldest first, each step with the answers that changed since the step
//! before: the data `coex diff` prints ([`crate::diff`]), as HTML.

use super::html::{self, code, escape, Here};
use super::{header_comment, page_file, RuleSet};
use crate::diff::{
    self, answer_header, description, has_patterns, outcome_text, rule_lines, Change, DecisionDiff,
    Outcome, RuleRef, Side, NOTES_TITLE,
};
use crate::lookup::citations;
use crate::text::plural;

pub(crate) fn page(current: RuleSet<'_>, history: &[RuleSet<'_>]) -> String {
    let mut body = String::from("<h1>History</h1>\n");
    if history.is_empty() {
        body.push_str(
            "<p class=\"lead\">No dated rule sets were given, so there is no history to show. \
             <code>coex doc --rules DIR</code> reads them from <code>DIR/history/&lt;yyyy-mm&gt;/</code>; \
             <code>coex doc --history DIR</code> names the directory.</p>\n",
        );
    } else {
        body.push_str(&format!(
            "<p class=\"lead\">{} and the current one, oldest first. Each step lists the \
             answers that changed since the step before, as <code>coex diff OLD NEW</code> \
             reports them: the inputs (as patterns), the answer before and after, and the \
             rows that give them with their sources.</p>\n",
            plural(history.len() as u64, "dated rule set", "dated rule sets")
        ));
    }
    body.push_str("<div class=\"timeline\">\n");
    let steps: Vec<(RuleSet<'_>, bool)> = history
        .iter()
        .map(|s| (*s, false))
        .chain(std::iter::once((current, true)))
        .collect();
    for (i, (set, is_current)) in steps.iter().enumerate() {
        body.push_str(&format!(
            "<section id=\"set-{}\">\n<h2>{}{}</h2>\n",
            html::id(set.label),
            code(set.label),
            if *is_current { " (current)" } else { "" }
        ));
        body.push_str(&about(*set));
        if i > 0 {
            let previous = steps[i - 1].0;
            body.push_str(&changes(previous, *set, *is_current));
        }
        body.push_str("</section>\n");
    }
    body.push_str("</div>\n");
    html::page("History", Here::History, &body, "")
}

/// The set's size and its header comments: the paragraph that most of its
/// files start with, then (folded) the others, each with its files.
fn about(set: RuleSet<'_>) -> String {
    let mut headers: Vec<(String, Vec<&str>)> = Vec::new();
    for (_, file) in set.sources.iter() {
        if let Some(header) = header_comment(&file.text) {
            let name = file.name.rsplit('/').next().unwrap_or(&file.name);
            match headers.iter_mut().find(|(h, _)| *h == header) {
                Some((_, files)) => files.push(name),
                None => headers.push((header, vec![name])),
            }
        }
    }
    // Most files first; among equals, the order of the files.
    headers.sort_by_key(|(_, files)| std::cmp::Reverse(files.len()));
    let mut out = format!(
        "<p class=\"where\">{}, {}.</p>\n",
        plural(set.sources.len() as u64, "rule file", "rule files"),
        plural(set.model.decisions.len() as u64, "decision", "decisions")
    );
    let described = |(header, files): &(String, Vec<&str>)| {
        format!(
            "<p>{} <span class=\"where\">({})</span></p>\n",
            escape(header),
            escape(&files.join(", "))
        )
    };
    // A paragraph most files share describes the set; the others are folded.
    let (lead, others) = match headers.split_first() {
        Some((first, others)) if first.1.len() > 1 => (Some(first), others),
        _ => (None, headers.as_slice()),
    };
    if let Some(lead) = lead {
        out.push_str(&described(lead));
    }
    let others: String = others.iter().map(described).collect();
    if !others.is_empty() {
        out.push_str(&format!(
            "<details><summary>What its rule files say about themselves</summary>\n{others}</details>\n"
        ));
    }
    out
}

/// What changed from `old` to `new`, as `coex diff` reports it.
fn changes(old: RuleSet<'_>, new: RuleSet<'_>, link: bool) -> String {
    let result = diff::diff(
        Side {
            model: old.model,
            sources: old.sources,
        },
        Side {
            model: new.model,
            sources: new.sources,
        },
    );
    let mut out = format!(
        "<h3>Since {}</h3>\n<p>{}.</p>\n",
        code(old.label),
        escape(&result.summary_line())
    );
    for d in result.decisions.iter().filter(|d| has_patterns(d)) {
        let name = match new.model.decision_named(&d.name) {
            Some(decision) if link => format!(
                "<a href=\"{}\">{}</a>",
                escape(&page_file(decision)),
                code(&d.name)
            ),
            _ => code(&d.name),
        };
        out.push_str(&format!("<h4>{name}: {}</h4>\n", escape(&description(d))));
        for (title, list) in [("", &d.changes), (NOTES_TITLE, &d.notes)] {
            if list.is_empty() {
                continue;
            }
            if !title.is_empty() {
                out.push_str(&format!("<p>{}:</p>\n", escape(title)));
            }
            out.push_str(&change_table(d, list, old, new));
        }
    }
    let lines = result.structure_lines();
    if !lines.is_empty() {
        out.push_str("<ul>\n");
        for line in lines {
            out.push_str(&format!("<li>{}</li>\n", html::inline(&line)));
        }
        out.push_str("</ul>\n");
    }
    out
}

fn change_table(d: &DecisionDiff, list: &[Change], old: RuleSet<'_>, new: RuleSet<'_>) -> String {
    let mut out = String::from("<div class=\"scroll\">\n<table class=\"changes\">\n<thead><tr>");
    for cell in &list[0].pattern {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(&cell.input)));
    }
    out.push_str(&format!(
        "<th scope=\"col\" class=\"split\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">rows and sources</th></tr></thead>\n<tbody>\n",
        escape(&answer_header("before", &d.old)),
        escape(&answer_header("after", &d.new))
    ));
    for change in list {
        out.push_str("<tr>");
        for cell in &change.pattern {
            out.push_str(&format!(
                "<td title=\"{}\">{}</td>",
                escape(&cell.values.join(", ")),
                escape(&cell.text)
            ));
        }
        out.push_str(&format!(
            "<td class=\"split\"><del>{}</del></td><td><ins>{}</ins></td><td>{}{}</td></tr>\n",
            escape(&outcome_text(&change.old)),
            escape(&outcome_text(&change.new)),
            rules("before", &change.old_rules, old, &d.name),
            rules("after", &change.new_rules, new, &d.name),
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    let impossible = |o: &Option<Outcome>| matches!(o, Some(Outcome::Impossible(_)));
    if list
        .iter()
        .any(|c| impossible(&c.old) || impossible(&c.new))
    {
        out.push_str("<p class=\"muted\">An impossible answer states its reason.</p>\n");
    }
    out
}

/// One side's deciding rows, by file and table, with the sources they cite.
fn rules(side: &str, refs: &[RuleRef], set: RuleSet<'_>, decision: &str) -> String {
    if refs.is_empty() {
        return String::new();
    }
    let mut sources: Vec<String> = Vec::new();
    if let Some(d) = set.model.decision_named(decision) {
        let (rows, constraints) = citations(d, set.sources);
        for r in refs {
            let at = |file: &str, line: u32| file == r.file && line == r.line;
            let row = rows.iter().find(|c| at(&c.file, c.line)).map(|c| &c.source);
            let cited = row
                .or_else(|| {
                    let constraint = constraints.iter().find(|c| at(&c.file, c.line));
                    constraint.map(|c| &c.source)
                })
                .cloned()
                .flatten();
            if let Some(source) = cited {
                if !sources.contains(&source) {
                    sources.push(source);
                }
            }
        }
    }
    let mut out = format!(
        "<p><strong>{side}:</strong> {}</p>",
        escape(&rule_lines(refs).join("; "))
    );
    for source in sources {
        out.push_str(&format!(
            "<p class=\"source\">source: {}</p>",
            escape(&source)
        ));
    }
    out
}
