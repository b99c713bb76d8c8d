//! Risks that only show across steps (delete-then-recreate, no backup first, ...).

use super::DecisionBadge;
use approval_risk_engine::PatternReport;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PatternListProps {
    pub patterns: Vec<Rc<PatternReport>>,
}

#[component]
pub fn PatternList(props: &PatternListProps) -> Html {
    if props.patterns.is_empty() {
        return Html::default();
    }
    html! {
        <section class="patterns" aria-label="Across steps">
            <h2>{ "Across steps" }</h2>
            <ul>
                { for props.patterns.iter().map(|pattern| {
                    let steps = pattern
                        .steps
                        .iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(", ");
                    let steps = match pattern.steps.len() {
                        1 => format!("step {steps}"),
                        _ => format!("steps {steps}"),
                    };
                    html! {
                        <li class="pattern" data-rule={pattern.rule.clone()} data-decision={pattern.decision.as_str()}>
                            <p class="pattern-head">
                                <DecisionBadge decision={pattern.decision} />
                                <strong>{ pattern.title.clone() }</strong>
                                <span class="pattern-steps">{ steps }</span>
                            </p>
                            <p>{ pattern.why.clone() }</p>
                            if !pattern.safer.is_empty() {
                                <p class="safer"><strong>{ "Safer: " }</strong>{ pattern.safer.clone() }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
