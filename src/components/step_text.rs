//! A step's own words with the ones that triggered a finding highlighted: one `<mark>` per run
//! of evidence, carrying the rule's id (`data-rule`) and title (shown on hover and read as the
//! mark's description). Each mark is a link to the finding that explains it: Tab reaches it,
//! Enter or a click moves focus to the explanation in the same card. Characters a reader cannot
//! see are written out (`<U+202E>`), so what is shown is what runs.

use crate::highlight::{runs, Hit};
use approval_risk_engine::render::{adjustment_kind, visible, Breaks};
use approval_risk_engine::words::Join;
use approval_risk_engine::StepReport;
use yew::prelude::*;

/// The id of finding `finding` of step `step`: the target a mark leads to.
pub fn finding_id(step: usize, finding: usize) -> String {
    format!("step-{step}-finding-{finding}")
}

/// What hovering a mark says: every finding that points at these words.
fn title(step: &StepReport, hits: &[Hit]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for hit in hits {
        let finding = &step.findings[hit.finding];
        let part = match hit.adjustment.and_then(|a| finding.adjustments.get(a)) {
            Some(adjustment) => format!(
                "{} ({}: {})",
                finding.title,
                adjustment_kind(adjustment.kind),
                adjustment.note
            ),
            None => finding.title.clone(),
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.joined("; ")
}

pub fn step_text(step: &StepReport) -> Html {
    html! {
        <p class="step-text" data-decoded={(!step.shown.is_empty()).then_some("true")}>
            { for runs(step).into_iter().map(|run| {
                // Hidden characters are shown as `<U+XXXX>`, as in the CLI: a bidirectional
                // override would otherwise reorder the step on screen, and tag characters or
                // zero-width ones would hide words the agent reads.
                let words = visible(run.span.slice(&step.text), Breaks::Keep);
                let Some(lead) = run.lead(step) else {
                    return html! { { words } };
                };
                let target = finding_id(step.index, lead.finding);
                let go = move || {
                    crate::dom::focus(&target);
                };
                let onclick = {
                    let go = go.clone();
                    Callback::from(move |_: MouseEvent| go())
                };
                let onkeydown = Callback::from(move |event: KeyboardEvent| {
                    if event.key() == "Enter" {
                        event.prevent_default();
                        go();
                    }
                });
                html! {
                    <mark
                        class="evidence"
                        data-kind={if lead.adjustment.is_some() { "adjustment" } else { "finding" }}
                        data-rule={step.findings[lead.finding].rule.clone()}
                        title={title(step, &run.hits)}
                        tabindex="0"
                        role="link"
                        {onclick}
                        {onkeydown}
                    >
                        { words }
                    </mark>
                }
            }) }
        </p>
    }
}
