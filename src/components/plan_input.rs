//! The plan: the text area (`#plan-input`), the format selector, opening or dropping a file,
//! and clearing.
//!
//! The text area is left uncontrolled while someone types: Yew would otherwise read its whole
//! value back on every render to compare, megabytes for a big paste. The page writes into it
//! only when it replaces the text itself (a file, a link, clear), which bumps `revision`.

use crate::state::PREVIEW_LIMIT;
use approval_risk_engine::Format;
use js_sys::JsString;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanInputProps {
    pub area: NodeRef,
    /// The text to put in the text area when `revision` changes; `None` when the app already
    /// put it there (a big file, held by the worker).
    pub plan: Option<AttrValue>,
    pub revision: u32,
    pub format: Option<Format>,
    pub plan_bytes: usize,
    /// The plan is assessed in the worker (it is big).
    pub in_worker: bool,
    /// The text area shows only the start of a very long plan, read-only.
    pub preview: bool,
    /// The portal shows this plan for reading only (`?embed=1&readonly=1`): no editing, no
    /// file, no clearing, no other format.
    #[prop_or_default]
    pub locked: bool,
    pub on_input: Callback<()>,
    /// A paste longer than `PREVIEW_LIMIT`, taken from the clipboard before the browser lays
    /// it out in the text area.
    pub on_big_paste: Callback<JsString>,
    pub on_file: Callback<File>,
    pub on_format: Callback<Option<Format>>,
    pub on_clear: Callback<()>,
}

#[component]
pub fn PlanInput(props: &PlanInputProps) -> Html {
    {
        let (area, plan) = (props.area.clone(), props.plan.clone());
        use_effect_with(props.revision, move |_| {
            if let (Some(area), Some(plan)) = (area.cast::<HtmlTextAreaElement>(), plan) {
                area.set_value(&plan);
            }
        });
    }
    let oninput = props.on_input.reform(|_: InputEvent| ());
    let onpaste = {
        let on_big_paste = props.on_big_paste.clone();
        Callback::from(move |event: Event| {
            if let Some(text) = pasted_text(&event) {
                if text.length() as usize > PREVIEW_LIMIT {
                    event.prevent_default();
                    on_big_paste.emit(text);
                }
            }
        })
    };
    let onchange_format = props.on_format.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        Format::parse(&select.value())
    });
    let onchange_file = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // The same file chosen twice must still count as a change.
            input.set_value("");
        })
    };
    // Allowing a drop takes cancelling `dragover`; the drop itself is read, not opened.
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let (on_file, locked) = (props.on_file.clone(), props.locked);
        Callback::from(move |event: DragEvent| {
            // Cancelled even when locked, so a dropped file is not opened in the frame instead.
            event.prevent_default();
            if locked {
                return;
            }
            let file = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                on_file.emit(file);
            }
        })
    };
    let status = if props.preview {
        format!(
            "{}: only the start is shown here, and the whole plan is assessed in the background. \
             A plan this long cannot be edited here: clear it to start over.",
            size(props.plan_bytes)
        )
    } else if props.in_worker {
        format!(
            "{}: assessed in the background so the page stays responsive.",
            size(props.plan_bytes)
        )
    } else {
        size(props.plan_bytes)
    };
    html! {
        <div class="plan" ondragover={ondragover.clone()} ondrop={ondrop.clone()}>
            <div class="plan-head">
                <label for="plan-input" class="input-label">{ "The agent's plan" }</label>
                <div class="plan-tools" hidden={props.locked}>
                    <label for="plan-format" class="tool-label">{ "Read as" }</label>
                    <select id="plan-format" onchange={onchange_format}>
                        <option value="auto" selected={props.format.is_none()}>{ "detect" }</option>
                        { for Format::ALL.into_iter().map(|format| html! {
                            <option value={format.as_str()} selected={props.format == Some(format)}>
                                { format.as_str() }
                            </option>
                        }) }
                    </select>
                    <input type="file" id="plan-file" class="file-input" onchange={onchange_file} />
                    <label for="plan-file" class="button">{ "Open a file…" }</label>
                    <button type="button" id="plan-clear" class="button" onclick={props.on_clear.reform(|_| ())}>
                        { "Clear" }
                    </button>
                </div>
            </div>
            <p id="plan-input-hint" class="input-hint" hidden={props.locked}>
                { "Paste or type numbered steps, a checklist, shell commands, SQL or a tool-call \
                   transcript, or drop a file here. It is re-assessed as you type." }
            </p>
            <textarea
                id="plan-input"
                ref={props.area.clone()}
                class="plan-input"
                aria-describedby="plan-input-hint plan-status"
                spellcheck="false"
                autocomplete="off"
                readonly={props.preview || props.locked}
                {oninput}
                {onpaste}
                {ondragover}
                {ondrop}
            />
            <p id="plan-status" class="input-status">{ status }</p>
        </div>
    }
}

/// The clipboard's text as a JS string: a 5 MB paste is measured without copying it into wasm.
fn pasted_text(event: &Event) -> Option<JsString> {
    let data = js_sys::Reflect::get(event, &"clipboardData".into()).ok()?;
    let get = js_sys::Reflect::get(&data, &"getData".into()).ok()?;
    get.dyn_ref::<js_sys::Function>()?
        .call1(&data, &"text/plain".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// `2.3 KB`, `5.1 MB`: what a person reads about a plan's length. Integer arithmetic on
/// purpose: formatting a float links Rust's float printer, 11 KB of wasm for one decimal.
fn size(bytes: usize) -> String {
    let tenths = |unit: usize| format!("{}.{}", bytes / unit, bytes % unit * 10 / unit);
    match bytes {
        0 => "Empty.".to_string(),
        b if b < 1024 => format!("{b} bytes"),
        b if b < 1024 * 1024 => format!("{} KB", tenths(1024)),
        _ => format!("{} MB", tenths(1024 * 1024)),
    }
}
