//! Browser entry point: the app on the page, the assessor in the worker (see `lib.rs`).

fn main() {
    approval_risk_web::start();
}
