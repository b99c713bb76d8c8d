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
    /// No step was found (an empty or unreadable plan): nothing was assessed. The verdict
    /// then says `proceed` only because nothing raised it, so a portal must not take it as an
    /// approval; the page says "Nothing to assess". Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub empty: bool,
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
    /// One sentence of at most 30 words: what the step does to what, and what is lost or who
    /// is reached. Cards, the verdict banner and the reports lead with it.
    #[serde(default)]
    pub headline: String,
    pub explanation: String,
    pub safer: String,
    pub questions: Vec<String>,
    pub findings: Vec<Finding>,
    /// What runs, decoded, when the plan holds it encoded (a tool call in a JSON transcript):
    /// the command, the SQL, or the tool's name and argument values, as a card shows it.
    /// Empty when `text` already reads as what runs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub shown: String,
    /// Each finding's evidence as byte spans of `shown`, in the order of `findings` (empty
    /// when `shown` is).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown_evidence: Vec<Vec<Span>>,
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
    /// The `approval-risk/v1` JSON. Characters a reader cannot see or a terminal obeys (C1
    /// controls, DEL, bidirectional overrides, zero-width and tag characters) are written as
    /// `\u` escapes: the same JSON to a parser, and inert when the output is shown raw (a CI
    /// log, a terminal, a diff).
    pub fn to_json(&self) -> String {
        let json = serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"));
        escape_hidden(json)
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

/// `json` with every hidden character escaped. They can only stand inside strings (the rest of
/// serde's output is ASCII), where an escape means the same character.
fn escape_hidden(json: String) -> String {
    if !json.chars().any(crate::render::is_hidden) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        // Serde escapes C0 controls itself; raw ones left are the pretty printer's line breaks.
        if crate::render::is_hidden(c) && c > '\u{1F}' {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod escape_tests {
    use super::escape_hidden;

    #[test]
    fn hidden_characters_are_escaped_and_parse_back() {
        let text = "rm \u{202E}fr- \u{9B}2J \u{7F} \u{E0072}";
        let json = serde_json::to_string(text).expect("a string serialises");
        let escaped = escape_hidden(json);
        assert_eq!(escaped, r#""rm \u202efr- \u009b2J \u007f \udb40\udc72""#);
        let back: String = serde_json::from_str(&escaped).expect("still JSON");
        assert_eq!(back, text);
        let plain = serde_json::to_string("ünïcode ✓").expect("serialises");
        assert_eq!(
            escape_hidden(plain.clone()),
            plain,
            "visible text is left alone"
        );
    }
}
