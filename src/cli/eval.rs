//! `coex eval`: answer one question, or a stream of JSON lines (`--batch`).

use super::common::{self, RulesArg};
use super::exit::Exit;
use coex::diagnostic::Diagnostic;
use coex::eval::{Answer, EvalError, Evaluator};
use coex::limits::MAX_BATCH_LINE_BYTES;
use coex::lookup::Citation;
use coex::text::padded;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{BufRead, BufWriter, Write};

/// Answer a decision for one input, or for JSON lines on stdin
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  coex eval route sender_mode=Islands sender_client=Teams sender_homed=Online recipient_mode=SfBOnly scope=InTenant
  coex eval route Islands Teams Online SfBOnly InTenant --explain
  coex eval presence publisher_mode=TeamsOnly watcher_client=SfB scope=Federated --format json
  echo '{\"decision\":\"meeting\",\"inputs\":{\"organizer_mode\":\"Islands\",\"islands_provider\":\"Teams\"}}' | coex eval --batch

Inputs are `name=value` pairs in any order, or all the values in the decision's
input order. Names and values ignore case; aliases (such as MeetingsFirst) work.
With --batch, each stdin line is {\"decision\":..,\"inputs\":{..}} (add \"explain\":true
for the deciding row's text) and gets exactly one JSON line back, in order:
{\"decision\":..,\"inputs\":{..},\"outputs\":{..},\"rule\":{..}} or {\"error\":..}.

Exit status: 0 answered (with --batch, every line, whatever its answer), 1
when the input is impossible or the rule set has errors (failing `expect`
examples included), 2 on a usage error or a name the rules do not have.")]
pub struct Args {
    #[command(flatten)]
    rules: RulesArg,
    /// Read JSON lines on stdin and answer each on stdout
    #[arg(long, conflicts_with_all = ["decision", "inputs"])]
    batch: bool,
    /// Output format for a single answer
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also show the row or constraint that decided, with its file, line and source
    #[arg(long)]
    explain: bool,
    /// The decision to evaluate, such as `route`
    #[arg(required_unless_present = "batch")]
    decision: Option<String>,
    /// `name=value` for each input, or the values in input order
    inputs: Vec<String>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> Exit {
    common::with_valid(&args.rules, |sources, model| {
        answer(&args, &Evaluator::new(model, sources))
    })
}

fn answer(args: &Args, evaluator: &Evaluator<'_>) -> Exit {
    if args.batch {
        return batch(evaluator);
    }
    let decision = args.decision.as_deref().unwrap_or_default();
    let result = if args.inputs.iter().all(|i| i.contains('=')) {
        let mut pairs = Vec::new();
        for input in &args.inputs {
            let (name, value) = input.split_once('=').expect("checked above");
            pairs.push((name.trim(), value.trim()));
        }
        evaluator.eval_named(decision, pairs)
    } else if args.inputs.iter().any(|i| i.contains('=')) {
        report!("error: give every input as `name=value`, or give only the values, in input order");
        return Exit::Usage;
    } else {
        evaluator.eval_positional(decision, args.inputs.iter().map(|s| s.as_str()))
    };
    let (printed, code) = match (result, args.format) {
        (Ok(answer), Format::Text) => (
            common::print(text_answer(&answer, args.explain)),
            Exit::Success,
        ),
        (Ok(answer), Format::Json) => {
            let json = OutputJson::Answer(answer_json(&answer, args.explain));
            let json = serde_json::to_string(&json);
            (
                common::print(format!("{}\n", json.expect("an answer serializes"))),
                Exit::Success,
            )
        }
        (Err(error), format) => {
            let printed = if format == Format::Json {
                let json = OutputJson::Error(error_json(&error, args.explain));
                let json = serde_json::to_string(&json);
                common::print(format!("{}\n", json.expect("an error serializes")))
            } else {
                report!("error: {error}");
                if let EvalError::Impossible { constraint, .. } = &error {
                    report!("  --> {}:{}", constraint.file, constraint.line);
                    if let Some(source) = &constraint.source {
                        report!("  = source: {source}");
                    }
                    if args.explain {
                        report!("  = constraint: {}", constraint.text);
                    }
                }
                Ok(())
            };
            let code = if error.is_impossible() {
                Exit::Impossible
            } else {
                Exit::Usage
            };
            (printed, code)
        }
    };
    printed.err().unwrap_or(code)
}

fn text_answer(answer: &Answer, explain: bool) -> String {
    let width = answer
        .outputs
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (name, value) in &answer.outputs {
        out.push_str(&format!("{}  {value}\n", padded(name, width)));
    }
    if explain {
        let rule = &answer.rule;
        out.push_str(&format!(
            "\ndecided by row {} of table \"{}\"\n  --> {}:{}\n   {}\n",
            rule.row, rule.table, rule.file, rule.line, rule.text
        ));
        if let Some(source) = &rule.source {
            out.push_str(&format!("   = source: {source}\n"));
        }
    }
    out
}

/// What `coex eval --format json` prints, and each line of `--batch`: an
/// answer or an error (`docs/schema/eval.json`, `docs/schema/batch.json`).
#[derive(Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub(super) enum OutputJson<'a> {
    Answer(AnswerJson<'a>),
    Error(ErrorJson),
}

/// An answer as one JSON object, written straight from the evaluator's
/// borrowed strings: `{"decision":..,"inputs":{..},"outputs":{..},"rule":{..}}`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct AnswerJson<'a> {
    decision: &'a str,
    /// Each input's name and value, as the rules spell them.
    #[schemars(with = "coex::diagnostic::Pairs")]
    inputs: Pairs<'a>,
    /// Each output's name and value.
    #[schemars(with = "coex::diagnostic::Pairs")]
    outputs: Pairs<'a>,
    /// The row that decided.
    rule: RuleJson<'a>,
}

/// `(name, value)` pairs as a JSON object, in their order.
struct Pairs<'a>(&'a [(&'a str, &'a str)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (name, value)))
    }
}

