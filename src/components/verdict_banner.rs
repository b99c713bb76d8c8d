//! The verdict for the whole plan: what to do, the one-sentence reason, how many steps got each
//! decision, and links to the steps that decide it.

use super::{badge, prose, step_link};
use crate::board::{thousands, Board};
use approval_risk_engine::render::context_sentence;
use approval_risk_engine::Decision;
use yew::prelude::*;

/// The banner for `board`; `busy` says the plan changed and the verdict below is for the text
/// as it was.
pub fn verdict_banner(board: &Board, busy: bool, on_reveal: &Callback<usize>) -> Html {
    let verdict = board.verdict.as_str();
    let counts = board.counts();
    let (deciding, total) = board.deciding();
    let links = deciding.iter().enumerate().map(|(i, &step)| {
        html! {
            <>
                if i > 0 { { ", " } }
                { step_link(on_reveal, step, format!("step {step}")) }
            </>
        }
    });
    html! {
        <section
            id="verdict"
            class="verdict"
            data-verdict={verdict}
            data-empty={board.marks.is_empty().then_some("true")}
            aria-labelledby="verdict-title"
            tabindex="-1"
        >
            <h2 id="verdict-title" class="verdict-head">
                <span class="verdict-label">{ "Verdict" }</span>
                // No steps: no decision to show, and a green "proceed" would read as safe.
                if board.marks.is_empty() {
                    <span class="badge" data-decision="none">{ "nothing to assess" }</span>
                } else {
                    { badge(board.verdict) }
                }
                if busy {
                    <span class="verdict-busy">{ "updating…" }</span>
                }
            </h2>
            // `elementtiming` lets `cargo xtask bench-web` see when the verdict was painted.
            // An empty plan was not assessed: saying it is safe to approve would let a portal
            // approve nothing at all.
            <p class="verdict-advice" elementtiming="verdict">
                { if board.marks.is_empty() { "Nothing to assess." } else { board.verdict.advice() } }
            </p>
            <p class="verdict-reason">{ &board.reason }</p>
            <p class="verdict-context">{ context_sentence(&board.format, &board.context) }</p>
            if !board.marks.is_empty() {
                <ul class="counts" aria-label="Steps by decision">
                    { for Decision::ALL.iter().zip(counts).map(|(decision, count)| html! {
                        <li class="count" data-decision={decision.as_str()} data-count={if count == 0 { "none" } else { "some" }}>
                            <strong>{ thousands(count) }</strong>{ " " }{ decision.as_str() }
                        </li>
                    }) }
                </ul>
            }
            if total > 0 {
                <p class="verdict-deciding">
                    { if total == 1 { "Deciding step: " } else { "Deciding steps: " } }
                    { for links }
                    if total > deciding.len() {
                        { format!(" and {} more", thousands(total - deciding.len())) }
                    }
                    { "." }
                </p>
            }
            if !board.summary.is_empty() {
                <details class="verdict-summary">
                    <summary>{ "The whole summary" }</summary>
                    <p>{ prose(&board.summary) }</p>
                </details>
            }
        </section>
    }
}
