//! The step cards: a filter to the steps that need attention, the page of cards, and paging
//! for a plan longer than one page.
//!
//! A new plan brings up to a hundred new cards, about 100 ms of rendering in one go: too long
//! for a page that must never block for more than 100 ms. So when more than `CHUNK` cards
//! changed, the list draws the first `CHUNK` at once and the rest `CHUNK` at a time in the
//! following tasks, letting the browser paint and take input in between. A keystroke changes
//! one card (the others compare equal, see `board::rebase`) and renders in one go.

use super::StepCard;
use crate::board::{thousands, Board, Filter, CARD_PAGE};
use crate::state::Focus;
use approval_risk_engine::PatternReport;
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use web_sys::HtmlInputElement;

/// Cards drawn per task when many changed: about 20 ms of work each.
const CHUNK: usize = 15;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    pub board: Rc<Board>,
    pub on_filter: Callback<Filter>,
    pub on_page: Callback<usize>,
    pub on_reveal: Callback<usize>,
    /// A card about to get focus: it is drawn at once, however many changed. Only a new
    /// request counts (a new `seq`), so an old one does not undo the chunking later.
    pub focus: Option<Focus>,
}

#[component]
pub fn StepList(props: &StepListProps) -> Html {
    let board = &props.board;
    // How many cards to draw now, decided when the board changes (see the module docs).
    let shown = use_mut_ref(|| usize::MAX);
    let last = use_mut_ref(|| None::<Rc<Board>>);
    let more = use_mut_ref(|| None::<Timeout>);
    let redraw = use_force_update();
    let is_new = !last
        .borrow()
        .as_ref()
        .is_some_and(|last| Rc::ptr_eq(last, board));
    if is_new {
        let changed = match last.borrow().as_ref() {
            Some(last) => (0..board.cards.len())
                .filter(|&i| last.cards.get(i) != board.cards.get(i))
                .count(),
            None => board.cards.len(),
        };
        *shown.borrow_mut() = if changed > CHUNK { CHUNK } else { usize::MAX };
        *last.borrow_mut() = Some(board.clone());
    }
    // The card a link asked for must exist in this very render, so it can take focus.
    let focus_seen = use_mut_ref(|| None::<u32>);
    let fresh = props
        .focus
        .filter(|focus| *focus_seen.borrow() != Some(focus.seq));
    let wanted = fresh
        .and_then(|focus| board.cards.iter().position(|card| card.index == focus.step))
        .map_or(0, |position| position + 1);
    if wanted > 0 {
        *focus_seen.borrow_mut() = fresh.map(|focus| focus.seq);
        let at_least = (*shown.borrow()).max(wanted);
        *shown.borrow_mut() = at_least;
    }
    let drawn = (*shown.borrow()).max(wanted).min(board.cards.len());
    {
        let (shown, more) = (shown.clone(), more.clone());
        let pending = drawn < board.cards.len();
        use_effect_with((Rc::as_ptr(board) as usize, drawn), move |_| {
            // Replacing the handle cancels a step left over from an older board.
            *more.borrow_mut() = pending.then(|| {
                Timeout::new(0, move || {
                    let mut shown = shown.borrow_mut();
                    *shown = shown.saturating_add(CHUNK);
                    drop(shown);
                    redraw.force_update();
                })
            });
        });
    }
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
