//! The decision as a badge: a word first, colour second, so it reads without colour vision.
//! A plain function rather than a component: it has no state, and every component costs its
//! own lifecycle code in the download. The colour keys on `data-decision` (as everywhere on the
//! page), so no class name has to be formatted.

use approval_risk_engine::Decision;
use yew::prelude::*;

pub fn badge(decision: Decision) -> Html {
    let decision = decision.as_str();
    html! {
        <span class="badge" data-decision={decision}>{ decision }</span>
    }
}
