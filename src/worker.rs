//! Big plans are assessed in a Web Worker, so a 5 MB paste never freezes the page.
//!
//! Why a worker, and why this one: the engine takes about a second and a half natively (longer
//! in wasm) on a 5 MB plan, in one call that cannot be split without losing the patterns that
//! join steps, so on the main thread it would block typing and scrolling for seconds. The
//! worker runs the *same* wasm binary: the page hands it the module it already compiled
//! (`wasm_bindgen::module()`), so nothing is downloaded twice and the 300 KB budget holds,
//! where a second Trunk worker binary would ship the engine twice. The worker is started while
//! the page loads, so its two small requests (`worker.js`, the glue, both from the page's own
//! origin) come before "no request after load" starts to count. Small plans stay on the main
//! thread (`state::INLINE_LIMIT`): there the engine takes a few milliseconds and a round trip
//! would only add latency.
//!
//! Messages are arrays: `[kind, generation, ...]`. Page to worker: `assess` (text or
//! `undefined` to reuse the last text, then the options and selection, then the last embed
//! request's JSON for its policy, and whether the JSON contract is wanted back), `select`
//! (another page or filter of the last assessment) and `export`. Worker to page: `ready`,
//! `board` (encoded by `wire`, with the `approval-risk/v1` JSON when it was asked for: a
//! portal's plan, see `embed.rs`) and `export` (the report as a JS string, handed straight to a
//! download).

use crate::board::{Board, Filter, Selection};
use crate::embed::message;
use crate::wire;
use approval_risk_engine::strict_json::Json;
use approval_risk_engine::{
    assess, render, Assessment, Context, Credentials, Format, Options, Target,
};
use js_sys::{Array, JsString};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

/// Which report an export asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Markdown,
    Json,
}

impl Export {
    pub fn as_str(self) -> &'static str {
        match self {
            Export::Markdown => "markdown",
            Export::Json => "json",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Export::Markdown => "approval-risk.md",
            Export::Json => "approval-risk.json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Export::Markdown => "text/markdown;charset=utf-8",
            Export::Json => "application/json",
        }
    }

    /// The report for an assessment held here; the worker calls the same for its own.
    pub fn render(self, assessment: &Assessment, input: &str) -> String {
        match self {
            // A portal's frame offers no Markdown report: the portal receives the assessment as
            // data, and the approver's page and the command line write the Markdown. Leaving
            // the renderer out of the frame's build keeps it under the download ceiling.
            Export::Markdown if cfg!(feature = "embed") => String::new(),
            Export::Markdown => render::markdown(assessment, input),
            Export::Json => assessment.to_json(),
        }
    }
}

/// The page's handle on the worker.
pub struct Assessor {
    /// The worker now serving the page; replaced when a new plan arrives while it is busy.
    live: RefCell<Option<Live>>,
    /// The app's glue script, which a replacement worker loads as the first one did.
    glue: String,
    on_board: Rc<dyn Fn(u64, Board)>,
    failed: Rc<Cell<bool>>,
    /// The last request of the embedding portal, as JSON: its policy applies to every plan the
    /// worker assesses after it, as it does to plans assessed here (`State::options`), and is
    /// sent with each one so that a replacement worker knows it too.
    request: RefCell<JsValue>,
    /// A portal's plan for the next assessment posted, and where its JSON contract goes.
    staged: RefCell<Option<(JsString, Reply)>>,
    /// The generation whose JSON contract a portal is waiting for, and where it goes.
    awaiting: Rc<RefCell<Option<(u64, Reply)>>>,
    /// In an editable frame, where the contract of every other assessment goes: a change the
    /// approver made, which the portal is told of (`embed::changed`).
    changes: Rc<RefCell<Option<Changes>>>,
}

/// What is done with the JSON contract of a portal's plan: `None` when it will never come (a
/// newer plan replaced it first).
pub type Reply = Box<dyn FnOnce(Option<JsString>)>;

/// Where the JSON contract of an assessment no portal request waits for goes, in an editable
/// frame.
pub type Changes = Box<dyn Fn(JsString)>;

/// One running worker and what its handlers share.
struct Live {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// An assessment was posted and its board has not come back: the worker is busy with it.
    busy: Rc<Cell<bool>>,
    /// Messages posted before the worker finished loading, sent when it says `ready`.
    queue: Rc<RefCell<Vec<Array>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Live {
    /// A worker nobody holds any more is stopped, whatever it was doing.
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Assessor {
    /// Starts the worker. Without the app's loader tag (the wasm tests) or without worker
    /// support, there is no worker and every plan is assessed on the main thread.
    pub fn start(on_board: impl Fn(u64, Board) + 'static) -> Assessor {
        let glue = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document
                    .query_selector("script[data-app-js]")
                    .ok()
                    .flatten()
            })
            .and_then(|tag| tag.get_attribute("data-app-js"))
            .map(|glue| {
                let base = web_sys::window()
                    .and_then(|window| window.document())
                    .and_then(|document| document.base_uri().ok().flatten())
                    .unwrap_or_default();
                web_sys::Url::new_with_base(&glue, &base)
                    .map(|url| url.href())
                    .unwrap_or(glue)
            });
        let assessor = Assessor {
            live: RefCell::new(None),
            glue: glue.clone().unwrap_or_default(),
            on_board: Rc::new(on_board),
            failed: Rc::new(Cell::new(glue.is_none())),
            request: RefCell::new(JsValue::UNDEFINED),
            staged: RefCell::new(None),
            awaiting: Rc::default(),
            changes: Rc::default(),
        };
        if glue.is_some() {
            let live = assessor.spawn();
            assessor.failed.set(live.is_none());
            *assessor.live.borrow_mut() = live;
        }
        assessor
    }

