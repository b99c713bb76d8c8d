//! Passing the result on: a share link (the plan and context in the URL fragment, with a plain
//! note that the link contains the plan), the reports as Markdown or JSON files, and print.

use super::training_maker::{exercise_texts, frame_link};
use crate::worker::Export;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Copies `text` with the asynchronous Clipboard API, reached through `js_sys` because web-sys
/// marks it unstable. Returns false when the browser offers no clipboard here.
pub fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator =
        js_sys::Reflect::get(&window, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
    let clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).unwrap_or(JsValue::UNDEFINED);
    match write.dyn_ref::<js_sys::Function>() {
        Some(write) => write.call1(&clipboard, &text.into()).is_ok(),
        None => false,
    }
}

/// The share link (`None` when the plan is too long for one), whether the plan is short enough
/// to be a training exercise (`share::EXERCISE_LIMIT`), whether the link was just copied, and
/// what the buttons report to.
pub fn actions(
    link: Option<&AttrValue>,
    exercise: bool,
    copied: bool,
    on_copy: &Callback<()>,
    on_export: &Callback<Export>,
) -> Html {
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <section class="actions" aria-labelledby="actions-title">
            <h2 id="actions-title" class="visually-hidden">{ "Share and export" }</h2>
            <div class="share">
                if let Some(link) = link {
                    <a id="share-link" class="button" href={link.clone()} aria-describedby="share-note">
                        { "Link to this assessment" }
                    </a>
                    <button type="button" id="share-copy" class="button" onclick={on_copy.reform(|_| ())} aria-describedby="share-note">
                        { "Copy link" }
                    </button>
                    // Training (issue 7): the same link, opened as an exercise for trainees.
                    // The texts a trainer adds to it (issue 18) are read when they change and
                    // when the link is followed (see `training_maker`). Trainers make exercises
                    // on the approver's page; a portal's frame (the `embed` build) leaves it out.
                    if exercise && !cfg!(feature = "embed") {
                        <a id="make-exercise" class="button" href={crate::share::exercise_link(link, &Default::default())} data-link={link.clone()} onclick={Callback::from(|_: MouseEvent| frame_link())} aria-describedby="share-note">
                            { "Make an exercise" }
                        </a>
                        { exercise_texts() }
                    }
                    <span class="copy-status" role="status">{ if copied { "Copied." } else { "" } }</span>
                    <p id="share-note" class="share-note">
                        { "The link contains the whole plan, compressed after the “#”. Browsers \
                           never send that part to a server, but anyone you give the link to can \
                           read the plan." }
                    </p>
                } else {
                    <p class="share-note">
                        { "This plan is too long to fit in a link; export it instead." }
                    </p>
                }
            </div>
            <div class="export">
                if !cfg!(feature = "embed") {
                    <button type="button" id="export-markdown" class="button" onclick={on_export.reform(|_| Export::Markdown)}>
                        { "Export Markdown" }
                    </button>
                }
                <button type="button" id="export-json" class="button" onclick={on_export.reform(|_| Export::Json)}>
                    { "Export JSON" }
                </button>
                <button type="button" id="print" class="button" onclick={on_print}>{ "Print" }</button>
            </div>
        </section>
    }
}
