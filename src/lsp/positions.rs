//! Byte offsets ⇄ LSP positions (line, column in UTF-8 or UTF-16 code units).
//!
//! coex spans are byte offsets; LSP counts columns in the encoding the client
//! and server agreed on at `initialize` (UTF-16 unless the client offers
//! UTF-8). A position past the end of its line means the line's end; one
//! past the last line, the end of the text; an offset inside a character,
//! that character's start.

use lsp_types::{Position, PositionEncodingKind, Range};

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion needed), else UTF-16,
    /// which every client must understand.
    pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub(crate) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The line starts of one text, for converting in both directions.
#[derive(Clone, Debug)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    encoding: Encoding,
}

impl LineIndex {
    pub(crate) fn new(text: &str, encoding: Encoding) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts, encoding }
    }

    /// The position of a byte offset of `text`.
    pub(crate) fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        };
        let start = self.starts[line];
        let column: usize = text[start..offset]
            .chars()
            .map(|c| self.encoding.width(c))
            .sum();
        Position::new(line as u32, column as u32)
    }

    /// The byte offset of a position in `text`.
    pub(crate) fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |&next| next - 1);
        let line = &text[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut column = 0;
        for (i, c) in line.char_indices() {
            if column >= position.character as usize {
                return start + i;
            }
            column += self.encoding.width(c);
            if column > position.character as usize {
                // Inside a character (half of a surrogate pair): its start.
                return start + i;
            }
        }
        start + line.len()
    }

    pub(crate) fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        // `é` is 2 bytes and 1 UTF-16 unit; `😀` 4 bytes and 2 units.
        let text = "ab\nxé😀y\n";
        let index = LineIndex::new(text, Encoding::Utf16);
        let y = text.find('y').unwrap();
        assert_eq!(index.position(text, y), Position::new(1, 4));
        assert_eq!(index.offset(text, Position::new(1, 4)), y);
        // Inside the pair: the emoji's start.
        assert_eq!(index.offset(text, Position::new(1, 3)), y - 4);
        let utf8 = LineIndex::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(text, y), Position::new(1, 7));
        assert_eq!(utf8.offset(text, Position::new(1, 7)), y);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "one\r\ntwo";
        let index = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(index.offset(text, Position::new(0, 99)), 3);
        assert_eq!(index.offset(text, Position::new(1, 99)), text.len());
        assert_eq!(index.offset(text, Position::new(7, 0)), text.len());
        assert_eq!(index.position(text, 999), Position::new(1, 3));
    }
}
