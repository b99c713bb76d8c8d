//! The page's root component: holds the state, debounces typing, routes big plans to the
//! worker, carries out what the reducer cannot (focus, theme, downloads), and lays out the parts.

use crate::board::Filter;
use crate::components::{
    actions, context_controls, copy, grid, strip, theme_switch, verdict_banner, ContextCallbacks,
    PatternList, PlanInput, StepList,
};
use crate::dom;
use crate::state::{Action, Job, State, Theme, INLINE_LIMIT, PREVIEW_LIMIT};
use crate::worker::{Assessor, Export};
use approval_risk_engine::render::tally;
use approval_risk_engine::{Credentials, Format, Target};
use gloo_timers::callback::Timeout;
use js_sys::JsString;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// How long typing must pause before the engine runs. Long enough that a fast typist does not
/// re-score on every key, short enough to feel live.
const DEBOUNCE_MS: u32 = 150;

/// Whether this build is embed.html's, the page for portals' frames (the `embed` feature): the
/// page `src/boot.js` opens for an address with `?embed=1`, and only for one.
const FRAME_PAGE: bool = cfg!(feature = "embed");

/// Where a new text comes from, which decides what the text area shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    /// The person typed or pasted into the text area: it already shows the text.
    Typing,
    /// The page supplies it (a file, clear): the text area must be given it.
    Page,
}

/// How much of a very long plan the text area shows (see `PREVIEW_LIMIT`).
const PREVIEW_CHARS: u32 = 16 * 1024;

/// The text area's value as a JS string. Reading it this way leaves a 5 MB paste in JS until
/// it is known to be small enough for the main thread; big ones go to the worker untouched.
fn read_area(area: &NodeRef) -> Option<JsString> {
    let element = area.get()?;
    js_sys::Reflect::get(&element, &"value".into())
        .ok()?
        .dyn_into()
        .ok()
}

