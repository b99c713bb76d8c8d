//! Temporary probe (deleted before hand-off).
use approval_risk_engine::*;
fn show(plan: &str, context: Context) {
    let a = assess(plan, &Options { context, ..Options::default() });
    println!("=== {plan:?} {:?}", context);
    for s in &a.steps {
        println!("  step {} {:?} {:?} {:?} | {}", s.index, s.decision, s.reversibility, s.scope, s.text);
        for f in &s.findings { println!("    {} {:?} {:?} {:?} {:?}", f.rule, f.decision, f.reversibility, f.scope, f.adjustments.iter().map(|a| &a.note).collect::<Vec<_>>()); }
        println!("    expl: {}", s.explanation);
    }
    for p in &a.patterns { println!("  pattern {} {:?}", p.rule, p.steps); }
}
#[test]
fn probe() {
    let dev = Context { target: Target::Development, ..Context::default() };
    let prod = Context { target: Target::Production, ..Context::default() };
    let stg = Context { target: Target::Staging, ..Context::default() };
    let f = std::fs::read_to_string("tests/fixtures/openai-tool-calls-transcript.json").unwrap();
    show(&f, Context::default());
    show("kubectl scale deployment/billing-worker --replicas=0 -n prod\nkubectl scale deployment/billing-worker --replicas=3 -n prod\n", Context::default());
    println!("{:?}", Policy::from_json(r#"{"version": 1, "protected": "billing-db"}"#));
}
