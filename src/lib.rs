//! The Approval Risk Explainer page: a Yew app that renders what the engine says about a plan.
//!
//! The page never scores anything itself. `state` turns text into an engine `Assessment` and
//! keeps it; the components only draw that assessment. Keeping the logic in the reducer lets
//! native tests cover it without a browser.

mod app;
pub mod components;
pub mod state;

pub use app::App;
