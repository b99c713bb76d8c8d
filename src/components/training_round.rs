//! One exercise: the plan's steps with a decision to choose for each, then the reveal (the
//! trainee's choice beside the tool's, the tool's explanation, the score and what happened).

use super::{badge, prose};
use crate::training::{library::COMMON, Call, Lesson, Move, Round, LIBRARY};
use approval_risk_engine::{Context, Credentials, Decision, StepReport, Target};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExerciseRoundProps {
    pub round: Round,
    pub dispatch: Callback<Move>,
}

/// What the approver knows beyond the plan, in words: the exercise is scored with it.
fn context_sentence(context: Context) -> String {
    let mut parts = Vec::new();
    if context.target != Target::Unknown {
        parts.push(format!("the target is {}", context.target.as_str()));
    }
    if context.credentials != Credentials::Unknown {
        parts.push(format!(
            "the agent's credentials are {}",
            context.credentials.as_str()
        ));
    }
    if context.change_freeze {
        parts.push("a change freeze is on".to_string());
    }
    if parts.is_empty() {
        "You know nothing beyond the plan; a target it does not name counts as production."
            .to_string()
    } else {
        format!("You also know: {}.", parts.join("; "))
    }
}

fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
    {
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
        }
    }
}

fn radio_id(step: usize, decision: Decision) -> String {
    format!("exercise-step-{step}-{}", decision.as_str())
}

/// A step: its text and a radio group of the four decisions; after the reveal, the comparison.
fn step_item(
    step: &StepReport,
    choice: Option<Decision>,
    revealed: bool,
    dispatch: &Callback<Move>,
) -> Html {
    let index = step.index;
    let text_id = format!("exercise-step-{index}-text");
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
                <pre id={text_id} class="exercise-step-text">{ step.text.trim_end() }</pre>
                <div class="choices">
                    { for Decision::ALL.into_iter().map(|decision| {
                        let onchange = dispatch.reform(move |_: Event| Move::Choose { step: index, decision });
                        html! {
                            <label class="choice" data-decision={decision.as_str()}>
                                <input
                                    type="radio"
                                    id={radio_id(index, decision)}
                                    name={format!("exercise-step-{index}")}
                                    value={decision.as_str()}
                                    checked={choice == Some(decision)}
                                    disabled={revealed}
                                    {onchange}
                                />
                                <span>{ decision.as_str() }</span>
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
            if let (Some(choice), Some(call)) = (choice, call) {
                <div class="exercise-compare">
                    <p class="exercise-calls">
                        { "You: " }{ badge(choice) }{ " Tool: " }{ badge(step.decision) }
                        <span class="exercise-call">{ call.verdict() }</span>
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

#[component]
pub fn ExerciseRound(props: &ExerciseRoundProps) -> Html {
    let round = &props.round;
    let dispatch = &props.dispatch;
    let revealed = round.revealed();
    // The hint when "Reveal" is pressed with steps left to judge.
    let hint = use_state(String::new);
    // A new exercise starts at its title; the reveal moves to the result.
    use_effect_with(revealed, |&revealed| {
        focus(if revealed {
            "exercise-result-title"
        } else {
            "exercise-title"
        })
    });
    let on_reveal = {
        let (round, dispatch, hint) = (round.clone(), dispatch.clone(), hint.clone());
        Callback::from(move |_: MouseEvent| match round.unanswered() {
            Some(step) => {
                hint.set(format!("Choose a decision for step {step} first."));
                focus(&radio_id(step, Decision::Proceed));
            }
            None => {
                hint.set(String::new());
                dispatch.emit(Move::Reveal);
            }
        })
    };
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
            data-revealed={revealed.to_string()}
            aria-labelledby="exercise-title"
        >
            <button type="button" class="button" onclick={leave.clone()}>{ "All exercises" }</button>
            <h3 id="exercise-title" tabindex="-1">{ title }</h3>
            <p class={classes!("exercise-when", (when == COMMON).then_some("exercise-when--common"))}>{ when }</p>
            <p class="exercise-context">{ context_sentence(round.context) }</p>
            if matches!(round.lesson, Lesson::Built(_)) {
                <p class="exercise-note">
                    { "To give trainees this exercise, share this page's address: the plan \
                       travels in the link, after the “#”, and never reaches a server." }
                </p>
            }
            if !revealed {
                <p class="exercise-how">
                    { "For each step, choose what you would do as the approver. Use Tab to move \
                       between steps and the arrow keys to choose." }
                </p>
            }
            <ol class="exercise-steps">
                { for round.assessment.steps.iter().zip(&round.choices).map(|(step, &choice)| {
                    step_item(step, choice, revealed, dispatch)
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
                        if score.full_marks() {
                            { " Full marks." }
                        }
                    </p>
                    if let Some(lax) = score.lax_sentence() {
                        <p class="training-lax">
                            <strong>{ "Watch out: " }</strong>{ lax }
                            { " Letting through what the tool escalates or blocks is the costly mistake; being stricter only costs a second look." }
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
                <p class="exercise-hint" role="status">{ (*hint).clone() }</p>
                <button type="button" id="training-reveal" class="button exercise-reveal" onclick={on_reveal}>
                    { "Reveal the tool's decisions" }
                </button>
            }
        </article>
    }
}
