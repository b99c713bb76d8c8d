//! Embedding for internal portals (issue 7, docs/embedding.md): the page in an iframe at
//! `?embed=1&origins=...` shows a compact view and speaks a small `postMessage` protocol with
//! the page that embeds it.
//!
//! - `approval-risk:ready` when loaded, and `approval-risk:height` whenever the page's height
//!   changes (a `ResizeObserver`), so the portal can size the frame to fit.
//! - `approval-risk:assess` in; `approval-risk:result` (the JSON contract) or
//!   `approval-risk:error` (one-line reason) out, and the plan and its assessment on view.
//!   A plan is routed as a pasted one is (`state::INLINE_LIMIT`): a small one is assessed and
//!   answered at once, a big one in the worker (`worker.rs`), so no message blocks the frame
//!   for long; its result is posted when the worker has it. A newer request supersedes one
//!   still in the worker, which is then answered with an error saying so.
//!
//! Who is answered is the point of this module. A message counts only when it comes from the
//! embedding page (`event.source` is `window.parent`) and that page's origin is on the
//! allow-list of the frame's own address; anything else is dropped without a word, so a page
//! that is not allowed cannot even learn that the frame is there. Replies go to
//! `event.origin` exactly, never `"*"`, so the plan and its assessment reach no one but the
//! page that sent them. With no allow-list, nothing is accepted. Reading the address is
//! `origins`, reading a request is `message`; this file is the browser glue and the hook the
//! app calls.

pub mod message;
mod origins;

pub use message::PLAN_LIMIT;
pub use origins::Embedding;

use crate::share;
use crate::state::{Action, State, Theme, INLINE_LIMIT};
use crate::worker::Assessor;
use approval_risk_engine::strict_json::Json;
use approval_risk_engine::words::Join;
use approval_risk_engine::{assess, Options};
use approval_risk_wasm::js_kind;
use js_sys::{JsString, Object, Reflect, JSON};
use message::Refusal;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, ResizeObserver, Window};
use yew::prelude::*;

/// The protocol's version, sent with every message. A change that would mislead a portal
/// written for this one gets a new number; new fields do not.
pub const PROTOCOL_VERSION: u32 = 1;

const READY: &str = "approval-risk:ready";
const HEIGHT: &str = "approval-risk:height";
const RESULT: &str = "approval-risk:result";
const ERROR: &str = "approval-risk:error";
const CHANGED: &str = "approval-risk:changed";

thread_local! {
    /// The channel of an editable frame, for `changed`: set while the protocol runs.
    static EDITABLE: RefCell<Option<Rc<Channel>>> = const { RefCell::new(None) };
}

/// Tells the portal that the approver changed the plan or the context inside the frame, with
/// the new result (`contract`, the JSON): `approval-risk:changed`. A portal that keeps the
/// result it asked for would otherwise record a decision the approver no longer sees. Nothing
/// happens outside an editable frame.
pub fn changed(contract: &JsString) {
    if !cfg!(feature = "embed") {
        return;
    }
    EDITABLE.with(|editable| {
        if let (Some(channel), Ok(assessment)) = (&*editable.borrow(), parse_json(contract)) {
            channel.announce(&record(&[
                ("type", CHANGED.into()),
                ("version", PROTOCOL_VERSION.into()),
                ("assessment", assessment),
            ]));
        }
    });
}

/// The embedding the page's address asks for, if any.
pub fn embedding() -> Option<Embedding> {
    // Only embed.html's build embeds (the `embed` feature); elsewhere nothing below is linked.
    if !cfg!(feature = "embed") {
        return None;
    }
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let lists: Vec<String> = params
        .get_all("origins")
        .iter()
        .filter_map(|list| list.as_string())
        .collect();
    let mut embedding = Embedding::read(
        params.get("embed").as_deref(),
        lists.iter().map(String::as_str),
    )?;
    embedding.readonly = params.get("readonly").as_deref() == Some("1");
    Some(embedding)
}

/// The state a visit opens with. Embedded, the frame waits for the portal's plan instead of
/// showing the example (a verdict on a plan nobody sent would mislead the approver); a share
/// link in the fragment still opens, so a portal can show a plan without any script.
pub fn open(fragment: &str, theme: Theme) -> State {
    let Some(embedding) = embedding() else {
        return State::open(fragment, theme);
    };
    let mut state = if share::read(fragment).is_some() {
        State::open(fragment, theme)
    } else {
        let mut state = State::assessed("", Options::default());
        state.theme = theme;
        state
    };
    if let Some(notice) = allow_list_notice(&embedding) {
        state.notice = Some(AttrValue::from(notice));
    }
    state
}

