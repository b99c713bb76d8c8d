//! The decision as a badge: a word first, colour second, so it reads without colour vision.

use approval_risk_engine::Decision;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DecisionBadgeProps {
    pub decision: Decision,
}

#[component]
pub fn DecisionBadge(props: &DecisionBadgeProps) -> Html {
    let decision = props.decision.as_str();
    html! {
        <span class={classes!("badge", format!("badge--{decision}"))}>{ decision }</span>
    }
}
