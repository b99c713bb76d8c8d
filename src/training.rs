//! Training mode: the trainee judges each step of a plan, then compares with the tool.
//!
//! An exercise is a plan from the incident library (`library`) or one a trainer shared as a
//! link. The engine scores it as it would on the page; the trainee's choices are compared step
//! by step, and the session keeps a running score. Being less cautious than the tool on a step
//! it escalates or blocks is counted apart: waving through what needed a second look is the
//! mistake approval training exists to prevent, and it weighs more than being too strict.
//!
//! In facilitator mode (issue 18) a trainer leads a room: the steps come one at a time, the
//! tool's answer for a step stays hidden until the trainer reveals it (whether or not anyone
//! chose), the room's show of hands is counted per step, and an answer key and notes are there
//! for the trainer. Everything here is a plain reducer, tested natively;
//! `components::training_view` draws it, and `progress` keeps it across a reload.

pub mod entry;
pub mod library;
pub mod page;
pub mod progress;
mod score;
pub mod sets;

use crate::share::Shared;
use approval_risk_engine::{assess, Assessment, Context, Decision, Options};
use std::rc::Rc;
use yew::Reducible;

pub use entry::{use_training, Training};
pub use library::{Exercise, LIBRARY};
pub use score::{Call, Score};
pub use sets::SETS;

/// An exercise covers at most this many steps. A trainer can turn any plan into an exercise,
/// but nobody judges three hundred steps in a session; the note under the steps says so.
pub const EXERCISE_STEPS: usize = 40;

/// A room's show of hands never reaches this; the cap keeps a held-down key from counting on.
const MOST_HANDS: u16 = 999;

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

    /// A library exercise's teaser until the reveal and its own title after it (the title names
    /// the mistake); a built exercise's title from its link, or a plain one.
    pub fn title(&self, revealed: bool) -> &str {
        match self {
            Lesson::Incident(exercise) if revealed => exercise.title,
            Lesson::Incident(exercise) => exercise.teaser,
            Lesson::Built(shared) => {
                non_empty(&shared.framing.title).unwrap_or("An exercise made from a plan")
            }
        }
    }

    /// The story a trainer set the scene with, shown above the steps.
    pub fn story(&self) -> Option<&str> {
        match self {
            Lesson::Incident(_) => None,
            Lesson::Built(shared) => non_empty(&shared.framing.story),
        }
    }

    /// What the reveal tells after the score: what really happened, the trainer's debrief, or
    /// a prompt for the room when a built exercise has none.
    pub fn debrief(&self) -> &str {
        match self {
            Lesson::Incident(exercise) => exercise.account,
            Lesson::Built(shared) => non_empty(&shared.framing.debrief).unwrap_or(
                "This exercise was made from a plan on the page; no incident is behind it. Talk \
                 through what could go wrong at each step the tool escalates or blocks.",
            ),
        }
    }

    /// The trainer's note, for the facilitator only: `None` to a trainee, always.
    pub fn note(&self, facilitator: bool) -> Option<&str> {
        let note = match self {
            Lesson::Incident(exercise) => exercise.notes,
            Lesson::Built(shared) => &shared.framing.note,
        };
        non_empty(note).filter(|_| facilitator)
    }
}

fn non_empty(text: &str) -> Option<&str> {
    Some(text).filter(|text| !text.trim().is_empty())
}

/// Where `decision` is counted in a step's tally.
fn hand(decision: Decision) -> usize {
    Decision::ALL
        .iter()
        .position(|&other| other == decision)
        .unwrap_or(0)
}

/// One exercise under way: the tool's assessment (hidden until the reveal) and the choices.
#[derive(Debug, Clone)]
pub struct Round {
    pub lesson: Lesson,
    pub context: Context,
    pub assessment: Rc<Assessment>,
    /// One per judged step (the first `EXERCISE_STEPS` of the plan).
    pub choices: Vec<Option<Decision>>,
    /// Set once every answer is shown.
    pub score: Option<Score>,
    /// The step a reveal asked too early sent the trainee back to.
    pub prompt: Option<usize>,
    /// Steps on screen: every step, unless a facilitator shows them one at a time.
    pub shown: usize,
    /// Steps whose tool decision is on screen, from the first: none until a reveal.
    pub answered: usize,
    /// The room's show of hands per step, one count per decision in `Decision::ALL` order.
    pub tally: Vec<[u16; 4]>,
}

