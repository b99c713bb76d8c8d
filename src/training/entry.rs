//! How training opens: the header button, `?view=training`, and exercise links (a share link
//! with `&exercise=1`), whether the page starts with one or it is pasted into an open page.

use super::{Lesson, Move, Round, Session};
use crate::{dom, share};
use approval_risk_engine::{Assessment, Options};
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

/// The exercise a fragment links to, if it is an exercise link.
fn linked(fragment: &str) -> Option<Lesson> {
    share::read(fragment)
        .filter(|shared| shared.exercise)
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
pub fn use_training(page: Option<(AttrValue, Options, Rc<Assessment>)>) -> Training {
    let session = use_reducer(move || Session {
        // An exercise link opens the page on the same plan and options: the round takes the
        // assessment the page has just made rather than making it again.
        round: linked(&dom::fragment()).map(|lesson| match page {
            Some((plan, options, assessment))
                if plan.as_str() == lesson.plan()
                    && options.context == lesson.options().context
                    && options.format == lesson.options().format =>
            {
                Round::with_assessment(lesson, assessment)
            }
            _ => Round::new(lesson),
        }),
        ..Session::default()
    });
    let open = {
        let started = session.round.is_some();
        use_state(move || started || asked_in_query())
    };
    // An exercise link pasted into the address bar of an open page starts that exercise. The
    // page's own listener (`onhashchange`, in `App`) still opens the plan behind it.
    {
        let (dispatcher, open) = (session.dispatcher(), open.setter());
        use_effect_with((), move |_| {
            if let Some(window) = web_sys::window() {
                let on_hash = Closure::<dyn Fn()>::new(move || {
                    if let Some(lesson) = linked(&dom::fragment()) {
                        dispatcher.dispatch(Move::Start(lesson));
                        open.set(true);
                    }
                });
                let _ = window.add_event_listener_with_callback(
                    "hashchange",
                    on_hash.as_ref().unchecked_ref(),
                );
                // The page lives as long as the window; so does the listener.
                on_hash.forget();
            }
        });
    }
    Training { open, session }
}
