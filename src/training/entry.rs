//! How the training page opens: on an exercise link (a share link with `&exercise=1`, or a
//! library exercise's own `#exercise=<id>`), with `facilitator=1` in either, and with the
//! progress a reload left in local storage, read when the session is made and saved on every
//! change. (The approver's page sends `?view=training` and exercise links here: `src/boot.js`.)

use super::{library, progress, Lesson, Move, Session};
use crate::{dom, share};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// What the training page needs: the session, which local storage keeps across visits, so
/// going back to the plan and coming back keeps the running score.
#[derive(Clone)]
pub struct Training {
    pub session: UseReducerHandle<Session>,
}

/// The exercise a fragment links to: a library exercise by id, or an exercise link of a plan
/// short enough for one (`share::EXERCISE_LIMIT`). A round assesses its plan on the main thread,
/// so a longer one (a link made by hand, since the page never offers it) opens as the plan it
/// shares instead, which the page assesses in the worker: the engine's work on a stranger's
/// plan never holds the page (issue 17).
pub fn linked(fragment: &str) -> Option<Lesson> {
    if let Some(shared) = share::read(fragment).filter(|shared| shared.exercise) {
        return (shared.plan.len() <= share::EXERCISE_LIMIT)
            .then(|| Lesson::Built(Rc::new(shared)));
    }
    pairs(fragment)
        .find_map(|pair| pair.strip_prefix("exercise="))
        .and_then(library::find)
        .map(Lesson::Incident)
}

/// Whether a fragment asks for facilitator mode.
pub fn facilitated(fragment: &str) -> bool {
    pairs(fragment).any(|pair| pair == "facilitator=1")
}

fn pairs(fragment: &str) -> std::str::Split<'_, char> {
    fragment.strip_prefix('#').unwrap_or(fragment).split('&')
}

#[hook]
pub fn use_training() -> Training {
    let session = use_reducer(|| {
        let mut session = Session::restored(progress::read(&dom::stored(progress::KEY)));
        session.facilitator |= facilitated(&dom::fragment());
        session
    });
    use_effect_with(progress::write(&session), |saved| {
        dom::store(progress::KEY, saved)
    });
    Training { session }
}

impl Training {
    /// Run once the page is mounted. An exercise link followed or pasted into the address bar
    /// of the open page starts that exercise. One the page opens with, or the one a reload
    /// interrupted, starts once the page is painted, in a task of its own: the engine's work is
    /// never part of the page's start (issue 17).
    pub fn listen(&self) {
        let dispatcher = self.session.dispatcher();
        // A link names the exercise to open; the one a reload interrupted comes back with its
        // choices unless the link names another.
        let interrupted = self
            .session
            .resume
            .as_ref()
            .map(|(exercise, _)| exercise.id);
        let first = match linked(&dom::fragment()) {
            Some(lesson) if lesson.id().is_some() && lesson.id() == interrupted => {
                Some(Move::Resume)
            }
            Some(lesson) => Some(Move::Start(lesson)),
            None => interrupted.map(|_| Move::Resume),
        };
        if let Some(first) = first {
            let dispatcher = dispatcher.clone();
            dom::after_paint(Box::new(move || dispatcher.dispatch(first)));
        }
        if let Some(window) = web_sys::window() {
            let on_hash = Closure::<dyn Fn()>::new(move || {
                let fragment = dom::fragment();
                if let Some(lesson) = linked(&fragment) {
                    if facilitated(&fragment) {
                        dispatcher.dispatch(Move::Facilitate(true));
                    }
                    dispatcher.dispatch(Move::Start(lesson));
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
        exercise_link(
            &fragment(plan, &Options::default()).expect("short enough for a link"),
            &Default::default(),
        )
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
