//! One step of the plan, in the order an approver reads it in the minute before yes: the
//! decision and the headline (what it does to what, and what is lost), both axes, its own text
//! with the triggering words marked; then the explanation, the safer alternative and the
//! questions to ask; and, collapsed but reachable by keyboard, what the tool saw (each finding
//! with its rule id, the target of the marks) and the patterns that join it to other steps.

use super::pattern_list::step_links;
use super::step_text::finding_id;
use super::{axes, badge, prose, step_text};
use approval_risk_engine::render::{adjustment_kind, visible, Breaks};
use approval_risk_engine::{PatternReport, StepReport};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepCardProps {
    pub step: Rc<StepReport>,
    /// The plan patterns this step takes part in.
    pub patterns: Vec<Rc<PatternReport>>,
    pub on_reveal: Callback<usize>,
}

#[component]
pub fn StepCard(props: &StepCardProps) -> Html {
    let step = &props.step;
    let decision = step.decision.as_str();
    let index = step.index;
    html! {
        <article
            id={format!("step-{index}")}
            class="step-card"
            data-step-index={index.to_string()}
            data-decision={decision}
            aria-label={format!("Step {index}: {decision}")}
            tabindex="-1"
        >
            <header class="step-head">
                { badge(step.decision) }
                <h3 class="step-headline">
                    <span class="step-number">{ format!("Step {index}") }</span>
                    <span class="visually-hidden">{ ": " }</span>
                    <span class="headline">{ prose(&step.headline) }</span>
                </h3>
                <span class="step-line">{ format!("line {}", step.line) }</span>
            </header>
            { axes(step.reversibility, step.scope) }
            if !step.shown.is_empty() {
                <p class="step-decoded">{ "What the tool call runs, decoded from the plan's JSON:" }</p>
            }
            { step_text(step) }
            <p class="explanation">{ prose(&step.explanation) }</p>
            if !step.safer.is_empty() {
                <p class="safer"><strong>{ "Safer: " }</strong>{ prose(&step.safer) }</p>
            }
            if !step.questions.is_empty() {
                <div class="questions">
                    <h4>{ "Ask before approving" }</h4>
                    <ul>
                        { for step.questions.iter().map(|question| html! { <li>{ prose(question) }</li> }) }
                    </ul>
                </div>
            }
            if !step.findings.is_empty() || !props.patterns.is_empty() {
                <details class="card-details">
                    <summary>{ details_label(step.findings.len(), props.patterns.len()) }</summary>
            if !step.findings.is_empty() {
                <div class="findings">
                    <h4>{ "What the tool saw" }</h4>
                    <ul>
                        { for step.findings.iter().enumerate().map(|(k, finding)| {
                            let words: Vec<String> = finding
                                .evidence
                                .iter()
                                .map(|span| span.slice(&step.text))
                                .filter(|words| !words.is_empty())
                                .map(|words| visible(words, Breaks::Escape))
                                .collect();
                            html! {
                                <li id={finding_id(index, k)} class="finding" tabindex="-1" data-rule={finding.rule.clone()}>
                                    <p class="finding-head">
                                        <strong>{ &finding.title }</strong>
                                        <span class="finding-decision">{ finding.decision.as_str() }</span>
                                        <code class="rule-id">{ &finding.rule }</code>
                                    </p>
                                    if !words.is_empty() {
                                        <p class="finding-words">
                                            { "Because of " }
                                            { for words.iter().enumerate().map(|(i, w)| html! {
                                                <>
                                                    if i > 0 { { ", " } }
                                                    <q>{ w.clone() }</q>
                                                </>
                                            }) }
                                        </p>
                                    }
                                    if !finding.adjustments.is_empty() {
                                        <ul class="adjustments">
                                            { for finding.adjustments.iter().map(|adjustment| html! {
                                                <li class="adjustment" data-kind={adjustment_kind(adjustment.kind)}>
                                                    <span class="adjustment-kind">{ adjustment_kind(adjustment.kind) }</span>
                                                    { " " }{ prose(&adjustment.note) }
                                                </li>
                                            }) }
                                        </ul>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            if !props.patterns.is_empty() {
                <div class="step-patterns">
                    <h4>{ "Across steps" }</h4>
                    <ul>
                        { for props.patterns.iter().map(|pattern| html! {
                            <li>
                                <strong>{ &pattern.title }</strong>
                                { " (" }{ pattern.decision.as_str() }{ ", " }
                                { step_links(&pattern.steps, &props.on_reveal) }{ ")" }
                            </li>
                        }) }
                    </ul>
                </div>
            }
                </details>
            }
        </article>
    }
}

/// The summary line of a card's collapsed details: what opening them shows.
fn details_label(findings: usize, patterns: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (findings, patterns) {
        (f, 0) => format!("What the tool saw: {}", plural(f, "finding", "findings")),
        (0, p) => format!("Across steps: {}", plural(p, "sequence", "sequences")),
        (f, p) => format!(
            "What the tool saw: {} and {}",
            plural(f, "finding", "findings"),
            plural(p, "sequence", "sequences")
        ),
    }
}
