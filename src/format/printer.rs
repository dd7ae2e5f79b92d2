//! The line printer under [`super::format_file`]: it lays out code lines
//! and puts every comment back between the same two tokens it sat between
//! in the source.
//!
//! Code is written as lines ([`Printer::line`]) of tokens ([`Printer::word`],
//! [`Printer::glue`]); a token that exists in the source carries its source
//! offset. Before a positioned token is written, every comment that starts
//! before it in the source is flushed, in source order:
//!
//! - at the start of a line, an own-line comment goes on its own line above
//!   it, and a trailing comment (code before it on its source line) at the
//!   end of the line above;
//! - in the middle of a line, the comment forces a line break there, and the
//!   line continues one level deeper.
//!
//! Because comments are flushed in source order between tokens written in
//! source order, no comment is lost or reordered, and a comment formatted
//! once sits between the same tokens the second time: formatting is
//! idempotent.

use crate::syntax::ast::Comment;

const INDENT: &str = "    ";

/// Blank lines before a line, and before the own-line comments above it.
///
/// Between two code lines there are separators: one before each own-line
/// comment and one before the line itself. The author's blank lines at each
/// separator are kept (a run of them counts as one) unless the gap says
/// otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// No blank line anywhere (inside a construct).
    tight: bool,
    /// No blank line at the first separator (first line in a block).
    open: bool,
    /// No blank line at the last separator (the closing `}`, end of file).
    close: bool,
    /// At least one blank line (between top-level items).
    apart: bool,
}

impl Gap {
    /// Inside a construct: no blank lines.
    pub const TIGHT: Gap = Gap::new(true, false, false, false);
    /// Between the items of a block: the author's blank lines.
    pub const KEEP: Gap = Gap::new(false, false, false, false);
    /// The first line of a block or of the file.
    pub const FIRST: Gap = Gap::new(false, true, false, false);
    /// Between top-level items: the author's blank lines, at least one.
    pub const APART: Gap = Gap::new(false, false, false, true);
    /// The closing line of a block.
    pub const LAST: Gap = Gap::new(false, false, true, false);
    /// The closing line of an empty block.
    pub const EMPTY: Gap = Gap::new(false, true, true, false);

    const fn new(tight: bool, open: bool, close: bool, apart: bool) -> Gap {
        Gap {
            tight,
            open,
            close,
            apart,
        }
    }
}

struct Pending {
    text: String,
    start: usize,
    trailing: bool,
}

#[derive(PartialEq, Eq)]
enum Kind {
    Code,
    Comment,
    Blank,
}

struct Line {
    text: String,
    kind: Kind,
    /// A code line that already ends with a comment.
    commented: bool,
}

/// The code line being written.
struct Current {
    indent: usize,
    /// Indentation of the lines a comment breaks this line into.
    continuation: usize,
    text: String,
}

pub struct Printer<'a> {
    source: &'a str,
    comments: Vec<Pending>,
    next_comment: usize,
    lines: Vec<Line>,
    current: Option<Current>,
    /// Source offset of the last token or comment written.
    last: usize,
}

