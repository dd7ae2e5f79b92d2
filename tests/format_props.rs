//! Property tests of `coex fmt` on random rule files with comments in every
//! position the grammar allows (before items, trailing on lines, between
//! rows, inside enum braces and decision signatures, between decision items,
//! after the last item), random spacing, line breaks and blank lines.
//!
//! Each file is built from a stream of random choices, so proptest shrinks a
//! failure towards a small file (an exhausted stream always chooses 0).

use coex::format::{erased, format_text};
use coex::source::FileId;
use coex::syntax::{ast, parse_file};
use proptest::prelude::*;

struct Gen {
    choices: Vec<u8>,
    next: usize,
    out: String,
    comments: usize,
}

const NAMES: &[&str] = &[
    "A", "Bee", "c_3", "_d", "Teams", "SfB", "enumish", "sourced",
];

impl Gen {
    fn new(choices: Vec<u8>) -> Gen {
        Gen {
            choices,
            next: 0,
            out: String::new(),
            comments: 0,
        }
    }

    /// A choice in `0..n`.
    fn pick(&mut self, n: u8) -> u8 {
        let c = self.choices.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        c % n
    }

    fn chance(&mut self, one_in: u8) -> bool {
        self.pick(one_in) == 1
    }

    fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Optional spaces where the grammar allows but does not need them.
    fn space(&mut self) {
        let s = [" ", "", "  ", "\t"][self.pick(4) as usize];
        self.push(s);
    }

    /// At least one space.
    fn gap(&mut self) {
        let s = [" ", "  ", "\t "][self.pick(3) as usize];
        self.push(s);
    }

    fn name(&mut self) {
        let n = NAMES[self.pick(NAMES.len() as u8) as usize];
        self.push(n);
    }

    fn comment_text(&mut self) -> String {
        self.comments += 1;
        let n = self.comments;
        match self.pick(5) {
            0 => format!("// c{n}"),
            1 => format!("//c{n} has // and /// inside"),
            2 => format!("//// c{n}"),
            3 => format!("// c{n} trailing spaces   "),
            _ => format!("//\tc{n} \"quoted\" é"),
        }
    }

    /// A line end: maybe a trailing comment, then blank lines and own-line
    /// comments, in any mix.
    fn newline(&mut self, indent: &str) {
        if self.chance(3) {
            self.space();
            let c = self.comment_text();
            self.push(&c);
        }
        self.push("\n");
        for _ in 0..self.pick(4) {
            match self.pick(3) {
                0 => self.push("\n"),
                _ => {
                    let c = self.comment_text();
                    let lead = if self.chance(2) { indent } else { "" };
                    self.push(&format!("{lead}{c}\n"));
                }
            }
        }
        self.push(indent);
    }

    /// Where the grammar allows a line break but needs none.
    fn wrap(&mut self, indent: &str) {
        if self.chance(4) {
            self.newline(indent);
        } else {
            self.space();
        }
    }

    /// A line break, or at least one space.
    fn wrap_gap(&mut self, indent: &str) {
        if self.chance(4) {
            self.newline(indent);
        } else {
            self.gap();
        }
    }

    fn docs(&mut self, indent: &str) {
        for _ in 0..self.pick(3) {
            let text = ["doc", "", "   spaced  ", "a `code` doc"][self.pick(4) as usize];
            self.push(&format!("///{text}"));
            self.newline(indent);
        }
    }

    fn string(&mut self) {
        let s = [
            "\"s\"",
            "\"\"",
            "\"a \\\"b\\\" \\\\ \\t c\"",
            "\"long text, with: punctuation\"",
        ][self.pick(4) as usize];
        self.push(s);
    }

    fn file(&mut self) {
        for _ in 0..self.pick(3) {
            self.newline("");
        }
        let items = self.pick(6);
        for i in 0..items {
            match self.pick(4) {
                0 => self.enum_decl(),
                1 => self.set_decl(),
                2 => self.decision(),
                _ => self.expect(""),
            }
            if i + 1 < items || self.chance(2) {
                self.newline("");
            }
        }
    }

