//! The page's state: the plan being edited, and the engine's assessment of it.
//!
//! Editing and assessing are separate actions so that typing stays instant: every keystroke
//! stores the text (`Action::Edit`), and the debounced `Action::Assess` runs the engine once the
//! typing pauses. The reducer returns the same `Rc` when nothing changed, which tells Yew 0.23
//! to skip the render.

use approval_risk_engine::{assess, Decision, Options, PatternReport, StepReport};
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// The plan a first visit opens with: the shape of the December 2025 Kiro incident, so the
/// page shows at once what it is for.
pub const EXAMPLE_PLAN: &str = "\
1. Check the current state of the Cost Explorer service in us-east-1.
2. Delete and recreate the production environment from the template.
3. Verify the service is healthy.
";

/// Everything the page shows. Steps and patterns sit behind `Rc` so that re-rendering after a
/// keystroke hands each card the same pointer instead of a copy of its text.
#[derive(Clone, Debug)]
pub struct State {
    /// The text in the text area, updated on every keystroke.
    pub plan: AttrValue,
    /// True while `plan` has changed since the assessment below was made.
    pub stale: bool,
    /// Context and policy passed to the engine with every assessment.
    pub options: Options,
    pub verdict: Decision,
    pub summary: AttrValue,
    pub steps: Vec<Rc<StepReport>>,
    pub patterns: Vec<Rc<PatternReport>>,
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The person changed the text; the assessment is now stale until `Assess`.
    Edit(String),
    /// Run the engine on the current text (sent once typing pauses).
    Assess,
}

impl State {
    /// A state whose plan is `plan`, already assessed, so the first render shows a verdict.
    pub fn assessed(plan: &str, options: Options) -> State {
        let assessment = assess(plan, &options);
        State {
            plan: AttrValue::from(plan.to_owned()),
            stale: false,
            verdict: assessment.verdict,
            summary: AttrValue::from(assessment.summary.clone()),
            steps: assessment.steps.into_iter().map(Rc::new).collect(),
            patterns: assessment.patterns.into_iter().map(Rc::new).collect(),
            options,
        }
    }

    /// The state a first visit opens with: the example plan, assessed.
    pub fn with_example() -> State {
        State::assessed(EXAMPLE_PLAN, Options::default())
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(text) => {
                if *self.plan == *text {
                    return self;
                }
                let mut next = (*self).clone();
                next.plan = AttrValue::from(text);
                next.stale = true;
                Rc::new(next)
            }
            Action::Assess => {
                if !self.stale {
                    return self;
                }
                Rc::new(State::assessed(&self.plan, self.options.clone()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: &Rc<State>, action: Action) -> Rc<State> {
        Rc::clone(state).reduce(action)
    }

    #[test]
    fn the_example_plan_opens_assessed_at_escalate_or_above() {
        let state = State::with_example();
        assert!(!state.stale);
        assert_eq!(state.steps.len(), 3, "one card per numbered step");
        assert!(state.verdict >= Decision::Escalate, "got {}", state.verdict);
        let recreate = &state.steps[1];
        assert_eq!(recreate.index, 2);
        assert!(
            recreate.decision >= Decision::Escalate,
            "got {}",
            recreate.decision
        );
    }

    #[test]
    fn editing_marks_the_assessment_stale_without_rescoring() {
        let start = Rc::new(State::with_example());
        let edited = reduce(&start, Action::Edit("1. List the files in the repo".into()));
        assert!(edited.stale);
        assert_eq!(&*edited.plan, "1. List the files in the repo");
        assert_eq!(
            edited.verdict, start.verdict,
            "typing alone must not change the verdict"
        );
        assert!(
            Rc::ptr_eq(&edited.steps[0], &start.steps[0]),
            "cards keep their data"
        );
    }

    #[test]
    fn assessing_after_an_edit_rescores_the_new_text() {
        let start = Rc::new(State::with_example());
        let edited = reduce(&start, Action::Edit("1. List the files in the repo".into()));
        let assessed = reduce(&edited, Action::Assess);
        assert!(!assessed.stale);
        assert_eq!(assessed.verdict, Decision::Proceed);
        assert_eq!(assessed.steps.len(), 1);

        let dangerous = reduce(&assessed, Action::Edit("rm -rf /".into()));
        let dangerous = reduce(&dangerous, Action::Assess);
        assert!(
            dangerous.verdict >= Decision::Escalate,
            "got {}",
            dangerous.verdict
        );
    }

    #[test]
    fn nothing_changed_returns_the_same_state_so_yew_skips_the_render() {
        let start = Rc::new(State::with_example());
        assert!(Rc::ptr_eq(&start, &reduce(&start, Action::Assess)));
        let same_text = reduce(&start, Action::Edit(EXAMPLE_PLAN.into()));
        assert!(Rc::ptr_eq(&start, &same_text));
    }

    #[test]
    fn an_empty_plan_is_assessed_as_no_steps() {
        let start = Rc::new(State::with_example());
        let cleared = reduce(&reduce(&start, Action::Edit(String::new())), Action::Assess);
        assert!(cleared.steps.is_empty());
        assert_eq!(cleared.verdict, Decision::Proceed);
    }
}
