//! The risk model as a picture: reversibility down, scope across, each cell showing the decision
//! it leads to and the steps that fall in it. A table, so screen readers announce row and
//! column for every cell, and the decision is written in each cell, not only coloured.

use super::reveal_on_click;
use crate::board::Board;
use approval_risk_engine::{decide, Reversibility, Scope};
use yew::prelude::*;

/// Step links shown per cell; the rest are counted, so a big plan's cell stays readable.
const CELL_LINKS: usize = 6;

const ROWS: [(Reversibility, &str); 4] = [
    (Reversibility::Reversible, "undone easily"),
    (Reversibility::Recoverable, "restored from a backup"),
    (Reversibility::Irreversible, "cannot be undone"),
    (Reversibility::Unknown, "cannot tell"),
];

/// Each scope with its label, and a short one for a phone's narrow columns.
const COLUMNS: [(Scope, &str, &str); 5] = [
    (Scope::None, "nothing", "none"),
    (Scope::Local, "own workspace", "own"),
    (Scope::Shared, "shared", "shared"),
    (Scope::Production, "production", "prod."),
    (Scope::Organization, "whole org", "org"),
];

/// The risk model's grid, each cell naming its decision and the steps that fall in it.
pub fn grid(board: &Board, on_reveal: &Callback<usize>) -> Html {
    let marks = &board.marks;
    if marks.is_empty() {
        return Html::default();
    }
    // Steps per cell, in plan order, counted in one pass over the marks.
    let mut cells: Vec<Vec<usize>> = vec![Vec::new(); ROWS.len() * COLUMNS.len()];
    let mut totals = vec![0usize; cells.len()];
    for (i, mark) in marks.iter().enumerate() {
        let cell = mark.reversibility as usize * COLUMNS.len() + mark.scope as usize;
        totals[cell] += 1;
        if cells[cell].len() < CELL_LINKS {
            cells[cell].push(i + 1);
        }
    }
    html! {
        <>
        // The caption sits outside the scrolling box, so a phone never cuts it off.
        <p id="grid-caption" class="picture-caption">
            { "Where each step falls: how hard it is to undo (rows) by how far it reaches \
               (columns). Each cell names the decision it leads to; a step marked ↑ was raised \
               above its cell by something beyond its own axes (a pattern across steps, a \
               rule's floor, the context)." }
        </p>
        <div class="grid-wrap" role="region" aria-labelledby="grid-caption" tabindex="0">
            <table class="grid" aria-labelledby="grid-caption">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{ "Undo, by reach" }</span></th>
                        { for COLUMNS.iter().map(|(scope, label, short)| html! {
                            <th scope="col" title={scope.phrase()}>
                                <span class="label-long">{ *label }</span>
                                <span class="label-short" aria-hidden="true">{ *short }</span>
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for ROWS.iter().map(|(reversibility, label)| html! {
                        <tr>
                            <th scope="row" title={reversibility.phrase()}>{ *label }</th>
                            { for COLUMNS.iter().map(|(scope, _, _)| {
                                let cell = *reversibility as usize * COLUMNS.len() + *scope as usize;
                                let cell_decision = decide(*reversibility, *scope);
                                let decision = cell_decision.as_str();
                                let steps = &cells[cell];
                                html! {
                                    <td
                                        class="cell"
                                        data-decision={decision}
                                        data-cell={format!("{}-{}", reversibility.as_str(), scope.as_str())}
                                    >
                                        <span class="cell-decision">{ decision }</span>
                                        if !steps.is_empty() {
                                            <span class="cell-steps">
                                                { for steps.iter().map(|&step| {
                                                    // The step's own axes put it here; its decision can be higher.
                                                    let raised = marks[step - 1].decision > cell_decision;
                                                    let title = raised.then(|| format!(
                                                        "Raised to {} beyond this cell: see the step's card",
                                                        marks[step - 1].decision.as_str()
                                                    ));
                                                    html! {
                                                        <a href={format!("#step-{step}")} title={title} onclick={reveal_on_click(on_reveal, step)}>
                                                            <span class="visually-hidden">{ "step " }</span>{ step }
                                                            if raised {
                                                                <span class="raised" aria-hidden="true">{ "↑" }</span>
                                                                <span class="visually-hidden">
                                                                    { format!(", raised to {}", marks[step - 1].decision.as_str()) }
                                                                </span>
                                                            }
                                                        </a>
                                                    }
                                                }) }
                                                if totals[cell] > steps.len() {
                                                    <span class="cell-more">{ format!("+{}", totals[cell] - steps.len()) }</span>
                                                }
                                            </span>
                                        }
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}