#[derive(Serialize, schemars::JsonSchema)]
struct RuleJson<'a> {
    file: &'a str,
    line: u32,
    /// The title of the row's table.
    table: &'a str,
    /// The row's 1-based position in its table.
    row: u32,
    /// The row's citation (or its table's); empty when it has none.
    source: &'a str,
    /// The row's text, with `--explain` (or `"explain": true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// Why there is no answer. An impossible input also names the decision,
/// the inputs and the constraint that excludes them.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct ErrorJson {
    error: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    inputs: Option<coex::diagnostic::Pairs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    impossible: Option<Box<ImpossibleJson>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ImpossibleJson {
    file: String,
    line: u32,
    /// The constraint's reason.
    because: String,
    /// The constraint's citation; empty when it has none.
    source: String,
    /// The constraint's text, with `--explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

impl ErrorJson {
    fn message(error: String) -> ErrorJson {
        ErrorJson {
            error,
            decision: None,
            inputs: None,
            impossible: None,
        }
    }
}

fn answer_json<'a>(answer: &'a Answer<'a>, explain: bool) -> AnswerJson<'a> {
    let rule: &Citation = answer.rule;
    AnswerJson {
        decision: answer.decision,
        inputs: Pairs(&answer.inputs),
        outputs: Pairs(&answer.outputs),
        rule: RuleJson {
            file: &rule.file,
            line: rule.line,
            table: &rule.table,
            row: rule.row,
            source: rule.source.as_deref().unwrap_or_default(),
            text: explain.then_some(rule.text.as_str()),
        },
    }
}

fn error_json(error: &EvalError, explain: bool) -> ErrorJson {
    let mut json = ErrorJson::message(error.to_string());
    if let EvalError::Impossible {
        decision,
        inputs,
        constraint,
    } = error
    {
        json.decision = Some(decision.clone());
        json.inputs = Some(coex::diagnostic::Pairs(inputs.clone()));
        json.impossible = Some(Box::new(ImpossibleJson {
            file: constraint.file.clone(),
            line: constraint.line,
            because: constraint.because.clone(),
            source: constraint.source.clone().unwrap_or_default(),
            text: explain.then(|| constraint.text.clone()),
        }));
    }
    json
}

/// One JSON line in, one JSON line out, in order, in constant memory. A bad
/// line gets an `{"error": ...}` answer and the batch goes on; so does a
/// line over [`MAX_BATCH_LINE_BYTES`], which is skipped unread. When the
/// reader of stdout goes away, the batch stops quietly.
fn batch(evaluator: &Evaluator) -> Exit {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut output = BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        let length = match read_line(&mut input, &mut line, MAX_BATCH_LINE_BYTES) {
            Ok(None) => break,
            Ok(Some(length)) => length,
            Err(e) => {
                let _ = output.flush();
                report!("error: cannot read stdin after line {number}: {e}");
                return Exit::Usage;
            }
        };
        number += 1;
        let written = if length > MAX_BATCH_LINE_BYTES {
            let limit = Diagnostic::limit(
                "the length of this line",
                format!("{MAX_BATCH_LINE_BYTES} bytes"),
                format!("{length} bytes"),
                None,
            );
            serde_json::to_writer(&mut output, &serde_json::json!({ "error": limit.message }))
        } else {
            answer_line(evaluator, &line, &mut output)
        };
        let written = written
            .map_err(std::io::Error::from)
            .and_then(|()| output.write_all(b"\n"));
        match common::stdout_written(written) {
            Ok(true) => {}
            Ok(false) => return Exit::Success,
            Err(code) => return code,
        }
    }
    match common::stdout_written(output.flush()) {
        Ok(_) => Exit::Success,
        Err(code) => code,
    }
}

