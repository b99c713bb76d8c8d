//! Approval Risk Engine: reads an AI agent's plan, scores every step on reversibility and
//! scope, decides `proceed` / `review` / `escalate` / `block`, and explains why.
//!
//! Pure Rust: no I/O, no web dependencies, and no panics on any input. The one entry point is
//! [`assess`]; its result serialises to the `approval-risk/v1` JSON contract.

// First, so that `words!` is in scope in every module below.
#[macro_use]
pub mod words;
mod assess;
pub mod context;
mod derived;
mod explain;
mod json;
pub mod model;
pub(crate) mod order;
mod pipeline;
pub mod plan;
pub mod policy;
pub mod prose;
pub mod render;
pub mod report;
mod report_json;
pub mod rules;
pub mod shell;
pub mod span;
pub mod sql;
pub mod strict_json;
mod unicode;

pub use context::{Context, Credentials, Target};
pub use model::{decide, Decision, Reversibility, Scope};
pub use plan::Format;
pub use policy::{Policy, PolicyError};
pub use report::{Assessment, Engine, Finding, PatternReport, StepReport, SCHEMA};
pub use span::Span;

/// Everything besides the plan text that changes an assessment.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub context: Context,
    pub policy: Policy,
    /// Read the plan as this format instead of detecting it.
    pub format: Option<Format>,
}

/// Assesses a plan. Never panics; an empty plan is an empty `proceed` assessment.
pub fn assess(input: &str, options: &Options) -> Assessment {
    pipeline::run(input, options)
}