/// Rounds compare by what changes while one is played: the assessment is made once per round,
/// so comparing it by address spares the page a deep comparison of every step and finding.
impl PartialEq for Round {
    fn eq(&self, other: &Round) -> bool {
        Rc::ptr_eq(&self.assessment, &other.assessment)
            && self.choices == other.choices
            && self.score == other.score
            && self.prompt == other.prompt
            && (self.shown, self.answered) == (other.shown, other.answered)
            && self.tally == other.tally
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
            shown: steps,
            answered: 0,
            tally: vec![[0; 4]; steps],
        }
    }

    /// The round as a facilitator starts it: the first step alone on screen.
    fn paced(mut self, facilitator: bool) -> Round {
        if facilitator {
            self.shown = self.shown.min(1);
        }
        self
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

    /// The tool's decision for step `step` (1-based) once it is revealed, else `None`. The
    /// view reads the tool's answer through here only, so nothing can show it early.
    pub fn tool_shown(&self, step: usize) -> Option<Decision> {
        (1..=self.answered)
            .contains(&step)
            .then(|| self.assessment.steps.get(step - 1))
            .flatten()
            .map(|report| report.decision)
    }

    /// What the room chose for step `step` (1-based): the choice made on screen, else the
    /// decision with the most hands. A tie goes to the less cautious decision, so a split room
    /// is scored, and debriefed, on the riskier reading.
    pub fn pick(&self, step: usize) -> Option<Decision> {
        let index = step.checked_sub(1)?;
        if let Some(choice) = *self.choices.get(index)? {
            return Some(choice);
        }
        let counts = self.tally.get(index)?;
        let mut best = None;
        for (decision, &count) in Decision::ALL.iter().zip(counts) {
            if count > 0 && best.is_none_or(|(_, most)| count > most) {
                best = Some((*decision, count));
            }
        }
        best.map(|(decision, _)| decision)
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

    /// A step (1-based) that is on screen and whose answer is still hidden: the only kind the
    /// room may still choose or vote on.
    fn open_step(&self, step: usize) -> bool {
        step > self.answered && step <= self.shown && !self.revealed()
    }
}

/// One exercise as revealed: what progress keeps across a reload and the export lists. Ids and
/// decisions only, never a plan's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The library id, or `None` for an exercise made from a plan.
    pub id: Option<&'static str>,
    pub picks: Vec<Option<Decision>>,
    pub tool: Vec<Decision>,
}

impl Outcome {
    pub fn score(&self) -> Score {
        Score::of(&self.picks, &self.tool)
    }
}

/// The training session: the exercise under way and the score so far. It lives as long as the
/// page, and `progress` keeps its results across a reload.
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
    /// A trainer leads a room: steps one at a time, answers held, tally, key and notes.
    pub facilitator: bool,
    /// Every exercise revealed, in order.
    pub results: Vec<Outcome>,
    /// The suggested set being played (an index into `SETS`), which "Next exercise" follows.
    pub set: Option<usize>,
    /// The library exercise a reload interrupted, with its choices, until `Move::Resume`
    /// reopens it once the page is painted (or another exercise starts).
    pub resume: Option<(&'static Exercise, Vec<Option<Decision>>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Move {
    Start(Lesson),
    /// Step `step` (1-based) gets `decision`.
    Choose {
        step: usize,
        decision: Decision,
    },
    /// A trainee: compare, once every step has a choice; before that, point at the first step
    /// without one. A facilitator: show the answers of the steps on screen; the last one ends
    /// the round.
    Reveal,
    /// Back to the list.
    Leave,
    /// Facilitator mode on or off.
    Facilitate(bool),
    /// The next step on screen (facilitator mode).
    Next,
    /// One hand more (`up`) or fewer for `decision` on step `step` (1-based).
    Tally {
        step: usize,
        decision: Decision,
        up: bool,
    },
    /// Play suggested set `SETS[n]` from its first exercise.
    StartSet(usize),
    /// Forget the results and the exercise under way (facilitator mode stays as it is).
    Reset,
    /// Reopen the library exercise a reload interrupted (`Session::resume`).
    Resume,
}

impl Session {
    /// The session that saved progress describes, before any exercise is reopened.
    pub fn restored(progress: progress::Progress) -> Session {
        let mut session = Session {
            facilitator: progress.facilitator,
            resume: progress.current,
            ..Session::default()
        };
        for outcome in progress.results {
            session.record(outcome);
        }
        session
    }

    fn record(&mut self, outcome: Outcome) {
        self.total = self.total.plus(outcome.score());
        self.rounds += 1;
        if let Some(id) = outcome.id {
            if !self.done.contains(&id) {
                self.done.push(id);
            }
        }
        self.results.push(outcome);
    }

    /// Every answer is on screen: score the round and add it to the session.
    fn finish(&mut self) {
        let Some(round) = self.round.as_mut() else {
            return;
        };
        let outcome = Outcome {
            id: round.lesson.id(),
            picks: (1..=round.choices.len())
                .map(|step| round.pick(step))
                .collect(),
            tool: round.decisions(),
        };
        round.score = Some(outcome.score());
        self.record(outcome);
    }

