//! One exercise: the plan's steps with a decision to choose for each, then the reveal (the
//! trainee's choice beside the tool's, the tool's explanation, the score and what happened).
//! Plain functions, not a component: the view holds the state, and every component costs its
//! own lifecycle code in the download.

use super::{badge, prose};
use crate::dom;
use crate::training::{library::COMMON, Call, Lesson, Move, Round, LIBRARY};
use approval_risk_engine::{Context, Credentials, Decision, StepReport, Target};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the approver knows beyond the plan, in words: the exercise is scored with it.
fn context_sentence(context: Context) -> String {
    let mut known = Vec::new();
    if context.target != Target::Unknown {
        known.push(format!("the target is {}", context.target.as_str()));
    }
    if context.credentials != Credentials::Unknown {
        known.push(format!(
            "the agent's credentials are {}",
            context.credentials.as_str()
        ));
    }
    if context.change_freeze {
        known.push("a change freeze is on".to_string());
    }
    if known.is_empty() {
        "You know nothing beyond the plan; a target it does not name counts as production."
            .to_string()
    } else {
        format!("You also know: {}.", known.join("; "))
    }
}

fn radio_id(step: usize, decision: Decision) -> String {
    format!("exercise-step-{step}-{}", decision.as_str())
}

/// Marks a common mistake's date line apart from a dated incident's (a data attribute: a
/// computed `class` would bring Yew's class-set code into the download for one word).
pub fn common(when: &str) -> Option<&'static str> {
    (when == COMMON).then_some("true")
}

/// A step: its text and a radio group of the four decisions; after the reveal, the comparison.
/// The radios have no handlers of their own: the list listens for their `change` (see
/// `exercise`).
fn step_item(step: &StepReport, choice: Option<Decision>, revealed: bool) -> Html {
    let index = step.index;
    let text_id = format!("exercise-step-{index}-text");
    let name = format!("exercise-step-{index}");
    let call = choice
        .filter(|_| revealed)
        .map(|choice| Call::of(choice, step.decision));
    html! {
        <li
            class="exercise-step"
            data-step={index.to_string()}
            data-tool-decision={revealed.then(|| step.decision.as_str())}
            data-call={call.map(Call::as_str)}
        >
            <fieldset aria-describedby={text_id.clone()}>
                <legend>{ format!("Step {index}") }</legend>
                <pre id={text_id} class="step-text exercise-step-text">{ step.text.trim_end() }</pre>
                <div class="choices">
                    { for Decision::ALL.into_iter().map(|decision| html! {
                        <label class="choice" data-decision={decision.as_str()}>
                            <input
                                type="radio"
                                id={radio_id(index, decision)}
                                name={name.clone()}
                                value={decision.as_str()}
                                checked={choice == Some(decision)}
                                disabled={revealed}
                            />
                            { decision.as_str() }
                        </label>
                    }) }
                </div>
            </fieldset>
            if let (Some(choice), Some(call)) = (choice, call) {
                <div class="exercise-compare">
                    <p class="exercise-calls">
                        { "You: " }{ badge(choice) }{ " Tool: " }{ badge(step.decision) }
                        <strong>{ call.verdict() }</strong>
                    </p>
                    <p class="explanation">{ prose(&step.explanation) }</p>
                    if !step.safer.is_empty() {
                        <p class="safer"><strong>{ "Safer: " }</strong>{ prose(&step.safer) }</p>
                    }
                </div>
            }
        </li>
    }
}

/// The exercise after this one in the library, for "Next exercise".
fn next_lesson(lesson: &Lesson) -> Option<Lesson> {
    let id = lesson.id()?;
    let at = LIBRARY.iter().position(|exercise| exercise.id == id)?;
    Some(Lesson::Incident(&LIBRARY[(at + 1) % LIBRARY.len()]))
}