    fn enum_decl(&mut self) {
        self.docs("");
        self.push("enum");
        self.gap();
        self.name();
        self.space();
        self.push("{");
        let multiline = self.chance(2);
        if multiline {
            self.newline("    ");
        } else {
            self.space();
        }
        let values = self.pick(4);
        for i in 0..values {
            if multiline {
                self.docs("    ");
            }
            self.name();
            for _ in 0..self.pick(3) / 2 {
                self.gap();
                self.push("alias");
                self.gap();
                self.name();
            }
            if i + 1 < values {
                if multiline && self.chance(2) {
                    self.newline("    ");
                } else {
                    self.space();
                    self.push(",");
                    if multiline {
                        self.wrap("    ");
                    } else {
                        self.space();
                    }
                }
            } else if multiline && self.chance(2) {
                self.space();
                self.push(",");
            }
        }
        if multiline {
            self.newline("");
        } else {
            self.space();
        }
        self.push("}");
    }

    fn set_decl(&mut self) {
        self.docs("");
        self.push("set");
        self.gap();
        self.name();
        self.space();
        self.push(":");
        self.space();
        self.name();
        self.space();
        self.push("=");
        self.wrap("    ");
        for i in 0..1 + self.pick(4) {
            if i > 0 {
                self.space();
                self.push(",");
                self.wrap("    ");
            }
            self.name();
        }
    }

    fn param(&mut self) {
        self.name();
        self.space();
        self.push(":");
        self.space();
        self.name();
    }

    fn decision(&mut self) {
        self.docs("");
        self.push("decision");
        self.gap();
        self.name();
        self.space();
        self.push("(");
        self.wrap("    ");
        let inputs = self.pick(4);
        for i in 0..inputs {
            self.param();
            if i + 1 < inputs || self.chance(3) {
                self.space();
                self.push(",");
            }
            self.wrap("    ");
        }
        self.push(")");
        self.wrap("");
        self.push("->");
        self.wrap("");
        let outputs = 1 + self.pick(3);
        let parens = outputs > 1 || self.chance(2);
        if parens {
            self.push("(");
            self.wrap("    ");
        }
        for i in 0..outputs {
            if i > 0 {
                self.space();
                self.push(",");
                self.wrap("    ");
            }
            self.param();
        }
        if parens {
            if self.chance(3) {
                self.push(",");
            }
            self.wrap("    ");
            self.push(")");
        }
        self.wrap("");
        self.push("{");
        self.newline("    ");
        for _ in 0..self.pick(5) {
            match self.pick(3) {
                0 => self.constraint(),
                1 => self.table(),
                _ => self.expect("    "),
            }
            self.newline("    ");
        }
        self.push("}");
    }

    fn pattern(&mut self) {
        match self.pick(3) {
            0 => self.push("*"),
            1 => {
                self.push("!");
                self.space();
                self.names();
            }
            _ => self.names(),
        }
    }

    fn names(&mut self) {
        for i in 0..1 + self.pick(3) / 2 {
            if i > 0 {
                self.space();
                self.push(",");
                self.space();
            }
            self.name();
        }
    }

    fn constraint(&mut self) {
        self.docs("    ");
        self.push("impossible");
        self.gap();
        for i in 0..1 + self.pick(3) {
            if i > 0 {
                self.wrap("        ");
                self.push("&&");
                self.wrap("        ");
            }
            self.name();
            self.space();
            let op = if self.chance(2) { "!=" } else { "==" };
            self.push(op);
            self.space();
            self.pattern();
        }
        self.wrap_gap("        ");
        self.push("because");
        self.gap();
        self.string();
        if self.chance(2) {
            self.wrap_gap("        ");
            self.push("source");
            self.gap();
            self.string();
        }
    }

