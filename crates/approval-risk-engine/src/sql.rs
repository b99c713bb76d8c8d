//! A tolerant keyword-level SQL lexer: words with spans, strings and comments skipped. Pasted
//! SQL is often partial, so nothing here rejects input.

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlWord {
    /// Lower-cased keyword or identifier (quotes removed).
    pub text: String,
    /// As written.
    pub raw: String,
    pub span: Span,
}

pub fn words(input: &str, span: Span) -> Vec<SqlWord> {
    let text = span.slice(input);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'-' && bytes.get(i + 1) == Some(&b'-') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if b == b'\'' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'\'' {
                i += 1;
            }
            i += 1;
        } else if b == b'"' || b == b'`' || b == b'[' {
            // A quoted identifier is still a name worth matching on.
            let close = if b == b'[' { b']' } else { b };
            let start = i + 1;
            i += 1;
            while i < bytes.len() && bytes[i] != close {
                i += 1;
            }
            let raw = &text[start..i.min(text.len())];
            out.push(SqlWord {
                text: raw.to_ascii_lowercase(),
                raw: raw.to_string(),
                span: Span::new(span.start + start, span.start + i.min(text.len())),
            });
            i += 1;
        } else if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || matches!(bytes[i], b'_' | b'.' | b'$')
                    || bytes[i] >= 0x80)
            {
                i += 1;
            }
            let raw = &text[start..i];
            out.push(SqlWord {
                text: raw.to_ascii_lowercase(),
                raw: raw.to_string(),
                span: Span::new(span.start + start, span.start + i),
            });
        } else if b == b'*' {
            out.push(SqlWord {
                text: "*".into(),
                raw: "*".into(),
                span: Span::new(span.start + i, span.start + i + 1),
            });
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_comments_are_skipped() {
        let text = "DELETE FROM users -- WHERE id = 1\n WHERE note = 'drop table'";
        let w: Vec<String> = words(text, Span::new(0, text.len()))
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["delete", "from", "users", "where", "note"]);
    }
}
