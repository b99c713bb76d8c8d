//! The page's components. Each receives data and callbacks only; none of them scores anything.
//!
//! Parts drawn once per page with no state of their own (the verdict banner, the strip, the
//! grid, the rule catalogue, whose search lives in the page's state) are plain functions
//! returning `Html`, not Yew components: each component carries its own copy of Yew's lifecycle
//! code, and the first three cost 1.7 KB of the page's download. They are drawn again whenever
//! the page renders: when typing starts and when the new assessment arrives, not per keystroke.

mod actions;
mod chunked;
mod context_controls;
mod decision_badge;
mod grid;
mod pattern_list;
mod plan_input;
mod rules_view;
mod step_card;
mod step_list;
mod step_text;
mod strip;
mod theme_switch;
mod training_maker;
mod training_round;
mod training_sheet;
mod training_view;
mod verdict_banner;

pub use actions::{actions, copy};
pub use context_controls::{context_controls, ContextCallbacks};
pub use decision_badge::badge;
pub use grid::grid;
pub use pattern_list::PatternList;
pub use plan_input::PlanInput;
pub use rules_view::rules_view;
pub use step_card::StepCard;
pub use step_list::StepList;
pub use step_text::step_text;
pub use strip::strip;
pub use theme_switch::theme_switch;
pub use training_view::TrainingView;
pub use verdict_banner::verdict_banner;

use yew::prelude::*;

/// A click handler for an in-page link that reveals step `n` instead of following its `href`
/// (which would change the URL fragment, where share links live). The `href` stays for
/// "open in new tab" and for what screen readers announce.
pub fn reveal_on_click(on_reveal: &Callback<usize>, step: usize) -> Callback<MouseEvent> {
    let on_reveal = on_reveal.clone();
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        on_reveal.emit(step);
    })
}

/// A link to step `n`'s card.
pub fn step_link(on_reveal: &Callback<usize>, step: usize, label: String) -> Html {
    html! {
        <a href={format!("#step-{step}")} onclick={reveal_on_click(on_reveal, step)}>{ label }</a>
    }
}

/// Engine prose, where plan words are quoted in backticks (`` `prod-db` ``): the quoted words
/// are shown as code, so the reader sees which words came from the plan. Text only: nothing in
/// the prose is ever read as markup. A backtick without a partner stays as it is.
pub fn prose(text: &str) -> Html {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('`') {
        let Some((code, tail)) = after.split_once('`') else {
            break;
        };
        parts.push(html! { { before.to_string() } });
        parts.push(html! { <code>{ code.to_string() }</code> });
        rest = tail;
    }
    parts.push(html! { { rest.to_string() } });
    parts.into_iter().collect()
}

/// A step's or a rule's two axes, as the card and the rule catalogue show them: what undoing
/// it takes, and how far it reaches, each in words and in the model's own term.
pub fn axes(
    reversibility: approval_risk_engine::Reversibility,
    scope: approval_risk_engine::Scope,
) -> Html {
    let axis = |label: &'static str, phrase: &'static str, term: &'static str| {
        html! {
            <div class="axis">
                <dt>{ label }</dt>
                <dd>
                    { phrase }{ " " }
                    <span class="axis-term">{ "(" }{ term }{ ")" }</span>
                </dd>
            </div>
        }
    };
    html! {
        <dl class="axes">
            { axis("Undo", reversibility.phrase(), reversibility.as_str()) }
            { axis("Reach", scope.phrase(), scope.as_str()) }
        </dl>
    }
}
