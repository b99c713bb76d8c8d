//! Derived text: a text the engine builds from the input (Unicode tricks removed, commands
//! decoded out of JSON, tool calls written as steps) together with a map back to the input's
//! bytes, so every span found in the derived text can be reported as a span of the input.

use crate::span::Span;

/// A stretch of derived text and the input bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct Run {
    derived: usize,
    len: usize,
    origin: Span,
    /// The stretch is a byte-for-byte copy of `origin`, so offsets inside it map one to one.
    exact: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub text: String,
    runs: Vec<Run>,
}

impl Derived {
    pub fn new() -> Derived {
        Derived::default()
    }

    /// Appends input bytes unchanged.
    pub fn copy(&mut self, input: &str, span: Span) {
        let piece = span.slice(input);
        if piece.is_empty() {
            return;
        }
        self.runs.push(Run {
            derived: self.text.len(),
            len: piece.len(),
            origin: span,
            exact: true,
        });
        self.text.push_str(piece);
    }

    /// Appends `text`, which is a byte-for-byte copy of the input at `origin`.
    pub fn copy_text(&mut self, text: &str, origin: Span) {
        if text.is_empty() {
            return;
        }
        // Adjacent copies of adjacent bytes are one run.
        if let Some(last) = self.runs.last_mut() {
            if last.exact
                && last.derived + last.len == self.text.len()
                && last.origin.end == origin.start
            {
                last.len += text.len();
                last.origin.end = origin.end;
                self.text.push_str(text);
                return;
            }
        }
        self.runs.push(Run {
            derived: self.text.len(),
            len: text.len(),
            origin,
            exact: true,
        });
        self.text.push_str(text);
    }

    /// Appends text that stands for `origin` without being a copy of it (a decoded escape, a
    /// replaced look-alike letter, words the engine writes to describe a tool call).
    pub fn stand_in(&mut self, text: &str, origin: Span) {
        if text.is_empty() {
            return;
        }
        self.runs.push(Run {
            derived: self.text.len(),
            len: text.len(),
            origin,
            exact: false,
        });
        self.text.push_str(text);
    }

    fn run_at(&self, offset: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.derived <= offset);
        self.runs.get(i.checked_sub(1)?)
    }

    fn start_of(&self, offset: usize) -> usize {
        match self.run_at(offset) {
            Some(r) if r.exact => r.origin.start + (offset - r.derived).min(r.len),
            Some(r) if offset < r.derived + r.len => r.origin.start,
            Some(r) => r.origin.end,
            None => 0,
        }
    }

    fn end_of(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.start_of(0);
        }
        match self.run_at(offset - 1) {
            Some(r) if r.exact => r.origin.start + (offset - r.derived).min(r.len),
            Some(r) => r.origin.end,
            None => 0,
        }
    }

    /// The input span a span of the derived text stands for.
    pub fn map(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self.start_of(span.start);
            return Span::new(at, at);
        }
        Span::new(self.start_of(span.start), self.end_of(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_runs_map_byte_for_byte_and_stand_ins_map_to_their_origin() {
        let input = "ab\\ncd";
        let mut d = Derived::new();
        d.copy(input, Span::new(0, 2));
        d.stand_in("\n", Span::new(2, 4));
        d.copy(input, Span::new(4, 6));
        assert_eq!(d.text, "ab\ncd");
        assert_eq!(d.map(Span::new(1, 2)).slice(input), "b");
        assert_eq!(d.map(Span::new(2, 3)).slice(input), "\\n");
        assert_eq!(d.map(Span::new(1, 5)).slice(input), "b\\ncd");
        assert_eq!(d.map(Span::new(3, 5)).slice(input), "cd");
    }
}
