//! What the approver knows that the plan does not say: the target environment, how far the
//! agent's credentials reach, and whether a change freeze is on. Each change re-scores at once.

use approval_risk_engine::{Context, Credentials, Target};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The callbacks the controls report to.
pub struct ContextCallbacks<'a> {
    pub target: &'a Callback<Target>,
    pub credentials: &'a Callback<Credentials>,
    pub freeze: &'a Callback<bool>,
}

fn target_label(target: Target) -> &'static str {
    match target {
        Target::Unknown => "not said",
        Target::Development => "development",
        Target::Staging => "staging",
        Target::Production => "production",
    }
}

fn credentials_label(credentials: Credentials) -> &'static str {
    match credentials {
        Credentials::Unknown => "not said",
        Credentials::Scoped => "scoped to the task",
        Credentials::Broad => "broader than the task",
        Credentials::Admin => "administrator",
    }
}

fn select_value(event: &Event) -> String {
    event.target_unchecked_into::<HtmlSelectElement>().value()
}

/// The controls; `locked` disables them all (a portal's read-only frame: the context is the
/// portal's to say).
pub fn context_controls(context: Context, locked: bool, on: ContextCallbacks) -> Html {
    let on_target = on
        .target
        .reform(|event: Event| Target::parse(&select_value(&event)).unwrap_or_default());
    let on_credentials = on
        .credentials
        .reform(|event: Event| Credentials::parse(&select_value(&event)).unwrap_or_default());
    let on_freeze = on
        .freeze
        .reform(|event: Event| event.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <fieldset class="context" disabled={locked}>
            <legend>{ "Context" }</legend>
            <p class="context-hint">{ "What you know that the plan does not say; each change re-scores at once. A target \
                   the plan does not name counts as production until you say otherwise." }</p>
            <div class="field">
                <label for="context-target">{ "Target environment" }</label>
                <select id="context-target" onchange={on_target}>
                    { for Target::ALL.into_iter().map(|target| html! {
                        <option value={target.as_str()} selected={target == context.target}>
                            { target_label(target) }
                        </option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="context-credentials">{ "The agent's credentials" }</label>
                <select id="context-credentials" onchange={on_credentials}>
                    { for Credentials::ALL.into_iter().map(|level| html! {
                        <option value={level.as_str()} selected={level == context.credentials}>
                            { credentials_label(level) }
                        </option>
                    }) }
                </select>
            </div>
            <div class="field field--check">
                <input
                    type="checkbox"
                    id="context-freeze"
                    checked={context.change_freeze}
                    onchange={on_freeze}
                />
                <label for="context-freeze">{ "A change freeze is in force" }</label>
            </div>
        </fieldset>
    }
}
