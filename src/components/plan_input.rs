//! The text area the plan is pasted or typed into (`#plan-input`, a stable hook for tests).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanInputProps {
    pub value: AttrValue,
    /// Called with the whole text after every change.
    pub on_edit: Callback<String>,
}

#[component]
pub fn PlanInput(props: &PlanInputProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    html! {
        <>
            <label for="plan-input" class="input-label">{ "The agent's plan" }</label>
            <p id="plan-input-hint" class="input-hint">
                { "Numbered steps, a checklist or shell commands; it is re-assessed as you type." }
            </p>
            <textarea
                id="plan-input"
                class="plan-input"
                aria-describedby="plan-input-hint"
                spellcheck="false"
                autocomplete="off"
                value={props.value.clone()}
                {oninput}
            />
        </>
    }
}
