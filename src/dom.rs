//! The few things the page does to the browser directly: the URL fragment, the theme
//! attribute, local storage, focusing a card, and saving an export as a file. Each fails quietly (a sandboxed
//! iframe may refuse storage, a card may not be rendered yet): none of it may break the page.

use crate::state::Theme;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlElement};

/// Where the person's theme choice is kept. Only this word is stored, never the plan.
const THEME_KEY: &str = "approval-risk-theme";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The URL fragment, with its `#` (empty when there is none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The page's own address without any fragment, for building share links.
pub fn address() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((address, _)) => address.to_string(),
        None => href,
    }
}

/// Goes to `url` in place of this page (no history entry left behind to come back to).
pub fn replace_location(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(url);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What local storage holds under `key`, or nothing.
pub fn stored(key: &str) -> String {
    storage()
        .and_then(|storage| storage.get_item(key).ok().flatten())
        .unwrap_or_default()
}

/// Keeps `value` under `key` in local storage (training progress: ids and choices, never a
/// plan).
pub fn store(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn stored_theme() -> Theme {
    Theme::parse(&stored(THEME_KEY))
}

/// Puts the theme on `<html data-theme>` (the stylesheet keys on it) and remembers it.
/// `boot.js` applies the remembered one before the app loads, so the page never flashes.
pub fn apply_theme(theme: Theme) {
    if let Some(root) = document().and_then(|document| document.document_element()) {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            chosen => root.set_attribute("data-theme", chosen.as_str()),
        };
    }
    if let Some(storage) = storage() {
        let _ = match theme {
            Theme::System => storage.remove_item(THEME_KEY),
            chosen => storage.set_item(THEME_KEY, chosen.as_str()),
        };
    }
}

/// Scrolls the element with `id` into view and moves keyboard focus to it. Returns false when
/// it is not in the page (yet).
pub fn focus(id: &str) -> bool {
    let Some(element) = document()
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    // A finding sits in the card's collapsed details; open them so focus lands somewhere
    // visible.
    if let Ok(Some(details)) = element.closest("details") {
        let _ = details.set_attribute("open", "");
    }
    element.scroll_into_view();
    let _ = element.focus();
    true
}

/// Saves `content` (a JS string, possibly megabytes from the worker: it never enters wasm
/// memory) as a file the browser downloads. A blob URL is local: nothing is sent anywhere.
pub fn download(file_name: &str, mime: &str, content: &JsValue) {
    let Some(document) = document() else {
        return;
    };
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(content);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a") {
        let anchor: HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    // Revoking at once can cancel the download before it starts; a minute later it is done.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Runs `then` once the browser has painted the current state: at the next animation frame,
/// then in a task of its own after that frame's paint. Work queued this way never delays what
/// the person is about to see. Without a window (never on the page) it does not run. `then` is
/// boxed so the browser glue is compiled once for every caller, not once per closure.
pub fn after_paint(then: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo_timers::callback::Timeout::new(0, then).forget();
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// A User Timing mark, read by `cargo xtask bench-web` to time a re-score from the moment the
/// typing pause ends. Costs nothing measurable and sends nothing anywhere.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}
