//! One step of the plan: its decision, both axes in words, its text and the explanation.

use super::DecisionBadge;
use approval_risk_engine::StepReport;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepCardProps {
    pub step: Rc<StepReport>,
}

#[component]
pub fn StepCard(props: &StepCardProps) -> Html {
    let step = &props.step;
    let decision = step.decision.as_str();
    html! {
        <article
            class={classes!("step-card", format!("step-card--{decision}"))}
            data-step-index={step.index.to_string()}
            data-decision={decision}
            aria-label={format!("Step {}: {decision}", step.index)}
        >
            <header class="step-head">
                <span class="step-number">{ format!("Step {}", step.index) }</span>
                <span class="step-line">{ format!("line {}", step.line) }</span>
                <DecisionBadge decision={step.decision} />
            </header>
            <p class="step-text">{ step.text.clone() }</p>
            <dl class="axes">
                <div class="axis">
                    <dt>{ "Undo" }</dt>
                    <dd>
                        { step.reversibility.phrase() }
                        <span class="axis-term">{ format!(" ({})", step.reversibility.as_str()) }</span>
                    </dd>
                </div>
                <div class="axis">
                    <dt>{ "Reach" }</dt>
                    <dd>
                        { step.scope.phrase() }
                        <span class="axis-term">{ format!(" ({})", step.scope.as_str()) }</span>
                    </dd>
                </div>
            </dl>
            <p class="explanation">{ step.explanation.clone() }</p>
            if !step.safer.is_empty() {
                <p class="safer"><strong>{ "Safer: " }</strong>{ step.safer.clone() }</p>
            }
            if !step.questions.is_empty() {
                <div class="questions">
                    <p class="questions-head">{ "Ask before approving:" }</p>
                    <ul>
                        { for step.questions.iter().map(|question| html! { <li>{ question.clone() }</li> }) }
                    </ul>
                </div>
            }
        </article>
    }
}
