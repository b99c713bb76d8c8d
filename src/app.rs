//! The page's root component: holds the state, debounces typing, and lays out the parts.

use crate::components::{PatternList, PlanInput, StepCard, VerdictBanner};
use crate::state::{Action, State};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long typing must pause before the engine runs. Long enough that a fast typist does not
/// re-score on every key, short enough to feel live.
const DEBOUNCE_MS: u32 = 150;

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::with_example);
    // The pending re-score. Replacing it drops the previous `Timeout`, which cancels it, so
    // only the last keystroke of a burst leads to an assessment.
    let pending = use_mut_ref(|| None::<Timeout>);

    let on_edit = {
        let dispatcher = state.dispatcher();
        use_callback((), move |text: String, ()| {
            dispatcher.dispatch(Action::Edit(text));
            let dispatcher = dispatcher.clone();
            let timeout = Timeout::new(DEBOUNCE_MS, move || dispatcher.dispatch(Action::Assess));
            *pending.borrow_mut() = Some(timeout);
        })
    };

    html! {
        <>
            <header class="page-header">
                <h1>{ "Approval Risk Explainer" }</h1>
                <p class="tagline">
                    { "Paste the plan an AI agent wants you to approve. Each step is scored on \
                       whether it can be undone and how far it reaches. Everything runs in this \
                       browser tab: the plan never leaves it." }
                </p>
            </header>
            <main class="layout">
                <section class="input-pane" aria-label="Plan">
                    <PlanInput value={state.plan.clone()} on_edit={on_edit} />
                </section>
                <section class="result-pane" aria-label="Assessment" aria-busy={state.stale.to_string()}>
                    <VerdictBanner
                        verdict={state.verdict}
                        summary={state.summary.clone()}
                    />
                    <PatternList patterns={state.patterns.clone()} />
                    <ol class="step-list" aria-label="Steps">
                        { for state.steps.iter().map(|step| html! {
                            <li key={step.index}><StepCard step={step.clone()} /></li>
                        }) }
                    </ol>
                </section>
            </main>
        </>
    }
}
