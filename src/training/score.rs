//! How a choice compares with the tool's decision, and the score those comparisons add up to.

use approval_risk_engine::Decision;

/// How a choice compares with the tool's decision for the same step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    Matched,
    /// More cautious than the tool: a needless second look, not a risk.
    Stricter,
    /// Less cautious than the tool on a step it proceeds or reviews.
    Laxer,
    /// Less cautious than the tool on a step it escalates or blocks: the step that must not be
    /// approved alone, let through.
    Missed,
}

impl Call {
    pub fn of(choice: Decision, tool: Decision) -> Call {
        match choice.cmp(&tool) {
            std::cmp::Ordering::Equal => Call::Matched,
            std::cmp::Ordering::Greater => Call::Stricter,
            std::cmp::Ordering::Less if tool >= Decision::Escalate => Call::Missed,
            std::cmp::Ordering::Less => Call::Laxer,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Call::Matched => "matched",
            Call::Stricter => "stricter",
            Call::Laxer => "laxer",
            Call::Missed => "missed",
        }
    }

    /// What the reveal says beside the step.
    pub fn verdict(self) -> &'static str {
        match self {
            Call::Matched => "Same as the tool.",
            Call::Stricter => "More cautious than the tool.",
            Call::Laxer => "Less cautious than the tool.",
            Call::Missed => "Less cautious than the tool on a step it would not let through alone.",
        }
    }
}

/// Steps judged, and how the choices compared. `laxer` counts every less cautious choice,
/// `missed` the ones among them on steps the tool escalates or blocks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub steps: usize,
    pub matched: usize,
    pub stricter: usize,
    pub laxer: usize,
    pub missed: usize,
}

impl Score {
    /// The score of `choices` against the tool's `decisions`, step by step. A step without a
    /// choice is not counted: a trainee reveals only once every step has one, and a facilitated
    /// room may leave a step to discussion without a show of hands.
    pub fn of(choices: &[Option<Decision>], decisions: &[Decision]) -> Score {
        let mut score = Score::default();
        for (choice, &tool) in choices.iter().zip(decisions) {
            let Some(choice) = choice else {
                continue;
            };
            score.steps += 1;
            match Call::of(*choice, tool) {
                Call::Matched => score.matched += 1,
                Call::Stricter => score.stricter += 1,
                Call::Laxer => score.laxer += 1,
                Call::Missed => {
                    score.laxer += 1;
                    score.missed += 1;
                }
            }
        }
        score
    }

    pub fn plus(self, other: Score) -> Score {
        Score {
            steps: self.steps + other.steps,
            matched: self.matched + other.matched,
            stricter: self.stricter + other.stricter,
            laxer: self.laxer + other.laxer,
            missed: self.missed + other.missed,
        }
    }

    pub fn full_marks(&self) -> bool {
        self.steps > 0 && self.matched == self.steps
    }

    /// "3 of 4 steps matched the tool."
    pub fn matched_sentence(&self) -> String {
        if self.steps == 0 {
            return "No step had a choice, so nothing was scored.".to_string();
        }
        let noun = if self.steps == 1 { "step" } else { "steps" };
        format!(
            "{} of {} {noun} matched the tool.",
            self.matched, self.steps
        )
    }

    /// The warning about less cautious choices, or `None` when there were none.
    pub fn lax_sentence(&self) -> Option<String> {
        if self.laxer == 0 {
            return None;
        }
        let noun = if self.laxer == 1 { "step" } else { "steps" };
        let mut sentence = format!("Less cautious than the tool on {} {noun}", self.laxer);
        if self.missed > 0 {
            sentence.push_str(&format!(
                ", {} of them escalated or blocked by the tool",
                self.missed
            ));
        }
        sentence.push('.');
        Some(sentence)
    }
}
