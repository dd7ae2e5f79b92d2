//! `coex eval`: answer one question, or a stream of JSON lines (`--batch`).

use super::common::{self, RulesArg, EXIT_ERRORS, EXIT_USAGE};
use coex::eval::{Answer, EvalError, Evaluator};
use coex::tables::Citation;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

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
{\"decision\":..,\"inputs\":{..},\"outputs\":{..},\"rule\":{..}} or {\"error\":..}.")]
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

pub fn run(args: Args) -> ExitCode {
    let (sources, model) = match common::compile_valid(&args.rules) {
        Ok(ok) => ok,
        Err(code) => return code,
    };
    let evaluator = Evaluator::new(&model, &sources);
    if args.batch {
        return batch(&evaluator);
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
        eprintln!(
            "error: give every input as `name=value`, or give only the values, in input order"
        );
        return ExitCode::from(EXIT_USAGE);
    } else {
        evaluator.eval_positional(decision, args.inputs.iter().map(|s| s.as_str()))
    };
    match (result, args.format) {
        (Ok(answer), Format::Text) => {
            print!("{}", text_answer(&answer, args.explain));
            ExitCode::SUCCESS
        }
        (Ok(answer), Format::Json) => {
            let json = serde_json::to_string(&answer_json(&answer, args.explain));
            println!("{}", json.expect("an answer serializes"));
            ExitCode::SUCCESS
        }
        (Err(error), format) => {
            if format == Format::Json {
                println!("{}", error_json(&error, args.explain));
            } else {
                eprintln!("error: {error}");
                if let EvalError::Impossible { constraint, .. } = &error {
                    eprintln!("  --> {}:{}", constraint.file, constraint.line);
                    if !constraint.source.is_empty() {
                        eprintln!("  = source: {}", constraint.source);
                    }
                    if args.explain {
                        eprintln!("  = constraint: {}", constraint.text);
                    }
                }
            }
            ExitCode::from(if error.is_impossible() {
                EXIT_ERRORS
            } else {
                EXIT_USAGE
            })
        }
    }
}

fn text_answer(answer: &Answer, explain: bool) -> String {
    let width = answer
        .outputs
        .iter()
        .map(|(n, _)| n.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (name, value) in &answer.outputs {
        out.push_str(&format!("{name:width$}  {value}\n"));
    }
    if explain {
        let rule = &answer.rule;
        out.push_str(&format!(
            "\ndecided by row {} of table \"{}\"\n  --> {}:{}\n   {}\n",
            rule.row, rule.table, rule.file, rule.line, rule.text
        ));
        if !rule.source.is_empty() {
            out.push_str(&format!("   = source: {}\n", rule.source));
        }
    }
    out
}

fn pairs(pairs: &[(String, String)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(n, v)| (n.clone(), Value::String(v.clone())))
            .collect::<Map<_, _>>(),
    )
}

/// An answer as one JSON object, written straight from the evaluator's
/// borrowed strings: `{"decision":..,"inputs":{..},"outputs":{..},"rule":{..}}`.
#[derive(Serialize)]
struct AnswerJson<'a> {
    decision: &'a str,
    inputs: Pairs<'a>,
    outputs: Pairs<'a>,
    rule: RuleJson<'a>,
}

/// `(name, value)` pairs as a JSON object, in their order.
struct Pairs<'a>(&'a [(&'a str, &'a str)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (name, value)))
    }
}

#[derive(Serialize)]
struct RuleJson<'a> {
    file: &'a str,
    line: u32,
    table: &'a str,
    row: u32,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
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
            source: &rule.source,
            text: explain.then_some(rule.text.as_str()),
        },
    }
}

fn error_json(error: &EvalError, explain: bool) -> Value {
    let mut value = json!({ "error": error.to_string() });
    if let EvalError::Impossible {
        decision,
        inputs,
        constraint,
    } = error
    {
        value["decision"] = Value::String(decision.clone());
        value["inputs"] = pairs(inputs);
        let mut c = json!({
            "file": constraint.file,
            "line": constraint.line,
            "because": constraint.because,
            "source": constraint.source,
        });
        if explain {
            c["text"] = Value::String(constraint.text.clone());
        }
        value["impossible"] = c;
    }
    value
}

/// One JSON line in, one JSON line out, in order, in constant memory. A bad
/// line gets an `{"error": ...}` answer and the batch goes on.
fn batch(evaluator: &Evaluator) -> ExitCode {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut output = BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                let _ = output.flush();
                eprintln!("error: cannot read stdin after line {number}: {e}");
                return ExitCode::from(EXIT_USAGE);
            }
        }
        number += 1;
        let written = answer_line(evaluator, &line, &mut output)
            .map_err(std::io::Error::from)
            .and_then(|()| output.write_all(b"\n"));
        if let Err(e) = written {
            eprintln!("error: cannot write the answer to line {number}: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    }
    if let Err(e) = output.flush() {
        eprintln!("error: cannot write answers: {e}");
        return ExitCode::from(EXIT_USAGE);
    }
    ExitCode::SUCCESS
}

/// Answer one request line, writing the answer's JSON (without the line
/// break) to `output`.
fn answer_line(
    evaluator: &Evaluator,
    raw: &[u8],
    output: &mut impl Write,
) -> serde_json::Result<()> {
    match request_line(evaluator, raw) {
        Ok((answer, explain)) => serde_json::to_writer(output, &answer_json(&answer, explain)),
        Err(error) => serde_json::to_writer(output, &error),
    }
}

/// One request line's answer and whether it asked for an explanation, or
/// the JSON of its error.
fn request_line<'e>(evaluator: &'e Evaluator, raw: &[u8]) -> Result<(Answer<'e>, bool), Value> {
    let error = |message: String| json!({ "error": message });
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
