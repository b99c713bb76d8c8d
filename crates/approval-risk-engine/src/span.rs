//! Byte spans into the pasted text: every step and every piece of evidence is one.

use serde::{Deserialize, Serialize};

/// A half-open range of UTF-8 byte offsets `[start, end)` into the input as given. It serialises
/// as a two-element array, the shape of the JSON contract.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text under the span, or `""` when the span does not fall on character boundaries of
    /// `input` (which would be a bug; this keeps the engine from panicking on it).
    pub fn slice(self, input: &str) -> &str {
        input.get(self.start..self.end).unwrap_or("")
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Span {
        Span::new(start, end)
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> [usize; 2] {
        [span.start, span.end]
    }
}
