//! One exercise: the plan's steps with a decision to choose for each, then the reveal (the
//! trainee's choice beside the tool's, the tool's headline with its explanation folded under
//! it, the score and what happened). In facilitator mode the steps come one at a time, each
//! with the room's tally, and the trainer has an answer key and notes. Plain functions, not a
//! component: the view holds the state, and every component costs its own lifecycle code in
//! the download.

use super::{badge, prose};
use crate::dom;
use crate::training::{library::COMMON, Call, Lesson, Move, Round, Session};
use approval_risk_engine::words::Join;
use approval_risk_engine::{Context, Credentials, Decision, StepReport, Target};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the approver knows beyond the plan, in words: the exercise is scored with it.
pub fn context_sentence(context: Context) -> String {
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
        format!("You also know: {}.", known.joined("; "))
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

/// Reveals, from the button or the R key. A trainee who has not chosen every step is sent to
/// the first without a choice; a facilitator needs no choice.
pub fn reveal(session: &UseReducerHandle<Session>) {
    let waiting = session.round.as_ref().and_then(Round::unanswered);
    if let Some(step) = waiting.filter(|_| !session.facilitator) {
        dom::focus(&radio_id(step, Decision::Proceed));
    }
    session.dispatch(Move::Reveal)
}

/// The room's show of hands for a step: a count per decision with a button either side. The
/// buttons have no handlers of their own: the list listens for their clicks (see `exercise`).
fn tally(round: &Round, index: usize) -> Html {
    let counts = round.tally.get(index - 1).copied().unwrap_or_default();
    let (closed, step) = (round.tool_shown(index).is_some(), index.to_string());
    html! {
        <div class="tally" role="group" aria-label="Room's hands">
            { for Decision::ALL.into_iter().zip(counts).zip(HANDS).map(|((decision, count), [fewer, more])| html! {
                <span class="tally-item" data-decision={decision.as_str()}>
                    { decision.as_str() }
                    <button type="button" class="tally-button" data-act="fewer" data-step={step.clone()} data-decision={decision.as_str()} disabled={closed} aria-label={fewer}>{ "−" }</button>
                    <b class="tally-count">{ count }</b>
                    <button type="button" class="tally-button" data-act="more" data-step={step.clone()} data-decision={decision.as_str()} disabled={closed} aria-label={more}>{ "+" }</button>
                </span>
            }) }
        </div>
    }
}

/// The tally buttons' names, in `Decision::ALL` order.
const HANDS: [[&str; 2]; 4] = [
    ["proceed: one fewer", "proceed: one more"],
    ["review: one fewer", "review: one more"],
    ["escalate: one fewer", "escalate: one more"],
    ["block: one fewer", "block: one more"],
];

/// A step: its text and a radio group of the four decisions; once its answer is shown, the
/// comparison, headline first and the explanation folded under it so a reveal fits a screen.
/// The radios have no handlers of their own: the list listens for their `change`.
fn step_item(round: &Round, step: &StepReport, facilitator: bool) -> Html {
    let index = step.index;
    let text_id = format!("exercise-step-{index}-text");
    let name = format!("exercise-step-{index}");
    let choice = round.choices.get(index - 1).copied().flatten();
    let tool = round.tool_shown(index);
    let pick = round.pick(index);
    let call = pick.zip(tool).map(|(pick, tool)| Call::of(pick, tool));
    html! {
        <li
            id={format!("exercise-step-{index}")}
            tabindex="-1"
            class="exercise-step"
            data-step={index.to_string()}
            data-tool-decision={tool.map(Decision::as_str)}
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
                                disabled={tool.is_some()}
                            />
                            { decision.as_str() }
                        </label>
                    }) }
                </div>
            </fieldset>
            if facilitator {
                { tally(round, index) }
            }
            if let Some(tool) = tool {
                <div class="exercise-compare">
                    <p class="exercise-calls">
                        if let Some(pick) = pick {
                            { if choice.is_some() { "You: " } else { "Room: " } }{ badge(pick) }
                        }
                        { " Tool: " }{ badge(tool) }
                        if let Some(call) = call {
                            <strong>{ call.verdict() }</strong>
                        }
                    </p>
                    <p class="exercise-headline">{ prose(&step.headline) }</p>
                    <details class="exercise-why">
                        <summary>{ "Why, and what is safer" }</summary>
                        <p class="explanation">{ prose(&step.explanation) }</p>
                        if !step.safer.is_empty() {
                            <p class="safer"><strong>{ "Safer: " }</strong>{ prose(&step.safer) }</p>
                        }
                    </details>
                </div>
            }
        </li>
    }
}

/// The trainer's answer key and notes, closed until opened: facilitator mode only.
fn answer_key(session: &Session, round: &Round) -> Html {
    let Some(key) = session.answer_key() else {
        return html! {};
    };
    html! {
        <details class="answer-key">
            <summary>{ "Answer key and notes, for the trainer" }</summary>
            <ol>
                { for key.into_iter().map(|decision| html! { <li>{ badge(decision) }</li> }) }
            </ol>
            if let Some(note) = round.lesson.note(true) {
                <p class="trainer-note">{ prose(note) }</p>
            }
        </details>
    }
}