#[component]
pub fn App() -> Html {
    // Embedding (issue 7): in a portal's iframe the page opens empty, waiting for the portal's
    // plan, and leaves out its header and footer (`embed.rs`).
    let state = use_reducer(|| crate::embed::open(&dom::fragment(), dom::stored_theme()));
    let area = use_node_ref();
    // The pending re-score: replacing it drops the previous `Timeout`, which cancels it.
    let pending = use_mut_ref(|| None::<Timeout>);
    // A big plan's text, waiting to be posted with the worker's next `Assess` job.
    let outgoing = use_mut_ref(|| None::<JsString>);
    let assessor = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            Assessor::start(move |generation, board| {
                dispatcher.dispatch(Action::Arrived {
                    generation,
                    board: Box::new(board),
                })
            })
        })
    };
    let embedding = crate::embed::use_embed();
    let embedded = embedding.is_some();
    // `?embed=1&readonly=1`: the portal shows its plan for reading; nothing in the frame
    // changes it, shares it or exports it.
    let locked = embedding.as_ref().as_ref().is_some_and(|e| e.readonly);

    // "Copied." shows until the link changes, which only a new generation can do.
    let copied = use_state(|| false);
    // Each new generation with a job for the worker is posted once, after the render that
    // shows the page as busy.
    {
        let (state, assessor, outgoing) = (state.clone(), assessor.clone(), outgoing.clone());
        let copied = copied.clone();
        use_effect_with(state.generation, move |_| {
            copied.set(false);
            match state.job {
                Some(Job::Assess { with_text }) => {
                    let text = with_text.then(|| outgoing.borrow_mut().take()).flatten();
                    assessor.assess(state.generation, text, &state.options, state.selection);
                }
                Some(Job::Select) => assessor.select(state.generation, state.selection),
                None => {}
            }
        });
    }
    // In an editable frame, a new assessment made here that the portal did not ask for is the
    // approver's change: the portal is told (`embed::changed`; the worker's own results are
    // reported as they arrive). The first render's assessment is nobody's change.
    {
        let (state, first) = (state.clone(), use_mut_ref(|| true));
        use_effect_with(state.generation, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let (true, false, Some(assessment)) = (embedded, locked, &state.assessment) {
                if state.generation != state.adopted {
                    crate::embed::changed(&JsString::from(assessment.to_json()));
                }
            }
        });
    }
    // Focus the card a link asked for, once it is on the page (a worker page may come later).
    // The theme is applied in the same effect (one effect fewer in the page's download): doing
    // it again when only the board changed writes the same attribute and the same word.
    {
        let focused = use_mut_ref(|| None::<u32>);
        let board = Rc::as_ptr(&state.board) as usize;
        use_effect_with(
            (state.focus, board, state.theme),
            move |(focus, _, theme)| {
                dom::apply_theme(*theme);
                if let Some(focus) = focus {
                    if *focused.borrow() != Some(focus.seq)
                        && dom::focus(&format!("step-{}", focus.step))
                    {
                        *focused.borrow_mut() = Some(focus.seq);
                    }
                }
            },
        );
    }
    let handlers = {
        let (state, area, assessor) = (state.clone(), area.clone(), assessor.clone());
        use_memo((), move |_| {
            Handlers::new(state, area, assessor, outgoing, pending)
        })
    };
    // Once mounted: a share link pasted into the address bar of an open page opens too. One
    // the page opens with (`State::open` then waits, busy) is assessed once the page is
    // painted, in a task of its own or, when it is costly, in the worker: the engine's work on
    // a plan a stranger chose is never part of the page's start. Embedding starts listening
    // here as well: one mount effect for both keeps the page's download smaller than one each.
    // (Exercise links go to the training page before this app starts: `src/boot.js`.)
    {
        let (dispatcher, waiting, link) = (state.dispatcher(), state.busy, handlers.link.clone());
        let (embedding, assessor) = (embedding.clone(), assessor.clone());
        use_effect_with((), move |_| {
            let frame = crate::embed::start(&embedding, dispatcher.clone(), assessor);
            if waiting {
                let link = link.clone();
                dom::after_paint(Box::new(move || link.emit(dom::fragment())));
            }
            if let Some(window) = web_sys::window() {
                let on_hash = Closure::<dyn Fn()>::new(move || link.emit(dom::fragment()));
                window.set_onhashchange(Some(on_hash.as_ref().unchecked_ref()));
                // The page lives as long as the window; so does the listener.
                on_hash.forget();
            }
            move || drop(frame)
        });
    }

    let link = {
        let state = state.clone();
        use_memo(state.generation, move |_| {
            state
                .share_fragment()
                .map(|fragment| AttrValue::from(format!("{}#{fragment}", dom::address())))
        })
    };
    let on_copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |()| {
            if let Some(link) = link.as_ref() {
                copied.set(copy(link));
            }
        })
    };
    let on_skip = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        dom::focus("verdict");
    });
    // The rule catalogue replaces the plan and its assessment while it is open. The plan stays
    // mounted (hidden), so a big paste held only in the text area survives the round trip.
    let show_rules = use_state(|| false);
    let on_rules = {
        let show_rules = show_rules.clone();
        Callback::from(move |_: MouseEvent| show_rules.set(!*show_rules))
    };
    // The catalogue is the approver's page's: the frame compiles none of it.
    #[cfg(not(feature = "embed"))]
    let rules = {
        let (query, on_input) = use_rules_search(*show_rules);
        if *show_rules {
            crate::components::rules_view(&query, &on_input)
        } else {
            Html::default()
        }
    };
    #[cfg(feature = "embed")]
    let rules = Html::default();
    let elsewhere = *show_rules;
    let board = &state.board;
    // Screen readers hear the same as the banner shows: an empty plan is not "proceed".
    let announcement = if board.marks.is_empty() {
        "Nothing to assess.".to_string()
    } else {
        format!(
            "Verdict: {}. {}",
            board.verdict.as_str(),
            tally(board.counts())
        )
    };

    html! {
        <>
            if !elsewhere {
                <a class="skip-link" href="#verdict" onclick={on_skip}>{ "Skip to the verdict" }</a>
            }
            // A portal's frame (embed.html's build) shows the plan and its assessment alone: the
            // header, the rule catalogue and the footer are the approver's page's, and are not
            // compiled into the frame's download.
            if !FRAME_PAGE {
                <header class="page-header">
                    <h1>{ "Approval Risk Explainer" }</h1>
                    <div class="header-tools">
                        <button
                            type="button"
                            id="show-rules"
                            class="button"
                            aria-expanded={show_rules.to_string()}
                            onclick={on_rules}
                        >
                            { if *show_rules { "Back to the plan" } else { "Rules" } }
                        </button>
                        // Training is a page of its own (`training.html`), so this page does not
                        // download it.
                        <a id="show-training" class="button" href="training.html">{ "Training" }</a>
                        { theme_switch(state.theme, &handlers.theme) }
                    </div>
                    <p class="tagline">
                        { "Paste the plan an AI agent wants you to approve. Each step is scored on \
                           whether it can be undone and how far it reaches. Everything runs in this \
                           browser tab: the plan never leaves it." }
                    </p>
                </header>
            }
            if let Some(notice) = &state.notice {
                <p class="notice" role="alert">{ notice.clone() }</p>
            }
            if *show_rules && !FRAME_PAGE {
                <main class="rules-main">
                    { rules }
                </main>
            }
            <main class="layout" hidden={elsewhere}>
                <section class="input-pane" aria-label="Plan and context">
                    <PlanInput
                        area={area.clone()}
                        plan={(state.assessment.is_some() || !state.plan.is_empty()).then(|| state.plan.clone())}
                        revision={state.revision}
                        format={state.options.format}
                        plan_bytes={state.plan_bytes}
                        in_worker={state.assessment.is_none()}
                        preview={state.preview}
                        {locked}
                        on_input={handlers.input.clone()}
                        on_big_paste={handlers.big_paste.clone()}
                        on_file={handlers.file.clone()}
                        on_format={handlers.format.clone()}
                        on_clear={handlers.clear.clone()}
                    />
                    { context_controls(state.options.context, locked, ContextCallbacks {
                        target: &handlers.target,
                        credentials: &handlers.credentials,
                        freeze: &handlers.freeze,
                    }) }
                </section>
                <section class="result-pane" aria-label="Assessment" aria-busy={state.busy.to_string()}>
                    { verdict_banner(board, state.busy, &handlers.reveal) }
                    if !locked {
                        { actions(link.as_ref().as_ref(), state.plan_bytes <= crate::share::EXERCISE_LIMIT, *copied, &on_copy, &handlers.export) }
                    }
                    if !board.marks.is_empty() {
                        <section class="pictures" aria-labelledby="pictures-title">
                            <h2 id="pictures-title">{ "At a glance" }</h2>
                            { strip(board, &handlers.reveal) }
                            // The frame is the compact view: the strip shows the plan's shape,
                            // and each card names its step's two axes; the grid of the risk
                            // model wants a wide page, and is the approver's page's (3.3 KB of
                            // gzip the frame does not download).
                            if !FRAME_PAGE {
                                { grid(board, &handlers.reveal) }
                            }
                        </section>
                    }
                    <PatternList
                        patterns={board.patterns.clone()}
                        total={board.pattern_total}
                        on_reveal={handlers.reveal.clone()}
                    />
                    <StepList
                        board={board.clone()}
                        on_filter={handlers.filter.clone()}
                        on_page={handlers.page.clone()}
                        on_reveal={handlers.reveal.clone()}
                        focus={state.focus}
                    />
                </section>
            </main>
            <p id="verdict-announcement" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                { announcement }
            </p>
            if !FRAME_PAGE {
                <footer class="page-footer">
                    { "Runs entirely in this browser tab: the plan is never sent anywhere. The same \
                       engine runs as the approval-risk command line for CI pipelines and agent hooks." }
                </footer>
            }
        </>
    }
}

