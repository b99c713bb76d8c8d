//! A tolerant JSON reader that keeps spans: every string value remembers where each of its
//! decoded characters came from, so a command found inside a tool call (even inside an OpenAI
//! `arguments` string, which is JSON inside a JSON string) points at the input's own bytes.
//! Malformed input ends the value where it broke; nothing here fails or recurses unboundedly.

use crate::derived::Derived;
use crate::span::Span;

#[derive(Debug, Clone)]
pub enum Value {
    Object(Vec<(Text, Value)>, Span),
    Array(Vec<Value>, Span),
    String(Text),
    /// A number, `true`, `false` or `null`: kept only as a span.
    Scalar(Span),
}

/// A decoded JSON string and the map from its bytes to the input.
#[derive(Debug, Clone)]
pub struct Text {
    pub derived: Derived,
    /// The string including its quotes, in input bytes.
    pub span: Span,
}

impl Text {
    pub fn as_str(&self) -> &str {
        &self.derived.text
    }
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Object(_, s) | Value::Array(_, s) | Value::Scalar(s) => *s,
            Value::String(t) => t.span,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields, _) => fields
                .iter()
                .find(|(k, _)| k.as_str() == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn text(&self) -> Option<&Text> {
        match self {
            Value::String(t) => Some(t),
            _ => None,
        }
    }

    pub fn str(&self) -> Option<&str> {
        match self {
            Value::String(t) => Some(t.as_str()),
            _ => None,
        }
    }
}

const MAX_DEPTH: usize = 64;

/// Reads every top-level value in `text` (one JSON document, or JSON Lines). `map` places
/// `text` in the input: identity for the input itself, a decoded string's map for nested JSON.
pub fn parse_all(text: &str, map: &dyn Fn(Span) -> Span) -> Vec<Value> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        map,
    };
    let mut out = Vec::new();
    loop {
        reader.skip_space();
        if reader.pos >= reader.bytes.len() {
            break;
        }
        let before = reader.pos;
        match reader.value(0) {
            Some(value) => out.push(value),
            None => {
                // Skip a byte that starts no value, so junk between documents is passed over.
                reader.pos = before + 1;
                while reader.pos < reader.bytes.len() && !reader.text.is_char_boundary(reader.pos) {
                    reader.pos += 1;
                }
            }
        }
    }
    out
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    map: &'a dyn Fn(Span) -> Span,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        while self.pos < self.bytes.len()
            && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r' | b',')
        {
            self.pos += 1;
        }
    }

    fn outer(&self, start: usize, end: usize) -> Span {
        (self.map)(Span::new(start, end))
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        self.skip_space();
        let start = self.pos;
        match *self.bytes.get(self.pos)? {
            b'{' if depth < MAX_DEPTH => {
                self.pos += 1;
                let mut fields = Vec::new();
                loop {
                    self.skip_space();
                    match self.bytes.get(self.pos) {
                        Some(b'}') => {
                            self.pos += 1;
                            break;
                        }
                        Some(b'"') => {
                            let key = self.string()?;
                            self.skip_space();
                            if self.bytes.get(self.pos) == Some(&b':') {
                                self.pos += 1;
                            }
                            match self.value(depth + 1) {
                                Some(value) => fields.push((key, value)),
                                None => break,
                            }
                        }
                        _ => break,
                    }
                }
                Some(Value::Object(fields, self.outer(start, self.pos)))
            }
            b'[' if depth < MAX_DEPTH => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.bytes.get(self.pos) {
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        None => break,
                        _ => match self.value(depth + 1) {
                            Some(value) => items.push(value),
                            None => break,
                        },
                    }
                }
                Some(Value::Array(items, self.outer(start, self.pos)))
            }
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                while self.pos < self.bytes.len()
                    && (self.bytes[self.pos].is_ascii_alphanumeric()
                        || matches!(self.bytes[self.pos], b'.' | b'-' | b'+'))
                {
                    self.pos += 1;
                }
                Some(Value::Scalar(self.outer(start, self.pos)))
            }
            _ => None,
        }
    }

    /// A string at `pos` (on its opening quote): decoded, with each piece mapped to the input.
    fn string(&mut self) -> Option<Text> {
        let start = self.pos;
        self.pos += 1;
        let mut derived = Derived::new();
        let mut run_start = self.pos;
        while let Some(&byte) = self.bytes.get(self.pos) {
            match byte {
                b'"' => break,
                b'\\' => {
                    self.copy_run(&mut derived, run_start, self.pos);
                    let escape_start = self.pos;
                    self.pos += 1;
                    let decoded = match self.bytes.get(self.pos) {
                        Some(b'n') => Some('\n'),
                        Some(b't') => Some('\t'),
                        Some(b'r') => Some('\r'),
                        Some(b'b') => Some('\u{8}'),
                        Some(b'f') => Some('\u{c}'),
                        Some(b'u') => {
                            let hex = self.text.get(self.pos + 1..self.pos + 5).unwrap_or("");
                            let code = u32::from_str_radix(hex, 16).ok();
                            self.pos += 4;
                            Some(code.and_then(char::from_u32).unwrap_or('\u{fffd}'))
                        }
                        Some(&other) => Some(other as char),
                        None => None,
                    };
                    self.pos = (self.pos + 1).min(self.bytes.len());
                    while !self.text.is_char_boundary(self.pos) {
                        self.pos += 1;
                    }
                    if let Some(c) = decoded {
                        derived.stand_in(
                            c.encode_utf8(&mut [0; 4]),
                            self.outer(escape_start, self.pos),
                        );
                    }
                    run_start = self.pos;
                }
                _ => self.pos += 1,
            }
        }
        self.copy_run(&mut derived, run_start, self.pos.min(self.bytes.len()));
        self.pos = (self.pos + 1).min(self.bytes.len());
        Some(Text {
            derived,
            span: self.outer(start, self.pos),
        })
    }

    fn copy_run(&self, derived: &mut Derived, start: usize, end: usize) {
        if end > start {
            let piece = &self.text[start..end];
            let origin = self.outer(start, end);
            if origin.len() == piece.len() {
                derived.copy_text(piece, origin);
            } else {
                derived.stand_in(piece, origin);
            }
        }
    }
}

// A test reports failure by panicking; the workspace's `clippy::panic` lint is meant for the
// engine, which must never panic on any input.
#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn nested_json_strings_map_back_to_the_input() {
        let input = r#"{"function":{"name":"bash","arguments":"{\"command\":\"rm -rf /srv\"}"}}"#;
        let values = parse_all(input, &|s| s);
        let args = values[0]
            .get("function")
            .and_then(|f| f.get("arguments"))
            .expect("arguments");
        let Value::String(text) = args else {
            panic!("string")
        };
        let inner = parse_all(text.as_str(), &|s| text.derived.map(s));
        let command = inner[0].get("command").expect("command");
        let Value::String(command) = command else {
            panic!("string")
        };
        assert_eq!(command.as_str(), "rm -rf /srv");
        assert_eq!(command.derived.map(Span::new(7, 11)).slice(input), "/srv");
    }

    #[test]
    fn broken_json_does_not_fail() {
        assert_eq!(parse_all(r#"{"a": [1, 2"#, &|s| s).len(), 1);
        assert!(parse_all("", &|s| s).is_empty());
        let deep = "[".repeat(10_000);
        let _ = parse_all(&deep, &|s| s);
    }
}