/// What the frame says when its allow-list cannot work as the portal's owner meant it: shown
/// in the frame, where whoever is wiring up the portal will see it.
pub fn allow_list_notice(embedding: &Embedding) -> Option<String> {
    if !embedding.refused.is_empty() {
        let refused: Vec<String> = embedding
            .refused
            .iter()
            .map(|entry| format!("`{entry}`"))
            .collect();
        return Some(format!(
            "Not origins, so not allowed to send plans: {}. An origin is \
             scheme://host[:port], such as https://portal.example (docs/embedding.md).",
            refused.joined(", ")
        ));
    }
    embedding.origins.is_empty().then(|| {
        String::from(
            "This embedded view accepts plans from no page: its address lists no allowed \
             origins (add &origins=https://your-portal.example; see docs/embedding.md).",
        )
    })
}

/// Embedding (issue 7): the app's one hook into this module. Marks the document for the
/// compact view (`styles/embed.css` keys on `<html data-embed>`) and returns the embedding the
/// address asks for, if any: the app leaves out its header and footer then, and starts the
/// protocol (`start`) once the first render is done.
#[hook]
pub fn use_embed() -> Rc<Option<Embedding>> {
    use_memo((), |_| {
        let embedding = embedding();
        if embedding.is_some() {
            mark_document();
        }
        embedding
    })
}

/// Starts the protocol for `embedding`, if the page is embedded at all; it stops when what
/// this returns is dropped.
pub fn start(
    embedding: &Option<Embedding>,
    dispatcher: UseReducerDispatcher<State>,
    assessor: Rc<Assessor>,
) -> Option<impl Drop> {
    if !cfg!(feature = "embed") {
        return None;
    }
    Frame::start(embedding.clone()?, dispatcher, assessor)
}

fn mark_document() {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("data-embed", "");
    }
}

/// The protocol while the page is in a frame; stops listening when dropped.
struct Frame {
    window: Window,
    observer: Option<ResizeObserver>,
    on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_resize: Option<Closure<dyn FnMut(js_sys::Array)>>,
}

impl Frame {
    /// Starts listening, says `ready` and the height. `None` when the page is not in a frame
    /// (opened on its own, it is its own parent: there is no portal to talk to).
    fn start(
        embedding: Embedding,
        dispatcher: UseReducerDispatcher<State>,
        assessor: Rc<Assessor>,
    ) -> Option<Frame> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        if Object::is(&parent, &window) {
            return None;
        }
        let readonly = embedding.readonly;
        let channel = Rc::new(Channel {
            parent_origin: RefCell::new(ancestor_origin(&window)),
            parent,
            embedding,
            height: Cell::new(-1.0),
            assessor: assessor.clone(),
            hinted: RefCell::default(),
        });
        if !readonly {
            EDITABLE.with(|editable| *editable.borrow_mut() = Some(channel.clone()));
            // Plans the worker holds: their results come back from it.
            assessor.report_changes(Box::new(|contract| changed(&contract)));
        }
        let on_message = {
            let channel = channel.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                channel.receive(&event, &dispatcher)
            })
        };
        window
            .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())
            .ok()?;
        channel.announce(&record(&[
            ("type", READY.into()),
            ("version", PROTOCOL_VERSION.into()),
        ]));
        // The observer reports once at the start, which sends the first height.
        let on_resize = {
            let channel = channel.clone();
            Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| channel.resized())
        };
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(root)) = (
            &observer,
            window
                .document()
                .and_then(|document| document.document_element()),
        ) {
            observer.observe(&root);
        }
        Some(Frame {
            window,
            observer,
            on_message,
            _on_resize: Some(on_resize),
        })
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        EDITABLE.with(|editable| editable.borrow_mut().take());
        let _ = self.window.remove_event_listener_with_callback(
            "message",
            self.on_message.as_ref().unchecked_ref(),
        );
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// The frame's side of the conversation with the embedding page.
struct Channel {
    parent: Window,
    embedding: Embedding,
    /// The embedding page's origin once known: from `location.ancestorOrigins` where the
    /// browser has it, else from the first message the page sent. Until then, announcements go
    /// to each allowed origin in turn, and the browser delivers only the one that matches.
    parent_origin: RefCell<Option<String>>,
    /// The last height announced, to announce only changes.
    height: Cell<f64>,
    /// The worker that assesses big plans, shared with the page.
    assessor: Rc<Assessor>,
    /// Origins already told, in the console, that they are not on the allow-list.
    hinted: RefCell<Vec<String>>,
}

