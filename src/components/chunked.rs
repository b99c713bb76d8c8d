//! Long lists drawn a chunk at a time.
//!
//! A new plan brings up to a hundred new cards and as many patterns; drawing them all in one
//! go takes about 100 ms, too long for a page that must never block for more than 100 ms and
//! that should show the verdict as soon as it is known. So when more than `CHUNK` items of a
//! list changed, the list draws the first `CHUNK` at once and the rest `CHUNK` at a time, each
//! chunk after the browser has painted the one before (`dom::after_paint`), so the verdict is
//! on screen first and input is taken in between. A keystroke changes one item (the others
//! compare equal, see `board::rebase`) and renders in one go.

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Items drawn per task when many changed: about 20 ms of work each.
pub const CHUNK: usize = 15;

/// How many of a list's `len` items to draw in this render. `list` is what the items come
/// from and `same` tells a re-render of the same list from a new one; `changed` counts the
/// items that differ from the previous list (`None` on the first render); the list never draws
/// fewer than `at_least` (a card about to take focus must exist in this very render).
#[hook]
pub fn use_chunked<T: Clone + 'static>(
    list: &T,
    same: fn(&T, &T) -> bool,
    len: usize,
    changed: impl FnOnce(Option<&T>) -> usize,
    at_least: usize,
) -> usize {
    let shown = use_mut_ref(|| usize::MAX);
    let last = use_mut_ref(|| None::<T>);
    let generation = use_mut_ref(|| 0_usize);
    let is_new = !last.borrow().as_ref().is_some_and(|last| same(last, list));
    if is_new {
        let changed = changed(last.borrow().as_ref());
        *shown.borrow_mut() = if changed > CHUNK { CHUNK } else { usize::MAX };
        *last.borrow_mut() = Some(list.clone());
        *generation.borrow_mut() += 1;
    }
    let at_least_shown = (*shown.borrow()).max(at_least);
    *shown.borrow_mut() = at_least_shown;
    let drawn = at_least_shown.min(len);
    let generation = *generation.borrow();
    use_next_chunk(generation, drawn, drawn < len, shown);
    drawn
}

/// Draws the next chunk once the one drawn now has been painted, while `pending`. Apart from
/// `use_chunked` and not generic, so its effect is compiled once for every kind of list, not
/// once per kind (a smaller page).
#[hook]
fn use_next_chunk(generation: usize, drawn: usize, pending: bool, shown: Rc<RefCell<usize>>) {
    let ticket = use_mut_ref(|| 0_u64);
    let ticket_now = ticket.clone();
    let redraw = use_force_update();
    use_effect_with((generation, drawn), move |_| {
        // Each new list or chunk takes a new ticket; a step scheduled under an older one (a
        // list since replaced, a chunk already drawn) finds the ticket changed and stops.
        let ticket = {
            let mut ticket = ticket.borrow_mut();
            *ticket += 1;
            *ticket
        };
        if pending {
            // The next chunk waits until what is drawn now has been painted.
            crate::dom::after_paint(Box::new(move || {
                if *ticket_now.borrow() != ticket {
                    return;
                }
                let mut shown = shown.borrow_mut();
                *shown = shown.saturating_add(CHUNK);
                drop(shown);
                redraw.force_update();
            }));
        }
    });
}
