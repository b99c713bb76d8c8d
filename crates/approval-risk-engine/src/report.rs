//! The assessment as the outside world sees it: schema `approval-risk/v1` (DESIGN.md, "Output
//! contract"). Fields may be added; existing ones never change meaning.

use crate::context::Context;
use crate::model::{Decision, Reversibility, Scope};
use crate::span::Span;
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "approval-risk/v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub schema: String,
    pub verdict: Decision,
    pub summary: String,
    /// The format that was read (`prose`, `markdown`, `shell`, ...).
    pub format: String,
    pub context: Context,
    pub steps: Vec<StepReport>,
    pub patterns: Vec<PatternReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepReport {
    /// 1-based position in the plan.
    pub index: usize,
    /// 1-based line of the step's first byte.
    pub line: usize,
    pub span: Span,
    pub text: String,
    pub decision: Decision,
    pub reversibility: Reversibility,
    pub scope: Scope,
    pub explanation: String,
    pub safer: String,
    pub questions: Vec<String>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub title: String,
    pub why: String,
    pub reversibility: Reversibility,
    pub scope: Scope,
    /// This finding's own decision (matrix, floor, policy and context applied).
    pub decision: Decision,
    pub evidence: Vec<Span>,
    /// What raised or lowered the axes, in words, each with the bytes that show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    pub kind: AdjustmentKind,
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdjustmentKind {
    Amplifier,
    Mitigation,
    Context,
    Policy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatternReport {
    pub rule: String,
    /// 1-based indexes of the steps the pattern joins, in plan order.
    pub steps: Vec<usize>,
    pub decision: Decision,
    pub title: String,
    pub why: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub safer: String,
}

impl Assessment {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"))
    }

    /// How many steps got each decision, in `Decision::ALL` order.
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for step in &self.steps {
            counts[step.decision as usize] += 1;
        }
        counts
    }
}
