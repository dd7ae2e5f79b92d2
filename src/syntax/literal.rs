//! String literals, read and written: the one place that knows how a
//! `"..."` of a rule file escapes its text.

/// The text of a literal's body (what is between the quotes), escapes
/// undone.
pub(super) fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` as a `.coex` string literal, quoted and escaped as the grammar
/// reads it back.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, unescape};

    #[test]
    fn a_literal_reads_back_as_the_text_it_was_written_from() {
        for text in [
            "plain",
            "say \"hi\"",
            "back\\slash",
            "two\nlines",
            "a\ttab",
            "",
        ] {
            let literal = escape(text);
            let body = &literal[1..literal.len() - 1];
            assert_eq!(unescape(body), text, "{literal}");
        }
        assert_eq!(escape("a \"b\"\\"), r#""a \"b\"\\""#);
    }
}
