//! Training mode: the trainee judges each step of a plan, then compares with the tool.
//!
//! An exercise is a plan from the incident library (`library`) or one a trainer shared as a
//! link. The engine scores it as it would on the page; the trainee's choices are compared step
//! by step, and the session keeps a running score. Being less cautious than the tool on a step
//! it escalates or blocks is counted apart: waving through what needed a second look is the
//! mistake approval training exists to prevent, and it weighs more than being too strict.
//! Everything here is a plain reducer, tested natively; `components::training_view` draws it.

pub mod entry;
pub mod library;

use crate::share::Shared;
use approval_risk_engine::{assess, Assessment, Context, Decision, Options};
use std::rc::Rc;
use yew::Reducible;

pub use entry::{use_training, Training};
pub use library::{Exercise, LIBRARY};

/// An exercise covers at most this many steps. A trainer can turn any plan into an exercise,
/// but nobody judges three hundred steps in a session; the note under the steps says so.
pub const EXERCISE_STEPS: usize = 40;

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
    /// choice counts as judged and not matched (the reveal only runs once all are chosen).
    pub fn of(choices: &[Option<Decision>], decisions: &[Decision]) -> Score {
        let mut score = Score::default();
        for (choice, &tool) in choices.iter().zip(decisions) {
            score.steps += 1;
            match choice.map(|choice| Call::of(choice, tool)) {
                Some(Call::Matched) => score.matched += 1,
                Some(Call::Stricter) => score.stricter += 1,
                Some(Call::Laxer) => score.laxer += 1,
                Some(Call::Missed) => {
                    score.laxer += 1;
                    score.missed += 1;
                }
                None => {}
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

/// What an exercise is made from.
#[derive(Debug, Clone, PartialEq)]
pub enum Lesson {
    Incident(&'static Exercise),
    /// A plan a trainer shared as an exercise link: there is no incident behind it.
    Built(Rc<Shared>),
}

impl Lesson {
    pub fn plan(&self) -> &str {
        match self {
            Lesson::Incident(exercise) => exercise.plan,
            Lesson::Built(shared) => &shared.plan,
        }
    }

    pub fn options(&self) -> Options {
        match self {
            Lesson::Incident(exercise) => Options {
                context: exercise.context,
                ..Options::default()
            },
            Lesson::Built(shared) => Options {
                context: shared.context,
                format: shared.format,
                ..Options::default()
            },
        }
    }

    pub fn id(&self) -> Option<&'static str> {
        match self {
            Lesson::Incident(exercise) => Some(exercise.id),
            Lesson::Built(_) => None,
        }
    }
}

/// One exercise under way: the tool's assessment (hidden until the reveal) and the choices.
#[derive(Debug, Clone)]
pub struct Round {
    pub lesson: Lesson,
    pub context: Context,
    pub assessment: Rc<Assessment>,
    /// One per judged step (the first `EXERCISE_STEPS` of the plan).
    pub choices: Vec<Option<Decision>>,
    /// Set by the reveal.
    pub score: Option<Score>,
    /// The step a reveal asked too early sent the trainee back to.
    pub prompt: Option<usize>,
}

/// Rounds compare by what changes while one is played: the assessment is made once per round,
/// so comparing it by address spares the page a deep comparison of every step and finding.
impl PartialEq for Round {
    fn eq(&self, other: &Round) -> bool {
        Rc::ptr_eq(&self.assessment, &other.assessment)
            && self.choices == other.choices
            && self.score == other.score
            && self.prompt == other.prompt
    }
}

impl Round {
    pub fn new(lesson: Lesson) -> Round {
        let assessment = Rc::new(assess(lesson.plan(), &lesson.options()));
        Round::with_assessment(lesson, assessment)
    }

    /// A round on an assessment already made of the lesson's plan with its options (the page's
    /// own, when an exercise link opens the page: the plan is not assessed twice).
    pub fn with_assessment(lesson: Lesson, assessment: Rc<Assessment>) -> Round {
        let steps = assessment.steps.len().min(EXERCISE_STEPS);
        Round {
            context: lesson.options().context,
            lesson,
            assessment,
            choices: vec![None; steps],
            score: None,
            prompt: None,
        }
    }

    /// The tool's decision for each judged step.
    pub fn decisions(&self) -> Vec<Decision> {
        self.assessment
            .steps
            .iter()
            .take(self.choices.len())
            .map(|step| step.decision)
            .collect()
    }

    /// The first step (1-based) still without a choice.
    pub fn unanswered(&self) -> Option<usize> {
        self.choices
            .iter()
            .position(Option::is_none)
            .map(|index| index + 1)
    }

    pub fn revealed(&self) -> bool {
        self.score.is_some()
    }
}

/// The training session: the exercise under way and the score so far. It lives as long as the
/// page, so leaving training for the plan and coming back keeps the score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    pub round: Option<Round>,
    pub total: Score,
    /// Exercises revealed in this session (the same one twice counts twice).
    pub rounds: usize,
    /// Library exercises revealed, by id, for the marks in the list.
    pub done: Vec<&'static str>,
    /// Exercises started, so the view knows a new one from the same one chosen again.
    pub started: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Move {
    Start(Lesson),
    /// Step `step` (1-based) gets `decision`.
    Choose {
        step: usize,
        decision: Decision,
    },
    /// Compare, once every step has a choice; before that, point at the first step without one.
    Reveal,
    /// Back to the list.
    Leave,
}

impl Reducible for Session {
    type Action = Move;

    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Move::Start(lesson) => {
                next.round = Some(Round::new(lesson));
                next.started += 1;
            }
            Move::Choose { step, decision } => {
                let Some(round) = next.round.as_mut().filter(|round| !round.revealed()) else {
                    return self;
                };
                match step.checked_sub(1).and_then(|i| round.choices.get_mut(i)) {
                    Some(choice) if *choice != Some(decision) => *choice = Some(decision),
                    _ => return self,
                }
            }
            Move::Reveal => {
                let Some(round) = next.round.as_mut() else {
                    return self;
                };
                if round.revealed() {
                    return self;
                }
                // Too early: point at the first step still without a choice.
                match round.unanswered() {
                    Some(step) if round.prompt == Some(step) => return self,
                    Some(step) => {
                        round.prompt = Some(step);
                        return Rc::new(next);
                    }
                    None => round.prompt = None,
                }
                let score = Score::of(&round.choices, &round.decisions());
                round.score = Some(score);
                next.total = next.total.plus(score);
                next.rounds += 1;
                if let Some(id) = round.lesson.id() {
                    if !next.done.contains(&id) {
                        next.done.push(id);
                    }
                }
            }
            Move::Leave if self.round.is_none() => return self,
            Move::Leave => next.round = None,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod expectations;
#[cfg(test)]
mod tests;
