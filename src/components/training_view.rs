//! The training view: the session score, the large-type switch for a projector, and either the
//! incident library or the exercise under way.

use super::training_round::{common, exercise};
use crate::dom;
use crate::training::{Lesson, Move, Round, Session, LIBRARY};
use web_sys::HtmlInputElement;
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

fn library(session: &Session, dispatch: &Callback<Move>) -> Html {
    html! {
        <>
            <p class="training-intro">
                { "Each exercise is a plan an AI agent proposed, modelled on a real incident or a \
                   mistake agents often make. Decide for each step whether you would proceed, \
                   review, escalate or block, then reveal the tool's decisions and what really \
                   happened." }
            </p>
            <ol class="exercise-list">
                { for LIBRARY.iter().map(|exercise| {
                    let done = session.done.contains(&exercise.id);
                    html! {
                        <li class="exercise" data-exercise={exercise.id} data-done={done.to_string()}>
                            <button
                                type="button"
                                class="exercise-open"
                                onclick={dispatch.reform(move |_: MouseEvent| Move::Start(Lesson::Incident(exercise)))}
                            >
                                { exercise.title }
                            </button>
                            <span class="exercise-when" data-common={common(exercise.when)}>{ exercise.when }</span>
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

#[component]
pub fn TrainingView(props: &TrainingViewProps) -> Html {
    let session = &props.session;
    let large = use_state(|| false);
    // The library opens at its heading, an exercise at its title, a reveal at its result, so a
    // keyboard or screen-reader user always starts where the new content does.
    let revealed = session.round.as_ref().map(Round::revealed);
    use_effect_with((session.started, revealed), |(_, revealed)| {
        dom::focus(match revealed {
            None => "training-title",
            Some(false) => "exercise-title",
            Some(true) => "exercise-result-title",
        });
    });
    let on_large = {
        let large = large.clone();
        Callback::from(move |event: Event| {
            large.set(event.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let dispatch = {
        let session = session.clone();
        Callback::from(move |action: Move| session.dispatch(action))
    };

    html! {
        <section
            id="training-view"
            class="training"
            data-large={large.to_string()}
            aria-labelledby="training-title"
        >
            <div class="training-head">
                <h2 id="training-title" tabindex="-1">{ "Training" }</h2>
                <div class="field field--check">
                    <input id="training-large" type="checkbox" checked={*large} onchange={on_large} />
                    <label for="training-large">{ "Large type, for a projector" }</label>
                </div>
            </div>
            { session_score(session) }
            if let Some(round) = &session.round {
                { exercise(round, &dispatch) }
            } else {
                { library(session, &dispatch) }
            }
        </section>
    }
}