    /// Starts a worker on the module the page already compiled.
    fn spawn(&self) -> Option<Live> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options("./worker.js", &options).ok()?;
        let ready = Rc::new(Cell::new(false));
        let busy = Rc::new(Cell::new(false));
        let queue: Rc<RefCell<Vec<Array>>> = Rc::default();
        let on_message = {
            let (ready, busy, queue, worker) =
                (ready.clone(), busy.clone(), queue.clone(), worker.clone());
            let on_board = self.on_board.clone();
            let (awaiting, changes) = (self.awaiting.clone(), self.changes.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data: Array = event.data().unchecked_into();
                match data.get(0).as_string().as_deref() {
                    Some("ready") => {
                        ready.set(true);
                        for message in queue.borrow_mut().drain(..) {
                            let _ = worker.post_message(&message);
                        }
                    }
                    Some("board") => {
                        busy.set(false);
                        crate::dom::mark("board-arrived");
                        let generation = data.get(1).as_f64().unwrap_or(-1.0) as u64;
                        // The JSON contract a portal is waiting for (a later rescore of
                        // the same plan brings none, and leaves the portal's reply waiting).
                        let waiting = awaiting.borrow().as_ref().map(|(at, _)| *at);
                        if let Ok(contract) = data.get(3).dyn_into::<JsString>() {
                            if waiting == Some(generation) {
                                if let Some((_, reply)) = awaiting.take() {
                                    reply(Some(contract));
                                }
                            } else if let Some(report) = &*changes.borrow() {
                                report(contract);
                            }
                        }
                        if let Some(board) = data.get(2).as_string().and_then(|t| wire::decode(&t))
                        {
                            on_board(generation, board);
                        }
                    }
                    Some("export") => {
                        let kind = match data.get(1).as_string().as_deref() {
                            Some("json") => Export::Json,
                            _ => Export::Markdown,
                        };
                        crate::dom::download(kind.file_name(), kind.mime(), &data.get(2));
                    }
                    _ => {}
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // A worker that fails to load (or crashes) is given up on: `available` then sends every
        // plan to the main thread, slower but never stuck.
        let on_error = {
            let failed = self.failed.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| failed.set(true))
        };
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let _ = worker.post_message(&Array::of3(
            &"init".into(),
            &self.glue.as_str().into(),
            &wasm_bindgen::module(),
        ));
        Some(Live {
            worker,
            ready,
            busy,
            queue,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Whether big plans can go to the worker: it exists and has not failed. A worker still
    /// loading counts, since messages wait in the queue until it is ready.
    pub fn available(&self) -> bool {
        self.live.borrow().is_some() && !self.failed.get()
    }

    fn post(&self, message: Array) {
        let live = self.live.borrow();
        let Some(live) = live.as_ref() else {
            return;
        };
        if live.ready.get() {
            let _ = live.worker.post_message(&message);
        } else {
            live.queue.borrow_mut().push(message);
        }
    }

    /// A portal's request (its JSON) and its plan, for the next assessment posted; `reply`
    /// gets its JSON contract. A request still waiting is superseded: its reply gets `None`.
    pub fn stage(&self, request: JsValue, plan: JsString, reply: Reply) {
        self.supersede(request);
        *self.staged.borrow_mut() = Some((plan, reply));
    }

    /// A newer request from the portal, assessed on the page itself: the one still waiting for
    /// the worker, if any, will not be answered with a result, and `request`'s policy holds
    /// from now on.
    pub fn supersede(&self, request: JsValue) {
        *self.request.borrow_mut() = request;
        let waiting = self.awaiting.take().map(|(_, reply)| reply);
        let staged = self.staged.take().map(|(_, reply)| reply);
        for reply in waiting.into_iter().chain(staged) {
            reply(None);
        }
    }

    /// Asks for an assessment. A new plan while the worker is still busy with an older one
    /// stops that worker and starts another: an assessment cannot be interrupted from outside,
    /// and the person should not wait for the result of a plan they have already replaced (a
    /// portal waiting for the old plan is told it was superseded).
    pub fn assess(
        &self,
        generation: u64,
        text: Option<JsString>,
        options: &Options,
        selection: Selection,
    ) {
        // A portal's plan comes with the first assessment posted after it arrived.
        let (text, staged) = match (text, self.staged.take()) {
            (None, Some((plan, reply))) => (Some(plan), Some(reply)),
            (text, staged) => {
                // A plan of the page's own came first: the portal's will not be assessed.
                if let Some((_, reply)) = staged {
                    reply(None);
                }
                (text, None)
            }
        };
        let busy = self
            .live
            .borrow()
            .as_ref()
            .is_some_and(|live| live.busy.get());
        if busy && text.is_some() {
            // Dropping the busy worker's handle terminates it; if no new worker can be started,
            // the busy one is kept, and answers the new plan after the old.
            if let Some(fresh) = self.spawn() {
                *self.live.borrow_mut() = Some(fresh);
                if let Some((_, reply)) = self.awaiting.take() {
                    reply(None);
                }
            }
        }
        let message = Array::of3(
            &"assess".into(),
            &(generation as f64).into(),
            &text.map_or(JsValue::UNDEFINED, JsValue::from),
        );
        let context = options.context;
        message.push(&context.target.as_str().into());
        message.push(&context.credentials.as_str().into());
        message.push(&context.change_freeze.into());
        message.push(&options.format.map_or("", Format::as_str).into());
        push_selection(&message, selection);
        message.push(&self.request.borrow());
        message.push(&(staged.is_some() || self.changes.borrow().is_some()).into());
        if let Some(reply) = staged {
            if let Some((_, older)) = self.awaiting.replace(Some((generation, reply))) {
                older(None);
            }
        }
        if let Some(live) = self.live.borrow().as_ref() {
            live.busy.set(true);
        }
        self.post(message);
    }

    pub fn select(&self, generation: u64, selection: Selection) {
        let message = Array::of2(&"select".into(), &(generation as f64).into());
        push_selection(&message, selection);
        self.post(message);
    }

    /// From now on every assessment's contract comes back, and those no portal request waits
    /// for go to `report`.
    pub fn report_changes(&self, report: Changes) {
        *self.changes.borrow_mut() = Some(report);
    }

    pub fn export(&self, kind: Export) {
        self.post(Array::of2(&"export".into(), &kind.as_str().into()));
    }
}

fn push_selection(message: &Array, selection: Selection) {
    message.push(&(selection.filter == Filter::Attention).into());
    message.push(&(selection.page as f64).into());
}

fn selection_at(data: &Array, at: u32) -> Selection {
    Selection {
        filter: if data.get(at).as_bool() == Some(true) {
            Filter::Attention
        } else {
            Filter::All
        },
        page: data.get(at + 1).as_f64().unwrap_or(0.0) as usize,
    }
}

/// What the worker keeps between messages: the last plan, how it was assessed, and the result.
#[derive(Default)]
struct Desk {
    input: String,
    assessment: Option<Assessment>,
}

/// The worker's side: answers the page's messages until the page closes. Runs in place of the
/// app when `main` finds no window (see `lib.rs`).
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let desk = RefCell::new(Desk::default());
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data: Array = event.data().unchecked_into();
        let generation = data.get(1);
        let mut desk = desk.borrow_mut();
        let mut contract = JsValue::UNDEFINED;
        let board = match data.get(0).as_string().as_deref() {
            Some("assess") => {
                if let Some(text) = data.get(2).as_string() {
                    desk.input = text;
                }
                // The portal's policy, read as the page reads its request (`embed::message`);
                // only embed.html's build has portals (the `embed` feature).
                let policy = cfg!(feature = "embed")
                    .then(|| data.get(9).as_string())
                    .flatten()
                    .and_then(|request| message::read(&Json::parse(&request).ok()?).ok())
                    .map(|request| request.options.policy)
                    .unwrap_or_default();
                let options = Options {
                    context: Context {
                        target: Target::parse(&data.get(3).as_string().unwrap_or_default())
                            .unwrap_or_default(),
                        credentials: Credentials::parse(
                            &data.get(4).as_string().unwrap_or_default(),
                        )
                        .unwrap_or_default(),
                        change_freeze: data.get(5).as_bool().unwrap_or(false),
                    },
                    format: Format::parse(&data.get(6).as_string().unwrap_or_default()),
                    policy,
                };
                let assessment = assess(&desk.input, &options);
                let board = Board::new(&assessment, selection_at(&data, 7));
                if data.get(10).is_truthy() {
                    contract = JsValue::from(assessment.to_json());
                }
                desk.assessment = Some(assessment);
                Some(board)
            }
            Some("select") => desk
                .assessment
                .as_ref()
                .map(|assessment| Board::new(assessment, selection_at(&data, 2))),
            Some("export") => {
                let kind = match generation.as_string().as_deref() {
                    Some("json") => Export::Json,
                    _ => Export::Markdown,
                };
                if let Some(assessment) = &desk.assessment {
                    let text = kind.render(assessment, &desk.input);
                    let _ = reply_scope.post_message(&Array::of3(
                        &"export".into(),
                        &kind.as_str().into(),
                        &text.into(),
                    ));
                }
                None
            }
            _ => None,
        };
        if let Some(board) = board {
            let _ = reply_scope.post_message(&Array::of4(
                &"board".into(),
                &generation,
                &wire::encode(&board).into(),
                &contract,
            ));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so does its handler.
    on_message.forget();
    let _ = scope.post_message(&Array::of1(&"ready".into()));
}