/// The exercise under way.
pub fn exercise(round: &Round, dispatch: &Callback<Move>) -> Html {
    let revealed = round.revealed();
    // One listener for every radio: `change` bubbles, and the input says which step (its name)
    // and which decision (its value) was chosen.
    let on_choose = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let step = input.name();
            let step = step
                .strip_prefix("exercise-step-")
                .and_then(|n| n.parse().ok());
            if let (Some(step), Some(decision)) = (step, Decision::parse(&input.value())) {
                dispatch.emit(Move::Choose { step, decision });
            }
        })
    };
    let on_reveal = {
        let (dispatch, unanswered) = (dispatch.clone(), round.unanswered());
        Callback::from(move |_: MouseEvent| {
            if let Some(step) = unanswered {
                dom::focus(&radio_id(step, Decision::Proceed));
            }
            dispatch.emit(Move::Reveal)
        })
    };
    // The hint stays while the step it names still has no choice.
    let hint = round
        .prompt
        .filter(|&step| Some(step) == round.unanswered())
        .map(|step| format!("Choose a decision for step {step} first."));
    let leave = dispatch.reform(|_: MouseEvent| Move::Leave);
    let (title, when, account, source) = match &round.lesson {
        Lesson::Incident(exercise) => (
            exercise.title,
            exercise.when,
            exercise.account,
            Some(exercise.source),
        ),
        Lesson::Built(_) => (
            "An exercise made from a plan",
            "Shared by a trainer",
            "This exercise was made from a plan on the page; no incident is behind it. Talk \
             through what could go wrong at each step the tool escalates or blocks.",
            None,
        ),
    };
    let total = round.assessment.steps.len();
    let judged = round.choices.len();

    html! {
        <article
            class="exercise-round"
            data-exercise={round.lesson.id().unwrap_or("shared")}
            aria-labelledby="exercise-title"
        >
            <button type="button" class="button" onclick={leave.clone()}>{ "All exercises" }</button>
            <h3 id="exercise-title" tabindex="-1">{ title }</h3>
            <p class="exercise-when" data-common={common(when)}>{ when }</p>
            <p class="exercise-context">{ context_sentence(round.context) }</p>
            if source.is_none() {
                <p class="exercise-note">
                    { "To give trainees this exercise, share this page's address: the plan \
                       travels in the link, after the “#”, and never reaches a server." }
                </p>
            }
            if !revealed {
                <p class="exercise-note">
                    { "For each step, choose what you would do as the approver. Use Tab to move \
                       between steps and the arrow keys to choose." }
                </p>
            }
            <ol class="exercise-steps" onchange={on_choose}>
                { for round.assessment.steps.iter().zip(&round.choices).map(|(step, &choice)| {
                    step_item(step, choice, revealed)
                }) }
            </ol>
            if judged < total {
                <p class="more-note">
                    { format!("This plan has {total} steps; the exercise covers the first {judged}.") }
                </p>
            }
            if let Some(score) = round.score {
                <section class="exercise-result" aria-labelledby="exercise-result-title">
                    <h3 id="exercise-result-title" tabindex="-1">{ "How you did" }</h3>
                    <p class="exercise-score" data-full={score.full_marks().to_string()}>
                        { score.matched_sentence() }
                        { if score.full_marks() { " Full marks." } else { "" } }
                    </p>
                    if let Some(lax) = score.lax_sentence() {
                        <p class="training-lax">
                            <strong>{ "Watch out: " }</strong>{ lax }
                            { " Letting through what the tool escalates or blocks is the costly \
                               mistake; being stricter only costs a second look." }
                        </p>
                    }
                    <h4>{ if source.is_some() { "What really happened" } else { "About this exercise" } }</h4>
                    <p class="training-account">{ prose(account) }</p>
                    if let Some(source) = source {
                        <p class="training-source">
                            { "Source: " }
                            <a href={source} target="_blank" rel="noopener noreferrer">{ source }</a>
                        </p>
                    }
                    <div class="exercise-next">
                        if let Some(next) = next_lesson(&round.lesson) {
                            <button type="button" class="button" onclick={dispatch.reform(move |_: MouseEvent| Move::Start(next.clone()))}>
                                { "Next exercise" }
                            </button>
                        }
                        <button type="button" class="button" onclick={leave}>{ "All exercises" }</button>
                    </div>
                </section>
            } else {
                <p class="exercise-hint" role="status">{ hint }</p>
                <button type="button" id="training-reveal" class="button exercise-reveal" onclick={on_reveal}>
                    { "Reveal the tool's decisions" }
                </button>
            }
        </article>
    }
}
