//! The page in headless Chromium: mounts the real app and checks what a first visit, typing and
//! the context controls show. (There is no worker here: the test harness has no loader tag, so
//! every plan is assessed on the main thread, the path small plans always take.) Run with `cargo xtask test` (or `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p
//! approval-risk-web --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]
// A test that cannot find what it looks for should fail loudly, naming what was missing.
#![allow(clippy::panic)]

use approval_risk_web::App;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlTextAreaElement, MutationObserver, MutationObserverInit,
};

wasm_bindgen_test_configure!(run_in_browser);

const RANK: [&str; 4] = ["proceed", "review", "escalate", "block"];

fn rank(decision: &str) -> usize {
    RANK.iter()
        .position(|known| *known == decision)
        .unwrap_or_else(|| panic!("not a decision: {decision:?}"))
}

/// Mounts a fresh app in its own element, so tests sharing the page do not see each other.
async fn mount() -> Element {
    let document = gloo_document();
    let root = document
        .create_element("div")
        .expect("create a root element");
    document
        .body()
        .expect("the page has a body")
        .append_child(&root)
        .expect("attach root");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn gloo_document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

fn attribute(root: &Element, selector: &str, name: &str) -> String {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .get_attribute(name)
        .unwrap_or_else(|| panic!("{selector} has no {name}"))
}

/// Resolves when `data-verdict` changes anywhere under `root`. The observer is registered
/// before this returns, so an input dispatched afterwards cannot be missed.
fn verdict_changed(root: &Element) -> JsFuture {
    let root = root.clone();
    let promise = Promise::new(&mut |resolve: Function, _reject: Function| {
        let on_change =
            Closure::once_into_js(move |_records: JsValue, observer: MutationObserver| {
                observer.disconnect();
                let _ = resolve.call0(&JsValue::NULL);
            });
        let observer = MutationObserver::new(on_change.unchecked_ref()).expect("an observer");
        let options = MutationObserverInit::new();
        options.set_attributes(true);
        options.set_subtree(true);
        options.set_attribute_filter(&Array::of1(&JsValue::from_str("data-verdict")));
        observer
            .observe_with_options(&root, &options)
            .expect("observe the app");
    });
    JsFuture::from(promise)
}

/// Resolves once `name` on the element matching `selector` under `root` equals `value`.
fn attribute_becomes(
    root: &Element,
    selector: &'static str,
    name: &'static str,
    value: &'static str,
) -> JsFuture {
    let root = root.clone();
    let promise = Promise::new(&mut |resolve: Function, _reject: Function| {
        let watched = root.clone();
        let on_change = Closure::<dyn FnMut(JsValue, MutationObserver)>::new(
            move |_records: JsValue, observer: MutationObserver| {
                let now = watched
                    .query_selector(selector)
                    .ok()
                    .flatten()
                    .and_then(|element| element.get_attribute(name));
                if now.as_deref() == Some(value) {
                    observer.disconnect();
                    let _ = resolve.call0(&JsValue::NULL);
                }
            },
        );
        let observer =
            MutationObserver::new(on_change.as_ref().unchecked_ref()).expect("an observer");
        // A test lives as long as the page; so may its observer's closure.
        on_change.forget();
        let options = MutationObserverInit::new();
        options.set_attributes(true);
        options.set_subtree(true);
        options.set_attribute_filter(&Array::of1(&JsValue::from_str(name)));
        observer
            .observe_with_options(&root, &options)
            .expect("observe the app");
    });
    JsFuture::from(promise)
}

fn dispatch(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("an event");
    target.dispatch_event(&event).expect("dispatch");
}

/// Replaces the plan as a person would: new value, then a bubbling `input` event.
fn type_plan(root: &Element, plan: &str) {
    let area: HtmlTextAreaElement = root
        .query_selector("#plan-input")
        .expect("a valid selector")
        .expect("the plan text area")
        .unchecked_into();
    area.set_value(plan);
    dispatch(&area, "input");
}

#[wasm_bindgen_test]
async fn first_visit_shows_the_example_plan_at_escalate_or_above() {
    let root = mount().await;
    let verdict = attribute(&root, "[data-verdict]", "data-verdict");
    assert!(rank(&verdict) >= rank("escalate"), "verdict was {verdict}");

    let cards = root
        .query_selector_all("[data-step-index]")
        .expect("a valid selector");
    assert_eq!(cards.length(), 3, "one card per step of the example plan");
    let recreate = attribute(&root, "[data-step-index=\"2\"]", "data-decision");
    assert!(rank(&recreate) >= rank("escalate"), "step 2 was {recreate}");

    let badge = root
        .query_selector("[data-step-index=\"2\"] .badge")
        .expect("a valid selector")
        .expect("step 2 has a badge");
    assert_eq!(
        badge.text_content().as_deref(),
        Some(recreate.as_str()),
        "the badge says it in words"
    );
}

#[wasm_bindgen_test]
async fn typing_a_harmless_plan_rescores_to_proceed() {
    let root = mount().await;
    let changed = verdict_changed(&root);
    type_plan(&root, "1. List the files in the repo");
    changed.await.expect("the verdict changed");
    yew::scheduler::flush().await;

    assert_eq!(
        attribute(&root, "[data-verdict]", "data-verdict"),
        "proceed"
    );
    let cards = root
        .query_selector_all("[data-step-index]")
        .expect("a valid selector");
    assert_eq!(cards.length(), 1, "the old cards are gone");
}

#[wasm_bindgen_test]
async fn the_triggering_words_are_marked_with_their_rule() {
    let root = mount().await;
    let mark = root
        .query_selector("[data-step-index=\"2\"] mark[data-rule]")
        .expect("a valid selector")
        .expect("step 2 marks its evidence");
    assert_eq!(mark.text_content().as_deref(), Some("Delete"));
    let rule = mark.get_attribute("data-rule").expect("a rule id");
    assert!(
        rule.contains('.'),
        "a rule id looks like domain.name: {rule}"
    );
    assert!(mark
        .get_attribute("title")
        .is_some_and(|title| !title.is_empty()));
    assert_eq!(
        mark.get_attribute("tabindex").as_deref(),
        Some("0"),
        "focusable"
    );
}

#[wasm_bindgen_test]
async fn changing_the_target_rescores_at_once() {
    let root = mount().await;
    let busy = attribute_becomes(&root, ".result-pane", "aria-busy", "true");
    type_plan(&root, "kubectl delete deployment api");
    busy.await.expect("typing marks the assessment stale");
    attribute_becomes(&root, ".result-pane", "aria-busy", "false")
        .await
        .expect("the plan was assessed");
    yew::scheduler::flush().await;

    let target: web_sys::HtmlSelectElement = root
        .query_selector("#context-target")
        .expect("a valid selector")
        .expect("the target selector")
        .unchecked_into();
    target.set_value("development");
    dispatch(&target, "change");
    yew::scheduler::flush().await;
    assert_eq!(attribute(&root, "[data-verdict]", "data-verdict"), "review");

    target.set_value("production");
    dispatch(&target, "change");
    yew::scheduler::flush().await;
    assert_eq!(
        attribute(&root, "[data-verdict]", "data-verdict"),
        "escalate"
    );
}
