//! `cargo xtask bench`: times the engine natively (the xtask profile is optimised): a
//! 10,000-step mixed plan (budget: 20 ms median), and single commands, the per-command cost a
//! pre-execution hook pays; then hostile shapes at growing sizes (`complexity.rs`; skip them
//! with `--no-complexity`).

use approval_risk_engine::{assess, Options};
use std::time::{Duration, Instant};

/// Realistic steps of every format the engine reads, repeated to the wanted length.
const MIXED: &[&str] = &[
    "1. Check the current state of the service in us-east-1.",
    "2. Delete and recreate the production environment from the template.",
    "3. Run `terraform destroy -auto-approve` in envs/staging.",
    "4. Back up the orders database with pg_dump.",
    "5. Verify the service is healthy and tell the on-call engineer.",
    "6. git push --force origin main",
    "7. kubectl --context prod delete namespace payments",
    "8. rm -rf ./build && npm ci && npm test",
    "9. Clean up the old stuff.",
    "10. psql -h prod-db -c 'DROP TABLE users;'",
];

const COMMANDS: &[&str] = &[
    "git status",
    "git push --force origin main",
    "rm -rf /",
    "kubectl delete namespace payments",
    "ls -la /var/log",
    "sudo env X=1 bash -c 'rm -rf /srv/data'",
];

fn plan_of(steps: usize) -> String {
    let mut plan = String::new();
    for i in 0..steps {
        plan.push_str(MIXED[i % MIXED.len()]);
        plan.push('\n');
    }
    plan
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    f();
    median(
        (0..runs)
            .map(|_| {
                let started = Instant::now();
                f();
                started.elapsed()
            })
            .collect(),
    )
}

pub fn run(args: &[String]) -> Result<(), String> {
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(15);
    let options = Options::default();
    println!("engine, native, median of {runs} runs (xtask profile: opt-level 3)");
    for steps in [200, 10_000] {
        let plan = plan_of(steps);
        let mut verdict = None;
        let took = time(runs, || verdict = Some(assess(&plan, &options).verdict));
        let budget = if steps == 10_000 {
            "  (budget 20 ms)"
        } else {
            ""
        };
        println!(
            "  {steps:>6}-step mixed plan ({:>4} KB): {:>8.2} ms{budget}   verdict {}",
            plan.len() / 1024,
            took.as_secs_f64() * 1e3,
            verdict.map_or("-", |v| v.as_str())
        );
    }
    let big = plan_of(120_000);
    let took = time(3, || {
        assess(&big, &options);
    });
    println!(
        "  {:>6}-step paste ({:.1} MB): {:>8.2} ms",
        120_000,
        big.len() as f64 / 1e6,
        took.as_secs_f64() * 1e3
    );
    println!("single commands (what a pre-execution hook pays per call):");
    for command in COMMANDS {
        let took = time(runs.max(200), || {
            assess(command, &options);
        });
        println!("  {:>8.1} µs  {command}", took.as_secs_f64() * 1e6);
    }
    if !args.iter().any(|a| a == "--no-complexity") {
        let from_kb = args
            .iter()
            .position(|a| a == "--complexity-kb")
            .and_then(|i| args.get(i + 1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(64);
        crate::complexity::run(from_kb);
    }
    Ok(())
}