impl Channel {
    /// The origins an announcement is posted to; never `"*"`.
    fn targets(&self) -> Vec<String> {
        match &*self.parent_origin.borrow() {
            Some(origin) if self.embedding.allows(origin) => vec![origin.clone()],
            Some(_) => Vec::new(),
            None => self.embedding.origins.clone(),
        }
    }

    fn announce(&self, message: &Object) {
        for origin in self.targets() {
            let _ = self.parent.post_message(message, &origin);
        }
    }

    /// Says in the frame's console, once per origin, why the embedding page is not answered:
    /// whoever wires up a portal looks there first. The sender learns nothing (it cannot
    /// read the frame's console), so the silence toward it stays whole.
    fn hint(&self, origin: &str) {
        let mut hinted = self.hinted.borrow_mut();
        if hinted.iter().any(|seen| seen == origin) || hinted.len() >= 8 {
            return;
        }
        hinted.push(origin.to_string());
        let list = if self.embedding.origins.is_empty() {
            String::from("no origin")
        } else {
            self.embedding.origins.joined(", ")
        };
        warn(&format!(
            "Approval Risk Explainer: ignored messages from {origin}, which is not on this \
             frame's allow-list ({list}). Add it to the frame's address: \
             ?embed=1&origins={origin} (docs/embedding.md)."
        ));
    }

    fn resized(&self) {
        let Some(height) = page_height() else {
            return;
        };
        if height != self.height.get() {
            self.height.set(height);
            self.announce(&record(&[
                ("type", HEIGHT.into()),
                ("version", PROTOCOL_VERSION.into()),
                ("height", height.into()),
            ]));
        }
    }

    fn receive(&self, event: &MessageEvent, dispatcher: &UseReducerDispatcher<State>) {
        let origin = event.origin();
        let from_parent = event
            .source()
            .is_some_and(|source| Object::is(&source, &self.parent));
        // Not allowed, or not the embedding page: ignored, and never answered.
        if !from_parent {
            return;
        }
        if !self.embedding.allows(&origin) {
            self.hint(&origin);
            return;
        }
        *self.parent_origin.borrow_mut() = Some(origin.clone());
        let data = event.data();
        let id = id_of(&data);
        let parent = self.parent.clone();
        // Boxed, so the one way a reply is posted is compiled once for both paths.
        let reply: Box<dyn FnOnce(Result<Object, Refusal>)> = Box::new(move |reply| {
            let reply = reply.unwrap_or_else(|refusal| {
                let mut fields = vec![("type", JsValue::from(ERROR))];
                fields.push(("version", PROTOCOL_VERSION.into()));
                if refusal.with_id {
                    fields.push(("id", id.clone()));
                }
                fields.push(("reason", refusal.reason.as_str().into()));
                record(&fields)
            });
            let _ = parent.post_message(&reply, &origin);
        });
        let (request, json, units) = match read(&data) {
            Ok(read) => read,
            Err(refusal) => return reply(Err(refusal)),
        };
        let assessment = if units > INLINE_LIMIT && self.assessor.available() {
            // The worker assesses it; the reply goes out when it answers.
            let id = id_of(&data);
            self.assessor.stage(
                json,
                request.plan.as_str().into(),
                Box::new(move |contract| {
                    reply(
                        contract
                            .ok_or_else(superseded)
                            .and_then(|c| result(&id, &c)),
                    )
                }),
            );
            None
        } else {
            // A newer request supersedes one still in the worker.
            self.assessor.supersede(json);
            let assessment = Rc::new(assess(&request.plan, &request.options));
            reply(result(&id_of(&data), &assessment.to_json().into()));
            Some(assessment)
        };
        let options = request.options;
        dispatcher.dispatch(Action::Adopt {
            plan: AttrValue::from(request.plan),
            context: options.context,
            format: options.format,
            policy: Box::new(options.policy),
            assessment,
        });
    }
}

/// The refusal sent for a request whose plan was still in the worker when a newer plan came.
fn superseded() -> Refusal {
    Refusal::new(
        true,
        "superseded: a newer plan reached the frame before this one was assessed",
    )
}

/// The `result` reply: the request's id and the JSON contract, as an object.
fn result(id: &JsValue, contract: &JsString) -> Result<Object, Refusal> {
    let contract = parse_json(contract)
        .map_err(|_| Refusal::new(true, "the engine's report could not be read as JSON"))?;
    Ok(record(&[
        ("type", RESULT.into()),
        ("version", PROTOCOL_VERSION.into()),
        ("id", id.clone()),
        ("assessment", contract),
    ]))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn warn(message: &str);

    /// `JSON.parse` on a JS string, so a contract of megabytes from the worker is parsed where
    /// it is, never copied through wasm memory.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsString) -> Result<JsValue, JsValue>;
}