    fn table(&mut self) {
        self.docs("    ");
        self.push("table");
        self.gap();
        self.string();
        if self.chance(3) {
            self.gap();
            self.push("ordered");
        }
        if self.chance(2) {
            self.wrap_gap("        ");
            self.push("source");
            self.gap();
            self.string();
        }
        self.newline("    ");
        let (inputs, outputs) = (1 + self.pick(3), 1 + self.pick(2));
        self.row(inputs, outputs, true);
        for _ in 0..self.pick(4) {
            self.newline("    ");
            // Now and then a row with a cell too few or too many.
            let inputs = match self.pick(8) {
                0 => inputs + 1,
                1 if inputs > 1 => inputs - 1,
                _ => inputs,
            };
            self.row(inputs, outputs, false);
        }
    }

    fn row(&mut self, inputs: u8, outputs: u8, header: bool) {
        self.push("|");
        for i in 0..inputs {
            if i > 0 {
                self.space();
                self.push("|");
            }
            self.space();
            if header {
                self.name();
            } else {
                self.pattern();
            }
            self.space();
        }
        self.push("||");
        for i in 0..outputs {
            if i > 0 {
                self.push("|");
            }
            self.space();
            self.name();
            self.space();
        }
        self.push("|");
        if !header && self.chance(3) {
            self.space();
            self.push("source");
            self.gap();
            self.string();
        }
    }

    fn arg(&mut self) {
        if self.chance(3) {
            self.name();
            self.space();
            self.push(":");
            self.space();
        }
        self.name();
    }

    fn expect(&mut self, indent: &str) {
        let inner = format!("{indent}    ");
        self.push("expect");
        self.gap();
        self.name();
        self.space();
        self.push("(");
        self.wrap(&inner);
        let args = self.pick(4);
        for i in 0..args {
            self.arg();
            if i + 1 < args || self.chance(4) {
                self.space();
                self.push(",");
            }
            self.wrap(&inner);
        }
        self.push(")");
        self.space();
        self.push("==");
        self.wrap(&inner);
        match self.pick(3) {
            0 => self.push("impossible"),
            1 => self.arg(),
            _ => {
                self.push("(");
                self.wrap(&inner);
                for i in 0..1 + self.pick(3) {
                    if i > 0 {
                        self.push(",");
                        self.wrap(&inner);
                    }
                    self.arg();
                }
                self.wrap(&inner);
                self.push(")");
            }
        }
        if self.chance(3) {
            self.wrap_gap(&inner);
            self.push("source");
            self.gap();
            self.string();
        }
    }
}

fn random_file(choices: Vec<u8>) -> String {
    let mut g = Gen::new(choices);
    g.file();
    g.out
}

/// Each comment's text and whether code is before it on its line.
fn comments(text: &str, file: &ast::File) -> Vec<(String, bool)> {
    file.comments
        .iter()
        .map(|c| {
            let start = c.span.start as usize;
            let line = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            (c.text.clone(), !text[line..start].trim().is_empty())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn formatting_keeps_rules_and_comments(choices in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = random_file(choices);
        let before = parse_file(FileId(0), &text)
            .unwrap_or_else(|e| panic!("the generator wrote a file that does not parse: {e:?}\n{text}"));
        let once = format_text(FileId(0), &text).expect("parses");
        let after = parse_file(FileId(0), &once)
            .unwrap_or_else(|e| panic!("formatted text does not parse: {e:?}\n--- source\n{text}\n--- formatted\n{once}"));
        prop_assert_eq!(
            comments(&text, &before),
            comments(&once, &after),
            "comments lost, reordered, or moved on or off a line of code\n--- source\n{}\n--- formatted\n{}",
            text,
            once
        );
        prop_assert_eq!(erased(&before), erased(&after), "the syntax tree changed\n--- source\n{}\n--- formatted\n{}", text, once);
        let twice = format_text(FileId(0), &once).expect("parses");
        prop_assert_eq!(&once, &twice, "not idempotent\n--- source\n{}", text);
        for line in once.lines() {
            prop_assert!(!line.ends_with([' ', '\t']), "trailing whitespace in {:?}", line);
        }
    }
}
