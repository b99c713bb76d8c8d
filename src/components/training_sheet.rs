//! A suggested set on paper: the handout (each exercise's plan, step by step, with the four
//! decisions to tick and a line to write why) or the answer sheet (the tool's decision and
//! headline for every step). Shown in the view with a Print button; the print stylesheet then
//! leaves out everything but the sheet. Each exercise is one block of text rather than an
//! element per step: on paper it reads the same, and it costs a fraction of the download.

use super::training_round::context_sentence;
use crate::training::{Lesson, Round, SETS};
use yew::prelude::*;

/// One exercise of the sheet as text: the context, then every step with its boxes and a line
/// to write on, or with the tool's answer.
fn exercise_text(round: &Round, answers: bool) -> String {
    let mut text = context_sentence(round.context);
    for step in round.assessment.steps.iter().take(round.choices.len()) {
        text.push_str("\n\nStep ");
        text.push_str(&step.index.to_string());
        if answers {
            text.push_str(": ");
            text.push_str(step.decision.as_str());
            text.push_str(". ");
            text.push_str(&step.headline);
        }
        text.push('\n');
        text.push_str(step.text.trim_end());
        if !answers {
            text.push_str("\n☐ proceed   ☐ review   ☐ escalate   ☐ block\nWhy: ");
            text.push_str(&"_".repeat(50));
        }
    }
    text
}

pub fn sheet(set: usize, answers: bool) -> Html {
    let Some(set) = SETS.get(set) else {
        return html! {};
    };
    let kind = if answers { "answer sheet" } else { "handout" };
    html! {
        <section id="training-sheet" class="training-sheet" data-sheet={if answers { "answers" } else { "handout" }} aria-labelledby="sheet-title">
            <p class="sheet-controls">
                <button type="button" id="sheet-print" class="button" data-act="print">{ "Print" }</button>
                <button type="button" class="button" data-act="back">{ "All exercises" }</button>
            </p>
            <h3 id="sheet-title" tabindex="-1">{ format!("{} ({} min): {kind}", set.name, set.minutes) }</h3>
            { for set.exercises().enumerate().map(|(n, exercise)| {
                // The steps as the engine splits them, so the numbers match the reveal's.
                let round = Round::new(Lesson::Incident(exercise));
                html! {
                    <article class="sheet-exercise" data-exercise={exercise.id}>
                        <h4>{ format!("{}. {}", n + 1, round.lesson.title(answers)) }</h4>
                        <pre class="sheet-text">{ exercise_text(&round, answers) }</pre>
                    </article>
                }
            }) }
        </section>
    }
}