impl<'a> Printer<'a> {
    pub fn new(source: &'a str, comments: &[Comment]) -> Printer<'a> {
        let comments = comments
            .iter()
            .map(|c| {
                let start = c.span.start as usize;
                let line_start = source[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
                Pending {
                    text: c.text.trim_end().to_string(),
                    start,
                    trailing: !source[line_start..start].trim().is_empty(),
                }
            })
            .collect();
        Printer {
            source,
            comments,
            next_comment: 0,
            lines: Vec::new(),
            current: None,
            last: 0,
        }
    }

    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The offset of `token` in the source at `from` or after it, past
    /// spaces, line ends, comments and the characters in `skip`.
    pub fn find(&self, from: usize, token: &str, skip: &[char]) -> Option<usize> {
        let mut i = from;
        while i < self.source.len() {
            let rest = &self.source[i..];
            if rest.starts_with(token) {
                return Some(i);
            }
            if rest.starts_with("//") {
                i += rest.find(['\n', '\r']).unwrap_or(rest.len());
                continue;
            }
            let c = rest.chars().next()?;
            if !(c.is_whitespace() || skip.contains(&c)) {
                return None;
            }
            i += c.len_utf8();
        }
        None
    }

    /// Whether a comment starts strictly between two source offsets.
    pub fn comment_between(&self, start: usize, end: usize) -> bool {
        // The comments are in source order: look at the first after `start`.
        let pending = &self.comments[self.next_comment..];
        let after = pending.partition_point(|c| c.start <= start);
        pending.get(after).is_some_and(|c| c.start < end)
    }

    /// Start a code line whose first token is at source offset `at`.
    pub fn line(&mut self, indent: usize, at: usize, gap: Gap) {
        self.start_line(indent, indent, at, gap);
    }

    /// Start the closing line of a block (`}` or `)`): comments above it
    /// belong inside the block, one level deeper.
    pub fn closing_line(&mut self, indent: usize, at: usize, gap: Gap) {
        self.start_line(indent, indent + 1, at, gap);
    }

    /// Write a token, after a space unless it starts the line.
    pub fn word(&mut self, text: &str, at: Option<usize>) {
        self.token(text, at, true);
    }

    /// Write a token right after the previous one.
    pub fn glue(&mut self, text: &str, at: Option<usize>) {
        self.token(text, at, false);
    }

    /// Flush the comments after the last item, and return the text.
    pub fn finish(mut self) -> String {
        self.start_line(0, 0, self.source.len(), Gap::LAST);
        self.current = None;
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }

    fn start_line(&mut self, indent: usize, comment_indent: usize, at: usize, gap: Gap) {
        self.end_line();
        // The own-line comments to write above the line, each with whether
        // the author left a blank line before it; then the line's own.
        let mut above: Vec<(String, bool)> = Vec::new();
        let mut previous = self.last;
        while let Some(comment) = self.take_comment_before(at) {
            if comment.trailing && above.is_empty() && self.attach_trailing(&comment.text) {
                previous = comment.start;
                continue;
            }
            above.push((comment.text, self.blank_between(previous, comment.start)));
            previous = comment.start;
        }
        let mut blanks: Vec<bool> = above.iter().map(|(_, blank)| *blank).collect();
        blanks.push(self.blank_between(previous, at));
        if gap.tight {
            blanks.iter_mut().for_each(|b| *b = false);
        }
        if gap.open {
            blanks[0] = false;
        }
        if gap.close {
            *blanks.last_mut().expect("one separator per line") = false;
        }
        if gap.apart && !blanks.contains(&true) {
            blanks[0] = true;
        }
        if self.lines.is_empty() {
            // Nothing above the first comment of the file.
            blanks[0] = false;
        }
        for ((text, _), blank) in above.into_iter().zip(&blanks) {
            if *blank {
                self.push(String::new(), Kind::Blank);
            }
            self.push(
                format!("{}{text}", INDENT.repeat(comment_indent)),
                Kind::Comment,
            );
        }
        if blanks[blanks.len() - 1] {
            self.push(String::new(), Kind::Blank);
        }
        self.last = at;
        self.current = Some(Current {
            indent,
            continuation: indent + 1,
            text: String::new(),
        });
    }

    fn token(&mut self, text: &str, at: Option<usize>, space: bool) {
        if let Some(at) = at {
            while let Some(comment) = self.take_comment_before(at) {
                self.break_for(comment);
            }
            self.last = self.last.max(at);
        }
        let current = self
            .current
            .as_mut()
            .expect("a token is written inside a line");
        if space && !current.text.is_empty() {
            current.text.push(' ');
        }
        current.text.push_str(text);
    }

    /// A comment in the middle of a line: break the line there.
    fn break_for(&mut self, comment: Pending) {
        let current = self.current.take().expect("inside a line");
        let continuation = current.continuation;
        let mut text = current.text;
        if comment.trailing && !text.is_empty() {
            text.push(' ');
            text.push_str(&comment.text);
            self.push_code(current.indent, text, true);
        } else {
            if !text.is_empty() {
                self.push_code(current.indent, text, false);
            }
            self.push(
                format!("{}{}", INDENT.repeat(continuation), comment.text),
                Kind::Comment,
            );
        }
        self.last = comment.start;
        self.current = Some(Current {
            indent: continuation,
            continuation,
            text: String::new(),
        });
    }

    /// Put a trailing comment at the end of the last code line, if that
    /// line has none yet.
    fn attach_trailing(&mut self, text: &str) -> bool {
        match self.lines.last_mut() {
            Some(line) if line.kind == Kind::Code && !line.commented => {
                line.text.push(' ');
                line.text.push_str(text);
                line.commented = true;
                true
            }
            _ => false,
        }
    }

    fn end_line(&mut self) {
        if let Some(current) = self.current.take() {
            if !current.text.is_empty() {
                self.push_code(current.indent, current.text, false);
            }
        }
    }

    fn push_code(&mut self, indent: usize, text: String, commented: bool) {
        self.lines.push(Line {
            text: format!("{}{text}", INDENT.repeat(indent)),
            kind: Kind::Code,
            commented,
        });
    }

    fn push(&mut self, text: String, kind: Kind) {
        self.lines.push(Line {
            text,
            kind,
            commented: false,
        });
    }

    fn take_comment_before(&mut self, at: usize) -> Option<Pending> {
        let comment = self.comments.get_mut(self.next_comment)?;
        if comment.start >= at {
            return None;
        }
        self.next_comment += 1;
        Some(Pending {
            text: std::mem::take(&mut comment.text),
            start: comment.start,
            trailing: comment.trailing,
        })
    }

    /// Whether the source has a blank line between two offsets (each on a
    /// line of its own or after code).
    fn blank_between(&self, from: usize, to: usize) -> bool {
        let between = &self.source[from.min(to)..to];
        line_breaks(between) >= 2
    }
}

/// Line ends in a text: `\n`, `\r\n` or a lone `\r`, as the grammar's
/// `NEWLINE` counts them.
fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}
