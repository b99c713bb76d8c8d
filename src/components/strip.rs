//! The plan as a strip of bars, one per step, for seeing its shape at a glance: where the risky
//! steps sit and how many there are. A bar's height says how much care its step needs (so the
//! strip reads without colour), its colour repeats it, and its label names it. Selecting a bar
//! goes to the step's card.
//!
//! The strip is one stop for the Tab key; the arrow keys move along it, so a 200-step plan does
//! not cost 200 Tab presses to get past. Past `STRIP_BARS` steps, each bar stands for a run of
//! steps and shows the highest decision among them.

use super::reveal_on_click;
use crate::board::{Board, Mark};
use approval_risk_engine::Decision;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Bars at most: enough to see every step of a long plan, few enough to draw in a moment.
const STRIP_BARS: usize = 120;

/// One bar: the steps it stands for (1-based, inclusive), their highest decision, and the
/// first step that has it (where selecting the bar leads).
struct Bar {
    first: usize,
    last: usize,
    decision: Decision,
    target: usize,
}

fn bars(marks: &[Mark]) -> Vec<Bar> {
    let per_bar = marks.len().div_ceil(STRIP_BARS).max(1);
    marks
        .chunks(per_bar)
        .enumerate()
        .map(|(i, chunk)| {
            let first = i * per_bar + 1;
            let decision = chunk
                .iter()
                .map(|mark| mark.decision)
                .max()
                .unwrap_or(Decision::Proceed);
            let offset = chunk
                .iter()
                .position(|mark| mark.decision == decision)
                .unwrap_or(0);
            Bar {
                first,
                last: first + chunk.len() - 1,
                decision,
                target: first + offset,
            }
        })
        .collect()
}

/// Arrow keys, Home and End move focus along the bars.
fn onkeydown(event: KeyboardEvent) {
    let Some(current) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let next = match event.key().as_str() {
        "ArrowRight" | "ArrowDown" => current.next_element_sibling(),
        "ArrowLeft" | "ArrowUp" => current.previous_element_sibling(),
        "Home" => current
            .parent_element()
            .and_then(|p| p.first_element_child()),
        "End" => current
            .parent_element()
            .and_then(|p| p.last_element_child()),
        _ => return,
    };
    event.prevent_default();
    if let Some(next) = next.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = next.focus();
    }
}

/// The plan as bars, one per step or group of steps; selecting one reveals its card.
pub fn strip(board: &Board, on_reveal: &Callback<usize>) -> Html {
    let marks = &board.marks;
    if marks.is_empty() {
        return Html::default();
    }
    let bars = bars(marks);
    let grouped = bars.len() < marks.len();
    html! {
        <figure class="strip-figure">
            <figcaption id="strip-caption" class="picture-caption">
                { "The plan, step by step: the taller the bar, the more care the step needs." }
                if grouped {
                    { format!(" Each bar stands for {} steps and shows the highest among them.", marks.len().div_ceil(bars.len())) }
                }
            </figcaption>
            <div class="strip" role="group" aria-labelledby="strip-caption" onkeydown={Callback::from(onkeydown)}>
                { for bars.iter().enumerate().map(|(i, bar)| {
                    let decision = bar.decision.as_str();
                    let label = if bar.first == bar.last {
                        format!("Step {}: {decision}", bar.first)
                    } else {
                        format!("Steps {} to {}: up to {decision}", bar.first, bar.last)
                    };
                    html! {
                        <a
                            href={format!("#step-{}", bar.target)}
                            class="strip-bar"
                            data-decision={decision}
                            data-strip-step={bar.target.to_string()}
                            tabindex={if i == 0 { "0" } else { "-1" }}
                            aria-label={label.clone()}
                            title={label}
                            onclick={reveal_on_click(on_reveal, bar.target)}
                        />
                    }
                }) }
            </div>
            <ul class="legend" aria-label="Bar heights">
                { for Decision::ALL.iter().map(|decision| html! {
                    <li><span class="legend-bar" data-decision={decision.as_str()} aria-hidden="true" />{ decision.as_str() }</li>
                }) }
            </ul>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approval_risk_engine::{Reversibility, Scope};

    fn mark(decision: Decision) -> Mark {
        Mark {
            decision,
            reversibility: Reversibility::Reversible,
            scope: Scope::Local,
        }
    }

    #[test]
    fn a_short_plan_gets_one_bar_per_step() {
        let marks = vec![mark(Decision::Proceed), mark(Decision::Block)];
        let bars = bars(&marks);
        assert_eq!(bars.len(), 2);
        assert_eq!((bars[1].first, bars[1].last, bars[1].target), (2, 2, 2));
    }

    #[test]
    fn a_long_plan_groups_steps_and_leads_to_the_worst_of_each_group() {
        let mut marks = vec![mark(Decision::Proceed); 1000];
        marks[6] = mark(Decision::Escalate);
        let bars = bars(&marks);
        assert!(bars.len() <= STRIP_BARS);
        assert_eq!((bars[0].first, bars[0].last), (1, 9));
        assert_eq!(bars[0].decision, Decision::Escalate);
        assert_eq!(bars[0].target, 7);
        assert_eq!(bars.last().map(|bar| bar.last), Some(1000));
    }
}
