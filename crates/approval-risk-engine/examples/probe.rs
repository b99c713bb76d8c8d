//! Prints the assessment of the text given as the first argument (a development aid).
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let a = approval_risk_engine::assess(&text, &Default::default());
    println!("{}", a.to_json());
}
