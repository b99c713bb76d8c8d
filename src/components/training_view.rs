//! The training view: the session score and its progress, the switches for a facilitator and a
//! projector, the keys N and R, and either the library (suggested sets and every exercise), the
//! exercise under way, or a set's handout or answer sheet.

use super::training_round::{exercise, reveal};
use super::training_sheet::sheet;
use crate::dom;
use crate::training::{progress, Lesson, Move, Round, Session, LIBRARY, SETS};
use approval_risk_engine::Decision;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrainingViewProps {
    pub session: UseReducerHandle<Session>,
}

/// The running score, announced when it changes. The numbers are also attributes, for tests
/// and for anyone scripting a session.
fn session_score(session: &Session) -> Html {
    let total = session.total;
    let text = match session.rounds {
        0 => "Session score: no exercise revealed yet.".to_string(),
        rounds => {
            let exercises = if rounds == 1 { "exercise" } else { "exercises" };
            let lax = total.lax_sentence().unwrap_or_default();
            format!(
                "Session score, {rounds} {exercises}: {} {lax}",
                total.matched_sentence()
            )
        }
    };
    html! {
        <p
            id="training-score"
            class="training-score"
            role="status"
            aria-live="polite"
            data-rounds={session.rounds.to_string()}
            data-steps={total.steps.to_string()}
            data-matched={total.matched.to_string()}
            data-laxer={total.laxer.to_string()}
            data-missed={total.missed.to_string()}
        >
            { text.trim_end().to_string() }
        </p>
    }
}

/// Where the library links an exercise: a fragment naming it, which opens it (`entry`).
pub fn exercise_href(id: &str) -> String {
    format!("#exercise={id}")
}

