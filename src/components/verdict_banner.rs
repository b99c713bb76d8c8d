//! The verdict for the whole plan: the decision, what it asks of the approver, and why.

use super::DecisionBadge;
use approval_risk_engine::Decision;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictBannerProps {
    pub verdict: Decision,
    /// The engine's paragraph for the whole plan (it already counts the steps).
    pub summary: AttrValue,
}

#[component]
pub fn VerdictBanner(props: &VerdictBannerProps) -> Html {
    let verdict = props.verdict.as_str();
    html! {
        <section
            class={classes!("verdict", format!("verdict--{verdict}"))}
            data-verdict={verdict}
            role="status"
            aria-live="polite"
            aria-label="Verdict"
        >
            <p class="verdict-head">
                <span class="verdict-label">{ "Verdict" }</span>
                <DecisionBadge decision={props.verdict} />
            </p>
            <p class="verdict-advice">{ props.verdict.advice() }</p>
            if !props.summary.is_empty() {
                <p class="verdict-summary">{ props.summary.clone() }</p>
            } else {
                <p class="verdict-summary">{ "No steps found yet: paste or type a plan." }</p>
            }
        </section>
    }
}
