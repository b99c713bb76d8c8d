//! The step cards: a filter to the steps that need attention, the page of cards, and paging
//! for a plan longer than one page. A new plan's cards are drawn a chunk at a time
//! (`chunked.rs`).

use super::chunked::use_chunked;
use super::StepCard;
use crate::board::{thousands, Board, Filter, CARD_PAGE};
use crate::state::Focus;
use approval_risk_engine::PatternReport;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    pub board: Rc<Board>,
    pub on_filter: Callback<Filter>,
    pub on_page: Callback<usize>,
    pub on_reveal: Callback<usize>,
    /// A card about to get focus: it is drawn at once, however many changed.
    pub focus: Option<Focus>,
}

#[component]
pub fn StepList(props: &StepListProps) -> Html {
    let board = &props.board;
    // The card a link asked for must exist in this very render, so it can take focus. Only a
    // new request counts (a new `seq`), so an old one does not undo the chunking later.
    let focus_seen = use_mut_ref(|| None::<u32>);
    let fresh = props
        .focus
        .filter(|focus| *focus_seen.borrow() != Some(focus.seq));
    let wanted = fresh
        .and_then(|focus| board.cards.iter().position(|card| card.index == focus.step))
        .map_or(0, |position| position + 1);
    if wanted > 0 {
        *focus_seen.borrow_mut() = fresh.map(|focus| focus.seq);
    }
    let drawn = use_chunked(
        board,
        Rc::ptr_eq,
        board.cards.len(),
        |last: Option<&Rc<Board>>| match last {
            Some(last) => (0..board.cards.len())
                .filter(|&i| last.cards.get(i) != board.cards.get(i))
                .count(),
            None => board.cards.len(),
        },
        wanted,
    );
    let total = board.marks.len();
    if total == 0 {
        return Html::default();
    }
    let attention = board.selection.filter == Filter::Attention;
    let on_filter = props.on_filter.reform(|event: Event| {
        if event.target_unchecked_into::<HtmlInputElement>().checked() {
            Filter::Attention
        } else {
            Filter::All
        }
    });
    let page = board.selection.page;
    let pages = board.matching.div_ceil(CARD_PAGE);
    let (first, last) = board.card_range();
    let pager = (pages > 1).then(|| {
        html! {
            <nav class="pager" aria-label="Pages of steps">
                <button type="button" class="button" disabled={page == 0}
                    onclick={props.on_page.reform(move |_| page.saturating_sub(1))}>
                    { "Previous" }
                </button>
                <span>{ format!("Cards {}–{} of {}", thousands(first), thousands(last), thousands(board.matching)) }</span>
                <button type="button" class="button" disabled={page + 1 >= pages}
                    onclick={props.on_page.reform(move |_| page + 1)}>
                    { "Next" }
                </button>
            </nav>
        }
    });
    let patterns_of = |index: usize| -> Vec<Rc<PatternReport>> {
        board
            .patterns
            .iter()
            .filter(|pattern| pattern.steps.contains(&index))
            .cloned()
            .collect()
    };
    html! {
        <section class="steps" aria-labelledby="steps-title">
            <div class="steps-head">
                <h2 id="steps-title">{ "Steps" }</h2>
                <div class="field field--check">
                    <input type="checkbox" id="filter-attention" checked={attention} onchange={on_filter} />
                    <label for="filter-attention">
                        { format!("Only those that need attention (escalate or block): {} of {}",
                            thousands(board.counts()[2] + board.counts()[3]), thousands(total)) }
                    </label>
                </div>
            </div>
            { pager.clone() }
            if board.cards.is_empty() {
                <p class="empty-note">{ "No step needs attention: none escalates or blocks." }</p>
            }
            <ol class="step-list">
                { for board.cards.iter().take(drawn).map(|step| html! {
                    <li key={step.index}>
                        <StepCard step={step.clone()} patterns={patterns_of(step.index)} on_reveal={props.on_reveal.clone()} />
                    </li>
                }) }
            </ol>
            { pager }
        </section>
    }
}
