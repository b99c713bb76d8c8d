//! Browser entry point of the training page (`training.html`; see `lib.rs`).

fn main() {
    approval_risk_web::start_training();
}
