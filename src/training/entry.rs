//! How training opens: the header button, `?view=training`, and exercise links (a share link
//! with `&exercise=1`), whether the page starts with one or it is pasted into an open page.

use super::{Lesson, Move, Session};
use crate::{dom, share};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// What the page needs to show training: whether it is open, and the session behind it. The
/// session is held by the page itself (this hook runs in `App`), so leaving training for the
/// plan and coming back keeps the running score.
#[derive(Clone)]
pub struct Training {
    pub open: UseStateHandle<bool>,
    pub session: UseReducerHandle<Session>,
}

/// The exercise a fragment links to, if it is an exercise link of a plan short enough for one
/// (`share::EXERCISE_LIMIT`). A round assesses its plan on the main thread, so a longer one
/// (a link made by hand, since the page never offers it) opens as the plan it shares instead,
/// which the page assesses in the worker: the engine's work on a stranger's plan never holds
/// the page (issue 17).
fn linked(fragment: &str) -> Option<Lesson> {
    share::read(fragment)
        .filter(|shared| shared.exercise && shared.plan.len() <= share::EXERCISE_LIMIT)
        .map(|shared| Lesson::Built(Rc::new(shared)))
}

/// Whether the address asks for training: `?view=training`. A query, unlike the fragment, may
/// reach a server, so it only ever names the view, never a plan.
fn asked_in_query() -> bool {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "view=training")
}

#[hook]
pub fn use_training() -> Training {
    let session = use_reducer(Session::default);
    let open = use_state(|| linked(&dom::fragment()).is_some() || asked_in_query());
    Training { open, session }
}

impl Training {
    /// Run once the page is mounted (from `App`'s one mount effect, which keeps the page's
    /// download smaller than an effect of its own). An exercise link pasted into the address
    /// bar of an open page starts that exercise; the page's own listener (`onhashchange`, in
    /// `App`) still opens the plan behind it. One the page opens with starts once the page is
    /// painted, in a task of its own: the engine's work on a plan a stranger chose is never
    /// part of the page's start (issue 17).
    pub fn listen(&self) {
        let (dispatcher, open) = (self.session.dispatcher(), self.open.setter());
        if let Some(lesson) = linked(&dom::fragment()) {
            let dispatcher = dispatcher.clone();
            dom::after_paint(Box::new(move || dispatcher.dispatch(Move::Start(lesson))));
        }
        if let Some(window) = web_sys::window() {
            let on_hash = Closure::<dyn Fn()>::new(move || {
                if let Some(lesson) = linked(&dom::fragment()) {
                    dispatcher.dispatch(Move::Start(lesson));
                    open.set(true);
                }
            });
            let _ = window
                .add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
            // The page lives as long as the window; so does the listener.
            on_hash.forget();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::linked;
    use crate::share::{exercise_link, fragment, EXERCISE_LIMIT};
    use approval_risk_engine::Options;

    fn link_of(plan: &str) -> String {
        exercise_link(&fragment(plan, &Options::default()).expect("short enough for a link"))
    }

    #[test]
    fn an_exercise_link_starts_an_exercise_up_to_the_limit_and_no_further() {
        let longest = "rm -rf /srv/x\n".repeat(EXERCISE_LIMIT / 14);
        assert!(linked(&link_of(&longest)).is_some());
        // One byte over: the link still opens the plan (the app reads it), but not as a round.
        let over = "x".repeat(EXERCISE_LIMIT + 1);
        assert!(linked(&link_of(&over)).is_none());
        assert!(crate::share::read(&link_of(&over)).is_some());
    }

    #[test]
    fn a_plain_share_link_is_not_an_exercise() {
        let plain = fragment("rm -rf /srv/x\n", &Options::default()).expect("a link");
        assert!(linked(&plain).is_none());
    }
}