/// Reads a request: the request, its JSON (which the worker reads the policy from) and its
/// plan's length in UTF-16 units (which routes it, as a pasted plan is routed); or why it
/// cannot be answered.
fn read(data: &JsValue) -> Result<(message::Request, JsValue, usize), Refusal> {
    if !data.is_object() || data.is_function() {
        return Err(Refusal::new(false, message::not_an_object(js_kind(data))));
    }
    // A plan too long to assess here is refused before it is copied into JSON and wasm.
    let plan = Reflect::get(data, &"plan".into()).unwrap_or_default();
    let units = plan
        .dyn_ref::<JsString>()
        .map_or(0, |plan| plan.length() as usize);
    if units > PLAN_LIMIT {
        return Err(Refusal::new(has_usable_id(data), message::too_long(units)));
    }
    // Through JSON, so the request is read by the same code as the engine module's options
    // (structured clones of Maps, Blobs and the like become `{}` and are refused as such).
    let unreadable = || Refusal::new(false, message::not_an_object("data JSON cannot hold"));
    let json = JSON::stringify(data).map_err(|_| unreadable())?;
    let length = json.length() as usize;
    if length > message::MESSAGE_LIMIT {
        return Err(Refusal::new(
            has_usable_id(data),
            message::message_too_long(length),
        ));
    }
    let text = json.as_string().ok_or_else(unreadable)?;
    let request = message::read(&Json::parse(&text).map_err(|_| unreadable())?)?;
    Ok((request, json.into(), units))
}

/// Whether the request's id can be echoed in a refusal (a string or a number), checked on the
/// JavaScript value so a request refused for its size is never copied to find out.
fn has_usable_id(data: &JsValue) -> bool {
    let id = id_of(data);
    id.is_string() || id.as_f64().is_some()
}

/// The request's id as the portal sent it, to echo in the reply.
fn id_of(data: &JsValue) -> JsValue {
    Reflect::get(data, &"id".into()).unwrap_or_default()
}

/// A plain object with these fields, for `postMessage`.
fn record(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

/// The embedding page's origin as the browser reports it to the frame, where it does
/// (`location.ancestorOrigins`, Chromium and Safari). `"null"` (a parent that hides its
/// origin) counts as unknown.
fn ancestor_origin(window: &Window) -> Option<String> {
    let origins = Reflect::get(&window.location(), &"ancestorOrigins".into()).ok()?;
    let first = Reflect::get(&origins, &0.into()).ok()?.as_string()?;
    (first != "null").then_some(first)
}

/// The height the frame needs to show the whole page without scrolling, in CSS pixels.
/// `styles/embed.css` keeps the root's height to its content (no `100vh`), so a frame made
/// taller never makes the page report more.
fn page_height() -> Option<f64> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(root.get_bounding_client_rect().height().ceil())
}

#[cfg(test)]
mod tests {
    use super::*;
    use approval_risk_engine::{Decision, Target};

    #[test]
    fn a_missing_or_broken_allow_list_is_said_in_the_frame() {
        let none = Embedding::read(Some("1"), []).expect("embedded");
        assert!(allow_list_notice(&none)
            .is_some_and(|notice| notice.contains("accepts plans from no page")));
        let star = Embedding::read(Some("1"), ["*,https://a.example"]).expect("embedded");
        assert!(allow_list_notice(&star).is_some_and(|notice| notice.contains("`*`")));
        let fine = Embedding::read(Some("1"), ["https://a.example"]).expect("embedded");
        assert_eq!(allow_list_notice(&fine), None);
    }

    #[test]
    fn an_adopted_plan_is_shown_with_its_options_and_not_reassessed() {
        let plan = "1. Run `terraform destroy -auto-approve` in prod.\n";
        let options = Options {
            context: approval_risk_engine::Context {
                target: Target::Production,
                ..Default::default()
            },
            ..Options::default()
        };
        let assessment = Rc::new(assess(plan, &options));
        let before = Rc::new(State::with_example());
        let after = yew::Reducible::reduce(
            before.clone(),
            Action::Adopt {
                plan: AttrValue::from(plan),
                context: options.context,
                format: None,
                policy: Box::default(),
                assessment: Some(assessment.clone()),
            },
        );
        assert_eq!(after.plan.as_str(), plan);
        assert_eq!(after.options.context.target, Target::Production);
        assert!(after.board.verdict >= Decision::Escalate);
        // The very assessment made for the reply, not a second one.
        assert!(after
            .assessment
            .as_ref()
            .is_some_and(|shown| Rc::ptr_eq(shown, &assessment)));
        // The text area is given the new plan.
        assert_eq!(after.revision, before.revision + 1);
    }
}
