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
    show("pg_dump -h db.internal -t customers -Fc -f customers.dump billing\npsql -h db.internal billing -c \"DROP TABLE invoices_v1;\"\n", Context::default());
    show("kubectl scale deployment/api --replicas=0 -n prod\n", dev);
    show("kubectl scale deployment/api --replicas=0\n", dev);
    show("kubectl scale deployment/api --replicas=0\n", prod);
    show("./scripts/cleanup.sh --env \"$TARGET_ENV\"\n", Context::default());
    show("aws cloudformation delete-stack --stack-name legacy-reports\naws cloudformation create-stack --stack-name search-api --template-body file://search.yaml\n", Context::default());
    show("kubectl scale deployment/api --replicas=0 -n payments-core\n", stg);
    println!("{:?}", Policy::from_json(r#"{"version": 1, "protected": "billing-db"}"#));
}