/// The rule catalogue's search, kept while the catalogue is closed, and the callback for its
/// box. The catalogue opens at the search box, so a keyboard user can start typing at once.
#[cfg(not(feature = "embed"))]
#[hook]
fn use_rules_search(open: bool) -> (UseStateHandle<String>, Callback<InputEvent>) {
    let query = use_state(String::new);
    let on_input = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            query.set(
                event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    use_effect_with(open, |open| {
        if *open {
            dom::focus("rules-search");
        }
    });
    (query, on_input)
}

/// Every callback the page hands to its components, made once: a new callback each render
/// would make every card re-render on every keystroke, since callbacks compare by identity.
struct Handlers {
    /// Opens a share link (a URL fragment).
    link: Callback<String>,
    input: Callback<()>,
    big_paste: Callback<JsString>,
    file: Callback<web_sys::File>,
    clear: Callback<()>,
    format: Callback<Option<Format>>,
    target: Callback<Target>,
    credentials: Callback<Credentials>,
    freeze: Callback<bool>,
    filter: Callback<Filter>,
    page: Callback<usize>,
    reveal: Callback<usize>,
    theme: Callback<Theme>,
    export: Callback<Export>,
}

/// A callback that dispatches `make(value)`.
fn send<T: 'static>(state: &UseReducerHandle<State>, make: fn(T) -> Action) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(make(value)))
}

