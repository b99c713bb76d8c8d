//! Reports for people: the assessment rendered as Markdown (tickets, pull-request comments) and
//! the text pieces the CLI's terminal report and the page share.
//!
//! Pure string code: no I/O and nothing web-related, so the CLI, the page's "export as
//! Markdown" and any embedder produce the very same report from the same assessment.

mod markdown;
mod phrases;
mod visible;

pub use markdown::markdown;
pub use phrases::{
    adjustment_kind, context_line, context_sentence, counts_line, evidence_not_in_note,
    steps_phrase, tally,
};
pub use visible::{is_hidden, shorten, visible, Breaks};