/// The result: the score, the warning about lax choices and the way on. It comes above the
/// steps, so the focus it takes leaves the answers on screen just below it (on a projector the
/// story of what happened, under the steps, would push them off).
fn result(session: &Session, round: &Round) -> Html {
    let Some(score) = round.score else {
        return html! {};
    };
    html! {
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
            <div class="exercise-next">
                if session.next_lesson().is_some() {
                    <button type="button" class="button" data-act="again">{ "Next exercise (N)" }</button>
                }
                <button type="button" class="button" data-act="leave">{ "All exercises" }</button>
            </div>
        </section>
    }
}

/// What happened (an incident's account and source) or the trainer's debrief, under the steps
/// once the round is over.
fn story(round: &Round) -> Html {
    if !round.revealed() {
        return html! {};
    }
    let incident = match &round.lesson {
        Lesson::Incident(exercise) => Some(exercise),
        Lesson::Built(_) => None,
    };
    html! {
        <section class="exercise-result" aria-labelledby="exercise-story-title">
            <h4 id="exercise-story-title">{ if incident.is_some() { "What really happened" } else { "About this exercise" } }</h4>
            if let Some(exercise) = incident {
                <p class="exercise-when" data-common={common(exercise.when)}>{ exercise.when }</p>
            }
            <p class="training-account">{ prose(round.lesson.debrief()) }</p>
            if let Some(exercise) = incident {
                <p class="training-source">
                    { "Source: " }
                    <a href={exercise.source} target="_blank" rel="noopener noreferrer">{ exercise.source }</a>
                </p>
            }
        </section>
    }
}

/// The exercise under way.
pub fn exercise(handle: &UseReducerHandle<Session>, round: &Round) -> Html {
    let session: &Session = handle;
    let revealed = round.revealed();
    let facilitator = session.facilitator;
    // One listener for every radio: `change` bubbles, and the input says which step (its name)
    // and which decision (its value) was chosen.
    let on_choose = {
        let dispatch = handle.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let step = input.name();
            let step = step
                .strip_prefix("exercise-step-")
                .and_then(|n| n.parse().ok());
            if let (Some(step), Some(decision)) = (step, Decision::parse(&input.value())) {
                dispatch.dispatch(Move::Choose { step, decision });
            }
        })
    };
    // The hint stays while the step it names still has no choice.
    let hint = round
        .prompt
        .filter(|&step| Some(step) == round.unanswered())
        .map(|step| format!("Choose a decision for step {step} first."));
    let total = round.assessment.steps.len();
    let judged = round.choices.len();
    let id = round.lesson.id();

    html! {
        <article
            class="exercise-round"
            data-exercise={id.unwrap_or("shared")}
            aria-labelledby="exercise-title"
        >
            <button type="button" class="button" data-act="leave">{ "All exercises" }</button>
            <h3 id="exercise-title" tabindex="-1">{ round.lesson.title(revealed) }</h3>
            if let Lesson::Incident(exercise) = &round.lesson {
                <p class="exercise-meta">
                    { format!("{}, about {} min. ", exercise.level.as_str(), exercise.minutes) }
                    <a class="exercise-link" href={super::training_view::exercise_href(exercise.id)}>{ "Link to this exercise" }</a>
                </p>
            }
            if let Some(story) = round.lesson.story() {
                <p class="exercise-story">{ story.to_string() }</p>
            }
            <p class="exercise-context">{ context_sentence(round.context) }</p>
            if id.is_none() {
                <p class="exercise-note">
                    { "To give trainees this exercise, share this page's address: the plan \
                       travels in the link, after the “#”, and never reaches a server." }
                </p>
            }
            { answer_key(session, round) }
            if revealed {
            } else if facilitator {
                <p class="exercise-note exercise-keys">
                    { "Keys: N shows the next step, R reveals the tool's answer for the steps shown." }
                </p>
            } else {
                <p class="exercise-note">
                    { "For each step, choose what you would do as the approver. Use Tab to move \
                       between steps and the arrow keys to choose; R reveals." }
                </p>
            }
            { result(session, round) }
            <ol class="exercise-steps" onchange={on_choose}>
                { for round.assessment.steps.iter().take(round.shown).map(|step| {
                    step_item(round, step, facilitator)
                }) }
            </ol>
            { story(round) }
            if judged < total {
                <p class="more-note">
                    { format!("This plan has {total} steps; the exercise covers the first {judged}.") }
                </p>
            }
            if !revealed {
                <p class="exercise-hint" role="status">{ hint }</p>
                if facilitator && round.shown < judged {
                    <button type="button" id="training-next" class="button" data-act="next">
                        { "Next step (N)" }
                    </button>
                }
                <button type="button" id="training-reveal" class="button exercise-reveal" data-act="reveal">
                    { if facilitator { "Reveal the tool's answer (R)" } else { "Reveal the tool's decisions" } }
                </button>
            }
        </article>
    }
}