impl Handlers {
    fn new(
        state: UseReducerHandle<State>,
        area: NodeRef,
        assessor: Rc<Assessor>,
        outgoing: Rc<RefCell<Option<JsString>>>,
        pending: Rc<RefCell<Option<Timeout>>>,
    ) -> Handlers {
        // Every new text goes through here: small plans are assessed at once on this thread,
        // big ones go to the worker (see `worker.rs` for why).
        let route = {
            let (dispatcher, assessor, area) = (state.dispatcher(), assessor.clone(), area.clone());
            Callback::from(move |(text, source): (JsString, Source)| {
                let units = text.length() as usize;
                if units <= INLINE_LIMIT || !assessor.available() {
                    let text = AttrValue::from(String::from(text));
                    dispatcher.dispatch(match source {
                        Source::Typing => Action::Assess(text),
                        Source::Page => Action::Replace(text),
                    });
                    // The reducer has run the engine; the render follows in a microtask.
                    dom::mark("rescore-assessed");
                    return;
                }
                let preview = source == Source::Page && units > PREVIEW_LIMIT;
                if let Some(element) = area.cast::<web_sys::HtmlTextAreaElement>() {
                    if source == Source::Page {
                        // The start of a very long plan, cut at a line break; the text stays
                        // in JS all the way.
                        let shown = if preview {
                            let cut = text.last_index_of("\n", PREVIEW_CHARS as i32);
                            text.slice(0, if cut > 0 { cut as u32 } else { PREVIEW_CHARS })
                        } else {
                            text.clone()
                        };
                        let _ = js_sys::Reflect::set(&element, &"value".into(), &shown);
                    }
                    element.set_read_only(preview);
                }
                // A plan short enough for a share link is kept here too (a copy of at most
                // 16 KB), so it can still be shared while the worker holds its assessment.
                let kept = (units <= crate::share::SHARE_LIMIT)
                    .then(|| AttrValue::from(String::from(&text)));
                *outgoing.borrow_mut() = Some(text);
                dispatcher.dispatch(Action::Delegate {
                    bytes: units,
                    preview,
                    text: kept,
                });
            })
        };
        let input = {
            let (dispatcher, route, area) = (state.dispatcher(), route.clone(), area.clone());
            Callback::from(move |()| {
                dispatcher.dispatch(Action::Typed);
                let (route, area) = (route.clone(), area.clone());
                let timeout = Timeout::new(DEBOUNCE_MS, move || {
                    dom::mark("rescore-start");
                    if let Some(text) = read_area(&area) {
                        route.emit((text, Source::Typing));
                    }
                });
                *pending.borrow_mut() = Some(timeout);
            })
        };
        let file = {
            let route = route.clone();
            Callback::from(move |file: web_sys::File| {
                let route = route.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                    if let Some(text) = text.ok().and_then(|text| text.dyn_into::<JsString>().ok())
                    {
                        route.emit((text, Source::Page));
                    }
                });
            })
        };
        let big_paste = route.reform(|text: JsString| (text, Source::Page));
        // A link's plan is routed as a file's is: a stranger chose it, so one that is costly
        // to assess goes to the worker, never into a task of the page's own.
        let link = {
            let (dispatcher, route, assessor) =
                (state.dispatcher(), route.clone(), assessor.clone());
            Callback::from(
                move |fragment: String| match crate::share::read(&fragment) {
                    Some(shared) if shared.plan.len() > INLINE_LIMIT && assessor.available() => {
                        dispatcher.dispatch(Action::Linked {
                            context: shared.context,
                            format: shared.format,
                        });
                        route.emit((JsString::from(shared.plan.as_str()), Source::Page));
                    }
                    _ => dispatcher.dispatch(Action::Open(fragment)),
                },
            )
        };
        let clear = Callback::from(move |()| {
            route.emit((JsString::from(""), Source::Page));
            if let Some(area) = area.cast::<web_sys::HtmlElement>() {
                let _ = area.focus();
            }
        });
        let export = {
            let state = state.clone();
            Callback::from(move |kind: Export| match &state.assessment {
                Some(assessment) => {
                    let text = kind.render(assessment, &state.plan);
                    dom::download(kind.file_name(), kind.mime(), &JsValue::from_str(&text));
                }
                None => assessor.export(kind),
            })
        };
        Handlers {
            link,
            input,
            big_paste,
            file,
            clear,
            format: send(&state, Action::SetFormat),
            target: send(&state, Action::SetTarget),
            credentials: send(&state, Action::SetCredentials),
            freeze: send(&state, Action::SetFreeze),
            filter: send(&state, Action::SetFilter),
            page: send(&state, Action::TurnPage),
            reveal: send(&state, Action::Reveal),
            theme: send(&state, Action::SetTheme),
            export,
        }
    }
}
