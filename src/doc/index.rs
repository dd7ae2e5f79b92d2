//! `index.html`: the decisions grouped by rule file, each with its one-line
//! doc, and the vocabulary: enums with their values, aliases and docs, and
//! the named sets.

use super::html::{self, code, escape, Here};
use super::{header_comment, page_file, RuleSet};
use crate::source::Span;
use crate::text::plural;

pub(crate) fn page(set: RuleSet<'_>) -> String {
    let model = set.model;
    let mut body = String::new();
    body.push_str(&format!("<h1>Rule set {}</h1>\n", code(set.label)));
    body.push_str(&format!(
        "<p class=\"lead\">{}, {}, {} and {}. Every decision decides each of its \
         inputs exactly once (<code>coex check</code> proves it); its page answers \
         questions and shows its table. <a href=\"history.html\">History</a> shows \
         what changed between dated rule sets.</p>\n",
        plural(set.sources.len() as u64, "rule file", "rule files"),
        plural(model.decisions.len() as u64, "decision", "decisions"),
        plural(model.enums.len() as u64, "enum", "enums"),
        plural(model.examples.len() as u64, "example", "examples"),
    ));
    body.push_str("<h2 id=\"decisions\">Decisions</h2>\n");
    for (file_id, file) in set.sources.iter() {
        let decisions: Vec<_> = model
            .decisions
            .iter()
            .filter(|d| d.span.file == file_id)
            .collect();
        if decisions.is_empty() {
            continue;
        }
        body.push_str(&format!(
            "<h3 id=\"file-{}\">{}</h3>\n",
            html::id(&file.name),
            escape(&file.name)
        ));
        if let Some(header) = header_comment(&file.text) {
            body.push_str(&format!("<p class=\"muted\">{}</p>\n", escape(&header)));
        }
        body.push_str("<ul>\n");
        for d in decisions {
            let doc = html::summary(&d.docs);
            body.push_str(&format!(
                "<li><a href=\"{}\">{}</a>{}{}</li>\n",
                escape(&page_file(d)),
                code(&d.name),
                if doc.is_empty() { "" } else { " — " },
                html::inline(&doc)
            ));
        }
        body.push_str("</ul>\n");
    }
    body.push_str(&vocabulary(set));
    html::page(&format!("Rule set {}", set.label), Here::Index, &body, "")
}

fn vocabulary(set: RuleSet<'_>) -> String {
    let model = set.model;
    let mut out = String::from("<h2 id=\"vocabulary\">Vocabulary</h2>\n");
    out.push_str(
        "<p>The values an input or output can take. Questions accept a value's name or \
         an alias, in any case.</p>\n",
    );
    for (enum_id, e) in model.enums.iter().enumerate() {
        out.push_str(&format!(
            "<h3 id=\"enum-{}\">{}</h3>\n",
            html::id(&e.name),
            code(&e.name)
        ));
        out.push_str(&html::docs(&e.docs));
        out.push_str(&defined_in(set, e.span));
        out.push_str("<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">value</th><th scope=\"col\">aliases</th><th scope=\"col\">meaning</th></tr></thead>\n<tbody>\n");
        for v in &e.values {
            out.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n",
                code(&v.name),
                v.aliases
                    .iter()
                    .map(|a| code(a))
                    .collect::<Vec<_>>()
                    .join(", "),
                html::inline(&v.docs.join(" "))
            ));
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
        let sets: Vec<_> = model.sets.iter().filter(|s| s.enum_id == enum_id).collect();
        if !sets.is_empty() {
            out.push_str("<p>Named sets:</p>\n<ul>\n");
            for s in sets {
                let members: Vec<String> = s
                    .values
                    .iter()
                    .map(|&v| code(&e.values[v as usize].name))
                    .collect();
                let doc = s.docs.join(" ");
                out.push_str(&format!(
                    "<li id=\"set-{}\">{} = {}{}{}</li>\n",
                    html::id(&s.name),
                    code(&s.name),
                    members.join(", "),
                    if doc.is_empty() { "" } else { " — " },
                    html::inline(&doc)
                ));
            }
            out.push_str("</ul>\n");
        }
    }
    out
}

fn defined_in(set: RuleSet<'_>, span: Span) -> String {
    let location = set.sources.location(span);
    format!(
        "<p class=\"where\">Defined in {}:{}.</p>\n",
        escape(&location.file),
        location.line
    )
}