fn library(session: &Session) -> Html {
    html! {
        <>
            <p class="training-intro">
                { "Each exercise is a plan an AI agent proposed, modelled on a real incident or a \
                   mistake agents often make. Decide for each step whether you would proceed, \
                   review, escalate or block, then reveal the tool's decisions and what really \
                   happened. Progress stays in this browser: ids and choices, never a plan." }
            </p>
            <h3>{ "Suggested sets" }</h3>
            <ul class="set-list">
                { for SETS.iter().enumerate().map(|(n, set)| html! {
                    <li class="set" data-set={set.minutes.to_string()}>
                        <strong>{ format!("{} min: {}", set.minutes, set.name) }</strong>
                        { format!(" ({} exercises) ", set.ids.len()) }
                        <button type="button" class="button" data-act="start" data-n={n.to_string()}>{ "Start" }</button>
                        <button type="button" class="button" data-act="handout" data-n={n.to_string()}>{ "Handout" }</button>
                        <button type="button" class="button" data-act="answers" data-n={n.to_string()}>{ "Answer sheet" }</button>
                    </li>
                }) }
            </ul>
            <h3>{ "All exercises" }</h3>
            <ol class="exercise-list">
                { for LIBRARY.iter().enumerate().map(|(n, exercise)| {
                    let done = session.done.contains(&exercise.id);
                    html! {
                        <li class="exercise" data-exercise={exercise.id} data-done={done.to_string()}>
                            <button type="button" class="exercise-open" data-act="open" data-n={n.to_string()}>
                                { exercise.teaser }
                            </button>
                            <span class="exercise-meta">
                                { format!("{}, {} min ", exercise.level.as_str(), exercise.minutes) }
                                <a class="exercise-link" href={exercise_href(exercise.id)} aria-label={format!("Link to {}", exercise.teaser)}>{ "Link" }</a>
                            </span>
                            if done {
                                <span class="exercise-done">{ "Done" }</span>
                            }
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}

/// Whether a key press belongs to a text field (typing "n" must never skip a step).
fn typing(target: &Element) -> bool {
    match target.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            target.get_attribute("type").as_deref(),
            Some("radio" | "checkbox")
        ),
        _ => false,
    }
}

/// What a button of the view does: its `data-act`, and `data-n` for which set or exercise.
/// Every button reports to one listener on the view (a closure per button would each cost
/// code in the download), as the radios and the tally do.
fn act(
    event: MouseEvent,
    session: &UseReducerHandle<Session>,
    sheet_open: &UseStateHandle<Option<(usize, usize, bool)>>,
) {
    let target: Element = event.target_unchecked_into();
    let Some(button) = target.closest("[data-act]").ok().flatten() else {
        return;
    };
    let read = |name| button.get_attribute(name).unwrap_or_default();
    let n = read("data-n").parse::<usize>().unwrap_or(usize::MAX);
    let Ok(step) = read("data-step").parse::<usize>() else {
        return match read("data-act").as_str() {
            "start" => session.dispatch(Move::StartSet(n)),
            "open" => {
                if let Some(exercise) = LIBRARY.get(n) {
                    session.dispatch(Move::Start(Lesson::Incident(exercise)))
                }
            }
            "handout" | "answers" => {
                sheet_open.set(Some((session.started, n, read("data-act") == "answers")))
            }
            "back" => sheet_open.set(None),
            "print" => {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
            "export" => dom::download(
                "training-results.csv",
                "text/csv",
                &progress::csv(session).into(),
            ),
            "reset" => session.dispatch(Move::Reset),
            "leave" => session.dispatch(Move::Leave),
            "next" => session.dispatch(Move::Next),
            "again" => {
                if let Some(next) = session.next_lesson() {
                    session.dispatch(Move::Start(next))
                }
            }
            "reveal" => reveal(session),
            _ => {}
        };
    };
    // A tally button: which step, which decision, which way.
    if let Some(decision) = Decision::parse(&read("data-decision")) {
        let up = read("data-act") == "more";
        session.dispatch(Move::Tally { step, decision, up });
    }
}

#[component]
pub fn TrainingView(props: &TrainingViewProps) -> Html {
    let session = &props.session;
    let large = use_state(|| false);
    // The set whose handout or answer sheet is open, for the exercise count it was opened at:
    // starting an exercise (a link, a key) closes it.
    let sheet_open = use_state(|| None::<(usize, usize, bool)>);
    let showing_sheet = sheet_open.filter(|(started, ..)| *started == session.started);
    // The library opens at its heading, an exercise at its title, a reveal at its result, a
    // step a facilitator brings on screen at that step, and a sheet at its title, so a keyboard
    // or screen-reader user always starts where the new content does.
    let revealed = session.round.as_ref().map(Round::revealed);
    // A facilitator's round: the step last brought on screen takes focus, and keeps it when its
    // answer is revealed (the tally buttons it had are disabled then), so N and R, which the
    // view listens for, keep working.
    let paced = session
        .round
        .as_ref()
        .filter(|_| session.facilitator)
        .map_or((0, 0), |round| (round.shown, round.answered));
    use_effect_with(
        (session.started, revealed, paced, showing_sheet.is_some()),
        |(_, revealed, (shown, answered), sheet)| {
            dom::focus(&match (sheet, revealed) {
                (true, _) => "sheet-title".to_string(),
                (_, None) => "training-title".to_string(),
                (_, Some(true)) => "exercise-result-title".to_string(),
                (_, Some(false)) if *shown > 1 || *answered > 0 => {
                    format!("exercise-step-{shown}")
                }
                (_, Some(false)) => "exercise-title".to_string(),
            });
        },
    );
    // The two switches: facilitator mode, and large type.
    let on_switch = {
        let (session, large) = (session.clone(), large.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            match input.id().as_str() {
                "training-large" => large.set(input.checked()),
                _ => session.dispatch(Move::Facilitate(input.checked())),
            }
        })
    };
    let on_click = {
        let (session, sheet_open) = (session.clone(), sheet_open.clone());
        Callback::from(move |event: MouseEvent| act(event, &session, &sheet_open))
    };
    // N and R, for a trainer at the projector: N shows the next step (after the reveal, the
    // next exercise), R reveals. Never while a text field has focus, nor with Ctrl or Cmd held
    // (Ctrl+R still reloads).
    let on_key = {
        let session = session.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(round) = &session.round else {
                return;
            };
            if event.ctrl_key() || event.meta_key() || typing(&event.target_unchecked_into()) {
                return;
            }
            match event.key().as_str() {
                "n" | "N" if round.revealed() => match session.next_lesson() {
                    Some(next) => session.dispatch(Move::Start(next)),
                    None => return,
                },
                "n" | "N" => session.dispatch(Move::Next),
                "r" | "R" => reveal(&session),
                _ => return,
            }
            event.prevent_default();
        })
    };

    html! {
        <section
            id="training-view"
            class="training"
            data-large={large.to_string()}
            data-facilitator={session.facilitator.to_string()}
            aria-labelledby="training-title"
            onkeydown={on_key}
            onclick={on_click}
        >
            <div class="training-head" onchange={on_switch}>
                <h2 id="training-title" tabindex="-1">{ "Training" }</h2>
                <div class="field field--check">
                    <input id="training-facilitator" type="checkbox" checked={session.facilitator} />
                    <label for="training-facilitator">{ "Facilitator mode" }</label>
                </div>
                <div class="field field--check">
                    <input id="training-large" type="checkbox" checked={*large} />
                    <label for="training-large">{ "Large type, for a projector" }</label>
                </div>
            </div>
            { session_score(session) }
            if session.rounds > 0 {
                <p class="training-progress">
                    <button type="button" id="training-export" class="button" data-act="export">{ "Download results (CSV)" }</button>
                    <button type="button" id="training-reset" class="button" data-act="reset">{ "Reset progress" }</button>
                </p>
            }
            if let Some((_, set, answers)) = showing_sheet {
                { sheet(set, answers) }
            } else if let Some(round) = &session.round {
                { exercise(session, round) }
            } else {
                { library(session) }
            }
        </section>
    }
}