/// Read one line (through its `\n`) into `line`, keeping at most `limit`
/// bytes of it: the line's length without the `\n`, or `None` at the end of
/// the input. A longer line is read to its end but not kept (`line` is left
/// empty), so memory stays bounded whatever the input.
fn read_line(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<usize>> {
    line.clear();
    let mut length = 0usize;
    let mut read = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            break;
        }
        read = true;
        let (chunk, end) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (&buffer[..i], true),
            None => (buffer, false),
        };
        length = length.saturating_add(chunk.len());
        if length <= limit {
            line.extend_from_slice(chunk);
        } else {
            line.clear();
        }
        let used = chunk.len() + usize::from(end);
        input.consume(used);
        if end {
            break;
        }
    }
    Ok(read.then_some(length))
}

/// Answer one request line, writing the answer's JSON (without the line
/// break) to `output`.
fn answer_line(
    evaluator: &Evaluator,
    raw: &[u8],
    output: &mut impl Write,
) -> serde_json::Result<()> {
    match request_line(evaluator, raw) {
        Ok((answer, explain)) => {
            serde_json::to_writer(output, &OutputJson::Answer(answer_json(&answer, explain)))
        }
        Err(error) => serde_json::to_writer(output, &OutputJson::Error(error)),
    }
}

/// One request line's answer and whether it asked for an explanation, or
/// the JSON of its error.
fn request_line<'e>(evaluator: &'e Evaluator, raw: &[u8]) -> Result<(Answer<'e>, bool), ErrorJson> {
    let error = ErrorJson::message;
    let Ok(text) = std::str::from_utf8(raw) else {
        return Err(error("the line is not UTF-8".to_string()));
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(error(
            "empty line; expected {\"decision\": ..., \"inputs\": {...}}".to_string(),
        ));
    }
    // A well-formed request is read straight into borrowed strings; any
    // other line takes the general path below, which says what is wrong.
    if let Ok(request) = serde_json::from_str::<Request>(text) {
        let pairs = request.inputs.0.iter().map(|(n, v)| (&*n.0, &*v.0));
        return match evaluator.eval_named(&request.decision.0, pairs) {
            Ok(answer) => Ok((answer, request.explain)),
            Err(e) => Err(error_json(&e, request.explain)),
        };
    }
    let request: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err(error(format!("malformed JSON: {e}"))),
    };
    let Some(object) = request.as_object() else {
        return Err(error(
            "expected a JSON object {\"decision\": ..., \"inputs\": {...}}".to_string(),
        ));
    };
    let Some(decision) = object.get("decision").and_then(Value::as_str) else {
        return Err(error("missing \"decision\" (a string)".to_string()));
    };
    let Some(inputs) = object.get("inputs").and_then(Value::as_object) else {
        return Err(error(
            "missing \"inputs\" (an object of input names to values)".to_string(),
        ));
    };
    let explain = object
        .get("explain")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut pairs = Vec::with_capacity(inputs.len());
    for (name, value) in inputs {
        match value.as_str() {
            Some(v) => pairs.push((name.as_str(), v)),
            None => {
                return Err(error(format!(
                    "input `{name}` must be a string, found {value}"
                )))
            }
        }
    }
    match evaluator.eval_named(decision, pairs) {
        Ok(answer) => Ok((answer, explain)),
        Err(e) => Err(error_json(&e, explain)),
    }
}

/// A request line exactly as the contract writes it:
/// `{"decision": "...", "inputs": {"name": "value", ...}, "explain": bool}`.
#[derive(Deserialize)]
struct Request<'a> {
    #[serde(borrow)]
    decision: Text<'a>,
    #[serde(borrow)]
    inputs: Inputs<'a>,
    #[serde(default)]
    explain: bool,
}

/// A JSON string, borrowed from the line unless it has escapes.
#[derive(Deserialize)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

/// The `inputs` object's pairs in their order. A name given twice is not a
/// request this type reads (the general path decides what it means).
struct Inputs<'a>(Vec<(Text<'a>, Text<'a>)>);

impl<'de: 'a, 'a> Deserialize<'de> for Inputs<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> serde::de::Visitor<'de> for Pairs {
            type Value = Inputs<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of input names to values")
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Inputs<'de>, M::Error> {
                let mut pairs: Vec<(Text<'de>, Text<'de>)> = Vec::new();
                let mut seen: HashSet<Cow<'de, str>> = HashSet::new();
                while let Some((name, value)) = map.next_entry::<Text<'de>, Text<'de>>()? {
                    if !seen.insert(name.0.clone()) {
                        return Err(serde::de::Error::custom("an input given twice"));
                    }
                    pairs.push((name, value));
                }
                Ok(Inputs(pairs))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}
