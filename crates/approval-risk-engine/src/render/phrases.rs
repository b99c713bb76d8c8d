//! The sentences every report shares: what the engine was told, how many steps got which
//! decision, which steps a pattern joins, and what raised or lowered an axis.

use super::visible::{visible, Breaks};
use crate::report::{Adjustment, AdjustmentKind, Assessment};
use crate::words::Join;
use crate::{Context, Decision, Span};

/// What the engine was told and what it read, so a surprising verdict can be traced to a flag.
pub fn context_line(assessment: &Assessment) -> String {
    context_sentence(&assessment.format, &assessment.context)
}

/// [`context_line`] from its parts, for callers that hold no assessment (the page, when the
/// worker holds it).
pub fn context_sentence(format: &str, context: &Context) -> String {
    format!(
        "Read as {}; target {}, credentials {}, {}.",
        visible(format, Breaks::Space),
        context.target.as_str(),
        context.credentials.as_str(),
        if context.change_freeze {
            "change freeze in force"
        } else {
            "no change freeze"
        }
    )
}

/// `2 steps: 1 proceed, 1 escalate.`, naming only the decisions that occur.
pub fn counts_line(assessment: &Assessment) -> String {
    tally(assessment.counts())
}

/// [`counts_line`] from the counts alone (in `Decision::ALL` order), for callers that hold no
/// assessment, such as the page when the worker holds it.
pub fn tally(counts: [usize; 4]) -> String {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return "No steps found in the plan.".to_string();
    }
    let parts: Vec<String> = Decision::ALL
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(|(decision, count)| format!("{} {}", count, decision.as_str()))
        .collect();
    let noun = if total == 1 { "step" } else { "steps" };
    format!("{total} {noun}: {}.", parts.joined(", "))
}

/// The adjustment's evidence minus what its note already quotes, so no words are shown twice.
pub fn evidence_not_in_note(adjustment: &Adjustment, input: &str) -> Vec<Span> {
    adjustment
        .evidence
        .iter()
        .filter(|span| !adjustment.note.contains(span.slice(input)))
        .copied()
        .collect()
}

/// The adjustment's kind as the verb a reader expects (`raised`, `lowered`, ...).
pub fn adjustment_kind(kind: AdjustmentKind) -> &'static str {
    match kind {
        AdjustmentKind::Amplifier => "raised",
        AdjustmentKind::Mitigation => "lowered",
        AdjustmentKind::Context => "context",
        AdjustmentKind::Policy => "policy",
    }
}

/// `steps 1 and 2`, `steps 1, 3 and 4`, `step 2`.
pub fn steps_phrase(steps: &[usize]) -> String {
    let numbers: Vec<String> = steps.iter().map(usize::to_string).collect();
    match numbers.as_slice() {
        [] => "plan".to_string(),
        [one] => crate::words::fill("step {}", one),
        [rest @ .., last] => format!("steps {} and {last}", rest.joined(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{assess, Options};

    #[test]
    fn step_lists_read_as_words() {
        assert_eq!(steps_phrase(&[2]), "step 2");
        assert_eq!(steps_phrase(&[1, 2]), "steps 1 and 2");
        assert_eq!(steps_phrase(&[1, 3, 4]), "steps 1, 3 and 4");
    }

    #[test]
    fn adjustment_evidence_already_in_the_note_is_not_repeated() {
        let input = "drop prod";
        let adjustment = Adjustment {
            kind: AdjustmentKind::Amplifier,
            note: "It names production (`prod`).".to_string(),
            evidence: vec![Span { start: 5, end: 9 }, Span { start: 0, end: 4 }],
        };
        assert_eq!(
            evidence_not_in_note(&adjustment, input),
            vec![Span { start: 0, end: 4 }]
        );
    }

    #[test]
    fn counts_name_only_the_decisions_that_occur() {
        let empty = assess("", &Options::default());
        assert_eq!(counts_line(&empty), "No steps found in the plan.");
        let one = assess("1. List the files in the repo", &Options::default());
        assert_eq!(counts_line(&one), "1 step: 1 proceed.");
    }

    #[test]
    fn the_context_line_says_what_the_engine_was_told() {
        let one = assess("git status", &Options::default());
        let line = context_line(&one);
        assert!(line.contains("target unknown"), "{line}");
        assert!(line.ends_with("no change freeze."), "{line}");
    }
}
