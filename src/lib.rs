//! The Approval Risk Explainer page: a Yew app that renders what the engine says about a plan.
//!
//! The page never scores anything itself. `state` runs the engine (or asks the worker to) and
//! keeps what it said as a `board`; the components only draw that board. Keeping the logic in
//! the reducer and in plain functions (`board`, `highlight`, `share`, `wire`) lets native tests
//! cover it without a browser.

mod app;
pub mod board;
pub mod components;
pub mod compress;
mod dom;
pub mod embed;
pub mod highlight;
pub mod share;
pub mod state;
pub mod training;
pub mod wire;
pub mod worker;

pub use app::App;

/// The wasm's entry point, in both places it runs: on the page it draws the app; in the worker
/// (no window) it answers assessment requests instead.
pub fn start() {
    if web_sys::window().is_some() {
        yew::Renderer::<App>::new().render();
    } else {
        worker::serve();
    }
}

/// The training page's entry point (`training.html`, its own wasm): training mode alone, so
/// the approver's page never downloads it. It needs no worker: an exercise is short enough to
/// assess where it is played (`share::EXERCISE_LIMIT`).
pub fn start_training() {
    if web_sys::window().is_some() {
        yew::Renderer::<training::page::TrainingPage>::new().render();
    }
}

/// The page's allocator (see Cargo.toml): smaller and faster than the standard library's
/// dlmalloc. Memory it takes from the browser grows the wasm memory as dlmalloc's did, so big
/// pastes behave the same.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
