//! SARIF 2.1.0 (the OASIS format code-scanning tools read), as printed by
//! `coex check --format sarif`: one run, the registry's codes as rules, one
//! result per diagnostic with its primary place as the location and the
//! other labels as related locations.

use super::{Code, Diagnostic, Severity};
use crate::source::{Sources, Span};
use serde_json::{json, Value};

/// The tool as SARIF names it.
#[derive(Clone, Copy, Debug)]
pub struct Tool<'a> {
    /// The tool's name (`driver.name`), such as `coex`.
    pub name: &'a str,
    /// The tool's version (`driver.version`).
    pub version: &'a str,
    /// Where the tool is documented (`informationUri`); rules then get a
    /// `helpUri` into its `docs/DIAGNOSTICS.md`. Without it, the rules
    /// still carry their whole explanation as `help`.
    pub information_uri: Option<&'a str>,
}

/// The SARIF log of one check. File URIs are the paths as the rule set
/// names them (relative to where coex ran, as CI uploads expect).
pub fn log(tool: Tool<'_>, sources: &Sources, diagnostics: &[Diagnostic]) -> Value {
    let mut driver = json!({
        "name": tool.name,
        "version": tool.version,
        "semanticVersion": tool.version,
        "rules": Code::ALL.iter().map(|&c| rule(c, tool.information_uri)).collect::<Vec<_>>(),
    });
    if let Some(uri) = tool.information_uri {
        driver["informationUri"] = json!(uri);
    }
    let artifacts: Vec<Value> = sources
        .iter()
        .map(|(_, f)| json!({ "location": { "uri": uri(&f.name) } }))
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": diagnostics.iter().map(|d| result(sources, d)).collect::<Vec<_>>(),
        }],
    })
}

/// A rule: the registry's entry for one code.
fn rule(code: Code, information_uri: Option<&str>) -> Value {
    let info = code.info();
    let mut rule = json!({
        "id": info.code,
        "name": info.name,
        "shortDescription": { "text": info.summary },
        "fullDescription": { "text": first_paragraph(info.explanation) },
        "help": { "text": info.explanation, "markdown": info.explanation },
        "defaultConfiguration": { "level": level(info.severity) },
    });
    if let Some(uri) = information_uri {
        rule["helpUri"] = json!(format!(
            "{}/blob/HEAD/docs/DIAGNOSTICS.md#{}",
            uri.trim_end_matches('/'),
            anchor(code)
        ));
    }
    rule
}

/// The anchor of a code's section in `docs/DIAGNOSTICS.md`, as GitHub
/// makes it from the heading `E0010 conflict`.
pub fn anchor(code: Code) -> String {
    format!("{}-{}", code.as_str().to_ascii_lowercase(), code.name())
}

/// The explanation's first paragraph, on one line.
fn first_paragraph(markdown: &str) -> String {
    markdown
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn result(sources: &Sources, diagnostic: &Diagnostic) -> Value {
    let mut text = diagnostic.message.clone();
    for note in &diagnostic.notes {
        text.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &diagnostic.help {
        text.push_str(&format!("\nhelp: {help}"));
    }
    let mut result = json!({
        "ruleId": diagnostic.code.as_str(),
        "ruleIndex": Code::ALL.iter().position(|&c| c == diagnostic.code),
        "level": level(diagnostic.severity()),
        "message": { "text": text },
    });
    let primary = diagnostic.labels.iter().find(|l| l.primary);
    if let Some(label) = primary {
        result["locations"] = json!([location(sources, label.span, &label.message, None)]);
    }
    let related: Vec<Value> = diagnostic
        .labels
        .iter()
        .filter(|l| !l.primary)
        .enumerate()
        .map(|(i, l)| location(sources, l.span, &l.message, Some(i)))
        .collect();
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    result
}

fn location(sources: &Sources, span: Span, message: &str, id: Option<usize>) -> Value {
    let start = sources.location(span);
    let end = sources.location(Span {
        start: span.end,
        ..span
    });
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&start.file) },
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column,
            },
        },
        "message": { "text": message },
    });
    if let Some(id) = id {
        location["id"] = json!(id);
    }
    location
}

/// A file name as a relative URI reference: `/` separators, and the
/// characters a URI cannot hold percent-encoded.
fn uri(name: &str) -> String {
    let mut out = String::new();
    for c in name.replace('\\', "/").chars() {
        if c.is_ascii_alphanumeric() || "-._~/!$&'()*+,;=:@".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}
