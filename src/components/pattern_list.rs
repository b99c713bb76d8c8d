//! Risks that only show across steps (delete-then-recreate, no backup first, safety off then
//! act, ...), each with links to the steps it joins. A new plan's patterns are drawn a chunk
//! at a time (`chunked.rs`): a long plan can join steps in a hundred of them.

use super::chunked::use_chunked;
use super::{badge, prose, step_link};
use approval_risk_engine::PatternReport;
use std::rc::Rc;
use yew::prelude::*;

/// The patterns themselves, not the board: a keystroke that leaves them as they were then
/// leaves this list alone.
#[derive(Properties, PartialEq)]
pub struct PatternListProps {
    pub patterns: Vec<Rc<PatternReport>>,
    /// How many the engine found; more than `patterns` holds for a pathological plan.
    pub total: usize,
    pub on_reveal: Callback<usize>,
}

/// `steps 1 and 2` with each number a link to its card.
pub fn step_links(steps: &[usize], on_reveal: &Callback<usize>) -> Html {
    let last = steps.len().saturating_sub(1);
    html! {
        <>
            { if steps.len() == 1 { "step " } else { "steps " } }
            { for steps.iter().enumerate().map(|(i, &step)| html! {
                <>
                    if i > 0 { { if i == last { " and " } else { ", " } } }
                    { step_link(on_reveal, step, step.to_string()) }
                </>
            }) }
        </>
    }
}

#[component]
pub fn PatternList(props: &PatternListProps) -> Html {
    let patterns = &props.patterns;
    let drawn = use_chunked(
        patterns,
        |last, now| last == now,
        patterns.len(),
        |last: Option<&Vec<Rc<PatternReport>>>| match last {
            Some(last) => (0..patterns.len())
                .filter(|&i| last.get(i) != patterns.get(i))
                .count(),
            None => patterns.len(),
        },
        0,
    );
    if patterns.is_empty() {
        return Html::default();
    }
    html! {
        <section class="patterns" aria-labelledby="patterns-title">
            <h2 id="patterns-title">{ "Across steps" }</h2>
            <ul>
                { for patterns.iter().take(drawn).map(|pattern| html! {
                    <li class="pattern" data-rule={pattern.rule.clone()} data-decision={pattern.decision.as_str()}>
                        <p class="pattern-head">
                            { badge(pattern.decision) }
                            <strong>{ &pattern.title }</strong>
                            <span class="pattern-steps">{ step_links(&pattern.steps, &props.on_reveal) }</span>
                        </p>
                        <p>{ prose(&pattern.why) }</p>
                        if !pattern.safer.is_empty() {
                            <p class="safer"><strong>{ "Safer: " }</strong>{ prose(&pattern.safer) }</p>
                        }
                    </li>
                }) }
            </ul>
            if props.total > patterns.len() {
                <p class="more-note">
                    { format!("The first {} of {} are listed; export the report for all of them.", patterns.len(), props.total) }
                </p>
            }
        </section>
    }
}
