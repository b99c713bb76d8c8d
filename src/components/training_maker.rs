//! What a trainer may write around a plan made into an exercise (issue 18): a title, a story,
//! a debrief and a note for the trainer, all carried in the "Make an exercise" link.
//!
//! The fields keep no state of their own in the page: when one changes, and when the link is
//! followed, the link is rebuilt from the fields and the plain link the page rendered
//! (`data-link`). A component with its state costed about a kilobyte more of download for the
//! same result.

use crate::share::{exercise_link, Framing};
use yew::prelude::*;

/// The fields, collapsed: most people sharing a plan never open them.
pub fn exercise_texts() -> Html {
    html! {
        <details class="exercise-maker" oninput={Callback::from(|_: InputEvent| frame_link())}>
            <summary>{ "Exercise texts" }</summary>
            <div class="maker-fields">
                <label>{ "Title" }<input id="maker-title" /></label>
                <label>{ "Story, shown before the steps" }<textarea id="maker-story" rows="2" /></label>
                <label>{ "Debrief, shown after the reveal" }<textarea id="maker-debrief" rows="2" /></label>
                <label>
                    { "Trainer's note, for facilitator mode (in the link: hidden, not secret)" }
                    <textarea id="maker-note" rows="2" />
                </label>
            </div>
        </details>
    }
}

/// Puts the texts into the exercise link.
pub fn frame_link() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let field = |id| {
        document
            .get_element_by_id(id)
            .and_then(|field| js_sys::Reflect::get(&field, &"value".into()).ok())
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    let framing = Framing {
        title: field("maker-title"),
        story: field("maker-story"),
        debrief: field("maker-debrief"),
        note: field("maker-note"),
    };
    if let Some(anchor) = document.get_element_by_id("make-exercise") {
        let link = anchor.get_attribute("data-link").unwrap_or_default();
        let _ = anchor.set_attribute("href", &exercise_link(&link, &framing));
    }
}