    /// The tool's decisions for the trainer's answer key: facilitator mode only.
    pub fn answer_key(&self) -> Option<Vec<Decision>> {
        self.round
            .as_ref()
            .filter(|_| self.facilitator)
            .map(Round::decisions)
    }

    /// The exercise after the one under way: the next of the set being played (none after its
    /// last), else the next in the library.
    pub fn next_lesson(&self) -> Option<Lesson> {
        let id = self.round.as_ref()?.lesson.id()?;
        if let Some(set) = self.set.and_then(|set| SETS.get(set)) {
            return set.after(id).map(Lesson::Incident);
        }
        let at = LIBRARY.iter().position(|exercise| exercise.id == id)?;
        Some(Lesson::Incident(&LIBRARY[(at + 1) % LIBRARY.len()]))
    }

    fn start(&mut self, round: Round) {
        self.round = Some(round.paced(self.facilitator));
        self.started += 1;
        self.resume = None;
    }
}

impl Reducible for Session {
    type Action = Move;

    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Move::Start(lesson) => {
                let in_set = next
                    .set
                    .and_then(|set| SETS.get(set))
                    .is_some_and(|set| lesson.id().is_some_and(|id| set.ids.contains(&id)));
                if !in_set {
                    next.set = None;
                }
                next.start(Round::new(lesson));
            }
            Move::StartSet(set) => {
                let Some(first) = SETS.get(set).and_then(|set| set.exercises().next()) else {
                    return self;
                };
                next.set = Some(set);
                next.start(Round::new(Lesson::Incident(first)));
            }
            Move::Resume => {
                let Some((exercise, choices)) = next.resume.take().filter(|_| self.round.is_none())
                else {
                    return self;
                };
                let mut round = Round::new(Lesson::Incident(exercise));
                if choices.len() == round.choices.len() {
                    round.choices = choices;
                }
                next.start(round);
            }
            Move::Choose { step, decision } => {
                let Some(round) = next.round.as_mut().filter(|round| round.open_step(step)) else {
                    return self;
                };
                match round.choices.get_mut(step - 1) {
                    Some(choice) if *choice != Some(decision) => *choice = Some(decision),
                    _ => return self,
                }
            }
            Move::Tally { step, decision, up } => {
                // The room votes before it sees the answer: a step's count is fixed once its
                // answer is shown.
                let Some(round) = next.round.as_mut().filter(|round| round.open_step(step)) else {
                    return self;
                };
                let Some(count) = round
                    .tally
                    .get_mut(step - 1)
                    .map(|c| &mut c[hand(decision)])
                else {
                    return self;
                };
                let counted = if up {
                    (*count + 1).min(MOST_HANDS)
                } else {
                    count.saturating_sub(1)
                };
                if counted == *count {
                    return self;
                }
                *count = counted;
            }
            Move::Next => {
                let Some(round) = next
                    .round
                    .as_mut()
                    .filter(|round| !round.revealed() && round.shown < round.choices.len())
                else {
                    return self;
                };
                round.shown += 1;
            }
            Move::Reveal => {
                let facilitator = next.facilitator;
                let Some(round) = next.round.as_mut().filter(|round| !round.revealed()) else {
                    return self;
                };
                if facilitator {
                    // No choice is needed: the answer is for the room to discuss.
                    if round.answered == round.shown && round.shown < round.choices.len() {
                        return self;
                    }
                    round.answered = round.shown;
                    if round.answered < round.choices.len() {
                        return Rc::new(next);
                    }
                } else {
                    // Too early: point at the first step still without a choice.
                    match round.unanswered() {
                        Some(step) if round.prompt == Some(step) => return self,
                        Some(step) => {
                            round.prompt = Some(step);
                            return Rc::new(next);
                        }
                        None => round.prompt = None,
                    }
                    round.answered = round.choices.len();
                }
                next.finish();
            }
            Move::Leave if self.round.is_none() => return self,
            Move::Leave => next.round = None,
            Move::Facilitate(on) if on == self.facilitator => return self,
            Move::Facilitate(on) => {
                next.facilitator = on;
                // A trainee sees the whole plan: leaving facilitator mode shows every step.
                if let Some(round) = next.round.as_mut().filter(|_| !on) {
                    round.shown = round.choices.len();
                }
            }
            Move::Reset => {
                next = Session {
                    facilitator: self.facilitator,
                    started: self.started + 1,
                    ..Session::default()
                };
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod expectations;
#[cfg(test)]
mod room_tests;
#[cfg(test)]
mod tests;
