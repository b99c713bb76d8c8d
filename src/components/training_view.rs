//! The training view: the session score, the large-type switch for a projector, and either the
//! incident library or the exercise under way.

use super::training_round::ExerciseRound;
use crate::training::{library::COMMON, Move, Score, Session, LIBRARY};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrainingViewProps {
    pub session: UseReducerHandle<Session>,
}

/// The running score, announced when it changes. The numbers are also attributes, for tests
/// and for anyone scripting a session.
fn session_score(session: &Session) -> Html {
    let total: Score = session.total;
    let text = if session.rounds == 0 {
        "Session score: no exercise revealed yet.".to_string()
    } else {
        let exercises = if session.rounds == 1 {
            "1 exercise".to_string()
        } else {
            format!("{} exercises", session.rounds)
        };
        let mut text = format!("Session score, {exercises}: {}", total.matched_sentence());
        if let Some(lax) = total.lax_sentence() {
            text.push(' ');
            text.push_str(&lax);
        }
        text
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
            { text }
        </p>
    }
}

#[component]
pub fn TrainingView(props: &TrainingViewProps) -> Html {
    let session = &props.session;
    let large = use_state(|| false);
    let title = use_node_ref();
    // Opening the library (from the header, or back from an exercise) puts the reader at its
    // heading; an exercise focuses its own.
    {
        let title = title.clone();
        use_effect_with(session.round.is_none(), move |&listing| {
            if listing {
                if let Some(title) = title.cast::<web_sys::HtmlElement>() {
                    let _ = title.focus();
                }
            }
        });
    }
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
            class={classes!("training", large.then_some("training--large"))}
            aria-labelledby="training-title"
        >
            <div class="training-head">
                <h2 id="training-title" ref={title} tabindex="-1">{ "Training" }</h2>
                <div class="field field--check training-large">
                    <input id="training-large" type="checkbox" checked={*large} onchange={on_large} />
                    <label for="training-large">{ "Large type, for a projector" }</label>
                </div>
            </div>
            { session_score(session) }
            if let Some(round) = &session.round {
                <ExerciseRound key={session.started} round={round.clone()} {dispatch} />
            } else {
                <p class="training-intro">
                    { "Each exercise is a plan an AI agent proposed, modelled on a real incident \
                       or a mistake agents often make. Decide for each step whether you would \
                       proceed, review, escalate or block, then reveal the tool's decisions and \
                       what really happened." }
                </p>
                <ol class="exercise-list">
                    { for LIBRARY.iter().map(|exercise| {
                        let done = session.done.contains(&exercise.id);
                        let start = dispatch.reform(move |_: MouseEvent| {
                            Move::Start(crate::training::Lesson::Incident(exercise))
                        });
                        html! {
                            <li class="exercise" data-exercise={exercise.id} data-done={done.to_string()}>
                                <button type="button" class="exercise-open" onclick={start}>
                                    { exercise.title }
                                </button>
                                <span class={classes!("exercise-when", (exercise.when == COMMON).then_some("exercise-when--common"))}>
                                    { exercise.when }
                                </span>
                                if done {
                                    <span class="exercise-done">{ "Done" }</span>
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}
